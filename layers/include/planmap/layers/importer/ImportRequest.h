#pragma once
// What to import and how: the options shared by `planmap-cli import` and the
// GUI import wizard, plus progress reporting and cancellation.

#include "planmap/layers/io/FieldMapping.h"
#include "planmap/layers/io/ImportError.h"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace planmap::layers::importer {

/// The import was cancelled through ImportRequest::cancel. Nothing was written.
class ImportCancelled : public io::ImportError {
public:
    using io::ImportError::ImportError;
};

/// Where a long import is.
struct ImportProgress {
    enum class Stage {
        Reading,   ///< reading and decoding the file's rows
        Checking,  ///< converting values, transforming and validating geometries
        Writing,   ///< writing into the project (one transaction)
    };
    Stage stage = Stage::Reading;
    std::int64_t done = 0;
    std::int64_t total = 0;  ///< 0 when unknown
};

/// "reading", "checking", "writing".
const char* stageName(ImportProgress::Stage stage);

using ProgressCallback = std::function<void(const ImportProgress&)>;

struct ImportRequest {
    std::filesystem::path file;
    /// The layer to read in a file with several (GeoPackage, KML, XLSX sheets).
    std::optional<std::string> sourceLayer;

    /// Target: a unit layer (province, districts_2023, communes_2025,
    /// communes_2023), the crosswalk (crosswalk_2025), a feature layer of the
    /// project, or a new name ([a-z][a-z0-9_]*): a reference layer with the
    /// file's own fields is created.
    std::string layer;
    /// Title of a new reference layer (default: the file's name).
    std::optional<std::string> title;

    /// CRS of the file's coordinates: nullopt = the file's own, or detected
    /// when it has none; "auto" = detect even if the file says one; else
    /// EPSG:N, WKT or PROJ text.
    std::optional<std::string> crs;
    /// Text encoding: nullopt or "auto" = the .cpg when there is one, else
    /// detected from the text; else a name (utf-8, tcvn3, vni, cp1258, viscii, latin1).
    std::optional<std::string> encoding;

    /// target field = source column (explicit pairs win over `mappingName`).
    io::FieldMapping fields;
    /// A mapping saved in the project (SavedMappings) to start from.
    std::optional<std::string> mappingName;
    /// Save the mapping used (after a successful import) under this name.
    std::optional<std::string> saveMappingAs;
    /// The source column with each row's unique key: a re-import updates
    /// the features of the same key instead of adding them again.
    std::optional<std::string> keyField;

    /// CSV/XLSX: the columns holding X/longitude and Y/latitude (default:
    /// columns named x/y, lon/lat, kinh_do/vi_do... are found by themselves).
    std::optional<std::string> xColumn;
    std::optional<std::string> yColumn;
    /// A column of unit codes that places rows without coordinates at the
    /// unit's point on surface (flagged approximate_location = 1).
    std::optional<std::string> unitColumn;
    /// The generation of those codes: "2025" (default) or "2023" (pre-2025).
    std::string unitGeneration = "2025";

    /// Rows whose geometry cannot be used are left out and listed instead
    /// of failing the import.
    bool skipInvalid = false;
    /// Mark every imported row as illustrative (invented for demonstration).
    bool illustrative = false;
    /// Unit layers: a code list (io/UnitCodeList.h).
    std::optional<std::filesystem::path> codeList;
    /// Provenance stored with each row; default: the file name.
    std::optional<std::string> source;

    /// Called now and then while the import runs (from the calling thread).
    ProgressCallback progress;
    /// Set to true (from any thread) to cancel; the import then throws
    /// ImportCancelled and writes nothing.
    const std::atomic<bool>* cancel = nullptr;
};

} // namespace planmap::layers::importer
