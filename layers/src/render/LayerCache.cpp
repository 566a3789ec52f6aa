#include "planmap/layers/render/LayerCache.h"

#include "planmap/geo/Transform.h"
#include "planmap/layers/style/FeatureStyle.h"

#include "GeometryOps.h"
#include "PackedRTree.h"
#include "WkbReader.h"

#include <QJsonDocument>

#include <algorithm>
#include <bit>
#include <cmath>
#include <numeric>
#include <thread>

namespace planmap::layers::render {

namespace {

// Tolerance of simplified level k (k >= 1) relative to the layer's size:
// 2e-5 × 4^(k-1) of the larger side. For Lạng Sơn (≈130 km across) that is
// 2.6 m, 10 m, 42 m, 166 m, 666 m: at 1920×1080 the whole province has
// ≈120 m pixels and uses the 42 m level; a commune at 1:25 000 (6.6 m pixels)
// the 2.6 m level.
constexpr double kFirstLevelFraction = 2e-5;
constexpr double kLevelStep = 4.0;
// A level is kept only if it has at least 10 % fewer vertices than the
// previous one (two-point road segments never simplify; no copies of them).
constexpr double kMinLevelGain = 0.9;

Extent ringsBounds(const double* xy, std::size_t n)
{
    Extent e;
    for (std::size_t i = 0; i < n; ++i) e.expand(xy[2 * i], xy[2 * i + 1]);
    return e;
}

} // namespace

LayerCache::LayerCache(geo::Crs displayCrs) : displayCrs_(std::move(displayCrs)) {}
LayerCache::~LayerCache() = default;

int LayerCache::fieldIndex(const QString& name) const
{
    for (std::size_t i = 0; i < fieldNames_.size(); ++i)
        if (fieldNames_[i] == name) return int(i);
    return -1;
}

int LayerCache::levelFor(double maxTolerance) const
{
    int best = 0;
    for (int l = 1; l < levelCount(); ++l)
        if (levels_[std::size_t(l)].tolerance <= maxTolerance) best = l;
    return best;
}

GeometryView LayerCache::geometry(std::size_t feature, int level) const
{
    const Level& l = levels_[std::size_t(level)];
    GeometryView v;
    v.xy = l.xy.data();
    v.ringStart = l.ringStart.data();
    v.firstRing = l.featureRing[feature];
    v.lastRing = l.featureRing[feature + 1];
    return v;
}

void LayerCache::query(const Extent& e, std::vector<std::uint32_t>& out) const
{
    out.clear();
    if (e.isEmpty() || extent_.isEmpty() || !e.intersects(extent_)) return;
    if (e.contains(extent_)) {
        out.reserve(ids_.size());
        for (std::uint32_t i = 0; i < ids_.size(); ++i)
            if (!bounds_[i].isEmpty()) out.push_back(i);
        return;
    }
    index_->query(e, out);
    // Back to feature (= draw) order. Large results go through a bitmap:
    // O(n/64 + k) instead of O(k log k) (a band of a national frame holds
    // half a million road segments).
    const std::size_t n = ids_.size();
    if (out.size() > n / 32) {
        std::vector<std::uint64_t> bits((n + 63) / 64, 0);
        for (std::uint32_t i : out) bits[i >> 6] |= std::uint64_t(1) << (i & 63);
        out.clear();
        for (std::size_t w = 0; w < bits.size(); ++w)
            for (std::uint64_t b = bits[w]; b; b &= b - 1)
                out.push_back(std::uint32_t(w * 64 + std::size_t(std::countr_zero(b))));
    } else {
        std::sort(out.begin(), out.end());
    }
}

std::shared_ptr<const std::vector<std::int32_t>> LayerCache::symbolIndices(const style::FeatureStyle& style) const
{
    const std::string key = QJsonDocument(style.toJson()).toJson(QJsonDocument::Compact).toStdString();
    {
        std::lock_guard lock(symbolMutex_);
        auto it = symbolCache_.find(key);
        if (it != symbolCache_.end()) return it->second;
    }
    auto result = std::make_shared<std::vector<std::int32_t>>(ids_.size(), 0);
    if (style.kind != style::StyleKind::SingleSymbol) {
        const int field = fieldIndex(style.field);
        const QVariant null;
        for (std::size_t i = 0; i < ids_.size(); ++i)
            (*result)[i] = style.symbolIndex(field >= 0 ? columns_[std::size_t(field)][i] : null);
    }
    std::lock_guard lock(symbolMutex_);
    if (symbolCache_.size() >= 32) symbolCache_.clear();  // styles edited interactively: keep it bounded
    symbolCache_.emplace(key, result);
    return result;
}

std::size_t LayerCache::memoryBytes() const
{
    std::size_t bytes = ids_.capacity() * sizeof(std::int64_t) + bounds_.capacity() * sizeof(Extent) +
                        labelPoints_.capacity() * sizeof(QPointF);
    for (const Level& l : levels_)
        bytes += l.xy.capacity() * sizeof(double) +
                 (l.ringStart.capacity() + l.featureRing.capacity()) * sizeof(std::uint32_t);
    for (const auto& c : columns_) bytes += c.capacity() * sizeof(QVariant);
    if (index_) bytes += index_->memoryBytes();
    return bytes;
}

std::shared_ptr<const LayerCache> LayerCache::build(const FeatureSource& source, const geo::Crs& displayCrs,
                                                    const LayerCacheOptions& options)
{
    std::shared_ptr<LayerCache> cache(new LayerCache(displayCrs));
    LayerCache& c = *cache;

    // Which attributes to keep.
    const std::vector<QString> sourceFields = source.fieldNames();
    std::vector<int> keep;
    if (options.fields.empty()) {
        for (std::size_t i = 0; i < sourceFields.size(); ++i) keep.push_back(int(i));
    } else {
        for (const QString& f : options.fields) {
            auto it = std::find(sourceFields.begin(), sourceFields.end(), f);
            if (it == sourceFields.end())
                throw LayerCacheError("render cache: the source has no field '" + f.toStdString() + "'");
            keep.push_back(int(it - sourceFields.begin()));
        }
    }
    for (int k : keep) c.fieldNames_.push_back(sourceFields[std::size_t(k)]);
    c.columns_.resize(keep.size());

    // Read every feature straight into the level-0 arrays.
    Level level0;
    level0.ringStart.push_back(0);
    level0.featureRing.push_back(0);
    std::optional<GeometryKind> kind;
    detail::FlatGeometry flat;
    source.forEach([&](const SourceFeature& f) {
        flat.clear();
        bool has = false;
        try {
            has = detail::readWkb(f.wkb, kind, flat);
        } catch (const detail::WkbError& e) {
            throw LayerCacheError("render cache: feature " + std::to_string(f.id) + ": " + e.what());
        }
        if (!has && kind && !f.wkb.empty()) {
            // Non-empty WKB of another dimension (e.g. a point in a polygon layer)?
            std::optional<GeometryKind> any;
            detail::FlatGeometry probe;
            if (detail::readWkb(f.wkb, any, probe)) {
                ++c.skipped_;
                return;
            }
        }
        c.ids_.push_back(f.id);
        for (std::size_t k = 0; k < keep.size(); ++k) {
            const std::size_t src = std::size_t(keep[k]);
            c.columns_[k].push_back(src < f.attributes.size() ? f.attributes[src] : QVariant());
        }
        level0.xy.insert(level0.xy.end(), flat.xy.begin(), flat.xy.end());
        for (std::uint32_t n : flat.ringSizes) level0.ringStart.push_back(level0.ringStart.back() + n);
        level0.featureRing.push_back(std::uint32_t(level0.ringStart.size() - 1));
        if (level0.xy.size() / 2 > std::numeric_limits<std::uint32_t>::max() / 2)
            throw LayerCacheError("render cache: more than 2 billion vertices in one layer");
    });
    c.kind_ = kind.value_or(GeometryKind::Polygon);
    const std::size_t nFeatures = c.ids_.size();

    // Project every vertex once, in bulk.
    const geo::Crs sourceCrs = geo::Crs::fromUserInput(source.crs());
    if (!(sourceCrs == displayCrs) && !level0.xy.empty()) {
        const geo::Transform t(sourceCrs, displayCrs);
        const std::size_t failed = t.forwardInterleaved(level0.xy.data(), level0.xy.size() / 2);
        if (failed > 0) {
            // Features with vertices outside the display CRS's domain are not drawable.
            Level kept;
            kept.ringStart.push_back(0);
            kept.featureRing.push_back(0);
            for (std::size_t f = 0; f < nFeatures; ++f) {
                const std::uint32_t r0 = level0.featureRing[f], r1 = level0.featureRing[f + 1];
                const std::size_t p0 = level0.ringStart[r0], p1 = level0.ringStart[r1];
                bool ok = true;
                for (std::size_t i = 2 * p0; i < 2 * p1 && ok; ++i) ok = std::isfinite(level0.xy[i]);
                if (ok) {
                    kept.xy.insert(kept.xy.end(), level0.xy.begin() + std::ptrdiff_t(2 * p0),
                                   level0.xy.begin() + std::ptrdiff_t(2 * p1));
                    for (std::uint32_t r = r0; r < r1; ++r)
                        kept.ringStart.push_back(kept.ringStart.back() + (level0.ringStart[r + 1] - level0.ringStart[r]));
                } else {
                    ++c.skipped_;
                }
                kept.featureRing.push_back(std::uint32_t(kept.ringStart.size() - 1));
            }
            level0 = std::move(kept);
        }
    }

    // Feature boxes and the layer extent.
    c.bounds_.resize(nFeatures);
    for (std::size_t f = 0; f < nFeatures; ++f) {
        const std::size_t p0 = level0.ringStart[level0.featureRing[f]];
        const std::size_t p1 = level0.ringStart[level0.featureRing[f + 1]];
        c.bounds_[f] = ringsBounds(level0.xy.data() + 2 * p0, p1 - p0);
        c.extent_.expand(c.bounds_[f]);
    }
    c.levels_.push_back(std::move(level0));

    // Simplified levels of detail.
    if (c.kind_ != GeometryKind::Point && !c.extent_.isEmpty()) {
        const double size = std::max(c.extent_.width(), c.extent_.height());
        double tol = size * kFirstLevelFraction;
        std::vector<double> ringBuf;
        for (int k = 0; k < options.simplifiedLevels; ++k, tol *= kLevelStep) {
            const Level& src = c.levels_.front();  // always simplify the full geometry
            Level l;
            l.tolerance = tol;
            l.ringStart.push_back(0);
            l.featureRing.push_back(0);
            l.xy.reserve(c.levels_.back().xy.size() / 2);
            const bool polygon = c.kind_ == GeometryKind::Polygon;
            for (std::size_t f = 0; f < nFeatures; ++f) {
                for (std::uint32_t r = src.featureRing[f]; r < src.featureRing[f + 1]; ++r) {
                    const double* xy = src.xy.data() + 2 * std::size_t(src.ringStart[r]);
                    const std::size_t n = src.ringStart[r + 1] - src.ringStart[r];
                    if (polygon) {
                        const Extent b = ringsBounds(xy, n);
                        if (std::max(b.width(), b.height()) < tol) continue;  // collapses below the tolerance
                        ringBuf.clear();
                        const std::size_t kept = detail::simplifyDouglasPeucker(xy, n, tol, true, ringBuf);
                        if (kept < 4) continue;  // thinner than the tolerance
                        l.xy.insert(l.xy.end(), ringBuf.begin(), ringBuf.end());
                        l.ringStart.push_back(l.ringStart.back() + std::uint32_t(kept));
                    } else {
                        const std::size_t kept = detail::simplifyDouglasPeucker(xy, n, tol, false, l.xy);
                        l.ringStart.push_back(l.ringStart.back() + std::uint32_t(kept));
                    }
                }
                l.featureRing.push_back(std::uint32_t(l.ringStart.size() - 1));
            }
            if (double(l.xy.size()) > kMinLevelGain * double(c.levels_.back().xy.size())) continue;
            l.xy.shrink_to_fit();
            c.levels_.push_back(std::move(l));
        }
    }

    // Label anchors.
    if (options.computeLabelPoints) {
        c.labelPoints_.resize(nFeatures);
        const Level& l0 = c.levels_.front();
        auto labelPolygon = [&c, &l0](std::size_t f) {
            const Extent& b = c.bounds_[f];
            if (b.isEmpty()) return;
            const double featureSize = std::max(b.width(), b.height());
            // A coarse copy of the feature is plenty to find its pole within 1 %.
            const int lv = c.levelFor(featureSize / 200.0);
            const Level& L = c.levels_[std::size_t(lv)];
            detail::RingSet rings;
            rings.ringStart.push_back(0);
            for (std::uint32_t r = L.featureRing[f]; r < L.featureRing[f + 1]; ++r) {
                const std::size_t p0 = L.ringStart[r], p1 = L.ringStart[r + 1];
                rings.xy.insert(rings.xy.end(), L.xy.begin() + std::ptrdiff_t(2 * p0), L.xy.begin() + std::ptrdiff_t(2 * p1));
                rings.ringStart.push_back(std::uint32_t(rings.xy.size() / 2));
            }
            QPointF pole;
            if (detail::poleOfInaccessibility(rings, featureSize / 100.0, pole)) {
                c.labelPoints_[f] = pole;
            } else {
                // Degenerate at that level: first vertex of the full geometry.
                const std::size_t p0 = l0.ringStart[l0.featureRing[f]];
                c.labelPoints_[f] = QPointF(l0.xy[2 * p0], l0.xy[2 * p0 + 1]);
            }
        };
        auto labelOther = [&c, &l0](std::size_t f) {
            const std::uint32_t r0 = l0.featureRing[f], r1 = l0.featureRing[f + 1];
            if (r0 == r1) return;
            if (c.kind_ == GeometryKind::Point) {
                const std::size_t p = l0.ringStart[r0];
                c.labelPoints_[f] = QPointF(l0.xy[2 * p], l0.xy[2 * p + 1]);
                return;
            }
            // Lines: the point halfway along the longest part.
            double bestLen = -1;
            std::uint32_t bestRing = r0;
            for (std::uint32_t r = r0; r < r1; ++r) {
                double len = 0;
                for (std::size_t i = l0.ringStart[r] + 1; i < l0.ringStart[r + 1]; ++i)
                    len += std::hypot(l0.xy[2 * i] - l0.xy[2 * i - 2], l0.xy[2 * i + 1] - l0.xy[2 * i - 1]);
                if (len > bestLen) {
                    bestLen = len;
                    bestRing = r;
                }
            }
            double half = bestLen / 2, acc = 0;
            const std::size_t s = l0.ringStart[bestRing], e = l0.ringStart[bestRing + 1];
            c.labelPoints_[f] = QPointF(l0.xy[2 * s], l0.xy[2 * s + 1]);
            for (std::size_t i = s + 1; i < e; ++i) {
                const double seg = std::hypot(l0.xy[2 * i] - l0.xy[2 * i - 2], l0.xy[2 * i + 1] - l0.xy[2 * i - 1]);
                if (acc + seg >= half && seg > 0) {
                    const double t = (half - acc) / seg;
                    c.labelPoints_[f] = QPointF(l0.xy[2 * i - 2] + t * (l0.xy[2 * i] - l0.xy[2 * i - 2]),
                                                l0.xy[2 * i - 1] + t * (l0.xy[2 * i + 1] - l0.xy[2 * i - 1]));
                    break;
                }
                acc += seg;
            }
        };
        if (c.kind_ == GeometryKind::Polygon) {
            // Poles are independent per feature: split the work over two threads.
            const unsigned threads = nFeatures > 256 ? std::max(1u, std::min(2u, std::thread::hardware_concurrency())) : 1u;
            std::vector<std::thread> pool;
            for (unsigned t = 1; t < threads; ++t)
                pool.emplace_back([&, t] {
                    for (std::size_t f = t; f < nFeatures; f += threads) labelPolygon(f);
                });
            for (std::size_t f = 0; f < nFeatures; f += threads) labelPolygon(f);
            for (auto& th : pool) th.join();
        } else {
            for (std::size_t f = 0; f < nFeatures; ++f) labelOther(f);
        }
    }

    c.index_ = std::make_unique<PackedRTree>(c.bounds_);
    return cache;
}

} // namespace planmap::layers::render
