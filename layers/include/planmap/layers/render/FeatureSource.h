#pragma once

#include <QString>
#include <QVariant>

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

namespace planmap::layers::render {

/// One feature as handed to the render cache.
struct SourceFeature {
    std::int64_t id = 0;
    /// OGC WKB (ISO or extended/EWKB, either byte order; Z and M dropped).
    /// Empty = feature without geometry (kept for attributes, never drawn).
    std::span<const std::uint8_t> wkb;
    /// Attribute values in the order of FeatureSource::fieldNames().
    std::span<const QVariant> attributes;
};

/// Where a LayerCache gets its features: the project store, an OGR file,
/// or memory. Implementations must be readable from any thread (one reader
/// at a time is enough).
class FeatureSource {
public:
    virtual ~FeatureSource() = default;
    /// The CRS of the WKB coordinates, in a form geo::Crs accepts
    /// ("EPSG:4326", WKT, PROJ JSON). Geographic CRSs in visualisation order (lon, lat).
    virtual std::string crs() const = 0;
    virtual std::vector<QString> fieldNames() const = 0;
    /// Calls `visit` once per feature. The spans are valid during the call only.
    virtual void forEach(const std::function<void(const SourceFeature&)>& visit) const = 0;
};

/// Features held in memory (tests, synthetic data, results of analyses).
class MemoryFeatureSource : public FeatureSource {
public:
    MemoryFeatureSource(std::string crs, std::vector<QString> fieldNames);

    void add(std::int64_t id, std::vector<std::uint8_t> wkb, std::vector<QVariant> attributes);
    std::size_t size() const { return features_.size(); }

    std::string crs() const override { return crs_; }
    std::vector<QString> fieldNames() const override { return fields_; }
    void forEach(const std::function<void(const SourceFeature&)>& visit) const override;

private:
    struct Stored {
        std::int64_t id;
        std::vector<std::uint8_t> wkb;
        std::vector<QVariant> attributes;
    };
    std::string crs_;
    std::vector<QString> fields_;
    std::vector<Stored> features_;
};

/// Little-endian ISO WKB writers, for tests and synthetic data.
namespace wkb {
std::vector<std::uint8_t> point(double x, double y);
std::vector<std::uint8_t> lineString(std::span<const double> xy);
/// rings[0] = exterior; each ring's xy closed or not (closed on output).
std::vector<std::uint8_t> polygon(const std::vector<std::vector<double>>& rings);
std::vector<std::uint8_t> multiPolygon(const std::vector<std::vector<std::vector<double>>>& polygons);
} // namespace wkb

} // namespace planmap::layers::render
