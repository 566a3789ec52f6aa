#include "planmap/layers/style/LayerStyle.h"

#include "JsonSupport.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace planmap::layers::style {

bool LayerStyle::visibleAtScale(double denominator) const
{
    if (maxScaleDenominator > 0 && denominator > maxScaleDenominator) return false;
    if (minScaleDenominator > 0 && denominator < minScaleDenominator) return false;
    return true;
}

QJsonObject LayerStyle::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("version"), 1);
    o.insert(QStringLiteral("features"), features.toJson());
    o.insert(QStringLiteral("labels"), labels.toJson());
    o.insert(QStringLiteral("opacity"), opacity);
    o.insert(QStringLiteral("minScaleDenominator"), minScaleDenominator);
    o.insert(QStringLiteral("maxScaleDenominator"), maxScaleDenominator);
    return o;
}

LayerStyle LayerStyle::fromJson(const QJsonObject& o)
{
    int version = 1;
    json::readInt(o, "version", version);
    if (version != 1) throw StyleError("style JSON: unsupported style version " + std::to_string(version));
    LayerStyle s;
    s.features = FeatureStyle::fromJson(json::readObject(o, "features"));
    s.labels = LabelSettings::fromJson(json::readObject(o, "labels"));
    json::readDouble(o, "opacity", s.opacity);
    json::readDouble(o, "minScaleDenominator", s.minScaleDenominator);
    json::readDouble(o, "maxScaleDenominator", s.maxScaleDenominator);
    if (!(s.opacity >= 0.0 && s.opacity <= 1.0)) throw StyleError("style JSON: 'opacity' must be within 0…1");
    return s;
}

QByteArray LayerStyle::toJsonText() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

LayerStyle LayerStyle::fromJsonText(const QByteArray& text)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(text, &err);
    if (err.error != QJsonParseError::NoError)
        throw StyleError("style JSON: " + err.errorString().toStdString() + " at offset " + std::to_string(err.offset));
    if (!doc.isObject()) throw StyleError("style JSON: the document must be an object");
    return fromJson(doc.object());
}

} // namespace planmap::layers::style
