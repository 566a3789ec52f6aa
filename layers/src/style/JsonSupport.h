#pragma once
// Small helpers to read style JSON strictly: a present key with a wrong type
// is an error naming the key; a missing key keeps the default.

#include "planmap/layers/style/StyleError.h"

#include <QColor>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace planmap::layers::style::json {

inline QString colorToText(const QColor& c)
{
    return c.alpha() == 255 ? c.name(QColor::HexRgb) : c.name(QColor::HexArgb);
}

inline QColor colorFromText(const QString& text, const char* key)
{
    QColor c = QColor::fromString(text);
    if (!c.isValid())
        throw StyleError(std::string("style JSON: key '") + key + "' is not a colour: '" + text.toStdString() + "'");
    return c;
}

inline void readColor(const QJsonObject& o, const char* key, QColor& out)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined()) return;
    if (!v.isString())
        throw StyleError(std::string("style JSON: key '") + key + "' must be a colour string like \"#rrggbb\"");
    out = colorFromText(v.toString(), key);
}

inline void readDouble(const QJsonObject& o, const char* key, double& out)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined()) return;
    if (!v.isDouble()) throw StyleError(std::string("style JSON: key '") + key + "' must be a number");
    out = v.toDouble();
}

inline void readInt(const QJsonObject& o, const char* key, int& out)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined()) return;
    if (!v.isDouble() || v.toDouble() != double(v.toInt()))
        throw StyleError(std::string("style JSON: key '") + key + "' must be an integer");
    out = v.toInt();
}

inline void readBool(const QJsonObject& o, const char* key, bool& out)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined()) return;
    if (!v.isBool()) throw StyleError(std::string("style JSON: key '") + key + "' must be true or false");
    out = v.toBool();
}

inline void readString(const QJsonObject& o, const char* key, QString& out)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined()) return;
    if (!v.isString()) throw StyleError(std::string("style JSON: key '") + key + "' must be a string");
    out = v.toString();
}

inline QJsonObject readObject(const QJsonObject& o, const char* key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined()) return {};
    if (!v.isObject()) throw StyleError(std::string("style JSON: key '") + key + "' must be an object");
    return v.toObject();
}

inline QJsonArray readArray(const QJsonObject& o, const char* key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined()) return {};
    if (!v.isArray()) throw StyleError(std::string("style JSON: key '") + key + "' must be an array");
    return v.toArray();
}

} // namespace planmap::layers::style::json
