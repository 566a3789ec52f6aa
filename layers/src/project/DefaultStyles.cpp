#include "planmap/layers/project/ProjectLayers.h"

namespace planmap::layers::project {

namespace {

style::Symbol polygon(QColor fill, QColor stroke, double widthMm,
                      style::StrokeStyle strokeStyle = style::StrokeStyle::Solid)
{
    style::Symbol s;
    s.fillColor = fill;
    s.strokeColor = stroke;
    s.strokeWidthMm = widthMm;
    s.strokeStyle = strokeStyle;
    return s;
}

style::Symbol marker(style::MarkerShape shape, QColor fill, double sizeMm, QColor stroke = QColor(40, 40, 40))
{
    style::Symbol s;
    s.markerShape = shape;
    s.fillColor = fill;
    s.strokeColor = stroke;
    s.strokeWidthMm = 0.2;
    s.markerSizeMm = sizeMm;
    return s;
}

style::Symbol line(QColor color, double widthMm)
{
    style::Symbol s;
    s.fillColor = Qt::transparent;
    s.strokeColor = color;
    s.strokeWidthMm = widthMm;
    return s;
}

style::LabelSettings labels(const QString& field, double sizePt, int priority, double maxScale = 0.0,
                            bool bold = false)
{
    style::LabelSettings l;
    l.enabled = true;
    l.field = field;
    l.sizePt = sizePt;
    l.priority = priority;
    l.maxScaleDenominator = maxScale;
    l.bold = bold;
    return l;
}

/// Categories in the order given, labelled from the layer's value labels.
style::FeatureStyle categories(const QHash<QString, QString>& valueLabels, Language language, const QString& field,
                               const std::vector<std::pair<QString, style::Symbol>>& classes,
                               const style::Symbol& other)
{
    style::FeatureStyle fs;
    fs.kind = style::StyleKind::Categorized;
    fs.field = field;
    fs.symbol = classes.empty() ? other : classes.front().second;
    for (const auto& [value, symbol] : classes)
        fs.categories.push_back(
            style::Category{value, valueLabels.value(field + QChar(0x1f) + value, value), symbol});
    fs.otherSymbol = other;
    fs.otherLabel = language == Language::English ? QStringLiteral("Other, unknown") : QStringLiteral("Khác, chưa rõ");
    fs.rampName = QStringLiteral("manual");
    return fs;
}

} // namespace

style::LayerStyle defaultStyle(const QString& k, GeometryKind kind, const QHash<QString, QString>& valueLabels,
                               Language language)
{
    using style::MarkerShape;
    const auto cats = [&](const QString& field, const std::vector<std::pair<QString, style::Symbol>>& classes,
                          const style::Symbol& other) {
        return categories(valueLabels, language, field, classes, other);
    };
    style::LayerStyle st;
    if (k == QLatin1String(kProvinceLayer)) {
        st.features = style::FeatureStyle::singleSymbol(polygon(Qt::transparent, QColor(150, 40, 40), 0.8));
    } else if (k == QLatin1String(kDistrictsLayer)) {
        st.features = style::FeatureStyle::singleSymbol(
            polygon(Qt::transparent, QColor(110, 60, 150), 0.5, style::StrokeStyle::Dash));
        st.labels = labels(QStringLiteral("name"), 10, 8, 0, true);
        st.labels.color = QColor(90, 40, 130);
    } else if (k == QLatin1String(kOldCommunesLayer)) {
        // Outlines over the 2025 communes: where the former communes ran.
        st.features = style::FeatureStyle::singleSymbol(
            polygon(Qt::transparent, QColor(120, 120, 120), 0.2, style::StrokeStyle::Dot));
        st.labels = labels(QStringLiteral("name"), 6.5, 2, 100000);
        st.labels.color = QColor(90, 90, 90);
    } else if (k == QLatin1String(kCommunesLayer)) {
        st.features = cats(QStringLiteral("unit_type"),
                           {{QStringLiteral("phuong"), polygon(QColor(246, 214, 200), QColor(150, 120, 100), 0.2)},
                            {QStringLiteral("thi_tran"), polygon(QColor(246, 226, 190), QColor(150, 120, 100), 0.2)},
                            {QStringLiteral("xa"), polygon(QColor(236, 234, 212), QColor(150, 140, 110), 0.2)}},
                           polygon(QColor(230, 230, 230), QColor(150, 140, 110), 0.2));
        st.labels = labels(QStringLiteral("name"), 8, 6);
    } else if (k == QLatin1String("forests")) {
        st.features = cats(QStringLiteral("forest_type"),
                           {{QStringLiteral("special_use"), polygon(QColor(46, 125, 50, 190), QColor(27, 94, 32), 0.15)},
                            {QStringLiteral("protection"), polygon(QColor(102, 170, 80, 170), QColor(56, 120, 50), 0.15)},
                            {QStringLiteral("production"), polygon(QColor(174, 213, 129, 170), QColor(110, 150, 70), 0.15)}},
                           polygon(QColor(160, 200, 140, 150), QColor(100, 140, 80), 0.15));
        st.opacity = 0.9;
    } else if (k == QLatin1String("villages")) {
        st.features = style::FeatureStyle::singleSymbol(marker(MarkerShape::Circle, QColor(205, 92, 60), 1.6));
        st.labels = labels(QStringLiteral("name"), 7, 3, 120000);
        st.maxScaleDenominator = 400000;
    } else if (k == QLatin1String("markets")) {
        st.features = cats(QStringLiteral("status"),
                           {{QStringLiteral("new"), marker(MarkerShape::Square, QColor(230, 120, 0), 2.6)},
                            {QStringLiteral("upgrade"), marker(MarkerShape::Square, QColor(250, 190, 60), 2.6)},
                            {QStringLiteral("existing"), marker(MarkerShape::Square, QColor(170, 170, 170), 2.2)}},
                           marker(MarkerShape::Square, QColor(200, 200, 200), 2.2));
        st.labels = labels(QStringLiteral("name"), 7.5, 5, 250000);
    } else if (k == QLatin1String("projects")) {
        st.features = cats(QStringLiteral("status"),
                           {{QStringLiteral("planned"), marker(MarkerShape::Triangle, QColor(120, 144, 200), 3.0)},
                            {QStringLiteral("in_progress"), marker(MarkerShape::Triangle, QColor(240, 140, 30), 3.0)},
                            {QStringLiteral("completed"), marker(MarkerShape::Triangle, QColor(60, 160, 70), 3.0)},
                            {QStringLiteral("suspended"), marker(MarkerShape::Triangle, QColor(200, 50, 50), 3.0)}},
                           marker(MarkerShape::Triangle, QColor(180, 180, 180), 3.0));
        // Line and polygon works draw with the same colours.
        for (auto& c : st.features.categories) {
            c.symbol.strokeColor = c.symbol.fillColor.darker(140);
            c.symbol.strokeWidthMm = kind == GeometryKind::Point ? 0.2 : 0.7;
        }
        st.labels = labels(QStringLiteral("name"), 7, 4, 150000);
    } else if (k == QLatin1String("roads")) {
        st.features = cats(QStringLiteral("road_class"),
                           {{QStringLiteral("national"), line(QColor(200, 40, 40), 0.9)},
                            {QStringLiteral("provincial"), line(QColor(230, 120, 40), 0.7)},
                            {QStringLiteral("district"), line(QColor(240, 180, 60), 0.5)},
                            {QStringLiteral("commune"), line(QColor(120, 120, 120), 0.35)},
                            {QStringLiteral("village"), line(QColor(160, 160, 160), 0.25)}},
                           line(QColor(150, 150, 150), 0.25));
    } else if (k == QLatin1String("facilities")) {
        st.features = style::FeatureStyle::singleSymbol(marker(MarkerShape::Diamond, QColor(40, 110, 200), 2.2));
        st.maxScaleDenominator = 200000;
        st.labels = labels(QStringLiteral("name"), 7, 2, 60000);
    } else {
        switch (kind) {
        case GeometryKind::Point:
            st.features = style::FeatureStyle::singleSymbol(marker(MarkerShape::Circle, QColor(80, 120, 200), 2.0));
            break;
        case GeometryKind::Line:
            st.features = style::FeatureStyle::singleSymbol(line(QColor(80, 80, 160), 0.4));
            break;
        case GeometryKind::Polygon:
            st.features =
                style::FeatureStyle::singleSymbol(polygon(QColor(180, 200, 230, 160), QColor(60, 80, 120), 0.26));
            break;
        }
    }
    return st;
}

} // namespace planmap::layers::project
