#include "planmap/layers/analysis/AccessInputs.h"

#include "planmap/layers/analysis/AnalysisRun.h"
#include "planmap/layers/store/ProjectStore.h"

#include "InputSupport.h"

#include "planmap/geo/Geometry.h"

#include <algorithm>
#include <map>

namespace planmap::layers::analysis {

namespace {

using detail::attributeInt;
using detail::attributeText;
using detail::featureLabel;
using detail::readGeometry;
using detail::ReadProgress;

/// Units by id with what villages need from them, and the polygons to place
/// villages that lack a unit.
class UnitDirectory {
public:
    explicit UnitDirectory(ProjectStore& store)
        : communes2025_(store, UnitLevel::Commune, std::string(kGeneration2025)),
          districtsPre2025_(store, UnitLevel::District, std::string(kGenerationPre2025)) {
        for (const UnitLevel level : {UnitLevel::Commune, UnitLevel::District}) {
            for (AdminUnit& u : store.units().list(level, std::nullopt, std::nullopt, false)) {
                const std::int64_t id = u.id;
                units_.emplace(id, std::move(u));
            }
        }
    }

    const AdminUnit* find(std::optional<std::int64_t> id) const {
        if (!id) return nullptr;
        const auto it = units_.find(*id);
        return it == units_.end() ? nullptr : &it->second;
    }

    static UnitRef refOf(const AdminUnit* u) {
        UnitRef r;
        if (!u) return r;
        r.id = u->id;
        r.code = u->code.value_or("");
        r.name = u->fullName.value_or(u->name);
        return r;
    }

