#pragma once
// Flat coordinate arrays of a geometry, for fast drawing and bulk processing.
//
// All coordinates of a geometry are stored in one interleaved array
// (x0, y0, x1, y1, ...); `parts` says where each point, line or ring starts.
// Polygon rings come in order: an exterior ring, then its interior rings.
// Reuse one buffer (clear() keeps the capacity) to avoid allocations per
// feature in hot loops.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace planmap::geo {

enum class PartKind : std::uint8_t {
    Point,         ///< one point (each point of a MultiPoint is its own part)
    Line,          ///< a LineString (or a bare LinearRing)
    ExteriorRing,  ///< starts a polygon
    InteriorRing,  ///< a hole of the polygon whose exterior ring precedes it
};

struct CoordinatePart {
    PartKind kind = PartKind::Line;
    std::uint32_t offset = 0;  ///< index of the first point (xy[2 * offset])
    std::uint32_t count = 0;   ///< number of points
};

struct CoordinateBuffer {
    std::vector<double> xy;
    std::vector<CoordinatePart> parts;

    void clear() {
        xy.clear();
        parts.clear();
    }
    [[nodiscard]] std::size_t pointCount() const { return xy.size() / 2; }
    [[nodiscard]] const double* data(const CoordinatePart& p) const { return xy.data() + 2 * std::size_t(p.offset); }
    [[nodiscard]] double* data(const CoordinatePart& p) { return xy.data() + 2 * std::size_t(p.offset); }
};

} // namespace planmap::geo
