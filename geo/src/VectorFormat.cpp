#include "planmap/geo/VectorFormat.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace planmap::geo {

VectorFormat vectorFormatFromPath(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext == ".gpkg") return VectorFormat::GeoPackage;
    if (ext == ".geojson" || ext == ".json") return VectorFormat::GeoJson;
    if (ext == ".shp") return VectorFormat::Shapefile;
    if (ext == ".csv") return VectorFormat::Csv;
    if (ext == ".kml") return VectorFormat::Kml;
    if (ext == ".xlsx") return VectorFormat::Xlsx;
    throw IoError("Cannot write '" + path.string() + "': unknown file type '" + ext +
                  "' (use .gpkg, .geojson, .json, .shp, .csv, .kml or .xlsx)");
}

const char* vectorFormatName(VectorFormat format) {
    switch (format) {
    case VectorFormat::GeoPackage: return "GeoPackage";
    case VectorFormat::GeoJson: return "GeoJSON";
    case VectorFormat::Shapefile: return "ESRI Shapefile";
    case VectorFormat::Csv: return "CSV";
    case VectorFormat::Kml: return "KML";
    case VectorFormat::Xlsx: return "XLSX";
    }
    return "unknown";
}

} // namespace planmap::geo
