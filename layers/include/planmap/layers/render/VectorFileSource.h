#pragma once

#include "planmap/layers/render/FeatureSource.h"

#include <filesystem>
#include <memory>
#include <string>

namespace planmap::layers::render {

/// Features of one layer of any file GDAL/OGR reads (GeoJSON, GeoPackage,
/// Shapefile…), through geo::VectorReader. Ids are the source's FIDs (the
/// 1-based row when the format has none); attributes become QVariants
/// (integers qlonglong, reals double, text QString, dates QDate/QDateTime).
class VectorFileSource : public FeatureSource {
public:
    /// Opens `path`, layer `layer` (empty: the first). A layer without a CRS
    /// is taken as `fallbackCrs`. Throws geo::IoError.
    explicit VectorFileSource(const std::filesystem::path& path, const std::string& layer = {},
                              const std::string& fallbackCrs = "EPSG:4326");
    ~VectorFileSource() override;

    std::string crs() const override;
    std::vector<QString> fieldNames() const override;
    void forEach(const std::function<void(const SourceFeature&)>& visit) const override;

private:
    struct State;
    std::unique_ptr<State> d_;
};

} // namespace planmap::layers::render
