#include "planmap/geo/Geometry.h"

#include "planmap/geo/Transform.h"

#include "GeosSupport.h"

#include <cmath>
#include <string>

namespace planmap::geo {

using detail::checked;
using detail::checkedPredicate;
using detail::GeosGeometryPtr;
using detail::geosHandle;
using detail::throwGeosError;

const char* geometryTypeName(GeometryType type) {
    switch (type) {
    case GeometryType::Point: return "Point";
    case GeometryType::LineString: return "LineString";
    case GeometryType::LinearRing: return "LinearRing";
    case GeometryType::Polygon: return "Polygon";
    case GeometryType::MultiPoint: return "MultiPoint";
    case GeometryType::MultiLineString: return "MultiLineString";
    case GeometryType::MultiPolygon: return "MultiPolygon";
    case GeometryType::GeometryCollection: return "GeometryCollection";
    }
    return "Unknown";
}

int geometryTypeDimension(GeometryType type) {
    switch (type) {
    case GeometryType::Point:
    case GeometryType::MultiPoint: return 0;
    case GeometryType::LineString:
    case GeometryType::LinearRing:
    case GeometryType::MultiLineString: return 1;
    case GeometryType::Polygon:
    case GeometryType::MultiPolygon: return 2;
    case GeometryType::GeometryCollection: return -1;
    }
    return -1;
}

namespace {

GeometryType typeOf(GEOSContextHandle_t h, const GEOSGeometry* g) {
    const int id = GEOSGeomTypeId_r(h, g);
    if (id < GEOS_POINT || id > GEOS_GEOMETRYCOLLECTION) throwGeosError("Cannot read the geometry type");
    return static_cast<GeometryType>(id);
}

GEOSGeometry* makeSequenceGeometry(GEOSContextHandle_t h, GeometryType type, GEOSCoordSequence* seq) {
    switch (type) {
    case GeometryType::Point: return GEOSGeom_createPoint_r(h, seq);
    case GeometryType::LineString: return GEOSGeom_createLineString_r(h, seq);
    case GeometryType::LinearRing: return GEOSGeom_createLinearRing_r(h, seq);
    default: return nullptr;
    }
}

/// A closed ring as a GEOS LinearRing; throws if it has fewer than 3 distinct points.
GeosGeometryPtr makeRing(GEOSContextHandle_t h, const std::vector<double>& xy, std::size_t ringIndex) {
    if (xy.size() % 2 != 0) throw GeometryError("Ring " + std::to_string(ringIndex) + " has an odd number of coordinate values");
    std::vector<double> closed(xy);
    const std::size_t n = closed.size() / 2;
    if (n > 0 && (closed[0] != closed[2 * n - 2] || closed[1] != closed[2 * n - 1])) {
        closed.push_back(closed[0]);
        closed.push_back(closed[1]);
    }
    const std::size_t count = closed.size() / 2;
    if (count < 4) {
        throw GeometryError("Ring " + std::to_string(ringIndex) + " has " + std::to_string(n) +
                            " points; a polygon ring needs at least 3 distinct points");
    }
    GEOSCoordSequence* seq = GEOSCoordSeq_copyFromBuffer_r(h, closed.data(), static_cast<unsigned>(count), 0, 0);
    if (!seq) throwGeosError("Cannot build a polygon ring");
    return GeosGeometryPtr(checked(GEOSGeom_createLinearRing_r(h, seq), "Cannot build a polygon ring"));
}

void appendSequence(GEOSContextHandle_t h, const GEOSGeometry* g, PartKind kind, CoordinateBuffer& out) {
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, g);
    if (!seq) throwGeosError("Cannot read coordinates");
    unsigned int n = 0;
    GEOSCoordSeq_getSize_r(h, seq, &n);
    if (n == 0) return;
    const std::size_t offset = out.xy.size() / 2;
    out.xy.resize(out.xy.size() + 2 * std::size_t(n));
    if (!GEOSCoordSeq_copyToBuffer_r(h, seq, out.xy.data() + 2 * offset, 0, 0)) throwGeosError("Cannot read coordinates");
    out.parts.push_back({kind, static_cast<std::uint32_t>(offset), n});
}

void appendRecursive(GEOSContextHandle_t h, const GEOSGeometry* g, CoordinateBuffer& out) {
    switch (typeOf(h, g)) {
    case GeometryType::Point: appendSequence(h, g, PartKind::Point, out); break;
    case GeometryType::LineString:
    case GeometryType::LinearRing: appendSequence(h, g, PartKind::Line, out); break;
    case GeometryType::Polygon: {
        if (GEOSisEmpty_r(h, g) == 1) break;
        appendSequence(h, GEOSGetExteriorRing_r(h, g), PartKind::ExteriorRing, out);
        const int holes = GEOSGetNumInteriorRings_r(h, g);
        for (int i = 0; i < holes; ++i) appendSequence(h, GEOSGetInteriorRingN_r(h, g, i), PartKind::InteriorRing, out);
        break;
    }
    default: {
        const int n = GEOSGetNumGeometries_r(h, g);
        for (int i = 0; i < n; ++i) appendRecursive(h, GEOSGetGeometryN_r(h, g, i), out);
    }
    }
}

struct TransformScratch {
    std::vector<double> x, y, z;
};

GeosGeometryPtr transformRecursive(GEOSContextHandle_t h, const GEOSGeometry* g, const Transform& t, Direction dir,
                                   TransformScratch& s) {
    const GeometryType type = typeOf(h, g);
    if (GEOSisEmpty_r(h, g) == 1) return GeosGeometryPtr(checked(GEOSGeom_clone_r(h, g), "Cannot copy a geometry"));
    switch (type) {
    case GeometryType::Point:
    case GeometryType::LineString:
    case GeometryType::LinearRing: {
        const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, g);
        unsigned int n = 0;
        if (!seq || !GEOSCoordSeq_getSize_r(h, seq, &n)) throwGeosError("Cannot read coordinates");
        const bool hasZ = GEOSHasZ_r(h, g) == 1;
        s.x.resize(n);
        s.y.resize(n);
        s.z.resize(hasZ ? n : 0);
        if (!GEOSCoordSeq_copyToArrays_r(h, seq, s.x.data(), s.y.data(), hasZ ? s.z.data() : nullptr, nullptr)) {
            throwGeosError("Cannot read coordinates");
        }
        if (t.apply(dir, s.x.data(), s.y.data(), 1, n) != 0) {
            for (unsigned int i = 0; i < n; ++i) {
                if (std::isfinite(s.x[i])) continue;
                double x = 0, y = 0;
                GEOSCoordSeq_getXY_r(h, seq, i, &x, &y);
                (void)t.apply(dir, x, y);  // throws a TransformError naming the coordinate
            }
        }
        GEOSCoordSequence* out =
            GEOSCoordSeq_copyFromArrays_r(h, s.x.data(), s.y.data(), hasZ ? s.z.data() : nullptr, nullptr, n);
        if (!out) throwGeosError("Cannot build transformed coordinates");
        return GeosGeometryPtr(checked(makeSequenceGeometry(h, type, out), "Cannot build the transformed geometry"));
    }
    case GeometryType::Polygon: {
        GeosGeometryPtr shell = transformRecursive(h, GEOSGetExteriorRing_r(h, g), t, dir, s);
        const int n = GEOSGetNumInteriorRings_r(h, g);
        std::vector<GeosGeometryPtr> holes;
        holes.reserve(n);
        for (int i = 0; i < n; ++i) holes.push_back(transformRecursive(h, GEOSGetInteriorRingN_r(h, g, i), t, dir, s));
        std::vector<GEOSGeometry*> raw;
        for (auto& hole : holes) raw.push_back(hole.get());
        GEOSGeometry* poly = GEOSGeom_createPolygon_r(h, shell.get(), raw.data(), static_cast<unsigned>(raw.size()));
        if (!poly) throwGeosError("Cannot build the transformed polygon");
        (void)shell.release();
        for (auto& hole : holes) (void)hole.release();
        return GeosGeometryPtr(poly);
    }
    default: {
        const int n = GEOSGetNumGeometries_r(h, g);
        std::vector<GeosGeometryPtr> parts;
        parts.reserve(n);
        for (int i = 0; i < n; ++i) parts.push_back(transformRecursive(h, GEOSGetGeometryN_r(h, g, i), t, dir, s));
        std::vector<GEOSGeometry*> raw;
        for (auto& p : parts) raw.push_back(p.get());
        GEOSGeometry* c = GEOSGeom_createCollection_r(h, static_cast<int>(type), raw.data(), static_cast<unsigned>(raw.size()));
        if (!c) throwGeosError("Cannot build the transformed collection");
        for (auto& p : parts) (void)p.release();
        return GeosGeometryPtr(c);
    }
    }
}

} // namespace

