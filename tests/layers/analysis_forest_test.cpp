// Forest hectares: plots split by units (hand-computed 60/40 case, overlapping
// communes, brute force on random plots), overlaps between plots, the mapping
// of plots to the plan's forest indicators, recording progress, cancellation.

#include "planmap/layers/analysis/ForestProtection.h"
#include "planmap/layers/analysis/ResultExport.h"

#include "store_test_support.h"

#include "planmap/geo/Geodesic.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <random>

using namespace planmap::layers;
using namespace planmap::layers::analysis;
namespace geo = planmap::geo;
namespace st = planmap::layers::testing;

namespace {

geo::Geometry box(double minX, double minY, double maxX, double maxY) {
    return geo::Geometry::rectangle(geo::Envelope(minX, minY, maxX, maxY));
}

UnitPolygon unit(std::int64_t id, std::string code, geo::Geometry g) {
    UnitPolygon u;
    u.id = id;
    u.code = std::move(code);
    u.name = "Xã " + u.code;
    u.geometry = std::move(g);
    return u;
}

ForestPlot plot(std::int64_t id, geo::Geometry g) {
    ForestPlot p;
    p.id = id;
    p.key = "L" + std::to_string(id);
    p.geometry = std::move(g);
    return p;
}

double haOf(const geo::Geometry& g) { return geo::Geodesic().areaHectares(g); }

const PlotPiece* pieceIn(const PlotResult& p, std::int64_t unitId) {
    for (const PlotPiece& piece : p.communePieces)
        if (piece.unitId == unitId) return &piece;
    return nullptr;
}

double uniform(std::mt19937_64& rng, double lo, double hi) {
    return lo + (hi - lo) * (double(rng() >> 11) * (1.0 / 9007199254740992.0));
}

} // namespace

TEST(ForestSplit, PlotStraddlingTwoCommunesIsSplitSixtyForty) {
    ForestInputs in;
    in.communes.push_back(unit(1, "06001", box(106.0, 21.0, 106.5, 21.5)));
    in.communes.push_back(unit(2, "06002", box(106.5, 21.0, 107.0, 21.5)));
    // 1 km-ish wide plot: 60 % of its width west of the boundary at 106.5 E.
    in.plots.push_back(plot(10, box(106.494, 21.20, 106.504, 21.21)));
    const ForestResult r = analyzeForest(in);
    const PlotResult& p = r.plots.at(0);
    const double west = haOf(box(106.494, 21.20, 106.5, 21.21));
    const double eastHa = haOf(box(106.5, 21.20, 106.504, 21.21));
    ASSERT_EQ(p.communePieces.size(), 2u);
    // The pieces are the hand-built rectangles (to 1e-7: edges cut straight in
    // lon/lat vs geodesic areas, see ForestProtection.h) and add up exactly.
    EXPECT_NEAR(pieceIn(p, 1)->areaHa, west, 1e-7 * west);
    EXPECT_NEAR(pieceIn(p, 2)->areaHa, eastHa, 1e-7 * eastHa);
    EXPECT_NEAR(pieceIn(p, 1)->areaHa / p.areaHa, 0.6, 1e-4);
    EXPECT_NEAR(pieceIn(p, 2)->areaHa / p.areaHa, 0.4, 1e-4);
    EXPECT_NEAR(p.areaHa, haOf(box(106.494, 21.20, 106.504, 21.21)), 1e-12);
    EXPECT_NEAR(pieceIn(p, 1)->areaHa + pieceIn(p, 2)->areaHa, p.areaHa, 1e-12 * p.areaHa);
    EXPECT_NEAR(p.outsideCommunesHa, 0.0, 1e-9);
    EXPECT_NEAR(r.communes[0].total.ha, west, 1e-7 * west);
    EXPECT_NEAR(r.communes[1].total.ha, eastHa, 1e-7 * eastHa);
}

