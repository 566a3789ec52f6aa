// Underserved villages: distances against brute force, the need score and its
// breakdown, ranking, filters, summaries, planned works, illustrative flags,
// cancellation and progress, and the same figures through a project store and
// the CSV / XLSX / GeoPackage exports.

#include "planmap/layers/analysis/ResultExport.h"
#include "planmap/layers/analysis/Underserved.h"

#include "store_test_support.h"

#include "planmap/geo/Geodesic.h"
#include "planmap/geo/VectorReader.h"

#include <gtest/gtest.h>

#include <atomic>
#include <random>

using namespace planmap::layers;
using namespace planmap::layers::analysis;
namespace geo = planmap::geo;
namespace st = planmap::layers::testing;

namespace {

double uniform(std::mt19937_64& rng, double lo, double hi) {
    return lo + (hi - lo) * (double(rng() >> 11) * (1.0 / 9007199254740992.0));
}

AccessInputs randomInputs(std::uint64_t seed, std::size_t villages, std::size_t perService, std::size_t roads) {
    std::mt19937_64 rng(seed);
    AccessInputs in;
    for (std::size_t i = 0; i < villages; ++i) {
        VillageInput v;
        v.id = std::int64_t(i + 1);
        v.name = "Thôn MH-" + std::to_string(i + 1);
        v.lon = uniform(rng, 106.1, 107.4);
        v.lat = uniform(rng, 21.3, 22.5);
        v.dbkk = rng() % 3 == 0;
        v.ethnicArea = int(1 + rng() % 3);
        v.commune = UnitRef{std::int64_t(1000 + i % 7), "0" + std::to_string(1000 + i % 7), "Xã " + std::to_string(i % 7)};
        v.district = UnitRef{std::int64_t(100 + i % 3), std::to_string(178 + i % 3), "Huyện " + std::to_string(i % 3)};
        in.villages.push_back(std::move(v));
    }
    std::int64_t id = 100000;
    for (const Service s : kPointServices) {
        for (std::size_t i = 0; i < perService; ++i) {
            ServicePoint p;
            p.id = ++id;
            p.layer = "facilities";
            p.name = std::string(serviceKey(s)) + "-" + std::to_string(i);
            p.lon = uniform(rng, 106.1, 107.4);
            p.lat = uniform(rng, 21.3, 22.5);
            in.servicePoints(s).push_back(std::move(p));
        }
    }
    for (std::size_t i = 0; i < roads; ++i) {
        RoadLine r;
        r.id = ++id;
        r.layer = "roads";
        r.name = "Đường " + std::to_string(i);
        r.hardened = i % 2 == 0;
        double lon = uniform(rng, 106.1, 107.4), lat = uniform(rng, 21.3, 22.5);
        for (int v = 0; v < 5; ++v) {
            r.lonLat.push_back(lon);
            r.lonLat.push_back(lat);
            lon = std::clamp(lon + uniform(rng, -0.03, 0.03), 106.1, 107.4);
            lat = std::clamp(lat + uniform(rng, -0.03, 0.03), 21.3, 22.5);
        }
        in.roads.push_back(std::move(r));
    }
    return in;
}

} // namespace

TEST(Underserved, DistancesAgreeWithBruteForce) {
    const AccessInputs in = randomInputs(7, 300, 40, 60);
    UnderservedSettings settings;
    settings.network = NetworkMode::Off;
    const UnderservedResult r = analyzeUnderserved(in, settings);
    ASSERT_EQ(r.villages.size(), in.villages.size());
    const geo::Geodesic geodesic;
    std::map<std::int64_t, const VillageInput*> byId;
    for (const VillageInput& v : in.villages) byId[v.id] = &v;
    for (const VillageNeed& need : r.villages) {
        const VillageInput& v = *byId.at(need.id);
        for (const Service s : kPointServices) {
            double best = std::numeric_limits<double>::infinity();
            std::int64_t bestId = 0;
            for (const ServicePoint& p : in.servicePoints(s)) {
                const double d = geodesic.distance(v.lon, v.lat, p.lon, p.lat);
                if (d < best) {
                    best = d;
                    bestId = p.id;
                }
            }
            ASSERT_TRUE(need.distance(s).straightLineM.has_value());
            EXPECT_EQ(*need.distance(s).straightLineM, best);
            EXPECT_EQ(need.distance(s).nearestId, bestId);
        }
        double bestRoad = std::numeric_limits<double>::infinity();
        for (const RoadLine& road : in.roads)
            if (road.hardened) bestRoad = std::min(bestRoad, geodesic.distanceTo(v.lon, v.lat, geo::Geometry::lineString(road.lonLat)));
        EXPECT_NEAR(*need.distance(Service::HardenedRoad).straightLineM, bestRoad, 1e-6);
    }
}

