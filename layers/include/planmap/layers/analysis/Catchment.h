#pragma once
// Market catchments: which villages each market serves (geodesic distance up
// to a user-set radius), which villages no market serves, how many of those a
// candidate market would serve ("what if"), and candidate points ranked by
// how much they reduce the unserved count.
//
// Markets are the Market service of Services.h; planned markets (status
// "new") are left out of the current situation unless countPlannedMarkets,
// and are evaluated as what-if candidates instead. Distances are straight-line
// geodesic metres (GeodesicIndex.h), exact.
//
// Candidate ranking: each candidate's gain is the number of currently
// unserved villages within the radius of it; candidates are ranked by gain
// (then population served, then label). The greedy plan picks the best
// candidate, counts its villages as served, and repeats: the gains of its
// steps are what each additional market adds.

#include "planmap/layers/analysis/AccessInputs.h"
#include "planmap/layers/analysis/AnalysisRun.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace planmap::layers::analysis {

struct CandidatePoint {
    std::string label;                        ///< e.g. "Chợ Xuân Tình (kế hoạch)", "Thôn MH-0123", "Ô lưới 12"
    double lon = 0.0;
    double lat = 0.0;
    std::optional<std::int64_t> featureId;    ///< the planned market or village it stands for
};

enum class CandidateSource {
    UnservedVillages,  ///< each unserved village's location
    Grid,              ///< a grid over the unserved villages (gridSpacingMetres)
    Both
};

struct CatchmentSettings {
    double radiusMetres = 5000.0;
    bool countPlannedMarkets = false;
    CandidateSource candidates = CandidateSource::UnservedVillages;
    double gridSpacingMetres = 2000.0;
    std::size_t maxRanked = 20;      ///< candidates kept in the ranking
    std::size_t greedySteps = 10;    ///< markets chosen one after another (0 = none)
    /// Also evaluated (and listed under whatIf), e.g. a point the user clicked.
    std::vector<CandidatePoint> extraCandidates;
};

struct CatchmentVillage {
    std::int64_t villageId = 0;
    double distanceMetres = 0.0;
};

struct MarketCatchment {
    std::int64_t marketId = 0;
    std::string name;
    std::string layer;
    double lon = 0.0;
    double lat = 0.0;
    bool planned = false;
    bool illustrative = false;
    std::vector<CatchmentVillage> villages;  ///< within the radius, nearest first
    std::int64_t population = 0;             ///< of those villages (where known)
};

/// One village's market access.
struct VillageMarketAccess {
    std::int64_t villageId = 0;
    std::string name;
    UnitRef commune;
    UnitRef district;
    double lon = 0.0;
    double lat = 0.0;
    std::optional<std::int64_t> population;
    std::optional<double> nearestMarketMetres;
    std::optional<std::int64_t> nearestMarketId;
    std::size_t marketsWithinRadius = 0;
    bool served = false;
    bool illustrative = false;
};

struct CandidateGain {
    CandidatePoint point;
    std::size_t newlyServed = 0;             ///< unserved villages within the radius
    std::int64_t population = 0;             ///< their population (where known)
    std::vector<std::int64_t> villageIds;    ///< those villages, nearest first
    bool illustrative = false;
};

struct CatchmentResult {
    CatchmentSettings settings;
    std::vector<MarketCatchment> markets;     ///< markets in service (by id)
    std::vector<VillageMarketAccess> villages;///< input order
    std::size_t served = 0;
    std::size_t unserved = 0;
    std::vector<CandidateGain> plannedMarkets;///< what-if of every planned market left out
    std::vector<CandidateGain> whatIf;        ///< what-if of settings.extraCandidates
    std::vector<CandidateGain> ranking;       ///< best candidates first
    std::vector<CandidateGain> greedy;        ///< step i adds greedy[i].newlyServed (marginal)
    bool illustrative = false;
    std::vector<std::string> illustrativeSources;
    std::vector<std::string> notes;
};

CatchmentResult analyzeCatchments(const AccessInputs& inputs, const CatchmentSettings& settings,
                                  const RunControl& control = {});

/// How many villages unserved in `result` a market at `point` would serve
/// (exact geodesic distances; any point inside the analysed area).
CandidateGain whatIf(const CatchmentResult& result, const CandidatePoint& point);

} // namespace planmap::layers::analysis