TEST(ForestSplit, OverlapSliverOfTwoCommunesGoesToTheLowerCodeOnly) {
    // Commune A reaches 106.5, commune B starts at 106.49: they overlap by a strip.
    for (const bool aFirst : {true, false}) {
        ForestInputs in;
        in.communes.push_back(unit(1, aFirst ? "06001" : "06009", box(106.0, 21.0, 106.5, 21.5)));
        in.communes.push_back(unit(2, aFirst ? "06002" : "06003", box(106.49, 21.0, 107.0, 21.5)));
        in.plots.push_back(plot(10, box(106.48, 21.20, 106.52, 21.21)));
        const ForestResult r = analyzeForest(in);
        const PlotResult& p = r.plots.at(0);
        ASSERT_EQ(p.communePieces.size(), 2u);
        const double a = pieceIn(p, 1)->areaHa, b = pieceIn(p, 2)->areaHa;
        EXPECT_NEAR(a + b, p.areaHa, 1e-12 * p.areaHa) << "no double counting";
        const double strip = haOf(box(106.49, 21.20, 106.50, 21.21));
        if (aFirst) {
            EXPECT_NEAR(a, haOf(box(106.48, 21.20, 106.50, 21.21)), 1e-7 * a);
            EXPECT_NEAR(b, haOf(box(106.50, 21.20, 106.52, 21.21)), 1e-7 * b);
        } else {
            EXPECT_NEAR(a, haOf(box(106.48, 21.20, 106.49, 21.21)), 1e-7 * a);
            EXPECT_NEAR(b, haOf(box(106.49, 21.20, 106.52, 21.21)), 1e-7 * b);
        }
        EXPECT_GT(strip, 0.0);
        double total = 0.0;
        for (const UnitForestTotal& u : r.communes) total += u.total.ha;
        EXPECT_NEAR(total, r.total.ha, 1e-12 * total);
    }
}

TEST(ForestSplit, PiecesAgreeWithBruteForceOnRandomPlots) {
    std::mt19937_64 rng(2023);
    ForestInputs in;
    // 4 x 3 communes tiling 106.0-106.4 E, 21.0-21.3 N, with a bay left out (plots there are "outside").
    std::int64_t id = 0;
    for (int i = 0; i < 4; ++i)
        for (int j = 0; j < 3; ++j) {
            if (i == 3 && j == 2) continue;
            ++id;
            in.communes.push_back(unit(id, "0" + std::to_string(6000 + id), box(106.0 + 0.1 * i, 21.0 + 0.1 * j,
                                                                                 106.1 + 0.1 * i, 21.1 + 0.1 * j)));
        }
    in.districts.push_back(unit(100, "178", box(106.0, 21.0, 106.2, 21.3)));
    in.districts.push_back(unit(101, "179", box(106.2, 21.0, 106.4, 21.3)));
    for (int k = 0; k < 300; ++k) {
        const double cx = uniform(rng, 106.0, 106.4), cy = uniform(rng, 21.0, 21.3), r = uniform(rng, 0.002, 0.02);
        std::vector<double> ring;
        for (int v = 0; v < 9; ++v) {
            const double a = 2.0 * M_PI * v / 9.0, f = uniform(rng, 0.6, 1.0);
            ring.push_back(cx + r * f * std::cos(a));
            ring.push_back(cy + r * f * std::sin(a));
        }
        ring.push_back(ring[0]);
        ring.push_back(ring[1]);
        in.plots.push_back(plot(1000 + k, geo::Geometry::polygon(std::vector<std::vector<double>>{ring})));
    }
    ForestSettings settings;
    settings.checkOverlaps = false;
    RunControl control;
    control.threads = 3;
    const ForestResult r = analyzeForest(in, settings, control);
    std::size_t crossing = 0;
    for (std::size_t k = 0; k < in.plots.size(); ++k) {
        const PlotResult& p = r.plots[k];
        // Each piece is the plot's intersection with the commune (GEOS cuts edges
        // straight in lon/lat, the areas are geodesic: agreement to 2e-5 for
        // these 2 km plots; a missed or doubled piece would be off by far more).
        double sum = 0.0;
        for (const UnitPolygon& u : in.communes) {
            const double expected = haOf(in.plots[k].geometry.intersection(u.geometry));
            const PlotPiece* got = pieceIn(p, u.id);
            EXPECT_NEAR(got ? got->areaHa : 0.0, expected, 2e-5 * p.areaHa) << "plot " << p.id << " commune " << u.id;
            sum += got ? got->areaHa : 0.0;
        }
        // Pieces and the part outside add up to the plot exactly.
        EXPECT_NEAR(p.outsideCommunesHa + sum, p.areaHa, 1e-12 * p.areaHa);
        EXPECT_NEAR(p.outsideCommunesHa, p.areaHa - haOf(in.plots[k].geometry.intersection(geo::Geometry::unaryUnion(
                                              [&] { std::vector<geo::Geometry> g; for (const auto& u : in.communes) g.push_back(u.geometry); return g; }()))),
                    2e-5 * p.areaHa);
        double districts = 0.0;
        for (const PlotPiece& piece : p.districtPieces) districts += piece.areaHa;
        EXPECT_NEAR(districts + p.outsideDistrictsHa, p.areaHa, 1e-12 * p.areaHa);
        crossing += p.communePieces.size() > 1 ? 1 : 0;
    }
    EXPECT_GT(crossing, 20u);  // the test really exercises boundary-crossing plots
    EXPECT_GT(r.outsideCommunesHa, 0.0);
}

