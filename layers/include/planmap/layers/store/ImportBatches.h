#pragma once

#include "planmap/layers/store/Dates.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace planmap::layers {

class Connection;

enum class ImportStatus { Running, Completed, Failed };

/// One file brought into the project. Rows written by an import carry its id
/// (import_batch_id), and its sha256 lets a re-import of the same file be
/// detected.
struct ImportBatch {
    std::int64_t id = 0;
    std::string filePath;
    std::string sha256;                 ///< 64 lower-case hex digits
    std::string kind;                   ///< what was imported: "layer", "units", "crosswalk", "plan", "progress"...
    std::optional<std::string> target;  ///< e.g. the layer name
    Timestamp startedAt{};
    std::optional<Timestamp> finishedAt;
    std::optional<std::int64_t> rowCount;
    std::optional<std::string> userName;
    ImportStatus status = ImportStatus::Running;
    std::optional<std::string> note;
};

/// Repository of import batches. Typical use: begin() before reading the file
/// (outside the import's data transaction), write the rows with the batch id
/// in one transaction, then finish() with Completed or Failed.
class ImportBatches {
public:
    explicit ImportBatches(Connection& connection) : connection_(connection) {}

    /// Records the start of an import (status Running, startedAt now) and
    /// returns the batch id. `sha256` must be 64 hex digits (any case).
    std::int64_t begin(const std::filesystem::path& file, const std::string& sha256, const std::string& kind,
                       const std::optional<std::string>& target = std::nullopt,
                       const std::optional<std::string>& userName = std::nullopt);
    /// Records the end of an import.
    void finish(std::int64_t batchId, std::int64_t rowCount, ImportStatus status = ImportStatus::Completed,
                const std::optional<std::string>& note = std::nullopt);

    std::optional<ImportBatch> get(std::int64_t batchId);
    /// Earlier imports of the same content (newest first).
    std::vector<ImportBatch> findBySha256(const std::string& sha256);
    /// Every batch, newest first.
    std::vector<ImportBatch> list();

    /// SHA-256 of a file's bytes as 64 lower-case hex digits; throws
    /// StoreError naming the file when it cannot be read.
    static std::string sha256OfFile(const std::filesystem::path& file);

private:
    Connection& connection_;
};

} // namespace planmap::layers
