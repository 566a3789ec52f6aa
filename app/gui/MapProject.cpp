#include "MapProject.h"

#include "Formats.h"

#include <QHash>

#include <atomic>

#include <algorithm>

namespace planmap::gui {

/// One background switch of the display CRS: the sources to reproject and,
/// once done, their caches (or the error).
struct MapProject::CrsSwitch {
    CrsSwitch(geo::Crs f, geo::Crs c) : from(std::move(f)), crs(std::move(c)) {}
    geo::Crs from;
    geo::Crs crs;
    std::shared_ptr<const geo::Transform> transform;   ///< from → crs, null if PROJ has none
    std::vector<std::shared_ptr<const render::FeatureSource>> sources;
    std::vector<std::shared_ptr<const render::LayerCache>> caches;
    std::atomic<bool> cancelled{false};
    QString error;
};

MapProject::MapProject(QObject* parent) : QObject(parent), crs_(geo::Crs::fromEpsg(9215))
{
    pool_.setMaxThreadCount(1);
}

MapProject::~MapProject()
{
    cancelSwitch();
    pool_.waitForDone();
}

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
    const QString key = layers_[std::size_t(row)].key;
    auto selected = std::find_if(selections_.begin(), selections_.end(),
                                 [&](const LayerSelection& s) { return s.first == key; });
    if (selected != selections_.end()) {
        selections_.erase(selected);
        emit selectionChanged();
    }
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
    cancelSwitch();
    layers_.clear();
    selections_.clear();
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
    cancelSwitch();
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
    try {
        crsChange_ = std::make_shared<const geo::Transform>(previous, crs_);
    } catch (const std::exception&) {
    }
    emit displayCrsChanged(previous);
    crsChange_.reset();
    emit layersChanged();
}

void MapProject::cancelSwitch()
{
    if (switching_) switching_->cancelled = true;
    switching_.reset();
}

void MapProject::switchDisplayCrs(const geo::Crs& crs)
{
    cancelSwitch();
    if (crs == crs_) return;
    auto job = std::make_shared<CrsSwitch>(crs_, crs);
    for (const MapLayer& l : layers_) job->sources.push_back(l.source);
    switching_ = job;
    pool_.start([this, job] {
        try {
            render::LayerCacheOptions options;
            options.computeLabelPoints = true;
            for (const auto& source : job->sources) {
                if (job->cancelled) return;   // superseded: nothing to hand back
                job->caches.push_back(source ? render::LayerCache::build(*source, job->crs, options) : nullptr);
            }
            try {
                job->transform = std::make_shared<const geo::Transform>(job->from, job->crs);
            } catch (const std::exception&) {
                // No operation between them: the view falls back to the full extent.
            }
        } catch (const std::exception& e) {
            job->error = QString::fromUtf8(e.what());
        }
        if (job->cancelled) return;
        QMetaObject::invokeMethod(this, [this, job] { finishSwitch(job); }, Qt::QueuedConnection);
    });
}

void MapProject::finishSwitch(const std::shared_ptr<CrsSwitch>& job)
{
    if (job != switching_ || job->cancelled) return;   // superseded meanwhile
    switching_.reset();
    if (!job->error.isEmpty()) {
        emit displayCrsFailed(job->error);
        return;
    }
    // Layers added or replaced while the caches were built: start again with the current ones.
    bool same = job->sources.size() == layers_.size();
    for (std::size_t i = 0; same && i < layers_.size(); ++i) same = layers_[i].source == job->sources[i];
    if (!same) {
        switchDisplayCrs(job->crs);
        return;
    }
    if (!(job->from == crs_)) job->transform.reset();   // a synchronous switch came in between
    const geo::Crs previous = crs_;
    crs_ = job->crs;
    for (std::size_t i = 0; i < layers_.size(); ++i)
        if (job->caches[i]) layers_[i].cache = job->caches[i];
    crsChange_ = job->transform;
    emit displayCrsChanged(previous);
    crsChange_.reset();
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

const QString& MapProject::selectionLayer() const
{
    static const QString none;
    return selections_.empty() ? none : selections_.front().first;
}

const QSet<qint64>& MapProject::selection() const
{
    static const QSet<qint64> none;
    return selections_.empty() ? none : selections_.front().second;
}

const QSet<qint64>& MapProject::selection(const QString& layerKey) const
{
    static const QSet<qint64> none;
    for (const LayerSelection& s : selections_)
        if (s.first == layerKey) return s.second;
    return none;
}

void MapProject::setLayerSelection(const QString& layerKey, const QSet<qint64>& featureIds)
{
    std::vector<LayerSelection> selections = selections_;
    auto part = std::find_if(selections.begin(), selections.end(),
                             [&](const LayerSelection& s) { return s.first == layerKey; });
    if (part != selections.end()) part->second = featureIds;
    else selections.emplace_back(layerKey, featureIds);
    setSelection(selections);
}

int MapProject::selectedCount() const
{
    int count = 0;
    for (const LayerSelection& s : selections_) count += int(s.second.size());
    return count;
}

namespace {

/// A layer title inside a sentence: "Chợ" → "chợ", but "UBND xã" stays.
QString titleInSentence(const QString& title)
{
    if (title.size() < 2 || !title[0].isUpper() || title[1].isUpper()) return title;
    return title.left(1).toLower() + title.mid(1);
}

} // namespace

QString MapProject::selectionSummary() const
{
    const int total = selectedCount();
    if (total == 0) return {};
    const QString all = tr("Đã chọn %1 đối tượng").arg(formatInteger(total));
    if (selections_.size() < 2) return all;
    QStringList parts;
    for (const auto& [key, ids] : selections_) {
        const MapLayer* l = findLayer(key);
        parts << tr("%1 %2", "count and layer title in the selection summary")
                     .arg(formatInteger(qint64(ids.size())), titleInSentence(l ? l->title : key));
    }
    return tr("%1: %2", "selected total: parts per layer").arg(all, parts.join(QStringLiteral("; ")));
}

void MapProject::setSelection(const QString& layerKey, const QSet<qint64>& featureIds)
{
    setSelection(std::vector<LayerSelection>{{layerKey, featureIds}});
}

void MapProject::setSelection(const std::vector<LayerSelection>& byLayer)
{
    std::vector<LayerSelection> selections;
    for (const LayerSelection& s : byLayer)
        if (!s.second.isEmpty() && !s.first.isEmpty()) selections.push_back(s);
    if (selections == selections_) return;
    selections_ = std::move(selections);
    emit selectionChanged();
}

render::Extent MapProject::selectionExtent() const
{
    render::Extent e;
    for (const auto& [key, ids] : selections_) {
        const MapLayer* l = findLayer(key);
        if (!l || !l->cache) continue;
        for (std::size_t i = 0; i < l->cache->featureCount(); ++i)
            if (ids.contains(l->cache->featureId(i))) e.expand(l->cache->featureBounds(i));
    }
    return e;
}

int featureRow(const render::LayerCache& cache, qint64 id)
{
    for (std::size_t i = 0; i < cache.featureCount(); ++i)
        if (cache.featureId(i) == id) return int(i);
    return -1;
}

} // namespace planmap::gui