// --- construction ---------------------------------------------------------

Geometry Geometry::adopt(GEOSGeom_t* g) {
    if (!g) throw GeometryError("No geometry (null GEOS handle)");
    return Geometry(g);
}

Geometry Geometry::fromWkb(std::span<const std::uint8_t> wkb) {
    auto& s = detail::GeosThreadState::current();
    GEOSGeometry* g = GEOSWKBReader_read_r(s.handle(), s.wkbReader(), wkb.data(), wkb.size());
    if (!g) throwGeosError("Invalid WKB geometry (" + std::to_string(wkb.size()) + " bytes)");
    return Geometry(g);
}

Geometry Geometry::fromWkt(std::string_view wkt) {
    auto& s = detail::GeosThreadState::current();
    const std::string text(wkt);
    GEOSGeometry* g = GEOSWKTReader_read_r(s.handle(), s.wktReader(), text.c_str());
    if (!g) {
        const std::string shown = text.size() > 60 ? text.substr(0, 57) + "..." : text;
        throwGeosError("Invalid WKT geometry '" + shown + "'");
    }
    return Geometry(g);
}

Geometry Geometry::point(double x, double y) {
    return Geometry(checked(GEOSGeom_createPointFromXY_r(geosHandle(), x, y), "Cannot build a point"));
}

