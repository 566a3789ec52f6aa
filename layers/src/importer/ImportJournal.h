#pragma once
// The record of what an import wrote (private to planmap_layers): one row per
// feature inserted or updated (with the previous version of an updated one),
// and the batch's details (the layer it created, its encoding and CRS, when
// it was undone). Tables: import_batch_changes, import_batch_details
// (layers/sql/0004_import_engine.sql).

#include "planmap/layers/features/FeatureLayers.h"
#include "planmap/layers/store/Connection.h"
#include "planmap/layers/store/Dates.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace planmap::layers::importer::detail {

/// A feature without its id and geometry as JSON: common columns and typed
/// attributes (integers are kept exact).
std::string featureToJson(const Feature& f);
/// The inverse of featureToJson; `layer`, `id` and `geometry` are set by the caller.
Feature featureFromJson(const std::string& json);

struct JournalEntry {
    std::int64_t batchId = 0;
    std::string layer;
    std::int64_t featureId = 0;
    bool update = false;
    std::optional<Feature> previous;  ///< updates: the row before (with its geometry)
};

struct BatchDetails {
    std::int64_t batchId = 0;
    std::optional<std::string> createdLayer;
    std::optional<std::string> encoding;
    std::optional<std::string> crs;
    std::optional<Timestamp> undoneAt;
};

class ImportJournal {
public:
    explicit ImportJournal(Connection& connection) : connection_(connection) {}

    void recordInsert(std::int64_t batchId, const std::string& layer, std::int64_t featureId);
    void recordUpdate(std::int64_t batchId, const std::string& layer, const Feature& previous);
    /// Entries of a batch, in the order written.
    std::vector<JournalEntry> entries(std::int64_t batchId);
    std::int64_t entryCount(std::int64_t batchId);
    /// The newest batch after `batchId` that wrote the feature, if any.
    std::optional<std::int64_t> laterBatchOf(std::int64_t featureId, std::int64_t batchId);

    void saveDetails(const BatchDetails& details);
    std::optional<BatchDetails> details(std::int64_t batchId);
    void markUndone(std::int64_t batchId, Timestamp when);

private:
    Connection& connection_;
};

} // namespace planmap::layers::importer::detail
