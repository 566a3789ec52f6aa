#pragma once
// The import engine: one path from a file to the project for the command
// line and the GUI wizard.
//
//   read    any vector format GDAL reads; legacy text encodings decoded
//           (SourceData.h); rows of CSV/XLSX placed by coordinate columns or,
//           with a unit-code column, at the unit's point on surface (flagged
//           approximate_location = 1);
//   CRS     the file's, the one given, or detected (CrsDetection.h);
//   map     columns to the target's fields with type conversion (RowMapper.h),
//           from an explicit mapping and/or one saved in the project;
//   check   every value and geometry: geometries are transformed to WGS 84,
//           validated, repaired with GEOS MakeValid (each repair reported);
//           a row that cannot be used fails the import, or with skipInvalid
//           is left out and listed; nothing is dropped silently;
//   write   in one transaction with an import batch and a record of every
//           row written (and of the previous version of every row updated),
//           so that undoImport() reverts exactly that batch; re-importing
//           with a key updates the rows of the same key.
//
// Targets: a feature layer of the project; a new name, for which a reference
// layer is created with the file's own fields; a unit layer (province,
// districts_2023, communes_2025, communes_2023) or the 2025 crosswalk, loaded
// checked and written by the unit loader (io/UnitImport) after the engine has
// settled the CRS and the encoding. io::importLayer (LayerImport.h) is a thin
// front of runImport for existing layers.

#include "planmap/layers/importer/CrsDetection.h"
#include "planmap/layers/importer/ImportMessage.h"
#include "planmap/layers/importer/ImportRequest.h"
#include "planmap/layers/importer/RowMapper.h"
#include "planmap/layers/importer/SourceData.h"
#include "planmap/layers/io/ImportError.h"
#include "planmap/layers/store/ImportBatches.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace planmap::layers {
class ProjectStore;
}

namespace planmap::layers::importer {

/// The CRS could not be settled: no candidate (or several) fit. The
/// candidates, best first, are in detection().
class CrsUndetermined : public io::ImportError {
public:
    CrsUndetermined(const std::string& message, CrsDetection detection)
        : io::ImportError(message), detection_(std::move(detection)) {}
    const CrsDetection& detection() const { return detection_; }

private:
    CrsDetection detection_;
};

/// How the coordinates were read.
struct CrsResolution {
    enum class Basis {
        None,      ///< the rows have no coordinates
        File,      ///< the CRS the file declares
        Given,     ///< asked for
        Detected,  ///< found by detectCrs
    };
    Basis basis = Basis::None;
    std::optional<geo::Crs> crs;
    std::optional<CrsDetection> detection;
    std::vector<std::string> warnings;
    /// "EPSG:9215 VN-2000 / TM-3 107-15 (detected)".
    std::string summary() const;
};

/// A row left out because its geometry could not be used (skipInvalid).
struct RejectedRow {
    std::int64_t row = 0;
    std::string where;    ///< "<file>, feature 12"
    std::string reason;
    ImportMessage message;  ///< the same, as data (kind RowLeftOut)
};

struct ImportResult {
    io::ImportReport report;            ///< counts, batch id, repairs, warnings, notes
    EncodingDecision encoding;
    CrsResolution crs;
    std::vector<RejectedRow> rejected;
    std::optional<std::string> createdLayer;  ///< the reference layer created
    std::int64_t approximateLocations = 0;    ///< rows placed at their unit's point on surface
    io::FieldMapping mapping;           ///< the mapping used (target=column)
    /// Every repair, warning and note of the report, as data, in order (for
    /// feature layers; the unit loader's own lines are in report only).
    std::vector<ImportMessage> messages;
};

/// What an import would do, for the wizard and `import --preview`.
struct ImportPreview {
    std::string driver;
    std::string sourceLayer;
    std::int64_t rowCount = 0;
    std::vector<std::string> columns;
    EncodingDecision encoding;
    CrsResolution crs;
    std::string targetLayer;
    bool newLayer = false;
    std::vector<TargetField> targets;   ///< for a new layer: the fields it will get
    std::vector<std::string> mappedColumns;  ///< per target: the column feeding it ("" = none)
    struct Row {
        std::int64_t row = 0;
        std::string label;                  ///< "row 2" / "feature 1"
        SourcePlace place;                  ///< the same, as data
        std::vector<std::string> values;    ///< per target, as text
        std::optional<std::string> geometryWkt;  ///< WGS 84, after repair
        std::vector<std::string> problems;
        std::vector<ImportMessage> messages;  ///< the problems, as data
    };
    std::vector<Row> rows;              ///< the first rows
    std::vector<std::string> warnings;
    std::vector<std::string> notes;     ///< with the repairs of the rows shown, as "repaired: ..."
    /// The warnings and notes (and the repairs) as data, in order; when every
    /// row was previewed, also the counts (rows outside the communes, ...).
    std::vector<ImportMessage> messages;
};

/// Reads the file and shows what an import would write, without writing.
/// Throws like runImport() when the file cannot be read or the CRS not settled
/// (CrsUndetermined carries the candidates).
ImportPreview previewImport(ProjectStore& store, const ImportRequest& request, std::size_t maxRows = 20);

/// Imports; throws io::ImportError (ImportProblems listing every bad row,
/// CrsUndetermined, ImportCancelled) or a geo/store error. Nothing is
/// written then.
ImportResult runImport(ProjectStore& store, const ImportRequest& request);

struct UndoResult {
    std::int64_t batchId = 0;
    std::string target;
    std::int64_t removed = 0;     ///< rows the batch had added, removed
    std::int64_t restored = 0;    ///< rows the batch had updated, restored
    std::optional<std::string> droppedLayer;  ///< the layer the batch had created, dropped
};

/// Reverts an import batch in one transaction: removes the rows it added,
/// restores the previous version of the rows it updated, drops the layer it
/// created. Refused (io::ImportError) when a later import changed the same
/// rows (undo that one first), when other data refers to the rows, when the
/// batch was undone already, or when it is not a layer or unit import.
UndoResult undoImport(ProjectStore& store, std::int64_t batchId);

/// One import of the project's history.
struct ImportHistoryEntry {
    ImportBatch batch;
    std::optional<std::string> createdLayer;
    std::optional<std::string> encoding;
    std::optional<std::string> crs;
    std::optional<Timestamp> undoneAt;
    std::int64_t inserted = 0;
    std::int64_t updated = 0;
    bool undoable = false;   ///< undoImport() can revert it (it may still refuse)
};

/// Every import, newest first.
std::vector<ImportHistoryEntry> importHistory(ProjectStore& store);

} // namespace planmap::layers::importer
