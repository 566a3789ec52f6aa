#pragma once
// Underserved villages: for every village the geodesic distance to the
// nearest market, health station, school and hardened road, the distance
// along the road network where the roads connect, and a need score the user
// reads and changes.
//
// Distances
//  - straight line: geodesic metres (WGS 84) to the nearest service feature
//    (to the nearest point ON a road, not its nearest vertex), found with the
//    exact search of GeodesicIndex.h;
//  - network (market, health station, school; when the roads layer has lines
//    that meet at their end points): straight-line leg from the village to the
//    nearest point of any road + shortest path along the roads + leg from the
//    road to the service (RoadNetwork.h). Empty when no road path exists.
//  Every figure says which kind it is (ServiceDistance::straightLineM vs
//  networkM, and scoredKind for the one the score used).
//
// Need score (NeedScoreSettings; every term is listed in the breakdown, and
// the terms add up to the score):
//  - per service beyond its threshold: weight x distance / threshold, at most
//    weight x cap (a village 7.5 km from the nearest market with a 5 km
//    threshold and weight 1 gets 1.5); no service of that kind at all: weight x cap;
//  - village (or its commune) đặc biệt khó khăn: + dbkkWeight;
//  - ethnic-minority area khu vực III: + areaIIIWeight; khu vực II: + areaIIWeight.
// Villages are ranked by score (highest first), then by feature id.
//
// Any result computed from illustrative inputs is illustrative and says so
// (VillageNeed::illustrative, UnderservedResult::illustrative).

#include "planmap/layers/analysis/AccessInputs.h"
#include "planmap/layers/analysis/AnalysisRun.h"
#include "planmap/layers/analysis/Services.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace planmap::layers::analysis {

enum class DistanceKind { StraightLine, Network };
/// "đường thẳng" / "theo đường giao thông".
std::string_view distanceKindLabelVi(DistanceKind kind);

struct ServiceRule {
    double thresholdMetres = 5000.0;
    double weight = 1.0;
};

struct NeedScoreSettings {
    /// Indexed by serviceIndex(): market 5 km, health station 5 km, school 3 km, hardened road 1 km.
    std::array<ServiceRule, 4> services{ServiceRule{5000.0, 1.0}, ServiceRule{5000.0, 1.0}, ServiceRule{3000.0, 1.0},
                                        ServiceRule{1000.0, 1.0}};
    /// A service term is at most weight x cap.
    double cap = 3.0;
    double dbkkWeight = 1.0;
    double areaIIIWeight = 1.0;
    double areaIIWeight = 0.5;
    /// Score market/health/school on the network distance when there is one
    /// (else the straight line). Roads are always straight line.
    bool preferNetworkDistance = false;

    [[nodiscard]] ServiceRule& rule(Service s) { return services[serviceIndex(s)]; }
    [[nodiscard]] const ServiceRule& rule(Service s) const { return services[serviceIndex(s)]; }
    /// Throws AnalysisError naming the setting when a threshold is not > 0 or
    /// a weight or the cap is negative or not finite.
    void validate() const;
};

enum class NetworkMode {
    Auto,  ///< network distances when the roads connect
    Off,   ///< straight line only
};

struct UnderservedSettings {
    NeedScoreSettings score;
    NetworkMode network = NetworkMode::Auto;
    /// Count planned works (new markets, projects not completed) as services.
    bool countPlannedWorks = false;
    /// Road end points closer than this are the same network node.
    double snapToleranceMetres = 1.0;
};

struct ServiceDistance {
    std::optional<double> straightLineM;      ///< geodesic metres to the nearest feature
    std::optional<std::int64_t> nearestId;     ///< that feature
    std::string nearestName;
    std::optional<double> networkM;            ///< along the roads, legs included
    std::optional<std::int64_t> networkNearestId;
    std::string networkNearestName;
    DistanceKind scoredKind = DistanceKind::StraightLine;  ///< the figure the score used
    bool illustrative = false;                 ///< the service layer holds illustrative features

