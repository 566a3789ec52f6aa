#pragma once

#include "planmap/geo/Envelope.h"

namespace planmap::layers::render {

/// A rectangle in display-CRS map units (y grows north, unlike QRectF):
/// the geo core's Envelope (minx, miny, maxx, maxy; default = empty).
using Extent = geo::Envelope;

} // namespace planmap::layers::render
