#pragma once

#include "planmap/layers/render/LayerCache.h"

#include <vector>

namespace planmap::gui {

namespace render = layers::render;

/// Which features of a layer lie under a map point: polygons that contain
/// it (even-odd over all rings, so holes are respected), lines and points
/// within `tolerance` (map units). Rows are returned topmost first (the
/// reverse of the draw order).
std::vector<std::size_t> pickFeatures(const render::LayerCache& cache, double x, double y, double tolerance);

/// Even-odd point-in-polygon over every ring of the feature's geometry.
bool polygonContains(const render::GeometryView& g, double x, double y);
/// Smallest distance from the point to the feature's lines / points.
double distanceTo(const render::GeometryView& g, double x, double y);

} // namespace planmap::gui
