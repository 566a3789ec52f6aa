#pragma once

#include "planmap/layers/plan/ProgressLog.h"
#include "planmap/layers/store/Dates.h"

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

/// \file
/// Recording progress by hand (the record dialog, `planmap-cli progress add`):
/// checked entries, corrections, withdrawals, the history with names, and
/// undo/redo of what was done in a session.
///
/// Nothing is ever deleted from the progress log, so undo cannot erase: undoing
/// an entry made in the session appends a withdrawal of it; undoing a
/// correction appends an entry that restores the corrected values; undoing a
/// withdrawal appends an entry that restores the withdrawn values. Redo appends
/// again. Each of these new entries supersedes the one in force, so the log
/// shows exactly what happened and the current values are what the user sees.
/// Undo refuses (InvalidDataError) when someone else has since superseded the
/// entry (another window, an import).

namespace planmap::layers {
class ProjectStore;
}

namespace planmap::layers::progress {

/// What a user records.
struct RecordInput {
    std::int64_t indicatorId = 0;
    std::optional<std::int64_t> unitId;     ///< exactly one of unitId and featureId
    std::optional<std::int64_t> featureId;
    std::optional<double> value;            ///< all rules but ratio
    std::optional<double> numerator;        ///< ratio (required), percent (optional weights)
    std::optional<double> denominator;
    Date asOf{};
    std::optional<std::string> sourceDocument;
    std::optional<std::string> note;
    bool illustrative = false;
    /// Accept a unit that was not in force on asOf (e.g. a 2023 district
    /// after 1 July 2025): the user forced the generation.
    bool allowUnitOutOfForce = false;
};

enum class CheckKind {
    UnknownIndicator, UnknownUnit, UnknownFeature, UnitNotInForce, MissingValue, NotFinite, Negative,
    RatioNeedsFraction, NumeratorAboveDenominator, BadDenominator, AboveTarget, AbovePercent, BadDate, Other
};

/// A problem with an input. Errors prevent writing; warnings do not.
struct CheckIssue {
    bool error = true;
    CheckKind kind = CheckKind::Other;
    std::string message; ///< English; the UI may translate by kind
};

struct CheckResult {
    std::vector<CheckIssue> issues;
    bool ok() const;                    ///< no errors
    std::string errorText() const;      ///< the errors, "; "-separated
};

/// One row of the history, with names for display.
struct HistoryRow {
    ProgressEntry entry;
    std::string indicatorCode;
    std::optional<std::string> unitCode;
    std::optional<std::string> unitName;       ///< full name
    std::optional<std::string> unitGeneration; ///< "pre2025" / "2025"
    std::optional<std::string> featureLayer;
    std::optional<std::string> featureName;
    std::optional<std::int64_t> supersededBy;  ///< set when no longer in force
    std::optional<std::string> importFile;     ///< the file of its import batch
};

class ProgressRecorder {
public:
    /// `author` is written on every entry of the session.
    ProgressRecorder(ProjectStore& store, std::optional<std::string> author);

    /// Checks an input without writing (errors and warnings).
    CheckResult check(const RecordInput& input);
    /// Appends an entry; throws InvalidDataError listing the errors (nothing written).
    std::int64_t add(const RecordInput& input);
    /// Appends a correction of `entryId` (its indicator and unit or feature
    /// are kept; those of `input` are ignored). Throws InvalidDataError when
    /// the entry is not in force.
    std::int64_t correct(std::int64_t entryId, RecordInput input);
    /// Withdraws an entry in force (a retraction that supersedes it).
    std::int64_t withdraw(std::int64_t entryId, const std::optional<std::string>& note = std::nullopt);

    bool canUndo() const { return !undo_.empty(); }
    bool canRedo() const { return !redo_.empty(); }
    /// Vietnamese description of what undo/redo would do ("Hoàn tác: nhập DA02.CT01 …"); empty if nothing.
    std::string undoText() const;
    std::string redoText() const;
    /// Undoes the last action of the session; returns the id of the entry it appended.
    std::int64_t undo();
    std::int64_t redo();

    /// Every entry (superseded and withdrawn ones too), oldest first, with names.
    std::vector<HistoryRow> history(const ProgressFilter& filter = {});

private:
    struct Values {
        std::optional<double> value, numerator, denominator;
        Date asOf{};
        std::optional<std::string> sourceDocument, note;
        bool illustrative = false;
    };
    struct Action {
        std::string description;        ///< Vietnamese
        std::optional<Values> before;   ///< none: nothing was in force (an add)
        std::optional<Values> after;    ///< none: withdrawn
        std::int64_t head = 0;          ///< the entry in force (or the retraction) after the action
    };
    static Values valuesOf(const ProgressEntry& entry);
    std::int64_t write(std::int64_t head, const std::optional<Values>& values, const std::string& why);
    std::string describe(const ProgressEntry& entry);

    ProjectStore& store_;
    std::optional<std::string> author_;
    std::vector<Action> undo_;
    std::vector<Action> redo_;
    /// Every entry this recorder appended: undo/redo follow corrections made
    /// by the session from an action's head to the entry now in force.
    std::unordered_set<std::int64_t> written_;
};

} // namespace planmap::layers::progress
