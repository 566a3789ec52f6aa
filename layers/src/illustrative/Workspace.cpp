#include "Workspace.h"

#include "planmap/layers/store/ProjectStore.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace planmap::layers::illustrative::detail {

namespace {

/// How far inside its commune's boundary anything point-like is placed.
constexpr double kInsetMetres = 150.0;

std::string describeIndicatorKind(const IndicatorSpec& spec)
{
    return std::string(toString(spec.aggregation));
}

/// The projected CRS to work in: the project's default CRS when it is
/// projected, else the UTM zone (WGS 84) of the longitude/latitude point.
geo::Crs chooseWorkCrs(const std::string& defaultCrs, double lon, double lat)
{
    try {
        geo::Crs crs = geo::Crs::fromUserInput(defaultCrs);
        if (crs.isProjected()) return crs;
    } catch (const std::exception&) {
        // an unusable default CRS: fall back to UTM below
    }
    const int zone = std::clamp(static_cast<int>(std::floor((lon + 180.0) / 6.0)) + 1, 1, 60);
    return geo::Crs::fromEpsg((lat >= 0 ? 32600 : 32700) + zone);
}

} // namespace

Workspace::Workspace(ProjectStore& s, const Options& o, Report& r)
    : store(s), options(o), report(r), storageCrs(geo::Crs::fromEpsg(4326))
{
}

void Workspace::announce(std::string_view stage) const
{
    if (options.onStage) options.onStage(stage);
}

double Workspace::scale(Role role) const
{
    if (auto it = roleIndicators.find(role); it != roleIndicators.end()) return it->second.scale;
    return defaultScale(role);
}

Pt Workspace::toWorkPoint(double lon, double lat) const
{
    const geo::XY xy = toWork->forward(lon, lat);
    return {xy.x, xy.y};
}

geo::Geometry Workspace::toStorage(const geo::Geometry& projected) const
{
    return projected.transformed(*toWork, geo::Direction::Inverse);
}

Wkb Workspace::toStorageWkb(const geo::Geometry& projected) const { return toStorage(projected).toWkb(); }

int Workspace::communeAt(Pt p) const
{
    std::vector<std::int64_t> hits = communeIndex.query(geo::Envelope(p.x, p.y, p.x, p.y));
    std::sort(hits.begin(), hits.end());
    for (const std::int64_t i : hits)
        if (communes[static_cast<std::size_t>(i)].prepared->covers(p.x, p.y)) return static_cast<int>(i);
    return -1;
}

Pt randomPointIn(const NewCommune& commune, Rng& rng, Pt around, double radius)
{
    const geo::Envelope e = commune.inset.envelope();
    for (int attempt = 0; attempt < 200; ++attempt) {
        Pt p;
        if (radius > 0) {
            const double r = radius * std::sqrt(rng.uniform());
            const double a = rng.uniform(0, 6.283185307179586);
            p = {around.x + r * std::cos(a), around.y + r * std::sin(a)};
        } else {
            p = {rng.uniform(e.minx, e.maxx), rng.uniform(e.miny, e.maxy)};
        }
        if (commune.insetPrepared->contains(p.x, p.y)) return p;
    }
    return around;
}

double forestAffinity(const Workspace& ws, Pt p)
{
    return valueNoise(p.x, p.y, 9000.0, ws.options.seed ^ stableHash("forest-affinity"));
}

std::string formatCount(std::int64_t value)
{
    std::string digits = std::to_string(value < 0 ? -value : value);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
        out += digits[i];
    }
    return value < 0 ? "-" + out : out;
}

// --- loading ---------------------------------------------------------------------------

