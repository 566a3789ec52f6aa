#pragma once
// Writing a project layer to a file with GDAL: GeoPackage (.gpkg), GeoJSON
// (.geojson), Shapefile (.shp, with .prj and a UTF-8 .cpg), CSV (.csv,
// geometry as WKT or X/Y), KML (.kml) or XLSX (.xlsx, a sheet with the
// attributes and the geometry as WKT, or X/Y columns for points), chosen from
// the extension. A GeoPackage carries the layer's map style (saved in the
// project, or its default) in its layer_styles table, as QML and SLD, so
// QGIS opens it drawn as planmap draws it (QgisStyle.h).
//
// Geometries are written in WGS 84 (EPSG:4326) unless another CRS is asked
// for (KML is always WGS 84). Every file carries the unit codes and the
// Unicode names, an `illustrative` field (1 = invented for demonstration),
// and polygon layers an `area_ha` field: the geodesic area in hectares on the
// WGS 84 ellipsoid, whatever the output CRS. The file appears only when it is
// complete (geo::VectorWriter writes atomically).

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace planmap::layers {
class ProjectStore;
}

namespace planmap::layers::io {

struct ExportOptions {
    /// A unit layer (province, districts_2023, communes_2025, communes_2023)
    /// or a feature layer.
    std::string layer;
    /// Output CRS (EPSG:N, WKT or PROJ text); default EPSG:4326.
    std::optional<std::string> crs;
    /// GeoPackage: write the layer's style into layer_styles.
    bool withStyle = true;
};

struct ExportReport {
    std::filesystem::path file;
    std::int64_t features = 0;
    std::string crs;                    ///< label of the output CRS
    std::vector<std::string> warnings;  ///< e.g. field names the format shortened
    std::optional<std::string> styleName;  ///< GeoPackage: the style written to layer_styles
};

/// Exports a layer; throws std::runtime_error (geo::IoError for file
/// problems) naming the layer or file when it cannot.
ExportReport exportLayer(ProjectStore& store, const std::filesystem::path& file, const ExportOptions& options);

} // namespace planmap::layers::io
