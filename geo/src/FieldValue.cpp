#include "planmap/geo/FieldValue.h"

#include <cmath>
#include <cstdio>

namespace planmap::geo {

const char* fieldTypeName(FieldType type) {
    switch (type) {
    case FieldType::Integer: return "Integer";
    case FieldType::Real: return "Real";
    case FieldType::String: return "String";
    case FieldType::Date: return "Date";
    case FieldType::DateTime: return "DateTime";
    }
    return "Unknown";
}

namespace {
struct ToText {
    std::string operator()(std::monostate) const { return {}; }
    std::string operator()(std::int64_t v) const { return std::to_string(v); }
    std::string operator()(double v) const {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.15g", v);
        return buf;
    }
    std::string operator()(const std::string& v) const { return v; }
    std::string operator()(const Date& d) const {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
        return buf;
    }
    std::string operator()(const DateTime& t) const {
        char buf[64];
        const int whole = static_cast<int>(std::floor(t.second));
        const int millis = static_cast<int>(std::lround((t.second - whole) * 1000.0));
        if (millis > 0 && millis < 1000) {
            std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03d", t.date.year, t.date.month,
                          t.date.day, t.hour, t.minute, whole, millis);
        } else {
            std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", t.date.year, t.date.month, t.date.day,
                          t.hour, t.minute, static_cast<int>(std::lround(t.second)));
        }
        std::string s = buf;
        if (t.tzFlag == 100) {
            s += 'Z';
        } else if (t.tzFlag > 1) {
            const int offset = (t.tzFlag - 100) * 15;
            const int a = std::abs(offset);
            std::snprintf(buf, sizeof buf, "%c%02d:%02d", offset < 0 ? '-' : '+', a / 60, a % 60);
            s += buf;
        }
        return s;
    }
};
} // namespace

std::string toString(const FieldValue& v) { return std::visit(ToText{}, v); }

} // namespace planmap::geo
