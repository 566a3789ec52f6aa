#pragma once
// Loading administrative units (private to planmap_layers): the unit-layer
// branch of the import engine (importer::runImport), which has read the file,
// settled its text encoding and the CRS of its coordinates first.

#include "planmap/geo/Crs.h"
#include "planmap/layers/io/FieldMapping.h"
#include "planmap/layers/io/ImportError.h"
#include "planmap/layers/io/UnitLayers.h"

#include <filesystem>
#include <optional>
#include <string>

namespace planmap::layers {
class ProjectStore;
}
namespace planmap::layers::importer {
class SourceData;
}

namespace planmap::layers::io::detail {

struct UnitImportOptions {
    /// target field (unitImportFields()) = source column.
    FieldMapping fields;
    /// The column of the unit codes (same as fields code=COLUMN).
    std::optional<std::string> keyField;
    /// The CRS of the source coordinates, settled by the engine (nullopt: WGS 84 or none).
    std::optional<geo::Crs> crs;
    bool illustrative = false;
    std::optional<std::filesystem::path> codeList;
    /// Provenance stored with each unit; default: the file name.
    std::optional<std::string> source;
};

/// Checks every row of `source` as a unit of `target` (all problems reported
/// together, each naming the file, row and column) and writes them with an
/// import batch of kind "units" in one transaction.
ImportReport importUnits(ProjectStore& store, const importer::SourceData& source, const UnitLayer& target,
                         const UnitImportOptions& options);

} // namespace planmap::layers::io::detail
