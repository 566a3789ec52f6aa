#include "AnalysisLayers.h"

#include "MainWindow.h"

#include "planmap/layers/render/FeatureSource.h"
#include "planmap/layers/style/ColorRamp.h"
#include "planmap/layers/style/FeatureStyle.h"

#include <QCoreApplication>

#include <cmath>
#include <vector>

namespace planmap::gui {

/// Context of the texts of this file for the translation.
class AnalysisLayerText {
    Q_DECLARE_TR_FUNCTIONS(planmap::gui::AnalysisLayerText)
};

namespace {

namespace wkb = layers::render::wkb;
using layers::render::MemoryFeatureSource;

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

QVariant km(const std::optional<double>& metres)
{
    return metres ? QVariant(std::round(*metres / 10.0) / 100.0) : QVariant();
}

style::Symbol pointSymbol(QColor fill, double sizeMm)
{
    style::Symbol s;
    s.fillColor = fill;
    s.strokeColor = QColor(60, 60, 60);
    s.strokeWidthMm = 0.15;
    s.markerShape = style::MarkerShape::Circle;
    s.markerSizeMm = sizeMm;
    return s;
}

/// Graduated on `field` when the values differ, else one symbol.
style::FeatureStyle graduatedOrSingle(const QString& field, const std::vector<double>& values, const char* ramp,
                                      const style::Symbol& base, int decimals)
{
    bool differ = false;
    for (double v : values)
        if (std::isfinite(v) && std::isfinite(values.front()) && v != values.front()) differ = true;
    if (!differ) return style::FeatureStyle::singleSymbol(base);
    return style::FeatureStyle::graduated(field, values, 5, style::ClassificationMethod::NaturalBreaks,
                                          style::ColorRamp::named(QString::fromLatin1(ramp)), base, decimals);
}

} // namespace

QString illustrativeTitle(const QString& title, bool illustrative)
{
    return illustrative ? title + AnalysisLayerText::tr(" (kết quả minh họa)") : title;
}

MapLayer underservedLayer(const analysis::UnderservedResult& result)
{
    using analysis::Service;
    const std::vector<QString> fields{QStringLiteral("name"),      QStringLiteral("rank"),        QStringLiteral("score"),
                                      QStringLiteral("commune"),   QStringLiteral("commune_old"), QStringLiteral("district"),
                                      QStringLiteral("market_km"), QStringLiteral("health_km"),   QStringLiteral("school_km"),
                                      QStringLiteral("road_km"),   QStringLiteral("breakdown"),   QStringLiteral("illustrative")};
    auto source = std::make_shared<MemoryFeatureSource>("EPSG:4326", fields);
    std::vector<double> scores;
    scores.reserve(result.villages.size());
    for (const analysis::VillageNeed& v : result.villages) {
        source->add(v.id, wkb::point(v.lon, v.lat),
                    {q(v.name), qlonglong(v.rank), std::round(v.score * 100.0) / 100.0, q(v.commune.name),
                     q(v.communeOld.name), q(v.district.name), km(v.distance(Service::Market).scoredM()),
                     km(v.distance(Service::HealthStation).scoredM()), km(v.distance(Service::School).scoredM()),
                     km(v.distance(Service::HardenedRoad).scoredM()), q(v.breakdownText()), v.illustrative});
        scores.push_back(v.score);
    }
    MapLayer layer;
    layer.key = QString::fromLatin1(kUnderservedLayer);
    layer.title = illustrativeTitle(AnalysisLayerText::tr("Điểm nhu cầu của thôn"), result.illustrative);
    layer.illustrative = result.illustrative;
    layer.source = source;
    if (!scores.empty())
        layer.style.features =
            graduatedOrSingle(QStringLiteral("score"), scores, "YlOrRd", pointSymbol(QColor(252, 165, 74), 2.4), 2);
    layer.fieldTitles = {{QStringLiteral("name"), AnalysisLayerText::tr("Thôn")},
                         {QStringLiteral("rank"), AnalysisLayerText::tr("Thứ hạng")},
                         {QStringLiteral("score"), AnalysisLayerText::tr("Điểm nhu cầu")},
                         {QStringLiteral("commune"), AnalysisLayerText::tr("Xã (từ 01/7/2025)")},
                         {QStringLiteral("commune_old"), AnalysisLayerText::tr("Xã (trước 01/7/2025)")},
                         {QStringLiteral("district"), AnalysisLayerText::tr("Huyện (2023)")},
                         {QStringLiteral("market_km"), AnalysisLayerText::tr("Đến chợ (km)")},
                         {QStringLiteral("health_km"), AnalysisLayerText::tr("Đến trạm y tế (km)")},
                         {QStringLiteral("school_km"), AnalysisLayerText::tr("Đến trường học (km)")},
                         {QStringLiteral("road_km"), AnalysisLayerText::tr("Đến đường cứng hóa (km)")},
                         {QStringLiteral("breakdown"), AnalysisLayerText::tr("Thành phần điểm")},
                         {QStringLiteral("illustrative"), AnalysisLayerText::tr("Dữ liệu minh họa")}};
    return layer;
}

MapLayer catchmentLayer(const analysis::CatchmentResult& result)
{
    const std::vector<QString> fields{QStringLiteral("name"), QStringLiteral("served"), QStringLiteral("commune"),
                                      QStringLiteral("district"), QStringLiteral("market_km"),
                                      QStringLiteral("markets_within"), QStringLiteral("illustrative")};
    auto source = std::make_shared<MemoryFeatureSource>("EPSG:4326", fields);
    for (const analysis::VillageMarketAccess& v : result.villages)
        source->add(v.villageId, wkb::point(v.lon, v.lat),
                    {q(v.name), v.served ? 1 : 0, q(v.commune.name), q(v.district.name), km(v.nearestMarketMetres),
                     qlonglong(v.marketsWithinRadius), v.illustrative});
    MapLayer layer;
    layer.key = QString::fromLatin1(kCatchmentLayer);
    layer.title = illustrativeTitle(AnalysisLayerText::tr("Thôn theo vùng phục vụ của chợ"), result.illustrative);
    layer.illustrative = result.illustrative;
    layer.source = source;
    style::FeatureStyle& fs = layer.style.features;
    fs.kind = style::StyleKind::Categorized;
    fs.field = QStringLiteral("served");
    fs.symbol = pointSymbol(QColor(46, 139, 87), 2.0);
    fs.categories = {
        style::Category{0, AnalysisLayerText::tr("Chưa có chợ trong bán kính"), pointSymbol(QColor(215, 33, 36), 3.0)},
        style::Category{1, AnalysisLayerText::tr("Có chợ trong bán kính"), pointSymbol(QColor(82, 173, 90), 1.8)},
    };
    layer.fieldTitles = {{QStringLiteral("name"), AnalysisLayerText::tr("Thôn")},
                         {QStringLiteral("served"), AnalysisLayerText::tr("Có chợ trong bán kính")},
                         {QStringLiteral("commune"), AnalysisLayerText::tr("Xã (từ 01/7/2025)")},
                         {QStringLiteral("district"), AnalysisLayerText::tr("Huyện (2023)")},
                         {QStringLiteral("market_km"), AnalysisLayerText::tr("Đến chợ gần nhất (km)")},
                         {QStringLiteral("markets_within"), AnalysisLayerText::tr("Số chợ trong bán kính")},
                         {QStringLiteral("illustrative"), AnalysisLayerText::tr("Dữ liệu minh họa")}};
    layer.valueLabels = {{QStringLiteral("served") + QChar(0x1f) + QStringLiteral("0"), AnalysisLayerText::tr("Không")},
                         {QStringLiteral("served") + QChar(0x1f) + QStringLiteral("1"), AnalysisLayerText::tr("Có")}};
    return layer;
}

MapLayer whatIfLayer(const analysis::CandidateGain& gain, bool illustrative)
{
    auto source = std::make_shared<MemoryFeatureSource>(
        "EPSG:4326", std::vector<QString>{QStringLiteral("name"), QStringLiteral("newly_served")});
    source->add(1, wkb::point(gain.point.lon, gain.point.lat), {q(gain.point.label), qlonglong(gain.newlyServed)});
    MapLayer layer;
    layer.key = QString::fromLatin1(kWhatIfLayer);
    layer.title = illustrativeTitle(AnalysisLayerText::tr("Chợ giả định"), illustrative);
    layer.illustrative = illustrative;
    layer.source = source;
    style::Symbol star = pointSymbol(QColor(123, 50, 148), 5.0);
    star.markerShape = style::MarkerShape::Star;
    star.strokeColor = Qt::white;
    star.strokeWidthMm = 0.3;
    layer.style.features = style::FeatureStyle::singleSymbol(star);
    layer.fieldTitles = {{QStringLiteral("name"), AnalysisLayerText::tr("Điểm")},
                         {QStringLiteral("newly_served"), AnalysisLayerText::tr("Số thôn được phục vụ thêm")}};
    return layer;
}

MapLayer forestCommuneLayer(const analysis::ForestResult& result, const analysis::ForestInputs& inputs)
{
    std::map<std::int64_t, const analysis::UnitForestTotal*> totals;
    for (const analysis::UnitForestTotal& u : result.communes)
        if (u.unit.id) totals[*u.unit.id] = &u;
    const std::vector<QString> fields{QStringLiteral("name"), QStringLiteral("code"), QStringLiteral("forest_ha"),
                                      QStringLiteral("plots"), QStringLiteral("illustrative")};
    auto source = std::make_shared<MemoryFeatureSource>("EPSG:4326", fields);
    std::vector<double> values;
    bool illustrative = result.illustrative;
    for (const analysis::UnitPolygon& c : inputs.communes) {
        if (c.geometry.isEmpty()) continue;
        const auto it = totals.find(c.id);
        const double ha = it == totals.end() ? 0.0 : it->second->total.ha;
        const bool ill = c.illustrative || (it != totals.end() && it->second->total.illustrative);
        illustrative = illustrative || ill;
        source->add(c.id, c.geometry.toWkb(),
                    {q(c.name), q(c.code), std::round(ha * 100.0) / 100.0,
                     qlonglong(it == totals.end() ? 0 : it->second->total.plots), ill});
        values.push_back(ha);
    }
    MapLayer layer;
    layer.key = QString::fromLatin1(kForestLayer);
    layer.title = illustrativeTitle(AnalysisLayerText::tr("Diện tích rừng theo xã (ha)"), illustrative);
    layer.illustrative = illustrative;
    layer.source = source;
    style::Symbol base;
    base.fillColor = QColor(146, 208, 138);
    base.strokeColor = QColor(90, 90, 90);
    base.strokeWidthMm = 0.15;
    if (!values.empty()) layer.style.features = graduatedOrSingle(QStringLiteral("forest_ha"), values, "Greens", base, 0);
    layer.style.opacity = 0.85;
    layer.fieldTitles = {{QStringLiteral("name"), AnalysisLayerText::tr("Xã (từ 01/7/2025)")},
                         {QStringLiteral("code"), AnalysisLayerText::tr("Mã")},
                         {QStringLiteral("forest_ha"), AnalysisLayerText::tr("Diện tích rừng (ha)")},
                         {QStringLiteral("plots"), AnalysisLayerText::tr("Số lô")},
                         {QStringLiteral("illustrative"), AnalysisLayerText::tr("Dữ liệu minh họa")}};
    return layer;
}

// --- ResultLayers ------------------------------------------------------------------------

ResultLayers::ResultLayers(MainWindow& window) : QObject(&window), window_(window)
{
    if (window_.projectData()) projectPath_ = window_.projectData()->path();
    connect(&window_, &MainWindow::projectOpened, this, &ResultLayers::onProjectOpened);
}

void ResultLayers::set(MapLayer layer)
{
    layer.toolLayer = true;   // results in memory, not the store's features
    const QString key = layer.key;
    MapProject* project = window_.project();
    if (const int row = project->indexOf(key); row >= 0) {
        // Keep what the user changed on the map: visibility and opacity.
        const MapLayer& old = project->layer(row);
        layer.visible = old.visible;
        project->removeLayer(row);
    }
    project->addLayer(layer, 0);
    layers_[key] = project->layer(0);
}

void ResultLayers::remove(const QString& key)
{
    layers_.erase(key);
    MapProject* project = window_.project();
    if (const int row = project->indexOf(key); row >= 0) project->removeLayer(row);
}

bool ResultLayers::contains(const QString& key) const
{
    return window_.project()->indexOf(key) >= 0;
}

void ResultLayers::onProjectOpened()
{
    const QString path = window_.projectData() ? window_.projectData()->path() : QString();
    if (path != projectPath_ || path.isEmpty()) {
        projectPath_ = path;
        layers_.clear();
        emit projectChanged();
        return;
    }
    // The same project reloaded (after an import): put the results back on top.
    MapProject* project = window_.project();
    for (auto& [key, layer] : layers_)
        if (project->indexOf(key) < 0) project->addLayer(layer, 0);
}

} // namespace planmap::gui
