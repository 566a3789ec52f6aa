#pragma once
// A geometry: an owning RAII wrapper over a GEOS geometry (reentrant C API).
//
// Geometry is a value: copying clones, moving is cheap, and a Geometry always
// holds a geometry (possibly an empty one; "no geometry" is
// std::optional<Geometry>). Operations run on the calling thread's GEOS
// context (GeosContext.h), so different threads may work on different
// geometries at the same time; a single Geometry may be read by several
// threads at once but not modified. All measures are planar, in the units of
// the coordinates; see Geodesic.h for measures on the ellipsoid.
// Errors from GEOS are thrown as GeometryError.

#include "planmap/geo/Coordinate.h"
#include "planmap/geo/CoordinateBuffer.h"
#include "planmap/geo/Envelope.h"
#include "planmap/geo/Errors.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct GEOSGeom_t;

namespace planmap::geo {

class Transform;
enum class Direction;

enum class GeometryType {
    Point,
    LineString,
    LinearRing,
    Polygon,
    MultiPoint,
    MultiLineString,
    MultiPolygon,
    GeometryCollection,
};

/// "Point", "LineString", ... (the WKT names).
const char* geometryTypeName(GeometryType type);
/// 0 for points, 1 for lines, 2 for polygons, -1 for a GeometryCollection.
int geometryTypeDimension(GeometryType type);

class Geometry {
public:
    // --- construction ----------------------------------------------------
    /// From (ISO or extended) WKB. Throws GeometryError on malformed input.
    static Geometry fromWkb(std::span<const std::uint8_t> wkb);
    /// From WKT. Throws GeometryError on malformed input.
    static Geometry fromWkt(std::string_view wkt);
    static Geometry point(double x, double y);
    /// From interleaved coordinates x0,y0,x1,y1,... (at least two points).
    static Geometry lineString(std::span<const double> xy);
    /// From rings of interleaved coordinates; the first is the exterior ring.
    /// Rings are closed automatically if their last point differs from the first.
    static Geometry polygon(std::span<const std::vector<double>> rings);
    /// The rectangle of an envelope (empty envelope -> empty polygon).
    static Geometry rectangle(const Envelope& e);
    /// An empty geometry of the given type.
    static Geometry empty(GeometryType type);
    /// Multi* geometry when all parts share a simple type, else a GeometryCollection.
    /// Parts that are themselves multi-geometries are flattened into their components.
    static Geometry collect(std::vector<Geometry> parts);
    /// Takes ownership of a GEOS geometry made on any thread's context.
    /// Throws GeometryError if `g` is null.
    static Geometry adopt(GEOSGeom_t* g);

    Geometry(const Geometry& other);
    Geometry& operator=(const Geometry& other);
    Geometry(Geometry&& other) noexcept;
    Geometry& operator=(Geometry&& other) noexcept;
    ~Geometry();

    // --- serialisation ---------------------------------------------------
    /// ISO WKB, little endian; 3D if the geometry has Z.
    [[nodiscard]] std::vector<std::uint8_t> toWkb() const;
    /// WKT; `decimals` < 0 writes full precision with trailing zeros trimmed.
    [[nodiscard]] std::string toWkt(int decimals = -1) const;

    // --- description -----------------------------------------------------
    [[nodiscard]] GeometryType type() const;
    [[nodiscard]] const char* typeName() const { return geometryTypeName(type()); }
    /// 0 point, 1 line, 2 polygon (a collection: its highest part dimension).
    [[nodiscard]] int dimension() const;
    [[nodiscard]] bool isEmpty() const;
    [[nodiscard]] bool hasZ() const;
    [[nodiscard]] Envelope envelope() const;
    /// Number of parts of a multi-geometry or collection; 1 for a single geometry.
    [[nodiscard]] int numGeometries() const;
    /// Part `i` (0-based) of a multi-geometry/collection; the geometry itself if single.
    [[nodiscard]] Geometry geometryN(int i) const;
    [[nodiscard]] std::size_t numPoints() const;

    // --- coordinates -----------------------------------------------------
    /// Appends all coordinates (2D) to `out` without clearing it.
    void appendCoordinates(CoordinateBuffer& out) const;
    [[nodiscard]] CoordinateBuffer coordinates() const;
    /// Calls fn(PartKind kind, const double* xy, std::size_t count) for every
    /// point, line and ring (xy interleaved). Allocates one buffer per call;
    /// in hot loops prefer appendCoordinates() with a reused buffer.
    template <class Fn>
    void forEachPart(Fn&& fn) const {
        const CoordinateBuffer buffer = coordinates();
        for (const CoordinatePart& p : buffer.parts) fn(p.kind, buffer.data(p), std::size_t(p.count));
    }

    /// The geometry with every coordinate transformed (all geometry types; Z kept).
    /// Throws TransformError if a coordinate cannot be transformed.
    [[nodiscard]] Geometry transformed(const Transform& t) const;
    [[nodiscard]] Geometry transformed(const Transform& t, Direction dir) const;

    // --- constructions ---------------------------------------------------
    [[nodiscard]] Geometry pointOnSurface() const;
    [[nodiscard]] Geometry centroid() const;
    [[nodiscard]] Geometry intersection(const Geometry& other) const;
    [[nodiscard]] Geometry unionWith(const Geometry& other) const;
    [[nodiscard]] Geometry difference(const Geometry& other) const;
    [[nodiscard]] Geometry symDifference(const Geometry& other) const;
    /// Union of all parts of this geometry (dissolves overlaps).
    [[nodiscard]] Geometry unaryUnion() const;
    /// Union of many geometries at once (much faster than pairwise unions).
    static Geometry unaryUnion(std::span<const Geometry> geometries);
    /// Douglas-Peucker simplification; may create invalid polygons.
    [[nodiscard]] Geometry simplified(double tolerance) const;
    /// Simplification that keeps rings valid and non-intersecting.
    [[nodiscard]] Geometry simplifiedPreservingTopology(double tolerance) const;
    [[nodiscard]] Geometry buffer(double distance, int quadrantSegments = 8) const;

    // --- measures (planar) -----------------------------------------------
    [[nodiscard]] double area() const;
    [[nodiscard]] double length() const;
    [[nodiscard]] double distance(const Geometry& other) const;
    [[nodiscard]] double hausdorffDistance(const Geometry& other) const;
    /// The closest points: first on this geometry, second on `other`.
    [[nodiscard]] std::pair<XY, XY> nearestPoints(const Geometry& other) const;

    // --- predicates ------------------------------------------------------
    [[nodiscard]] bool intersects(const Geometry& other) const;
    [[nodiscard]] bool contains(const Geometry& other) const;
    [[nodiscard]] bool covers(const Geometry& other) const;
    [[nodiscard]] bool within(const Geometry& other) const;
    /// Topologically equal (same point set).
    [[nodiscard]] bool equals(const Geometry& other) const;
    /// Same structure and vertices, each within `tolerance`.
    [[nodiscard]] bool equalsExact(const Geometry& other, double tolerance = 0.0) const;
    [[nodiscard]] bool isValid() const;

    // --- GEOS interop ----------------------------------------------------
    [[nodiscard]] const GEOSGeom_t* handle() const { return g_; }
    /// Gives up ownership; the Geometry must not be used afterwards.
    [[nodiscard]] GEOSGeom_t* release() noexcept;

private:
    explicit Geometry(GEOSGeom_t* g) : g_(g) {}
    GEOSGeom_t* g_ = nullptr;
};

} // namespace planmap::geo