TEST(ForestOverlaps, ReportsTheOverlapAreaAndTheDoubleCountedHectares) {
    ForestInputs in;
    in.communes.push_back(unit(1, "06001", box(106.0, 21.0, 106.5, 21.5)));
    in.plots.push_back(plot(1, box(106.100, 21.100, 106.110, 21.110)));
    in.plots.push_back(plot(2, box(106.105, 21.105, 106.115, 21.115)));  // overlaps plot 1 by a quarter
    in.plots.push_back(plot(3, box(106.110, 21.100, 106.120, 21.104)));  // touches plot 1 along an edge only
    const ForestResult r = analyzeForest(in);
    ASSERT_TRUE(r.overlapsChecked);
    ASSERT_EQ(r.overlaps.size(), 1u);
    const double overlap = haOf(box(106.105, 21.105, 106.110, 21.110));
    EXPECT_EQ(r.overlaps[0].plotA, 1);
    EXPECT_EQ(r.overlaps[0].plotB, 2);
    EXPECT_NEAR(r.overlaps[0].overlapHa, overlap, 1e-9 * overlap);
    // The union cuts edges where the plots cross: geodesic areas then differ in the 1e-9 range.
    EXPECT_NEAR(r.doubleCountedHa, overlap, 1e-8 * overlap);
    EXPECT_NEAR(r.total.ha - r.doubleCountedHa,
                haOf(box(106.100, 21.100, 106.110, 21.110).unionWith(box(106.105, 21.105, 106.115, 21.115))) +
                    haOf(box(106.110, 21.100, 106.120, 21.104)),
                1e-8 * r.total.ha);

    ForestSettings off;
    off.checkOverlaps = false;
    EXPECT_TRUE(analyzeForest(in, off).overlaps.empty());
}

