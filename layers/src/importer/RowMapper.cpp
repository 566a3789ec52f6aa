#include "planmap/layers/importer/RowMapper.h"

#include "io/SourceTable.h"
#include "io/ValueConversion.h"
#include "planmap/layers/importer/SourceData.h"
#include "planmap/layers/io/ImportError.h"
#include "planmap/layers/text/SearchKey.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdlib>

namespace planmap::layers::importer {

namespace {

constexpr std::array<std::string_view, 10> kCommonColumns{"id",           "user_key", "name",   "search_key",
                                                          "commune_id",   "commune_old_id", "illustrative", "source",
                                                          "import_batch_id", "geom"};

std::string camelCase(std::string_view snake)
{
    std::string out;
    bool upper = false;
    for (char ch : snake) {
        if (ch == '_') {
            upper = true;
            continue;
        }
        out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(ch))) : ch;
        upper = false;
    }
    return out;
}

TargetField textTarget(const char* name, const char* titleVi, const char* titleEn)
{
    TargetField t;
    t.info.name = name;
    t.info.type = FieldType::Text;
    t.info.titleVi = titleVi;
    t.info.titleEn = std::string(titleEn);
    t.common = true;
    return t;
}

/// Whole numbers of up to 15 digits convert exactly (doubles hold integers
/// up to 2^53 ≈ 9.0e15); longer ones are codes or text, not integers.
constexpr std::size_t kMaxIntegerDigits = 15;

bool isWholeNumberText(std::string_view s)
{
    if (s.empty()) return false;
    std::size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0;
    if (i >= s.size()) return false;
    if (s[i] == '0' && s.size() - i > 1) return false;  // a code such as "05977"
    for (std::size_t j = i; j < s.size(); ++j)
        if (s[j] < '0' || s[j] > '9') return false;
    return s.size() - i <= kMaxIntegerDigits;
}

/// "1.238.075" → "1238075": dots grouping thousands the Vietnamese way.
std::optional<std::string> ungroupedDigits(std::string_view text)
{
    std::size_t start = (!text.empty() && (text[0] == '-' || text[0] == '+')) ? 1 : 0;
    std::string digits(text.substr(0, start));
    std::size_t group = 0;
    bool sawDot = false;
    for (std::size_t i = start; i < text.size(); ++i) {
        const char c = text[i];
        if (c >= '0' && c <= '9') {
            digits += c;
            ++group;
        } else if (c == '.') {
            if (group == 0 || group > 3 || (sawDot && group != 3)) return std::nullopt;
            sawDot = true;
            group = 0;
        } else {
            return std::nullopt;
        }
    }
    if (!sawDot || group != 3) return std::nullopt;
    if (digits.size() - start > kMaxIntegerDigits) return std::nullopt;
    return digits;
}

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

std::optional<std::int64_t> integral(double d)
{
    if (std::floor(d) != d || std::fabs(d) > 9.0e15) return std::nullopt;
    return static_cast<std::int64_t>(d);
}

/// The value for a typed field: integers, reals, text, ISO dates, 0/1
/// booleans; a coded field takes its codes or their Vietnamese/English labels
/// (compared without diacritics). Empty text and null give NULL.
std::optional<Value> toTypedValue(const geo::FieldValue& value, const FieldInfo& field, std::string& error)
{
    if (geo::isNull(value)) return Value{};
    const std::string text = io::detail::valueText(value);
    if (text.empty()) return Value{};

    if (!field.values.empty()) {
        // A coded field: the code itself, or one of its labels.
        std::string code;
        for (const FieldValue& v : field.values)
            if (v.value == text) code = v.value;
        if (code.empty()) {
            const std::string key = searchKey(text);
            for (const FieldValue& v : field.values)
                if (searchKey(v.labelVi) == key || (v.labelEn && searchKey(*v.labelEn) == key)) code = v.value;
        }
        if (code.empty()) {
            std::string allowed;
            for (const FieldValue& v : field.values) allowed += (allowed.empty() ? "" : ", ") + v.value + " (" + v.labelVi + ")";
            error = quoted(text) + " is not one of: " + allowed;
            return std::nullopt;
        }
        if (field.type == FieldType::Integer || field.type == FieldType::Boolean)
            return Value{static_cast<std::int64_t>(std::strtoll(code.c_str(), nullptr, 10))};
        return Value{code};
    }

    switch (field.type) {
    case FieldType::Integer: {
        if (const auto* i = std::get_if<std::int64_t>(&value)) return Value{*i};
        const auto* d = std::get_if<double>(&value);
        std::optional<double> number = d ? std::optional<double>(*d) : io::detail::parseNumber(text);
        if (number)
            if (auto i = integral(*number)) return Value{*i};
        error = quoted(text) + " is not a whole number";
        return std::nullopt;
    }
    case FieldType::Real: {
        if (const auto* i = std::get_if<std::int64_t>(&value)) return Value{static_cast<double>(*i)};
        if (const auto* d = std::get_if<double>(&value)) return Value{*d};
        if (auto number = io::detail::parseNumber(text)) return Value{*number};
        error = quoted(text) + " is not a number";
        return std::nullopt;
    }
    case FieldType::Text:
        return Value{text};
    case FieldType::Date: {
        auto date = io::detail::toDate(value, error);
        if (!date) return std::nullopt;
        return Value{toIsoDate(*date)};
    }
    case FieldType::Boolean: {
        auto b = io::detail::toBoolean(value, error);
        if (!b) return std::nullopt;
        return Value{static_cast<std::int64_t>(*b ? 1 : 0)};
    }
    }
    return Value{text};
}

} // namespace

