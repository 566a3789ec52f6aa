// Villages: how many per commune, where, which pre-2025 commune each
// belonged to, and what they are like (ethnic-minority area, ĐBKK, people).
#include "Workspace.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <stdexcept>

namespace planmap::layers::illustrative::detail {

namespace {

/// Candidates drawn per village by the best-candidate sampler (Mitchell):
/// more candidates spread villages more evenly.
constexpr int kCandidatesPerVillage = 12;

int villageCount(const Workspace& ws)
{
    if (ws.options.villages) {
        if (*ws.options.villages < 1) throw std::runtime_error("the number of villages must be at least 1");
        return *ws.options.villages;
    }
    if (auto it = ws.roleIndicators.find(Role::VillageRoads); it != ws.roleIndicators.end() && it->second.denominator)
        return std::max(1, static_cast<int>(std::lround(*it->second.denominator)));
    return std::max(1, static_cast<int>(std::lround(ws.report.programAreaKm2 / 5.0)));
}

/// Villages per program commune, proportional to area (largest remainder),
/// at least one each when there are enough villages.
std::vector<int> allocate(const Workspace& ws, int total)
{
    const std::size_t n = ws.program.size();
    double area = 0;
    for (const int i : ws.program) area += ws.communes[static_cast<std::size_t>(i)].areaM2;
    std::vector<int> counts(n, 0);
    std::vector<std::pair<double, std::size_t>> remainders;
    int given = 0;
    for (std::size_t k = 0; k < n; ++k) {
        const double quota = total * ws.communes[static_cast<std::size_t>(ws.program[k])].areaM2 / area;
        counts[k] = static_cast<int>(std::floor(quota));
        given += counts[k];
        remainders.emplace_back(quota - counts[k], k);
    }
    std::stable_sort(remainders.begin(), remainders.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t r = 0; given < total; ++r, ++given) ++counts[remainders[r % n].second];
    if (total >= static_cast<int>(n)) {
        for (std::size_t k = 0; k < n; ++k) {
            if (counts[k] > 0) continue;
            const auto largest = std::max_element(counts.begin(), counts.end());
            --*largest;
            counts[k] = 1;
        }
    }
    return counts;
}

/// Splits the villages of one 2025 commune among its predecessors: villages
/// go to a predecessor whose district covers them when districts have
/// geometry; within that, k-means clusters (seeded by farthest points) give
/// each predecessor one compact group.
void assignOld(Workspace& ws, NewCommune& commune, int communeIndex)
{
    if (commune.predecessors.empty()) {
        OldCommune stand;
        stand.synthetic = true;
        stand.newCommune = communeIndex;
        stand.code = commune.code;
        stand.name = commune.fullName;
        const int index = static_cast<int>(ws.olds.size());
        ws.olds.push_back(std::move(stand));
        for (const int v : commune.villages) ws.villages[static_cast<std::size_t>(v)].old = index;
        return;
    }
    std::map<std::vector<int>, std::vector<int>> groups; // candidate predecessors → villages
    for (const int v : commune.villages) {
        const Pt p = ws.villages[static_cast<std::size_t>(v)].p;
        std::vector<int> candidates;
        for (const int o : commune.predecessors) {
            const int d = ws.olds[static_cast<std::size_t>(o)].district;
            if (d >= 0 && ws.districts[static_cast<std::size_t>(d)].prepared
                && ws.districts[static_cast<std::size_t>(d)].prepared->covers(p.x, p.y))
                candidates.push_back(o);
        }
        if (candidates.empty()) candidates = commune.predecessors;
        groups[candidates].push_back(v);
    }
    for (const auto& [candidates, members] : groups) {
        const std::size_t k = std::min(candidates.size(), members.size());
        std::vector<int> label(members.size(), 0);
        if (k > 1) {
            auto at = [&](std::size_t m) { return ws.villages[static_cast<std::size_t>(members[m])].p; };
            Pt mean;
            for (std::size_t m = 0; m < members.size(); ++m) {
                mean.x += at(m).x / members.size();
                mean.y += at(m).y / members.size();
            }
            std::vector<Pt> seeds;
            std::size_t first = 0;
            for (std::size_t m = 1; m < members.size(); ++m)
                if (distance(at(m), mean) > distance(at(first), mean)) first = m;
            seeds.push_back(at(first));
            while (seeds.size() < k) {
                std::size_t best = 0;
                double bestDistance = -1;
                for (std::size_t m = 0; m < members.size(); ++m) {
                    double d = std::numeric_limits<double>::infinity();
                    for (const Pt& s : seeds) d = std::min(d, distance(at(m), s));
                    if (d > bestDistance) {
                        bestDistance = d;
                        best = m;
                    }
                }
                seeds.push_back(at(best));
            }
            for (int iteration = 0; iteration < 8; ++iteration) {
                for (std::size_t m = 0; m < members.size(); ++m) {
                    int nearest = 0;
                    for (std::size_t s = 1; s < k; ++s)
                        if (distance(at(m), seeds[s]) < distance(at(m), seeds[static_cast<std::size_t>(nearest)]))
                            nearest = static_cast<int>(s);
                    label[m] = nearest;
                }
                std::vector<Pt> sums(k);
                std::vector<int> sizes(k, 0);
                for (std::size_t m = 0; m < members.size(); ++m) {
                    const auto l = static_cast<std::size_t>(label[m]);
                    sums[l].x += at(m).x;
                    sums[l].y += at(m).y;
                    ++sizes[l];
                }
                for (std::size_t s = 0; s < k; ++s)
                    if (sizes[s] > 0) seeds[s] = {sums[s].x / sizes[s], sums[s].y / sizes[s]};
            }
            // Clusters north to south get the predecessors in code order.
            std::vector<std::size_t> order(k);
            std::iota(order.begin(), order.end(), 0);
            std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
                return seeds[a].y > seeds[b].y || (seeds[a].y == seeds[b].y && seeds[a].x < seeds[b].x);
            });
            std::vector<int> rank(k);
            for (std::size_t r = 0; r < k; ++r) rank[order[r]] = static_cast<int>(r);
            for (int& l : label) l = rank[static_cast<std::size_t>(l)];
        }
        for (std::size_t m = 0; m < members.size(); ++m)
            ws.villages[static_cast<std::size_t>(members[m])].old = candidates[static_cast<std::size_t>(label[m])];
    }
}

} // namespace

