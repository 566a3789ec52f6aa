// Forest plots: non-overlapping polygons whose geodesic areas add up to the
// plan's hectares per forest role.
//
// The program area is tiled by the Voronoi cells of a jittered grid (about
// 38 ha a cell). A plot is a cell shrunk towards its centroid (so plots never
// touch) and cut to its commune; about one in ten cells that straddle two
// program communes keeps its full shape and crosses the boundary, as real
// plots do. Cells near a village are left out. Natural forest goes where a
// smooth "forest affinity" field is high (special-use and protection forest
// under management boards where a second field is also high); planting goes
// near villages. Each role takes cells until its target is reached; the last
// plot is shrunk to close the gap, so totals land within 0.5 ha of the target.
//
// Attributes per role (disjoint, so a rule on attributes finds each role):
//   ForestProtectionContract  special_use|protection, natural, management_board
//   ForestNaturalAssigned     protection|production, natural, household|community
//   ForestRegeneration        protection, natural, commune_committee
//   ForestProductionPlanting  production, planted, household|enterprise
//   ForestProtectionPlanting  protection, planted, community|household
#include "Workspace.h"

#include "planmap/geo/GeosContext.h"

#include <geos_c.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace planmap::layers::illustrative::detail {

namespace {

constexpr double kCellSpacing = 620.0;      ///< metres between grid sites: cells of ~38 ha
constexpr double kVillageClearance = 350.0; ///< no cell whose centroid is nearer a village
constexpr double kCrossingShare = 0.10;     ///< of cells straddling two program communes

struct Cell {
    geo::Geometry polygon = geo::Geometry::empty(geo::GeometryType::Polygon);
    Pt centroid;
    double area = 0;
    int commune = -1;
    double affinity = 0;
    double zone = 0;
    double villageDistance = 0;
    bool used = false;
};

/// The cell's polygon scaled by `s` about its centroid.
geo::Geometry scaled(const Cell& cell, double s)
{
    const geo::CoordinateBuffer buffer = cell.polygon.coordinates();
    std::vector<std::vector<double>> rings;
    for (const geo::CoordinatePart& part : buffer.parts) {
        const double* xy = buffer.data(part);
        std::vector<double> ring;
        for (std::uint32_t i = 0; i < part.count; ++i) {
            ring.push_back(cell.centroid.x + s * (xy[2 * i] - cell.centroid.x));
            ring.push_back(cell.centroid.y + s * (xy[2 * i + 1] - cell.centroid.y));
        }
        rings.push_back(std::move(ring));
    }
    return geo::Geometry::polygon(rings);
}

geo::Geometry clipToRect(const geo::Geometry& g, const geo::Envelope& e)
{
    return geo::Geometry::adopt(GEOSClipByRect_r(geo::geosContext(), g.handle(), e.minx, e.miny, e.maxx, e.maxy));
}

/// Keeps the polygonal parts of at least 0.05 ha.
geo::Geometry polygonalParts(const geo::Geometry& g)
{
    std::vector<geo::Geometry> parts;
    for (int i = 0; i < g.numGeometries(); ++i) {
        geo::Geometry part = g.geometryN(i);
        if (part.type() == geo::GeometryType::Polygon && part.area() >= 500.0) parts.push_back(std::move(part));
    }
    if (parts.empty()) return geo::Geometry::empty(geo::GeometryType::Polygon);
    if (parts.size() == 1) return std::move(parts.front());
    return geo::Geometry::collect(std::move(parts));
}

class Planter {
public:
    explicit Planter(Workspace& ws) : ws_(ws), rng_(ws.options.seed, "forests") {}