TEST(ForestIndicators, EachPlotCountsTowardOneIndicatorByLinkOrByTheFirstMatchingRule) {
    ForestInputs in;
    in.communes.push_back(unit(1, "06001", box(106.0, 21.0, 106.5, 21.5)));
    auto add = [&](std::int64_t id, const char* type, const char* origin, const char* holder, std::optional<int> year,
                   std::vector<std::string> links = {}) {
        ForestPlot p = plot(id, box(106.1 + 0.01 * double(id), 21.1, 106.105 + 0.01 * double(id), 21.105));
        p.forestType = type;
        p.origin = origin;
        p.holder = holder;
        p.contractYear = year;
        p.linkedIndicators = std::move(links);
        in.plots.push_back(std::move(p));
    };
    add(1, "protection", "natural", "community", 2018);               // CT03
    add(2, "special_use", "natural", "management_board", 2020);       // CT02
    add(3, "production", "planted", "household", 2023);               // CT05
    add(4, "production", "planted", "household", 2019);               // none
    add(5, "protection", "natural", "household", std::nullopt, {"DA03.1.CT04"});  // linked: CT04
    add(6, "protection", "planted", "enterprise", 2023);              // CT06
    add(7, "protection", "natural", "management_board", std::nullopt);// none: not contracted
    for (const ForestIndicatorRule& rule : defaultForestIndicatorRules()) {
        ForestIndicatorTarget t;
        t.code = rule.indicatorCode;
        t.indicatorId = 500;
        t.year = 2023;
        t.target = 1.0;
        in.indicators[rule.indicatorCode] = t;
    }
    const ForestResult r = analyzeForest(in);
    const std::vector<std::string> expected{"DA03.1.CT03", "DA03.1.CT02", "DA03.1.CT05", "", "DA03.1.CT04", "DA03.1.CT06", ""};
    for (std::size_t i = 0; i < expected.size(); ++i) EXPECT_EQ(r.plots[i].indicatorCode, expected[i]) << "plot " << i + 1;
    EXPECT_EQ(r.plots[4].indicatorBasis, "liên kết");
    EXPECT_EQ(r.plots[0].indicatorBasis, "thuộc tính");
    ASSERT_EQ(r.indicators.size(), 5u);
    for (const IndicatorComparison& c : r.indicators) {
        double ha = 0.0;
        for (const PlotResult& p : r.plots)
            if (p.indicatorCode == c.indicator.code) ha += p.areaHa;
        EXPECT_NEAR(c.computed.ha, ha, 1e-12);
        ASSERT_TRUE(c.percentOfTarget.has_value());
        EXPECT_NEAR(*c.percentOfTarget, 100.0 * ha, 1e-9);
    }
    EXPECT_NEAR(r.communes[0].byIndicator.at("DA03.1.CT03").ha, r.plots[0].areaHa, 1e-12);
    EXPECT_EQ(r.byForestType.at("protection").plots, 4u);

    ForestSettings dup;
    dup.rules.push_back(dup.rules.front());
    EXPECT_THROW(analyzeForest(in, dup), AnalysisError);
}

TEST(ForestAnalysis, CanBeCancelled) {
    ForestInputs in;
    in.communes.push_back(unit(1, "06001", box(106.0, 21.0, 106.5, 21.5)));
    for (int i = 0; i < 500; ++i) in.plots.push_back(plot(i + 1, box(106.1 + 0.0005 * i, 21.1, 106.1004 + 0.0005 * i, 21.1004)));
    std::atomic<bool> cancel{false};
    RunControl control;
    control.cancel = &cancel;
    control.onProgress = [&](const AnalysisProgress& p) {
        if (p.stage.find("lô rừng") != std::string::npos && p.done > 0) cancel = true;
    };
    control.threads = 2;
    EXPECT_THROW(analyzeForest(in, ForestSettings{}, control), AnalysisCancelled);
}

// --- through a project ---------------------------------------------------------------

using ForestStoreTest = st::StoreTest;

