#pragma once

#include "planmap/layers/progress/Rollup.h"
#include "planmap/layers/progress/Status.h"
#include "planmap/layers/store/Dates.h"

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

/// \file
/// The progress report: for the province and each district (of 2023), every
/// indicator with its target, achieved value, percent of target and status
/// on a date. Written as CSV (plain numbers, for scripts), Markdown and XLSX
/// (Vietnamese headers and number format, for people). Figures that rest on
/// illustrative (invented) entries are flagged in every format.

namespace planmap::layers {
class ProjectStore;
}

namespace planmap::layers::progress {

struct ReportRow {
    std::string indicatorCode;
    std::string indicatorName;
    std::optional<std::string> unitOfMeasure;
    Aggregation aggregation = Aggregation::Sum;
    std::optional<double> target;
    std::optional<double> achieved;       ///< ratio: the rate in %
    std::optional<double> numerator;      ///< ratio
    std::optional<double> denominator;
    std::optional<double> percent;        ///< of target
    Status status = Status::NoTarget;
    std::optional<double> expected;       ///< due by the report date
    std::optional<Date> asOf;             ///< newest entry behind the figure
    bool illustrative = false;
    std::string notesVi;                  ///< the roll-up's notes, "; "-separated
    std::string notesEn;
};

struct ReportSection {
    std::int64_t unitId = 0;
    std::string unitCode;
    std::string unitName;                 ///< "Tỉnh Lạng Sơn", "Huyện Tràng Định"
    std::vector<ReportRow> rows;          ///< plan-tree order
};

struct ReportOptions {
    Date date{};                          ///< status date (and entries up to it); unset: today
    std::optional<std::string> district;  ///< code or name: only that district
    bool includeProvince = true;          ///< ignored when a district is asked for
    RollupOptions rollup;                 ///< rollup.asOf defaults to `date`
    StatusOptions status;
};

struct ProgressReport {
    Date date{};
    std::string title;                    ///< Vietnamese
    std::vector<ReportSection> sections;
    bool illustrative = false;            ///< some figure rests on illustrative entries
};

/// Builds the report. Throws InvalidDataError for an unknown district.
ProgressReport buildReport(ProjectStore& store, const ReportOptions& options = {});

enum class ReportFormat { Csv, Markdown, Xlsx };
/// From "csv", "md"/"markdown", "xlsx"; nullopt otherwise.
std::optional<ReportFormat> parseReportFormat(std::string_view text);

/// CSV header: section,unit_code,unit_name,indicator_code,indicator_name,
/// unit_of_measure,target,achieved,numerator,denominator,percent,status,
/// expected,as_of,illustrative,note — plain numbers, ISO dates, status codes.
void writeReportCsv(const ProgressReport& report, std::ostream& out);
/// Vietnamese Markdown: a table per section.
void writeReportMarkdown(const ProgressReport& report, std::ostream& out);
/// Writes a file in a format; atomically (a temporary file renamed into
/// place). XLSX goes through GDAL's XLSX driver, one sheet per section.
/// Throws std::runtime_error naming the file on failure.
void writeReport(const ProgressReport& report, ReportFormat format, const std::filesystem::path& file);

} // namespace planmap::layers::progress
