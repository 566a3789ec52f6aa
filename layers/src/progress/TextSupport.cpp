#include "progress/TextSupport.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace planmap::layers::progress::detail {

namespace {

/// Digits of |value| rounded to `decimals`, split into integer and fraction
/// parts, trailing fraction zeros dropped.
void splitNumber(double value, int decimals, std::string& integer, std::string& fraction)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, std::fabs(value));
    std::string text(buffer);
    const auto dot = text.find('.');
    integer = text.substr(0, dot);
    fraction = dot == std::string::npos ? std::string() : text.substr(dot + 1);
    while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
}

bool isNegativeAfterRounding(double value, int decimals)
{
    return value < 0 && std::fabs(value) >= 0.5 * std::pow(10.0, -decimals);
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

} // namespace

std::string numberVi(double value, int decimals)
{
    std::string integer, fraction;
    splitNumber(value, decimals, integer, fraction);
    std::string grouped;
    const std::size_t n = integer.size();
    for (std::size_t i = 0; i < n; ++i) {
        grouped += integer[i];
        const std::size_t left = n - i - 1;
        if (left > 0 && left % 3 == 0) grouped += '.';
    }
    std::string out = isNegativeAfterRounding(value, decimals) ? "-" : "";
    out += grouped;
    if (!fraction.empty()) out += "," + fraction;
    return out;
}

std::string numberPlain(double value, int decimals)
{
    std::string integer, fraction;
    splitNumber(value, decimals, integer, fraction);
    std::string out = isNegativeAfterRounding(value, decimals) ? "-" : "";
    out += integer;
    if (!fraction.empty()) out += "." + fraction;
    return out;
}

std::string dateVi(Date date)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%02u/%02u/%04d", static_cast<unsigned>(date.day()),
                  static_cast<unsigned>(date.month()), static_cast<int>(date.year()));
    return buffer;
}

std::string trim(std::string_view text)
{
    auto isSpace = [](std::string_view t, std::size_t i, bool fromEnd) -> std::size_t {
        // ASCII white space, or U+00A0 (C2 A0) at either end.
        if (fromEnd) {
            if (i >= 1 && (t[i - 1] == ' ' || t[i - 1] == '\t' || t[i - 1] == '\r' || t[i - 1] == '\n')) return 1;
            if (i >= 2 && static_cast<unsigned char>(t[i - 2]) == 0xC2 && static_cast<unsigned char>(t[i - 1]) == 0xA0)
                return 2;
            return 0;
        }
        if (i < t.size() && (t[i] == ' ' || t[i] == '\t' || t[i] == '\r' || t[i] == '\n')) return 1;
        if (i + 1 < t.size() && static_cast<unsigned char>(t[i]) == 0xC2 && static_cast<unsigned char>(t[i + 1]) == 0xA0)
            return 2;
        return 0;
    };
    std::size_t begin = 0, end = text.size();
    while (begin < end) {
        const std::size_t n = isSpace(text, begin, false);
        if (n == 0) break;
        begin += n;
    }
    while (end > begin) {
        const std::size_t n = isSpace(text, end, true);
        if (n == 0) break;
        end -= n;
    }
    return std::string(text.substr(begin, end - begin));
}

std::optional<ParsedNumber> parseNumber(std::string_view input)
{
    std::string text = trim(input);
    // Drop inner spaces (also non-breaking ones) used as group separators.
    std::string compact;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == ' ') continue;
        if (i + 1 < text.size() && static_cast<unsigned char>(text[i]) == 0xC2
            && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
            ++i;
            continue;
        }
        compact += text[i];
    }
    if (!compact.empty() && compact.back() == '%') compact.pop_back();
    if (compact.empty()) return std::nullopt;

    std::string sign;
    std::size_t start = 0;
    if (compact[0] == '-' || compact[0] == '+') {
        if (compact[0] == '-') sign = "-";
        start = 1;
    }
    const std::string body = compact.substr(start);
    if (body.empty()) return std::nullopt;
    std::size_t dots = 0, commas = 0;
    for (char c : body) {
        if (c == '.') ++dots;
        else if (c == ',') ++commas;
        else if (!isDigit(c) && c != 'e' && c != 'E' && c != '-' && c != '+') return std::nullopt;
    }

    // Groups of exactly three digits after every separator of one kind.
    auto groupedBy = [&](char separator) {
        std::size_t pos = body.find(separator);
        if (pos == 0 || pos == std::string::npos || pos > 3 || body[0] == '0') return false;
        while (pos != std::string::npos) {
            const std::size_t next = body.find(separator, pos + 1);
            const std::size_t end = next == std::string::npos ? body.size() : next;
            if (end - pos - 1 != 3) return false;
            for (std::size_t i = pos + 1; i < end; ++i)
                if (!isDigit(body[i])) return false;
            pos = next;
        }
        return true;
    };

    ParsedNumber result;
    std::string normal;
    if (dots > 0 && commas > 0) {
        // Both: the last one is the decimal sign ("1.238,5" Vietnamese; "1,238.5" English).
        const char decimal = body.rfind(',') > body.rfind('.') ? ',' : '.';
        const char group = decimal == ',' ? '.' : ',';
        if (body.find(decimal) != body.rfind(decimal)) return std::nullopt;
        for (char c : body) {
            if (c == group) continue;
            normal += c == decimal ? '.' : c;
        }
    } else if (dots > 1) {
        if (!groupedBy('.')) return std::nullopt;
        for (char c : body)
            if (c != '.') normal += c;
    } else if (commas > 1) {
        if (!groupedBy(',')) return std::nullopt;
        for (char c : body)
            if (c != ',') normal += c;
    } else if (dots == 1) {
        if (groupedBy('.')) {
            result.thousandsGuess = true;
            for (char c : body)
                if (c != '.') normal += c;
        } else {
            normal = body;
        }
    } else if (commas == 1) {
        for (char c : body) normal += c == ',' ? '.' : c;
    } else {
        normal = body;
    }
    normal = sign + normal;
    char* end = nullptr;
    const double value = std::strtod(normal.c_str(), &end);
    if (end != normal.c_str() + normal.size() || !std::isfinite(value)) return std::nullopt;
    result.value = value;
    return result;
}

std::optional<Date> parseDate(std::string_view input)
{
    const std::string text = trim(input);
    if (auto iso = tryParseIsoDate(text)) return iso;
    // Up to a space: GDAL writes spreadsheet date-times as "2023/06/30 00:00:00".
    const std::string head = text.substr(0, text.find(' '));
    int a = 0, b = 0, c = 0;
    char s1 = 0, s2 = 0;
    int consumed = 0;
    if (std::sscanf(head.c_str(), "%d%c%d%c%d%n", &a, &s1, &b, &s2, &c, &consumed) != 5
        || consumed != static_cast<int>(head.size()) || s1 != s2 || (s1 != '/' && s1 != '-' && s1 != '.'))
        return std::nullopt;
    int year, month, day;
    if (head.find(s1) == 4) { // YYYY/MM/DD
        year = a, month = b, day = c;
    } else {                  // DD/MM/YYYY
        day = a, month = b, year = c;
        if (year < 1000) return std::nullopt;
    }
    if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
    const Date date{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                    std::chrono::day{static_cast<unsigned>(day)}};
    if (!date.ok()) return std::nullopt;
    return date;
}

} // namespace planmap::layers::progress::detail
