#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace planmap::layers {

/// Bytes of a BLOB column, e.g. a geometry as WKB.
using Blob = std::vector<std::uint8_t>;

/// A geometry as OGC/ISO Well-Known Binary, longitude/latitude, SRID 4326
/// (the storage SRID). An empty Wkb means "no geometry" (NULL in the store).
using Wkb = Blob;

/// One SQL value: NULL (std::monostate), 64-bit integer, double, UTF-8 text or blob.
using Value = std::variant<std::monostate, std::int64_t, double, std::string, Blob>;

/// Storage class of a column value as reported by the backend.
enum class ValueType { Null, Integer, Real, Text, Blob };

inline bool isNull(const Value& v) { return std::holds_alternative<std::monostate>(v); }

/// The value for a message: NULL, 42, 1.5, 'text', <blob 21 bytes>.
std::string describe(const Value& value);

/// Type of a typed attribute column of a feature layer. Dates are ISO
/// 'YYYY-MM-DD' text, booleans 0/1 integers.
enum class FieldType { Integer, Real, Text, Date, Boolean };

/// "integer", "real", "text", "date", "boolean" (the codes stored in layer_fields).
std::string_view toString(FieldType type);
/// Parses the codes of toString(FieldType); std::nullopt when unknown.
std::optional<FieldType> parseFieldType(std::string_view code);

} // namespace planmap::layers
