#pragma once

#include "planmap/layers/render/FeatureSource.h"
#include "planmap/layers/units/AdminUnits.h"

#include <optional>
#include <string>
#include <vector>

namespace planmap::layers {
class Connection;
}

namespace planmap::layers::render {

/// The features of one layer of the project store (FeatureLayers), in
/// EPSG:4326 as stored. Fields: "name", "illustrative" (bool), "commune_id",
/// then the layer's own fields (all, or those asked for). Uses the
/// connection only inside forEach(); a Connection is not thread-safe, so a
/// cache built in a background thread needs that thread's own connection.
class FeatureLayerSource : public FeatureSource {
public:
    FeatureLayerSource(Connection& connection, std::string layer, std::vector<std::string> fields = {});

    std::string crs() const override { return "EPSG:4326"; }
    std::vector<QString> fieldNames() const override;
    void forEach(const std::function<void(const SourceFeature&)>& visit) const override;

private:
    Connection& connection_;
    std::string layer_;
    std::vector<std::string> fields_;  // the layer's own fields read
};

/// Administrative units of one level (and generation) with their
/// polygons, in EPSG:4326. Fields: "code", "name", "full_name",
/// "ethnic_minority_area" (1–3), "dbkk", "atk", "border" (bools; null when
/// unknown), "illustrative". Ids are admin_units ids.
class AdminUnitSource : public FeatureSource {
public:
    AdminUnitSource(Connection& connection, UnitLevel level, std::optional<std::string> generation = std::nullopt);

    std::string crs() const override { return "EPSG:4326"; }
    std::vector<QString> fieldNames() const override;
    void forEach(const std::function<void(const SourceFeature&)>& visit) const override;

private:
    Connection& connection_;
    UnitLevel level_;
    std::optional<std::string> generation_;
};

} // namespace planmap::layers::render
