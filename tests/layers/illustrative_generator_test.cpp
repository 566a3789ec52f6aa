// The illustrative-data generator on a small synthetic province: scale,
// marking, geometry (villages inside their commune, connected roads,
// non-overlapping forest plots), determinism, refusal to run twice.
#include "illustrative_checks.h"

#include "planmap/layers/illustrative/IllustrativeGenerator.h"

#include <gtest/gtest.h>

namespace planmap::layers::testing {
namespace {

namespace il = planmap::layers::illustrative;

/// Two districts, six old communes, three new ones (two rural), a crosswalk
/// with a split commune, and a plan with an indicator for every role.
class SyntheticProvince {
public:
    explicit SyntheticProvince(const std::filesystem::path& path) : store(ProjectStore::create(path, sampleMetadata()))
    {
        AdminUnits& units = store.units();
        const double lat0 = 21.60, lat1 = 21.80;
        AdminUnit d1, d2;
        for (AdminUnit* d : {&d1, &d2}) {
            d->level = UnitLevel::District;
            d->type = UnitType::District;
            d->generation = std::string(kGenerationPre2025);
        }
        d1.code = "901";
        d1.name = "Một";
        d1.geometry = wkbBox(106.50, lat0, 106.70, lat1);
        d2.code = "902";
        d2.name = "Hai";
        d2.geometry = wkbBox(106.70, lat0, 106.90, lat1);
        const std::int64_t district1 = units.insert(d1), district2 = units.insert(d2);
        std::vector<std::int64_t> old;
        for (int i = 1; i <= 6; ++i) {
            AdminUnit o = commune("9000" + std::to_string(i), "Cũ " + std::to_string(i), std::string(kGenerationPre2025));
            o.parentId = i <= 3 ? district1 : district2;
            old.push_back(units.insert(o));
        }
        AdminUnit n1 = commune("91001", "Mới Một", std::string(kGeneration2025));
        n1.geometry = wkbBox(106.50, lat0, 106.65, lat1);
        AdminUnit n2 = commune("91002", "Mới Hai", std::string(kGeneration2025));
        n2.geometry = wkbPolygon({{106.65, lat0}, {106.80, lat0}, {106.80, 21.70}, {106.74, 21.72}, {106.80, lat1},
                                  {106.65, lat1}, {106.65, lat0}});
        AdminUnit n3 = commune("91003", "Mới Ba", std::string(kGeneration2025), UnitType::Ward);
        n3.geometry = wkbPolygon({{106.80, lat0}, {106.90, lat0}, {106.90, lat1}, {106.80, lat1}, {106.80, 21.70},
                                  {106.80, lat0}});
        const std::int64_t new1 = units.insert(n1), new2 = units.insert(n2), new3 = units.insert(n3);
        auto link = [&](std::int64_t from, std::int64_t to, CrosswalkKind kind) {
            CrosswalkLink l;
            l.oldUnitId = from;
            l.newUnitId = to;
            l.kind = kind;
            units.insertCrosswalk(l);
        };
        link(old[0], new1, CrosswalkKind::Whole);
        link(old[1], new1, CrosswalkKind::Whole);
        link(old[2], new2, CrosswalkKind::Whole);
        link(old[3], new2, CrosswalkKind::Partial);
        link(old[4], new2, CrosswalkKind::Whole);
        link(old[3], new3, CrosswalkKind::Partial);
        link(old[5], new3, CrosswalkKind::Whole);

        PlanCatalogue& plan = store.plan();
        PlanNode program;
        program.code = "P";
        program.name = "Chương trình thử";
        program.level = PlanLevel::Program;
        const std::int64_t root = plan.insertNode(program);
        int ordinal = 0;
        auto add = [&](const std::string& code, Aggregation aggregation, std::optional<double> target,
                       std::optional<double> numerator = std::nullopt, std::optional<double> denominator = std::nullopt) {
            Indicator i = indicatorNode(code, "Chỉ tiêu " + code, aggregation, root);
            i.node.ordinal = ++ordinal;
            i.spec.year = 2023;
            i.spec.targetValue = target;
            i.spec.targetNumerator = numerator;
            i.spec.targetDenominator = denominator;
            plan.insertIndicator(i);
        };
        add("VR", Aggregation::Ratio, 75, 30, 40);
        add("CR", Aggregation::Ratio, 80, 4, 5);
        add("F2", Aggregation::Sum, 900);
        add("F3", Aggregation::Sum, 1500);
        add("F4", Aggregation::Sum, 40);
        add("F5", Aggregation::Sum, 200);
        add("F6", Aggregation::Sum, 30);
        add("WW", Aggregation::Sum, 3);
        add("HN", Aggregation::Sum, 1);
        add("HU", Aggregation::Sum, 2);
        add("KM", Aggregation::Sum, 8);
        add("VC", Aggregation::Sum, 5);
        add("HH", Aggregation::Sum, 120);
        add("PC", Aggregation::Percent, 99.6);
    }

