#pragma once

#include "ProjectData.h"

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>

namespace planmap::layers { class ProjectStore; }

namespace planmap::gui {

/// A .planmap project file through the project store: its map layers as
/// layers/project lays them out for every view (layers::project::projectLayers,
/// with the settings saved in the file), the store's search over units and
/// features, and for a feature its units (old and new) and linked plan
/// indicators with their latest progress.
class StoreProjectData : public ProjectData {
public:
    enum class Access {
        Auto,     ///< read-only when the file or its folder cannot be written
        ReadOnly,
    };
    /// Opens the project; throws layers::StoreError (names the file) on failure.
    explicit StoreProjectData(const std::filesystem::path& file, Access access = Access::Auto);
    ~StoreProjectData() override;

    QString name() const override;
    QString path() const override;
    std::vector<MapLayer> layers() const override;
    bool hasLayerSettings() const override;
    bool saveLayerSettings(const std::vector<layers::project::LayerSetting>& settings) override;
    void clearLayerSettings() override;
    bool isReadOnly() const override;
    std::vector<SearchHit> search(const QString& text, int limit) const override;
    FeatureDetails details(const MapLayer& layer, qint64 featureId) const override;

    layers::ProjectStore& store() const { return *store_; }
    /// The units an administrative unit belongs to (its parents up to the
    /// province, with the validity of its generation) and the reorganisation
    /// of 01/7/2025 (what it was formed from, or went into), as identify lists
    /// them for a unit of the map.
    std::vector<UnitLink> unitLinks(std::int64_t unitId) const;

    /// Layer keys of the administrative units on the map.
    static constexpr const char* kProvinceLayer = "province";
    static constexpr const char* kDistrictsLayer = "districts_2023";
    static constexpr const char* kCommunesLayer = "communes_2025";

private:
    /// True when the layer_settings table can be written.
    bool settingsWritable() const;
    /// Ids of the units of a unit layer that have a geometry (read once).
    const std::set<std::int64_t>& unitsWithGeometry(const std::string& unitLayer) const;
    QString unitDisplayName(std::int64_t unitId) const;
    void addUnitChain(std::int64_t unitId, const QString& generationLabel, std::vector<UnitLink>& out) const;
    void addIndicators(std::optional<std::int64_t> unitId, std::optional<std::int64_t> featureId,
                       std::optional<std::int64_t> allocationUnitId, std::vector<IndicatorRow>& out) const;

    std::unique_ptr<layers::ProjectStore> store_;
    /// Settings that could not be written (read-only project): they apply
    /// until the project is closed.
    std::optional<std::vector<layers::project::LayerSetting>> memorySettings_;
    mutable std::map<std::string, std::set<std::int64_t>> unitsWithGeometry_;
};

} // namespace planmap::gui
