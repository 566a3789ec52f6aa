#include "WkbReader.h"

#include <bit>
#include <cmath>
#include <cstring>
#include <string>

namespace planmap::layers::render::detail {

namespace {

class Cursor {
public:
    explicit Cursor(std::span<const std::uint8_t> b) : b_(b) {}

    std::uint8_t byte()
    {
        need(1);
        return b_[pos_++];
    }
    std::uint32_t u32(bool little)
    {
        need(4);
        std::uint32_t v;
        std::memcpy(&v, b_.data() + pos_, 4);
        pos_ += 4;
        if (little != (std::endian::native == std::endian::little)) v = __builtin_bswap32(v);
        return v;
    }
    double f64(bool little)
    {
        need(8);
        std::uint64_t v;
        std::memcpy(&v, b_.data() + pos_, 8);
        pos_ += 8;
        if (little != (std::endian::native == std::endian::little)) v = __builtin_bswap64(v);
        return std::bit_cast<double>(v);
    }
    // Reads n points of `dims` doubles, keeping x and y.
    void points(std::size_t n, int dims, bool little, std::vector<double>& xy)
    {
        if (n > remaining() / (8u * std::size_t(dims))) fail("point count " + std::to_string(n) + " exceeds the data");
        const std::size_t start = xy.size();
        xy.resize(start + 2 * n);
        double* dst = xy.data() + start;
        const bool native = little == (std::endian::native == std::endian::little);
        if (native && dims == 2) {
            std::memcpy(dst, b_.data() + pos_, 16 * n);
            pos_ += 16 * n;
            return;
        }
        for (std::size_t i = 0; i < n; ++i) {
            dst[2 * i] = f64(little);
            dst[2 * i + 1] = f64(little);
            for (int d = 2; d < dims; ++d) (void)f64(little);
        }
    }
    std::size_t remaining() const { return b_.size() - pos_; }
    [[noreturn]] void fail(const std::string& what) const
    {
        throw WkbError("malformed WKB at byte " + std::to_string(pos_) + ": " + what);
    }

private:
    void need(std::size_t n) const
    {
        if (b_.size() - pos_ < n) fail("unexpected end of data");
    }
    std::span<const std::uint8_t> b_;
    std::size_t pos_ = 0;
};

struct Header {
    bool little;
    std::uint32_t type;  // 1..7
    int dims;
};

Header readHeader(Cursor& c)
{
    const std::uint8_t order = c.byte();
    if (order > 1) c.fail("byte order marker " + std::to_string(order));
    const bool little = order == 1;
    std::uint32_t t = c.u32(little);
    int dims = 2;
    // EWKB flags.
    if (t & 0x80000000u) ++dims;
    if (t & 0x40000000u) ++dims;
    if (t & 0x20000000u) (void)c.u32(little);  // SRID
    t &= 0x0fffffffu;
    // ISO: 1000 Z, 2000 M, 3000 ZM.
    const std::uint32_t iso = t / 1000;
    t %= 1000;
    if (iso == 1 || iso == 2) dims = 3;
    else if (iso == 3) dims = 4;
    else if (iso != 0) c.fail("geometry type " + std::to_string(iso * 1000 + t));
    if (t < 1 || t > 7) c.fail("unsupported geometry type " + std::to_string(t));
    return {little, t, dims};
}

// Reads one geometry; appends it when its kind matches. Returns whether
// anything was appended.
bool readGeometry(Cursor& c, std::optional<GeometryKind>& want, FlatGeometry& out, int depth)
{
    if (depth > 32) c.fail("geometry collections nested too deep");
    const Header h = readHeader(c);
    switch (h.type) {
    case 1: {
        std::vector<double> tmp;
        c.points(1, h.dims, h.little, tmp);
        if (std::isnan(tmp[0]) || std::isnan(tmp[1])) return false;  // POINT EMPTY
        if (!want) want = GeometryKind::Point;
        if (*want != GeometryKind::Point) return false;
        out.xy.insert(out.xy.end(), tmp.begin(), tmp.end());
        out.ringSizes.push_back(1);
        return true;
    }
    case 2: {
        const std::uint32_t n = c.u32(h.little);
        if (n == 0) return false;
        if (!want) want = GeometryKind::Line;
        if (*want != GeometryKind::Line) {
            std::vector<double> skip;
            c.points(n, h.dims, h.little, skip);
            return false;
        }
        c.points(n, h.dims, h.little, out.xy);
        out.ringSizes.push_back(n);
        return true;
    }
    case 3: {
        const std::uint32_t rings = c.u32(h.little);
        if (rings > c.remaining() / 4) c.fail("ring count " + std::to_string(rings) + " exceeds the data");
        bool any = false;
        const bool keep = !want || *want == GeometryKind::Polygon;
        std::vector<double> skip;
        for (std::uint32_t r = 0; r < rings; ++r) {
            const std::uint32_t n = c.u32(h.little);
            if (n == 0) continue;
            if (keep) {
                if (!want) want = GeometryKind::Polygon;
                c.points(n, h.dims, h.little, out.xy);
                out.ringSizes.push_back(n);
                any = true;
            } else {
                skip.clear();
                c.points(n, h.dims, h.little, skip);
            }
        }
        return any;
    }
    default: {  // 4, 5, 6, 7: collections of sub-geometries with their own headers
        const std::uint32_t n = c.u32(h.little);
        if (n > c.remaining() / 5) c.fail("part count " + std::to_string(n) + " exceeds the data");
        bool any = false;
        for (std::uint32_t i = 0; i < n; ++i) any = readGeometry(c, want, out, depth + 1) || any;
        return any;
    }
    }
}

} // namespace

bool readWkb(std::span<const std::uint8_t> wkb, std::optional<GeometryKind>& want, FlatGeometry& out)
{
    if (wkb.empty()) return false;
    Cursor c(wkb);
    const std::size_t ringsBefore = out.ringSizes.size();
    const std::size_t xyBefore = out.xy.size();
    try {
        return readGeometry(c, want, out, 0);
    } catch (...) {
        out.ringSizes.resize(ringsBefore);
        out.xy.resize(xyBefore);
        throw;
    }
}

} // namespace planmap::layers::render::detail
