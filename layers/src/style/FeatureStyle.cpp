#include "planmap/layers/style/FeatureStyle.h"

#include "planmap/layers/style/StyleError.h"

#include "JsonSupport.h"

#include <QJsonArray>
#include <QSet>

#include <cmath>

namespace planmap::layers::style {

namespace {

QString categoryKey(const QVariant& v)
{
    return v.toString();
}

bool isNullValue(const QVariant& v)
{
    return !v.isValid() || v.isNull();
}

QString rangeLabel(double lo, double hi, int decimals)
{
    return formatNumberVi(lo, decimals) + QStringLiteral(" – ") + formatNumberVi(hi, decimals);
}

} // namespace

QString formatNumberVi(double v, int decimals)
{
    if (!std::isfinite(v)) return QStringLiteral("–");
    decimals = std::clamp(decimals, 0, 12);
    QString s = QString::number(std::abs(v), 'f', decimals);
    QString intPart = s, frac;
    const qsizetype dot = s.indexOf(QLatin1Char('.'));
    if (dot >= 0) {
        intPart = s.left(dot);
        frac = s.mid(dot + 1);
    }
    QString grouped;
    const qsizetype n = intPart.size();
    for (qsizetype i = 0; i < n; ++i) {
        grouped.append(intPart[i]);
        const qsizetype rest = n - 1 - i;
        if (rest > 0 && rest % 3 == 0) grouped.append(QLatin1Char('.'));
    }
    QString out = grouped;
    if (!frac.isEmpty()) out += QLatin1Char(',') + frac;
    const bool zero = out.count(QLatin1Char('0')) + out.count(QLatin1Char('.')) + out.count(QLatin1Char(',')) == out.size();
    if (v < 0 && !zero) out.prepend(QLatin1Char('-'));
    return out;
}

QString styleKindName(StyleKind k)
{
    switch (k) {
    case StyleKind::SingleSymbol: return QStringLiteral("single");
    case StyleKind::Categorized: return QStringLiteral("categorized");
    case StyleKind::Graduated: return QStringLiteral("graduated");
    }
    return {};
}

StyleKind styleKindFromName(const QString& name)
{
    for (auto k : {StyleKind::SingleSymbol, StyleKind::Categorized, StyleKind::Graduated})
        if (styleKindName(k) == name) return k;
    throw StyleError("style JSON: unknown style kind '" + name.toStdString() + "'");
}

FeatureStyle FeatureStyle::singleSymbol(const Symbol& s)
{
    FeatureStyle st;
    st.kind = StyleKind::SingleSymbol;
    st.symbol = s;
    return st;
}

FeatureStyle FeatureStyle::categorized(const QString& field, std::span<const QVariant> values,
                                       const ColorRamp& palette, const Symbol& base)
{
    FeatureStyle st;
    st.kind = StyleKind::Categorized;
    st.field = field;
    st.symbol = base;
    st.rampName = palette.name();
    QSet<QString> seen;
    std::vector<QVariant> distinct;
    for (const QVariant& v : values) {
        if (isNullValue(v)) continue;
        const QString key = categoryKey(v);
        if (seen.contains(key)) continue;
        seen.insert(key);
        distinct.push_back(v);
    }
    if (distinct.empty())
        throw StyleError("categorized style: field '" + field.toStdString() + "' has no non-null values");
    const std::vector<QColor> colors = palette.colors(int(distinct.size()));
    for (std::size_t i = 0; i < distinct.size(); ++i) {
        Category c;
        c.value = distinct[i];
        c.label = categoryKey(distinct[i]);
        c.symbol = base;
        c.symbol.fillColor = colors[i];
        st.categories.push_back(std::move(c));
    }
    return st;
}

FeatureStyle FeatureStyle::graduated(const QString& field, std::span<const double> values, int classes,
                                     ClassificationMethod method, const ColorRamp& ramp, const Symbol& base,
                                     int labelDecimals)
{
    const std::vector<double> breaks = classify(values, classes, method);
    FeatureStyle st = graduatedManual(field, breaks, ramp, base, labelDecimals);
    st.method = method;
    return st;
}

FeatureStyle FeatureStyle::graduatedManual(const QString& field, std::span<const double> breaks,
                                           const ColorRamp& ramp, const Symbol& base, int labelDecimals)
{
    if (breaks.size() < 2) throw StyleError("graduated style: at least two breaks are needed");
    for (std::size_t i = 1; i < breaks.size(); ++i)
        if (!(breaks[i] >= breaks[i - 1]))
            throw StyleError("graduated style: breaks must be ascending (break " + std::to_string(i) + ")");
    FeatureStyle st;
    st.kind = StyleKind::Graduated;
    st.field = field;
    st.symbol = base;
    st.method = ClassificationMethod::Manual;
    st.rampName = ramp.name();
    st.labelDecimals = labelDecimals;
    const int k = int(breaks.size()) - 1;
    const std::vector<QColor> colors = ramp.colors(k);
    for (int i = 0; i < k; ++i) {
        ClassRange r;
        r.lower = breaks[std::size_t(i)];
        r.upper = breaks[std::size_t(i) + 1];
        r.label = rangeLabel(r.lower, r.upper, labelDecimals);
        r.symbol = base;
        r.symbol.fillColor = colors[std::size_t(i)];
        st.ranges.push_back(std::move(r));
    }
    return st;
}

int FeatureStyle::symbolCount() const
{
    switch (kind) {
    case StyleKind::SingleSymbol: return 1;
    case StyleKind::Categorized: return int(categories.size()) + (otherSymbol ? 1 : 0);
    case StyleKind::Graduated: return int(ranges.size()) + (otherSymbol ? 1 : 0);
    }
    return 0;
}

const Symbol& FeatureStyle::symbolAt(int index) const
{
    if (index < 0 || index >= symbolCount())
        throw std::out_of_range("FeatureStyle::symbolAt: index " + std::to_string(index) + " out of range");
    switch (kind) {
    case StyleKind::SingleSymbol: return symbol;
    case StyleKind::Categorized:
        return std::size_t(index) < categories.size() ? categories[std::size_t(index)].symbol : *otherSymbol;
    case StyleKind::Graduated:
        return std::size_t(index) < ranges.size() ? ranges[std::size_t(index)].symbol : *otherSymbol;
    }
    return symbol;
}

int FeatureStyle::symbolIndexForNumber(double value) const
{
    const int other = otherSymbol ? int(kind == StyleKind::Graduated ? ranges.size() : categories.size()) : -1;
    switch (kind) {
    case StyleKind::SingleSymbol: return 0;
    case StyleKind::Categorized: return symbolIndex(QVariant(value));
    case StyleKind::Graduated:
        if (std::isnan(value)) return other;
        for (std::size_t i = 0; i < ranges.size(); ++i)
            if (value >= ranges[i].lower && value <= ranges[i].upper) return int(i);
        return other;
    }
    return -1;
}

int FeatureStyle::symbolIndex(const QVariant& value) const
{
    switch (kind) {
    case StyleKind::SingleSymbol: return 0;
    case StyleKind::Categorized: {
        if (!isNullValue(value)) {
            const QString key = categoryKey(value);
            for (std::size_t i = 0; i < categories.size(); ++i)
                if (categoryKey(categories[i].value) == key) return int(i);
        }
        return otherSymbol ? int(categories.size()) : -1;
    }
    case StyleKind::Graduated: {
        bool ok = false;
        const double d = isNullValue(value) ? std::nan("") : value.toDouble(&ok);
        return symbolIndexForNumber(ok ? d : std::nan(""));
    }
    }
    return -1;
}

std::vector<LegendItem> FeatureStyle::legend(GeometryKind geometry) const
{
    std::vector<LegendItem> out;
    const QString other = otherLabel.isEmpty() ? QStringLiteral("Khác") : otherLabel;
    switch (kind) {
    case StyleKind::SingleSymbol: out.push_back({QString(), symbol, geometry, 0}); break;
    case StyleKind::Categorized:
        for (std::size_t i = 0; i < categories.size(); ++i)
            out.push_back({categories[i].label, categories[i].symbol, geometry, int(i)});
        if (otherSymbol) out.push_back({other, *otherSymbol, geometry, int(categories.size())});
        break;
    case StyleKind::Graduated:
        for (std::size_t i = 0; i < ranges.size(); ++i)
            out.push_back({ranges[i].label, ranges[i].symbol, geometry, int(i)});
        if (otherSymbol) out.push_back({other, *otherSymbol, geometry, int(ranges.size())});
        break;
    }
    return out;
}

QJsonObject FeatureStyle::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("kind"), styleKindName(kind));
    o.insert(QStringLiteral("symbol"), symbol.toJson());
    if (kind != StyleKind::SingleSymbol) {
        o.insert(QStringLiteral("field"), field);
        o.insert(QStringLiteral("ramp"), rampName);
    }
    if (kind == StyleKind::Categorized) {
        QJsonArray cats;
        for (const Category& c : categories) {
            QJsonObject co;
            co.insert(QStringLiteral("value"), QJsonValue::fromVariant(c.value));
            co.insert(QStringLiteral("label"), c.label);
            co.insert(QStringLiteral("symbol"), c.symbol.toJson());
            cats.append(co);
        }
        o.insert(QStringLiteral("categories"), cats);
    }
    if (kind == StyleKind::Graduated) {
        o.insert(QStringLiteral("method"), classificationMethodName(method));
        o.insert(QStringLiteral("labelDecimals"), labelDecimals);
        QJsonArray rs;
        for (const ClassRange& r : ranges) {
            QJsonObject ro;
            ro.insert(QStringLiteral("lower"), r.lower);
            ro.insert(QStringLiteral("upper"), r.upper);
            ro.insert(QStringLiteral("label"), r.label);
            ro.insert(QStringLiteral("symbol"), r.symbol.toJson());
            rs.append(ro);
        }
        o.insert(QStringLiteral("ranges"), rs);
    }
    if (otherSymbol) o.insert(QStringLiteral("otherSymbol"), otherSymbol->toJson());
    if (!otherLabel.isEmpty()) o.insert(QStringLiteral("otherLabel"), otherLabel);
    return o;
}