    void resolve(VillageInput& v, std::optional<std::int64_t> communeId, std::optional<std::int64_t> communeOldId) const {
        const AdminUnit* commune = find(communeId);
        if (!commune) commune = find(communes2025_.locate(v.lon, v.lat));
        const AdminUnit* old = find(communeOldId);
        const AdminUnit* district = old ? find(old->parentId) : nullptr;
        if (district && district->level != UnitLevel::District) district = nullptr;
        if (!district) district = find(districtsPre2025_.locate(v.lon, v.lat));
        v.commune = refOf(commune);
        v.communeOld = refOf(old);
        v.district = refOf(district);

        // Flags: the village's own first, then its old commune's, then its new commune's.
        for (const AdminUnit* u : {old, commune}) {
            if (!u) continue;
            if (!v.dbkk && u->dbkk) {
                v.dbkk = u->dbkk;
                v.dbkkSource = "xã";
            }
            if (!v.ethnicArea && u->ethnicMinorityArea) {
                v.ethnicArea = u->ethnicMinorityArea;
                v.ethnicAreaSource = "xã";
            }
        }
    }

private:
    std::map<std::int64_t, AdminUnit> units_;
    detail::UnitLocator communes2025_;
    detail::UnitLocator districtsPre2025_;
};

bool contains(const std::vector<std::string_view>& values, const std::string& v) {
    return std::find(values.begin(), values.end(), v) != values.end();
}

void appendRoadParts(const Feature& f, const geo::Geometry& g, bool hardened, bool planned, AccessInputs& out) {
    for (int i = 0; i < g.numGeometries(); ++i) {
        const geo::Geometry part = g.geometryN(i);
        if (part.dimension() != 1 || part.isEmpty()) continue;
        const geo::CoordinateBuffer b = part.coordinates();
        for (const geo::CoordinatePart& p : b.parts) {
            if (p.count < 2) continue;
            RoadLine line;
            line.id = f.id;
            line.layer = f.layer;
            line.name = featureLabel(f);
            line.lonLat.assign(b.data(p), b.data(p) + 2 * std::size_t(p.count));
            line.hardened = hardened;
            line.illustrative = f.illustrative;
            line.planned = planned;
            out.roads.push_back(std::move(line));
        }
    }
}

} // namespace

AccessInputs loadAccessInputs(ProjectStore& store, const RunControl& control) {
    AccessInputs in;
    control.checkCancelled();
    UnitDirectory units(store);
    FeatureLayers& layers = store.features();

    // Services and roads, layer by layer, by the rules of Services.h.
    std::map<std::string, std::vector<const ServiceSourceRule*>, std::less<>> rulesByLayer;
    for (const ServiceSourceRule& r : serviceSourceRules()) rulesByLayer[std::string(r.layer)].push_back(&r);
    const bool hasRoadsLayer = layers.hasLayer(builtin_layers::kRoads);
    if (hasRoadsLayer && !rulesByLayer.count(std::string(builtin_layers::kRoads))) rulesByLayer[std::string(builtin_layers::kRoads)];

    std::size_t toRead = 0;
    if (layers.hasLayer(builtin_layers::kVillages)) toRead += std::size_t(layers.count(builtin_layers::kVillages));
    for (const auto& entry : rulesByLayer)
        if (layers.hasLayer(entry.first)) toRead += std::size_t(layers.count(entry.first));
    ReadProgress progress(control, toRead);

    if (layers.hasLayer(builtin_layers::kVillages)) {
        std::size_t withoutGeometry = 0;
        FeatureQuery villagesQuery;
        villagesQuery.layer = std::string(builtin_layers::kVillages);
        layers.forEach(villagesQuery, [&](const Feature& f) {
            progress.step();
            const auto g = readGeometry(f);
            if (!g) {
                ++withoutGeometry;
                return true;
            }
            const geo::Geometry point = g->type() == geo::GeometryType::Point ? *g : g->pointOnSurface();
            const geo::CoordinateBuffer c = point.coordinates();
            VillageInput v;
            v.id = f.id;
            v.name = featureLabel(f);
            v.lon = c.xy[0];
            v.lat = c.xy[1];
            v.illustrative = f.illustrative;
            if (const auto dbkk = attributeInt(f, "dbkk")) {
                v.dbkk = *dbkk != 0;
                v.dbkkSource = "thôn";
            }
            if (const auto area = attributeInt(f, "ethnic_minority_area")) {
                v.ethnicArea = static_cast<int>(*area);
                v.ethnicAreaSource = "thôn";
            }
            v.population = attributeInt(f, "population");
            units.resolve(v, f.communeId, f.communeOldId);
            in.villages.push_back(std::move(v));
            return true;
        });
        if (withoutGeometry > 0)
            in.notes.push_back(std::to_string(withoutGeometry) + " thôn không có vị trí, không được tính");
    }

    for (const auto& [layerName, rules] : rulesByLayer) {
        if (!layers.hasLayer(layerName)) continue;
        const bool isRoads = layerName == builtin_layers::kRoads;
        FeatureQuery q;
        q.layer = layerName;
        layers.forEach(q, [&](const Feature& f) {
            progress.step();
            std::optional<geo::Geometry> g;
            bool geometryRead = false;
            auto geometry = [&]() -> const std::optional<geo::Geometry>& {
                if (!geometryRead) {
                    g = readGeometry(f);
                    geometryRead = true;
                }
                return g;
            };
            bool roadDone = false;
            for (const ServiceSourceRule* rule : rules) {
                if (!rule->kindField.empty()) {
                    const auto kind = attributeText(f, rule->kindField);
                    if (!kind || !contains(rule->kinds, *kind)) continue;
                }
                bool planned = false;
                if (!rule->statusField.empty()) {
                    const auto status = attributeText(f, rule->statusField);
                    planned = status ? !contains(rule->builtStatuses, *status) : !rule->missingStatusIsBuilt;
                }
                if (!geometry()) continue;
                if (rule->service == Service::HardenedRoad) {
                    if (geometry()->dimension() != 1) continue;
                    appendRoadParts(f, *geometry(), true, planned, in);
                    roadDone = true;
                    continue;
                }
                const geo::Geometry point =
                    geometry()->type() == geo::GeometryType::Point ? *geometry() : geometry()->pointOnSurface();
                if (point.isEmpty()) continue;
                const geo::CoordinateBuffer c = point.coordinates();
                ServicePoint s;
                s.id = f.id;
                s.layer = f.layer;
                s.name = featureLabel(f);
                s.lon = c.xy[0];
                s.lat = c.xy[1];
                s.illustrative = f.illustrative;
                s.planned = planned;
                in.servicePoints(rule->service).push_back(std::move(s));
            }
            // Roads that are not hardened still carry traffic: they are part of the network.
            if (isRoads && !roadDone && geometry() && geometry()->dimension() == 1)
                appendRoadParts(f, *geometry(), false, false, in);
            return true;
        });
    }
    progress.finish();
    return in;
}

} // namespace planmap::layers::analysis