Geometry Geometry::lineString(std::span<const double> xy) {
    if (xy.size() % 2 != 0) throw GeometryError("A line needs an even number of coordinate values");
    const std::size_t n = xy.size() / 2;
    if (n == 1) throw GeometryError("A line needs at least 2 points, got 1");
    GEOSContextHandle_t h = geosHandle();
    if (n == 0) return Geometry(checked(GEOSGeom_createEmptyLineString_r(h), "Cannot build an empty line"));
    GEOSCoordSequence* seq = GEOSCoordSeq_copyFromBuffer_r(h, xy.data(), static_cast<unsigned>(n), 0, 0);
    if (!seq) throwGeosError("Cannot build a line");
    return Geometry(checked(GEOSGeom_createLineString_r(h, seq), "Cannot build a line"));
}

Geometry Geometry::polygon(std::span<const std::vector<double>> rings) {
    GEOSContextHandle_t h = geosHandle();
    if (rings.empty()) return Geometry(checked(GEOSGeom_createEmptyPolygon_r(h), "Cannot build an empty polygon"));
    GeosGeometryPtr shell = makeRing(h, rings[0], 0);
    std::vector<GeosGeometryPtr> holes;
    for (std::size_t i = 1; i < rings.size(); ++i) holes.push_back(makeRing(h, rings[i], i));
    std::vector<GEOSGeometry*> raw;
    for (auto& hole : holes) raw.push_back(hole.get());
    GEOSGeometry* poly = GEOSGeom_createPolygon_r(h, shell.get(), raw.data(), static_cast<unsigned>(raw.size()));
    if (!poly) throwGeosError("Cannot build a polygon");
    (void)shell.release();
    for (auto& hole : holes) (void)hole.release();
    return Geometry(poly);
}

Geometry Geometry::rectangle(const Envelope& e) {
    if (e.isEmpty()) return empty(GeometryType::Polygon);
    const std::vector<double> ring{e.minx, e.miny, e.maxx, e.miny, e.maxx, e.maxy, e.minx, e.maxy, e.minx, e.miny};
    return polygon(std::span<const std::vector<double>>(&ring, 1));
}

Geometry Geometry::empty(GeometryType type) {
    GEOSContextHandle_t h = geosHandle();
    GEOSGeometry* g = nullptr;
    switch (type) {
    case GeometryType::Point: g = GEOSGeom_createEmptyPoint_r(h); break;
    case GeometryType::LineString:
    case GeometryType::LinearRing: g = GEOSGeom_createEmptyLineString_r(h); break;
    case GeometryType::Polygon: g = GEOSGeom_createEmptyPolygon_r(h); break;
    default: g = GEOSGeom_createEmptyCollection_r(h, static_cast<int>(type)); break;
    }
    return Geometry(checked(g, "Cannot build an empty geometry"));
}

