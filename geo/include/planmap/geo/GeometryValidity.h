#pragma once
// OGC validity of a geometry, and repair that reports what it changed.

#include "planmap/geo/Coordinate.h"
#include "planmap/geo/Geometry.h"

#include <cstddef>
#include <optional>
#include <string>

namespace planmap::geo {

struct ValidityResult {
    bool valid = true;
    std::string reason;           ///< GEOS's reason, e.g. "Self-intersection"; empty if valid
    std::optional<XY> location;   ///< where the problem is, if GEOS says
};

/// OGC validity check (GEOSisValidDetail).
ValidityResult validate(const Geometry& g);

enum class RepairStatus {
    AlreadyValid,  ///< nothing to do; the geometry is returned unchanged
    Repaired,      ///< a valid geometry of the same dimension was made
    Rejected,      ///< repair would empty the geometry or lower its dimension
                   ///< (e.g. a polygon collapsing to lines): no geometry returned
};

/// What repair() found and did, in figures (for localised messages) and as text.
struct RepairReport {
    RepairStatus status = RepairStatus::AlreadyValid;
    std::string problem;            ///< validity reason before repair
    std::optional<XY> location;     ///< where the problem was
    GeometryType typeBefore = GeometryType::GeometryCollection;
    GeometryType typeAfter = GeometryType::GeometryCollection;
    int partsBefore = 0;
    int partsAfter = 0;
    double areaBefore = 0.0;        ///< planar, in coordinate units squared
    double areaAfter = 0.0;
    double lengthBefore = 0.0;      ///< planar; perimeter for polygons
    double lengthAfter = 0.0;
    std::size_t pointsBefore = 0;   ///< vertex count
    std::size_t pointsAfter = 0;
    int droppedParts = 0;           ///< lower-dimension parts left out of the result
    /// English summary, e.g. "Self-intersection at (1 1): polygon split into
    /// 2 parts; area changed from 2 to 1.5; type Polygon→MultiPolygon".
    std::string text;
};

struct RepairResult {
    std::optional<Geometry> geometry;  ///< empty only when the report says Rejected
    RepairReport report;
};

/// Makes a geometry valid with GEOSMakeValid (the "structure" method for
/// polygons, "linework" otherwise) and reports every change. Nothing is
/// dropped silently: if the repaired geometry is empty or of lower dimension
/// the result is Rejected; lower-dimension debris next to a valid result (e.g.
/// a collapsed spike) is left out and counted in droppedParts.
RepairResult repair(const Geometry& g);

} // namespace planmap::geo