TEST_F(ForestStoreTest, FromTheProjectComparedWithThePlanAndRecordedAsProgress) {
    auto& units = project().units();
    AdminUnit a = st::commune("06001", "Tân Thành", std::string(kGeneration2025));
    a.geometry = st::wkbBox(106.0, 21.0, 106.5, 21.5);
    const std::int64_t aId = units.insert(a);
    AdminUnit b = st::commune("06002", "Xuân Long", std::string(kGeneration2025));
    b.geometry = st::wkbBox(106.5, 21.0, 107.0, 21.5);
    const std::int64_t bId = units.insert(b);

    auto& plan = project().plan();
    Indicator ct02 = st::indicatorNode("DA03.1.CT02", "Hỗ trợ khoán bảo vệ rừng đặc dụng, phòng hộ", Aggregation::Sum);
    ct02.spec.unitOfMeasure = "ha";
    ct02.spec.year = 2023;
    ct02.spec.targetValue = 26900.0;
    const std::int64_t ct02Id = plan.insertIndicator(ct02);
    Indicator ct04 = st::indicatorNode("DA03.1.CT04", "Hỗ trợ khoanh nuôi có rừng trồng bổ sung", Aggregation::Sum);
    ct04.spec.targetValue = 646.0;
    const std::int64_t ct04Id = plan.insertIndicator(ct04);

    auto& features = project().features();
    Feature f;
    f.layer = "forests";
    f.userKey = "TK1-K2-L3";
    f.illustrative = true;
    f.attributes["forest_type"] = std::string("protection");
    f.attributes["origin"] = std::string("natural");
    f.attributes["holder"] = std::string("management_board");
    f.attributes["contract_year"] = std::int64_t(2021);
    f.geometry = st::wkbBox(106.494, 21.20, 106.504, 21.21);  // 60/40 across the two communes
    features.insert(f);
    Feature g = f;
    g.userKey = "TK1-K2-L4";
    g.illustrative = false;
    g.geometry = st::wkbBox(106.30, 21.30, 106.31, 21.31);
    const std::int64_t gId = features.insert(g);
    plan.linkFeature(gId, ct04Id);

    const ForestInputs in = loadForestInputs(project());
    ASSERT_EQ(in.plots.size(), 2u);
    EXPECT_EQ(in.plots[1].linkedIndicators, (std::vector<std::string>{"DA03.1.CT04"}));
    EXPECT_EQ(in.labels.at("forest_type").at("protection"), "Rừng phòng hộ");
    ASSERT_EQ(in.communes.size(), 2u);
    const ForestResult r = analyzeForest(in);
    EXPECT_TRUE(r.illustrative);
    ASSERT_EQ(r.indicators.size(), 5u);
    const IndicatorComparison* c02 = nullptr;
    for (const IndicatorComparison& c : r.indicators)
        if (c.indicator.code == "DA03.1.CT02") c02 = &c;
    ASSERT_NE(c02, nullptr);
    EXPECT_TRUE(c02->inCatalogue);
    EXPECT_EQ(c02->indicator.target, 26900.0);
    EXPECT_NEAR(c02->computed.ha, r.plots[0].areaHa, 1e-12);
    EXPECT_TRUE(c02->computed.illustrative);
    std::size_t notInCatalogue = 0;
    for (const IndicatorComparison& c : r.indicators) notInCatalogue += c.inCatalogue ? 0 : 1;
    EXPECT_EQ(notInCatalogue, 3u);

    ForestProgressOptions options;
    options.asOf = makeDate(2023, 12, 31);
    options.author = "test";
    const std::vector<std::int64_t> ids = recordForestProgress(project().progress(), r, options);
    ASSERT_EQ(ids.size(), 3u);  // CT02 in both communes, CT04 in commune A
    ProgressFilter filter;
    filter.indicatorId = ct02Id;
    const auto entries = project().progress().current(filter);
    ASSERT_EQ(entries.size(), 2u);
    double total = 0.0;
    for (const ProgressEntry& e : entries) {
        EXPECT_TRUE(e.illustrative);
        EXPECT_TRUE(e.unitId == aId || e.unitId == bId);
        total += *e.value;
    }
    EXPECT_NEAR(total, r.plots[0].areaHa, 0.011);
    filter.indicatorId = ct04Id;
    const auto linked = project().progress().current(filter);
    ASSERT_EQ(linked.size(), 1u);
    EXPECT_FALSE(linked[0].illustrative);
    EXPECT_EQ(linked[0].unitId, aId);

    // And it exports.
    const ResultTables tables = toTables(r, &in);
    exportTables(dir.file("forest.gpkg"), tables);
    exportTables(dir.file("forest.xlsx"), tables);
    exportTables(dir.file("forest.csv"), tables);
    EXPECT_TRUE(std::filesystem::exists(dir.file("forest.gpkg")));
}
