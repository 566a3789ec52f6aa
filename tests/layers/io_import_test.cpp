// Loaders (layers/io): unit layers, feature layers, the 2025 crosswalk and the
// plan catalogue, from the bundled Lạng Sơn sources and small fixtures.

#include "langson_units.h"
#include "store_test_support.h"

#include "planmap/geo/Crs.h"
#include "planmap/geo/Geometry.h"
#include "planmap/geo/VectorWriter.h"
#include "planmap/layers/io/CrosswalkImport.h"
#include "planmap/layers/io/LayerImport.h"
#include "planmap/layers/io/PlanImport.h"
#include "planmap/layers/io/ProjectChecks.h"
#include "planmap/layers/io/UnitOutline.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

#include <fstream>
#include <set>

namespace planmap::layers::io {
namespace {

using testing::TempDir;

const std::filesystem::path kData = PLANMAP_DATA_DIR;
const std::filesystem::path kFixtures = std::filesystem::path(PLANMAP_TEST_FIXTURES) / "io";

std::int64_t countRows(ProjectStore& store, const std::string& table)
{
    auto s = store.connection().prepare("SELECT count(*) FROM " + table);
    s->step();
    return s->columnInt(0);
}

void writeFile(const std::filesystem::path& path, const std::string& text)
{
    std::ofstream out(path, std::ios::binary);
    out << text;
}

/// One Lạng Sơn project for the whole suite (loading the units takes a second).
class LangSonTest : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        // The shared Lạng Sơn fixture: every unit layer imported through
        // io::importLayer (the import engine) and the official crosswalk.
        dir_ = new TempDir();
        std::filesystem::copy_file(testing::langson::unitsTemplate(), dir_->file("langson.planmap"));
    }
    static void TearDownTestSuite()
    {
        delete dir_;
        dir_ = nullptr;
    }
    void SetUp() override
    {
        // Each test works on its own copy.
        path_ = dir.file("copy.planmap");
        std::filesystem::copy_file(dir_->file("langson.planmap"), path_);
        store.emplace(ProjectStore::open(path_));
    }

    static TempDir* dir_;
    TempDir dir;
    std::filesystem::path path_;
    std::optional<ProjectStore> store;
};
TempDir* LangSonTest::dir_ = nullptr;

TEST_F(LangSonTest, UnitsHaveTypesNamesParentsAndValidity)
{
    AdminUnits& units = store->units();
    EXPECT_EQ(units.count(UnitLevel::Commune, std::string(kGeneration2025)), 65);
    EXPECT_EQ(units.count(UnitLevel::Commune, std::string(kGenerationPre2025)), 194);
    EXPECT_EQ(units.count(UnitLevel::District, std::string(kGenerationPre2025)), 11);

    const auto dongKinh = units.findByCodeInGeneration("05977", UnitLevel::Commune, kGeneration2025);
    ASSERT_TRUE(dongKinh);
    EXPECT_EQ(dongKinh->type, UnitType::Ward);                // from the code list: Phường
    EXPECT_EQ(dongKinh->name, "Đông Kinh");
    EXPECT_EQ(dongKinh->fullName, "Phường Đông Kinh");
    EXPECT_EQ(dongKinh->nameEn, "Dong Kinh");
    EXPECT_EQ(dongKinh->validFrom, makeDate(2025, 7, 1));
    EXPECT_FALSE(dongKinh->geometry.empty());
    const auto province = units.get(*dongKinh->parentId, false);
    ASSERT_TRUE(province);
    EXPECT_EQ(province->code, "20");

    // The same code before 2025 is another unit: Phường Vĩnh Trại of the city (district 178).
    const auto vinhTrai = units.findByCodeInGeneration("05977", UnitLevel::Commune, kGenerationPre2025);
    ASSERT_TRUE(vinhTrai);
    EXPECT_EQ(vinhTrai->fullName, "Phường Vĩnh Trại");
    EXPECT_EQ(vinhTrai->validTo, makeDate(2025, 6, 30));
    EXPECT_TRUE(vinhTrai->geometry.empty());
    EXPECT_EQ(units.get(*vinhTrai->parentId, false)->code, "178");

    const auto thatKhe = units.findByCodeInGeneration("06010", UnitLevel::Commune, kGenerationPre2025, false);
    ASSERT_TRUE(thatKhe);
    EXPECT_EQ(units.get(*thatKhe->parentId, false)->code, "180");  // Tràng Định

    // Types of the pre-2025 communes come from the "Cấp" column: 5 wards, 14 towns, 175 communes.
    std::map<UnitType, int> types;
    for (const AdminUnit& u : units.list(UnitLevel::Commune, std::string(kGenerationPre2025))) ++types[u.type];
    EXPECT_EQ(types[UnitType::Ward], 5);
    EXPECT_EQ(types[UnitType::Township], 14);
    EXPECT_EQ(types[UnitType::Commune], 175);

    // Districts: "Thành phố Lạng Sơn" gives the type and the short name.
    const auto city = units.findByCodeInGeneration("178", UnitLevel::District, kGenerationPre2025, false);
    ASSERT_TRUE(city);
    EXPECT_EQ(city->type, UnitType::City);
    EXPECT_EQ(city->name, "Lạng Sơn");
}

