// Infrastructure projects (công trình đầu tư) of the plan year: road
// hardening along existing roads, new and upgraded health stations, water
// works and cultural houses in villages — each serving a role's indicator —
// and, unlinked, school upgrades, bridges and grid connections.
#include "Workspace.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace planmap::layers::illustrative::detail {

namespace {

std::string isoDate(int year, int month, int day)
{
    char text[40];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
    return text;
}

int roleCount(const Workspace& ws, Role role)
{
    return std::max(0, static_cast<int>(std::lround(ws.scale(role))));
}

class Planner {
public:
    explicit Planner(Workspace& ws) : ws_(ws), rng_(ws.options.seed, "projects") {}

    Project& add(std::string type, std::string action, std::optional<Role> role, double budgetLo, double budgetHi,
                 double completedChance)
    {
        Project p;
        p.type = std::move(type);
        p.action = std::move(action);
        p.role = role;
        p.budget = std::round(rng_.uniform(budgetLo, budgetHi));
        const int year = ws_.year;
        const double draw = rng_.uniform();
        if (draw < completedChance) {
            p.status = "completed";
            const int startMonth = rng_.between(1, 5);
            p.start = isoDate(year, startMonth, rng_.between(1, 28));
            p.end = isoDate(year, rng_.between(startMonth + 3, 11), rng_.between(1, 28));
            p.completedShare = 1.0;
        } else if (draw < completedChance + (1 - completedChance) * 0.8) {
            p.status = "in_progress";
            p.start = isoDate(year, rng_.between(2, 8), rng_.between(1, 28));
            p.completedShare = rng_.uniform(0.25, 0.85);
        } else {
            p.status = "planned";
            p.completedShare = 0;
        }
        p.number = static_cast<int>(ws_.projects.size()) + 1;
        ws_.projects.push_back(std::move(p));
        ++ws_.report.projectsByType[ws_.projects.back().type];
        ws_.report.projectBudgetMillionVnd += ws_.projects.back().budget;
        return ws_.projects.back();
    }

    /// `count` distinct items of `pool` (indices), preferring a smaller key.
    template <class Key>
    std::vector<int> pick(int poolSize, int count, Key key)
    {
        std::vector<std::pair<double, int>> order;
        for (int i = 0; i < poolSize; ++i) {
            const double k = key(i);
            if (std::isfinite(k)) order.emplace_back(k + rng_.uniform(), i);
        }
        std::stable_sort(order.begin(), order.end());
        std::vector<int> chosen;
        for (std::size_t i = 0; i < order.size() && static_cast<int>(chosen.size()) < count; ++i)
            chosen.push_back(order[i].second);
        return chosen;
    }

    Rng& rng() { return rng_; }

private:
    Workspace& ws_;
    Rng rng_;
};

double lineLengthKm(const std::vector<Pt>& line)
{
    double metres = 0;
    for (std::size_t i = 1; i < line.size(); ++i) metres += distance(line[i - 1], line[i]);
    return metres / 1000.0;
}

geo::Geometry lineGeometry(const std::vector<Pt>& line)
{
    std::vector<double> xy;
    for (const Pt& p : line) {
        xy.push_back(p.x);
        xy.push_back(p.y);
    }
    return geo::Geometry::lineString(xy);
}

} // namespace

