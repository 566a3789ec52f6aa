#pragma once
// Mapping a source row (CSV, XLSX, DBF... values) to the fields of a target
// layer: which column fills which field, and the conversion of each value to
// the field's type, with an error per row and field when it does not convert.
//
// Numbers may be written plainly (1238075.5), with a decimal comma (96,1) or
// the Vietnamese way (1.238.075 / 1.238,5); "1.238" is 1238 in an integer
// field and 1.238 in a real one; dates as YYYY-MM-DD or dd/mm/yyyy;
// yes/no as 1/0, true/false, có/không; coded fields take a code or its label
// (compared without diacritics). Text is trimmed and in Unicode NFC.

#include "planmap/geo/FieldValue.h"
#include "planmap/layers/features/FeatureLayers.h"
#include "planmap/layers/io/FieldMapping.h"

#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace planmap::layers::importer {

/// A field rows can be imported into.
struct TargetField {
    FieldInfo info;        ///< name, type, coded values, titles
    bool common = false;   ///< a column every feature has (name, user_key, ...), not a layer field
};

/// The common targets of feature layers: name, user_key, commune_code
/// (2025 code), commune_old_code (pre-2025 code), source (text), and
/// illustrative (boolean: a row marked 1 stays marked as invented data).
std::vector<TargetField> commonTargets();
/// commonTargets() and then the layer's own fields.
std::vector<TargetField> targetsOf(const LayerInfo& layer);

class RowMapper {
public:
    /// Resolves each target to a source column: the pairs of `mapping` first
    /// (an unknown target or column throws io::ImportError listing what
    /// exists), then a column named like the target (ignoring case, spaces
    /// and diacritics; camelCase matches snake_case; a common target's name
    /// longer than 10 characters also matches its first 10, as a shapefile
    /// keeps it).
    RowMapper(std::vector<std::string> columns, std::vector<TargetField> targets, const io::FieldMapping& mapping);

    const std::vector<TargetField>& targets() const { return targets_; }
    const std::vector<std::string>& columns() const { return columns_; }
    /// Index of a target by name, -1 if none.
    int targetIndex(std::string_view name) const;
    /// The source column index feeding target `i`, -1 if none.
    int columnOf(std::size_t target) const { return binding_[target]; }
    int columnOf(std::string_view targetName) const;
    bool has(std::string_view targetName) const { return columnOf(targetName) >= 0; }
    /// Leaves target `targetName` without a column (its column becomes unused).
    void unbind(std::string_view targetName);
    /// The column's name for target `i` ("" if none).
    std::string columnName(std::size_t target) const;
    /// Columns no target reads.
    std::vector<std::string> unusedColumns() const;
    /// Every binding as target=column (to show or to save).
    io::FieldMapping effectiveMapping() const;

    struct Error {
        std::size_t target = 0;
        std::string message;   ///< e.g. "\"abc\" is not a number"
        std::string value;     ///< the value as text ("abc"); the target's type says what it should be
    };
    struct Result {
        /// Per target: the converted value (std::monostate = empty cell);
        /// nullopt when no column feeds it or the value did not convert.
        std::vector<std::optional<Value>> values;
        std::vector<Error> errors;
    };
    /// Converts one row (values in the order of columns()).
    Result map(std::span<const geo::FieldValue> row) const;

private:
    std::vector<std::string> columns_;
    std::vector<TargetField> targets_;
    std::vector<int> binding_;
};

/// Converts one value to a field's type (see the file comment); nullopt and
/// `error` set when it does not convert. Empty text and null give NULL.
std::optional<Value> convertValue(const geo::FieldValue& value, const FieldInfo& field, std::string& error);

/// A field name for a new layer from a column name: accent-free, lower case,
/// [a-z0-9_], starting with a letter, at most 63 characters, not a column
/// every layer has (id, name, user_key, ...) and not in `taken` (a suffix
/// _2, _3... is added). "Mã PX" → "ma_px", "Diện tích (ha)" → "dien_tich_ha".
std::string fieldNameFor(std::string_view column, const std::set<std::string>& taken);

/// The type of a new layer's field from the source column's type and, for
/// text columns (CSV), from its values: all whole numbers → Integer (written
/// plainly or grouped the Vietnamese way, "1.050"; not when a value has a
/// leading zero, like the code "05977"), all numbers → Real, all
/// dates → Date, else Text.
FieldType inferFieldType(geo::FieldType sourceType, std::span<const geo::FieldValue* const> values);

} // namespace planmap::layers::importer
