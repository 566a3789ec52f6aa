#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace planmap::layers {

/// A calendar date. Stored as ISO 'YYYY-MM-DD' text.
using Date = std::chrono::year_month_day;
/// A UTC instant to the second. Stored as 'YYYY-MM-DDTHH:MM:SSZ' text.
using Timestamp = std::chrono::sys_seconds;

/// Builds a date; throws std::invalid_argument when it is not a real date.
Date makeDate(int year, unsigned month, unsigned day);

/// 'YYYY-MM-DD'; throws std::invalid_argument for an invalid date.
std::string toIsoDate(Date date);
/// Parses 'YYYY-MM-DD' strictly (no time part, real calendar date).
std::optional<Date> tryParseIsoDate(std::string_view text);
/// Like tryParseIsoDate; throws std::invalid_argument naming the text.
Date parseIsoDate(std::string_view text);

/// 'YYYY-MM-DDTHH:MM:SSZ'.
std::string toIsoTimestamp(Timestamp t);
/// Parses 'YYYY-MM-DDTHH:MM:SSZ' (also accepts a space instead of 'T').
std::optional<Timestamp> tryParseIsoTimestamp(std::string_view text);
Timestamp parseIsoTimestamp(std::string_view text);

/// The current UTC time, truncated to the second; the time given by the
/// environment variable SOURCE_DATE_EPOCH (seconds since 1970) when it is set.
Timestamp nowUtc();

} // namespace planmap::layers
