#pragma once
// A geometry prepared for many predicate tests against it (GEOSPrepare):
// fast point-in-polygon and feature-in-area queries.
//
// A PreparedGeometry builds its internal indexes lazily: use one from a
// single thread at a time (give each thread its own).

#include "planmap/geo/Envelope.h"
#include "planmap/geo/Geometry.h"

#include <memory>

struct GEOSPrepGeom_t;

namespace planmap::geo {

class PreparedGeometry {
public:
    explicit PreparedGeometry(Geometry g);
    ~PreparedGeometry();
    PreparedGeometry(PreparedGeometry&&) noexcept;
    PreparedGeometry& operator=(PreparedGeometry&&) noexcept;
    PreparedGeometry(const PreparedGeometry&) = delete;
    PreparedGeometry& operator=(const PreparedGeometry&) = delete;

    [[nodiscard]] const Geometry& geometry() const { return geometry_; }
    [[nodiscard]] const Envelope& envelope() const { return envelope_; }

    /// `other` lies in the interior (boundary points of `other` may touch
    /// this geometry's boundary as long as some point is inside).
    [[nodiscard]] bool contains(const Geometry& other) const;
    [[nodiscard]] bool covers(const Geometry& other) const;
    [[nodiscard]] bool intersects(const Geometry& other) const;
    /// Point strictly inside (not on the boundary).
    [[nodiscard]] bool contains(double x, double y) const;
    /// Point inside or on the boundary.
    [[nodiscard]] bool covers(double x, double y) const;
    [[nodiscard]] bool intersects(double x, double y) const { return covers(x, y); }

private:
    Geometry geometry_;
    Envelope envelope_;
    const GEOSPrepGeom_t* prepared_ = nullptr;
};

} // namespace planmap::geo
