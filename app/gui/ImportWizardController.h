#pragma once
// What the import wizard does, without its widgets (so it can be tested
// without exec()): the file and options of one import, the preview with the
// encoding and CRS decisions, the CRS candidates (best first, the one that
// fits the province preselected), the target (an existing layer with its
// field mapping, or a new reference layer), the full check with the geometry
// repair report, the import itself with progress and cancellation, and the
// undo of the last import. Everything goes through the import engine
// (planmap/layers/importer/ImportEngine.h).

#include "planmap/layers/importer/ImportEngine.h"
#include "planmap/layers/importer/SavedMappings.h"

#include <QString>

#include <atomic>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace planmap::layers {
class ProjectStore;
}

namespace planmap::gui {

/// One CRS the user can choose for the file's coordinates.
struct CrsChoice {
    std::string crs;          ///< "EPSG:9215" (or WKT when it has no code)
    std::string label;        ///< "EPSG:9215 VN-2000 / TM-3 107-15"
    double share = 0;         ///< of the samples inside the province (detection only; 1 for the file's own)
    bool plausible = false;   ///< its area of use covers the data
    std::string description;  ///< "EPSG:9215 ...: 100 % inside (65 of 65)"
    std::int64_t sampled = 0; ///< samples tested (detection only)
    std::int64_t inside = 0;  ///< of them inside the province
};

class ImportWizardController {
public:
    explicit ImportWizardController(layers::ProjectStore& store);

    layers::ProjectStore& store() { return store_; }

    /// Starts over with a file: options reset, a new layer named after the file.
    void setFile(const std::filesystem::path& file);
    const std::filesystem::path& file() const { return request_.file; }

    /// The whole request, for the options the wizard's pages set directly
    /// (source layer, coordinate/unit columns, key, skip invalid...).
    layers::importer::ImportRequest& request() { return request_; }
    const layers::importer::ImportRequest& request() const { return request_; }

    /// nullopt = detect (the .cpg, else the text).
    void setEncoding(std::optional<std::string> encoding);
    /// nullopt = the file's own, else detected; else EPSG:N, WKT or PROJ text.
    void setCrs(std::optional<std::string> crs);
    /// A new reference layer.
    void setNewLayer(const std::string& name, const std::string& title);
    /// An existing feature layer; the mapping restarts from the saved one
    /// when `mappingName` is given, else from same-named columns.
    void setExistingLayer(const std::string& name, std::optional<std::string> mappingName = std::nullopt);
    bool targetIsNew() const;
    /// Which column fills a target field ("" = none).
    void setField(const std::string& target, const std::string& column);

    /// Reads the file and previews the first rows. Returns false and sets
    /// error() when it cannot; when the CRS cannot be settled alone, the
    /// candidates that fit are kept, the best one that fits the province is
    /// preselected and the preview made with it (crsNeedsConfirmation()).
    bool refreshPreview(std::size_t rows = 50);
    const std::optional<layers::importer::ImportPreview>& preview() const { return preview_; }
    QString error() const { return error_; }

    /// The CRS choices, best first, and the index of the one in use (-1 = none).
    const std::vector<CrsChoice>& crsChoices() const { return crsChoices_; }
    int chosenCrs() const { return chosenCrs_; }
    /// True when the CRS was not decided alone and the user should confirm it.
    bool crsNeedsConfirmation() const { return crsNeedsConfirmation_; }

    /// Checks every row as the import would (nothing written): the repairs,
    /// problems and warnings to show before committing.
    struct Check {
        std::int64_t rows = 0;
        std::int64_t rowsWithProblems = 0;
        std::vector<layers::importer::ImportMessage> problems;  ///< of every row
        std::vector<layers::importer::ImportMessage> repairs;
        std::vector<layers::importer::ImportMessage> warnings;  ///< other than the encoding's and the CRS's
        std::vector<layers::importer::ImportMessage> notes;     ///< other than the encoding's and the CRS's
        /// How the text and the coordinates were read (their notes and
        /// warnings are not in notes/warnings: the wizard words them from these).
        layers::importer::EncodingDecision encoding;
        layers::importer::CrsResolution crs;
    };
    Check checkAll();

    /// Imports (throws what runImport throws: ImportCancelled when `cancel`
    /// was set, ImportProblems...; nothing is written then).
    layers::importer::ImportResult run(const layers::importer::ProgressCallback& progress,
                                       const std::atomic<bool>* cancel);
    /// The batch of the last import that can be undone, newest first.
    std::optional<layers::importer::ImportHistoryEntry> lastUndoable();
    layers::importer::UndoResult undo(std::int64_t batchId);

    /// Feature layers of the project (targets) and saved mappings.
    std::vector<std::pair<std::string, std::string>> featureLayers();  ///< name, title
    std::vector<layers::importer::SavedMapping> savedMappings();

    /// A name for a new layer from a file name: "Thôn bản.shp" → "thon_ban".
    static std::string layerNameFor(const std::filesystem::path& file);

private:
    void fillCrsChoices(const layers::importer::CrsResolution& crs, const layers::importer::CrsDetection* detection);

    layers::ProjectStore& store_;
    layers::importer::ImportRequest request_;
    std::optional<layers::importer::ImportPreview> preview_;
    QString error_;
    std::vector<CrsChoice> crsChoices_;
    int chosenCrs_ = -1;
    bool crsNeedsConfirmation_ = false;
    bool crsChosenByUser_ = false;
};

} // namespace planmap::gui
