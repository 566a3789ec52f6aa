#pragma once
// Exact nearest-neighbour and within-distance searches by GEODESIC distance
// (WGS 84 metres), over GEOS's STRtree (geo::SpatialIndex).
//
// Method. The tree holds the items in a "lower-bound plane": longitude and
// latitude scaled to metres so that the straight-line distance between any
// two points of the plane never exceeds their geodesic distance:
//     x = N(phi_far) cos(phi_far) * lon,   y = M(phi_near) * lat   (radians)
// where [phi_near, phi_far] is the band of |latitude| the data lies in (with a
// margin), N the prime-vertical and M the meridional radius of curvature.
// Along any curve in the band |dx| <= N cos(phi) |dlon| (N cos phi shrinks
// poleward) and |dy| <= M |dlat| (M grows poleward), so the image of a
// geodesic is never longer than the geodesic, and a chord is never longer
// than its curve: planar distance <= geodesic distance.
//
// A query then runs in two steps:
//   1. the STRtree's nearest-neighbour search by planar distance gives a
//      candidate; its geodesic distance g is an upper bound of the answer;
//   2. every item whose planar distance is below g (found with a window query
//      of half-size g) gets its geodesic distance computed; the smallest wins.
// Any item nearer than g geodesically is nearer than g in the plane, so step 2
// cannot miss it: the result is the nearest by geodesic distance, exactly (up
// to the accuracy of geo::Geodesic), not the nearest in some projection.
//
// Lines are searched on their geodesic segments (geo::Geodesic::closestPoint,
// a point ON the segment, not only vertices). The image of a geodesic segment
// of length L whose end points are c apart in the plane stays inside the
// ellipse with foci at those end points and major axis L (each part of the
// path is at least as long as its planar chord), so it lies within
// sqrt(L^2 - c^2) / 2 of the chord: each segment is indexed with its envelope
// grown by that slack and its planar distance lowered by it.
//
// Limits: the data must not cross the antimeridian nor come within a degree
// of a pole (AnalysisError otherwise); queries must lie in the band the
// index was built for (AnalysisError otherwise). After build(), const
// queries may run concurrently from several threads.

#include "planmap/geo/Coordinate.h"
#include "planmap/geo/Envelope.h"
#include "planmap/geo/Geodesic.h"
#include "planmap/geo/Geometry.h"
#include "planmap/geo/SpatialIndex.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace planmap::layers::analysis {

/// The lower-bound plane described above.
class LowerBoundPlane {
public:
    /// For points inside `lonLatExtent` (degrees). Throws AnalysisError for an
    /// empty extent, one wider than 180 degrees of longitude, or one reaching
    /// within a degree of a pole.
    LowerBoundPlane(const geo::Envelope& lonLatExtent, const geo::Geodesic& geodesic);

    [[nodiscard]] geo::XY toPlane(double lon, double lat) const { return {lon * xScale_, lat * yScale_}; }
    /// Metres of plane per degree of longitude / latitude.
    [[nodiscard]] double xScale() const { return xScale_; }
    [[nodiscard]] double yScale() const { return yScale_; }
    /// The latitude band (degrees) for which the bound holds.
    [[nodiscard]] double minLatitude() const { return minLat_; }
    [[nodiscard]] double maxLatitude() const { return maxLat_; }
    [[nodiscard]] bool inBand(double lat) const { return lat >= minLat_ && lat <= maxLat_; }
    /// Throws AnalysisError naming the point when it is outside the band.
    void checkInBand(double lon, double lat) const;

private:
    double xScale_ = 0.0;
    double yScale_ = 0.0;
    double minLat_ = 0.0;
    double maxLat_ = 0.0;
};

/// Points (facilities, markets, villages) searched by geodesic distance.
class GeodesicPointIndex {
public:
    GeodesicPointIndex(const LowerBoundPlane& plane, const geo::Geodesic& geodesic);

    /// Adds a point; its index is the number of points added before it.
    std::size_t add(double lon, double lat);
    void reserve(std::size_t n);
    /// Packs the tree (done by the first query otherwise; call it before
    /// querying from several threads).
    void build();
    [[nodiscard]] std::size_t size() const { return lonLat_.size() / 2; }
    [[nodiscard]] geo::XY lonLat(std::size_t index) const { return {lonLat_[2 * index], lonLat_[2 * index + 1]}; }

    struct Hit {
        std::size_t index = 0;
        double distance = 0.0;  ///< geodesic metres
    };
    /// The point nearest to (lon, lat) by geodesic distance (ties: the lowest
    /// index); nothing when the index is empty.
    [[nodiscard]] std::optional<Hit> nearest(double lon, double lat) const;
    /// Every point within `radius` metres (geodesic, inclusive), sorted by
    /// distance then index. Appends to `out` after clearing it.
    void within(double lon, double lat, double radius, std::vector<Hit>& out) const;
    [[nodiscard]] std::vector<Hit> within(double lon, double lat, double radius) const;

private:
    const LowerBoundPlane& plane_;
    const geo::Geodesic& geodesic_;
    std::vector<double> lonLat_;
    std::vector<double> planeXY_;
    geo::SpatialIndex tree_;
};

/// Lines (roads) searched by geodesic distance to their segments.
class GeodesicLineIndex {
public:
    GeodesicLineIndex(const LowerBoundPlane& plane, const geo::Geodesic& geodesic);

    /// Adds a line of at least two points (lon/lat interleaved); returns its
    /// index. Throws AnalysisError for fewer points.
    std::size_t addLine(std::span<const double> lonLat);
    void build();
    [[nodiscard]] std::size_t lineCount() const { return lines_.size(); }
    [[nodiscard]] std::size_t segmentCount() const { return segments_.size(); }
    /// Geodesic length of a line in metres.
    [[nodiscard]] double lineLength(std::size_t line) const { return lines_[line].cumulative.back(); }
    [[nodiscard]] std::span<const double> lineCoordinates(std::size_t line) const;
    [[nodiscard]] geo::XY lineStart(std::size_t line) const;
    [[nodiscard]] geo::XY lineEnd(std::size_t line) const;

    struct Hit {
        std::size_t line = 0;
        double distance = 0.0;  ///< geodesic metres to the nearest point of the line
        geo::XY point;          ///< that point (lon, lat), on a segment
        double offset = 0.0;    ///< metres along the line from its first point to `point`
    };
    /// The nearest point on any line (ties: any of them); nothing when empty.
    [[nodiscard]] std::optional<Hit> nearest(double lon, double lat) const;

private:
    struct Line {
        std::vector<double> lonLat;
        std::vector<double> planeXY;
        std::vector<double> cumulative;  ///< geodesic length from the first point to each vertex
    };
    struct Segment {
        std::size_t line = 0;
        std::size_t vertex = 0;  ///< first vertex of the segment in its line
        double slack = 0.0;      ///< how far the image of the geodesic may stray from the chord
        geo::Geometry geometry;  ///< the segment as a lon/lat LineString, for geo::Geodesic
    };
    [[nodiscard]] double planarLowerBound(const Segment& segment, const geo::XY& p) const;

    const LowerBoundPlane& plane_;
    const geo::Geodesic& geodesic_;
    std::vector<Line> lines_;
    std::vector<Segment> segments_;
    geo::SpatialIndex tree_;
};

} // namespace planmap::layers::analysis
