#pragma once
// Output helpers shared by the commands: RFC 4180 CSV, JSON strings, plain
// and Vietnamese number formats, and aligned text tables.

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planmap::cli {

/// One CSV record (RFC 4180: fields with a comma, quote or line break are
/// quoted, quotes doubled), terminated by "\n".
std::string csvRecord(const std::vector<std::string>& fields);

/// A JSON string literal (quotes included), UTF-8 passed through.
std::string jsonString(std::string_view text);
/// A JSON number, or null for nullopt / non-finite values.
std::string jsonNumber(const std::optional<double>& value);

/// A plain number for files: '.' decimal point, no thousands separator,
/// shortest text that reads back the same value (1238075, 96.1, 0.25).
std::string plainNumber(double value);
/// Plain number or "" for nullopt.
std::string plainNumber(const std::optional<double>& value);

/// A number for people reading Vietnamese: '.' groups thousands, ',' is the
/// decimal sign, at most `decimals` decimals, trailing zeros dropped
/// (1.238.075; 96,1).
std::string vietnameseNumber(double value, int decimals = 2);

/// Width on a terminal of UTF-8 text (code points, combining marks excluded).
std::size_t displayWidth(std::string_view utf8);

/// A text table with a header row; columns are padded to their widest cell.
class TextTable {
public:
    explicit TextTable(std::vector<std::string> header) : header_(std::move(header)) {}
    /// Right-align column `index` (numbers).
    void alignRight(std::size_t index);
    void addRow(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
    std::size_t rowCount() const { return rows_.size(); }
    void print(std::ostream& out) const;

private:
    std::vector<std::string> header_;
    std::vector<std::vector<std::string>> rows_;
    std::vector<bool> right_;
};

} // namespace planmap::cli