TEST_F(LangSonTest, CrosswalkAgreesWithTheIndependentTranscription)
{
    // Pairs of the project (loaded from the official GSO table)...
    std::set<std::pair<std::string, std::string>> pairs;
    std::map<std::string, int> successors;
    AdminUnits& units = store->units();
    for (const AdminUnit& old : units.list(UnitLevel::Commune, std::string(kGenerationPre2025))) {
        for (const CrosswalkLink& l : units.successorsOf(old.id)) {
            pairs.insert({*old.code, *units.get(l.newUnitId, false)->code});
            ++successors[*old.code];
        }
    }
    // ...against crosswalk_2025_old_to_new.json.
    QFile file(QString::fromStdString((kData / "crosswalk_2025_old_to_new.json").string()));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    std::set<std::pair<std::string, std::string>> reference;
    for (const QJsonValue l3 : root.value("level3s").toArray())
        for (const QJsonValue split : l3.toObject().value("splits").toArray())
            reference.insert({l3.toObject().value("level3_id").toString().toStdString(),
                              split.toObject().value("new_id").toString().toStdString()});
    EXPECT_EQ(reference.size(), 196u);
    EXPECT_EQ(pairs, reference);
    EXPECT_EQ(successors.size(), 194u);  // every pre-2025 commune maps
    EXPECT_GE(successors["06622"], 2);   // Bính Xá was split
    EXPECT_GE(successors["06625"], 2);   // Kiên Mộc was split
    for (const auto& [code, n] : successors) {
        if (code != "06622" && code != "06625") {
            EXPECT_EQ(n, 1) << code;
        }
    }
}

TEST_F(LangSonTest, ProvinceOutlineIsTheUnionOfTheCommunes)
{
    const auto province = store->units().list(UnitLevel::Province).front();
    const OutlineReport r = deriveOutlineFromChildren(*store, province.id, std::string(kGeneration2025));
    EXPECT_EQ(r.children, 65);
    EXPECT_EQ(r.parts, 1);
    // Lạng Sơn: 8 310 km² in the statistics yearbook.
    EXPECT_NEAR(r.areaHectares, 831000, 2000);
    EXPECT_FALSE(store->units().get(province.id)->geometry.empty());
}

TEST_F(LangSonTest, CheckFindsNoErrorsAndReportsTheSliversAsWarnings)
{
    const CheckReport report = checkProject(*store);
    EXPECT_EQ(report.errorCount(), 0u);
    EXPECT_EQ(report.unitsChecked, 1u + 11u + 65u + 194u);
    EXPECT_EQ(report.crosswalkLinks, 196u);
    std::size_t overlaps = 0;
    for (const CheckIssue& i : report.issues)
        if (i.check == "overlap") {
            ++overlaps;
            EXPECT_EQ(i.severity, IssueSeverity::Warning) << i.subject << ": " << i.message;
            EXPECT_TRUE(i.location);
        }
    EXPECT_GT(overlaps, 0u);
}

