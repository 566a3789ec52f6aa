#pragma once
// Finding the CRS of coordinates that come without one (a shapefile without
// .prj, a CSV of eastings and northings).
//
// Each candidate (every VN-2000 TM-3 zone in PROJ's database, VN-2000 / UTM
// 48N and 49N, WGS 84) is tried: the sampled coordinates are transformed to
// WGS 84 and tested against the project's area (the province outline with a
// margin of about 5 km). A candidate fits when at least 95 % of the samples
// fall inside. Neighbouring TM-3 zones differ only by their central meridian
// (0.25° to 0.5°, 26 to 52 km at 22° N), so small data sets can fit several;
// then the candidates whose EPSG area of use covers the data are preferred
// (VN-2000 / TM-3 107-15 is defined for Lạng Sơn alone). The result is a
// choice only when exactly one candidate fits (or exactly one fitting
// candidate is meant for the area); otherwise the candidates are listed best
// first for the user to pick.

#include "planmap/geo/Coordinate.h"
#include "planmap/geo/Crs.h"
#include "planmap/geo/Envelope.h"
#include "planmap/geo/Geometry.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace planmap::layers {
class ProjectStore;
}

namespace planmap::layers::importer {

/// The area data of the project is expected in (WGS 84 longitude/latitude).
struct ReferenceArea {
    geo::Geometry area = geo::Geometry::empty(geo::GeometryType::Polygon);  ///< with the margin already added
    std::string description;    ///< "the outline of Tỉnh Lạng Sơn (code 20) with a 5 km margin"
};

/// The project's area: the union of its province outlines (else of its
/// units with geometry), else the area of use of its default CRS; a margin of
/// `marginDegrees` (0.045° ≈ 5 km) is added. nullopt when none of these exists.
std::optional<ReferenceArea> projectReferenceArea(ProjectStore& store, double marginDegrees = 0.045);

struct CrsCandidate {
    geo::Crs crs;
    std::int64_t sampled = 0;
    std::int64_t inside = 0;       ///< samples that fall inside the area
    std::int64_t failed = 0;       ///< samples PROJ could not transform
    bool plausible = false;        ///< its EPSG area of use covers the transformed samples
    geo::Envelope transformedExtent;  ///< of the samples, in WGS 84
    double share() const { return sampled ? static_cast<double>(inside) / static_cast<double>(sampled) : 0.0; }
    /// "EPSG:9215 VN-2000 / TM-3 107-15: 100 % inside (65 of 65)".
    std::string describe() const;
};

struct CrsDetection {
    /// Every candidate tried, best first (by share inside, then plausibility).
    std::vector<CrsCandidate> candidates;
    /// Index into candidates of the one chosen; nullopt when no single one fits.
    std::optional<std::size_t> chosen;
    std::string areaDescription;
    /// What was decided and why (for the user).
    std::string explanation;
    const CrsCandidate* choice() const { return chosen ? &candidates[*chosen] : nullptr; }
};

/// The share of features that counts as "inside".
inline constexpr double kCrsFitShare = 0.95;

/// The default candidates: geo::vn2000Candidates() and WGS 84 (EPSG:4326).
std::vector<geo::Crs> defaultCrsCandidates();

/// Up to `limit` points standing for the geometries (their envelope centres),
/// spread evenly over the list.
std::vector<geo::XY> samplePoints(std::span<const geo::Geometry* const> geometries, std::size_t limit = 2000);

/// Tests each candidate against the area (see the file comment).
CrsDetection detectCrs(std::span<const geo::XY> samples, const ReferenceArea& area,
                       const std::vector<geo::Crs>& candidates = defaultCrsCandidates());

/// Tests one CRS (e.g. the one a file declares) against the area.
CrsCandidate testCrs(std::span<const geo::XY> samples, const ReferenceArea& area, const geo::Crs& crs);

} // namespace planmap::layers::importer
