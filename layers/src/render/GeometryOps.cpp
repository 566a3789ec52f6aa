#include "GeometryOps.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <queue>

namespace planmap::layers::render::detail {

namespace {

// Squared distance from p to segment ab.
inline double segDist2(double px, double py, double ax, double ay, double bx, double by)
{
    double dx = bx - ax, dy = by - ay;
    double x = ax, y = ay;
    const double len2 = dx * dx + dy * dy;
    if (len2 > 0) {
        const double t = ((px - ax) * dx + (py - ay) * dy) / len2;
        if (t >= 1) {
            x = bx;
            y = by;
        } else if (t > 0) {
            x += dx * t;
            y += dy * t;
        }
    }
    dx = px - x;
    dy = py - y;
    return dx * dx + dy * dy;
}

// Marks the points to keep between first and last (exclusive) of xy.
void dpMark(const double* xy, std::size_t first, std::size_t last, double tol2, std::vector<char>& keep)
{
    std::vector<std::pair<std::size_t, std::size_t>> stack{{first, last}};
    while (!stack.empty()) {
        const auto [a, b] = stack.back();
        stack.pop_back();
        if (b <= a + 1) continue;
        double maxD = -1;
        std::size_t idx = a;
        const double ax = xy[2 * a], ay = xy[2 * a + 1], bx = xy[2 * b], by = xy[2 * b + 1];
        for (std::size_t i = a + 1; i < b; ++i) {
            const double d = segDist2(xy[2 * i], xy[2 * i + 1], ax, ay, bx, by);
            if (d > maxD) {
                maxD = d;
                idx = i;
            }
        }
        if (maxD > tol2) {
            keep[idx] = 1;
            stack.emplace_back(a, idx);
            stack.emplace_back(idx, b);
        }
    }
}

// Signed distance from (x,y) to the rings: positive inside (even–odd).
double signedDistance(const RingSet& r, double x, double y)
{
    bool inside = false;
    double best = std::numeric_limits<double>::infinity();
    const std::size_t rings = r.ringStart.size() - 1;
    for (std::size_t k = 0; k < rings; ++k) {
        const std::size_t s = r.ringStart[k], e = r.ringStart[k + 1];
        if (e - s < 2) continue;
        for (std::size_t i = s, j = e - 1; i < e; j = i++) {
            const double ax = r.xy[2 * i], ay = r.xy[2 * i + 1];
            const double bx = r.xy[2 * j], by = r.xy[2 * j + 1];
            if ((ay > y) != (by > y) && x < (bx - ax) * (y - ay) / (by - ay) + ax) inside = !inside;
            best = std::min(best, segDist2(x, y, ax, ay, bx, by));
        }
    }
    const double d = std::sqrt(best);
    return inside ? d : -d;
}

} // namespace

std::size_t simplifyDouglasPeucker(const double* xy, std::size_t n, double tolerance, bool closed,
                                   std::vector<double>& out)
{
    if (n <= 2 || tolerance <= 0) {
        out.insert(out.end(), xy, xy + 2 * n);
        return n;
    }
    std::vector<char> keep(n, 0);
    keep[0] = keep[n - 1] = 1;
    const double tol2 = tolerance * tolerance;
    if (closed) {
        // Split at the point farthest from the start.
        double maxD = -1;
        std::size_t far = n / 2;
        for (std::size_t i = 1; i + 1 < n; ++i) {
            const double dx = xy[2 * i] - xy[0], dy = xy[2 * i + 1] - xy[1];
            const double d = dx * dx + dy * dy;
            if (d > maxD) {
                maxD = d;
                far = i;
            }
        }
        keep[far] = 1;
        dpMark(xy, 0, far, tol2, keep);
        dpMark(xy, far, n - 1, tol2, keep);
    } else {
        dpMark(xy, 0, n - 1, tol2, keep);
    }
    std::size_t kept = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (!keep[i]) continue;
        out.push_back(xy[2 * i]);
        out.push_back(xy[2 * i + 1]);
        ++kept;
    }
    return kept;
}

double ringArea(const double* xy, std::size_t n)
{
    if (n < 3) return 0.0;
    // Shoelace relative to the first point for accuracy with large coordinates.
    double a = 0.0;
    const double x0 = xy[0], y0 = xy[1];
    for (std::size_t i = 1; i + 1 < n; ++i)
        a += (xy[2 * i] - x0) * (xy[2 * i + 3] - y0) - (xy[2 * i + 2] - x0) * (xy[2 * i + 1] - y0);
    return 0.5 * a;
}