TEST(Underserved, ScoreTermsFollowTheSettingsAndAddUpToTheScore) {
    VillageNeed v;
    v.distances[serviceIndex(Service::Market)].straightLineM = 7500.0;        // 1.5 x 5 km
    v.distances[serviceIndex(Service::HealthStation)].straightLineM = 4000.0; // within 5 km: nothing
    v.distances[serviceIndex(Service::School)].straightLineM = 30000.0;       // 10 x 3 km: capped at 3
    // no hardened road at all: weight x cap
    v.dbkk = true;
    v.ethnicArea = 3;
    NeedScoreSettings s;
    s.rule(Service::School).weight = 2.0;
    scoreVillage(v, s);
    std::map<std::string, double> terms;
    double sum = 0.0;
    for (const ScoreTerm& t : v.breakdown) {
        terms[t.key] = t.points;
        sum += t.points;
    }
    EXPECT_DOUBLE_EQ(terms.at("market"), 1.5);
    EXPECT_EQ(terms.count("health_station"), 0u);
    EXPECT_DOUBLE_EQ(terms.at("school"), 2.0 * 3.0);
    EXPECT_DOUBLE_EQ(terms.at("hardened_road"), 1.0 * 3.0);
    EXPECT_DOUBLE_EQ(terms.at("dbkk"), 1.0);
    EXPECT_DOUBLE_EQ(terms.at("ethnic_area"), 1.0);
    EXPECT_DOUBLE_EQ(v.score, sum);
    EXPECT_DOUBLE_EQ(v.score, 1.5 + 6.0 + 3.0 + 1.0 + 1.0);
    // Vietnamese number format in the text.
    EXPECT_NE(v.breakdownText().find("Chợ 7,5 km > 5 km (đường thẳng): +1,5"), std::string::npos) << v.breakdownText();

    v.ethnicArea = 2;
    s.areaIIWeight = 0.25;
    scoreVillage(v, s);
    EXPECT_DOUBLE_EQ(v.score, 1.5 + 6.0 + 3.0 + 1.0 + 0.25);

    s.rule(Service::Market).thresholdMetres = 0.0;
    EXPECT_THROW(s.validate(), AnalysisError);
    s.rule(Service::Market).thresholdMetres = 5000.0;
    s.dbkkWeight = -1.0;
    EXPECT_THROW(s.validate(), AnalysisError);
}

TEST(Underserved, RankedByScoreAndEveryBreakdownAddsUp) {
    const AccessInputs in = randomInputs(11, 500, 30, 40);
    const UnderservedResult r = analyzeUnderserved(in, UnderservedSettings{});
    for (std::size_t i = 0; i < r.villages.size(); ++i) {
        const VillageNeed& v = r.villages[i];
        EXPECT_EQ(v.rank, i + 1);
        if (i > 0) {
            const VillageNeed& u = r.villages[i - 1];
            EXPECT_TRUE(u.score > v.score || (u.score == v.score && u.id < v.id));
        }
        double sum = 0.0;
        for (const ScoreTerm& t : v.breakdown) {
            EXPECT_GT(t.points, 0.0);
            sum += t.points;
        }
        EXPECT_DOUBLE_EQ(v.score, sum);
    }
    // Re-scoring with other weights re-ranks without recomputing distances.
    UnderservedResult copy = r;
    NeedScoreSettings onlyRoads;
    for (const Service s : kServices) onlyRoads.rule(s).weight = s == Service::HardenedRoad ? 1.0 : 0.0;
    onlyRoads.dbkkWeight = onlyRoads.areaIIIWeight = onlyRoads.areaIIWeight = 0.0;
    rescore(copy, onlyRoads);
    for (std::size_t i = 1; i < copy.villages.size(); ++i) {
        const auto d0 = copy.villages[i - 1].distance(Service::HardenedRoad).straightLineM.value_or(1e18);
        const auto d1 = copy.villages[i].distance(Service::HardenedRoad).straightLineM.value_or(1e18);
        if (copy.villages[i].score > 0.0 && copy.villages[i].score < 3.0) EXPECT_GE(d0, d1);
    }
}