    void tile()
    {
        geo::Envelope extent;
        for (const int ci : ws_.program) extent.expand(ws_.communes[static_cast<std::size_t>(ci)].geom.envelope());
        Rng jitter(ws_.options.seed, "forests:sites");
        std::vector<geo::Geometry> sites;
        // Sites cover the program's extent and a margin, so that every cell
        // whose centroid falls in the program area is a bounded, compact one.
        for (double y = extent.miny - 2 * kCellSpacing; y < extent.maxy + 2 * kCellSpacing; y += kCellSpacing)
            for (double x = extent.minx - 2 * kCellSpacing; x < extent.maxx + 2 * kCellSpacing; x += kCellSpacing)
                sites.push_back(geo::Geometry::point(x + jitter.uniform(-0.4, 0.4) * kCellSpacing,
                                                     y + jitter.uniform(-0.4, 0.4) * kCellSpacing));
        if (sites.size() < 3) return;
        const geo::Geometry points = geo::Geometry::collect(std::move(sites));
        const geo::Geometry diagram =
            geo::Geometry::adopt(GEOSVoronoiDiagram_r(geo::geosContext(), points.handle(), nullptr, 0.0, 0));

        geo::SpatialIndex villageIndex;
        for (std::size_t v = 0; v < ws_.villages.size(); ++v)
            villageIndex.insert(static_cast<std::int64_t>(v), geo::Envelope(ws_.villages[v].p.x, ws_.villages[v].p.y,
                                                                            ws_.villages[v].p.x, ws_.villages[v].p.y));
        const std::uint64_t zoneSeed = ws_.options.seed ^ stableHash("forest-zone");
        for (int i = 0; i < diagram.numGeometries(); ++i) {
            Cell cell;
            cell.polygon = diagram.geometryN(i);
            const geo::Envelope ce = cell.polygon.centroid().envelope();
            cell.centroid = {ce.minx, ce.miny};
            cell.commune = ws_.communeAt(cell.centroid);
            if (cell.commune < 0 || !ws_.communes[static_cast<std::size_t>(cell.commune)].program) continue;
            cell.area = cell.polygon.area();
            cell.affinity = forestAffinity(ws_, cell.centroid);
            cell.zone = valueNoise(cell.centroid.x, cell.centroid.y, 14000.0, zoneSeed);
            const auto nearest = villageIndex.nearestByEnvelope(cell.centroid.x, cell.centroid.y);
            cell.villageDistance = nearest ? nearest->distance : std::numeric_limits<double>::infinity();
            if (cell.villageDistance < kVillageClearance) continue;
            cells_.push_back(std::move(cell));
        }
        // Independent of the order GEOS returns the cells in.
        std::sort(cells_.begin(), cells_.end(), [](const Cell& a, const Cell& b) {
            return a.centroid.y < b.centroid.y || (a.centroid.y == b.centroid.y && a.centroid.x < b.centroid.x);
        });
    }

    /// Fills one role: cells in the order of `key` (smallest first), each
    /// shrunk by `shrink(cell)`, until the target hectares are reached.
    template <class Key, class Shrink, class Describe>
    void fill(Role role, double targetHa, Key key, Shrink shrink, Describe describe)
    {
        ws_.report.forestTargetHa[role] = targetHa;
        std::vector<std::pair<double, std::size_t>> order;
        for (std::size_t i = 0; i < cells_.size(); ++i)
            if (!cells_[i].used) order.emplace_back(key(cells_[i]), i);
        std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        double total = 0;
        for (const auto& [k, i] : order) {
            const double gap = targetHa - total;
            if (gap < 0.5) break;
            Cell& cell = cells_[i];
            const bool crossing = straddles(cell) && rng_.chance(kCrossingShare);
            double s = shrink(cell);
            auto plot = make(cell, s, crossing);
            if (!plot) continue;
            if (plot->ha > gap) {
                // Shrink the last plot so the total meets the target.
                double lo = 0, hi = s;
                for (int iteration = 0; iteration < 30 && std::abs(plot->ha - gap) > 0.01 * gap; ++iteration) {
                    s = (lo + hi) / 2;
                    auto smaller = make(cell, s, crossing);
                    if (!smaller || smaller->ha < gap) lo = s;
                    else hi = s;
                    if (smaller) plot = std::move(smaller);
                }
                if (!plot || plot->ha < 0.05) break;
            }
            cell.used = true;
            plot->role = role;
            describe(*plot, cell);
            total += plot->ha;
            ws_.report.forestHa[role] += plot->ha;
            ++ws_.report.forestPlotsByRole[role];
            if (plot->crossing) ++ws_.report.forestPlotsCrossingCommunes;
            ws_.plots.push_back(std::move(*plot));
        }
    }

