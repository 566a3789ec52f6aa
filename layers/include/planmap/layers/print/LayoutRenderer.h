#pragma once

#include "planmap/layers/print/Cartography.h"
#include "planmap/layers/print/Layout.h"
#include "planmap/layers/print/PrintContext.h"

#include <QPointF>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

class QPainter;

namespace planmap::layers::print {

/// Which page is drawn: the unit it is about (nullptr = the province) and
/// its place in the document.
struct PageSpec {
    const PrintUnit* unit = nullptr;
    int number = 1;
    int count = 1;
};

/// One row of a drawn legend.
struct LegendRow {
    QString layerKey;
    QString text;
    bool heading = false;             ///< a layer title above its classes
};

/// What was drawn in one map frame (for tests, the GUI and messages).
struct MapFrameReport {
    QString itemId;
    render::Extent extent;            ///< display CRS, exactly the frame
    double scaleDenominator = 0.0;
    double mapUnitsPerMm = 0.0;
    /// Layers drawn with at least one feature in the frame, top first.
    QStringList layersInView;
    /// Of those, the ones with illustrative rows in the frame.
    QStringList illustrativeLayers;
};

struct ScaleBarReport {
    ScaleBar bar;
    QString mapId;
    /// The bar laid across the frame centre, in display-CRS coordinates:
    /// the ground distance between these points is what the bar claims.
    QPointF mapStart, mapEnd;
};

struct PageReport {
    std::vector<MapFrameReport> maps;
    std::vector<LegendRow> legend;    ///< of every legend item, in order
    std::optional<ScaleBarReport> scaleBar;
    std::optional<double> northAngle; ///< degrees clockwise from grid north
    int gridLines = 0;
    QString notice;                   ///< the illustrative-data notice drawn (empty: none)
    int indicatorRows = 0;            ///< indicator rows drawn (without the header)
    QStringList texts;                ///< the expanded texts of Text items
};

/// Draws layouts. The map frames go through render::MapRenderer with the
/// same layers and styles as the screen; everything else is vector drawing
/// (texts stay text in PDF and SVG).
class LayoutRenderer {
public:
    explicit LayoutRenderer(const PrintContext& context) : ctx_(context) {}

    /// Draws a page of `layout` on `painter`, whose coordinates must be
    /// device pixels at `dpi` with (0,0) at the page's top-left corner.
    PageReport render(const Layout& layout, const PageSpec& page, QPainter& painter, double dpi) const;

    /// The extent (display CRS) a map frame shows on a page, exactly fitted
    /// to the frame's aspect ratio.
    render::Extent frameExtent(const LayoutItem& map, const PageSpec& page) const;

    /// The text of the illustrative notice for the given layer keys and
    /// whether indicator figures rest on illustrative progress.
    QString noticeText(const QStringList& layerKeys, bool illustrativeProgress) const;

private:
    const PrintContext& ctx_;
};

} // namespace planmap::layers::print
