#include "planmap/geo/PreparedGeometry.h"

#include "GeosSupport.h"

namespace planmap::geo {

using detail::checkedPredicate;
using detail::geosHandle;
using detail::GeosGeometryPtr;

PreparedGeometry::PreparedGeometry(Geometry g) : geometry_(std::move(g)), envelope_(geometry_.envelope()) {
    prepared_ = GEOSPrepare_r(geosHandle(), geometry_.handle());
    if (!prepared_) detail::throwGeosError("Cannot prepare the geometry");
}

PreparedGeometry::~PreparedGeometry() {
    if (prepared_) GEOSPreparedGeom_destroy_r(detail::geosHandleForCleanup(), prepared_);
}

PreparedGeometry::PreparedGeometry(PreparedGeometry&& o) noexcept
    : geometry_(std::move(o.geometry_)), envelope_(o.envelope_), prepared_(o.prepared_) {
    o.prepared_ = nullptr;
}

PreparedGeometry& PreparedGeometry::operator=(PreparedGeometry&& o) noexcept {
    if (this != &o) {
        if (prepared_) GEOSPreparedGeom_destroy_r(detail::geosHandleForCleanup(), prepared_);
        geometry_ = std::move(o.geometry_);
        envelope_ = o.envelope_;
        prepared_ = o.prepared_;
        o.prepared_ = nullptr;
    }
    return *this;
}

bool PreparedGeometry::contains(const Geometry& other) const {
    return checkedPredicate(GEOSPreparedContains_r(geosHandle(), prepared_, other.handle()), "Contains failed");
}
bool PreparedGeometry::covers(const Geometry& other) const {
    return checkedPredicate(GEOSPreparedCovers_r(geosHandle(), prepared_, other.handle()), "Covers failed");
}
bool PreparedGeometry::intersects(const Geometry& other) const {
    return checkedPredicate(GEOSPreparedIntersects_r(geosHandle(), prepared_, other.handle()), "Intersects failed");
}

bool PreparedGeometry::contains(double x, double y) const {
    if (!envelope_.contains(x, y)) return false;
    GEOSContextHandle_t h = geosHandle();
    const GeosGeometryPtr p(detail::checked(GEOSGeom_createPointFromXY_r(h, x, y), "Cannot build a point"));
    return checkedPredicate(GEOSPreparedContains_r(h, prepared_, p.get()), "Contains failed");
}

bool PreparedGeometry::covers(double x, double y) const {
    if (!envelope_.contains(x, y)) return false;
    GEOSContextHandle_t h = geosHandle();
    const GeosGeometryPtr p(detail::checked(GEOSGeom_createPointFromXY_r(h, x, y), "Cannot build a point"));
    return checkedPredicate(GEOSPreparedCovers_r(h, prepared_, p.get()), "Covers failed");
}

} // namespace planmap::geo
