#include "planmap/layers/style/ColorRamp.h"

#include "planmap/layers/style/StyleError.h"

#include <algorithm>
#include <cmath>

namespace planmap::layers::style {

namespace {

struct RampDef {
    const char* name;
    ColorRamp::Kind kind;
    std::vector<QRgb> stops;
};

// planmap's own ramps. Sequential ramps go from a near-white tint to a dark,
// saturated end so that 5–7 classes stay distinguishable in print; diverging
// ramps put a pale neutral in the middle; qualitative palettes alternate hue
// and lightness so neighbouring categories differ.
const std::vector<RampDef>& definitions()
{
    using K = ColorRamp::Kind;
    static const std::vector<RampDef> defs = {
        {"YlOrRd", K::Sequential, {0xfffbd0, 0xfedb7a, 0xfca54a, 0xf2652e, 0xd42124, 0x8f0026}},
        {"YlGn", K::Sequential, {0xfcfed4, 0xd6eea0, 0x98d178, 0x52ad5a, 0x23803f, 0x0a4f2a}},
        {"Greens", K::Sequential, {0xf4fbf1, 0xc9eac0, 0x92d08a, 0x4fae5e, 0x1f8539, 0x035a22}},
        {"Blues", K::Sequential, {0xf2f7fd, 0xc6dbef, 0x8ebfe0, 0x4f98cc, 0x2268ae, 0x0a3c7d}},
        {"Reds", K::Sequential, {0xfff3ee, 0xfcc4ad, 0xfb8b6c, 0xef4b38, 0xc11a1d, 0x7a0b10}},
        {"Oranges", K::Sequential, {0xfff4e8, 0xfdd1a2, 0xfda05a, 0xf06c1a, 0xc84804, 0x852c03}},
        {"Purples", K::Sequential, {0xf8f6fb, 0xd9d8eb, 0xb0acd4, 0x8a80bc, 0x68429c, 0x440a7c}},
        {"Greys", K::Sequential, {0xfafafa, 0xd6d6d6, 0xa8a8a8, 0x767676, 0x464646, 0x161616}},
        {"RdYlGn", K::Diverging, {0xb01b26, 0xe8603a, 0xfbb36a, 0xfcf4b4, 0xb2dc76, 0x5cb55b, 0x16834a}},
        {"RdYlBu", K::Diverging, {0xb01b26, 0xe8603a, 0xfbb36a, 0xfcf4bc, 0xaad6e6, 0x6aa2cc, 0x3a55a4}},
        {"BrBG", K::Diverging, {0x8a5110, 0xc48a3a, 0xe6cd92, 0xf4f2ec, 0x8fd2c4, 0x3a978c, 0x0b5e56}},
        {"PiYG", K::Diverging, {0xc21e7c, 0xe27fb8, 0xf6c8e2, 0xf6f6f2, 0xc2e4a0, 0x7cb942, 0x3f7d1e}},
        {"Categories", K::Qualitative,
         {0x3b7dd8, 0xe8832a, 0x3aa351, 0xd8403c, 0x8d62bf, 0x8c5a48, 0xd877c0, 0x7d7d7d, 0xb6bb2c, 0x2bbccd}},
        {"Pastel", K::Qualitative,
         {0xa8c8ec, 0xf8c49a, 0xaedba4, 0xf4a8a6, 0xcdb8e0, 0xd4b8aa, 0xf4c2e4, 0xd0d0d0, 0xe0e29a, 0xa6e2ea}},
    };
    return defs;
}

QColor lerp(const QColor& a, const QColor& b, double t)
{
    auto mix = [t](int u, int v) { return int(std::lround(u + (v - u) * t)); };
    return QColor(mix(a.red(), b.red()), mix(a.green(), b.green()), mix(a.blue(), b.blue()),
                  mix(a.alpha(), b.alpha()));
}

} // namespace

ColorRamp::ColorRamp(QString name, Kind kind, std::vector<QColor> stops)
    : name_(std::move(name)), kind_(kind), stops_(std::move(stops))
{
    if (stops_.empty()) throw StyleError("colour ramp '" + name_.toStdString() + "' has no colours");
}

ColorRamp ColorRamp::named(const QString& name)
{
    for (const RampDef& d : definitions()) {
        if (name == QLatin1String(d.name)) {
            std::vector<QColor> stops;
            for (QRgb c : d.stops) stops.emplace_back(c);
            return ColorRamp(name, d.kind, std::move(stops));
        }
    }
    throw StyleError("unknown colour ramp '" + name.toStdString() + "' (known: " + names().join(", ").toStdString() + ")");
}

QStringList ColorRamp::names()
{
    QStringList out;
    for (const RampDef& d : definitions()) out << QString::fromLatin1(d.name);
    return out;
}

QColor ColorRamp::colorAt(double t) const
{
    if (!(t >= 0.0)) t = 0.0;  // also NaN
    if (t > 1.0) t = 1.0;
    if (stops_.size() == 1) return stops_.front();
    const double pos = t * double(stops_.size() - 1);
    if (kind_ == Kind::Qualitative) return stops_[std::size_t(std::lround(pos))];
    const std::size_t i = std::min(std::size_t(pos), stops_.size() - 2);
    return lerp(stops_[i], stops_[i + 1], pos - double(i));
}

std::vector<QColor> ColorRamp::colors(int n) const
{
    std::vector<QColor> out;
    if (n <= 0) return out;
    out.reserve(std::size_t(n));
    for (int i = 0; i < n; ++i) {
        if (kind_ == Kind::Qualitative)
            out.push_back(stops_[std::size_t(i) % stops_.size()]);
        else
            out.push_back(colorAt(n == 1 ? 0.5 : double(i) / double(n - 1)));
    }
    return out;
}

ColorRamp ColorRamp::reversed() const
{
    std::vector<QColor> s(stops_.rbegin(), stops_.rend());
    return ColorRamp(name_, kind_, std::move(s));
}

} // namespace planmap::layers::style
