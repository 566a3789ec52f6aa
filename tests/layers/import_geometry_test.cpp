// Geometry checks of the import engine: a self-intersecting polygon is
// repaired with MakeValid and reported; one that MakeValid would collapse
// fails the import (nothing written) or, with skipInvalid, is left out and
// listed.

#include "import_testkit.h"

#include "planmap/geo/GeometryValidity.h"

namespace planmap::layers::importtest {
namespace {

class ImportGeometry : public ImportEngineTest {
protected:
    std::filesystem::path plots(std::vector<std::string> wkts, int epsg = 4326)
    {
        std::vector<std::string> keys, types;
        for (std::size_t i = 0; i < wkts.size(); ++i) {
            keys.push_back("LO" + std::to_string(i + 1));
            types.push_back("Rừng phòng hộ");
        }
        const auto shp = dir.file("lo_rung.shp");
        writeShapefile(shp, wkts, {{"MA_LO", OFTString, 10, keys}, {"LOAI", OFTString, 40, types}}, epsg,
                       std::string("UTF-8"), wkbPolygon);
        return shp;
    }
    importer::ImportRequest forests(const std::filesystem::path& shp)
    {
        importer::ImportRequest r = request(shp, "forests");
        r.keyField = "MA_LO";
        r.fields.set("forest_type", "LOAI");
        return r;
    }
};

TEST_F(ImportGeometry, ASelfIntersectingPolygonIsRepairedAndReported)
{
    const importer::ImportResult result = importer::runImport(project(), forests(plots({kSquare, kBowTie})));
    EXPECT_EQ(result.report.inserted, 2);
    ASSERT_EQ(result.report.repairs.size(), 1u);
    const std::string& repair = result.report.repairs.front();
    EXPECT_NE(repair.find("feature 2"), std::string::npos) << repair;
    EXPECT_NE(repair.find("Self-intersection"), std::string::npos) << repair;

    const auto f = project().features().findByKey("forests", "LO2");
    ASSERT_TRUE(f);
    const geo::Geometry g = geo::Geometry::fromWkb(f->geometry);
    EXPECT_TRUE(geo::validate(g).valid);
    EXPECT_EQ(g.type(), geo::GeometryType::MultiPolygon);
    EXPECT_EQ(g.numGeometries(), 2);
    // Two triangles, each 0.02° wide and 0.01° high.
    EXPECT_NEAR(g.area(), 2 * 0.5 * 0.02 * 0.01, 1e-12);
    EXPECT_EQ(std::get<std::string>(f->attributes.at("forest_type")), "protection");
}

TEST_F(ImportGeometry, InAProjectedFileValidityIsCheckedInTheFilesOwnCoordinates)
{
    // In EPSG:9215 near Lạng Sơn city: a square, a ring collapsed onto a
    // straight line (no area), a bow tie. In longitude/latitude the collapsed
    // ring is no longer exactly straight: checked only there, it passed as a
    // valid sliver of a forest plot.
    importer::ImportRequest r = forests(plots({"POLYGON ((449000 2417000,449150 2417000,449150 2417150,449000 2417150,449000 2417000))",
                                               "POLYGON ((450000 2417000,450100 2417000,450200 2417000,450000 2417000))",
                                               "POLYGON ((451000 2417000,451150 2417150,451150 2417000,451000 2417150,451000 2417000))"},
                                              9215));
    r.skipInvalid = true;
    const importer::ImportResult result = importer::runImport(project(), r);
    EXPECT_EQ(result.report.inserted, 2);
    ASSERT_EQ(result.rejected.size(), 1u);
    EXPECT_EQ(result.rejected.front().row, 2);
    // Where, in the file's metres (to the millimetre), and in longitude/latitude as data.
    EXPECT_NE(result.rejected.front().reason.find("at (450100.000 2417000.000)"), std::string::npos)
        << result.rejected.front().reason;
    const auto& problem = result.rejected.front().message.geometry;
    ASSERT_TRUE(problem && problem->location);
    EXPECT_NEAR(problem->location->x, 106.769, 1e-3);
    EXPECT_NEAR(problem->location->y, 21.849, 1e-3);
    EXPECT_FALSE(project().features().findByKey("forests", "LO2"));
    ASSERT_EQ(result.report.repairs.size(), 1u);
    const std::string& repair = result.report.repairs.front();
    EXPECT_NE(repair.find("feature 3"), std::string::npos) << repair;
    // The figures of the repair are the file's (metres): the two triangles
    // of 150 m by 75 m.
    EXPECT_NE(repair.find("in VN-2000 / TM-3 107-15 (EPSG:9215), the file's coordinates"), std::string::npos) << repair;
    EXPECT_NE(repair.find("to 11250"), std::string::npos) << repair;
    const auto f = project().features().findByKey("forests", "LO3");
    ASSERT_TRUE(f);
    const geo::Geometry g = geo::Geometry::fromWkb(f->geometry);
    EXPECT_TRUE(geo::validate(g).valid);
    EXPECT_EQ(g.numGeometries(), 2);
    EXPECT_NEAR(g.envelope().minx, 106.7788, 1e-3);  // longitude/latitude in the project
}

TEST_F(ImportGeometry, AnUnrepairableGeometryFailsTheImportAndWritesNothing)
{
    const auto shp = plots({kSquare, kBowTie, kCollapsed});
    const std::string before = closeAndHash();
    reopen();
    try {
        importer::runImport(project(), forests(shp));
        FAIL() << "expected ImportProblems";
    } catch (const io::ImportProblems& e) {
        ASSERT_EQ(e.problems().size(), 1u) << e.what();
        EXPECT_NE(e.problems().front().find("feature 3, geometry"), std::string::npos) << e.problems().front();
        EXPECT_NE(e.problems().front().find("MakeValid"), std::string::npos) << e.problems().front();
        EXPECT_NE(std::string(e.what()).find("nothing was written"), std::string::npos);
    }
    EXPECT_EQ(project().features().count("forests"), 0);
    EXPECT_EQ(closeAndHash(), before);
}

TEST_F(ImportGeometry, SkipInvalidLeavesTheRowOutAndListsIt)
{
    importer::ImportRequest r = forests(plots({kSquare, kBowTie, kCollapsed}));
    r.skipInvalid = true;
    const importer::ImportResult result = importer::runImport(project(), r);
    EXPECT_EQ(result.report.inserted, 2);
    ASSERT_EQ(result.rejected.size(), 1u);
    EXPECT_EQ(result.rejected.front().row, 3);
    EXPECT_NE(result.rejected.front().where.find("feature 3"), std::string::npos);
    EXPECT_FALSE(result.rejected.front().reason.empty());
    EXPECT_FALSE(project().features().findByKey("forests", "LO3"));
    bool warned = false;
    for (const auto& w : result.report.warnings) warned = warned || w.find("left out") != std::string::npos;
    EXPECT_TRUE(warned);
}

TEST_F(ImportGeometry, AGeometryOfTheWrongKindIsAProblemNamingTheRow)
{
    // Points into the forests layer (polygons).
    std::vector<std::string> keys{"A", "B"};
    const auto shp = dir.file("points.shp");
    writeShapefile(shp, communePoints(4326, 2), {{"MA_LO", OFTString, 10, keys}}, 4326);
    importer::ImportRequest r = request(shp, "forests");
    r.keyField = "MA_LO";
    try {
        importer::runImport(project(), r);
        FAIL() << "expected ImportProblems";
    } catch (const io::ImportProblems& e) {
        EXPECT_EQ(e.problems().size(), 2u);
        EXPECT_NE(e.problems().front().find("polygons"), std::string::npos) << e.problems().front();
    }
}

} // namespace
} // namespace planmap::layers::importtest