TEST(Underserved, SameResultOnOneOrSeveralThreads) {
    const AccessInputs in = randomInputs(3, 2000, 50, 80);
    RunControl one;
    one.threads = 1;
    RunControl four;
    four.threads = 4;
    const UnderservedResult a = analyzeUnderserved(in, UnderservedSettings{}, one);
    const UnderservedResult b = analyzeUnderserved(in, UnderservedSettings{}, four);
    ASSERT_EQ(a.villages.size(), b.villages.size());
    for (std::size_t i = 0; i < a.villages.size(); ++i) {
        EXPECT_EQ(a.villages[i].id, b.villages[i].id);
        EXPECT_EQ(a.villages[i].score, b.villages[i].score);
        for (const Service s : kServices) {
            EXPECT_EQ(a.villages[i].distance(s).straightLineM, b.villages[i].distance(s).straightLineM);
            EXPECT_EQ(a.villages[i].distance(s).networkM, b.villages[i].distance(s).networkM);
        }
    }
}

TEST(Underserved, FiltersAndSummariesCountVillagesBeyondEachThreshold) {
    const AccessInputs in = randomInputs(5, 400, 20, 30);
    const UnderservedResult r = analyzeUnderserved(in, UnderservedSettings{});
    VillageFilter f;
    f.districtId = 101;
    const UnderservedResult d = filterVillages(r, f);
    EXPECT_FALSE(d.villages.empty());
    for (const VillageNeed& v : d.villages) EXPECT_EQ(v.district.id, 101);

    const auto summary = summarize(r, SummaryLevel::Commune2025);
    ASSERT_EQ(summary.size(), 7u);
    std::size_t total = 0;
    for (const ThresholdSummary& s : summary) {
        total += s.villages;
        std::size_t beyondMarket = 0;
        for (const VillageNeed& v : r.villages)
            if (v.commune.id == s.unit.id && v.distance(Service::Market).straightLineM.value() > 5000.0) ++beyondMarket;
        EXPECT_EQ(s.beyond[serviceIndex(Service::Market)], beyondMarket);
        EXPECT_DOUBLE_EQ(s.share(Service::Market), double(beyondMarket) / double(s.villages));
    }
    EXPECT_EQ(total, r.villages.size());
    EXPECT_EQ(summarize(r, SummaryLevel::District2023).size(), 3u);
}

TEST(Underserved, PlannedWorksCountOnlyWhenAskedAndIllustrativeInputsMarkTheResult) {
    AccessInputs in;
    VillageInput v;
    v.id = 1;
    v.lon = 106.7;
    v.lat = 21.8;
    in.villages.push_back(v);
    ServicePoint planned;
    planned.id = 2;
    planned.lon = 106.71;
    planned.lat = 21.8;
    planned.planned = true;
    in.servicePoints(Service::Market).push_back(planned);
    ServicePoint far;
    far.id = 3;
    far.lon = 106.9;
    far.lat = 21.8;
    far.illustrative = true;
    in.servicePoints(Service::Market).push_back(far);

    const UnderservedResult now = analyzeUnderserved(in, UnderservedSettings{});
    EXPECT_EQ(now.villages[0].distance(Service::Market).nearestId, 3);
    EXPECT_TRUE(now.villages[0].illustrative);
    EXPECT_TRUE(now.illustrative);
    ASSERT_FALSE(now.illustrativeSources.empty());
    UnderservedSettings withPlanned;
    withPlanned.countPlannedWorks = true;
    const UnderservedResult later = analyzeUnderserved(in, withPlanned);
    EXPECT_EQ(later.villages[0].distance(Service::Market).nearestId, 2);

    in.servicePoints(Service::Market)[1].illustrative = false;
    const UnderservedResult real = analyzeUnderserved(in, UnderservedSettings{});
    EXPECT_FALSE(real.illustrative);
    EXPECT_FALSE(real.villages[0].illustrative);
}

TEST(Underserved, ReportsProgressAndCanBeCancelled) {
    const AccessInputs in = randomInputs(13, 3000, 30, 20);
    std::atomic<bool> cancel{false};
    std::size_t reports = 0;
    RunControl control;
    control.cancel = &cancel;
    control.threads = 2;
    control.onProgress = [&](const AnalysisProgress& p) {
        ++reports;
        EXPECT_LE(p.done, p.total);
        EXPECT_FALSE(p.stage.empty());
        // Stop in a stage that has not finished. Mid-stage reports come at most
        // every 40 ms, which a fast machine may never reach, so the stage's
        // opening report (done = 0) is the one that is certain to come.
        if (p.done < p.total) cancel = true;
    };
    EXPECT_THROW(analyzeUnderserved(in, UnderservedSettings{}, control), AnalysisCancelled);
    EXPECT_GT(reports, 0u);

    cancel = true;
    control.onProgress = nullptr;
    EXPECT_THROW(analyzeUnderserved(in, UnderservedSettings{}, control), AnalysisCancelled);

    cancel = false;
    std::size_t finals = 0;
    control.onProgress = [&](const AnalysisProgress& p) { finals += p.done == p.total ? 1 : 0; };
    EXPECT_NO_THROW(analyzeUnderserved(in, UnderservedSettings{}, control));
    EXPECT_GT(finals, 0u);
}

