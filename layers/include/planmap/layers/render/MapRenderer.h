#pragma once

#include "planmap/layers/render/LayerCache.h"
#include "planmap/layers/render/MapViewport.h"
#include "planmap/layers/style/LayerStyle.h"

#include <QColor>
#include <QImage>
#include <QString>

#include <atomic>
#include <memory>
#include <vector>

class QPainter;

namespace planmap::layers::render {

/// One layer to draw: its features (shared, immutable) and how they look.
struct RenderLayer {
    RenderLayer() = default;
    RenderLayer(QString layerName, std::shared_ptr<const LayerCache> layerCache, style::LayerStyle layerStyle = {})
        : name(std::move(layerName)), cache(std::move(layerCache)), style(std::move(layerStyle))
    {
    }

    QString name;
    std::shared_ptr<const LayerCache> cache;
    style::LayerStyle style;
    bool visible = true;
};

struct RenderOptions {
    QColor background = Qt::white;   ///< renderImage(): transparent allowed
    bool antialiasing = true;
    bool drawLabels = true;
    /// renderImage(): threads drawing one frame (1 = the calling thread
    /// only; more than 2 only helps in Bands mode). The image is the same.
    int threads = 1;
    /// How renderImage() shares a frame between threads: Auto splits the
    /// layer stack (lower layers on the frame, upper ones on a transparent
    /// image composited on top) unless one layer holds most of the work, then
    /// it cuts the frame into horizontal bands (each band repeats the
    /// per-feature work, but rasterises only its rows).
    enum class Parallel { Auto, LayerStack, Bands };
    Parallel parallel = Parallel::Auto;
    /// Line and polygon features whose pixel box is smaller than this (on
    /// both sides) are drawn as a single dot, at most one dot per pixel and
    /// layer; further features on a pixel already dotted are skipped.
    double subPixelSize = 1.0;
    /// Polygons reaching further than this many pixels beyond the view are
    /// clipped there, and lines lose their parts wholly beyond it. Large by
    /// default (it only guards the rasteriser against huge coordinates);
    /// vector targets (print) set a few pixels more than the widest stroke,
    /// so that a PDF does not carry the geometry outside its frame.
    double clipMarginPx = 2048.0;
    /// Set to true from another thread to stop; checked every few hundred features.
    const std::atomic<bool>* cancel = nullptr;
};

/// What a render did. In Bands mode a feature crossing bands is counted in each.
struct RenderStats {
    bool cancelled = false;
    std::size_t featuresDrawn = 0;
    std::size_t featuresAsPixel = 0;   ///< sub-pixel features drawn as a dot
    std::size_t featuresSkipped = 0;   ///< sub-pixel fills / duplicate dots not drawn
    std::size_t verticesDrawn = 0;
    std::size_t labelsPlaced = 0;
    std::size_t labelsRejected = 0;
    double milliseconds = 0.0;
    double labelMilliseconds = 0.0;    ///< of which placing and drawing labels
};

/// Draws layers for a viewport. Stateless and re-entrant: any number of
/// renders may run at once in different threads (each on its own QPainter
/// / QImage), sharing the same LayerCaches. Uses QtGui only (no widgets),
/// so the screen, PNG export and print layouts draw the same map.
class MapRenderer {
public:
    /// Draws `layers` (bottom first) for `viewport` on `painter`, whose
    /// device coordinates (under the painter's current transform) are the
    /// viewport's pixels. Sizes in mm and pt use viewport.dpi(). Does not
    /// fill the background. Labels of all layers are placed together after
    /// the geometries (greedy by priority, no overlaps) and drawn on top.
    static RenderStats render(const std::vector<RenderLayer>& layers, const MapViewport& viewport,
                              QPainter& painter, const RenderOptions& options = {});

    /// Renders into a new ARGB32-premultiplied image of viewport.outputSize()
    /// whose DPI is set from the viewport. On cancellation returns the
    /// partial image with stats->cancelled set.
    static QImage renderImage(const std::vector<RenderLayer>& layers, const MapViewport& viewport,
                              const RenderOptions& options = {}, RenderStats* stats = nullptr);
};

} // namespace planmap::layers::render
