#pragma once
// Axis-aligned bounding box. A default-constructed Envelope is empty (contains
// nothing, intersects nothing) and grows with expand().

#include "planmap/geo/Coordinate.h"

#include <algorithm>
#include <limits>

namespace planmap::geo {

struct Envelope {
    double minx = std::numeric_limits<double>::infinity();
    double miny = std::numeric_limits<double>::infinity();
    double maxx = -std::numeric_limits<double>::infinity();
    double maxy = -std::numeric_limits<double>::infinity();

    constexpr Envelope() = default;
    constexpr Envelope(double minX, double minY, double maxX, double maxY)
        : minx(minX), miny(minY), maxx(maxX), maxy(maxY) {}

    [[nodiscard]] constexpr bool isEmpty() const { return !(minx <= maxx && miny <= maxy); }
    [[nodiscard]] constexpr double width() const { return isEmpty() ? 0.0 : maxx - minx; }
    [[nodiscard]] constexpr double height() const { return isEmpty() ? 0.0 : maxy - miny; }
    [[nodiscard]] constexpr XY center() const { return {(minx + maxx) / 2.0, (miny + maxy) / 2.0}; }

    [[nodiscard]] constexpr bool intersects(const Envelope& o) const {
        return !isEmpty() && !o.isEmpty() && o.minx <= maxx && o.maxx >= minx && o.miny <= maxy &&
               o.maxy >= miny;
    }
    /// Point inside or on the boundary.
    [[nodiscard]] constexpr bool contains(double x, double y) const {
        return x >= minx && x <= maxx && y >= miny && y <= maxy;
    }
    [[nodiscard]] constexpr bool contains(const XY& p) const { return contains(p.x, p.y); }
    /// `o` lies entirely inside this envelope (boundaries may touch).
    [[nodiscard]] constexpr bool contains(const Envelope& o) const {
        return !isEmpty() && !o.isEmpty() && o.minx >= minx && o.maxx <= maxx && o.miny >= miny &&
               o.maxy <= maxy;
    }

    constexpr void expand(double x, double y) {
        minx = std::min(minx, x);
        miny = std::min(miny, y);
        maxx = std::max(maxx, x);
        maxy = std::max(maxy, y);
    }
    constexpr void expand(const Envelope& o) {
        if (o.isEmpty()) return;
        expand(o.minx, o.miny);
        expand(o.maxx, o.maxy);
    }
    /// The envelope grown by `d` on every side (shrunk if d < 0).
    [[nodiscard]] constexpr Envelope buffered(double d) const {
        if (isEmpty()) return {};
        return {minx - d, miny - d, maxx + d, maxy + d};
    }
    /// The common part of both envelopes (empty if they do not intersect).
    [[nodiscard]] constexpr Envelope intersection(const Envelope& o) const {
        if (!intersects(o)) return {};
        return {std::max(minx, o.minx), std::max(miny, o.miny), std::min(maxx, o.maxx),
                std::min(maxy, o.maxy)};
    }

    friend constexpr bool operator==(const Envelope& a, const Envelope& b) {
        if (a.isEmpty() || b.isEmpty()) return a.isEmpty() && b.isEmpty();
        return a.minx == b.minx && a.miny == b.miny && a.maxx == b.maxx && a.maxy == b.maxy;
    }
};

} // namespace planmap::geo
