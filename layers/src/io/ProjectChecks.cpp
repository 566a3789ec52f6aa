#include "planmap/layers/io/ProjectChecks.h"

#include "GeometrySupport.h"
#include "UnitLocator.h"
#include "planmap/geo/Geodesic.h"
#include "planmap/geo/GeometryValidity.h"
#include "planmap/geo/PreparedGeometry.h"
#include "planmap/geo/SpatialIndex.h"
#include "planmap/layers/io/UnitLayers.h"
#include "planmap/layers/store/ProjectStore.h"

#include <algorithm>
#include <cstdio>
#include <map>

namespace planmap::layers::io {

namespace {

std::string hectares(double ha)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, ha < 1 ? "%.4f ha" : "%.2f ha", ha);
    return buf;
}

std::string unitLayerName(const AdminUnit& u)
{
    if (const UnitLayer* l = unitLayerOf(u.level, u.generation)) return l->name;
    return std::string(toString(u.level)) + " (" + u.generation + ")";
}

std::string subjectOf(const AdminUnit& u)
{
    return unitLayerName(u) + " " + u.code.value_or("#" + std::to_string(u.id)) + " " + u.fullName.value_or(u.name);
}

std::string subjectOf(const Feature& f)
{
    std::string s = f.layer + " #" + std::to_string(f.id);
    if (f.name) s += " " + *f.name;
    else if (f.userKey) s += " (" + *f.userKey + ")";
    return s;
}

void add(CheckReport& report, IssueSeverity severity, const std::string& check, const std::string& subject,
         const std::string& message, std::optional<geo::XY> location = std::nullopt)
{
    report.issues.push_back({severity, check, subject, message, location});
}

/// Validates a geometry; with `repair`, returns the repaired one (and records
/// the change) or adds an error.
std::optional<geo::Geometry> checkGeometry(const geo::Geometry& g, const std::string& subject, bool repair,
                                           CheckReport& report)
{
    const geo::ValidityResult v = geo::validate(g);
    if (v.valid) return std::nullopt;
    const std::string where = v.location ? " at " + detail::formatLocation(v.location->x, v.location->y) : "";
    if (repair) {
        geo::RepairResult r = geo::repair(g);
        if (r.geometry) {
            report.repairs.push_back(subject + ": " + r.report.text);
            return std::move(r.geometry);
        }
        add(report, IssueSeverity::Error, "geometry", subject,
            "invalid geometry (" + v.reason + where + ") that MakeValid cannot repair: " + r.report.text, v.location);
        return std::nullopt;
    }
    add(report, IssueSeverity::Error, "geometry", subject, "invalid geometry: " + v.reason + where, v.location);
    return std::nullopt;
}

struct LayerUnits {
    std::vector<AdminUnit> units;  // without geometry
    std::vector<geo::Geometry> geometries;
};

void checkOverlaps(const LayerUnits& layer, const CheckOptions& options, CheckReport& report)
{
    const geo::Geodesic geodesic;
    geo::SpatialIndex index;
    for (std::size_t i = 0; i < layer.geometries.size(); ++i) index.insert(static_cast<std::int64_t>(i), layer.geometries[i]);
    index.build();
    for (std::size_t i = 0; i < layer.geometries.size(); ++i) {
        const geo::PreparedGeometry prepared(layer.geometries[i]);
        std::vector<std::int64_t> candidates = index.query(layer.geometries[i].envelope());
        std::sort(candidates.begin(), candidates.end());
        for (std::int64_t c : candidates) {
            const auto j = static_cast<std::size_t>(c);
            if (j <= i || !prepared.intersects(layer.geometries[j])) continue;
            geo::Geometry overlap = layer.geometries[i].intersection(layer.geometries[j]);
            const double ha = geodesic.areaHectares(overlap);
            if (ha < 1e-4) continue;  // touching borders (and round-off) are not overlaps
            const geo::Envelope e = overlap.envelope();
            const std::string subject = subjectOf(layer.units[i]) + " / " + layer.units[j].code.value_or("")
                + " " + layer.units[j].fullName.value_or(layer.units[j].name);
            const double smaller = std::min(geodesic.areaHectares(layer.geometries[i]), geodesic.areaHectares(layer.geometries[j]));
            const bool error = smaller > 0 && ha > options.overlapErrorShare * smaller;
            char share[32];
            std::snprintf(share, sizeof share, "%.4f %%", smaller > 0 ? ha / smaller * 100 : 0.0);
            add(report, error ? IssueSeverity::Error : IssueSeverity::Warning, "overlap", subject,
                "the two units overlap by " + hectares(ha) + " (" + share + " of the smaller)"
                    + (error ? "" : ": a digitising sliver"),
                geo::XY{e.center().x, e.center().y});
        }
    }
}

