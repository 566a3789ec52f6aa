#include "planmap/layers/io/UnitLayers.h"

namespace planmap::layers::io {

const std::vector<UnitLayer>& unitLayers()
{
    const Date kLastDayBefore2025 = makeDate(2025, 6, 30);
    const Date kFirstDayOf2025 = makeDate(2025, 7, 1);
    static const std::vector<UnitLayer> layers = {
        {"province", UnitLevel::Province, std::string(kGeneration2025), std::nullopt, std::nullopt, std::nullopt,
         "Tỉnh", "Province"},
        {"districts_2023", UnitLevel::District, std::string(kGenerationPre2025), UnitLevel::Province, std::nullopt,
         kLastDayBefore2025, "Huyện (trước 01/7/2025)", "Districts (until 30 June 2025)"},
        {"communes_2025", UnitLevel::Commune, std::string(kGeneration2025), UnitLevel::Province, kFirstDayOf2025,
         std::nullopt, "Xã, phường (từ 01/7/2025)", "Communes (from 1 July 2025)"},
        {"communes_2023", UnitLevel::Commune, std::string(kGenerationPre2025), UnitLevel::District, std::nullopt,
         kLastDayBefore2025, "Xã, phường, thị trấn (trước 01/7/2025)", "Communes (until 30 June 2025)"},
    };
    return layers;
}

const UnitLayer* findUnitLayer(std::string_view name)
{
    for (const UnitLayer& l : unitLayers())
        if (l.name == name) return &l;
    return nullptr;
}

const UnitLayer* unitLayerOf(UnitLevel level, std::string_view generation)
{
    for (const UnitLayer& l : unitLayers())
        if (l.level == level && l.generation == generation) return &l;
    return nullptr;
}

std::optional<std::string> generationKey(std::string_view userText)
{
    if (userText.empty()) return std::nullopt;
    if (userText == "2023" || userText == kGenerationPre2025) return std::string(kGenerationPre2025);
    return std::string(userText);
}

std::string generationLabel(std::string_view key)
{
    if (key == kGenerationPre2025) return "2023";
    return std::string(key);
}

} // namespace planmap::layers::io
