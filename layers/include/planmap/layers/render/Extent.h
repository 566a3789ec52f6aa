#pragma once

#include <algorithm>
#include <limits>

namespace planmap::layers::render {

/// An axis-aligned rectangle in map units (y grows north, unlike QRectF).
/// A default-constructed Extent is empty (xmin > xmax).
struct Extent {
    double xmin = std::numeric_limits<double>::infinity();
    double ymin = std::numeric_limits<double>::infinity();
    double xmax = -std::numeric_limits<double>::infinity();
    double ymax = -std::numeric_limits<double>::infinity();

    constexpr Extent() = default;
    constexpr Extent(double x0, double y0, double x1, double y1)
        : xmin(std::min(x0, x1)), ymin(std::min(y0, y1)), xmax(std::max(x0, x1)), ymax(std::max(y0, y1)) {}

    constexpr bool isEmpty() const { return !(xmin <= xmax && ymin <= ymax); }
    constexpr double width() const { return isEmpty() ? 0.0 : xmax - xmin; }
    constexpr double height() const { return isEmpty() ? 0.0 : ymax - ymin; }
    constexpr double centerX() const { return 0.5 * (xmin + xmax); }
    constexpr double centerY() const { return 0.5 * (ymin + ymax); }

    constexpr void include(double x, double y)
    {
        xmin = std::min(xmin, x); ymin = std::min(ymin, y);
        xmax = std::max(xmax, x); ymax = std::max(ymax, y);
    }
    constexpr void include(const Extent& o)
    {
        if (o.isEmpty()) return;
        include(o.xmin, o.ymin);
        include(o.xmax, o.ymax);
    }
    constexpr bool intersects(const Extent& o) const
    {
        return !(o.xmin > xmax || o.xmax < xmin || o.ymin > ymax || o.ymax < ymin);
    }
    constexpr bool contains(const Extent& o) const
    {
        return o.xmin >= xmin && o.xmax <= xmax && o.ymin >= ymin && o.ymax <= ymax;
    }
    constexpr bool contains(double x, double y) const
    {
        return x >= xmin && x <= xmax && y >= ymin && y <= ymax;
    }
    /// Grown by `d` on every side.
    constexpr Extent buffered(double d) const { return {xmin - d, ymin - d, xmax + d, ymax + d}; }
    constexpr bool operator==(const Extent&) const = default;
};

} // namespace planmap::layers::render