TEST_F(LangSonTest, CheckReportsOldCommunesWithoutSuccessor)
{
    // A pre-2025 commune the crosswalk does not mention.
    AdminUnit extra = testing::commune("99999", "Thử Nghiệm", std::string(kGenerationPre2025));
    store->units().insert(extra);
    const CheckReport report = checkProject(*store);
    ASSERT_EQ(report.errorCount(), 1u);
    const CheckIssue& issue = report.issues.front().severity == IssueSeverity::Error
        ? report.issues.front()
        : *std::find_if(report.issues.begin(), report.issues.end(),
                        [](const CheckIssue& i) { return i.severity == IssueSeverity::Error; });
    EXPECT_EQ(issue.check, "crosswalk");
    EXPECT_NE(issue.subject.find("99999"), std::string::npos);
}

TEST_F(LangSonTest, CrosswalkRefusesUnknownCodesAndKindsNamingRowAndColumn)
{
    const auto batches = countRows(*store, "import_batches");
    try {
        importCrosswalk2025(*store, kFixtures / "crosswalk_bad.csv");
        FAIL() << "no error";
    } catch (const ImportProblems& e) {
        ASSERT_EQ(e.problems().size(), 2u);
        EXPECT_NE(e.problems()[0].find("row 2, column \"Mã Xã mới\": no commune with code 99999"), std::string::npos)
            << e.problems()[0];
        EXPECT_NE(e.problems()[1].find("row 3, column \"Ghi chú\""), std::string::npos) << e.problems()[1];
    }
    EXPECT_EQ(countRows(*store, "import_batches"), batches);
}

TEST_F(LangSonTest, PlanLoadsWithAllocationsFundingAndPlacedMarkets)
{
    const ImportReport report = importPlan(*store, findPlanSources(kData / "plan"));
    EXPECT_EQ(countRows(*store, "indicators"), 100);
    EXPECT_EQ(countRows(*store, "plan_nodes"), 134);
    EXPECT_EQ(countRows(*store, "indicator_allocations"), 25);
    EXPECT_EQ(countRows(*store, "funding_lines"), 12);
    EXPECT_TRUE(report.importBatchId > 0);

    const auto ratio = store->plan().indicatorByCode("DA04.1.CT01");
    ASSERT_TRUE(ratio);
    EXPECT_EQ(ratio->spec.aggregation, Aggregation::Ratio);
    EXPECT_DOUBLE_EQ(*ratio->spec.targetValue, 96.1);
    EXPECT_DOUBLE_EQ(*ratio->spec.targetNumerator, 174);
    EXPECT_DOUBLE_EQ(*ratio->spec.targetDenominator, 181);
    const auto total = store->funding().lineByCode("CT.NV.CT01");
    ASSERT_TRUE(total);
    EXPECT_DOUBLE_EQ(total->amountMillionVnd, 1238075);
    EXPECT_EQ(total->source, FundingSource::All);
    EXPECT_EQ(store->funding().lines(total->id).size(), 3u);

    // Chợ Văn Mịch: old Xã Hồng Phong 06079 of Bình Gia (not 06205 of Cao Lộc), placed in the
    // 2025 commune that absorbed it, approximate, linked to its indicator.
    const auto market = store->features().findByKey("markets", "cho-van-mich");
    ASSERT_TRUE(market);
    EXPECT_EQ(store->units().get(*market->communeOldId, false)->code, "06079");
    AdminUnits& units = store->units();
    const auto links = units.successorsOf(*market->communeOldId);
    ASSERT_EQ(links.size(), 1u);
    EXPECT_EQ(market->communeId, links.front().newUnitId);
    EXPECT_EQ(std::get<std::int64_t>(market->attributes.at("approximate_location")), 1);
    EXPECT_EQ(std::get<std::string>(market->attributes.at("status")), "upgrade");
    const geo::Geometry point = geo::Geometry::fromWkb(market->geometry);
    const geo::Geometry commune = geo::Geometry::fromWkb(units.get(*market->communeId)->geometry);
    EXPECT_TRUE(commune.covers(point));
    const auto indicators = store->plan().indicatorsOfFeature(market->id);
    ASSERT_EQ(indicators.size(), 1u);
    EXPECT_EQ(store->plan().node(indicators.front().indicatorId)->code, "DA04.1.ND02.CT02");

    // A school named only by district: placed in the district, kind from its name.
    const auto school = store->features().findByKey("facilities", "truong-ptdtnt-dinh-lap");
    ASSERT_TRUE(school);
    EXPECT_EQ(std::get<std::string>(school->attributes.at("kind")), "boarding_school");
    const auto district = units.findByCodeInGeneration("189", UnitLevel::District, kGenerationPre2025);
    EXPECT_TRUE(geo::Geometry::fromWkb(district->geometry).covers(geo::Geometry::fromWkb(school->geometry)));
    EXPECT_NE(school->source->find("gần đúng"), std::string::npos);

    EXPECT_EQ(checkProject(*store).errorCount(), 0u);

    // Loading the same plan again is refused (the codes exist), and changes nothing.
    const auto nodes = countRows(*store, "plan_nodes");
    EXPECT_THROW(importPlan(*store, findPlanSources(kData / "plan")), ImportProblems);
    EXPECT_EQ(countRows(*store, "plan_nodes"), nodes);
}

