#pragma once

#include "planmap/layers/store/Dates.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

/// \file
/// The progress log: an append-only record of where each indicator stands,
/// per administrative unit or per feature. Each entry is the cumulative state
/// as of a date (not an increment). Nothing is ever changed or deleted (the
/// database refuses it): a correction is a new entry that supersedes the one
/// it corrects; a retraction supersedes one without giving a value.

namespace planmap::layers {

class Connection;

struct ProgressEntry {
    std::int64_t id = 0;                      ///< set by the store
    std::int64_t indicatorId = 0;
    std::optional<std::int64_t> unitId;       ///< exactly one of unitId and featureId
    std::optional<std::int64_t> featureId;
    std::optional<double> value;              ///< required unless the indicator aggregates as a ratio
    std::optional<double> numerator;          ///< required (with denominator > 0) for ratio indicators
    std::optional<double> denominator;
    Date asOf{};
    std::optional<std::string> sourceDocument;
    std::optional<std::string> author;
    std::optional<Timestamp> enteredAt;       ///< set to now by the store when unset
    std::optional<std::string> note;
    std::optional<std::int64_t> supersedesId; ///< the entry this one corrects
    bool retraction = false;                  ///< withdraws supersedesId without a new value
    std::optional<std::int64_t> importBatchId;
    bool illustrative = false;
};

/// Selects entries. Unset members do not filter.
struct ProgressFilter {
    std::optional<std::int64_t> indicatorId;
    std::optional<std::int64_t> unitId;
    std::optional<std::int64_t> featureId;
    std::optional<Date> asOf;                 ///< only entries as of this date or earlier
    std::optional<bool> illustrative;
};

class ProgressLog {
public:
    explicit ProgressLog(Connection& connection) : connection_(connection) {}

    /// Appends an entry and returns its id. Validates it against the
    /// indicator (InvalidDataError) before writing.
    std::int64_t append(const ProgressEntry& entry);
    /// Appends entries in one transaction with the statement reused; a bad
    /// row (named by its 1-based index) leaves nothing written.
    std::vector<std::int64_t> appendMany(std::span<const ProgressEntry> entries);
    /// Appends `correction` as superseding `entryId` (its indicator, unit and
    /// feature are taken from the corrected entry when unset). Throws
    /// InvalidDataError when entryId is already superseded.
    std::int64_t supersede(std::int64_t entryId, ProgressEntry correction);
    /// Withdraws an entry (appends a retraction that supersedes it).
    std::int64_t retract(std::int64_t entryId, const std::optional<std::string>& author,
                         const std::optional<std::string>& note, const std::optional<Date>& asOf = std::nullopt);

    std::optional<ProgressEntry> get(std::int64_t entryId);
    /// Every entry, superseded ones and retractions included, oldest first
    /// (by as-of date, entry time, id).
    std::vector<ProgressEntry> history(const ProgressFilter& filter);
    /// Entries in force: neither superseded nor retractions (view progress_current).
    std::vector<ProgressEntry> current(const ProgressFilter& filter);
    /// For each indicator and unit or feature, the newest entry in force
    /// (as of filter.asOf when set): the current values.
    std::vector<ProgressEntry> latest(const ProgressFilter& filter);
    /// The entry that supersedes entryId, if any.
    std::optional<std::int64_t> supersededBy(std::int64_t entryId);
    std::int64_t count();

private:
    std::vector<ProgressEntry> select(const char* source, const ProgressFilter& filter, bool windowed);
    Connection& connection_;
};

} // namespace planmap::layers
