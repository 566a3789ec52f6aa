#pragma once
// Reading a source file for the loaders (private to planmap_layers): one
// layer of any vector format GDAL reads, with row labels a user recognises
// and column lookup that tolerates case, spaces and missing diacritics.

#include "planmap/geo/TextEncoding.h"
#include "planmap/geo/VectorReader.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planmap::layers::io::detail {

/// Text in Unicode NFC, trimmed of surrounding white space.
std::string cleanText(std::string_view text);
/// A field value as text: "" for null, cleanText for strings, plain numbers
/// (integral doubles without ".0"), ISO dates.
std::string valueText(const geo::FieldValue& value);

class SourceTable {
public:
    /// Opens `file`. `layerName` picks a layer of a multi-layer file (else the
    /// only layer; several layers without a name is an error listing them).
    /// With `allText`, every column is read as text (CSV, XLSX, ODS), so
    /// codes keep their leading zeros and numbers their notation.
    /// With `encoding`, text is read as raw bytes and decoded from it (to NFC).
    SourceTable(const std::filesystem::path& file, const std::optional<std::string>& layerName, bool allText,
                std::optional<geo::TextEncoding> encoding = std::nullopt);

    const std::filesystem::path& file() const { return file_; }
    const std::string& driver() const { return driver_; }
    /// CSV, XLSX or ODS: rows are numbered like a spreadsheet (header = row 1).
    bool isTable() const { return table_; }
    geo::VectorLayer& layer() { return *layer_; }

    /// "row 5" (tables: data row 4) or "feature 4".
    std::string rowLabel(std::int64_t featureRow) const;
    /// "<file>, row 5" / "<file>, row 5, column \"Mã PX\"".
    std::string where(std::int64_t featureRow, std::string_view column = {}) const;

    /// Index of a column: exact name, then ignoring case and surrounding
    /// spaces, then by accent-free search key ("Ma PX" finds "Mã PX"); -1 if none.
    int column(std::string_view name) const;
    /// The columns, quoted and comma-separated (for messages).
    std::string columnList() const;
    const std::vector<geo::FieldDefinition>& fields() const { return layer_->fields(); }

    std::vector<geo::Feature> readAll();

private:
    std::filesystem::path file_;
    std::string driver_;
    bool table_ = false;
    std::optional<geo::TextEncoding> encoding_;
    std::optional<geo::VectorReader> reader_;
    std::optional<geo::VectorLayer> layer_;
};

} // namespace planmap::layers::io::detail
