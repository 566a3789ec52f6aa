#pragma once
// The administrative-unit "layers" of a project, as the command line and the
// import/export code name them. Units live in AdminUnits, by level and
// generation; a unit layer is one (level, generation) pair with the validity
// dates its units get when a source does not say otherwise.
//
//   province        the province (generation 2025; the store gives it the
//                   generation's validity, so it is the parent of units of both)
//   districts_2023  districts of the pre-2025 generation (until 2025-06-30)
//   communes_2025   communes of the 2025 generation (from 2025-07-01)
//   communes_2023   communes of the pre-2025 generation (until 2025-06-30)

#include "planmap/layers/store/Dates.h"
#include "planmap/layers/units/AdminUnits.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planmap::layers::io {

struct UnitLayer {
    std::string name;                     ///< "communes_2025"
    UnitLevel level = UnitLevel::Commune;
    std::string generation;               ///< AdminGeneration key: "pre2025" or "2025"
    std::optional<UnitLevel> parentLevel; ///< level of the parent units
    std::optional<Date> validFrom;        ///< given to imported units
    std::optional<Date> validTo;
    std::string titleVi;
    std::string titleEn;
};

/// The unit layers, in the order above.
const std::vector<UnitLayer>& unitLayers();
/// The unit layer of that name, or nullptr.
const UnitLayer* findUnitLayer(std::string_view name);
/// The unit layer of a unit's level and generation, or nullptr.
const UnitLayer* unitLayerOf(UnitLevel level, std::string_view generation);

/// The generation key for what a user types: "2023" or "pre2025" → "pre2025",
/// "2025" → "2025"; any other existing key is returned as is by callers that
/// check it against AdminUnits::generations(). nullopt for an empty text.
std::optional<std::string> generationKey(std::string_view userText);
/// The year users call a generation by: "pre2025" → "2023", others unchanged.
std::string generationLabel(std::string_view key);

} // namespace planmap::layers::io
