#include "MapProject.h"

#include <QHash>

#include <algorithm>

namespace planmap::gui {

MapProject::MapProject(QObject* parent) : QObject(parent), crs_(geo::Crs::fromEpsg(9215)) {}

int MapProject::indexOf(const QString& key) const
{
    for (std::size_t i = 0; i < layers_.size(); ++i)
        if (layers_[i].key == key) return int(i);
    return -1;
}

const MapLayer* MapProject::findLayer(const QString& key) const
{
    const int row = indexOf(key);
    return row < 0 ? nullptr : &layers_[std::size_t(row)];
}

std::shared_ptr<const render::LayerCache> MapProject::buildCache(const MapLayer& layer) const
{
    if (!layer.source) return layer.cache;
    if (layer.cache && layer.cache->displayCrs() == crs_) return layer.cache;
    render::LayerCacheOptions options;
    options.computeLabelPoints = true;
    return render::LayerCache::build(*layer.source, crs_, options);
}

void MapProject::addLayer(MapLayer layer, int row)
{
    layer.cache = buildCache(layer);
    if (row < 0 || row > layerCount()) row = layerCount();
    layers_.insert(layers_.begin() + row, std::move(layer));
    emit layersChanged();
}

void MapProject::removeLayer(int row)
{
    if (row < 0 || row >= layerCount()) return;
    if (layers_[std::size_t(row)].key == selectionLayer_) clearSelection();
    layers_.erase(layers_.begin() + row);
    emit layersChanged();
}

void MapProject::moveLayer(int from, int to)
{
    if (from < 0 || from >= layerCount() || to < 0 || to >= layerCount() || from == to) return;
    MapLayer l = std::move(layers_[std::size_t(from)]);
    layers_.erase(layers_.begin() + from);
    layers_.insert(layers_.begin() + to, std::move(l));
    emit layersChanged();
}

void MapProject::clear()
{
    layers_.clear();
    selectionLayer_.clear();
    selection_.clear();
    emit layersChanged();
    emit selectionChanged();
}

void MapProject::setVisible(int row, bool visible)
{
    if (row < 0 || row >= layerCount() || layers_[std::size_t(row)].visible == visible) return;
    layers_[std::size_t(row)].visible = visible;
    emit layerChanged(row);
}

void MapProject::setStyle(int row, const style::LayerStyle& style)
{
    if (row < 0 || row >= layerCount()) return;
    layers_[std::size_t(row)].style = style;
    emit layerChanged(row);
}

void MapProject::setOpacity(int row, double opacity)
{
    if (row < 0 || row >= layerCount()) return;
    layers_[std::size_t(row)].style.opacity = std::clamp(opacity, 0.0, 1.0);
    emit layerChanged(row);
}

void MapProject::setDisplayCrs(const geo::Crs& crs)
{
    if (crs == crs_) return;
    const geo::Crs previous = crs_;
    crs_ = crs;
    try {
        std::vector<std::shared_ptr<const render::LayerCache>> caches;
        caches.reserve(layers_.size());
        for (const MapLayer& l : layers_) caches.push_back(buildCache(l));
        for (std::size_t i = 0; i < layers_.size(); ++i) layers_[i].cache = caches[i];
    } catch (...) {
        crs_ = previous;
        throw;
    }
    emit displayCrsChanged();
    emit layersChanged();
}

render::Extent MapProject::fullExtent() const
{
    render::Extent e;
    for (const MapLayer& l : layers_)
        if (l.cache) e.expand(l.cache->extent());
    return e;
}

std::vector<render::RenderLayer> MapProject::renderLayers(double scaleDenominator) const
{
    std::vector<render::RenderLayer> out;
    for (auto it = layers_.rbegin(); it != layers_.rend(); ++it) {
        if (!it->visible || !it->cache || !it->style.visibleAtScale(scaleDenominator)) continue;
        out.emplace_back(it->title, it->cache, it->style);
    }
    return out;
}

void MapProject::setSelection(const QString& layerKey, const QSet<qint64>& featureIds)
{
    if (layerKey == selectionLayer_ && featureIds == selection_) return;
    selectionLayer_ = featureIds.isEmpty() ? QString() : layerKey;
    selection_ = featureIds;
    emit selectionChanged();
}

render::Extent MapProject::selectionExtent() const
{
    render::Extent e;
    const MapLayer* l = findLayer(selectionLayer_);
    if (!l || !l->cache) return e;
    for (std::size_t i = 0; i < l->cache->featureCount(); ++i)
        if (selection_.contains(l->cache->featureId(i))) e.expand(l->cache->featureBounds(i));
    return e;
}

int featureRow(const render::LayerCache& cache, qint64 id)
{
    for (std::size_t i = 0; i < cache.featureCount(); ++i)
        if (cache.featureId(i) == id) return int(i);
    return -1;
}

} // namespace planmap::gui
