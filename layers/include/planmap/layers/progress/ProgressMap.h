#pragma once

#include "planmap/layers/progress/Rollup.h"
#include "planmap/layers/render/FeatureSource.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

/// \file
/// The figures of a thematic progress map: one indicator's roll-up at every
/// district of 2023 or every commune of 2025, with their polygons, for a
/// choropleth of the percentage achieved (or of the value achieved). The
/// figures are exactly the roll-up's (Rollup.h); nothing is recomputed here.

namespace planmap::layers {
class Connection;
}

namespace planmap::layers::progress {

/// The units a progress map shows.
enum class MapUnits {
    Districts2023, ///< districts (and the city) of the 2023 tree, generation pre2025
    Communes2025,  ///< communes and wards of the 2025 tree
};

/// One unit of a progress map.
struct UnitProgress {
    std::int64_t unitId = 0;
    std::string code;
    std::string name;                     ///< full name, "Huyện Lộc Bình"
    ValueOrigin origin = ValueOrigin::None;
    std::optional<double> value;          ///< UnitRollup::value
    std::optional<double> target;         ///< UnitRollup::target
    std::optional<double> percent;        ///< UnitRollup::percentOfTarget
    bool illustrative = false;
    bool unallocatedSplit = false;        ///< part of a split 2023 commune may belong here (not counted)
    std::vector<RollupNote> notes;        ///< the roll-up's notes, with the split explanations
};

/// Field names of the source of a progress map.
namespace progress_map_fields {
inline constexpr const char* kCode = "code";
inline constexpr const char* kName = "name";
inline constexpr const char* kValue = "value";
inline constexpr const char* kTarget = "target";
inline constexpr const char* kPercent = "percent";
inline constexpr const char* kIllustrative = "illustrative";
inline constexpr const char* kNote = "note";       ///< Vietnamese notes, one per line
inline constexpr const char* kNoteEn = "note_en";  ///< the same in English
} // namespace progress_map_fields

struct ProgressMap {
    std::vector<UnitProgress> units;                      ///< every unit of the level, in the store's order
    /// The units' polygons (EPSG:4326) with fields code, name, value, target,
    /// percent, illustrative, note, note_en (null where the roll-up has nothing).
    std::shared_ptr<render::MemoryFeatureSource> source;

    const UnitProgress* at(std::int64_t unitId) const;
    /// Units with a percentage / with a value.
    int unitsWithPercent() const;
    int unitsWithValue() const;
    bool illustrative() const;                            ///< some figure rests on illustrative entries
};

/// Builds the map of one indicator's roll-up. `units` lists every unit of
/// the level; the source holds those with a polygon.
ProgressMap buildProgressMap(Connection& connection, const IndicatorRollup& rollup, MapUnits units);

} // namespace planmap::layers::progress