Geometry Geometry::collect(std::vector<Geometry> parts) {
    GEOSContextHandle_t h = geosHandle();
    std::vector<Geometry> flat;
    flat.reserve(parts.size());
    for (Geometry& p : parts) {
        const GeometryType t = p.type();
        if (t == GeometryType::MultiPoint || t == GeometryType::MultiLineString || t == GeometryType::MultiPolygon ||
            t == GeometryType::GeometryCollection) {
            const int n = p.numGeometries();
            for (int i = 0; i < n; ++i) flat.push_back(p.geometryN(i));
        } else {
            flat.push_back(std::move(p));
        }
    }
    GeometryType collectionType = GeometryType::GeometryCollection;
    if (!flat.empty()) {
        auto multiOf = [](GeometryType t) {
            switch (t) {
            case GeometryType::Point: return GeometryType::MultiPoint;
            case GeometryType::LineString:
            case GeometryType::LinearRing: return GeometryType::MultiLineString;
            case GeometryType::Polygon: return GeometryType::MultiPolygon;
            default: return GeometryType::GeometryCollection;
            }
        };
        collectionType = multiOf(flat.front().type());
        for (const Geometry& p : flat) {
            if (multiOf(p.type()) != collectionType || p.type() == GeometryType::LinearRing) {
                collectionType = GeometryType::GeometryCollection;
                break;
            }
        }
    }
    std::vector<GEOSGeometry*> raw;
    raw.reserve(flat.size());
    for (Geometry& p : flat) raw.push_back(p.g_);
    GEOSGeometry* c = GEOSGeom_createCollection_r(h, static_cast<int>(collectionType), raw.data(),
                                                  static_cast<unsigned>(raw.size()));
    if (!c) throwGeosError("Cannot build a geometry collection");
    for (Geometry& p : flat) (void)p.release();
    return Geometry(c);
}

Geometry::Geometry(const Geometry& other)
    : g_(checked(GEOSGeom_clone_r(geosHandle(), other.g_), "Cannot copy a geometry")) {}

Geometry& Geometry::operator=(const Geometry& other) {
    if (this != &other) {
        GEOSGeometry* copy = checked(GEOSGeom_clone_r(geosHandle(), other.g_), "Cannot copy a geometry");
        if (g_) GEOSGeom_destroy_r(detail::geosHandleForCleanup(), g_);
        g_ = copy;
    }
    return *this;
}

Geometry::Geometry(Geometry&& other) noexcept : g_(other.g_) { other.g_ = nullptr; }

Geometry& Geometry::operator=(Geometry&& other) noexcept {
    if (this != &other) {
        if (g_) GEOSGeom_destroy_r(detail::geosHandleForCleanup(), g_);
        g_ = other.g_;
        other.g_ = nullptr;
    }
    return *this;
}

Geometry::~Geometry() {
    if (g_) GEOSGeom_destroy_r(detail::geosHandleForCleanup(), g_);
}

GEOSGeom_t* Geometry::release() noexcept {
    GEOSGeom_t* g = g_;
    g_ = nullptr;
    return g;
}

// --- serialisation --------------------------------------------------------

std::vector<std::uint8_t> Geometry::toWkb() const {
    auto& s = detail::GeosThreadState::current();
    GEOSWKBWriter* w = s.wkbWriter();
    GEOSWKBWriter_setOutputDimension_r(s.handle(), w, hasZ() ? 3 : 2);
    std::size_t size = 0;
    unsigned char* bytes = GEOSWKBWriter_write_r(s.handle(), w, g_, &size);
    if (!bytes) throwGeosError("Cannot write WKB");
    std::vector<std::uint8_t> out(bytes, bytes + size);
    GEOSFree_r(s.handle(), bytes);
    return out;
}