bool poleOfInaccessibility(const RingSet& rings, double precision, QPointF& pole, double* distance)
{
    if (rings.ringStart.size() < 2) return false;
    double minx = std::numeric_limits<double>::infinity(), miny = minx, maxx = -minx, maxy = -minx;
    for (std::size_t i = 0; i < rings.xy.size(); i += 2) {
        minx = std::min(minx, rings.xy[i]);
        maxx = std::max(maxx, rings.xy[i]);
        miny = std::min(miny, rings.xy[i + 1]);
        maxy = std::max(maxy, rings.xy[i + 1]);
    }
    if (!(maxx > minx) || !(maxy > miny)) return false;
    const double w = maxx - minx, h = maxy - miny;
    const double cellSize = std::min(w, h);
    if (!(precision > 0)) precision = cellSize / 100.0;

    struct Cell {
        double x, y, h, d, max;
    };
    auto makeCell = [&](double x, double y, double hh) {
        const double d = signedDistance(rings, x, y);
        return Cell{x, y, hh, d, d + hh * std::numbers::sqrt2};
    };
    auto cmp = [](const Cell& a, const Cell& b) { return a.max < b.max; };
    std::priority_queue<Cell, std::vector<Cell>, decltype(cmp)> queue(cmp);

    // Cover the box with square cells.
    const double half = cellSize / 2;
    for (double x = minx; x < maxx; x += cellSize)
        for (double y = miny; y < maxy; y += cellSize) queue.push(makeCell(x + half, y + half, half));

    // Seed with the area centroid of the first (exterior) ring and the box centre.
    Cell best = makeCell(minx + w / 2, miny + h / 2, 0);
    {
        const std::size_t s = rings.ringStart[0], e = rings.ringStart[1];
        double a = 0, cx = 0, cy = 0;
        for (std::size_t i = s, j = e - 1; i < e; j = i++) {
            const double ax = rings.xy[2 * i] - minx, ay = rings.xy[2 * i + 1] - miny;
            const double bx = rings.xy[2 * j] - minx, by = rings.xy[2 * j + 1] - miny;
            const double f = ax * by - bx * ay;
            cx += (ax + bx) * f;
            cy += (ay + by) * f;
            a += f * 3;
        }
        if (a != 0) {
            const Cell c = makeCell(minx + cx / a, miny + cy / a, 0);
            if (c.d > best.d) best = c;
        }
    }

    int guard = 0;
    while (!queue.empty() && ++guard < 100000) {
        const Cell c = queue.top();
        queue.pop();
        if (c.d > best.d) best = c;
        if (c.max - best.d <= precision) continue;
        const double hh = c.h / 2;
        queue.push(makeCell(c.x - hh, c.y - hh, hh));
        queue.push(makeCell(c.x + hh, c.y - hh, hh));
        queue.push(makeCell(c.x - hh, c.y + hh, hh));
        queue.push(makeCell(c.x + hh, c.y + hh, hh));
    }
    if (best.d <= 0) return false;
    pole = QPointF(best.x, best.y);
    if (distance) *distance = best.d;
    return true;
}

void clipRings(const RingSet& in, const QRectF& clip, RingSet& out)
{
    out.xy.clear();
    out.ringStart.assign(1, 0);
    std::vector<double> a, b;
    const double x0 = clip.left(), x1 = clip.right(), y0 = clip.top(), y1 = clip.bottom();
    const std::size_t rings = in.ringStart.size() - 1;
    for (std::size_t r = 0; r < rings; ++r) {
        const std::size_t s = in.ringStart[r], e = in.ringStart[r + 1];
        if (e - s < 3) continue;
        a.assign(in.xy.begin() + 2 * s, in.xy.begin() + 2 * e);
        // One pass per clip edge: inside(p) and intersection with the edge.
        for (int edge = 0; edge < 4 && a.size() >= 6; ++edge) {
            auto inside = [&](double x, double y) {
                switch (edge) {
                case 0: return x >= x0;
                case 1: return x <= x1;
                case 2: return y >= y0;
                default: return y <= y1;
                }
            };
            auto cross = [&](double ax, double ay, double bx, double by, double& ox, double& oy) {
                double t;
                switch (edge) {
                case 0: t = (x0 - ax) / (bx - ax); ox = x0; oy = ay + t * (by - ay); break;
                case 1: t = (x1 - ax) / (bx - ax); ox = x1; oy = ay + t * (by - ay); break;
                case 2: t = (y0 - ay) / (by - ay); oy = y0; ox = ax + t * (bx - ax); break;
                default: t = (y1 - ay) / (by - ay); oy = y1; ox = ax + t * (bx - ax); break;
                }
            };
            b.clear();
            const std::size_t n = a.size() / 2;
            for (std::size_t i = 0; i < n; ++i) {
                const std::size_t j = (i + n - 1) % n;
                const double cx = a[2 * i], cy = a[2 * i + 1], px = a[2 * j], py = a[2 * j + 1];
                const bool cin = inside(cx, cy), pin = inside(px, py);
                if (cin) {
                    if (!pin) {
                        double ox, oy;
                        cross(px, py, cx, cy, ox, oy);
                        b.push_back(ox);
                        b.push_back(oy);
                    }
                    b.push_back(cx);
                    b.push_back(cy);
                } else if (pin) {
                    double ox, oy;
                    cross(px, py, cx, cy, ox, oy);
                    b.push_back(ox);
                    b.push_back(oy);
                }
            }
            std::swap(a, b);
        }
        if (a.size() < 6) continue;
        out.xy.insert(out.xy.end(), a.begin(), a.end());
        out.ringStart.push_back(std::uint32_t(out.xy.size() / 2));
    }
}

} // namespace planmap::layers::render::detail
