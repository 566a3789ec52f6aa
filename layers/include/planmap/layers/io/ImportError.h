#pragma once
// Errors and reports of the loaders (files → project store).
//
// Every loader writes in one transaction: on any error nothing is written,
// and the exception's message names the file and, where it applies, the row
// and the field. Rows are counted as a user sees them: in a CSV, XLSX or ODS
// table the header is row 1 and the first data row is row 2 (the spreadsheet
// row number); in other formats "feature N" is the N-th feature (1-based).

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace planmap::layers::io {

/// A file could not be loaded. Nothing was written to the project.
class ImportError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Several rows of a file are bad; what() lists them all (one per line,
/// at most 50), problems() has every one.
class ImportProblems : public ImportError {
public:
    ImportProblems(const std::string& summary, std::vector<std::string> problems);
    const std::vector<std::string>& problems() const { return problems_; }

private:
    std::vector<std::string> problems_;
};

/// Collects problems while a file is checked, then throws them all at once.
class ProblemList {
public:
    void add(std::string problem) { problems_.push_back(std::move(problem)); }
    bool empty() const { return problems_.empty(); }
    std::size_t size() const { return problems_.size(); }
    /// Throws ImportProblems("<file>: N problem(s) ...") when there are any.
    void throwIfAny(const std::filesystem::path& file, std::string_view what) const;

private:
    std::vector<std::string> problems_;
};

/// What a load did.
struct ImportReport {
    std::filesystem::path file;
    std::string target;                 ///< layer name, "crosswalk_2025", "plan"
    std::int64_t rowsRead = 0;
    std::int64_t inserted = 0;
    std::int64_t updated = 0;
    std::int64_t importBatchId = 0;
    std::vector<std::string> repairs;   ///< one line per geometry repaired with MakeValid
    std::vector<std::string> warnings;
    std::vector<std::string> notes;     ///< e.g. the CRS transformation applied
};

} // namespace planmap::layers::io
