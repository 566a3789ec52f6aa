#pragma once

#include "planmap/layers/style/GeometryKind.h"
#include "planmap/layers/style/Symbol.h"

#include <QString>

namespace planmap::layers::style {

/// One row of a legend: a symbol patch and its text. Draw the patch with
/// render::drawLegendPatch() so the legend matches the map.
struct LegendItem {
    QString label;
    Symbol symbol;
    GeometryKind kind = GeometryKind::Polygon;
    int symbolIndex = 0;  ///< index into FeatureStyle::symbolAt()
    bool operator==(const LegendItem&) const = default;
};

} // namespace planmap::layers::style
