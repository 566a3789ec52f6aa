#pragma once

#include "planmap/layers/store/Dates.h"
#include "planmap/layers/store/Errors.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

/// \file
/// Importing progress from a spreadsheet (XLSX, ODS, CSV) such as a
/// district's report: "STT | Chỉ tiêu | Đơn vị tính | Kế hoạch năm 2023 |
/// Kết quả thực hiện (Thực hiện | Tỷ lệ %) | Ghi chú", with a title above,
/// header cells merged over two rows, a column-number row "(1) (2) …",
/// section headings and a totals row.
///
/// * The header is found, not assumed: the first rows are searched for the
///   mapped header texts (accent- and case-insensitive, in any of up to two
///   header rows, so "Thực hiện" under a merged "Kết quả thực hiện" is found;
///   GDAL gives a merged cell's text to its top-left cell) or column letters
///   ("E"). Unmapped fields fall back to the usual Vietnamese headers (see
///   defaultHeaders()). Data starts under the last header row.
/// * Rows skipped, each listed as Info in the preview: empty rows, the
///   column-number row, section headings and rows without a value
///   ("nothing reported"), totals rows ("Tổng cộng", "Tổng số", "Cộng",
///   "Toàn huyện"… — a total is recomputed from its parts by the roll-up,
///   importing it would hide them), rows naming a plan node that is not an
///   indicator.
/// * Indicators by code or by name (accent-insensitive; a unique partial
///   match is accepted with a warning). Units by code (resolved by the row's
///   date, or the mapping's generation) or by name within the mapping's
///   district (UnitLookup).
/// * Errors (nothing is written if there is any): unknown or ambiguous
///   indicator or unit, unit not in force on the date, non-numeric or negative
///   value, a ratio without "a/b", malformed or missing date, two rows for
///   the same indicator, unit and date with different values. Warnings: above
///   target, above 100 %, a value that looks like a fraction for a rate,
///   "1.500" read as 1500, identical duplicate rows (the repeat is ignored).
///   Every issue names the sheet, the row (as the spreadsheet numbers it) and
///   the column (letter and header).
/// * Atomic: everything is written in one transaction (the import batch
///   record included); any failure, or the process being killed, leaves
///   nothing behind.
/// * Idempotent by natural key: a row is (indicator, unit, as-of date). If an
///   entry in force already has that key and the same value, the row is
///   "unchanged" and not written; with a different value the row is written
///   as a correction superseding it; otherwise it is appended. So importing
///   the same file twice writes nothing the second time, and a district's
///   corrected report replaces its earlier figures without double counting.
///   Each import that writes records an import batch (file, sha256, mapping).

namespace planmap::layers {
class Connection;
class ProjectStore;
}

namespace planmap::layers::progress {

/// Which columns hold what, and constants for what the sheet does not say.
/// Column texts are header texts as in the sheet (matched accent-insensitively)
/// or column letters ("B").
struct ImportMapping {
    std::string name;                           ///< the name it is saved under; empty for a one-off mapping
    std::optional<std::string> sheet;           ///< sheet (layer) name; unset: the first sheet
    std::optional<std::string> indicatorColumn; ///< indicator code or name
    std::optional<std::string> unitColumn;      ///< unit code or name
    std::optional<std::string> valueColumn;     ///< value, or "a/b" for a ratio
    std::optional<std::string> numeratorColumn;
    std::optional<std::string> denominatorColumn;
    std::optional<std::string> dateColumn;
    std::optional<std::string> sourceColumn;
    std::optional<std::string> noteColumn;
    std::optional<std::string> indicator;       ///< constant: indicator code for every row
    std::optional<std::string> unit;            ///< constant: unit code or name for every row
    std::optional<Date> asOf;                   ///< constant: the report's "as of" date
    std::optional<std::string> source;          ///< constant: source document, e.g. "Báo cáo 123/BC-UBND"
    std::optional<std::string> district;        ///< code or name: unit names are looked up in it
    std::optional<std::string> generation;      ///< "2023" or "2025": unit codes of that generation
    bool illustrative = false;                  ///< the figures are invented (demonstration)

    /// Reads "field=value,field=value" (fields: indicator, unit, value,
    /// numerator, denominator, date, source, note for columns; sheet;
    /// and const-indicator, const-unit, as-of, const-source, district,
    /// generation for constants). A value may be quoted ("…") to hold commas.
    /// Throws InvalidDataError naming the bad part.
    void applyAssignments(std::string_view text);
    /// Same content as canonical text ("indicator=Chỉ tiêu,value=Thực hiện,…").
    std::string signature() const;
    std::string toJson() const;
    /// Throws InvalidDataError for malformed JSON.
    static ImportMapping fromJson(std::string_view json);
};

/// Header texts tried for fields a mapping leaves unset, best first.
const std::vector<std::string>& defaultHeaders(std::string_view field);

/// Saved mappings (table progress_import_mappings), reused from one report to the next.
/// The sheets of a spreadsheet (one "sheet" for a CSV file). Throws what
/// geo::VectorReader throws for a file it cannot open.
std::vector<std::string> sheetNames(const std::filesystem::path& file);

class ImportMappings {
public:
    explicit ImportMappings(Connection& connection) : connection_(connection) {}
    /// Inserts or replaces the mapping of mapping.name (required).
    void save(const ImportMapping& mapping);
    std::optional<ImportMapping> get(std::string_view name);
    std::vector<ImportMapping> list();
    /// True when there was one.
    bool remove(std::string_view name);
    /// The saved mapping that fits a file best: its sheet (when it names
    /// one) exists, and every column it names by header text is found in the
    /// sheet's first rows (as preview() finds headers). Among those, the one
    /// naming the most headers. Reads only the first rows of the file.
    /// nullopt when none fits or the file cannot be read.
    std::optional<ImportMapping> proposeFor(const std::filesystem::path& file,
                                            const std::optional<std::string>& sheet = std::nullopt);

private:
    Connection& connection_;
};

enum class IssueSeverity { Error, Warning, Info };

enum class IssueKind {
    CannotRead, MissingColumn, UnknownIndicator, AmbiguousIndicator, PartialMatch, UnknownUnit, UnitNotInForce,
    NotANumber, Negative, RatioFormat, AboveTarget, AbovePercent, LooksLikeFraction, ThousandsGuess, BadDate,
    MissingDate, MissingValue, DuplicateRow, ConflictingRow, SkippedRow, NoRows, Other
};

/// Why a row was skipped (IssueKind::SkippedRow).
enum class SkipReason { None, ColumnNumbers, Totals, NoValue, NotAnIndicator };

struct ImportIssue {
    IssueSeverity severity = IssueSeverity::Error;
    IssueKind kind = IssueKind::Other;
    std::string sheet;
    std::int64_t row = 0;     ///< as the spreadsheet numbers it; 0: the whole sheet
    std::string column;       ///< "E (Thực hiện)"; empty: the whole row
    std::string message;      ///< English