namespace {

void resolveIndicators(Workspace& ws)
{
    for (const auto& [role, code] : ws.options.indicators) {
        const std::string roleName(toString(role));
        std::optional<Indicator> indicator = ws.store.plan().indicatorByCode(code);
        if (!indicator)
            throw std::runtime_error("indicator '" + code + "' (given for role " + roleName
                                     + ") is not in the project's plan catalogue");
        RoleIndicator ri;
        ri.indicator = *indicator;
        const IndicatorSpec& spec = indicator->spec;
        if (role == Role::VillageRoads || role == Role::CommuneRoads) {
            if (spec.aggregation == Aggregation::Ratio && spec.targetNumerator && spec.targetDenominator) {
                ri.numerator = spec.targetNumerator;
                ri.denominator = spec.targetDenominator;
                ri.scale = *spec.targetNumerator / *spec.targetDenominator;
            } else if (spec.targetValue && (spec.aggregation == Aggregation::Percent
                                            || spec.aggregation == Aggregation::Ratio)) {
                ri.scale = *spec.targetValue / 100.0;
            } else {
                throw std::runtime_error("indicator '" + code + "' (role " + roleName
                                         + ") must be a ratio (numerator/denominator) or a percentage with a target; it is "
                                         + describeIndicatorKind(spec));
            }
            if (!(ri.scale > 0 && ri.scale <= 1))
                throw std::runtime_error("indicator '" + code + "' (role " + roleName
                                         + "): the target share must lie in (0, 100 %]");
        } else {
            if (spec.aggregation != Aggregation::Sum || !spec.targetValue || !(*spec.targetValue > 0))
                throw std::runtime_error("indicator '" + code + "' (role " + roleName
                                         + ") must add up (aggregation sum) and have a positive target; it is "
                                         + describeIndicatorKind(spec)
                                         + (spec.targetValue ? "" : " without a target"));
            ri.scale = *spec.targetValue;
        }
        ws.roleIndicators.emplace(role, std::move(ri));
    }
    if (ws.options.year) {
        ws.year = *ws.options.year;
    } else {
        ws.year = 2023;
        for (const auto& [role, ri] : ws.roleIndicators)
            if (ri.indicator.spec.year) {
                ws.year = *ri.indicator.spec.year;
                break;
            }
    }
}

std::shared_ptr<geo::PreparedGeometry> prepare(const geo::Geometry& g)
{
    return std::make_shared<geo::PreparedGeometry>(g);
}

/// The commune polygon moved inwards: villages and facilities go inside.
geo::Geometry insetOf(const geo::Geometry& polygon)
{
    const geo::Geometry simple = polygon.simplifiedPreservingTopology(15.0);
    for (double d = kInsetMetres; d >= 10.0; d /= 2) {
        geo::Geometry inset = simple.buffer(-d, 2);
        if (!inset.isEmpty() && inset.area() > 0.25 * polygon.area()) return inset;
    }
    return simple.buffer(-5.0, 2);
}

void loadUnits(Workspace& ws)
{
    AdminUnits& units = ws.store.units();
    std::vector<AdminUnit> newUnits =
        units.list(UnitLevel::Commune, std::string(kGeneration2025), std::nullopt, /*withGeometry=*/true);
    std::erase_if(newUnits, [](const AdminUnit& u) { return u.geometry.empty(); });
    if (newUnits.empty())
        throw std::runtime_error("the project has no commune-level units of generation '"
                                 + std::string(kGeneration2025)
                                 + "' with geometry: import them first (e.g. planmap-cli import FILE --layer communes_2025)");

    // Choose the working CRS from the middle of the communes.
    std::vector<geo::Geometry> lonlat;
    geo::Envelope all;
    for (const AdminUnit& u : newUnits) {
        lonlat.push_back(geo::Geometry::fromWkb(u.geometry));
        all.expand(lonlat.back().envelope());
    }
    ws.workCrs = chooseWorkCrs(ws.store.metadata().defaultCrs, (all.minx + all.maxx) / 2, (all.miny + all.maxy) / 2);
    ws.toWork = std::make_unique<geo::Transform>(ws.storageCrs, *ws.workCrs);
    ws.report.projectedCrs = ws.workCrs->authorityId().value_or(ws.workCrs->name());

    for (std::size_t i = 0; i < newUnits.size(); ++i) {
        const AdminUnit& u = newUnits[i];
        NewCommune c;
        c.id = u.id;
        c.code = u.code.value_or("#" + std::to_string(u.id));
        c.name = u.name;
        c.fullName = u.fullName.value_or(std::string(vietnameseName(u.type)) + " " + u.name);
        c.type = u.type;
        c.lonlat = lonlat[i];
        c.lonlatPrepared = prepare(c.lonlat);
        geo::Geometry g = lonlat[i].transformed(*ws.toWork);
        if (!g.isValid()) g = g.buffer(0.0);
        c.geom = std::move(g);
        c.prepared = prepare(c.geom);
        c.areaM2 = c.geom.area();
        c.inset = insetOf(c.geom);
        c.insetPrepared = prepare(c.inset);
        const geo::Geometry centroid = c.geom.centroid();
        const geo::Envelope ce = centroid.envelope();
        if (!centroid.isEmpty() && c.insetPrepared->contains(ce.minx, ce.miny)) {
            c.centre = {ce.minx, ce.miny};
        } else {
            const geo::Envelope pe = (c.inset.isEmpty() ? c.geom : c.inset).pointOnSurface().envelope();
            c.centre = {pe.minx, pe.miny};
        }
        ws.communeIndex.insert(static_cast<std::int64_t>(ws.communes.size()), c.geom.envelope());
        ws.communes.push_back(std::move(c));
    }
    ws.communeIndex.build();

    // Pre-2025 districts and communes (communes usually have no geometry).
    std::map<std::int64_t, int> districtIndex;
    for (AdminUnit& u : units.list(UnitLevel::District, std::string(kGenerationPre2025), std::nullopt, true)) {
        District d;
        d.id = u.id;
        d.code = u.code.value_or("#" + std::to_string(u.id));
        d.name = u.fullName.value_or(u.name);
        if (!u.geometry.empty()) {
            geo::Geometry g = geo::Geometry::fromWkb(u.geometry).transformed(*ws.toWork);
            if (!g.isValid()) g = g.buffer(0.0);
            d.prepared = prepare(g);
            d.geom = std::move(g);
        }
        districtIndex[d.id] = static_cast<int>(ws.districts.size());
        ws.districts.push_back(std::move(d));
    }
    std::map<std::int64_t, int> oldIndex;
    for (const AdminUnit& u : units.list(UnitLevel::Commune, std::string(kGenerationPre2025))) {
        OldCommune o;
        o.id = u.id;
        o.code = u.code.value_or("#" + std::to_string(u.id));
        o.name = u.fullName.value_or(u.name);
        if (u.parentId)
            if (auto it = districtIndex.find(*u.parentId); it != districtIndex.end()) o.district = it->second;
        oldIndex[o.id] = static_cast<int>(ws.olds.size());
        ws.olds.push_back(std::move(o));
    }
    for (NewCommune& c : ws.communes) {
        for (const CrosswalkLink& link : units.predecessorsOf(c.id))
            if (auto it = oldIndex.find(link.oldUnitId); it != oldIndex.end()) c.predecessors.push_back(it->second);
        std::sort(c.predecessors.begin(), c.predecessors.end());
        c.predecessors.erase(std::unique(c.predecessors.begin(), c.predecessors.end()), c.predecessors.end());
    }
}

void selectProgramArea(Workspace& ws)
{
    const Options& o = ws.options;
    std::vector<std::string> unknown = o.programAreaCodes;
    for (std::size_t i = 0; i < ws.communes.size(); ++i) {
        NewCommune& c = ws.communes[i];
        switch (o.programArea) {
        case ProgramAreaKind::Rural: c.program = c.type == UnitType::Commune; break;
        case ProgramAreaKind::All: c.program = true; break;
        case ProgramAreaKind::Codes:
            c.program = std::find(o.programAreaCodes.begin(), o.programAreaCodes.end(), c.code) != o.programAreaCodes.end();
            std::erase(unknown, c.code);
            break;
        }
        if (c.program) ws.program.push_back(static_cast<int>(i));
    }
    if (o.programArea == ProgramAreaKind::Codes && !unknown.empty()) {
        std::string list;
        for (const std::string& code : unknown) list += (list.empty() ? "" : ", ") + code;
        throw std::runtime_error("program area: no commune of generation " + std::string(kGeneration2025)
                                 + " with geometry has the code(s) " + list);
    }
    if (ws.program.empty())
        throw std::runtime_error("the program area is empty: no commune of generation " + std::string(kGeneration2025)
                                 + " matches (try --program-area all)");
    double area = 0;
    for (const int i : ws.program) area += ws.communes[static_cast<std::size_t>(i)].areaM2;
    ws.report.programCommunes = static_cast<int>(ws.program.size());
    ws.report.programAreaKm2 = area / 1.0e6;
}

void placeSeats(Workspace& ws)
{
    auto districtOf = [&ws](Pt p) {
        for (std::size_t i = 0; i < ws.districts.size(); ++i)
            if (ws.districts[i].prepared && ws.districts[i].prepared->covers(p.x, p.y)) return static_cast<int>(i);
        return -1;
    };
    if (!ws.options.districtSeats.empty()) {
        for (const SeatPoint& s : ws.options.districtSeats) {
            Seat seat;
            seat.p = ws.toWorkPoint(s.lon, s.lat);
            seat.name = s.name;
            seat.district = districtOf(seat.p);
            seat.commune = ws.communeAt(seat.p);
            ws.seats.push_back(std::move(seat));
        }
        return;
    }
    for (std::size_t i = 0; i < ws.districts.size(); ++i) {
        const District& d = ws.districts[i];
        if (!d.geom) continue;
        const geo::Envelope e = d.geom->pointOnSurface().envelope();
        Seat seat;
        seat.p = {e.minx, e.miny};
        seat.name = d.name;
        seat.district = static_cast<int>(i);
        seat.commune = ws.communeAt(seat.p);
        ws.seats.push_back(std::move(seat));
    }
}

} // namespace

void loadProject(Workspace& ws)
{
    ws.announce("reading units, crosswalk and plan");
    resolveIndicators(ws);
    loadUnits(ws);
    selectProgramArea(ws);
    placeSeats(ws);
}

} // namespace planmap::layers::illustrative::detail
