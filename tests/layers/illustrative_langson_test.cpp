// The illustrative generator on the real Lạng Sơn units and plan (read here
// straight from data/langson with GDAL, independently of the CLI's loaders):
// the plan's scale — 1,478 villages of which 1,108 with a hardened road,
// 26,900 + 73,670 + 646 + 6,000 + 700 ha of forest — and the geometric rules.
#include "illustrative_checks.h"

#include "planmap/geo/VectorReader.h"
#include "planmap/layers/illustrative/IllustrativeGenerator.h"

#include <gtest/gtest.h>

#include <chrono>

namespace planmap::layers::testing {
namespace {

namespace il = planmap::layers::illustrative;

const std::filesystem::path kData = PLANMAP_DATA_DIR;

std::string text(const geo::Feature& f, const geo::VectorLayer& layer, const char* column)
{
    const int i = layer.fieldIndex(column);
    if (i < 0) throw std::runtime_error(std::string("no column ") + column + " in " + layer.name());
    return geo::toString(f.values[static_cast<std::size_t>(i)]);
}

std::optional<double> number(const geo::Feature& f, const geo::VectorLayer& layer, const char* column)
{
    const std::string t = text(f, layer, column);
    if (t.empty()) return std::nullopt;
    return std::stod(t);
}

/// A project with the 2025 communes, the 2023 districts and communes, the
/// crosswalk and the plan's indicators.
void buildLangSon(ProjectStore& store)
{
    AdminUnits& units = store.units();
    Transaction transaction(store.connection());
    std::map<std::string, std::int64_t> districts, olds, news;
    {
        geo::VectorReader reader(kData / "districts_2023.geojson");
        geo::VectorLayer layer = reader.layer();
        for (const geo::Feature& f : layer.readAll()) {
            AdminUnit u;
            u.level = UnitLevel::District;
            const auto split = splitUnitName(text(f, layer, "ten"));
            u.type = split ? split->type : UnitType::District;
            u.name = split ? split->name : text(f, layer, "ten");
            u.fullName = text(f, layer, "ten");
            u.code = text(f, layer, "ma_huyen");
            u.generation = std::string(kGenerationPre2025);
            u.geometry = f.geometry->toWkb();
            districts[*u.code] = units.insert(u);
        }
    }
    {
        geo::VectorReader reader(kData / "communes_pre2025_gso.csv");
        geo::VectorLayer layer = reader.layer();
        for (const geo::Feature& f : layer.readAll()) {
            const std::string full = text(f, layer, "Phường Xã");
            const auto split = splitUnitName(full);
            AdminUnit u = commune(text(f, layer, "Mã PX"), split ? split->name : full, std::string(kGenerationPre2025),
                                  split ? split->type : UnitType::Commune);
            u.parentId = districts.at(text(f, layer, "Mã QH"));
            olds[*u.code] = units.insert(u);
        }
    }
    {
        geo::VectorReader reader(kData / "communes_2025.geojson");
        geo::VectorLayer layer = reader.layer();
        for (const geo::Feature& f : layer.readAll()) {
            const std::string full = text(f, layer, "fullName");
            const auto split = splitUnitName(full);
            AdminUnit u = commune(text(f, layer, "code"), split ? split->name : full, std::string(kGeneration2025),
                                  split ? split->type : UnitType::Commune);
            u.geometry = f.geometry->toWkb();
            news[*u.code] = units.insert(u);
        }
    }
    {
        geo::VectorReader reader(kData / "crosswalk_2025_official.csv");
        geo::VectorLayer layer = reader.layer();
        for (const geo::Feature& f : layer.readAll()) {
            CrosswalkLink link;
            link.oldUnitId = olds.at(text(f, layer, "Mã Xã cũ"));
            link.newUnitId = news.at(text(f, layer, "Mã Xã mới"));
            link.kind = text(f, layer, "Ghi chú").find("một phần") != std::string::npos ? CrosswalkKind::Partial
                                                                                     : CrosswalkKind::Whole;
            units.insertCrosswalk(link);
        }
    }
    {
        PlanNode root;
        root.code = "CT";
        root.name = "Chương trình";
        root.level = PlanLevel::Program;
        const std::int64_t rootId = store.plan().insertNode(root);
        geo::VectorReader reader(kData / "plan" / "plan_2023_catalogue.csv");
        geo::VectorLayer layer = reader.layer();
        int ordinal = 0;
        for (const geo::Feature& f : layer.readAll()) {
            if (text(f, layer, "level") != "indicator") continue;
            Indicator i = indicatorNode(text(f, layer, "code"), text(f, layer, "name"),
                                        *parseAggregation(text(f, layer, "aggregation")), rootId);
            i.node.ordinal = ++ordinal;
            i.spec.unitOfMeasure = text(f, layer, "unit");
            i.spec.year = static_cast<int>(*number(f, layer, "year"));
            i.spec.targetValue = number(f, layer, "target");
            i.spec.targetNumerator = number(f, layer, "target_numerator");
            i.spec.targetDenominator = number(f, layer, "target_denominator");
            store.plan().insertIndicator(i);
        }
    }
    transaction.commit();
}

il::Options langSonOptions()
{
    il::Options o;
    o.seed = 59;
    o.indicators = {{il::Role::VillageRoads, "DA04.1.CT02"},
                    {il::Role::CommuneRoads, "DA04.1.CT01"},
                    {il::Role::ForestProtectionContract, "DA03.1.CT02"},
                    {il::Role::ForestNaturalAssigned, "DA03.1.CT03"},
                    {il::Role::ForestRegeneration, "DA03.1.CT04"},
                    {il::Role::ForestProductionPlanting, "DA03.1.CT05"},
                    {il::Role::ForestProtectionPlanting, "DA03.1.CT06"},
                    {il::Role::WaterWorks, "DA01.CT04"},
                    {il::Role::HealthStationNew, "DA04.1.ND01.CT01"},
                    {il::Role::HealthStationUpgrade, "DA04.1.ND01.CT02"},
                    {il::Role::RoadHardeningKm, "DA04.1.ND01.CT03"},
                    {il::Role::VillageCulture, "DA06.CT03"}};
    o.progressIndicators = {"DA01.CT02", "DA01.CT06", "CT.MT.CT03"};
    geo::VectorReader reader(kData / "district_seats_geonames.geojson");
    geo::VectorLayer layer = reader.layer();
    for (const geo::Feature& f : layer.readAll()) {
        const geo::Envelope e = f.geometry->envelope();
        o.districtSeats.push_back({e.minx, e.miny, text(f, layer, "name")});
    }
    return o;
}

/// One generated Lạng Sơn project shared by the tests of the suite.
class IllustrativeLangSon : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        dir = new TempDir;
        store = new ProjectStore(ProjectStore::create(dir->file("langson.planmap"), sampleMetadata()));
        buildLangSon(*store);
        report = new il::Report(il::generate(*store, langSonOptions()));
    }
    static void TearDownTestSuite()
    {
        delete report;
        delete store;
        delete dir;
    }
    static Connection& db() { return store->connection(); }

