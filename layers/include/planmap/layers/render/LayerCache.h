#pragma once

#include "planmap/layers/render/Extent.h"
#include "planmap/layers/render/FeatureSource.h"
#include "planmap/layers/style/GeometryKind.h"
#include "planmap/geo/Crs.h"

#include <QPointF>
#include <QString>
#include <QVariant>

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace planmap::layers::style { class FeatureStyle; }

namespace planmap::layers::render {

class PackedRTree;

/// Thrown when a cache cannot be built (unreadable WKB, CRS PROJ does not
/// know…). The message names the source feature id.
class LayerCacheError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct LayerCacheOptions {
    /// Attributes to keep for styles and labels (empty = all of the source's).
    std::vector<QString> fields;
    /// Number of simplified levels of detail besides the full geometry.
    int simplifiedLevels = 5;
    /// Set false for layers whose features are never labelled (saves the
    /// pole-of-inaccessibility computation for big polygon layers).
    bool computeLabelPoints = true;
};

/// The coordinates of one feature at one level of detail, flat:
/// ring r (a polygon ring, a line part or a point) holds the points
/// xy[2*ringStart[r]] … xy[2*ringStart[r+1]-1], for r in [firstRing, lastRing).
/// For polygons every ring of every part is listed; filling with the
/// odd-even rule draws holes and parts correctly.
struct GeometryView {
    const double* xy = nullptr;
    const std::uint32_t* ringStart = nullptr;
    std::uint32_t firstRing = 0;
    std::uint32_t lastRing = 0;

    std::uint32_t ringCount() const { return lastRing - firstRing; }
    std::uint32_t pointCount(std::uint32_t r) const { return ringStart[r + 1] - ringStart[r]; }
    const double* ringXY(std::uint32_t r) const { return xy + 2 * std::size_t(ringStart[r]); }
};

/// Features of one layer ready to draw in one display CRS.
///
/// Built once (coordinates projected in bulk through geo::Transform, never
/// per frame) and immutable afterwards, so one cache serves any number of
/// render threads at once. Holds per feature: id, bounding box, attribute
/// values, a label anchor, and the geometry at several levels of detail
/// (level 0 = full; level k = Douglas–Peucker at levelTolerance(k), rings
/// collapsing below the tolerance dropped). A static packed Hilbert R-tree
/// answers extent queries.
class LayerCache {
public:
    /// Reads every feature of `source` and projects it to `displayCrs`
    /// (e.g. geo::Crs::fromEpsg(9215)). The layer's kind is that of its first geometry;
    /// features of another dimension are skipped (counted in skippedFeatures()).
    /// Throws LayerCacheError.
    static std::shared_ptr<const LayerCache> build(const FeatureSource& source, const geo::Crs& displayCrs,
                                                   const LayerCacheOptions& options = {});

    ~LayerCache();
    LayerCache(const LayerCache&) = delete;
    LayerCache& operator=(const LayerCache&) = delete;

    GeometryKind kind() const { return kind_; }
    const geo::Crs& displayCrs() const { return displayCrs_; }
    std::size_t featureCount() const { return ids_.size(); }
    std::size_t skippedFeatures() const { return skipped_; }
    /// Union of the feature boxes (empty if no geometry).
    const Extent& extent() const { return extent_; }

    std::int64_t featureId(std::size_t i) const { return ids_[i]; }
    const Extent& featureBounds(std::size_t i) const { return bounds_[i]; }
    /// A point to hang the label on: pole of inaccessibility of the largest
    /// part (polygons), the point (points), middle of the longest part (lines).
    QPointF labelPoint(std::size_t i) const { return labelPoints_.empty() ? QPointF() : labelPoints_[i]; }

    const std::vector<QString>& fieldNames() const { return fieldNames_; }
    /// Index of a kept field, -1 if absent.
    int fieldIndex(const QString& name) const;
    const QVariant& attribute(std::size_t feature, int field) const { return columns_[field][feature]; }

    int levelCount() const { return int(levels_.size()); }
    /// Simplification tolerance of a level, in display-CRS units (0 for level 0).
    double levelTolerance(int level) const { return levels_[level].tolerance; }
    /// The coarsest level whose tolerance is <= maxTolerance.
    int levelFor(double maxTolerance) const;
    GeometryView geometry(std::size_t feature, int level = 0) const;
    std::size_t vertexCount(int level = 0) const { return levels_[level].xy.size() / 2; }

    /// Indices of the features whose box intersects `e`, ascending (= draw order).
    void query(const Extent& e, std::vector<std::uint32_t>& out) const;

    /// Symbol index (FeatureStyle::symbolIndex) of every feature for `style`,
    /// computed once per distinct style and remembered (thread-safe).
    std::shared_ptr<const std::vector<std::int32_t>> symbolIndices(const style::FeatureStyle& style) const;

    /// Approximate heap size, bytes.
    std::size_t memoryBytes() const;

private:
    explicit LayerCache(geo::Crs displayCrs);
    friend class LayerCacheBuilder;

    struct Level {
        double tolerance = 0.0;
        std::vector<double> xy;
        std::vector<std::uint32_t> ringStart;     // size rings+1
        std::vector<std::uint32_t> featureRing;   // size features+1
    };

    GeometryKind kind_ = GeometryKind::Polygon;
    geo::Crs displayCrs_;
    std::size_t skipped_ = 0;
    Extent extent_;
    std::vector<std::int64_t> ids_;
    std::vector<Extent> bounds_;
    std::vector<QPointF> labelPoints_;
    std::vector<QString> fieldNames_;
    std::vector<std::vector<QVariant>> columns_;
    std::vector<Level> levels_;
    std::unique_ptr<PackedRTree> index_;

    mutable std::mutex symbolMutex_;
    mutable std::unordered_map<std::string, std::shared_ptr<const std::vector<std::int32_t>>> symbolCache_;
};

} // namespace planmap::layers::render