std::vector<TargetField> commonTargets()
{
    TargetField illustrative = textTarget("illustrative", "Minh họa", "Illustrative");
    illustrative.info.type = FieldType::Boolean;
    return {textTarget("name", "Tên", "Name"), textTarget("user_key", "Khóa", "Key"),
            textTarget("commune_code", "Mã xã (từ 01/7/2025)", "Commune code (2025)"),
            textTarget("commune_old_code", "Mã xã (trước 01/7/2025)", "Commune code (before 2025)"),
            textTarget("source", "Nguồn", "Source"), illustrative};
}

std::vector<TargetField> targetsOf(const LayerInfo& layer)
{
    std::vector<TargetField> targets = commonTargets();
    for (const FieldInfo& f : layer.fields) targets.push_back({f, false});
    return targets;
}

RowMapper::RowMapper(std::vector<std::string> columns, std::vector<TargetField> targets, const io::FieldMapping& mapping)
    : columns_(std::move(columns)), targets_(std::move(targets)), binding_(targets_.size(), -1)
{
    for (const auto& [target, source] : mapping.pairs()) {
        const int t = targetIndex(target);
        if (t < 0) {
            std::string list;
            for (const auto& f : targets_) list += (list.empty() ? "" : ", ") + f.info.name;
            throw io::ImportError("unknown target field '" + target + "' (the fields: " + list + ")");
        }
        const int c = findColumn(columns_, source);
        if (c < 0) {
            std::string list;
            for (const auto& col : columns_) list += (list.empty() ? "\"" : ", \"") + col + "\"";
            throw io::ImportError("no column \"" + source + "\" (mapped to " + target + "); the columns are "
                                  + (list.empty() ? std::string("(none)") : list));
        }
        binding_[static_cast<std::size_t>(t)] = c;
    }
    for (std::size_t t = 0; t < targets_.size(); ++t) {
        if (binding_[t] >= 0) continue;
        const std::string& name = targets_[t].info.name;
        int c = findColumn(columns_, name);
        if (c < 0) c = findColumn(columns_, camelCase(name));
        // A shapefile keeps 10 characters of a field name: planmap's own
        // exports have "commune_co", "commune_ol" and "illustrati".
        if (c < 0 && targets_[t].common && name.size() > 10) c = findColumn(columns_, name.substr(0, 10));
        binding_[t] = c;
    }
}

int RowMapper::targetIndex(std::string_view name) const
{
    for (std::size_t i = 0; i < targets_.size(); ++i)
        if (targets_[i].info.name == name) return static_cast<int>(i);
    return -1;
}

int RowMapper::columnOf(std::string_view targetName) const
{
    const int t = targetIndex(targetName);
    return t < 0 ? -1 : binding_[static_cast<std::size_t>(t)];
}

void RowMapper::unbind(std::string_view targetName)
{
    if (const int t = targetIndex(targetName); t >= 0) binding_[static_cast<std::size_t>(t)] = -1;
}

std::string RowMapper::columnName(std::size_t target) const
{
    const int c = binding_[target];
    return c < 0 ? std::string() : columns_[static_cast<std::size_t>(c)];
}

