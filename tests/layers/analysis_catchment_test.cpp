// Market catchments: villages within the radius of each market against brute
// force, unserved villages, what-if of a candidate and of planned markets, and
// the ranking / greedy choice of candidate points.

#include "planmap/layers/analysis/Catchment.h"
#include "planmap/layers/analysis/ResultExport.h"

#include "planmap/geo/Geodesic.h"

#include <gtest/gtest.h>

#include <random>
#include <set>

using namespace planmap::layers::analysis;
namespace geo = planmap::geo;

namespace {

double uniform(std::mt19937_64& rng, double lo, double hi) {
    return lo + (hi - lo) * (double(rng() >> 11) * (1.0 / 9007199254740992.0));
}

VillageInput village(std::int64_t id, double lon, double lat, std::int64_t population = 100) {
    VillageInput v;
    v.id = id;
    v.name = "MH-" + std::to_string(id);
    v.lon = lon;
    v.lat = lat;
    v.population = population;
    return v;
}

ServicePoint market(std::int64_t id, double lon, double lat, bool planned = false) {
    ServicePoint p;
    p.id = id;
    p.layer = "markets";
    p.name = "Chợ " + std::to_string(id);
    p.lon = lon;
    p.lat = lat;
    p.planned = planned;
    return p;
}

/// About `metres` of longitude at 21.8° N.
double east(double metres) { return metres / 103400.0; }

} // namespace

TEST(Catchment, AgreesWithBruteForceOnRandomData) {
    std::mt19937_64 rng(42);
    AccessInputs in;
    for (int i = 0; i < 800; ++i) in.villages.push_back(village(i + 1, uniform(rng, 106.1, 107.4), uniform(rng, 21.3, 22.5)));
    for (int i = 0; i < 25; ++i)
        in.servicePoints(Service::Market).push_back(market(10000 + i, uniform(rng, 106.1, 107.4), uniform(rng, 21.3, 22.5)));
    CatchmentSettings s;
    s.radiusMetres = 6000.0;
    const CatchmentResult r = analyzeCatchments(in, s);
    const geo::Geodesic geodesic;
    ASSERT_EQ(r.markets.size(), 25u);
    std::size_t served = 0;
    for (const MarketCatchment& m : r.markets) {
        std::set<std::int64_t> expected;
        for (const VillageInput& v : in.villages)
            if (geodesic.distance(m.lon, m.lat, v.lon, v.lat) <= s.radiusMetres) expected.insert(v.id);
        std::set<std::int64_t> got;
        for (const CatchmentVillage& v : m.villages) got.insert(v.villageId);
        EXPECT_EQ(got, expected) << m.name;
    }
    for (const VillageMarketAccess& a : r.villages) {
        bool any = false;
        for (const ServicePoint& m : in.servicePoints(Service::Market))
            any = any || geodesic.distance(m.lon, m.lat, a.lon, a.lat) <= s.radiusMetres;
        EXPECT_EQ(a.served, any);
        served += any ? 1 : 0;
    }
    EXPECT_EQ(r.served, served);
    EXPECT_EQ(r.served + r.unserved, in.villages.size());

    // Ranking: every candidate's gain is the brute-force count of unserved villages around it.
    ASSERT_FALSE(r.ranking.empty());
    for (const CandidateGain& g : r.ranking) {
        std::size_t count = 0;
        for (const VillageMarketAccess& a : r.villages)
            if (!a.served && geodesic.distance(g.point.lon, g.point.lat, a.lon, a.lat) <= s.radiusMetres) ++count;
        EXPECT_EQ(g.newlyServed, count) << g.point.label;
        EXPECT_EQ(whatIf(r, g.point).newlyServed, count);
    }
    for (std::size_t i = 1; i < r.ranking.size(); ++i) EXPECT_GE(r.ranking[i - 1].newlyServed, r.ranking[i].newlyServed);
    // Greedy: the first step is the best candidate; gains never grow; no village is counted twice.
    ASSERT_FALSE(r.greedy.empty());
    EXPECT_EQ(r.greedy[0].newlyServed, r.ranking[0].newlyServed);
    std::set<std::int64_t> covered;
    for (std::size_t i = 0; i < r.greedy.size(); ++i) {
        if (i > 0) EXPECT_LE(r.greedy[i].newlyServed, r.greedy[i - 1].newlyServed);
        for (const std::int64_t id : r.greedy[i].villageIds) EXPECT_TRUE(covered.insert(id).second);
    }
}

