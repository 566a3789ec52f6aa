#include "planmap/layers/style/Symbol.h"

#include "JsonSupport.h"

#include <array>
#include <utility>

namespace planmap::layers::style {

namespace {
constexpr std::array<std::pair<MarkerShape, const char*>, 6> kShapes{{
    {MarkerShape::Circle, "circle"},
    {MarkerShape::Square, "square"},
    {MarkerShape::Triangle, "triangle"},
    {MarkerShape::Diamond, "diamond"},
    {MarkerShape::Cross, "cross"},
    {MarkerShape::Star, "star"},
}};
constexpr std::array<std::pair<StrokeStyle, const char*>, 5> kStrokes{{
    {StrokeStyle::Solid, "solid"},
    {StrokeStyle::Dash, "dash"},
    {StrokeStyle::Dot, "dot"},
    {StrokeStyle::DashDot, "dashdot"},
    {StrokeStyle::NoStroke, "none"},
}};
} // namespace

QString markerShapeName(MarkerShape s)
{
    for (const auto& [v, n] : kShapes)
        if (v == s) return QString::fromLatin1(n);
    return {};
}

MarkerShape markerShapeFromName(const QString& name)
{
    for (const auto& [v, n] : kShapes)
        if (name == QLatin1String(n)) return v;
    throw StyleError("style JSON: unknown marker shape '" + name.toStdString() + "'");
}

QString strokeStyleName(StrokeStyle s)
{
    for (const auto& [v, n] : kStrokes)
        if (v == s) return QString::fromLatin1(n);
    return {};
}

StrokeStyle strokeStyleFromName(const QString& name)
{
    for (const auto& [v, n] : kStrokes)
        if (name == QLatin1String(n)) return v;
    throw StyleError("style JSON: unknown stroke style '" + name.toStdString() + "'");
}

QJsonObject Symbol::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("fill"), json::colorToText(fillColor));
    o.insert(QStringLiteral("stroke"), json::colorToText(strokeColor));
    o.insert(QStringLiteral("strokeWidthMm"), strokeWidthMm);
    o.insert(QStringLiteral("strokeStyle"), strokeStyleName(strokeStyle));
    o.insert(QStringLiteral("marker"), markerShapeName(markerShape));
    o.insert(QStringLiteral("markerSizeMm"), markerSizeMm);
    return o;
}

Symbol Symbol::fromJson(const QJsonObject& o)
{
    Symbol s;
    json::readColor(o, "fill", s.fillColor);
    json::readColor(o, "stroke", s.strokeColor);
    json::readDouble(o, "strokeWidthMm", s.strokeWidthMm);
    QString name;
    json::readString(o, "strokeStyle", name);
    if (!name.isEmpty()) s.strokeStyle = strokeStyleFromName(name);
    name.clear();
    json::readString(o, "marker", name);
    if (!name.isEmpty()) s.markerShape = markerShapeFromName(name);
    json::readDouble(o, "markerSizeMm", s.markerSizeMm);
    if (s.strokeWidthMm < 0) throw StyleError("style JSON: 'strokeWidthMm' must not be negative");
    if (s.markerSizeMm < 0) throw StyleError("style JSON: 'markerSizeMm' must not be negative");
    return s;
}

} // namespace planmap::layers::style