void checkLinks(Connection& c, CheckReport& report)
{
    struct Query {
        const char* sql;
        const char* what;
    };
    const Query queries[] = {
        {"SELECT l.feature_id || ' -> ' || l.indicator_id FROM feature_indicator_links l "
         "LEFT JOIN indicators i ON i.node_id = l.indicator_id LEFT JOIN features f ON f.id = l.feature_id "
         "WHERE i.node_id IS NULL OR f.id IS NULL",
         "a feature-indicator link references a missing feature or indicator"},
        {"SELECT a.id FROM indicator_allocations a LEFT JOIN indicators i ON i.node_id = a.indicator_id "
         "LEFT JOIN admin_units u ON u.id = a.unit_id WHERE i.node_id IS NULL OR u.id IS NULL",
         "an allocation references a missing indicator or unit"},
        {"SELECT p.id FROM progress_entries p LEFT JOIN indicators i ON i.node_id = p.indicator_id "
         "LEFT JOIN admin_units u ON u.id = p.unit_id LEFT JOIN features f ON f.id = p.feature_id "
         "WHERE i.node_id IS NULL OR (p.unit_id IS NOT NULL AND u.id IS NULL) OR (p.feature_id IS NOT NULL AND f.id IS NULL)",
         "a progress entry references a missing indicator, unit or feature"},
        {"SELECT l.id FROM funding_lines l LEFT JOIN plan_nodes n ON n.id = l.plan_node_id "
         "WHERE l.plan_node_id IS NOT NULL AND n.id IS NULL",
         "a funding line references a missing plan node"},
        {"SELECT f.id FROM features f LEFT JOIN layers l ON l.name = f.layer_name WHERE l.name IS NULL",
         "a feature belongs to a missing layer"},
    };
    for (const Query& q : queries) {
        auto s = c.prepare(q.sql);
        while (s->step()) add(report, IssueSeverity::Error, "links", "row " + s->columnText(0), q.what);
    }
}

} // namespace

std::size_t CheckReport::errorCount() const
{
    std::size_t n = 0;
    for (const CheckIssue& i : issues) n += i.severity == IssueSeverity::Error;
    return n;
}

std::size_t CheckReport::warningCount() const { return issues.size() - errorCount(); }