void placeVillages(Workspace& ws)
{
    ws.announce("placing villages");
    const int total = villageCount(ws);
    const std::vector<int> counts = allocate(ws, total);
    for (std::size_t k = 0; k < ws.program.size(); ++k) {
        const int ci = ws.program[k];
        NewCommune& commune = ws.communes[static_cast<std::size_t>(ci)];
        Rng rng(ws.options.seed, "villages:" + commune.code);
        std::vector<Pt> placed{commune.centre};
        for (int v = 0; v < counts[k]; ++v) {
            Pt best = commune.centre;
            double bestScore = -1;
            for (int c = 0; c < kCandidatesPerVillage; ++c) {
                const Pt p = randomPointIn(commune, rng, commune.centre, 0);
                double nearest = std::numeric_limits<double>::infinity();
                for (const Pt& q : placed) nearest = std::min(nearest, distance(p, q));
                // Villages favour open land (low forest affinity).
                const double score = nearest * (0.55 + 0.9 * (1.0 - forestAffinity(ws, p)));
                if (score > bestScore) {
                    bestScore = score;
                    best = p;
                }
            }
            placed.push_back(best);
            Village village;
            village.p = best;
            village.commune = ci;
            village.number = static_cast<int>(ws.villages.size()) + 1;
            commune.villages.push_back(static_cast<int>(ws.villages.size()));
            ws.villages.push_back(village);
        }
    }
    for (const int ci : ws.program) assignOld(ws, ws.communes[static_cast<std::size_t>(ci)], ci);
    for (std::size_t v = 0; v < ws.villages.size(); ++v)
        ws.olds[static_cast<std::size_t>(ws.villages[v].old)].villages.push_back(static_cast<int>(v));

    // The centre of each old commune: its medoid village.
    for (OldCommune& o : ws.olds) {
        double best = std::numeric_limits<double>::infinity();
        for (const int a : o.villages) {
            double sum = 0;
            for (const int b : o.villages)
                sum += distance(ws.villages[static_cast<std::size_t>(a)].p, ws.villages[static_cast<std::size_t>(b)].p);
            if (sum < best) {
                best = sum;
                o.centreVillage = a;
            }
        }
    }
    int withVillages = 0;
    for (const OldCommune& o : ws.olds)
        if (!o.synthetic && !o.villages.empty()) ++withVillages;
    ws.report.oldCommunesWithVillages = withVillages;
    ws.report.villages = static_cast<int>(ws.villages.size());
}