// --- through a project ---------------------------------------------------------------

namespace {

class UnderservedStoreTest : public st::StoreTest {
protected:
    void SetUp() override {
        StoreTest::SetUp();
        auto& units = project().units();
        AdminUnit district;
        district.code = "178";
        district.level = UnitLevel::District;
        district.type = UnitType::District;
        district.generation = std::string(kGenerationPre2025);
        district.name = "Văn Lãng";
        district.fullName = "Huyện Văn Lãng";
        district.geometry = st::wkbBox(106.5, 21.5, 107.0, 22.0);
        districtId = units.insert(district);
        AdminUnit oldCommune = st::commune("06100", "Hoàng Văn Thụ", std::string(kGenerationPre2025));
        oldCommune.parentId = districtId;
        oldCommune.dbkk = true;
        oldCommune.ethnicMinorityArea = 3;
        oldCommuneId = units.insert(oldCommune);
        AdminUnit newCommune = st::commune("06101", "Hoàng Văn Thụ", std::string(kGeneration2025));
        newCommune.geometry = st::wkbBox(106.5, 21.5, 107.0, 22.0);
        newCommuneId = units.insert(newCommune);

        auto& f = project().features();
        Feature a;
        a.layer = "villages";
        a.userKey = "V1";
        a.name = "Bản Pò Khoang";
        a.communeOldId = oldCommuneId;  // new commune and district from the polygons
        a.illustrative = true;
        a.geometry = st::wkbPoint(106.70, 21.80);
        f.insert(a);
        Feature b = a;
        b.userKey = "V2";
        b.name = "Thôn Nà Pàn";
        b.communeOldId.reset();
        b.attributes["dbkk"] = std::int64_t(0);
        b.geometry = st::wkbPoint(106.80, 21.70);
        f.insert(b);

        Feature m;
        m.layer = "markets";
        m.userKey = "M1";
        m.name = "Chợ Na Sầm";
        m.attributes["status"] = std::string("existing");
        m.geometry = st::wkbPoint(106.71, 21.80);
        f.insert(m);
        Feature planned = m;
        planned.userKey = "M2";
        planned.name = "Chợ Xuân Tình";
        planned.attributes["status"] = std::string("new");
        planned.geometry = st::wkbPoint(106.80, 21.71);
        f.insert(planned);
        Feature h;
        h.layer = "facilities";
        h.userKey = "H1";
        h.name = "Trạm y tế xã";
        h.attributes["kind"] = std::string("health_station");
        h.geometry = st::wkbPoint(106.75, 21.75);
        f.insert(h);
        Feature k = h;
        k.userKey = "K1";
        k.name = "Trường mầm non";  // kindergartens are not schools here
        k.attributes["kind"] = std::string("kindergarten");
        k.geometry = st::wkbPoint(106.70, 21.80);
        f.insert(k);
        Feature sc = h;
        sc.userKey = "S1";
        sc.name = "Trường tiểu học";
        sc.attributes["kind"] = std::string("primary_school");
        sc.geometry = st::wkbPoint(106.80, 21.70);
        f.insert(sc);
        Feature road;
        road.layer = "roads";
        road.userKey = "R1";
        road.name = "ĐT 226";
        road.attributes["surface"] = std::string("hardened");
        road.geometry = st::wkbLineString({{106.60, 21.80}, {106.90, 21.80}});
        f.insert(road);
        Feature track = road;
        track.userKey = "R2";
        track.name = "Đường đất";
        track.attributes["surface"] = std::string("unhardened");
        track.geometry = st::wkbLineString({{106.80, 21.80}, {106.80, 21.70}});
        f.insert(track);
    }
    std::int64_t districtId = 0, oldCommuneId = 0, newCommuneId = 0;
};

} // namespace