    static il::Options options(std::uint64_t seed = 7)
    {
        il::Options o;
        o.seed = seed;
        o.indicators = {{il::Role::VillageRoads, "VR"},
                        {il::Role::CommuneRoads, "CR"},
                        {il::Role::ForestProtectionContract, "F2"},
                        {il::Role::ForestNaturalAssigned, "F3"},
                        {il::Role::ForestRegeneration, "F4"},
                        {il::Role::ForestProductionPlanting, "F5"},
                        {il::Role::ForestProtectionPlanting, "F6"},
                        {il::Role::WaterWorks, "WW"},
                        {il::Role::HealthStationNew, "HN"},
                        {il::Role::HealthStationUpgrade, "HU"},
                        {il::Role::RoadHardeningKm, "KM"},
                        {il::Role::VillageCulture, "VC"}};
        o.progressIndicators = {"HH", "PC"};
        return o;
    }

    ProjectStore store;
};

class IllustrativeGenerator : public ::testing::Test {
protected:
    void SetUp() override
    {
        province.emplace(dir.file("a.planmap"));
        report = il::generate(province->store, SyntheticProvince::options());
    }
    Connection& db() { return province->store.connection(); }

    TempDir dir;
    std::optional<SyntheticProvince> province;
    il::Report report;
};

TEST_F(IllustrativeGenerator, ReachesThePlansScale)
{
    EXPECT_EQ(scalar(db(), "SELECT count(*) FROM villages"), 40);
    EXPECT_EQ(scalar(db(), "SELECT count(*) FROM villages WHERE road_status = 'hardened'"), 30);
    EXPECT_EQ(report.villages, 40);
    EXPECT_EQ(report.villagesHardenedRoad, 30);
    EXPECT_EQ(report.villagesHardenedRoad + report.villagesUnhardenedRoad + report.villagesNoRoad, 40);
    // Villages only in the rural communes (the ward 91003 is outside the program area).
    EXPECT_EQ(scalar(db(), "SELECT count(*) FROM villages v JOIN admin_units u ON u.id = v.commune_id WHERE u.code = '91003'"), 0);
    EXPECT_EQ(report.programCommunes, 2);
    // Both rural communes get villages in proportion to area (they are about equal).
    for (const char* code : {"91001", "91002"}) {
        const std::int64_t n = scalar(
            db(), std::string("SELECT count(*) FROM villages v JOIN admin_units u ON u.id = v.commune_id WHERE u.code = '") + code + "'");
        EXPECT_GE(n, 15) << code;
        EXPECT_LE(n, 25) << code;
    }
    // Health station per commune plus some, schools, a market or more.
    EXPECT_GE(scalar(db(), "SELECT count(*) FROM facilities WHERE kind = 'health_station'"), 2);
    EXPECT_GE(scalar(db(), "SELECT count(*) FROM facilities WHERE kind IN ('primary_school', 'kindergarten')"), 4);
    EXPECT_GE(scalar(db(), "SELECT count(*) FROM markets"), 1);
    // Projects serving the roles: exactly the counts of the indicators.
    EXPECT_EQ(scalar(db(), "SELECT count(*) FROM projects WHERE project_type = 'water_works'"), 3);
    EXPECT_EQ(scalar(db(), "SELECT count(*) FROM projects WHERE project_type = 'health_station'"), 3);
    EXPECT_EQ(scalar(db(), "SELECT count(*) FROM projects WHERE project_type = 'cultural_house'"), 5);
    // Road works (8 km) follow existing roads.
    const geo::Geodesic geodesic;
    double km = 0;
    for (const auto& [id, g] : geometries(db(), "projects", "project_type = 'road'")) {
        km += geodesic.length(g) / 1000.0;
        EXPECT_EQ(scalar(db(), "SELECT count(*) FROM roads r, projects p WHERE p.id = " + std::to_string(id)
                                   + " AND ST_Equals(r.geom, p.geom)"),
                  1);
    }
    EXPECT_NEAR(km, 8.0, 8.0 * 0.1); // whole roads of 1-3 km each
}

TEST_F(IllustrativeGenerator, MarksEveryRowIllustrative)
{
    expectAllIllustrative(province->store, il::illustrativeSource(7));
    // Progress: all flagged, authored by the generator, dated within the year.
    EXPECT_GT(scalar(db(), "SELECT count(*) FROM progress_entries"), 0);
    EXPECT_EQ(scalar(db(), "SELECT count(*) FROM progress_entries WHERE illustrative = 0"), 0);
    EXPECT_EQ(scalar(db(), "SELECT count(*) FROM progress_entries WHERE author IS NOT '" + std::string(il::kProgressAuthor) + "'"), 0);
    EXPECT_EQ(scalar(db(), "SELECT count(*) FROM progress_entries WHERE as_of NOT BETWEEN '2023-01-01' AND '2023-12-31'"), 0);
    EXPECT_EQ(scalar(db(), "SELECT count(*) FROM progress_entries WHERE numerator > denominator"), 0);
    // Every layer says what is invented.
    for (const LayerInfo& layer : province->store.features().layers()) {
        if (province->store.features().count(layer.name) == 0) continue;
        ASSERT_TRUE(layer.illustrativeSummary.has_value()) << layer.name;
        EXPECT_NE(layer.illustrativeSummary->find("MINH HỌA"), std::string::npos) << layer.name;
    }
}

TEST_F(IllustrativeGenerator, PlacesVillagesInsideTheirCommuneAndAPredecessor)
{
    expectVillagesInsideTheirCommune(province->store);
    // Each village's old commune went (by the crosswalk) into its new commune.
    EXPECT_EQ(scalar(db(), "SELECT count(*) FROM villages v WHERE NOT EXISTS (SELECT 1 FROM unit_crosswalk c "
                           "WHERE c.old_unit_id = v.commune_old_id AND c.new_unit_id = v.commune_id)"),
              0);
    // Villages west of the district line (106.70) belong to district 901's communes.
    EXPECT_EQ(scalar(db(), "SELECT count(*) FROM villages v JOIN admin_units o ON o.id = v.commune_old_id "
                           "JOIN admin_units d ON d.id = o.parent_id WHERE (ST_X(v.geom) < 106.70) <> (d.code = '901')"),
              0);
    EXPECT_EQ(report.oldCommunesWithVillages, 5);
    expectVillagesSpread(province->store, 0.3);
}

TEST_F(IllustrativeGenerator, ConnectsTheRoadNetwork)
{
    EXPECT_EQ(report.roadComponents, 1);
    expectConnectedRoads(province->store);
    // A hardened village has a hardened road ending at it; others an unhardened one.
    EXPECT_EQ(scalar(db(), "SELECT count(*) FROM villages v WHERE NOT EXISTS (SELECT 1 FROM roads r "
                           "WHERE r.road_class = 'village' AND ST_Equals(ST_EndPoint(ST_GeometryN(r.geom, 1)), v.geom) "
                           "AND (r.surface = 'hardened') = (v.road_status = 'hardened'))"),
              0);
}

TEST_F(IllustrativeGenerator, PlantsForestsToThePlansHectaresWithoutOverlaps)
{
    const std::map<std::string, double> targets{{"F2", 900}, {"F3", 1500}, {"F4", 40}, {"F5", 200}, {"F6", 30}};
    expectForestTotals(province->store, targets, 0.02);
    expectNoForestOverlaps(province->store);
    // Attributes tell the roles apart without the links.
    EXPECT_EQ(scalar(db(), "SELECT count(*) FROM forests WHERE origin = 'planted' AND forest_type = 'production'"),
              scalar(db(), "SELECT count(*) FROM feature_indicator_links l JOIN plan_nodes n ON n.id = l.indicator_id "
                           "WHERE n.code = 'F5'"));
    EXPECT_EQ(scalar(db(), "SELECT count(*) FROM forests WHERE holder = 'management_board'"),
              scalar(db(), "SELECT count(*) FROM feature_indicator_links l JOIN plan_nodes n ON n.id = l.indicator_id "
                           "WHERE n.code = 'F2'"));
}

TEST_F(IllustrativeGenerator, LinksFeaturesAndRecordsProgress)
{
    EXPECT_EQ(report.featureIndicatorLinks, scalar(db(), "SELECT count(*) FROM feature_indicator_links"));
    EXPECT_EQ(scalar(db(), "SELECT count(*) FROM feature_indicator_links l JOIN plan_nodes n ON n.id = l.indicator_id "
                           "WHERE n.code = 'WW'"),
              3);
    for (const char* code : {"VR", "CR", "F2", "F3", "HH", "PC"})
        EXPECT_GT(scalar(db(), std::string("SELECT count(*) FROM progress_entries p JOIN plan_nodes n ON n.id = p.indicator_id "
                                           "WHERE n.code = '") + code + "'"),
                  0)
            << code;
    // Village-road progress at the end equals the layer: 30 of 40.
    EXPECT_EQ(real(db(), "SELECT sum(numerator) FROM progress_latest p JOIN plan_nodes n ON n.id = p.indicator_id WHERE n.code = 'VR'"), 30);
    EXPECT_EQ(real(db(), "SELECT sum(denominator) FROM progress_latest p JOIN plan_nodes n ON n.id = p.indicator_id WHERE n.code = 'VR'"), 40);
    // Percentages stay at or under 100.
    EXPECT_EQ(scalar(db(), "SELECT count(*) FROM progress_entries p JOIN plan_nodes n ON n.id = p.indicator_id "
                           "WHERE n.code = 'PC' AND p.value > 100"),
              0);
}

TEST_F(IllustrativeGenerator, IsDeterministic)
{
    SyntheticProvince again(dir.file("b.planmap"));
    il::generate(again.store, SyntheticProvince::options());
    EXPECT_EQ(dump(province->store), dump(again.store));

    SyntheticProvince other(dir.file("c.planmap"));
    il::generate(other.store, SyntheticProvince::options(8));
    EXPECT_NE(dump(province->store), dump(other.store));
}

TEST_F(IllustrativeGenerator, RefusesAProjectThatAlreadyHasGeneratedData)
{
    const std::string before = dump(province->store);
    try {
        il::generate(province->store, SyntheticProvince::options());
        FAIL() << "a second run must be refused";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("already holds illustrative data"), std::string::npos) << e.what();
    }
    EXPECT_EQ(before, dump(province->store));
}

TEST(IllustrativeGeneratorErrors, UnknownOrUnsuitableIndicatorsWriteNothing)
{
    TempDir dir;
    SyntheticProvince p(dir.file("e.planmap"));
    const std::string before = dump(p.store);
    il::Options o = SyntheticProvince::options();
    o.indicators[il::Role::WaterWorks] = "NO.SUCH";
    EXPECT_THROW(
        {
            try {
                il::generate(p.store, o);
            } catch (const std::runtime_error& e) {
                EXPECT_NE(std::string(e.what()).find("NO.SUCH"), std::string::npos) << e.what();
                EXPECT_NE(std::string(e.what()).find("water-works"), std::string::npos) << e.what();
                throw;
            }
        },
        std::runtime_error);
    o = SyntheticProvince::options();
    o.indicators[il::Role::VillageRoads] = "F2"; // hectares, not a ratio
    EXPECT_THROW(il::generate(p.store, o), std::runtime_error);
    o = SyntheticProvince::options();
    o.programArea = il::ProgramAreaKind::Codes;
    o.programAreaCodes = {"91001", "99999"};
    EXPECT_THROW(il::generate(p.store, o), std::runtime_error);
    EXPECT_EQ(before, dump(p.store));
}

TEST(IllustrativeGeneratorErrors, NeedsCommunesWithGeometry)
{
    TempDir dir;
    ProjectStore store = ProjectStore::create(dir.file("empty.planmap"), sampleMetadata());
    EXPECT_THROW(il::generate(store, {}), std::runtime_error);
}

TEST(IllustrativeGeneratorDefaults, WorksWithoutAPlan)
{
    // No indicators: the documented default scales, no links.
    TempDir dir;
    SyntheticProvince p(dir.file("d.planmap"));
    il::Options o;
    o.seed = 3;
    o.programArea = il::ProgramAreaKind::All;
    o.villages = 60;
    const il::Report r = il::generate(p.store, o);
    EXPECT_EQ(r.villages, 60);
    EXPECT_EQ(r.programCommunes, 3);
    EXPECT_EQ(r.villagesHardenedRoad, 45); // 75 % by default
    EXPECT_EQ(r.featureIndicatorLinks, 0);
    expectVillagesInsideTheirCommune(p.store);
    expectConnectedRoads(p.store);
    expectNoForestOverlaps(p.store);
    const double programHa = r.programAreaKm2 * 100;
    EXPECT_NEAR(r.forestHa.at(il::Role::ForestNaturalAssigned), il::defaultScale(il::Role::ForestNaturalAssigned) * programHa,
                0.02 * il::defaultScale(il::Role::ForestNaturalAssigned) * programHa);
    expectAllIllustrative(p.store, il::illustrativeSource(3));
}

TEST(IllustrativeRoles, ParseAndPrint)
{
    for (const il::RoleInfo& info : il::roles()) {
        EXPECT_EQ(il::parseRole(info.name), info.role);
        EXPECT_EQ(il::toString(info.role), info.name);
    }
    EXPECT_FALSE(il::parseRole("villages").has_value());
}

} // namespace
} // namespace planmap::layers::testing