CheckReport checkProject(ProjectStore& store, const CheckOptions& options)
{
    CheckReport report;
    AdminUnits& units = store.units();
    FeatureLayers& features = store.features();

    // --- units: geometry, parents; kept by layer for the overlap check.
    std::map<std::pair<std::string, std::string>, LayerUnits> byLayer;
    std::vector<std::pair<std::int64_t, geo::Geometry>> unitRepairs;
    std::map<std::string, std::size_t> withoutParent;
    for (UnitLevel level : {UnitLevel::Province, UnitLevel::District, UnitLevel::Commune, UnitLevel::Village}) {
        for (AdminUnit& u : units.list(level, std::nullopt, std::nullopt, true)) {
            ++report.unitsChecked;
            if (level != UnitLevel::Province && !u.parentId) ++withoutParent[unitLayerName(u)];
            if (u.geometry.empty()) continue;
            geo::Geometry g = geo::Geometry::fromWkb(u.geometry);
            u.geometry.clear();
            if (auto repaired = checkGeometry(g, subjectOf(u), options.repair, report)) {
                unitRepairs.emplace_back(u.id, *repaired);
                g = std::move(*repaired);
            }
            if (!g.isValid()) continue;  // reported above; overlaps need valid geometries
            LayerUnits& layer = byLayer[{std::string(toString(level)), u.generation}];
            layer.units.push_back(u);
            layer.geometries.push_back(std::move(g));
        }
    }
    for (const auto& [layer, count] : withoutParent)
        add(report, IssueSeverity::Warning, "parents", layer, std::to_string(count) + " unit(s) have no parent unit");

    // --- crosswalk between the two generations of communes.
    const auto oldCommunes = units.list(UnitLevel::Commune, std::string(kGenerationPre2025));
    const auto newCommunes = units.list(UnitLevel::Commune, std::string(kGeneration2025));
    std::map<std::int64_t, std::vector<CrosswalkLink>> successors;
    if (!oldCommunes.empty() && !newCommunes.empty()) {
        for (const AdminUnit& u : oldCommunes) {
            auto links = units.successorsOf(u.id);
            report.crosswalkLinks += links.size();
            std::size_t partial = 0;
            for (const CrosswalkLink& l : links) partial += l.kind == CrosswalkKind::Partial;
            if (links.empty())
                add(report, IssueSeverity::Error, "crosswalk", subjectOf(u), "does not map to any 2025 commune");
            else if (partial > 0 && links.size() < 2)
                add(report, IssueSeverity::Error, "crosswalk", subjectOf(u),
                    "was split (merged in part) but maps to only one 2025 commune");
            else if (partial == 0 && links.size() > 1)
                add(report, IssueSeverity::Error, "crosswalk", subjectOf(u),
                    "was merged wholly but maps to " + std::to_string(links.size()) + " 2025 communes");
            successors[u.id] = std::move(links);
        }
        for (const AdminUnit& u : newCommunes)
            if (units.predecessorsOf(u.id).empty())
                add(report, IssueSeverity::Warning, "crosswalk", subjectOf(u), "has no pre-2025 commune mapped to it");
    }

    // --- features: geometry and location.
    detail::UnitLocator communes(units, UnitLevel::Commune, std::string(kGeneration2025));
    std::vector<std::pair<std::int64_t, geo::Geometry>> featureRepairs;
    for (const LayerInfo& layer : features.layers()) {
        FeatureQuery query;
        query.layer = layer.name;
        query.withAttributes = false;
        features.forEach(query, [&](const Feature& f) {
            ++report.featuresChecked;
            const std::string subject = subjectOf(f);
            if (f.communeId) {
                const auto c = units.get(*f.communeId, false);
                if (!c || c->level != UnitLevel::Commune || c->generation != kGeneration2025)
                    add(report, IssueSeverity::Error, "location", subject, "its commune (unit " + std::to_string(*f.communeId)
                                                                               + ") is not a 2025 commune");
            }
            if (f.communeOldId) {
                const auto c = units.get(*f.communeOldId, false);
                if (!c || c->level != UnitLevel::Commune || c->generation != kGenerationPre2025)
                    add(report, IssueSeverity::Error, "location", subject,
                        "its pre-2025 commune (unit " + std::to_string(*f.communeOldId) + ") is not a pre-2025 commune");
                else if (f.communeId && successors.count(*f.communeOldId)) {
                    bool absorbed = false;
                    for (const CrosswalkLink& l : successors[*f.communeOldId]) absorbed = absorbed || l.newUnitId == *f.communeId;
                    if (!absorbed)
                        add(report, IssueSeverity::Error, "location", subject,
                            "its pre-2025 commune " + c->code.value_or("") + " did not go into its 2025 commune");
                }
            }
            if (f.geometry.empty()) return true;
            geo::Geometry g = geo::Geometry::fromWkb(f.geometry);
            if (auto repaired = checkGeometry(g, subject, options.repair, report)) {
                featureRepairs.emplace_back(f.id, *repaired);
                g = std::move(*repaired);
            }
            if (communes.empty() || g.isEmpty()) return true;
            const geo::Geometry point = detail::UnitLocator::representativePoint(g);
            const geo::XY xy = point.envelope().center();
            const auto located = communes.locate(xy.x, xy.y);
            if (f.communeId) {
                const geo::PreparedGeometry* area = communes.prepared(*f.communeId);
                if (area && !area->covers(xy.x, xy.y)) {
                    const AdminUnit* in = located ? communes.unit(*located) : nullptr;
                    add(report, IssueSeverity::Error, "location", subject,
                        "lies outside its commune " + communes.unit(*f.communeId)->fullName.value_or("")
                            + (in ? " (it is in " + in->fullName.value_or(in->name) + ")" : ""),
                        xy);
                }
            } else if (located) {
                add(report, IssueSeverity::Warning, "location", subject,
                    "has no commune, though it lies in " + communes.unit(*located)->fullName.value_or(""), xy);
            } else {
                add(report, IssueSeverity::Warning, "location", subject, "lies outside every 2025 commune", xy);
            }
            return true;
        });
    }

    // --- references, overlaps.
    checkLinks(store.connection(), report);
    for (const auto& [key, layer] : byLayer)
        if (layer.units.size() > 1) checkOverlaps(layer, options, report);

    if (!unitRepairs.empty() || !featureRepairs.empty()) {
        Transaction transaction(store.connection());
        for (const auto& [id, g] : unitRepairs) units.setGeometry(id, detail::toStorageWkb(g));
        for (const auto& [id, g] : featureRepairs) {
            auto f = features.get(id);
            if (!f) continue;
            f->geometry = detail::toStorageWkb(g);
            f->attributes.clear();  // unchanged
            features.update(*f);
        }
        transaction.commit();
    }
    return report;
}

} // namespace planmap::layers::io