TEST_F(LangSonTest, BadPlanRowsAreAllReportedAndNothingIsWritten)
{
    try {
        importPlan(*store, findPlanSources(kFixtures / "plan_bad" / "plan_9999_catalogue.csv"));
        FAIL() << "no error";
    } catch (const ImportProblems& e) {
        const std::string all = e.what();
        for (const char* expected : {"row 3, column \"parent_code\": no node with code T.X",
                                     "row 4, column \"aggregation\": \"average\"", "row 5, column \"code\"",
                                     "row 6, column \"parent_code\": a project cannot sit under T.D, which is an indicator",
                                     "row 7, column \"target\": 50 % does not agree with 1/3",
                                     "row 4, column \"year\": 9999 is not a plausible year"})
            EXPECT_NE(all.find(expected), std::string::npos) << expected << "\n" << all;
    }
    EXPECT_EQ(countRows(*store, "plan_nodes"), 0);
    EXPECT_EQ(countRows(*store, "import_batches"), 4);  // the unit and crosswalk imports only
}

TEST_F(LangSonTest, FeaturesGetTheirCommuneAndCodedValuesAcceptLabels)
{
    const auto csv = dir.file("forests.csv");
    writeFile(csv, "ma,ten,loai,nguon_goc,WKT\n"
                   "F1,Lô 1,Rừng phòng hộ,natural,\"POLYGON((106.760 21.850,106.765 21.850,106.765 21.855,106.760 21.855,106.760 21.850))\"\n"
                   "F2,Lô 2,production,Rừng trồng,\"POLYGON((106.50 21.90,106.51 21.90,106.51 21.91,106.50 21.91,106.50 21.90))\"\n");
    LayerImportOptions o;
    o.layer = "forests";
    o.keyField = "ma";
    o.fields = FieldMapping::parse("name=ten,forest_type=loai,origin=nguon_goc");
    o.illustrative = true;
    const ImportReport r = importLayer(*store, csv, o);
    EXPECT_EQ(r.inserted, 2);
    const auto f1 = store->features().findByKey("forests", "F1");
    ASSERT_TRUE(f1);
    EXPECT_EQ(std::get<std::string>(f1->attributes.at("forest_type")), "protection");
    EXPECT_EQ(std::get<std::string>(f1->attributes.at("origin")), "natural");
    EXPECT_TRUE(f1->illustrative);
    ASSERT_TRUE(f1->communeId);
    EXPECT_EQ(store->units().get(*f1->communeId, false)->code, "05977");  // the city centre: Phường Đông Kinh
    const auto f2 = store->features().findByKey("forests", "F2");
    EXPECT_EQ(std::get<std::string>(f2->attributes.at("origin")), "planted");

    // Re-importing the same keys updates instead of adding.
    const ImportReport again = importLayer(*store, csv, o);
    EXPECT_EQ(again.inserted, 0);
    EXPECT_EQ(again.updated, 2);
    EXPECT_EQ(store->features().count("forests"), 2);
}

} // namespace
} // namespace planmap::layers::io
