#pragma once
// Planar geometry helpers of the renderer, on flat interleaved xy arrays.

#include <QPointF>
#include <QRectF>

#include <cstdint>
#include <span>
#include <vector>

namespace planmap::layers::render::detail {

/// Douglas–Peucker simplification of one part: appends the kept points of
/// `xy` (n points) to `out` and returns how many. First and last points are
/// always kept; a closed ring is split at its point farthest from the start
/// so that both halves simplify well.
std::size_t simplifyDouglasPeucker(const double* xy, std::size_t n, double tolerance, bool closed,
                                   std::vector<double>& out);

/// A set of rings (even–odd rule) in one coordinate space.
struct RingSet {
    std::vector<double> xy;
    std::vector<std::uint32_t> ringStart;  // size rings+1
};

/// Pole of inaccessibility of the area covered by `rings` (even–odd): the
/// inside point farthest from every edge, found by quadtree search to within
/// `precision`. Returns false when the rings enclose nothing.
bool poleOfInaccessibility(const RingSet& rings, double precision, QPointF& pole, double* distance = nullptr);

/// Clips each ring to `clip` (Sutherland–Hodgman) into `out` (even–odd
/// semantics preserved; rings that vanish are dropped).
void clipRings(const RingSet& in, const QRectF& clip, RingSet& out);

/// Signed area of a ring (positive = counter-clockwise in a y-up space).
double ringArea(const double* xy, std::size_t n);

} // namespace planmap::layers::render::detail