FeatureStyle FeatureStyle::fromJson(const QJsonObject& o)
{
    FeatureStyle st;
    QString kindName = QStringLiteral("single");
    json::readString(o, "kind", kindName);
    st.kind = styleKindFromName(kindName);
    st.symbol = Symbol::fromJson(json::readObject(o, "symbol"));
    json::readString(o, "field", st.field);
    json::readString(o, "ramp", st.rampName);
    json::readInt(o, "labelDecimals", st.labelDecimals);
    QString methodName;
    json::readString(o, "method", methodName);
    if (!methodName.isEmpty()) st.method = classificationMethodFromName(methodName);
    if (o.contains(QLatin1String("otherSymbol")))
        st.otherSymbol = Symbol::fromJson(json::readObject(o, "otherSymbol"));
    json::readString(o, "otherLabel", st.otherLabel);

    int i = 0;
    for (const QJsonValue& v : json::readArray(o, "categories")) {
        if (!v.isObject()) throw StyleError("style JSON: categories[" + std::to_string(i) + "] must be an object");
        const QJsonObject co = v.toObject();
        Category c;
        c.value = co.value(QLatin1String("value")).toVariant();
        json::readString(co, "label", c.label);
        c.symbol = Symbol::fromJson(json::readObject(co, "symbol"));
        st.categories.push_back(std::move(c));
        ++i;
    }
    i = 0;
    for (const QJsonValue& v : json::readArray(o, "ranges")) {
        if (!v.isObject()) throw StyleError("style JSON: ranges[" + std::to_string(i) + "] must be an object");
        const QJsonObject ro = v.toObject();
        ClassRange r;
        if (!ro.value(QLatin1String("lower")).isDouble() || !ro.value(QLatin1String("upper")).isDouble())
            throw StyleError("style JSON: ranges[" + std::to_string(i) + "] needs numeric 'lower' and 'upper'");
        json::readDouble(ro, "lower", r.lower);
        json::readDouble(ro, "upper", r.upper);
        json::readString(ro, "label", r.label);
        r.symbol = Symbol::fromJson(json::readObject(ro, "symbol"));
        st.ranges.push_back(std::move(r));
        ++i;
    }
    if (st.kind != StyleKind::SingleSymbol && st.field.isEmpty())
        throw StyleError("style JSON: a " + kindName.toStdString() + " style needs a 'field'");
    return st;
}

} // namespace planmap::layers::style
