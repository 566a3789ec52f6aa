#include "planmap/layers/style/LabelSettings.h"

#include "JsonSupport.h"

namespace planmap::layers::style {

QJsonObject LabelSettings::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("enabled"), enabled);
    o.insert(QStringLiteral("field"), field);
    o.insert(QStringLiteral("font"), fontFamily);
    o.insert(QStringLiteral("sizePt"), sizePt);
    o.insert(QStringLiteral("bold"), bold);
    o.insert(QStringLiteral("italic"), italic);
    o.insert(QStringLiteral("color"), json::colorToText(color));
    o.insert(QStringLiteral("haloColor"), json::colorToText(haloColor));
    o.insert(QStringLiteral("haloWidthMm"), haloWidthMm);
    o.insert(QStringLiteral("priority"), priority);
    o.insert(QStringLiteral("minFeatureSizePx"), minFeatureSizePx);
    o.insert(QStringLiteral("pointOffsetMm"), pointOffsetMm);
    o.insert(QStringLiteral("maxScaleDenominator"), maxScaleDenominator);
    return o;
}

LabelSettings LabelSettings::fromJson(const QJsonObject& o)
{
    LabelSettings s;
    json::readBool(o, "enabled", s.enabled);
    json::readString(o, "field", s.field);
    json::readString(o, "font", s.fontFamily);
    json::readDouble(o, "sizePt", s.sizePt);
    json::readBool(o, "bold", s.bold);
    json::readBool(o, "italic", s.italic);
    json::readColor(o, "color", s.color);
    json::readColor(o, "haloColor", s.haloColor);
    json::readDouble(o, "haloWidthMm", s.haloWidthMm);
    json::readInt(o, "priority", s.priority);
    json::readDouble(o, "minFeatureSizePx", s.minFeatureSizePx);
    json::readDouble(o, "pointOffsetMm", s.pointOffsetMm);
    json::readDouble(o, "maxScaleDenominator", s.maxScaleDenominator);
    if (!(s.sizePt > 0)) throw StyleError("style JSON: label 'sizePt' must be positive");
    if (s.priority < 0 || s.priority > 10) throw StyleError("style JSON: label 'priority' must be 0…10");
    if (s.enabled && s.field.isEmpty()) throw StyleError("style JSON: enabled labels need a 'field'");
    return s;
}

} // namespace planmap::layers::style
