#include "ProgressMapLayer.h"

#include "Formats.h"
#include "Language.h"
#include "MapProject.h"
#include "PlanSession.h"
#include "ProjectData.h"
#include "StoreProjectData.h"

#include "planmap/layers/store/ProjectStore.h"
#include "planmap/layers/style/StyleError.h"

#include <QPointer>

#include <algorithm>
#include <cmath>

namespace planmap::gui {

namespace L = planmap::layers;
namespace P = planmap::layers::progress;
namespace F = planmap::layers::progress::progress_map_fields;

namespace {

style::Symbol baseSymbol()
{
    style::Symbol s;
    s.strokeColor = QColor(255, 255, 255);
    s.strokeWidthMm = 0.2;
    return s;
}

style::Symbol noDataSymbol()
{
    style::Symbol s = baseSymbol();
    s.fillColor = QColor(0xd9, 0xd9, 0xd9);
    return s;
}

/// What identify shows of one unit of the map: the indicator's card (target,
/// achieved, %, date) and the unit's code, where its figure comes from and the
/// roll-up's notes.
FeatureDetails unitFigures(const P::IndicatorRollup& rollup, const P::ProgressMap& map, const QString& layerTitle,
                           qint64 unitId)
{
    FeatureDetails d;
    d.layerTitle = layerTitle;
    const P::UnitProgress* u = map.at(unitId);
    if (!u) return d;
    d.title = QString::fromStdString(u->name);
    d.illustrative = u->illustrative;
    IndicatorRow row;
    row.code = QString::fromStdString(rollup.code);
    row.name = QString::fromStdString(rollup.name);
    row.unitOfMeasure = QString::fromStdString(rollup.unitOfMeasure.value_or(std::string()));
    if (u->target) row.target = formatNumber(*u->target);
    if (u->value) row.achieved = formatNumber(*u->value);
    row.percent = u->percent;
    row.illustrative = u->illustrative;
    if (const P::UnitRollup* r = rollup.at(unitId); r && r->asOf) row.asOf = toQDate(*r->asOf);
    d.indicators.push_back(std::move(row));

    d.attributes.emplace_back(ProgressMapLayer::tr("Mã đơn vị"), QString::fromStdString(u->code));
    QString origin = ProgressMapLayer::tr("chưa có số liệu");
    if (u->origin == P::ValueOrigin::Entered) origin = ProgressMapLayer::tr("báo cáo của chính đơn vị này");
    else if (u->origin == P::ValueOrigin::RolledUp) origin = ProgressMapLayer::tr("tổng hợp từ các đơn vị trực thuộc");
    d.attributes.emplace_back(ProgressMapLayer::tr("Số liệu đạt được"), origin);
    const bool english = uiLanguage() == Language::English;
    for (const P::RollupNote& n : u->notes)
        d.attributes.emplace_back(ProgressMapLayer::tr("Ghi chú"), QString::fromStdString(english ? n.en : n.vi));
    return d;
}

} // namespace

ProgressMapLayer::ProgressMapLayer(PlanSession& session, MapProject& project, const StoreProjectData& data,
                                   QObject* parent)
    : QObject(parent), session_(session), project_(project), data_(data)
{
    connect(&session_, &PlanSession::progressChanged, this, &ProgressMapLayer::refresh);
    connect(&session_, &PlanSession::linksChanged, this, &ProgressMapLayer::refresh);
}

style::FeatureStyle ProgressMapLayer::percentStyle(double maxPercent)
{
    // A value on a break belongs to the lower class: 100 % itself is "achieved"
    // only through the last break just under it.
    const double top = std::max(maxPercent, 100.0) + 1.0;
    const std::vector<double> breaks{0.0, 50.0, 70.0, 90.0, 100.0 - 1e-9, top};
    style::FeatureStyle s = style::FeatureStyle::graduatedManual(QString::fromLatin1(F::kPercent), breaks,
                                                                 style::ColorRamp::named(QStringLiteral("RdYlGn")),
                                                                 baseSymbol(), 0);
    const QString labels[] = {tr("dưới 50 %"), tr("50 – 70 %"), tr("70 – 90 %"), tr("90 – dưới 100 %"),
                              tr("đạt 100 % trở lên")};
    for (std::size_t i = 0; i < s.ranges.size() && i < 5; ++i) s.ranges[i].label = labels[i];
    s.otherSymbol = noDataSymbol();
    s.otherLabel = tr("không có số liệu hoặc chỉ tiêu");
    return s;
}

style::FeatureStyle ProgressMapLayer::valueStyle(const std::vector<double>& values)
{
    std::vector<double> finite;
    for (double v : values)
        if (std::isfinite(v)) finite.push_back(v);
    style::FeatureStyle s;
    if (finite.empty()) {
        s = style::FeatureStyle::singleSymbol(noDataSymbol());
        s.kind = style::StyleKind::Graduated;
        s.field = QString::fromLatin1(F::kValue);
    } else {
        s = style::FeatureStyle::graduated(QString::fromLatin1(F::kValue), finite, std::min<int>(5, int(finite.size())),
                                           style::ClassificationMethod::NaturalBreaks,
                                           style::ColorRamp::named(QStringLiteral("YlGn")), baseSymbol(), 1);
    }
    s.otherSymbol = noDataSymbol();
    s.otherLabel = tr("không có số liệu");
    return s;
}

MapLayer ProgressMapLayer::buildLayer(const P::IndicatorRollup& rollup)
{
    map_ = P::buildProgressMap(session_.store().connection(), rollup, units_);
    MapLayer layer;
    layer.key = QString::fromLatin1(kLayerKey);
    const QString where = units_ == P::MapUnits::Districts2023 ? tr("theo huyện (2023)") : tr("theo xã (2025)");
    const QString what = measure_ == Measure::Percent ? tr("% đạt") : tr("giá trị đạt");
    layer.title = tr("Tiến độ %1: %2 %3").arg(QString::fromStdString(rollup.code), what, where);
    layer.illustrative = map_.illustrative();
    layer.source = map_.source;
    layer.toolLayer = true;
    // A snapshot: the layer may be drawn and identified after the map changes.
    auto figures = std::make_shared<const std::pair<P::IndicatorRollup, P::ProgressMap>>(rollup, map_);
    // The units a feature (a unit) belongs to as identify lists them on the
    // unit layers; read when asked, while this map still belongs to the open project.
    layer.toolDetails = [figures, title = layer.title, self = QPointer<ProgressMapLayer>(this)](qint64 unitId) {
        FeatureDetails d = unitFigures(figures->first, figures->second, title, unitId);
        if (self && figures->second.at(unitId)) d.units = self->data_.unitLinks(unitId);
        return d;
    };
    if (measure_ == Measure::Percent) {
        double maxPercent = 0;
        for (const P::UnitProgress& u : map_.units)
            if (u.percent) maxPercent = std::max(maxPercent, *u.percent);
        layer.style.features = percentStyle(maxPercent);
    } else {
        std::vector<double> values;
        for (const P::UnitProgress& u : map_.units)
            if (u.value) values.push_back(*u.value);
        layer.style.features = valueStyle(values);
    }
    layer.style.opacity = 0.85;
    layer.style.labels.field = QString::fromLatin1(F::kName);
    layer.style.labels.enabled = false;
    layer.fieldTitles = {{QString::fromLatin1(F::kCode), tr("Mã")},
                         {QString::fromLatin1(F::kName), tr("Tên")},
                         {QString::fromLatin1(F::kValue), tr("Lũy kế đạt")},
                         {QString::fromLatin1(F::kTarget), tr("Chỉ tiêu")},
                         {QString::fromLatin1(F::kPercent), tr("% đạt")},
                         {QString::fromLatin1(F::kIllustrative), tr("Số liệu minh họa")},
                         {QString::fromLatin1(F::kNote), tr("Ghi chú tổng hợp")},
                         {QString::fromLatin1(F::kNoteEn), tr("Ghi chú tổng hợp")}};
    layer.hiddenFields = {QString::fromLatin1(uiLanguage() == Language::English ? F::kNote : F::kNoteEn)};
    return layer;
}

void ProgressMapLayer::show(qint64 indicatorId, P::MapUnits units, Measure measure)
{
    units_ = units;
    measure_ = measure;
    const P::IndicatorRollup rollup = session_.rollup().rollup(indicatorId);
    MapLayer layer = buildLayer(rollup);
    indicator_ = indicatorId;
    const int existing = project_.indexOf(layer.key);
    int row = existing;
    if (existing >= 0) {
        layer.visible = project_.layer(existing).visible;
        project_.removeLayer(existing);
    } else {
        // Just above the unit layers, under the features.
        const int districts = project_.indexOf(QString::fromLatin1(StoreProjectData::kDistrictsLayer));
        const int communes = project_.indexOf(QString::fromLatin1(StoreProjectData::kCommunesLayer));
        row = -1;
        for (int r : {districts, communes})
            if (r >= 0 && (row < 0 || r < row)) row = r;
    }
    project_.addLayer(std::move(layer), row);
    emit updated();
}

void ProgressMapLayer::hide()
{
    indicator_.reset();
    const int row = project_.indexOf(QString::fromLatin1(kLayerKey));
    if (row >= 0) project_.removeLayer(row);
    emit updated();
}

void ProgressMapLayer::refresh()
{
    if (!indicator_) return;
    if (!session_.store().plan().indicator(*indicator_)) {
        hide();
        return;
    }
    show(*indicator_, units_, measure_);
}

} // namespace planmap::gui