std::vector<std::string> RowMapper::unusedColumns() const
{
    std::vector<std::string> out;
    for (std::size_t c = 0; c < columns_.size(); ++c)
        if (std::find(binding_.begin(), binding_.end(), static_cast<int>(c)) == binding_.end()) out.push_back(columns_[c]);
    return out;
}

io::FieldMapping RowMapper::effectiveMapping() const
{
    io::FieldMapping m;
    for (std::size_t t = 0; t < targets_.size(); ++t)
        if (binding_[t] >= 0) m.set(targets_[t].info.name, columns_[static_cast<std::size_t>(binding_[t])]);
    return m;
}

RowMapper::Result RowMapper::map(std::span<const geo::FieldValue> row) const
{
    Result r;
    r.values.resize(targets_.size());
    for (std::size_t t = 0; t < targets_.size(); ++t) {
        const int c = binding_[t];
        if (c < 0) continue;
        if (static_cast<std::size_t>(c) >= row.size()) {
            r.values[t].emplace(std::monostate{});
            continue;
        }
        std::string error;
        auto value = convertValue(row[static_cast<std::size_t>(c)], targets_[t].info, error);
        if (!value) {
            r.errors.push_back({t, error, io::detail::valueText(row[static_cast<std::size_t>(c)])});
            continue;
        }
        r.values[t] = std::move(*value);
    }
    return r;
}

std::optional<Value> convertValue(const geo::FieldValue& value, const FieldInfo& field, std::string& error)
{
    // A whole number written the Vietnamese way ("1.238") is 1238, not 1.238,
    // in an integer field (where 1.238 could not go anyway).
    if (field.type == FieldType::Integer && field.values.empty())
        if (const auto* text = std::get_if<std::string>(&value))
            if (auto digits = ungroupedDigits(io::detail::cleanText(*text)))
                return toTypedValue(geo::FieldValue{*digits}, field, error);
    return toTypedValue(value, field, error);
}

std::string fieldNameFor(std::string_view column, const std::set<std::string>& taken)
{
    const std::string key = searchKey(column);
    std::string name;
    for (char ch : key) {
        const bool keep = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
        if (keep) name += ch;
        else if (!name.empty() && name.back() != '_') name += '_';
    }
    while (!name.empty() && name.back() == '_') name.pop_back();
    if (name.empty()) name = "field";
    if (name[0] >= '0' && name[0] <= '9') name = "f_" + name;
    if (std::find(kCommonColumns.begin(), kCommonColumns.end(), name) != kCommonColumns.end()) name = "src_" + name;
    if (name.size() > 56) name.resize(56);
    while (!name.empty() && name.back() == '_') name.pop_back();
    std::string candidate = name;
    for (int n = 2; taken.count(candidate); ++n) candidate = name + "_" + std::to_string(n);
    return candidate;
}

FieldType inferFieldType(geo::FieldType sourceType, std::span<const geo::FieldValue* const> values)
{
    switch (sourceType) {
    case geo::FieldType::Integer: return FieldType::Integer;
    case geo::FieldType::Real: return FieldType::Real;
    case geo::FieldType::Date: return FieldType::Date;
    case geo::FieldType::DateTime: return FieldType::Text;
    case geo::FieldType::String: break;
    }
    bool any = false, allInteger = true, allNumber = true, allDate = true;
    for (const geo::FieldValue* v : values) {
        if (!v || geo::isNull(*v)) continue;
        const std::string text = io::detail::valueText(*v);
        if (text.empty()) continue;
        any = true;
        if (allInteger && !isWholeNumberText(text) && !ungroupedDigits(text)) allInteger = false;
        if (allNumber) {
            const bool leadingZero = text.size() > 1 && text[0] == '0' && text[1] != '.' && text[1] != ',';
            if (leadingZero || !io::detail::parseNumber(text)) allNumber = false;
        }
        if (allDate) {
            std::string error;
            if (!io::detail::toDate(geo::FieldValue{text}, error)) allDate = false;
        }
        if (!allInteger && !allNumber && !allDate) break;
    }
    if (!any) return FieldType::Text;
    if (allInteger) return FieldType::Integer;
    if (allNumber) return FieldType::Real;
    if (allDate) return FieldType::Date;
    return FieldType::Text;
}

} // namespace planmap::layers::importer