std::string Geometry::toWkt(int decimals) const {
    auto& s = detail::GeosThreadState::current();
    GEOSWKTWriter* w = s.wktWriter();
    GEOSWKTWriter_setRoundingPrecision_r(s.handle(), w, decimals < 0 ? -1 : decimals);
    GEOSWKTWriter_setOutputDimension_r(s.handle(), w, hasZ() ? 3 : 2);
    char* text = GEOSWKTWriter_write_r(s.handle(), w, g_);
    if (!text) throwGeosError("Cannot write WKT");
    std::string out(text);
    GEOSFree_r(s.handle(), text);
    return out;
}

// --- description ----------------------------------------------------------

GeometryType Geometry::type() const { return typeOf(geosHandle(), g_); }

int Geometry::dimension() const { return GEOSGeom_getDimensions_r(geosHandle(), g_); }

bool Geometry::isEmpty() const { return checkedPredicate(GEOSisEmpty_r(geosHandle(), g_), "isEmpty failed"); }

bool Geometry::hasZ() const { return checkedPredicate(GEOSHasZ_r(geosHandle(), g_), "hasZ failed"); }

Envelope Geometry::envelope() const {
    GEOSContextHandle_t h = geosHandle();
    if (GEOSisEmpty_r(h, g_) == 1) return {};
    Envelope e;
    if (!GEOSGeom_getXMin_r(h, g_, &e.minx) || !GEOSGeom_getYMin_r(h, g_, &e.miny) ||
        !GEOSGeom_getXMax_r(h, g_, &e.maxx) || !GEOSGeom_getYMax_r(h, g_, &e.maxy)) {
        throwGeosError("Cannot compute the envelope");
    }
    return e;
}

int Geometry::numGeometries() const {
    const int n = GEOSGetNumGeometries_r(geosHandle(), g_);
    if (n < 0) throwGeosError("Cannot count the parts");
    return n;
}

Geometry Geometry::geometryN(int i) const {
    GEOSContextHandle_t h = geosHandle();
    const GEOSGeometry* part = GEOSGetGeometryN_r(h, g_, i);
    if (!part) throwGeosError("No part " + std::to_string(i));
    return Geometry(checked(GEOSGeom_clone_r(h, part), "Cannot copy a geometry part"));
}

std::size_t Geometry::numPoints() const {
    const int n = GEOSGetNumCoordinates_r(geosHandle(), g_);
    if (n < 0) throwGeosError("Cannot count the points");
    return static_cast<std::size_t>(n);
}

// --- coordinates ----------------------------------------------------------

void Geometry::appendCoordinates(CoordinateBuffer& out) const { appendRecursive(geosHandle(), g_, out); }

CoordinateBuffer Geometry::coordinates() const {
    CoordinateBuffer b;
    b.xy.reserve(2 * numPoints());
    appendCoordinates(b);
    return b;
}

Geometry Geometry::transformed(const Transform& t) const { return transformed(t, Direction::Forward); }

Geometry Geometry::transformed(const Transform& t, Direction dir) const {
    TransformScratch scratch;
    return Geometry(transformRecursive(geosHandle(), g_, t, dir, scratch).release());
}

// --- constructions --------------------------------------------------------

Geometry Geometry::pointOnSurface() const {
    return Geometry(checked(GEOSPointOnSurface_r(geosHandle(), g_), "Point on surface failed"));
}
Geometry Geometry::centroid() const { return Geometry(checked(GEOSGetCentroid_r(geosHandle(), g_), "Centroid failed")); }
Geometry Geometry::intersection(const Geometry& o) const {
    return Geometry(checked(GEOSIntersection_r(geosHandle(), g_, o.g_), "Intersection failed"));
}
Geometry Geometry::unionWith(const Geometry& o) const {
    return Geometry(checked(GEOSUnion_r(geosHandle(), g_, o.g_), "Union failed"));
}
Geometry Geometry::difference(const Geometry& o) const {
    return Geometry(checked(GEOSDifference_r(geosHandle(), g_, o.g_), "Difference failed"));
}
Geometry Geometry::symDifference(const Geometry& o) const {
    return Geometry(checked(GEOSSymDifference_r(geosHandle(), g_, o.g_), "Symmetric difference failed"));
}
Geometry Geometry::unaryUnion() const {
    return Geometry(checked(GEOSUnaryUnion_r(geosHandle(), g_), "Union failed"));
}

