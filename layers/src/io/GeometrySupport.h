#pragma once
// Geometry glue between geo:: and the store (private to planmap_layers).

#include "planmap/geo/Crs.h"
#include "planmap/geo/Geometry.h"
#include "planmap/layers/store/Spatial.h"
#include "planmap/layers/store/Value.h"

#include <optional>
#include <string>

namespace planmap::layers::io::detail {

/// ISO WKB in two dimensions (any Z is dropped): what the store's XY columns take.
Wkb toStorageWkb(const geo::Geometry& g);
/// A stored geometry; nullopt for an empty Wkb.
std::optional<geo::Geometry> fromStorageWkb(const Wkb& wkb);

/// Fits a geometry to a column type: a single-part Multi* becomes its part for
/// a single-type column; a single geometry is left for the store to promote
/// into a Multi* column. Returns nullopt (and a reason) when it cannot fit.
std::optional<geo::Geometry> fitToColumn(const geo::Geometry& g, GeometryType column, std::string& reason);

/// True for Polygon and MultiPolygon columns.
bool isPolygonColumn(GeometryType type);

/// "(106.76150 21.85370)" for messages.
std::string formatLocation(double x, double y);

/// WGS 84 longitude/latitude.
const geo::Crs& wgs84();

} // namespace planmap::layers::io::detail
