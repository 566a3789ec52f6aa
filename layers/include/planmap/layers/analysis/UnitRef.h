#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace planmap::layers::analysis {

/// An administrative unit as results name it.
struct UnitRef {
    std::optional<std::int64_t> id;  ///< admin_units.id; none when the feature lies in no unit
    std::string code;                ///< statistics office code, "" if none
    std::string name;                ///< full name, e.g. "Xã Hồng Phong"
};

} // namespace planmap::layers::analysis
