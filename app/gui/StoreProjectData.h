#pragma once

#include "ProjectData.h"

#include <filesystem>
#include <map>
#include <memory>
#include <set>

namespace planmap::layers { class ProjectStore; }

namespace planmap::gui {

/// A .planmap project file through the project store: the province outline,
/// the districts of 2023, the communes of 2025 and every feature layer, the
/// store's search over units and features, and for a feature its units
/// (old and new) and linked plan indicators with their latest progress.
class StoreProjectData : public ProjectData {
public:
    /// Opens the project; throws layers::StoreError (names the file) on failure.
    explicit StoreProjectData(const std::filesystem::path& file);
    ~StoreProjectData() override;

    QString name() const override;
    QString path() const override;
    std::vector<MapLayer> layers() const override;
    std::vector<SearchHit> search(const QString& text, int limit) const override;
    FeatureDetails details(const MapLayer& layer, qint64 featureId) const override;

    layers::ProjectStore& store() const { return *store_; }

    /// Layer keys of the administrative units on the map.
    static constexpr const char* kProvinceLayer = "province";
    static constexpr const char* kDistrictsLayer = "districts_2023";
    static constexpr const char* kCommunesLayer = "communes_2025";

private:
    MapLayer unitLayer(const void* unitLayer) const;
    /// Ids of the units of a unit layer that have a geometry (read once).
    const std::set<std::int64_t>& unitsWithGeometry(const std::string& unitLayer) const;
    MapLayer featureLayer(const void* info) const;
    QString unitDisplayName(std::int64_t unitId) const;
    void addUnitChain(std::int64_t unitId, const QString& generationLabel, std::vector<UnitLink>& out) const;
    void addIndicators(std::optional<std::int64_t> unitId, std::optional<std::int64_t> featureId,
                       std::optional<std::int64_t> allocationUnitId, std::vector<IndicatorRow>& out) const;

    std::unique_ptr<layers::ProjectStore> store_;
    mutable std::map<std::string, std::set<std::int64_t>> unitsWithGeometry_;
};

} // namespace planmap::gui
