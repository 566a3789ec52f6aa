#pragma once
// Loading a vector file (any format GDAL reads) into an existing project
// layer: the administrative-unit layers (UnitLayers.h) fill AdminUnits, the
// feature layers (villages, forests, ...) fill FeatureLayers.
//
// importLayer() is a thin front of the import engine (importer::runImport,
// ImportEngine.h), the one import path of planmap: the file is read and every
// row checked first (all problems reported together, each naming the file,
// row and column); then the rows and an import batch are written in one
// transaction. The CRS of the coordinates is the file's, the one given in
// `crs`, or detected against the project's area; geometries are transformed
// to WGS 84, validated and repaired with GEOS MakeValid (every repair
// reported). Use the engine directly for its other options (new reference
// layers, CSV coordinate or unit-code columns, skipping invalid rows,
// progress and cancellation, the encoding and CRS decisions).

#include "planmap/layers/io/FieldMapping.h"
#include "planmap/geo/TextEncoding.h"
#include "planmap/layers/io/ImportError.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace planmap::layers {
class ProjectStore;
}

namespace planmap::layers::io {

struct LayerImportOptions {
    /// Target: a unit layer (province, districts_2023, communes_2025,
    /// communes_2023) or a feature layer of the project.
    std::string layer;
    /// The layer to read in a file that holds several (e.g. a GeoPackage).
    std::optional<std::string> sourceLayer;
    /// CRS of the source coordinates, as EPSG:N, WKT or PROJ text; "auto"
    /// detects it; nullopt = the file's, else detected.
    std::optional<std::string> crs;
    /// target field = source column. Targets not mapped are filled from a
    /// column of the same name (ignoring case; camelCase also matches
    /// snake_case: fullName → full_name).
    FieldMapping fields;
    /// The source column holding the unique key: the unit code for unit
    /// layers, the feature's user key for feature layers (a re-import then
    /// updates the features of the same key instead of adding new ones).
    std::optional<std::string> keyField;
    /// Mark every imported row as illustrative (invented for demonstration).
    bool illustrative = false;
    /// Unit layers: a code list (UnitCodeList.h) giving each unit's type and
    /// names by code; every unit of the file must be in it.
    std::optional<std::filesystem::path> codeList;
    /// Provenance stored with each row; default: the file name.
    std::optional<std::string> source;
    /// Shapefile/CSV text bytes are in this encoding; nullopt = the .cpg, else
    /// detected (importer/SourceData.h).
    std::optional<geo::TextEncoding> textEncoding;
};

/// Target fields of unit layers.
const std::vector<std::string>& unitImportFields();

/// Target fields of a layer: unitImportFields() for unit layers; for feature
/// layers name, user_key, commune_code, commune_old_code, source and the
/// layer's typed fields. Throws ImportError for an unknown layer.
std::vector<std::string> importTargetFields(ProjectStore& store, const std::string& layer);

/// Imports `file` into options.layer (an existing layer) through
/// importer::runImport. Throws ImportError (ImportProblems for bad rows,
/// importer::CrsUndetermined when the CRS is neither known nor detectable)
/// or the geo/store errors of what failed; nothing is written then.
ImportReport importLayer(ProjectStore& store, const std::filesystem::path& file, const LayerImportOptions& options);

} // namespace planmap::layers::io
