#include "Output.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <ostream>

namespace planmap::cli {

std::string csvRecord(const std::vector<std::string>& fields)
{
    std::string line;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) line += ',';
        const std::string& f = fields[i];
        if (f.find_first_of(",\"\r\n") == std::string::npos) {
            line += f;
            continue;
        }
        line += '"';
        for (char c : f) {
            if (c == '"') line += '"';
            line += c;
        }
        line += '"';
    }
    line += '\n';
    return line;
}

std::string jsonString(std::string_view text)
{
    std::string out = "\"";
    for (unsigned char c : text) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    out += '"';
    return out;
}

std::string jsonNumber(const std::optional<double>& value)
{
    if (!value || !std::isfinite(*value)) return "null";
    return plainNumber(*value);
}

std::string plainNumber(double value)
{
    if (!std::isfinite(value)) return "";
    if (value == 0) return "0";  // also for -0
    char buf[64];
    const auto result = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed);
    if (result.ec != std::errc()) return std::to_string(value);
    return std::string(buf, result.ptr);
}

std::string plainNumber(const std::optional<double>& value) { return value ? plainNumber(*value) : std::string(); }

std::string vietnameseNumber(double value, int decimals)
{
    if (!std::isfinite(value)) return "";
    const double scale = std::pow(10.0, decimals);
    double rounded = std::round(std::fabs(value) * scale) / scale;
    const bool negative = value < 0 && rounded != 0;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, rounded);
    std::string text = buf;
    std::string whole = text, fraction;
    if (const auto dot = text.find('.'); dot != std::string::npos) {
        whole = text.substr(0, dot);
        fraction = text.substr(dot + 1);
        while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
    }
    std::string grouped;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i && (whole.size() - i) % 3 == 0) grouped += '.';
        grouped += whole[i];
    }
    return (negative ? "-" : "") + grouped + (fraction.empty() ? "" : "," + fraction);
}

std::size_t displayWidth(std::string_view utf8)
{
    std::size_t width = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        const unsigned char c = static_cast<unsigned char>(utf8[i]);
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
        char32_t cp = c;
        if (len > 1 && i + len <= utf8.size()) {
            cp = c & (0xFF >> (len + 1));
            for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
        }
        const bool combining = (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x1AB0 && cp <= 0x1AFF)
            || (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF);
        if (!combining && (c & 0xC0) != 0x80) ++width;
        i += len;
    }
    return width;
}

void TextTable::alignRight(std::size_t index)
{
    if (right_.size() <= index) right_.resize(index + 1, false);
    right_[index] = true;
}

void TextTable::print(std::ostream& out) const
{
    std::vector<std::size_t> widths(header_.size(), 0);
    auto measure = [&](const std::vector<std::string>& row) {
        for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], displayWidth(row[i]));
    };
    measure(header_);
    for (const auto& r : rows_) measure(r);
    auto printRow = [&](const std::vector<std::string>& row) {
        std::string line;
        for (std::size_t i = 0; i < widths.size(); ++i) {
            const std::string cell = i < row.size() ? row[i] : std::string();
            const std::size_t pad = widths[i] - displayWidth(cell);
            const bool right = i < right_.size() && right_[i];
            if (i) line += "  ";
            if (right) line += std::string(pad, ' ') + cell;
            else line += cell + (i + 1 < widths.size() ? std::string(pad, ' ') : std::string());
        }
        out << line << "\n";
    };
    printRow(header_);
    std::vector<std::string> rule;
    for (std::size_t w : widths) rule.push_back(std::string(w, '-'));
    printRow(rule);
    for (const auto& r : rows_) printRow(r);
}

} // namespace planmap::cli