Geometry Geometry::unaryUnion(std::span<const Geometry> geometries) {
    GEOSContextHandle_t h = geosHandle();
    std::vector<GeosGeometryPtr> clones;
    clones.reserve(geometries.size());
    for (const Geometry& g : geometries) clones.emplace_back(checked(GEOSGeom_clone_r(h, g.g_), "Cannot copy a geometry"));
    std::vector<GEOSGeometry*> raw;
    raw.reserve(clones.size());
    for (auto& c : clones) raw.push_back(c.get());
    GEOSGeometry* collection =
        GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION, raw.data(), static_cast<unsigned>(raw.size()));
    if (!collection) throwGeosError("Cannot collect geometries for the union");
    for (auto& c : clones) (void)c.release();
    const Geometry all(collection);
    return all.unaryUnion();
}

Geometry Geometry::simplified(double tolerance) const {
    return Geometry(checked(GEOSSimplify_r(geosHandle(), g_, tolerance), "Simplification failed"));
}
Geometry Geometry::simplifiedPreservingTopology(double tolerance) const {
    return Geometry(checked(GEOSTopologyPreserveSimplify_r(geosHandle(), g_, tolerance), "Simplification failed"));
}
Geometry Geometry::buffer(double distance, int quadrantSegments) const {
    return Geometry(checked(GEOSBuffer_r(geosHandle(), g_, distance, quadrantSegments), "Buffer failed"));
}

// --- measures -------------------------------------------------------------

double Geometry::area() const {
    double a = 0;
    if (!GEOSArea_r(geosHandle(), g_, &a)) throwGeosError("Area failed");
    return a;
}
double Geometry::length() const {
    double l = 0;
    if (!GEOSLength_r(geosHandle(), g_, &l)) throwGeosError("Length failed");
    return l;
}
double Geometry::distance(const Geometry& o) const {
    double d = 0;
    if (!GEOSDistance_r(geosHandle(), g_, o.g_, &d)) throwGeosError("Distance failed");
    return d;
}
double Geometry::hausdorffDistance(const Geometry& o) const {
    double d = 0;
    if (!GEOSHausdorffDistance_r(geosHandle(), g_, o.g_, &d)) throwGeosError("Hausdorff distance failed");
    return d;
}

std::pair<XY, XY> Geometry::nearestPoints(const Geometry& o) const {
    GEOSContextHandle_t h = geosHandle();
    if (isEmpty() || o.isEmpty()) throw GeometryError("Nearest points of an empty geometry are undefined");
    GEOSCoordSequence* seq = GEOSNearestPoints_r(h, g_, o.g_);
    if (!seq) throwGeosError("Nearest points failed");
    std::pair<XY, XY> r;
    GEOSCoordSeq_getXY_r(h, seq, 0, &r.first.x, &r.first.y);
    GEOSCoordSeq_getXY_r(h, seq, 1, &r.second.x, &r.second.y);
    GEOSCoordSeq_destroy_r(h, seq);
    return r;
}

// --- predicates -----------------------------------------------------------

bool Geometry::intersects(const Geometry& o) const {
    return checkedPredicate(GEOSIntersects_r(geosHandle(), g_, o.g_), "Intersects failed");
}
bool Geometry::contains(const Geometry& o) const {
    return checkedPredicate(GEOSContains_r(geosHandle(), g_, o.g_), "Contains failed");
}
bool Geometry::covers(const Geometry& o) const {
    return checkedPredicate(GEOSCovers_r(geosHandle(), g_, o.g_), "Covers failed");
}
bool Geometry::within(const Geometry& o) const {
    return checkedPredicate(GEOSWithin_r(geosHandle(), g_, o.g_), "Within failed");
}
bool Geometry::equals(const Geometry& o) const {
    return checkedPredicate(GEOSEquals_r(geosHandle(), g_, o.g_), "Equals failed");
}
bool Geometry::equalsExact(const Geometry& o, double tolerance) const {
    return checkedPredicate(GEOSEqualsExact_r(geosHandle(), g_, o.g_, tolerance), "Exact equality failed");
}
bool Geometry::isValid() const { return checkedPredicate(GEOSisValid_r(geosHandle(), g_), "Validity check failed"); }

} // namespace planmap::geo
