#include "FeaturePicker.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace planmap::gui {

bool polygonContains(const render::GeometryView& g, double x, double y)
{
    bool inside = false;
    for (std::uint32_t r = g.firstRing; r < g.lastRing; ++r) {
        const double* p = g.ringXY(r);
        const std::uint32_t n = g.pointCount(r);
        if (n < 3) continue;
        for (std::uint32_t i = 0, j = n - 1; i < n; j = i++) {
            const double xi = p[2 * i], yi = p[2 * i + 1];
            const double xj = p[2 * j], yj = p[2 * j + 1];
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) inside = !inside;
        }
    }
    return inside;
}

static double segmentDistance(double px, double py, double ax, double ay, double bx, double by)
{
    const double dx = bx - ax, dy = by - ay;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    return std::hypot(px - (ax + t * dx), py - (ay + t * dy));
}

double distanceTo(const render::GeometryView& g, double x, double y)
{
    double best = std::numeric_limits<double>::infinity();
    for (std::uint32_t r = g.firstRing; r < g.lastRing; ++r) {
        const double* p = g.ringXY(r);
        const std::uint32_t n = g.pointCount(r);
        if (n == 1) best = std::min(best, std::hypot(x - p[0], y - p[1]));
        for (std::uint32_t i = 1; i < n; ++i)
            best = std::min(best, segmentDistance(x, y, p[2 * i - 2], p[2 * i - 1], p[2 * i], p[2 * i + 1]));
    }
    return best;
}

std::vector<std::size_t> pickFeatures(const render::LayerCache& cache, double x, double y, double tolerance)
{
    std::vector<std::uint32_t> candidates;
    cache.query(render::Extent(x - tolerance, y - tolerance, x + tolerance, y + tolerance), candidates);
    std::vector<std::size_t> hits;
    for (auto it = candidates.rbegin(); it != candidates.rend(); ++it) {
        const render::GeometryView g = cache.geometry(*it, 0);
        const bool hit = cache.kind() == layers::GeometryKind::Polygon
                             ? polygonContains(g, x, y)
                             : distanceTo(g, x, y) <= tolerance;
        if (hit) hits.push_back(*it);
    }
    return hits;
}

} // namespace planmap::gui
