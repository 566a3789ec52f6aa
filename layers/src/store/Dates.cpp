#include "planmap/layers/store/Dates.h"

#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace planmap::layers {

namespace {
bool parseDigits(std::string_view text, std::size_t pos, std::size_t count, int& out)
{
    if (pos + count > text.size()) return false;
    int value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9') return false;
        value = value * 10 + (c - '0');
    }
    out = value;
    return true;
}

std::optional<Date> parseDatePart(std::string_view text)
{
    int y = 0, m = 0, d = 0;
    if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    if (!parseDigits(text, 0, 4, y) || !parseDigits(text, 5, 2, m) || !parseDigits(text, 8, 2, d))
        return std::nullopt;
    const Date date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                    std::chrono::day{static_cast<unsigned>(d)}};
    if (!date.ok()) return std::nullopt;
    return date;
}
} // namespace

Date makeDate(int year, unsigned month, unsigned day)
{
    const Date date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
    if (!date.ok())
        throw std::invalid_argument("not a calendar date: " + std::to_string(year) + "-" + std::to_string(month)
                                    + "-" + std::to_string(day));
    return date;
}

std::string toIsoDate(Date date)
{
    if (!date.ok()) throw std::invalid_argument("toIsoDate: not a calendar date");
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return buffer;
}

std::optional<Date> tryParseIsoDate(std::string_view text)
{
    if (text.size() != 10) return std::nullopt;
    return parseDatePart(text);
}

Date parseIsoDate(std::string_view text)
{
    if (auto date = tryParseIsoDate(text)) return *date;
    throw std::invalid_argument("not an ISO date (YYYY-MM-DD): '" + std::string(text) + "'");
}

std::string toIsoTimestamp(Timestamp t)
{
    const auto days = std::chrono::floor<std::chrono::days>(t);
    const Date date{days};
    const std::chrono::hh_mm_ss<std::chrono::seconds> time{t - days};
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                  static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                  static_cast<int>(time.seconds().count()));
    return buffer;
}

std::optional<Timestamp> tryParseIsoTimestamp(std::string_view text)
{
    if (text.size() != 20 || (text[10] != 'T' && text[10] != ' ') || text[13] != ':' || text[16] != ':'
        || text[19] != 'Z')
        return std::nullopt;
    const auto date = parseDatePart(text.substr(0, 10));
    int h = 0, m = 0, s = 0;
    if (!date || !parseDigits(text, 11, 2, h) || !parseDigits(text, 14, 2, m) || !parseDigits(text, 17, 2, s)
        || h > 23 || m > 59 || s > 59)
        return std::nullopt;
    return std::chrono::sys_days{*date} + std::chrono::hours{h} + std::chrono::minutes{m} + std::chrono::seconds{s};
}

Timestamp parseIsoTimestamp(std::string_view text)
{
    if (auto t = tryParseIsoTimestamp(text)) return *t;
    throw std::invalid_argument("not an ISO UTC timestamp (YYYY-MM-DDTHH:MM:SSZ): '" + std::string(text) + "'");
}

Timestamp nowUtc()
{
    // Reproducible builds (reproducible-builds.org/specs/source-date-epoch):
    // when SOURCE_DATE_EPOCH is set, it is "now", so that building the same
    // project from the same inputs gives the same content.
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
        char* end = nullptr;
        const long long seconds = std::strtoll(epoch, &end, 10);
        if (end && *end == '\0' && seconds >= 0) return Timestamp{std::chrono::seconds{seconds}};
    }
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

} // namespace planmap::layers