    static TempDir* dir;
    static ProjectStore* store;
    static il::Report* report;
};
TempDir* IllustrativeLangSon::dir = nullptr;
ProjectStore* IllustrativeLangSon::store = nullptr;
il::Report* IllustrativeLangSon::report = nullptr;

TEST_F(IllustrativeLangSon, VillagesAtThePlansScale)
{
    EXPECT_EQ(scalar(db(), "SELECT count(*) FROM villages"), 1478);
    EXPECT_EQ(scalar(db(), "SELECT count(*) FROM villages WHERE road_status = 'hardened'"), 1108);
    // Placed in the 61 rural communes of 2025; their old communes are about
    // the plan's 181 (179 predecessors of those communes hold villages).
    EXPECT_EQ(report->programCommunes, 61);
    EXPECT_EQ(scalar(db(), "SELECT count(DISTINCT commune_id) FROM villages"), 61);
    EXPECT_GE(report->oldCommunesWithVillages, 170);
    EXPECT_LE(report->oldCommunesWithVillages, 181);
    EXPECT_EQ(scalar(db(), "SELECT count(*) FROM villages WHERE commune_old_id IS NULL"), 0);
    // ĐBKK and areas in plausible shares.
    const std::int64_t dbkk = scalar(db(), "SELECT count(*) FROM villages WHERE dbkk = 1");
    EXPECT_GT(dbkk, 1478 * 0.25);
    EXPECT_LT(dbkk, 1478 * 0.6);
    for (int area = 1; area <= 3; ++area)
        EXPECT_GT(scalar(db(), "SELECT count(*) FROM villages WHERE ethnic_minority_area = " + std::to_string(area)), 100);
    expectVillagesInsideTheirCommune(*store);
    expectVillagesSpread(*store, 0.25);
}