TEST(Catchment, WhatIfOfAPlannedMarketAndOfAUserPoint) {
    AccessInputs in;
    // A market serving villages 1 and 2; villages 3, 4, 5 far east, around a planned market.
    in.servicePoints(Service::Market).push_back(market(100, 106.70, 21.80));
    in.servicePoints(Service::Market).push_back(market(101, 106.70 + east(20000), 21.80, true));  // e.g. Xuân Tình
    in.villages.push_back(village(1, 106.70 + east(1000), 21.80));
    in.villages.push_back(village(2, 106.70 + east(4900), 21.80));
    in.villages.push_back(village(3, 106.70 + east(19000), 21.80, 300));
    in.villages.push_back(village(4, 106.70 + east(22000), 21.80, 200));
    in.villages.push_back(village(5, 106.70 + east(26000), 21.80, 50));
    CatchmentSettings s;
    s.radiusMetres = 5000.0;
    s.extraCandidates.push_back({"Điểm chọn trên bản đồ", 106.70 + east(24500), 21.80, std::nullopt});
    const CatchmentResult r = analyzeCatchments(in, s);
    EXPECT_EQ(r.markets.size(), 1u);  // the planned market is not in service yet
    EXPECT_EQ(r.markets[0].villages.size(), 2u);
    EXPECT_EQ(r.markets[0].population, 200);
    EXPECT_EQ(r.served, 2u);
    EXPECT_EQ(r.unserved, 3u);
    ASSERT_EQ(r.plannedMarkets.size(), 1u);
    EXPECT_EQ(r.plannedMarkets[0].newlyServed, 2u);  // villages 3 and 4
    EXPECT_EQ(r.plannedMarkets[0].population, 500);
    EXPECT_EQ(r.plannedMarkets[0].point.featureId, 101);
    ASSERT_EQ(r.whatIf.size(), 1u);
    EXPECT_EQ(r.whatIf[0].newlyServed, 2u);          // villages 4 and 5
    EXPECT_EQ(r.whatIf[0].villageIds, (std::vector<std::int64_t>{5, 4}));  // nearest first

    // Counting the planned market as built serves villages 3 and 4.
    s.countPlannedMarkets = true;
    const CatchmentResult later = analyzeCatchments(in, s);
    EXPECT_EQ(later.served, 4u);
    EXPECT_TRUE(later.plannedMarkets.empty());

    // Greedy on unserved villages: village 4's location serves 3, 4 and 5 at once.
    ASSERT_FALSE(r.greedy.empty());
    EXPECT_EQ(r.greedy[0].point.featureId, 4);
    EXPECT_EQ(r.greedy[0].newlyServed, 3u);
    EXPECT_EQ(r.greedy.size(), 1u);

    const ResultTables tables = toTables(r);
    EXPECT_EQ(tables.tables[0].name, "village_market_access");
    EXPECT_EQ(tables.tables[0].rows.size(), 5u);
}

TEST(Catchment, GridCandidatesAndSettingsChecks) {
    AccessInputs in;
    in.servicePoints(Service::Market).push_back(market(100, 106.70, 21.80));
    for (int i = 0; i < 6; ++i) in.villages.push_back(village(i + 1, 106.90 + east(300.0 * i), 21.90));
    CatchmentSettings s;
    s.candidates = CandidateSource::Grid;
    s.gridSpacingMetres = 500.0;
    const CatchmentResult r = analyzeCatchments(in, s);
    ASSERT_FALSE(r.ranking.empty());
    EXPECT_EQ(r.ranking[0].newlyServed, 6u);
    EXPECT_FALSE(r.ranking[0].point.featureId.has_value());

    s.radiusMetres = -1.0;
    EXPECT_THROW(analyzeCatchments(in, s), AnalysisError);
    s.radiusMetres = 5000.0;
    s.gridSpacingMetres = 0.0;
    EXPECT_THROW(analyzeCatchments(in, s), AnalysisError);
}
