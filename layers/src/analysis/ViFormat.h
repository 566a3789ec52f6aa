#pragma once
// Numbers written the Vietnamese way for texts shown to users: "." groups
// thousands, "," marks decimals (1.238.075; 7,2).

#include <cmath>
#include <cstdio>
#include <string>

namespace planmap::layers::analysis::detail {

/// `decimals` fixed decimals; trailing zeros trimmed when `trim`.
inline std::string formatVi(double value, int decimals, bool trim = true) {
    if (!std::isfinite(value)) return "—";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    std::string s(buffer);
    std::string sign;
    if (!s.empty() && s[0] == '-') {
        sign = "-";
        s.erase(0, 1);
    }
    std::string integer = s, fraction;
    if (const auto dot = s.find('.'); dot != std::string::npos) {
        integer = s.substr(0, dot);
        fraction = s.substr(dot + 1);
    }
    if (trim) {
        while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
    }
    std::string grouped;
    for (std::size_t i = 0; i < integer.size(); ++i) {
        if (i > 0 && (integer.size() - i) % 3 == 0) grouped += '.';
        grouped += integer[i];
    }
    if (sign == "-" && grouped == "0" && fraction.find_first_not_of('0') == std::string::npos) sign.clear();
    return sign + grouped + (fraction.empty() ? "" : "," + fraction);
}

/// Metres as kilometres with one decimal: "7,2 km".
inline std::string formatKm(double metres) { return formatVi(metres / 1000.0, 1) + " km"; }

} // namespace planmap::layers::analysis::detail
