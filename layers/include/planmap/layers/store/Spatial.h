#pragma once

#include <optional>
#include <string_view>

namespace planmap::layers {

/// Every geometry in a project is stored in this SRID (WGS 84, lon/lat order).
inline constexpr int kStorageSrid = 4326;

/// Geometry type of a spatial column, as registered with the spatial
/// metadata. Any accepts every type.
enum class GeometryType { Point, LineString, Polygon, MultiPoint, MultiLineString, MultiPolygon, Any };

/// "POINT", "LINESTRING", ..., "GEOMETRY" (for Any): the OGC names used by
/// SpatiaLite's AddGeometryColumn, PostGIS typmods and the layers registry.
std::string_view toString(GeometryType type);
/// Parses the names of toString(GeometryType) (case-insensitive).
std::optional<GeometryType> parseGeometryType(std::string_view name);
/// True for the Multi* types: single geometries are promoted (ST_Multi) on write.
bool isMulti(GeometryType type);

/// An axis-aligned box in storage coordinates (longitude = x, latitude = y).
struct BoundingBox {
    double minX = 0;
    double minY = 0;
    double maxX = 0;
    double maxY = 0;

    bool isValid() const { return minX <= maxX && minY <= maxY; }
    bool intersects(const BoundingBox& o) const
    {
        return minX <= o.maxX && o.minX <= maxX && minY <= o.maxY && o.minY <= maxY;
    }
};

} // namespace planmap::layers