    Rng& rng() { return rng_; }

private:
    bool straddles(const Cell& cell) const
    {
        const NewCommune& c = ws_.communes[static_cast<std::size_t>(cell.commune)];
        return !c.prepared->covers(cell.polygon);
    }

    std::optional<ForestPlot> make(const Cell& cell, double s, bool crossing)
    {
        const NewCommune& commune = ws_.communes[static_cast<std::size_t>(cell.commune)];
        geo::Geometry shape = scaled(cell, s);
        bool crosses = false;
        if (!commune.prepared->covers(shape)) {
            geo::Geometry inside = polygonalParts(shape.intersection(clipToRect(commune.geom, shape.envelope().buffered(1.0))));
            if (crossing && coveredByProgram(shape)) {
                crosses = true;
            } else {
                shape = std::move(inside);
            }
        }
        if (shape.isEmpty() || shape.area() < 500.0) return std::nullopt;
        const geo::Geometry lonlat = ws_.toStorage(shape);
        if (!lonlat.isValid()) return std::nullopt; // a sliver folded by the transformation: use another cell
        ForestPlot plot;
        plot.ha = ws_.geodesic.areaHectares(lonlat);
        plot.geom = std::move(shape);
        plot.commune = cell.commune;
        plot.crossing = crosses;
        plot.old = nearestOld(commune, cell.centroid);
        return plot;
    }

    /// The shape lies within program communes (its parts outside its own
    /// commune are covered by a neighbour).
    bool coveredByProgram(const geo::Geometry& shape) const
    {
        std::vector<std::int64_t> hits = ws_.communeIndex.query(shape.envelope());
        std::sort(hits.begin(), hits.end());
        geo::Geometry rest = shape;
        for (const std::int64_t i : hits) {
            const NewCommune& c = ws_.communes[static_cast<std::size_t>(i)];
            if (!c.program || !c.prepared->intersects(rest)) continue;
            rest = rest.difference(clipToRect(c.geom, rest.envelope().buffered(1.0)));
            if (rest.isEmpty() || rest.area() < 1.0) return true;
        }
        return false;
    }

    int nearestOld(const NewCommune& commune, Pt p) const
    {
        int best = -1;
        double bestDistance = std::numeric_limits<double>::infinity();
        for (const int v : commune.villages) {
            const double d = distance(ws_.villages[static_cast<std::size_t>(v)].p, p);
            if (d < bestDistance) {
                bestDistance = d;
                best = ws_.villages[static_cast<std::size_t>(v)].old;
            }
        }
        return best;
    }

    Workspace& ws_;
    Rng rng_;
    std::vector<Cell> cells_;
};

/// Area of the program in hectares, for roles without an indicator.
double programHa(const Workspace& ws) { return ws.report.programAreaKm2 * 100.0; }

double targetHa(const Workspace& ws, Role role)
{
    return ws.hasIndicator(role) ? ws.scale(role) : defaultScale(role) * programHa(ws);
}

/// Sub-zones (tiểu khu) are 6 km squares; compartments and plots number the
/// plots within them.
void numberPlots(Workspace& ws)
{
    std::map<std::pair<long, long>, int> perZone;
    std::map<std::pair<long, long>, int> zoneNumbers;
    for (std::size_t i = 0; i < ws.plots.size(); ++i) {
        ForestPlot& p = ws.plots[i];
        p.number = static_cast<int>(i) + 1;
        const geo::Envelope e = p.geom.envelope();
        const std::pair<long, long> zone{std::lround(std::floor(e.center().x / 6000.0)), std::lround(std::floor(e.center().y / 6000.0))};
        zoneNumbers.emplace(zone, 0);
        const int k = perZone[zone]++;
        p.compartment = std::to_string(k / 8 + 1);
        p.plot = std::string(1, static_cast<char>('a' + k % 8));
    }
    int n = 100;
    for (auto& [zone, number] : zoneNumbers) number = ++n;
    for (ForestPlot& p : ws.plots) {
        const geo::Envelope e = p.geom.envelope();
        const std::pair<long, long> zone{std::lround(std::floor(e.center().x / 6000.0)), std::lround(std::floor(e.center().y / 6000.0))};
        p.subZone = std::string(kNameMarker) + "-" + std::to_string(zoneNumbers[zone]);
    }
}

} // namespace

