#pragma once
// Measures on the ellipsoid (WGS 84 unless told otherwise), with PROJ's
// geodesic library (C. F. F. Karney's algorithms, accurate to round-off).
//
// Every input geometry must be in longitude/latitude degrees, x = longitude,
// y = latitude (e.g. EPSG:4326, or VN-2000 geographic EPSG:4756, whose
// ellipsoid is also WGS 84). Segments between vertices are taken to be
// geodesics. A Geodesic is immutable and safe to share between threads.

#include "planmap/geo/Coordinate.h"
#include "planmap/geo/Geometry.h"

#include <memory>

struct geod_geodesic;

namespace planmap::geo {

class Crs;

class Geodesic {
public:
    /// The WGS 84 ellipsoid.
    Geodesic();
    /// Any ellipsoid: semi-major axis in metres and flattening.
    Geodesic(double semiMajorAxis, double flattening);
    /// The ellipsoid of a CRS's datum. Throws CrsError if it has none.
    static Geodesic forCrs(const Crs& crs);

    [[nodiscard]] double semiMajorAxis() const { return a_; }
    [[nodiscard]] double flattening() const { return f_; }

    struct Inverse {
        double distance = 0.0;  ///< metres
        double azimuth1 = 0.0;  ///< degrees clockwise from north, at the first point
        double azimuth2 = 0.0;  ///< degrees, at the second point (direction of travel)
    };
    /// The shortest geodesic between two points (lon/lat degrees).
    [[nodiscard]] Inverse inverse(double lon1, double lat1, double lon2, double lat2) const;
    /// Distance in metres between two points (lon/lat degrees).
    [[nodiscard]] double distance(double lon1, double lat1, double lon2, double lat2) const;

    /// Area in square metres of the polygonal parts of `g`: exterior rings
    /// minus holes, parts of a MultiPolygon or collection summed; ring
    /// orientation does not matter. Points and lines have no area.
    [[nodiscard]] double area(const Geometry& g) const;
    [[nodiscard]] double areaHectares(const Geometry& g) const { return area(g) / 1.0e4; }
    /// Length in metres of the lines of `g` (LineString, MultiLineString,
    /// lines inside collections, summed). Polygons count nothing: see perimeter().
    [[nodiscard]] double length(const Geometry& g) const;
    /// Total length in metres of all polygon rings (exterior and holes).
    [[nodiscard]] double perimeter(const Geometry& g) const;

    struct ClosestPoint {
        double distance = 0.0;  ///< metres
        XY point;               ///< the nearest point (lon, lat)
    };
    /// The point of `g` nearest to (lon, lat) and its geodesic distance. Lines
    /// and polygon rings are searched along their geodesic segments (for a
    /// polygon this is the distance to its boundary, also from inside), points
    /// as points. Throws GeometryError for an empty geometry.
    ///
    /// Method: the distance to every vertex bounds each segment from below by
    /// (dA + dB - L) / 2, so only segments that may hold the minimum are
    /// refined. A segment AB is refined by Newton-like steps along the geodesic
    /// A->B: at the current point X (distance s from A) the geodesic P->X
    /// meets the segment at angle theta, and s moves by -|PX| cos(theta), the
    /// exact step on a plane, clamped to [0, |AB|]. The steps converge
    /// quadratically to the point where P->X is perpendicular to AB. Results
    /// agree with an exhaustive search along GeographicLib geodesics to better
    /// than 1e-6 m for segments and distances up to hundreds of kilometres
    /// (the test checks this); it assumes P is less than about 5000 km away.
    [[nodiscard]] ClosestPoint closestPoint(double lon, double lat, const Geometry& g) const;
    [[nodiscard]] double distanceTo(double lon, double lat, const Geometry& g) const {
        return closestPoint(lon, lat, g).distance;
    }

private:
    double a_;
    double f_;
    std::shared_ptr<const geod_geodesic> g_;
};

} // namespace planmap::geo
