// Facilities (health stations, schools, cultural houses) and markets.
//
// Per 2025 commune of the program area: a health station, a kindergarten, a
// primary and a lower secondary school (semi-boarding in area III) near the
// commune centre. Per other pre-2025 commune of it whose centre lies more than
// 2.5 km from the new centre (the old commune's own services, kept after the
// merger): another health station, a kindergarten and a primary school. An upper secondary school at each
// district seat. A cultural house in about a third of the villages. Markets:
// at most communes' centres, some old communes' centres and every seat.
#include "Workspace.h"

#include <algorithm>
#include <limits>
#include <map>

namespace planmap::layers::illustrative::detail {

namespace {

/// The old commune of the village nearest to p among the commune's villages.
int nearestOld(const Workspace& ws, const NewCommune& commune, Pt p)
{
    int best = -1;
    double bestDistance = std::numeric_limits<double>::infinity();
    for (const int v : commune.villages) {
        const double d = distance(ws.villages[static_cast<std::size_t>(v)].p, p);
        if (d < bestDistance) {
            bestDistance = d;
            best = ws.villages[static_cast<std::size_t>(v)].old;
        }
    }
    return best;
}

class Placer {
public:
    explicit Placer(Workspace& ws) : ws_(ws) {}

    void facility(const std::string& kind, int communeIndex, Pt around, double radius, Rng& rng, double standardChance)
    {
        Facility f;
        f.kind = kind;
        f.commune = communeIndex;
        if (communeIndex >= 0) {
            const NewCommune& c = ws_.communes[static_cast<std::size_t>(communeIndex)];
            f.p = randomPointIn(c, rng, around, radius);
            f.old = nearestOld(ws_, c, f.p);
        } else {
            f.p = {around.x + rng.uniform(-radius, radius), around.y + rng.uniform(-radius, radius)};
        }
        f.meetsStandard = rng.chance(standardChance);
        f.number = ++numbers_[kind];
        ws_.facilities.push_back(f);
        ++ws_.report.facilitiesByKind[kind];
    }

    void market(int communeIndex, Pt around, double radius, int marketClass, Rng& rng)
    {
        Market m;
        m.commune = communeIndex;
        m.marketClass = marketClass;
        if (communeIndex >= 0) {
            const NewCommune& c = ws_.communes[static_cast<std::size_t>(communeIndex)];
            m.p = randomPointIn(c, rng, around, radius);
            m.old = nearestOld(ws_, c, m.p);
        } else {
            m.p = {around.x + rng.uniform(-radius, radius), around.y + rng.uniform(-radius, radius)};
        }
        m.number = static_cast<int>(ws_.markets.size()) + 1;
        ws_.markets.push_back(m);
        ++ws_.report.markets;
    }

private:
    Workspace& ws_;
    std::map<std::string, int> numbers_;
};

} // namespace

void placeFacilities(Workspace& ws)
{
    ws.announce("placing health stations, schools and markets");
    Placer placer(ws);
    for (const int ci : ws.program) {
        const NewCommune& c = ws.communes[static_cast<std::size_t>(ci)];
        Rng rng(ws.options.seed, "facilities:" + c.code);
        const int centreOld = nearestOld(ws, c, c.centre);
        const bool remote = centreOld >= 0 && ws.olds[static_cast<std::size_t>(centreOld)].area == 3;
        placer.facility("health_station", ci, c.centre, 250, rng, 0.7);
        placer.facility("kindergarten", ci, c.centre, 400, rng, 0.6);
        placer.facility("primary_school", ci, c.centre, 400, rng, 0.65);
        placer.facility(remote && rng.chance(0.6) ? "semi_boarding_school" : "lower_secondary_school", ci, c.centre, 400,
                        rng, 0.6);
        std::vector<int> olds;
        for (const int v : c.villages) {
            const int o = ws.villages[static_cast<std::size_t>(v)].old;
            if (std::find(olds.begin(), olds.end(), o) == olds.end()) olds.push_back(o);
        }
        std::sort(olds.begin(), olds.end());
        // The old commune nearest the new centre is served by the new centre's facilities.
        auto centreOf = [&](int o) {
            return ws.villages[static_cast<std::size_t>(ws.olds[static_cast<std::size_t>(o)].centreVillage)].p;
        };
        int servedByCentre = -1;
        for (const int o : olds)
            if (servedByCentre < 0 || distance(centreOf(o), c.centre) < distance(centreOf(servedByCentre), c.centre))
                servedByCentre = o;
        for (const int o : olds) {
            const Pt centre = centreOf(o);
            if (o == servedByCentre || distance(centre, c.centre) <= 2500) continue;
            placer.facility("health_station", ci, centre, 200, rng, 0.55);
            placer.facility("kindergarten", ci, centre, 300, rng, 0.5);
            placer.facility("primary_school", ci, centre, 300, rng, 0.55);
        }
        for (const int v : c.villages)
            if (rng.chance(0.35)) placer.facility("cultural_house", ci, ws.villages[static_cast<std::size_t>(v)].p, 120, rng, 0.5);
    }
    for (const Seat& s : ws.seats) {
        Rng rng(ws.options.seed, "facilities:seat:" + s.name);
        placer.facility("upper_secondary_school", s.commune, s.p, 600, rng, 0.75);
    }

    if (!ws.options.markets) return;
    for (const int ci : ws.program) {
        const NewCommune& c = ws.communes[static_cast<std::size_t>(ci)];
        Rng rng(ws.options.seed, "markets:" + c.code);
        if (rng.chance(0.7)) placer.market(ci, c.centre, 300, 3, rng);
        std::vector<int> olds;
        for (const int v : c.villages) {
            const int o = ws.villages[static_cast<std::size_t>(v)].old;
            if (std::find(olds.begin(), olds.end(), o) == olds.end()) olds.push_back(o);
        }
        std::sort(olds.begin(), olds.end());
        for (const int o : olds) {
            const Pt centre = ws.villages[static_cast<std::size_t>(ws.olds[static_cast<std::size_t>(o)].centreVillage)].p;
            if (distance(centre, c.centre) > 4000 && rng.chance(0.2)) placer.market(ci, centre, 250, 3, rng);
        }
    }
    for (const Seat& s : ws.seats) {
        Rng rng(ws.options.seed, "markets:seat:" + s.name);
        placer.market(s.commune, s.p, 500, 2, rng);
    }
}

} // namespace planmap::layers::illustrative::detail
