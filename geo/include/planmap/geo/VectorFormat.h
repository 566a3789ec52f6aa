#pragma once
// The vector formats planmap writes, chosen from a file name's extension.

#include "planmap/geo/Errors.h"

#include <filesystem>

namespace planmap::geo {

enum class VectorFormat {
    GeoPackage,  ///< .gpkg
    GeoJson,     ///< .geojson, .json
    Shapefile,   ///< .shp (with .shx, .dbf, .prj, .cpg)
    Csv,         ///< .csv (geometry as WKT, or X/Y columns for points)
    Kml,         ///< .kml (always WGS 84 longitude/latitude)
    Xlsx,        ///< .xlsx (a sheet; geometry as WKT, or X/Y columns for points)
};

/// The format for a file name's extension (case-insensitive). Throws IoError
/// naming the file and the supported extensions if it is none of them.
VectorFormat vectorFormatFromPath(const std::filesystem::path& path);

/// "GeoPackage", "GeoJSON", "ESRI Shapefile", "CSV", "KML", "XLSX".
const char* vectorFormatName(VectorFormat format);

} // namespace planmap::geo
