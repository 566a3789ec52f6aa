#include "planmap/layers/store/Spatial.h"
#include "planmap/layers/store/Value.h"

#include <array>
#include <cctype>
#include <cstdio>
#include <utility>

namespace planmap::layers {

std::string describe(const Value& value)
{
    struct Visitor {
        std::string operator()(std::monostate) const { return "NULL"; }
        std::string operator()(std::int64_t v) const { return std::to_string(v); }
        std::string operator()(double v) const
        {
            char buffer[32];
            std::snprintf(buffer, sizeof buffer, "%.17g", v);
            return buffer;
        }
        std::string operator()(const std::string& v) const { return "'" + v + "'"; }
        std::string operator()(const Blob& v) const { return "<blob " + std::to_string(v.size()) + " bytes>"; }
    };
    return std::visit(Visitor{}, value);
}

namespace {
constexpr std::array<std::pair<FieldType, std::string_view>, 5> kFieldTypes{{
    {FieldType::Integer, "integer"},
    {FieldType::Real, "real"},
    {FieldType::Text, "text"},
    {FieldType::Date, "date"},
    {FieldType::Boolean, "boolean"},
}};

constexpr std::array<std::pair<GeometryType, std::string_view>, 7> kGeometryTypes{{
    {GeometryType::Point, "POINT"},
    {GeometryType::LineString, "LINESTRING"},
    {GeometryType::Polygon, "POLYGON"},
    {GeometryType::MultiPoint, "MULTIPOINT"},
    {GeometryType::MultiLineString, "MULTILINESTRING"},
    {GeometryType::MultiPolygon, "MULTIPOLYGON"},
    {GeometryType::Any, "GEOMETRY"},
}};
} // namespace

std::string_view toString(FieldType type)
{
    for (const auto& [t, name] : kFieldTypes)
        if (t == type) return name;
    return "text";
}

std::optional<FieldType> parseFieldType(std::string_view code)
{
    for (const auto& [t, name] : kFieldTypes)
        if (name == code) return t;
    return std::nullopt;
}

std::string_view toString(GeometryType type)
{
    for (const auto& [t, name] : kGeometryTypes)
        if (t == type) return name;
    return "GEOMETRY";
}

std::optional<GeometryType> parseGeometryType(std::string_view name)
{
    std::string upper;
    for (char c : name) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    for (const auto& [t, n] : kGeometryTypes)
        if (n == upper) return t;
    return std::nullopt;
}

bool isMulti(GeometryType type)
{
    return type == GeometryType::MultiPoint || type == GeometryType::MultiLineString
        || type == GeometryType::MultiPolygon;
}

} // namespace planmap::layers
