#pragma once
// A source file's layer read into memory with its text in Unicode (NFC).
//
// Formats that carry bytes rather than characters (Shapefile DBF, CSV) are
// read raw and decoded here: with the encoding asked for, else the one the
// shapefile's .cpg names, else the one geo::detectEncoding finds over the
// layer's text (its reasons are kept for the user). Formats that are Unicode
// by definition (GeoPackage, GeoJSON, KML, XLSX, ODS) are only normalised.

#include "planmap/geo/Crs.h"
#include "planmap/geo/TextEncoding.h"
#include "planmap/geo/VectorReader.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planmap::layers::importer {

enum class EncodingBasis {
    UnicodeFormat,  ///< the format stores Unicode (GeoPackage, GeoJSON, KML, XLSX...)
    Given,          ///< asked for (--encoding)
    Cpg,            ///< the shapefile's .cpg file names it
    Detected,       ///< detected from the text
};

/// How the file's text was decoded, and why.
struct EncodingDecision {
    geo::TextEncoding encoding = geo::TextEncoding::Utf8;
    EncodingBasis basis = EncodingBasis::UnicodeFormat;
    /// Detection's candidates, best first (also filled for a .cpg or a given
    /// encoding, to check them against the text).
    std::vector<geo::EncodingCandidate> candidates;
    bool confident = true;
    std::size_t evidenceWords = 0;
    std::string cpg;                   ///< content of the .cpg, if any
    std::size_t replacedBytes = 0;     ///< bytes that did not decode (became U+FFFD)
    /// One line each: what was decided and the evidence, for the user.
    std::vector<std::string> reasons;
    /// Doubts worth a warning (e.g. the .cpg disagrees with the text).
    std::vector<std::string> warnings;

    /// "TCVN3 (ABC), detected" / "UTF-8, from the .cpg file".
    std::string summary() const;
};

struct SourceOptions {
    std::optional<std::string> layerName;
    /// nullopt or "auto": .cpg, else detection; else an encoding name.
    std::optional<std::string> encoding;
    std::optional<std::string> xColumn;
    std::optional<std::string> yColumn;
    /// CSV: read every column as text (codes keep their leading zeros; the
    /// import converts each value to its target field's type).
    bool csvAsText = true;
    /// Called with (rows read, total rows or 0) while reading; may throw to stop.
    std::function<void(std::int64_t, std::int64_t)> onRow;
};

class SourceData {
public:
    /// Reads the layer; throws io::ImportError (geo::IoError for file
    /// problems) naming the file.
    static SourceData read(const std::filesystem::path& file, const SourceOptions& options = {});

    const std::filesystem::path& file() const { return file_; }
    /// GDAL's driver name: "ESRI Shapefile", "GPKG", "CSV", "XLSX"...
    const std::string& driver() const { return driver_; }
    const std::string& layerName() const { return layerName_; }
    /// CSV, XLSX, ODS: rows are numbered like a spreadsheet (header = row 1).
    bool isTable() const { return table_; }
    /// The columns, names decoded.
    const std::vector<geo::FieldDefinition>& fields() const { return fields_; }
    /// Every row, text decoded to UTF-8 NFC (surrounding spaces kept).
    const std::vector<geo::Feature>& rows() const { return rows_; }
    /// The CRS the file declares (.prj, GeoPackage, GeoJSON...), if any.
    const std::optional<geo::Crs>& declaredCrs() const { return crs_; }
    /// The geometry type the layer declares, if a single one.
    const std::optional<geo::GeometryType>& declaredGeometryType() const { return geometryType_; }
    /// Where points came from: the X and Y columns, if any.
    const std::optional<std::pair<std::string, std::string>>& coordinateColumns() const { return xy_; }
    const EncodingDecision& encoding() const { return encoding_; }
    bool hasGeometry() const;

    /// "row 5" (tables; the header is row 1) or "feature 4".
    std::string rowLabel(std::int64_t featureRow) const;
    /// "<file>, row 5" / "<file>, row 5, column \"Mã PX\"".
    std::string where(std::int64_t featureRow, std::string_view column = {}) const;
    /// Index of a column: exact name, then ignoring case and surrounding
    /// spaces, then accent-free ("Ma PX" finds "Mã PX"); -1 if none.
    int column(std::string_view name) const;
    /// The columns, quoted and comma-separated (for messages).
    std::string columnList() const;

private:
    std::filesystem::path file_;
    std::string driver_;
    std::string layerName_;
    bool table_ = false;
    std::vector<geo::FieldDefinition> fields_;
    std::vector<geo::Feature> rows_;
    std::optional<geo::Crs> crs_;
    std::optional<geo::GeometryType> geometryType_;
    std::optional<std::pair<std::string, std::string>> xy_;
    EncodingDecision encoding_;
};

/// Index of `name` among `names` by the rules of SourceData::column().
int findColumn(const std::vector<std::string>& names, std::string_view name);

} // namespace planmap::layers::importer
