#include "planmap/geo/Geodesic.h"

#include "planmap/geo/Crs.h"

#include "ProjSupport.h"

#include <geodesic.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace planmap::geo {

namespace {

constexpr double kWgs84A = 6378137.0;
constexpr double kWgs84F = 1.0 / 298.257223563;
constexpr double kDegree = 3.14159265358979323846 / 180.0;

/// Absolute area of one ring (interleaved lon/lat, possibly closed).
double ringArea(const geod_geodesic& g, const double* xy, std::size_t n) {
    if (n > 1 && xy[0] == xy[2 * n - 2] && xy[1] == xy[2 * n - 1]) --n;  // drop the closing point
    if (n < 3) return 0.0;
    geod_polygon p;
    geod_polygon_init(&p, 0);
    for (std::size_t i = 0; i < n; ++i) geod_polygon_addpoint(&g, &p, xy[2 * i + 1], xy[2 * i]);
    double area = 0.0;
    double perimeter = 0.0;
    geod_polygon_compute(&g, &p, /*reverse=*/0, /*sign=*/1, &area, &perimeter);
    return std::fabs(area);
}

double pathLength(const geod_geodesic& g, const double* xy, std::size_t n) {
    double total = 0.0;
    for (std::size_t i = 1; i < n; ++i) {
        double s12 = 0.0;
        geod_inverse(&g, xy[2 * i - 1], xy[2 * i - 2], xy[2 * i + 1], xy[2 * i], &s12, nullptr, nullptr);
        total += s12;
    }
    return total;
}

} // namespace

Geodesic::Geodesic() : Geodesic(kWgs84A, kWgs84F) {}

Geodesic::Geodesic(double semiMajorAxis, double flattening) : a_(semiMajorAxis), f_(flattening) {
    auto g = std::make_shared<geod_geodesic>();
    geod_init(g.get(), a_, f_);
    g_ = std::move(g);
}

Geodesic Geodesic::forCrs(const Crs& crs) {
    auto& ctx = detail::ProjCrsContext::instance();
    auto lock = ctx.lock();
    PJ* ellipsoid = proj_get_ellipsoid(ctx.ctx(), crs.impl().pj);
    if (!ellipsoid) {
        ctx.takeError();
        throw CrsError("'" + crs.name() + "' has no ellipsoid to measure on");
    }
    double a = 0, b = 0, invF = 0;
    int computed = 0;
    const int ok = proj_ellipsoid_get_parameters(ctx.ctx(), ellipsoid, &a, &b, &computed, &invF);
    proj_destroy(ellipsoid);
    if (!ok || a <= 0) {
        ctx.takeError();
        throw CrsError("Cannot read the ellipsoid of '" + crs.name() + "'");
    }
    lock.unlock();
    return Geodesic(a, invF > 0 ? 1.0 / invF : 0.0);
}

Geodesic::Inverse Geodesic::inverse(double lon1, double lat1, double lon2, double lat2) const {
    Inverse r;
    geod_inverse(g_.get(), lat1, lon1, lat2, lon2, &r.distance, &r.azimuth1, &r.azimuth2);
    return r;
}

double Geodesic::distance(double lon1, double lat1, double lon2, double lat2) const {
    double s12 = 0.0;
    geod_inverse(g_.get(), lat1, lon1, lat2, lon2, &s12, nullptr, nullptr);
    return s12;
}

double Geodesic::area(const Geometry& g) const {
    const CoordinateBuffer b = g.coordinates();
    double total = 0.0;
    for (const CoordinatePart& p : b.parts) {
        if (p.kind == PartKind::ExteriorRing) total += ringArea(*g_, b.data(p), p.count);
        else if (p.kind == PartKind::InteriorRing) total -= ringArea(*g_, b.data(p), p.count);
    }
    return total;
}

double Geodesic::length(const Geometry& g) const {
    const CoordinateBuffer b = g.coordinates();
    double total = 0.0;
    for (const CoordinatePart& p : b.parts) {
        if (p.kind == PartKind::Line) total += pathLength(*g_, b.data(p), p.count);
    }
    return total;
}

double Geodesic::perimeter(const Geometry& g) const {
    const CoordinateBuffer b = g.coordinates();
    double total = 0.0;
    for (const CoordinatePart& p : b.parts) {
        if (p.kind == PartKind::ExteriorRing || p.kind == PartKind::InteriorRing) {
            total += pathLength(*g_, b.data(p), p.count);
        }
    }
    return total;
}

Geodesic::ClosestPoint Geodesic::closestPoint(double lon, double lat, const Geometry& g) const {
    const CoordinateBuffer b = g.coordinates();
    if (b.parts.empty()) throw GeometryError("Distance to an empty geometry is undefined");
    const geod_geodesic& geod = *g_;

    ClosestPoint best{std::numeric_limits<double>::infinity(), {}};
    std::vector<double> vertexDistance;
    for (const CoordinatePart& part : b.parts) {
        const double* xy = b.data(part);
        const std::size_t n = part.count;
        vertexDistance.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            geod_inverse(&geod, lat, lon, xy[2 * i + 1], xy[2 * i], &vertexDistance[i], nullptr, nullptr);
            if (vertexDistance[i] < best.distance) best = {vertexDistance[i], {xy[2 * i], xy[2 * i + 1]}};
        }
        if (part.kind == PartKind::Point) continue;
        for (std::size_t i = 0; i + 1 < n; ++i) {
            const double lonA = xy[2 * i], latA = xy[2 * i + 1];
            const double lonB = xy[2 * i + 2], latB = xy[2 * i + 3];
            geod_geodesicline line;
            geod_inverseline(&line, &geod, latA, lonA, latB, lonB, GEOD_LATITUDE | GEOD_LONGITUDE | GEOD_AZIMUTH | GEOD_DISTANCE_IN);
            const double L = line.s13;
            if (!(L > 0.0)) continue;
            const double dA = vertexDistance[i], dB = vertexDistance[i + 1];
            // Any point X of AB satisfies |PX| >= dA - |AX| and |PX| >= dB - |XB|.
            if ((dA + dB - L) / 2.0 >= best.distance) continue;

            // Start from the foot of the perpendicular in the plane triangle PAB.
            double s = std::clamp((L * L + dA * dA - dB * dB) / (2.0 * L), 0.0, L);
            double d = 0.0, latX = 0.0, lonX = 0.0;
            for (int iteration = 0; iteration < 30; ++iteration) {
                double aziLine = 0.0;
                geod_genposition(&line, GEOD_NOFLAGS, s, &latX, &lonX, &aziLine, nullptr, nullptr, nullptr, nullptr,
                                 nullptr);
                double aziAtX = 0.0;
                geod_inverse(&geod, lat, lon, latX, lonX, &d, nullptr, &aziAtX);
                if (d == 0.0) break;
                const double step = -d * std::cos((aziAtX - aziLine) * kDegree);
                const double next = std::clamp(s + step, 0.0, L);
                if (std::fabs(next - s) < 1e-9) break;  // X is within a nanometre of the foot
                s = next;
            }
            if (d < best.distance) best = {d, {lonX, latX}};
        }
    }
    return best;
}

} // namespace planmap::geo
