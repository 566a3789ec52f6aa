#include "planmap/layers/analysis/ForestProtection.h"

#include "planmap/layers/store/ProjectStore.h"

#include "InputSupport.h"

#include <map>

namespace planmap::layers::analysis {

namespace {

using detail::ReadProgress;

std::vector<UnitPolygon> unitPolygons(ProjectStore& store, UnitLevel level, std::string_view generation,
                                      std::vector<std::string>& notes) {
    std::vector<UnitPolygon> out;
    std::size_t withoutGeometry = 0;
    for (const AdminUnit& u : store.units().list(level, std::string(generation), std::nullopt, true)) {
        if (u.geometry.empty()) {
            ++withoutGeometry;
            continue;
        }
        UnitPolygon p;
        p.id = u.id;
        p.code = u.code.value_or("");
        p.name = u.fullName.value_or(u.name);
        p.illustrative = u.illustrative;
        try {
            p.geometry = geo::Geometry::fromWkb(u.geometry);
        } catch (const geo::GeoError& e) {
            throw AnalysisError("Administrative unit " + std::to_string(u.id) + " (" + p.name + "), field 'geom': " + e.what());
        }
        out.push_back(std::move(p));
    }
    if (withoutGeometry > 0)
        notes.push_back(std::to_string(withoutGeometry) + " đơn vị " + std::string(toString(level)) + " (" +
                        std::string(generation) + ") không có ranh giới");
    return out;
}

} // namespace

ForestInputs loadForestInputs(ProjectStore& store, const std::vector<ForestIndicatorRule>& rules,
                              const RunControl& control) {
    ForestInputs in;
    control.checkCancelled();
    in.communes = unitPolygons(store, UnitLevel::Commune, kGeneration2025, in.notes);
    in.districts = unitPolygons(store, UnitLevel::District, kGenerationPre2025, in.notes);

    std::map<std::int64_t, std::vector<std::string>> links;
    for (const ForestIndicatorRule& rule : rules) {
        ForestIndicatorTarget t;
        t.code = rule.indicatorCode;
        if (const auto indicator = store.plan().indicatorByCode(rule.indicatorCode)) {
            t.indicatorId = indicator->node.id;
            t.name = indicator->node.name;
            t.unitOfMeasure = indicator->spec.unitOfMeasure.value_or("");
            t.target = indicator->spec.targetValue;
            t.year = indicator->spec.year;
            for (const FeatureLink& link : store.plan().featuresOf(indicator->node.id))
                if (link.layer == builtin_layers::kForests) links[link.featureId].push_back(rule.indicatorCode);
        } else {
            in.notes.push_back("Chỉ tiêu " + rule.indicatorCode + " không có trong danh mục kế hoạch của dự án");
        }
        in.indicators.emplace(rule.indicatorCode, std::move(t));
    }

    FeatureLayers& layers = store.features();
    if (!layers.hasLayer(builtin_layers::kForests)) {
        in.notes.push_back("Dự án không có lớp rừng");
        return in;
    }
    for (const FieldInfo& field : layers.layer(builtin_layers::kForests).fields)
        for (const FieldValue& v : field.values) in.labels[field.name][v.value] = v.labelVi;

    ReadProgress progress(control, std::size_t(layers.count(builtin_layers::kForests)));
    std::size_t withoutGeometry = 0;
    FeatureQuery q;
    q.layer = std::string(builtin_layers::kForests);
    layers.forEach(q, [&](const Feature& f) {
        progress.step();
        auto g = detail::readGeometry(f);
        if (!g) {
            ++withoutGeometry;
            return true;
        }
        ForestPlot p;
        p.id = f.id;
        p.key = f.userKey.value_or("");
        p.name = f.name.value_or("");
        p.geometry = std::move(*g);
        p.forestType = detail::attributeText(f, "forest_type").value_or("");
        p.origin = detail::attributeText(f, "origin").value_or("");
        p.holder = detail::attributeText(f, "holder").value_or("");
        if (const auto y = detail::attributeInt(f, "contract_year")) p.contractYear = static_cast<int>(*y);
        p.recordedAreaHa = detail::attributeReal(f, "area_ha");
        p.illustrative = f.illustrative;
        if (const auto it = links.find(f.id); it != links.end()) p.linkedIndicators = it->second;
        in.plots.push_back(std::move(p));
        return true;
    });
    progress.finish();
    if (withoutGeometry > 0) in.notes.push_back(std::to_string(withoutGeometry) + " lô rừng không có hình, không được tính");
    return in;
}

} // namespace planmap::layers::analysis
