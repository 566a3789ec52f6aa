#pragma once
// Deriving a unit's outline from its children (e.g. a province from its
// communes): the GEOS unary union of their geometries.

#include <cstdint>
#include <optional>
#include <string>

namespace planmap::layers {
class ProjectStore;
}

namespace planmap::layers::io {

struct OutlineReport {
    std::int64_t children = 0;   ///< children whose geometry went into the union
    int parts = 0;               ///< polygons of the result
    int holes = 0;               ///< interior rings of the result (gaps between children)
    double areaHectares = 0;     ///< geodesic area of the result
    std::string repair;          ///< what MakeValid changed, if the union needed it
};

/// Sets the geometry of unit `unitId` to the union of the geometries of its
/// children (only those of `childGeneration` when given), in one
/// transaction. Throws std::runtime_error when the unit does not exist or no
/// child has a geometry.
OutlineReport deriveOutlineFromChildren(ProjectStore& store, std::int64_t unitId,
                                        const std::optional<std::string>& childGeneration);

} // namespace planmap::layers::io