    [[nodiscard]] std::optional<double> scoredM() const {
        return scoredKind == DistanceKind::Network ? networkM : straightLineM;
    }
};

/// One term of a score: what contributed how many points, and why.
struct ScoreTerm {
    std::string key;     ///< "market", "health_station", "school", "hardened_road", "dbkk", "ethnic_area"
    std::string labelVi;
    double points = 0.0;
    std::string detail;  ///< e.g. "7,2 km > 5 km (đường thẳng)"
};

struct VillageNeed {
    std::int64_t id = 0;
    std::string name;
    double lon = 0.0;
    double lat = 0.0;
    UnitRef commune;
    UnitRef communeOld;
    UnitRef district;
    std::optional<bool> dbkk;
    std::optional<int> ethnicArea;
    std::optional<std::int64_t> population;
    std::array<ServiceDistance, 4> distances;  ///< indexed by serviceIndex()
    double score = 0.0;
    std::vector<ScoreTerm> breakdown;          ///< only terms with points > 0; they sum to score
    std::size_t rank = 0;                      ///< 1 = most in need
    bool illustrative = false;

    [[nodiscard]] const ServiceDistance& distance(Service s) const { return distances[serviceIndex(s)]; }
    /// "Chợ 7,2 km > 5 km: +1,44; ..." (Vietnamese number format).
    [[nodiscard]] std::string breakdownText() const;
};

struct NetworkSummary {
    bool computed = false;
    std::string note;          ///< why not, or what it is made of
    std::size_t lines = 0;
    std::size_t nodes = 0;
    std::size_t junctions = 0;
    std::size_t components = 0;
};

struct UnderservedResult {
    UnderservedSettings settings;
    std::vector<VillageNeed> villages;  ///< ranked
    NetworkSummary network;
    /// Services available per kind (after the planned-works choice).
    std::array<std::size_t, 4> serviceCounts{};
    bool illustrative = false;
    std::vector<std::string> illustrativeSources;  ///< e.g. "thôn: 1478/1478 minh họa"
    std::vector<std::string> notes;
};

/// Computes distances and scores. Throws AnalysisError for bad settings,
/// AnalysisCancelled when cancelled.
UnderservedResult analyzeUnderserved(const AccessInputs& inputs, const UnderservedSettings& settings,
                                     const RunControl& control = {});

/// The score of one village from its distances and flags (what
/// analyzeUnderserved uses); fills need.score, need.breakdown and the
/// scoredKind of each distance.
void scoreVillage(VillageNeed& need, const NeedScoreSettings& settings);
/// Re-scores and re-ranks a result with new score settings (no distances
/// recomputed: instant for the GUI's sliders).
void rescore(UnderservedResult& result, const NeedScoreSettings& settings);

/// Which villages to keep. Unset members do not filter.
struct VillageFilter {
    std::optional<std::int64_t> districtId;
    std::optional<std::int64_t> communeId;     ///< 2025 commune
    std::optional<std::int64_t> communeOldId;  ///< pre-2025 commune
};
/// A copy of the result with only the villages passing the filter (ranks kept).
UnderservedResult filterVillages(const UnderservedResult& result, const VillageFilter& filter);

enum class SummaryLevel { Commune2025, CommuneOld, District2023 };

/// Villages of one unit beyond each threshold (by the scored distance; a
/// village with no service of a kind at all counts as beyond).
struct ThresholdSummary {
    UnitRef unit;
    std::size_t villages = 0;
    std::array<std::size_t, 4> beyond{};  ///< indexed by serviceIndex()
    double meanScore = 0.0;
    double maxScore = 0.0;
    bool illustrative = false;
    [[nodiscard]] double share(Service s) const {
        return villages == 0 ? 0.0 : double(beyond[serviceIndex(s)]) / double(villages);
    }
};
/// One row per unit (villages without a unit of that level under an empty
/// UnitRef), ordered by unit code then name.
std::vector<ThresholdSummary> summarize(const UnderservedResult& result, SummaryLevel level);

} // namespace planmap::layers::analysis
