#include "planmap/layers/render/FeatureSource.h"

#include <cstring>

namespace planmap::layers::render {

MemoryFeatureSource::MemoryFeatureSource(std::string crs, std::vector<QString> fieldNames)
    : crs_(std::move(crs)), fields_(std::move(fieldNames))
{
}

void MemoryFeatureSource::add(std::int64_t id, std::vector<std::uint8_t> wkb, std::vector<QVariant> attributes)
{
    attributes.resize(fields_.size());
    features_.push_back({id, std::move(wkb), std::move(attributes)});
}

void MemoryFeatureSource::forEach(const std::function<void(const SourceFeature&)>& visit) const
{
    for (const Stored& s : features_) {
        SourceFeature f;
        f.id = s.id;
        f.wkb = s.wkb;
        f.attributes = s.attributes;
        visit(f);
    }
}

namespace wkb {

namespace {
void putByte(std::vector<std::uint8_t>& out, std::uint8_t b) { out.push_back(b); }
void putU32(std::vector<std::uint8_t>& out, std::uint32_t v)
{
    std::uint8_t b[4];
    std::memcpy(b, &v, 4);  // planmap targets little-endian machines (x86-64, arm64)
    out.insert(out.end(), b, b + 4);
}
void putDouble(std::vector<std::uint8_t>& out, double v)
{
    std::uint8_t b[8];
    std::memcpy(b, &v, 8);
    out.insert(out.end(), b, b + 8);
}
void putRing(std::vector<std::uint8_t>& out, const std::vector<double>& xy)
{
    const std::size_t n = xy.size() / 2;
    const bool closed = n >= 2 && xy[0] == xy[2 * n - 2] && xy[1] == xy[2 * n - 1];
    putU32(out, std::uint32_t(closed ? n : n + 1));
    for (double d : xy) putDouble(out, d);
    if (!closed && n > 0) {
        putDouble(out, xy[0]);
        putDouble(out, xy[1]);
    }
}
void putPolygonBody(std::vector<std::uint8_t>& out, const std::vector<std::vector<double>>& rings)
{
    putU32(out, std::uint32_t(rings.size()));
    for (const auto& r : rings) putRing(out, r);
}
} // namespace

std::vector<std::uint8_t> point(double x, double y)
{
    std::vector<std::uint8_t> out;
    putByte(out, 1);
    putU32(out, 1);
    putDouble(out, x);
    putDouble(out, y);
    return out;
}

std::vector<std::uint8_t> lineString(std::span<const double> xy)
{
    std::vector<std::uint8_t> out;
    out.reserve(9 + xy.size() * 8);
    putByte(out, 1);
    putU32(out, 2);
    putU32(out, std::uint32_t(xy.size() / 2));
    for (double d : xy) putDouble(out, d);
    return out;
}

std::vector<std::uint8_t> polygon(const std::vector<std::vector<double>>& rings)
{
    std::vector<std::uint8_t> out;
    putByte(out, 1);
    putU32(out, 3);
    putPolygonBody(out, rings);
    return out;
}

std::vector<std::uint8_t> multiPolygon(const std::vector<std::vector<std::vector<double>>>& polygons)
{
    std::vector<std::uint8_t> out;
    putByte(out, 1);
    putU32(out, 6);
    putU32(out, std::uint32_t(polygons.size()));
    for (const auto& p : polygons) {
        putByte(out, 1);
        putU32(out, 3);
        putPolygonBody(out, p);
    }
    return out;
}

} // namespace wkb

} // namespace planmap::layers::render
