#pragma once

// Number and date text for the progress module (private to planmap_layers):
// Vietnamese display forms for notes shown to users, plain forms for English
// notes and files, and lenient parsing of what people type in spreadsheets.

#include "planmap/layers/store/Dates.h"

#include <optional>
#include <string>
#include <string_view>

namespace planmap::layers::progress::detail {

/// 1.238.075 / 96,1 (at most `decimals` decimals, trailing zeros dropped).
std::string numberVi(double value, int decimals = 2);
/// 1238075 / 96.1 (at most `decimals` decimals, trailing zeros dropped).
std::string numberPlain(double value, int decimals = 6);
/// dd/mm/yyyy
std::string dateVi(Date date);

/// Result of reading a number typed in a spreadsheet cell.
struct ParsedNumber {
    double value = 0;
    bool thousandsGuess = false; ///< "1.500" was read as 1500 (Vietnamese thousands dot)
};

/// Reads a number written the Vietnamese way or plainly: "1.238.075",
/// "96,1", "96,1%", "1238075", "96.1", " 640 ". A '.' followed by exactly
/// three digits (and no ',' elsewhere) is a thousands separator, as in
/// Vietnamese; a single ',' is the decimal sign. nullopt when not a number.
std::optional<ParsedNumber> parseNumber(std::string_view text);

/// Reads a date: YYYY-MM-DD, YYYY/MM/DD (GDAL's text of spreadsheet dates),
/// DD/MM/YYYY or DD-MM-YYYY or DD.MM.YYYY (Vietnamese day first).
std::optional<Date> parseDate(std::string_view text);

/// Trims ASCII and non-breaking white space.
std::string trim(std::string_view text);

} // namespace planmap::layers::progress::detail
