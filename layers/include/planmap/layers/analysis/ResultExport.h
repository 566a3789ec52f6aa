#pragma once
// Analysis results as tables, and their export to CSV, XLSX (GDAL's XLSX
// driver) and GeoPackage (geo::VectorWriter), the format chosen by the file
// extension.
//
//  .csv   the main table only (first table), one row per village / plot,
//         with lon/lat columns;
//  .xlsx  every table as a sheet, plus "thong_tin" (the settings, notes and
//         the illustrative notice) and "chu_giai" (each column in Vietnamese,
//         with its unit);
//  .gpkg  every table as a layer (the main table with its geometries, EPSG:4326),
//         plus "thong_tin" and "chu_giai".
// Every table has an `illustrative` column (1 for rows computed from
// illustrative inputs). Writing is atomic: a failed export leaves nothing.
// Numbers are plain (metres, hectares, points) so that spreadsheets and GIS
// read them as numbers.

#include "planmap/layers/analysis/Catchment.h"
#include "planmap/layers/analysis/ForestProtection.h"
#include "planmap/layers/analysis/Underserved.h"

#include "planmap/geo/FieldValue.h"
#include "planmap/geo/Geometry.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace planmap::layers::analysis {

struct ResultColumn {
    std::string name;     ///< ASCII snake_case, e.g. "market_m"
    geo::FieldType type = geo::FieldType::String;
    std::string titleVi;  ///< e.g. "Khoảng cách đến chợ gần nhất (đường thẳng)"
    std::string unit;     ///< e.g. "m", "ha", "điểm"; "" when none
};

struct ResultTable {
    std::string name;     ///< layer / sheet name, ASCII, at most 31 characters
    std::string titleVi;
    std::vector<ResultColumn> columns;
    std::vector<std::vector<geo::FieldValue>> rows;
    /// Geometries (lon/lat, EPSG:4326) of the rows, for GeoPackage; empty = none.
    std::vector<std::optional<geo::Geometry>> geometries;
    std::optional<geo::GeometryType> geometryType;
};

/// Key/value lines that go into "thong_tin".
struct ResultInfo {
    std::vector<std::pair<std::string, std::string>> lines;
};

struct ResultTables {
    std::vector<ResultTable> tables;  ///< the first is the main table
    ResultInfo info;
};

ResultTables toTables(const UnderservedResult& result);
ResultTables toTables(const CatchmentResult& result);
/// With `inputs`, the plot table carries the plots' polygons (for GeoPackage).
ResultTables toTables(const ForestResult& result, const ForestInputs* inputs = nullptr);

enum class ExportFormat { Csv, Xlsx, GeoPackage };
/// From the extension (.csv, .xlsx, .gpkg; any case). Throws AnalysisError
/// naming the file and the supported extensions otherwise.
ExportFormat exportFormatFromPath(const std::filesystem::path& path);

/// Writes the tables; throws AnalysisError naming the file (and table, row,
/// column where it applies) on failure, leaving no file behind.
void exportTables(const std::filesystem::path& path, const ResultTables& tables);

} // namespace planmap::layers::analysis
