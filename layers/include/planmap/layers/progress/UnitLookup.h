#pragma once

#include "planmap/layers/store/Dates.h"
#include "planmap/layers/units/AdminUnits.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

/// \file
/// Finding the administrative unit a person or a spreadsheet means.
///
/// Statistics office codes say the level by their length: 2 digits the
/// province ("20"), 3 a district ("178"–"189"), 5 a commune ("06622"). Codes
/// are reused across the 2025 reorganisation (05977 was Phường Vĩnh Trại until
/// 30/06/2025 and is Phường Đông Kinh from 01/07/2025), so a code is resolved
/// by the date it is about, or in a generation the caller forces. A
/// spreadsheet that lost a commune's leading zero (6622) gets it back.
/// Names are compared accent-insensitively (text/SearchKey.h), with or
/// without the unit word ("Xã Hồng Phong", "hong phong"), and may be limited
/// to a district (its units, and the 2025 communes that absorbed them), which
/// tells apart the two Hồng Phong (06079 in Bình Gia, 06205 in Cao Lộc).
/// The province is taken to span both generations whatever validity dates
/// it carries.

namespace planmap::layers::progress {

class UnitLookup {
public:
    /// Reads every unit once (no geometry).
    explicit UnitLookup(AdminUnits& units);

    /// The unit a code names on `asOf`, or in `generation` ("pre2025"/"2023"
    /// or "2025") when given. Throws InvalidDataError saying why not (not a
    /// code, no such unit, not in force on that date — with the dates it was).
    const AdminUnit& byCode(std::string_view code, Date asOf, const std::optional<std::string>& generation = std::nullopt) const;

    /// A code or a name (see the file comment). `withinUnitId`: only units
    /// below that unit (or the unit itself), and the 2025 communes that
    /// absorbed any of them. `level`: only units of that level (a name such
    /// as "Lộc Bình" names both a district and a town). Throws
    /// InvalidDataError for an unknown or ambiguous text, listing the candidates.
    const AdminUnit& resolve(std::string_view text, Date asOf, const std::optional<std::string>& generation = std::nullopt,
                             const std::optional<std::int64_t>& withinUnitId = std::nullopt,
                             const std::optional<UnitLevel>& level = std::nullopt) const;

    /// The unit of an id; nullptr if none.
    const AdminUnit* get(std::int64_t unitId) const;
    /// The unit and its ancestors' ids, the unit first.
    std::vector<std::int64_t> ancestry(std::int64_t unitId) const;
    /// "Xã Bính Xá (06622, trước 2025)".
    std::string describe(const AdminUnit& unit) const;

    /// "pre2025" for "2023"/"pre2025", "2025" for "2025"; throws InvalidDataError otherwise.
    static std::string generationKey(std::string_view text);

private:
    bool inScope(const AdminUnit& unit, std::int64_t withinUnitId) const;

    std::vector<AdminUnit> units_;
    std::unordered_map<std::int64_t, std::size_t> byId_;
    std::unordered_map<std::string, std::vector<std::size_t>> byCode_;
    std::unordered_map<std::string, std::vector<std::size_t>> byName_;
    std::unordered_map<std::int64_t, std::vector<std::int64_t>> predecessors_; ///< new unit → old units
};

} // namespace planmap::layers::progress