void plantForests(Workspace& ws)
{
    ws.announce("planting forest plots");
    Planter planter(ws);
    planter.tile();
    Rng& rng = planter.rng();
    const int year = ws.year;

    planter.fill(
        Role::ForestProtectionContract, targetHa(ws, Role::ForestProtectionContract),
        [&](const Cell& c) { return -(c.affinity + c.zone) / 2 + rng.uniform(0, 0.1); },
        [](const Cell&) { return 0.9; },
        [&](ForestPlot& p, const Cell& c) {
            p.forestType = c.zone > 0.55 ? "special_use" : "protection";
            p.origin = "natural";
            p.holder = "management_board";
            p.contractYear = year - rng.between(0, 3);
        });
    planter.fill(
        Role::ForestNaturalAssigned, targetHa(ws, Role::ForestNaturalAssigned),
        [&](const Cell& c) { return -c.affinity + rng.uniform(0, 0.15); },
        [](const Cell&) { return 0.8; },
        [&](ForestPlot& p, const Cell&) {
            p.forestType = rng.chance(0.4) ? "protection" : "production";
            p.origin = "natural";
            p.holder = rng.chance(0.7) ? "household" : "community";
            p.contractYear = year - rng.between(0, 12);
        });
    planter.fill(
        Role::ForestRegeneration, targetHa(ws, Role::ForestRegeneration),
        [&](const Cell& c) { return std::abs(c.affinity - 0.5) + rng.uniform(0, 0.1); },
        [](const Cell&) { return 0.75; },
        [&](ForestPlot& p, const Cell&) {
            p.forestType = "protection";
            p.origin = "natural";
            p.holder = "commune_committee";
            p.contractYear = year;
        });
    auto plantingShrink = [&](double loHa, double hiHa) {
        return [&rng, loHa, hiHa](const Cell& c) {
            return std::min(0.85, std::sqrt(rng.uniform(loHa, hiHa) * 1.0e4 / c.area));
        };
    };
    planter.fill(
        Role::ForestProductionPlanting, targetHa(ws, Role::ForestProductionPlanting),
        [&](const Cell& c) { return c.villageDistance + rng.uniform(0, 1500); }, plantingShrink(2.0, 12.0),
        [&](ForestPlot& p, const Cell&) {
            p.forestType = "production";
            p.origin = "planted";
            p.holder = rng.chance(0.85) ? "household" : "enterprise";
            p.contractYear = year;
        });
    planter.fill(
        Role::ForestProtectionPlanting, targetHa(ws, Role::ForestProtectionPlanting),
        [&](const Cell& c) { return c.villageDistance - 2000 * c.affinity + rng.uniform(0, 1500); },
        plantingShrink(3.0, 10.0),
        [&](ForestPlot& p, const Cell&) {
            p.forestType = "protection";
            p.origin = "planted";
            p.holder = rng.chance(0.5) ? "community" : "household";
            p.contractYear = year;
        });
    numberPlots(ws);
    ws.report.forestPlots = static_cast<int>(ws.plots.size());
}

} // namespace planmap::layers::illustrative::detail
