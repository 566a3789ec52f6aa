#pragma once

#include "MapLayer.h"

#include "planmap/geo/Crs.h"
#include "planmap/geo/Transform.h"
#include "planmap/layers/render/MapRenderer.h"

#include <QObject>
#include <QSet>
#include <QThreadPool>

#include <vector>

namespace planmap::gui {

/// The layers on the map, in panel order (row 0 = drawn on top), the
/// display CRS and the current selection. Owns the layer caches: switching
/// the display CRS rebuilds them, in the calling thread (setDisplayCrs) or
/// in the background (switchDisplayCrs). All widgets (canvas, layer panel,
/// legend, attribute tables) observe one MapProject.
class MapProject : public QObject {
    Q_OBJECT
public:
    explicit MapProject(QObject* parent = nullptr);
    ~MapProject() override;

    int layerCount() const { return int(layers_.size()); }
    const MapLayer& layer(int row) const { return layers_.at(std::size_t(row)); }
    /// Row of the layer with `key`, -1 if none.
    int indexOf(const QString& key) const;
    const MapLayer* findLayer(const QString& key) const;

    /// Adds a layer at `row` (-1 = at the bottom), building its cache in the
    /// display CRS if it has none (or one in another CRS). Throws
    /// render::LayerCacheError when the features cannot be read.
    void addLayer(MapLayer layer, int row = -1);
    /// The layer's cache in the display CRS: its own when it has one there,
    /// else one built from its source (with label points).
    std::shared_ptr<const render::LayerCache> buildCache(const MapLayer& layer) const;
    void removeLayer(int row);
    /// Moves the layer at `from` so that it ends up at row `to`.
    void moveLayer(int from, int to);
    void clear();

    void setVisible(int row, bool visible);
    void setStyle(int row, const style::LayerStyle& style);
    void setOpacity(int row, double opacity);

    const geo::Crs& displayCrs() const { return crs_; }
    /// Reprojects every layer into `crs` (rebuilds the caches) before returning.
    void setDisplayCrs(const geo::Crs& crs);
    /// Starts reprojecting every layer into `crs` on a worker thread and
    /// returns at once; the layers keep their caches in the current CRS
    /// until all new ones are ready, then displayCrsChanged() is emitted (or
    /// displayCrsFailed()). A later call, or setDisplayCrs(), supersedes a
    /// switch still running: it is cancelled and its caches are dropped.
    void switchDisplayCrs(const geo::Crs& crs);
    /// A background switch is running.
    bool isSwitchingCrs() const { return switching_ != nullptr; }
    /// From the previous display CRS to the current one: set while
    /// displayCrsChanged() is emitted (built off the UI thread for a
    /// background switch), null otherwise or when PROJ has no operation.
    const geo::Transform* crsChangeTransform() const { return crsChange_.get(); }

    /// Union of the extents of all layers (display CRS).
    render::Extent fullExtent() const;

    /// The layers to draw at a scale 1:denominator, bottom first: visible,
    /// within their scale range, with a cache.
    std::vector<render::RenderLayer> renderLayers(double scaleDenominator) const;

    // --- selection: features of one layer, or of several at once ---------
    /// Layer key → ids of its selected features.
    using LayerSelection = std::pair<QString, QSet<qint64>>;
    /// The layer of the selection; with several layers, the main one (the
    /// first given to setSelection). Empty when nothing is selected.
    const QString& selectionLayer() const;
    /// The selected features of selectionLayer().
    const QSet<qint64>& selection() const;
    /// Every layer with selected features, the main one first.
    const std::vector<LayerSelection>& selections() const { return selections_; }
    /// Layer `layerKey`'s part of the selection (empty when it has none),
    /// whichever layer is the main one.
    const QSet<qint64>& selection(const QString& layerKey) const;
    /// Replaces the selection by features of one layer.
    void setSelection(const QString& layerKey, const QSet<qint64>& featureIds);
    /// Sets layer `layerKey`'s part of the selection, keeping the other
    /// layers' parts (extending with Ctrl): the main layer stays the main
    /// one unless its part becomes empty; a layer new to the selection
    /// comes last.
    void setLayerSelection(const QString& layerKey, const QSet<qint64>& featureIds);
    /// Replaces the selection by features of several layers, the first the
    /// main one; layers without ids are left out.
    void setSelection(const std::vector<LayerSelection>& byLayer);
    void clearSelection() { setSelection({}, {}); }
    /// Number of selected features over all layers.
    int selectedCount() const;
    /// What the status bar says: the total and, when several layers hold
    /// parts, how many on each (by layer title), e.g. "Đã chọn 3 đối tượng:
    /// 1 chợ; 1 xã, phường (2025); 1 huyện, thành phố (2023)". Empty when
    /// nothing is selected.
    QString selectionSummary() const;
    /// Envelope of the selected features of every layer (display CRS).
    render::Extent selectionExtent() const;

signals:
    /// Layers added, removed, moved or reprojected.
    void layersChanged();
    /// Visibility, style or opacity of the layer at `row` changed.
    void layerChanged(int row);
    /// The display CRS changed (the caches are reprojected). `previous` is
    /// the CRS the view was in until now.
    void displayCrsChanged(const planmap::geo::Crs& previous);
    /// A background switch to another CRS failed; the CRS did not change.
    void displayCrsFailed(const QString& message);
    void selectionChanged();

private:

    struct CrsSwitch;
    void finishSwitch(const std::shared_ptr<CrsSwitch>& job);
    void cancelSwitch();

    std::vector<MapLayer> layers_;
    geo::Crs crs_;
    std::shared_ptr<CrsSwitch> switching_;   ///< the background switch running, if any
    std::shared_ptr<const geo::Transform> crsChange_;
    QThreadPool pool_;
    std::vector<LayerSelection> selections_;
};

/// Index of the cache row of feature `id`, -1 if absent.
int featureRow(const render::LayerCache& cache, qint64 id);

} // namespace planmap::gui
