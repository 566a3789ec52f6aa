#pragma once
// Consistency checks of a whole project (planmap-cli validate):
//
//  geometry   every unit and feature geometry is valid (OGC, GEOS); the
//             reason and the location are reported. With `repair`, invalid
//             geometries are repaired with MakeValid in one transaction.
//  crosswalk  every pre-2025 commune maps to at least one 2025 commune; a
//             commune merged "in part" maps to several, one merged "wholly"
//             to exactly one; every 2025 commune has a predecessor.
//  location   a feature lies in the 2025 commune it is assigned to (its
//             representative point); its pre-2025 commune went into that
//             commune; a feature outside every commune is a warning.
//  links      feature-indicator links, allocations, progress entries and
//             funding lines reference existing indicators, units and features.
//  parents    units have a parent of the level above (warning).
//  overlap    units of one layer overlap each other: slivers from digitising
//             (the 2025 communes have some, of hundredths of a hectare up to
//             about one) are warnings; an overlap larger than
//             `overlapErrorShare` of the smaller unit's area is an error.

#include "planmap/geo/Coordinate.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace planmap::layers {
class ProjectStore;
}

namespace planmap::layers::io {

enum class IssueSeverity { Error, Warning };

struct CheckIssue {
    IssueSeverity severity = IssueSeverity::Error;
    std::string check;                ///< geometry, crosswalk, location, links, parents, overlap
    std::string subject;              ///< e.g. "communes_2025 05977 Phường Đông Kinh", "markets #12 Chợ Xuân Tình"
    std::string message;
    std::optional<geo::XY> location;  ///< longitude/latitude, where it applies
};

struct CheckOptions {
    bool repair = false;
    double overlapErrorShare = 0.001;  ///< 0.1 %
};

struct CheckReport {
    std::vector<CheckIssue> issues;
    std::vector<std::string> repairs;  ///< what --repair changed, one line per geometry
    std::size_t unitsChecked = 0;
    std::size_t featuresChecked = 0;
    std::size_t crosswalkLinks = 0;

    std::size_t errorCount() const;
    std::size_t warningCount() const;
};

/// Runs every check. With options.repair, writes the repaired geometries
/// (one transaction) before reporting; issues then list what remains.
CheckReport checkProject(ProjectStore& store, const CheckOptions& options = {});

} // namespace planmap::layers::io