void planProjects(Workspace& ws)
{
    ws.announce("planning infrastructure projects");
    Planner planner(ws);
    Rng& rng = planner.rng();
    constexpr double kInf = std::numeric_limits<double>::infinity();

    // Road hardening: hardened roads on the way to old communes' centres, and
    // links between commune centres, until the target length is reached.
    {
        const double targetKm = ws.scale(Role::RoadHardeningKm);
        std::vector<bool> onCentrePath(ws.edges.size(), false);
        for (const OldCommune& o : ws.olds) {
            if (o.centreVillage < 0 || !o.hardenedCentre) continue;
            for (int node = ws.villages[static_cast<std::size_t>(o.centreVillage)].node;
                 node >= 0 && ws.nodes[static_cast<std::size_t>(node)].kind == NodeKind::Village;
                 node = ws.nodes[static_cast<std::size_t>(node)].parent)
                onCentrePath[static_cast<std::size_t>(ws.nodes[static_cast<std::size_t>(node)].parentEdge)] = true;
        }
        const std::vector<int> candidates =
            planner.pick(static_cast<int>(ws.edges.size()), static_cast<int>(ws.edges.size()), [&](int e) {
                const RoadEdge& edge = ws.edges[static_cast<std::size_t>(e)];
                if (!edge.hardened || edge.commune < 0) return kInf;
                // Roads to old communes' centres and between centres first, then other village roads.
                return (onCentrePath[static_cast<std::size_t>(e)] || edge.roadClass == "commune") ? 0.0
                    : edge.roadClass == "village"                                                 ? 2.0
                                                                                                  : 4.0;
            });
        double total = 0;
        std::vector<bool> taken(ws.edges.size(), false);
        auto take = [&](int e) {
            const RoadEdge& edge = ws.edges[static_cast<std::size_t>(e)];
            const double km = lineLengthKm(edge.line);
            Project& p = planner.add("road", "Cứng hóa đường", Role::RoadHardeningKm, 0, 0, 0.7);
            p.line = lineGeometry(edge.line);
            p.km = km;
            p.budget = std::round(km * rng.uniform(2200, 3800));
            ws.report.projectBudgetMillionVnd += p.budget;
            p.commune = edge.commune;
            p.old = edge.old;
            p.p = edge.line[edge.line.size() / 2];
            total += km;
            taken[static_cast<std::size_t>(e)] = true;
        };
        // Whole roads in order while they fit (2 % over at most), then the one
        // road that brings the total closest to the target.
        for (const int e : candidates) {
            if (total >= 0.98 * targetKm) break;
            if (total + lineLengthKm(ws.edges[static_cast<std::size_t>(e)].line) <= 1.02 * targetKm) take(e);
        }
        if (total < 0.98 * targetKm) {
            int best = -1;
            double bestError = targetKm - total;
            for (const int e : candidates) {
                const double error = std::abs(total + lineLengthKm(ws.edges[static_cast<std::size_t>(e)].line) - targetKm);
                if (!taken[static_cast<std::size_t>(e)] && error < bestError) {
                    best = e;
                    bestError = error;
                }
            }
            if (best >= 0) take(best);
        }
    }

    // Health stations: new buildings and upgrades of stations below the standard.
    {
        const int newCount = roleCount(ws, Role::HealthStationNew);
        const int upgradeCount = roleCount(ws, Role::HealthStationUpgrade);
        const std::vector<int> stations =
            planner.pick(static_cast<int>(ws.facilities.size()), newCount + upgradeCount, [&](int f) {
                const Facility& facility = ws.facilities[static_cast<std::size_t>(f)];
                if (facility.kind != "health_station" || facility.commune < 0) return kInf;
                const int area = facility.old >= 0 ? ws.olds[static_cast<std::size_t>(facility.old)].area : 1;
                return (facility.meetsStandard ? 2.0 : 0.0) + (3 - area) * 0.5;
            });
        for (std::size_t i = 0; i < stations.size(); ++i) {
            const Facility& f = ws.facilities[static_cast<std::size_t>(stations[i])];
            const bool isNew = static_cast<int>(i) < newCount;
            Project& p = isNew ? planner.add("health_station", "Xây mới trạm y tế", Role::HealthStationNew, 4500, 7500, 0.6)
                               : planner.add("health_station", "Nâng cấp, cải tạo trạm y tế", Role::HealthStationUpgrade, 800,
                                             2500, 0.65);
            p.p = f.p;
            p.commune = f.commune;
            p.old = f.old;
        }
    }

    auto nearVillage = [&](Project& p, int v, double radius) {
        const Village& village = ws.villages[static_cast<std::size_t>(v)];
        p.p = randomPointIn(ws.communes[static_cast<std::size_t>(village.commune)], rng, village.p, radius);
        p.commune = village.commune;
        p.old = village.old;
    };

    // Water works in poor villages of area III.
    for (const int v : planner.pick(static_cast<int>(ws.villages.size()), roleCount(ws, Role::WaterWorks), [&](int i) {
             const Village& village = ws.villages[static_cast<std::size_t>(i)];
             return (3 - village.area) * 1.5 - 4.0 * village.poorHouseholds / std::max(1, village.households);
         })) {
        Project& p = planner.add("water_works", "Công trình nước sinh hoạt tập trung", Role::WaterWorks, 1500, 4500, 0.6);
        nearVillage(p, v, 300);
    }

    // Cultural houses, ĐBKK villages first.
    for (const int v : planner.pick(static_cast<int>(ws.villages.size()), roleCount(ws, Role::VillageCulture), [&](int i) {
             return ws.villages[static_cast<std::size_t>(i)].dbkk ? 0.0 : 1.5;
         })) {
        Project& p = planner.add("cultural_house", "Nhà văn hóa thôn", Role::VillageCulture, 350, 900, 0.65);
        nearVillage(p, v, 150);
    }

    // Not linked to an indicator: school upgrades, bridges, grid connections.
    const int programCommunes = static_cast<int>(ws.program.size());
    for (const int f : planner.pick(static_cast<int>(ws.facilities.size()), std::max(1, programCommunes / 5), [&](int i) {
             const std::string& kind = ws.facilities[static_cast<std::size_t>(i)].kind;
             const bool school = kind == "kindergarten" || kind == "primary_school" || kind == "lower_secondary_school"
                 || kind == "semi_boarding_school";
             return school && ws.facilities[static_cast<std::size_t>(i)].commune >= 0 ? 0.0 : kInf;
         })) {
        const Facility& facility = ws.facilities[static_cast<std::size_t>(f)];
        Project& p = planner.add("school", "Cải tạo, nâng cấp trường học", std::nullopt, 1200, 5000, 0.5);
        p.p = facility.p;
        p.commune = facility.commune;
        p.old = facility.old;
    }
    for (const int e : planner.pick(static_cast<int>(ws.edges.size()), std::max(1, programCommunes / 6), [&](int i) {
             const RoadEdge& edge = ws.edges[static_cast<std::size_t>(i)];
             return edge.roadClass == "village" && edge.line.size() >= 3 ? 0.0 : kInf;
         })) {
        const RoadEdge& edge = ws.edges[static_cast<std::size_t>(e)];
        Project& p = planner.add("bridge", "Cầu dân sinh", std::nullopt, 400, 2500, 0.5);
        p.p = edge.line[edge.line.size() / 2];
        p.commune = edge.commune;
        p.old = edge.old;
    }
    for (const int v : planner.pick(static_cast<int>(ws.villages.size()), static_cast<int>(ws.villages.size()), [&](int i) {
             return ws.villages[static_cast<std::size_t>(i)].gridPower ? kInf : 0.0;
         })) {
        Project& p = planner.add("electricity", "Cấp điện lưới quốc gia cho thôn", std::nullopt, 600, 3000, 0.4);
        nearVillage(p, v, 200);
    }
}

} // namespace planmap::layers::illustrative::detail