    // What the issue is about, for a UI that words it itself (in Vietnamese):
    // every field that applies to the kind is set.
    std::string field;        ///< mapping field: "indicator", "unit", "value", "numerator", "denominator", "date", "district"
    std::string cellText;     ///< the text at fault (cell, mapping value or header)
    std::string indicatorCode;///< the row's indicator when known
    std::string unitName;     ///< the row's unit when known
    std::optional<double> number; ///< the value read (AboveTarget, Negative, AbovePercent, LooksLikeFraction, ThousandsGuess)
    std::optional<double> limit;  ///< AboveTarget: the target; ThousandsGuess: the other reading
    std::int64_t otherRow = 0;    ///< DuplicateRow, ConflictingRow: the earlier row
    std::optional<Date> date;     ///< UnitNotInForce, ConflictingRow: the row's date
    std::vector<std::string> candidates; ///< AmbiguousIndicator, MissingColumn (several columns): the choices
    SkipReason skip = SkipReason::None;

    /// "sheet 'Huyện Tràng Định', row 9, column E (Thực hiện): 'abc' is not a number"
    std::string text() const;
};

enum class PlannedAction {
    Append,    ///< a new entry
    Correct,   ///< supersedes the entry in force with the same indicator, unit and date
    Unchanged, ///< the same value is already in force: not written
};

struct PlannedRow {
    std::int64_t row = 0;
    std::int64_t indicatorId = 0;
    std::string indicatorCode;
    std::int64_t unitId = 0;
    std::string unitLabel;    ///< "Huyện Tràng Định (180, trước 2025)"
    std::optional<double> value, numerator, denominator;
    Date asOf{};
    std::optional<std::string> source, note;
    PlannedAction action = PlannedAction::Append;
    std::optional<std::int64_t> existingEntryId;
    std::optional<double> existingValue;
};

/// What an import would write, and what is wrong with the file.
struct ImportPreview {
    std::filesystem::path file;
    std::string sha256;
    std::string sheet;
    ImportMapping mapping;                     ///< with the columns actually used
    std::vector<std::pair<std::string, std::string>> columns; ///< field → "E (Thực hiện)"
    std::int64_t firstDataRow = 0;
    std::vector<PlannedRow> rows;
    std::vector<ImportIssue> issues;
    std::vector<std::int64_t> earlierBatches;  ///< completed imports of the same file (same sha256)
    /// Every column of the sheet: "E (Kết quả thực hiện / Thực hiện)", or the
    /// letter alone without header text (to offer in a column mapping).
    std::vector<std::string> headers;

    bool hasErrors() const;
    std::size_t count(PlannedAction action) const;
    std::size_t count(IssueSeverity severity) const;
};

/// Thrown by apply() for a preview with errors: nothing was written.
class ImportRejected : public InvalidDataError {
public:
    ImportRejected(const std::string& message, std::vector<ImportIssue> issues)
        : InvalidDataError(message), issues_(std::move(issues)) {}
    const std::vector<ImportIssue>& issues() const { return issues_; }

private:
    std::vector<ImportIssue> issues_;
};

/// Thrown by apply() when ImportOptions::isCancelled said so: nothing was written.
class ImportCancelled : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct ImportOptions {
    std::optional<std::string> author;
    /// Called after every chunk of rows written, with the count so far (inside the transaction).
    std::function<void(std::size_t written)> onProgress;
    /// Asked after every chunk (after onProgress): true rolls the import
    /// back and apply() throws ImportCancelled.
    std::function<bool()> isCancelled;
    std::size_t chunkSize = 2000;
};

struct ImportResult {
    std::optional<std::int64_t> batchId; ///< none when nothing was written
    std::size_t appended = 0;
    std::size_t corrected = 0;
    std::size_t unchanged = 0;
};

class ProgressImporter {
public:
    explicit ProgressImporter(ProjectStore& store) : store_(store) {}

    /// Reads and checks a file; writes nothing. Problems are in
    /// ImportPreview::issues (a file that cannot be read at all gives one
    /// CannotRead error).
    ImportPreview preview(const std::filesystem::path& file, const ImportMapping& mapping);
    /// Writes a preview in one transaction (re-checking, inside it, what is
    /// already in force). Throws ImportRejected when the preview has errors.
    ImportResult apply(const ImportPreview& preview, const ImportOptions& options = {});
    /// preview() then apply().
    ImportResult run(const std::filesystem::path& file, const ImportMapping& mapping, const ImportOptions& options = {});

private:
    ProjectStore& store_;
};

} // namespace planmap::layers::progress
