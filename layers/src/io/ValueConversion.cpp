#include "ValueConversion.h"

#include "SourceTable.h"
#include "planmap/layers/text/SearchKey.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace planmap::layers::io::detail {

namespace {

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

std::optional<double> parsePlain(std::string_view text)
{
    if (text.empty()) return std::nullopt;
    double value = 0;
    const char* begin = text.data();
    const char* end = text.data() + text.size();
    if (*begin == '+') ++begin;
    const auto result = std::from_chars(begin, end, value, std::chars_format::fixed);
    if (result.ec != std::errc() || result.ptr != end || !std::isfinite(value)) return std::nullopt;
    return value;
}


struct DayMonthYear {
    int day = 0, month = 0, year = 0;
};

/// "5/3/2024", "05-03-2024", "05.03.2024": one or two digits for the day and
/// the month, four for the year, the same separator twice; with
/// `yearFirst`, "2024/03/05" (as GDAL writes dates into CSV files).
std::optional<DayMonthYear> parseDayMonthYear(std::string_view text, bool yearFirst = false)
{
    std::size_t i = 0;
    const auto digits = [&](std::size_t minCount, std::size_t maxCount) -> std::optional<int> {
        const std::size_t start = i;
        int value = 0;
        while (i < text.size() && i - start < maxCount && text[i] >= '0' && text[i] <= '9') value = value * 10 + (text[i++] - '0');
        if (i - start < minCount) return std::nullopt;
        return value;
    };
    const auto first = yearFirst ? digits(4, 4) : digits(1, 2);
    if (!first || i >= text.size()) return std::nullopt;
    const char separator = text[i++];
    if (separator != '/' && separator != '-' && separator != '.') return std::nullopt;
    const auto month = digits(1, 2);
    if (!month || i >= text.size() || text[i++] != separator) return std::nullopt;
    const auto last = yearFirst ? digits(1, 2) : digits(4, 4);
    if (!last || i != text.size()) return std::nullopt;
    const int year = yearFirst ? *first : *last, day = yearFirst ? *last : *first;
    if (year < 1000) return std::nullopt;
    return DayMonthYear{day, *month, year};
}

} // namespace

std::optional<double> parseNumber(std::string_view text)
{
    if (auto plain = parsePlain(text)) return plain;
    std::string s(text);
    const auto dots = std::count(s.begin(), s.end(), '.');
    const auto commas = std::count(s.begin(), s.end(), ',');
    if (commas == 1 && dots == 0) {  // 96,1
        s[s.find(',')] = '.';
        return parsePlain(s);
    }
    if (dots >= 1 && commas <= 1) {  // 1.238.075 or 1.238,5: dots group thousands
        std::string digits;
        const std::size_t comma = s.find(',');
        const std::string whole = s.substr(0, comma);
        std::size_t group = 0;
        bool first = true;
        for (std::size_t i = 0, start = 0; i <= whole.size(); ++i) {
            if (i == whole.size() || whole[i] == '.') {
                group = i - start;
                if ((first && (group == 0 || group > 3)) || (!first && group != 3)) return std::nullopt;
                first = false;
                start = i + 1;
            }
        }
        for (char c : whole)
            if (c != '.') digits += c;
        if (comma != std::string::npos) digits += "." + s.substr(comma + 1);
        return parsePlain(digits);
    }
    return std::nullopt;
}

std::optional<Date> toDate(const geo::FieldValue& value, std::string& error)
{
    if (const auto* d = std::get_if<geo::Date>(&value)) {
        try {
            return makeDate(d->year, static_cast<unsigned>(d->month), static_cast<unsigned>(d->day));
        } catch (const std::exception&) {
        }
    }
    if (const auto* dt = std::get_if<geo::DateTime>(&value)) {
        try {
            return makeDate(dt->date.year, static_cast<unsigned>(dt->date.month), static_cast<unsigned>(dt->date.day));
        } catch (const std::exception&) {
        }
    }
    const std::string text = valueText(value);
    if (auto iso = tryParseIsoDate(text)) return iso;
    // d/m/yyyy or dd/mm/yyyy (the way dates are written in Vietnam; '-' and '.' too)
    auto dmy = parseDayMonthYear(text);
    if (!dmy) dmy = parseDayMonthYear(text, true);  // 2025/07/01, as GDAL writes CSV dates
    if (dmy) {
        try {
            return makeDate(dmy->year, static_cast<unsigned>(dmy->month), static_cast<unsigned>(dmy->day));
        } catch (const std::exception&) {
        }
    }
    error = quoted(text) + " is not a date (YYYY-MM-DD or dd/mm/yyyy)";
    return std::nullopt;
}

std::optional<bool> toBoolean(const geo::FieldValue& value, std::string& error)
{
    if (const auto* i = std::get_if<std::int64_t>(&value)) {
        if (*i == 0 || *i == 1) return *i == 1;
    } else if (const auto* d = std::get_if<double>(&value)) {
        if (*d == 0 || *d == 1) return *d == 1;
    } else {
        const std::string key = searchKey(valueText(value));
        for (const char* yes : {"1", "true", "yes", "y", "x", "co", "dung", "t"})
            if (key == yes) return true;
        for (const char* no : {"0", "false", "no", "n", "khong", "sai", "f"})
            if (key == no) return false;
    }
    error = quoted(valueText(value)) + " is not a yes/no value (1/0, true/false, có/không)";
    return std::nullopt;
}

} // namespace planmap::layers::io::detail