TEST_F(IllustrativeLangSon, ForestsAtThePlansHectares)
{
    expectForestTotals(*store,
                       {{"DA03.1.CT02", 26900}, {"DA03.1.CT03", 73670}, {"DA03.1.CT04", 646}, {"DA03.1.CT05", 6000},
                        {"DA03.1.CT06", 700}},
                       0.02);
    expectNoForestOverlaps(*store);
    // Some plots cross a commune boundary (the analysis must split them).
    EXPECT_GT(report->forestPlotsCrossingCommunes, 5);
    std::map<std::int64_t, std::unique_ptr<geo::PreparedGeometry>> communes;
    for (auto& [id, g] : geometries(db(), "admin_units", "level = 'commune' AND generation = '2025'"))
        communes.emplace(id, std::make_unique<geo::PreparedGeometry>(std::move(g)));
    int crossing = 0;
    auto s = db().prepare("SELECT commune_id, ST_AsBinary(geom) FROM forests ORDER BY id");
    while (s->step())
        if (!communes.at(s->columnInt(0))->covers(geo::Geometry::fromWkb(s->columnBlob(1)))) ++crossing;
    EXPECT_GE(crossing, report->forestPlotsCrossingCommunes);
}

TEST_F(IllustrativeLangSon, RoadsFacilitiesProjectsProgress)
{
    EXPECT_EQ(report->roadComponents, 1);
    expectConnectedRoads(*store);
    // A health station in every rural commune, plus some.
    EXPECT_EQ(scalar(db(), "SELECT count(DISTINCT commune_id) FROM facilities WHERE kind = 'health_station'"), 61);
    EXPECT_GT(scalar(db(), "SELECT count(*) FROM facilities WHERE kind = 'health_station'"), 61);
    // Works counted by the plan's indicators.
    EXPECT_EQ(scalar(db(), "SELECT count(*) FROM projects WHERE project_type = 'water_works'"), 7);
    EXPECT_EQ(scalar(db(), "SELECT count(*) FROM projects WHERE project_type = 'health_station'"), 17);
    EXPECT_EQ(scalar(db(), "SELECT count(*) FROM projects WHERE project_type = 'cultural_house'"), 30);
    const geo::Geodesic geodesic;
    double km = 0;
    for (const auto& [id, g] : geometries(db(), "projects", "project_type = 'road'")) km += geodesic.length(g) / 1000.0;
    EXPECT_NEAR(km, 60.0, 60.0 * 0.03); // DA04.1.ND01.CT03: 60 km of roads hardened
    expectAllIllustrative(*store, il::illustrativeSource(59));
    EXPECT_GT(report->progressEntries, 400);
    EXPECT_EQ(real(db(), "SELECT sum(numerator) FROM progress_latest p JOIN plan_nodes n ON n.id = p.indicator_id "
                         "WHERE n.code = 'DA04.1.CT02'"),
              1108);
}

TEST_F(IllustrativeLangSon, IsFastAndDeterministic)
{
    // It runs in every build of the bundled project.
    EXPECT_LT(report->elapsedSeconds, 10.0);
    TempDir other;
    ProjectStore again = ProjectStore::create(other.file("again.planmap"), sampleMetadata());
    buildLangSon(again);
    il::generate(again, langSonOptions());
    EXPECT_EQ(dump(*store), dump(again));
}

} // namespace
} // namespace planmap::layers::testing
