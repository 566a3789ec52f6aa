#pragma once
// A coordinate operation between two CRSs, backed by PROJ.
//
// Coordinates are always in traditional GIS order (x = longitude/easting,
// y = latitude/northing) whatever the CRS's official axis order
// (proj_normalize_for_visualization). PROJ chooses the operation from its
// database (e.g. VN-2000 -> WGS 84 uses EPSG's 7-parameter transformation);
// when several exist it picks, per coordinate, the most accurate one whose
// area of use contains the point.
//
// Thread safety: a Transform owns its own PROJ context and must be used by one
// thread at a time. Give each thread its own copy with clone().

#include "planmap/geo/Coordinate.h"
#include "planmap/geo/Crs.h"
#include "planmap/geo/Envelope.h"
#include "planmap/geo/Errors.h"

#include <cstddef>
#include <memory>

namespace planmap::geo {

enum class Direction { Forward, Inverse };

class Transform {
public:
    /// Throws TransformError if PROJ finds no operation between the CRSs.
    Transform(const Crs& from, const Crs& to);
    ~Transform();
    Transform(Transform&&) noexcept;
    Transform& operator=(Transform&&) noexcept;
    Transform(const Transform&) = delete;
    Transform& operator=(const Transform&) = delete;

    /// An independent Transform (own PROJ context) for use on another thread.
    [[nodiscard]] Transform clone() const;

    [[nodiscard]] const Crs& source() const;
    [[nodiscard]] const Crs& target() const;
    /// Source and target are the same CRS: coordinates pass through unchanged.
    [[nodiscard]] bool isIdentity() const;
    /// Description of the operation PROJ chose (e.g. "Inverse of VN-2000 to WGS 84 (2) + ...").
    /// When PROJ keeps several candidate operations and picks one per point
    /// by area of use, it says so (the one used is named by lastOperationUsed()).
    [[nodiscard]] std::string description() const;
    /// The name of the operation PROJ used for the last coordinate
    /// transformed (of the candidates it picks from per point); description()
    /// before any.
    [[nodiscard]] std::string lastOperationUsed() const;

    /// One coordinate. Throws TransformError if it cannot be transformed
    /// (e.g. outside the projection's domain).
    [[nodiscard]] XY forward(double x, double y) const;
    [[nodiscard]] XY inverse(double x, double y) const;
    [[nodiscard]] XY apply(Direction dir, double x, double y) const;

    /// In place, separate arrays. Coordinates that cannot be transformed are
    /// set to +infinity; returns how many of them there were (0 = all fine).
    std::size_t forward(double* xs, double* ys, std::size_t n) const;
    std::size_t inverse(double* xs, double* ys, std::size_t n) const;
    /// In place, interleaved x0,y0,x1,y1,... (the layout of CoordinateBuffer).
    std::size_t forwardInterleaved(double* xy, std::size_t n) const;
    std::size_t inverseInterleaved(double* xy, std::size_t n) const;
    /// General form: `stride` in doubles between consecutive x (and y) values.
    std::size_t apply(Direction dir, double* xs, double* ys, std::size_t stride, std::size_t n) const;

    /// The envelope in the other CRS that contains the transformed envelope,
    /// its edges densified with `densifyPoints` points (proj_trans_bounds).
    /// Throws TransformError if it cannot be computed.
    [[nodiscard]] Envelope transformBounds(const Envelope& e, Direction dir = Direction::Forward,
                                           int densifyPoints = 21) const;

private:
    struct Impl;
    explicit Transform(std::unique_ptr<Impl> d);
    std::unique_ptr<Impl> d_;
};

} // namespace planmap::geo
