#pragma once

#include "MapLayer.h"

namespace planmap::gui {

/// The style a layer gets when the project has none saved: chosen per layer
/// key (province, districts_2023, communes_2025, villages, forests, markets,
/// projects, roads, facilities); other layers get a plain symbol by kind.
/// Coded categories take their labels from `layer.valueLabels`.
style::LayerStyle defaultStyle(const MapLayer& layer);

} // namespace planmap::gui