TEST_F(UnderservedStoreTest, LoadsVillagesServicesAndRoadsFromTheProject) {
    const AccessInputs in = loadAccessInputs(project());
    ASSERT_EQ(in.villages.size(), 2u);
    const VillageInput& a = in.villages[0];
    EXPECT_EQ(a.name, "Bản Pò Khoang");
    EXPECT_EQ(a.communeOld.id, oldCommuneId);
    EXPECT_EQ(a.commune.id, newCommuneId);      // from the 2025 polygon
    EXPECT_EQ(a.district.id, districtId);       // from the old commune's parent
    EXPECT_EQ(a.district.name, "Huyện Văn Lãng");
    EXPECT_EQ(a.dbkk, true);                    // the old commune's flag
    EXPECT_EQ(a.dbkkSource, "xã");
    EXPECT_EQ(a.ethnicArea, 3);
    const VillageInput& b = in.villages[1];
    EXPECT_EQ(b.dbkk, false);                   // the village's own flag
    EXPECT_EQ(b.dbkkSource, "thôn");
    EXPECT_EQ(b.district.id, districtId);       // from the district polygon

    ASSERT_EQ(in.servicePoints(Service::Market).size(), 2u);
    EXPECT_FALSE(in.servicePoints(Service::Market)[0].planned);
    EXPECT_TRUE(in.servicePoints(Service::Market)[1].planned);
    EXPECT_EQ(in.servicePoints(Service::HealthStation).size(), 1u);
    ASSERT_EQ(in.servicePoints(Service::School).size(), 1u);
    EXPECT_EQ(in.servicePoints(Service::School)[0].name, "Trường tiểu học");
    ASSERT_EQ(in.roads.size(), 2u);
    EXPECT_TRUE(in.roads[0].hardened);
    EXPECT_FALSE(in.roads[1].hardened);

    const UnderservedResult r = analyzeUnderserved(in, UnderservedSettings{});
    // The track meets the highway in the highway's interior, not at one of its
    // end points: no junction, so no network distances.
    EXPECT_FALSE(r.network.computed);
    EXPECT_EQ(r.network.junctions, 0u);
    EXPECT_FALSE(r.villages[0].distance(Service::Market).networkM.has_value());
}

TEST_F(UnderservedStoreTest, ExportsCsvXlsxAndGeoPackageWithTheSameFigures) {
    const UnderservedResult r = analyzeUnderserved(loadAccessInputs(project()), UnderservedSettings{});
    const ResultTables tables = toTables(r);
    for (const char* name : {"out.csv", "out.xlsx", "out.gpkg"}) {
        const auto path = dir.file(name);
        exportTables(path, tables);
        ASSERT_TRUE(std::filesystem::exists(path)) << name;
        geo::VectorReader reader(path);
        geo::VectorLayer layer = reader.layer(std::string(name) == "out.csv" ? 0 : 0);
        if (std::string(name) != "out.csv") {
            const auto names = reader.layerNames();
            EXPECT_NE(std::find(names.begin(), names.end(), "thong_tin"), names.end()) << name;
            EXPECT_NE(std::find(names.begin(), names.end(), "summary_district_2023"), names.end()) << name;
            layer = reader.layer("underserved_villages");
        }
        EXPECT_EQ(layer.featureCount(), 2) << name;
        const int score = layer.fieldIndex("score"), village = layer.fieldIndex("village"),
                  ill = layer.fieldIndex("illustrative"), market = layer.fieldIndex("market_m");
        ASSERT_GE(score, 0) << name;
        ASSERT_GE(village, 0) << name;
        ASSERT_GE(ill, 0) << name;
        ASSERT_GE(market, 0) << name;
        const auto features = layer.readAll();
        for (std::size_t i = 0; i < features.size(); ++i) {
            const VillageNeed& v = r.villages[i];
            EXPECT_EQ(geo::toString(features[i].values[std::size_t(village)]), v.name) << name;
            EXPECT_NEAR(std::stod(geo::toString(features[i].values[std::size_t(score)])), v.score, 1e-3) << name;
            EXPECT_NEAR(std::stod(geo::toString(features[i].values[std::size_t(market)])),
                        *v.distance(Service::Market).straightLineM, 0.051) << name;
            EXPECT_EQ(geo::toString(features[i].values[std::size_t(ill)]), v.illustrative ? "1" : "0") << name;
        }
    }
    EXPECT_THROW(exportTables(dir.file("out.shp"), tables), AnalysisError);
    // Nothing is left behind by a failed export.
    EXPECT_THROW(exportTables(dir.file("missing-folder/out.xlsx"), tables), AnalysisError);
    EXPECT_FALSE(std::filesystem::exists(dir.file("missing-folder")));
}
