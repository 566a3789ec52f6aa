#pragma once
// Finds the unit (of one level and generation) a geometry lies in, with an
// STRtree over the units' envelopes and prepared geometries (private to
// planmap_layers).

#include "planmap/geo/Geometry.h"
#include "planmap/geo/PreparedGeometry.h"
#include "planmap/geo/SpatialIndex.h"
#include "planmap/layers/units/AdminUnits.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace planmap::layers::io::detail {

class UnitLocator {
public:
    /// Loads the units of `level` in `generation` that have a geometry.
    UnitLocator(AdminUnits& units, UnitLevel level, const std::string& generation);

    bool empty() const { return entries_.empty(); }
    /// The point that stands for a geometry: itself for a point, else a point
    /// on its surface (GEOS point-on-surface: always inside a polygon).
    static geo::Geometry representativePoint(const geo::Geometry& g);
    /// The unit whose area covers the representative point of `g` (the one
    /// with the lowest code when slightly overlapping units both do).
    std::optional<std::int64_t> locate(const geo::Geometry& g) const;
    /// The unit covering (x, y), if any.
    std::optional<std::int64_t> locate(double x, double y) const;
    /// A loaded unit by id (nullptr if not loaded).
    const AdminUnit* unit(std::int64_t id) const;
    const geo::PreparedGeometry* prepared(std::int64_t id) const;

private:
    struct Entry {
        AdminUnit unit;
        std::unique_ptr<geo::PreparedGeometry> prepared;
    };
    std::vector<Entry> entries_;
    geo::SpatialIndex index_;
};

} // namespace planmap::layers::io::detail
