#pragma once
// Loading a plan catalogue in the "planmap plan catalogue v1" template (see
// data/langson/plan/README.md): four tables, as CSV files or as sheets of one
// XLSX/ODS workbook (same columns):
//
//   catalogue       code, parent_code, level, ordinal, name, unit, year, target,
//                   target_numerator, target_denominator, aggregation, agency,
//                   plan_ref, note                                  (required)
//   allocations     indicator_code, unit_level, unit_code, unit_name, target, note
//   funding         code, parent_code, name, project_code, source, kind,
//                   amount_million_vnd, year, note
//   named_features  layer, key, name, indicator_code, commune_2023_code,
//                   commune_2023_name, district_code, status, note
//                   (optional: lon, lat for an exact point; kind)
//
// Everything is checked before anything is written (each problem names the
// file, row and column): codes unique and new to the project, parents that
// exist and sit at a higher level, indicator details only on indicators,
// aggregation codes, ratio targets that agree with their numerator and
// denominator, allocations to units that exist (name checked against the
// code) and that do not add up to more than the indicator's target (nor
// communes to more than their district), funding lines that add up.
// Then the whole plan is written in one transaction.
//
// Named features are placed where the plan puts them: in the 2025 commune
// that absorbed the named pre-2025 commune (its point on surface), else in
// the named district; the location is marked approximate
// (approximate_location = 1 where the layer has that field, and in `source`).

#include "planmap/layers/io/ImportError.h"

#include <filesystem>
#include <optional>
#include <string>

namespace planmap::layers {
class ProjectStore;
}

namespace planmap::layers::io {

/// One table of a plan: a file, and the sheet for workbooks.
struct PlanTableSource {
    std::filesystem::path file;
    std::optional<std::string> sheet;
};

struct PlanSources {
    PlanTableSource catalogue;
    std::optional<PlanTableSource> allocations;
    std::optional<PlanTableSource> funding;
    std::optional<PlanTableSource> namedFeatures;
};

/// Finds the tables of a plan given
///  - a directory holding one *catalogue.csv|xlsx|ods and its siblings with
///    the same prefix (*allocations.*, *funding.*, *named_features.*);
///  - a catalogue file (the siblings are looked for next to it);
///  - a workbook (.xlsx, .ods) whose sheets are named *catalogue,
///    *allocations, *funding, *named_features.
/// Throws ImportError when there is no catalogue (or more than one).
PlanSources findPlanSources(const std::filesystem::path& directoryOrFile);

struct PlanImportOptions {
    /// Mark allocations, funding lines and named features as illustrative.
    bool illustrative = false;
};

/// Loads the plan in one transaction; throws ImportProblems listing every bad
/// row (nothing written) or the error that stopped it.
ImportReport importPlan(ProjectStore& store, const PlanSources& sources, const PlanImportOptions& options = {});

} // namespace planmap::layers::io
