#pragma once
// Attribute values and field definitions of vector layers.

#include <compare>
#include <cstdint>
#include <string>
#include <variant>

namespace planmap::geo {

struct Date {
    int year = 0;
    int month = 0;  ///< 1..12
    int day = 0;    ///< 1..31
    friend auto operator<=>(const Date&, const Date&) = default;
};

struct DateTime {
    Date date;
    int hour = 0;
    int minute = 0;
    double second = 0.0;
    /// GDAL's time-zone flag: 0 unknown, 1 local time, 100 UTC, 100 + n for
    /// UTC + n * 15 minutes (n may be negative).
    int tzFlag = 0;
    friend bool operator==(const DateTime&, const DateTime&) = default;
};

/// One attribute value. Text is UTF-8 unless a reader was asked for raw bytes.
using FieldValue = std::variant<std::monostate, std::int64_t, double, std::string, Date, DateTime>;

enum class FieldType { Integer, Real, String, Date, DateTime };

struct FieldDefinition {
    std::string name;
    FieldType type = FieldType::String;
    int width = 0;      ///< 0 = format's default
    int precision = 0;  ///< decimals for Real; 0 = format's default
    friend bool operator==(const FieldDefinition&, const FieldDefinition&) = default;
};

const char* fieldTypeName(FieldType type);

inline bool isNull(const FieldValue& v) { return std::holds_alternative<std::monostate>(v); }

/// Plain text of a value: "" for null, integers as digits, reals with up to
/// 15 significant digits, dates as YYYY-MM-DD, date-times as YYYY-MM-DDTHH:MM:SS.
std::string toString(const FieldValue& v);

} // namespace planmap::geo