void describeVillages(Workspace& ws)
{
    ws.announce("describing villages");
    // Remoteness of each old commune with villages: distance from its centre
    // to the nearest district seat, ranked, with some noise; the most remote
    // 45 % become area III, the next 15 % area II, the rest area I.
    std::vector<int> withVillages;
    std::vector<double> seatDistance(ws.olds.size(), 0);
    for (std::size_t o = 0; o < ws.olds.size(); ++o) {
        const OldCommune& old = ws.olds[o];
        if (old.villages.empty()) continue;
        withVillages.push_back(static_cast<int>(o));
        const Pt centre = ws.villages[static_cast<std::size_t>(old.centreVillage)].p;
        double d = std::numeric_limits<double>::infinity();
        for (const Seat& s : ws.seats) d = std::min(d, distance(centre, s.p));
        seatDistance[o] = std::isfinite(d) ? d : forestAffinity(ws, centre);
    }
    std::vector<int> byDistance = withVillages;
    std::stable_sort(byDistance.begin(), byDistance.end(),
                     [&](int a, int b) { return seatDistance[static_cast<std::size_t>(a)] < seatDistance[static_cast<std::size_t>(b)]; });
    const double denominator = std::max<std::size_t>(1, byDistance.size() - 1);
    Rng rng(ws.options.seed, "areas");
    std::vector<std::pair<double, int>> ranked;
    for (std::size_t r = 0; r < byDistance.size(); ++r) {
        OldCommune& o = ws.olds[static_cast<std::size_t>(byDistance[r])];
        o.remoteness = r / denominator;
        ranked.emplace_back(o.remoteness + rng.uniform(0, 0.35), byDistance[r]);
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    const auto n = static_cast<double>(ranked.size());
    for (std::size_t r = 0; r < ranked.size(); ++r) {
        OldCommune& o = ws.olds[static_cast<std::size_t>(ranked[r].second)];
        const auto threeUntil = static_cast<std::size_t>(std::lround(0.45 * n));
        const auto twoUntil = static_cast<std::size_t>(std::lround(0.60 * n));
        o.area = r < threeUntil ? 3 : r < twoUntil ? 2 : 1;
    }

    for (Village& v : ws.villages) {
        Rng vr(ws.options.seed, "village:" + std::to_string(v.number));
        v.area = ws.olds[static_cast<std::size_t>(v.old)].area;
        const double dbkkChance = v.area == 3 ? 0.72 : v.area == 2 ? 0.33 : 0.07;
        v.dbkk = vr.chance(dbkkChance);
        v.households = std::clamp(static_cast<int>(std::lround(std::exp(std::log(95.0) + 0.42 * vr.normal()))), 22, 420);
        v.population = static_cast<int>(std::lround(v.households * vr.uniform(3.7, 4.6)));
        double poorRate = v.area == 3 ? vr.uniform(0.16, 0.38) : v.area == 2 ? vr.uniform(0.08, 0.22) : vr.uniform(0.02, 0.10);
        if (v.dbkk) poorRate = std::min(0.6, poorRate * 1.25);
        v.poorHouseholds = static_cast<int>(std::lround(v.households * poorRate));
        v.gridPower = !vr.chance(v.area == 3 && v.dbkk ? 0.05 : 0.01);
        ws.report.population += v.population;
        ws.report.households += v.households;
        if (v.dbkk) ++ws.report.villagesDbkk;
        ++ws.report.villagesByArea[v.area];
    }
}

} // namespace planmap::layers::illustrative::detail
