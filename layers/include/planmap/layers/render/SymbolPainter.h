#pragma once

#include "planmap/layers/style/GeometryKind.h"
#include "planmap/layers/style/Symbol.h"

#include <QBrush>
#include <QPainterPath>
#include <QPen>
#include <QRectF>

class QPainter;

namespace planmap::layers::render {

/// Millimetres → device pixels at `dpi`.
inline double mmToPixels(double mm, double dpi) { return mm * dpi / 25.4; }

/// The pen of a symbol's stroke at `dpi` (Qt::NoPen for NoStroke).
QPen strokePen(const style::Symbol& s, double dpi);
/// The fill brush (Qt::NoBrush when the fill is fully transparent).
QBrush fillBrush(const style::Symbol& s);
/// The marker outline centred on (0,0), `sizePx` across.
QPainterPath markerPath(style::MarkerShape shape, double sizePx);

/// Draws the legend patch of a symbol in `box` (a square/rectangle for
/// polygons, a line for lines, the marker for points), exactly as the map
/// draws it at `dpi`.
void drawLegendPatch(QPainter& painter, const QRectF& box, const style::Symbol& s,
                     GeometryKind kind, double dpi);

} // namespace planmap::layers::render
