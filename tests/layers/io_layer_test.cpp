// Loaders and exporter on small made-up inputs: CRS handling (a VN-2000 check
// point, a shapefile without .prj), geometry repair, bad rows, all or nothing,
// and export fields (illustrative, area_ha, Unicode names).

#include "store_test_support.h"

#include "planmap/geo/Crs.h"
#include "planmap/geo/Geodesic.h"
#include "planmap/geo/Geometry.h"
#include "planmap/geo/VectorReader.h"
#include "planmap/geo/VectorWriter.h"
#include "planmap/layers/io/LayerExport.h"
#include "planmap/layers/io/LayerImport.h"
#include "planmap/layers/io/UnitLayers.h"

#include <gtest/gtest.h>

#include <fstream>

namespace planmap::layers::io {
namespace {

const std::filesystem::path kFixtures = std::filesystem::path(PLANMAP_TEST_FIXTURES) / "io";

class IoLayerTest : public testing::StoreTest {
protected:
    std::int64_t rows(const std::string& table)
    {
        auto s = project().connection().prepare("SELECT count(*) FROM " + table);
        s->step();
        return s->columnInt(0);
    }
    std::vector<Feature> all(const std::string& layer)
    {
        FeatureQuery q;
        q.layer = layer;
        return project().features().list(q);
    }
    std::filesystem::path write(const std::string& name, const std::string& text)
    {
        const auto path = dir.file(name);
        std::ofstream(path, std::ios::binary) << text;
        return path;
    }
};

TEST_F(IoLayerTest, ProjectedCoordinatesAreTransformedToWgs84)
{
    // The check point of stack-facts.md: E 449314.377 N 2417549.695 in VN-2000 / TM-3 107-15
    // is 106.7615 E 21.8537 N.
    const auto file = dir.file("point_vn2000.gpkg");
    {
        geo::VectorWriter w(file);
        geo::LayerDefinition def{"diem", geo::GeometryType::Point, false, geo::Crs::fromEpsg(9215),
                                 {{"ten", geo::FieldType::String}}};
        w.createLayer(def);
        w.write(std::vector<geo::FieldValue>{std::string("Thôn Mốc")}, geo::Geometry::point(449314.377, 2417549.695));
        w.commit();
    }
    LayerImportOptions o;
    o.layer = "villages";
    o.fields = FieldMapping::parse("name=ten");
    const ImportReport r = importLayer(project(), file, o);
    EXPECT_EQ(r.inserted, 1);
    ASSERT_FALSE(r.notes.empty());
    const auto features = all("villages");
    ASSERT_EQ(features.size(), 1u);
    EXPECT_EQ(features[0].name, "Thôn Mốc");
    const auto [x, y] = testing::pointOf(features[0].geometry);
    EXPECT_NEAR(x, 106.7615, 1e-6);
    EXPECT_NEAR(y, 21.8537, 1e-6);
}

TEST_F(IoLayerTest, ShapefileWithoutPrjGetsItsCrsDetectedOrRefused)
{
    // importLayer goes through the import engine: a shapefile without .prj
    // has its CRS detected against the project's area (here the area of use
    // of the project's CRS, EPSG:9215), or is refused naming the file and --crs.
    const auto write = [&](const std::string& name, double x, double y) {
        const auto file = dir.file(name + ".shp");
        {
            geo::VectorWriter w(file);
            w.createLayer({name, geo::GeometryType::Point, false, geo::Crs::fromEpsg(9215), {{"name", geo::FieldType::String}}});
            w.write(std::vector<geo::FieldValue>{std::string("Chợ")}, geo::Geometry::point(x, y));
            w.commit();
        }
        std::filesystem::remove(dir.file(name + ".prj"));
        return file;
    };
    LayerImportOptions o;
    o.layer = "markets";
    try {
        importLayer(project(), write("far_away", 10.0, 10.0), o);
        FAIL() << "no error";
    } catch (const ImportError& e) {
        const std::string m = e.what();
        EXPECT_NE(m.find("far_away.shp"), std::string::npos) << m;
        EXPECT_NE(m.find("does not say the CRS"), std::string::npos) << m;
        EXPECT_NE(m.find("--crs"), std::string::npos) << m;
    }
    EXPECT_EQ(project().features().count("markets"), 0);
    EXPECT_EQ(rows("import_batches"), 0);

    const auto file = write("no_prj", 449314.377, 2417549.695);
    const ImportReport detected = importLayer(project(), file, o);
    EXPECT_EQ(detected.inserted, 1);
    const auto [x, y] = testing::pointOf(all("markets")[0].geometry);
    EXPECT_NEAR(x, 106.7615, 1e-6);
    EXPECT_NEAR(y, 21.8537, 1e-6);

    // Given explicitly, the same.
    o.crs = "EPSG:9215";
    EXPECT_EQ(importLayer(project(), file, o).inserted, 1);
    const auto [x2, y2] = testing::pointOf(all("markets")[1].geometry);
    EXPECT_NEAR(x2, 106.7615, 1e-6);
    EXPECT_NEAR(y2, 21.8537, 1e-6);
}

TEST_F(IoLayerTest, InvalidGeometryIsRepairedAndReported)
{
    const auto file = write("bowtie.geojson",
                            R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"name":"Lô hình nơ"},"geometry":{"type":"Polygon","coordinates":
 [[[106.70,21.80],[106.80,21.90],[106.80,21.80],[106.70,21.90],[106.70,21.80]]]}}]})");
    LayerImportOptions o;
    o.layer = "forests";
    const ImportReport r = importLayer(project(), file, o);
    ASSERT_EQ(r.repairs.size(), 1u);
    EXPECT_NE(r.repairs[0].find("bowtie.geojson, feature 1"), std::string::npos) << r.repairs[0];
    EXPECT_NE(r.repairs[0].find("Self-intersection"), std::string::npos) << r.repairs[0];
    const auto f = all("forests");
    ASSERT_EQ(f.size(), 1u);
    const geo::Geometry g = geo::Geometry::fromWkb(f[0].geometry);
    EXPECT_TRUE(g.isValid());
    EXPECT_EQ(g.numGeometries(), 2);  // the two triangles
    EXPECT_NEAR(g.area(), 0.005, 1e-12);
}

TEST_F(IoLayerTest, BadRowsAreAllReportedAndNothingIsWritten)
{
    LayerImportOptions o;
    o.layer = "villages";
    o.keyField = "key";
    try {
        importLayer(project(), kFixtures / "villages_bad_rows.csv", o);
        FAIL() << "no error";
    } catch (const ImportProblems& e) {
        ASSERT_EQ(e.problems().size(), 2u) << e.what();
        EXPECT_NE(e.problems()[0].find("villages_bad_rows.csv, row 3, column \"population\": \"một trăm\" is not a whole number"),
                  std::string::npos) << e.problems()[0];
        EXPECT_NE(e.problems()[1].find("row 5, column \"road_status\": \"gravel\" is not one of"), std::string::npos)
            << e.problems()[1];
    }
    EXPECT_EQ(project().features().count("villages"), 0);
    EXPECT_EQ(rows("import_batches"), 0);
}

TEST_F(IoLayerTest, UnitsNeedCodesAndParentsThatExist)
{
    LayerImportOptions o;
    o.layer = "communes_2023";
    o.keyField = "code";
    o.fields = FieldMapping::parse("full_name=name,parent=district");
    try {
        importLayer(project(), kFixtures / "communes_bad_parent.csv", o);
        FAIL() << "no error";
    } catch (const ImportProblems& e) {
        const std::string m = e.what();
        EXPECT_NE(m.find("row 2, column \"district\": no district with code 178"), std::string::npos) << m;
        EXPECT_NE(m.find("row 4, column \"code\": the code 90001 was already used at"), std::string::npos) << m;
    }
    EXPECT_EQ(project().units().count(), 0);
}

TEST_F(IoLayerTest, ExportCarriesIllustrativeAreaAndUnicodeNames)
{
    AdminUnit u = testing::commune("99001", "Thượng Cường", std::string(kGeneration2025));
    u.geometry = testing::wkbBox(106.70, 21.80, 106.71, 21.81);
    u.illustrative = true;
    project().units().insert(u);
    const auto out = dir.file("communes.gpkg");
    const ExportReport r = exportLayer(project(), out, {"communes_2025", std::nullopt});
    EXPECT_EQ(r.features, 1);
    geo::VectorReader reader(out);
    geo::VectorLayer layer = reader.layer(0);
    ASSERT_TRUE(layer.crs());
    EXPECT_EQ(layer.crs()->epsgCode(), 4326);
    auto features = layer.readAll();
    ASSERT_EQ(features.size(), 1u);
    const auto value = [&](const char* field) { return features[0].values[static_cast<std::size_t>(layer.fieldIndex(field))]; };
    EXPECT_EQ(std::get<std::string>(value("full_name")), "Xã Thượng Cường");
    EXPECT_EQ(std::get<std::string>(value("code")), "99001");
    EXPECT_EQ(std::get<std::int64_t>(value("illustrative")), 1);
    const double expected = geo::Geodesic().areaHectares(geo::Geometry::fromWkb(u.geometry));
    EXPECT_NEAR(std::get<double>(value("area_ha")), expected, 1e-4);
    EXPECT_GT(expected, 100.0);

    // In VN-2000 the geometry is in metres but area_ha is the same geodesic area.
    const auto projected = dir.file("communes_vn2000.gpkg");
    exportLayer(project(), projected, {"communes_2025", std::string("EPSG:9215")});
    geo::VectorReader reader2(projected);
    geo::VectorLayer layer2 = reader2.layer(0);
    EXPECT_EQ(layer2.crs()->epsgCode(), 9215);
    auto f2 = layer2.readAll();
    EXPECT_GT(f2[0].geometry->envelope().minx, 400000);
    EXPECT_NEAR(std::get<double>(f2[0].values[static_cast<std::size_t>(layer2.fieldIndex("area_ha"))]), expected, 1e-4);

    // KML is WGS 84 only.
    EXPECT_THROW(exportLayer(project(), dir.file("x.kml"), {"communes_2025", std::string("EPSG:9215")}), std::runtime_error);
    EXPECT_FALSE(std::filesystem::exists(dir.file("x.kml")));
}

TEST(IoFieldMapping, ParsesPairsAndRefusesMalformedOnes)
{
    const FieldMapping m = FieldMapping::parse("code=MA_XA, full_name = Tên xã ,parent=Mã QH");
    EXPECT_EQ(m.sourceFor("code"), "MA_XA");
    EXPECT_EQ(m.sourceFor("full_name"), "Tên xã");
    EXPECT_EQ(m.sourceFor("parent"), "Mã QH");
    EXPECT_FALSE(m.sourceFor("name"));
    EXPECT_THROW(FieldMapping::parse("code"), std::invalid_argument);
    EXPECT_THROW(FieldMapping::parse("code=a,code=b"), std::invalid_argument);
    EXPECT_THROW(FieldMapping::parse("=a"), std::invalid_argument);
}

TEST(IoUnitLayers, NamesAndGenerations)
{
    ASSERT_TRUE(findUnitLayer("communes_2023"));
    EXPECT_EQ(findUnitLayer("communes_2023")->generation, kGenerationPre2025);
    EXPECT_EQ(findUnitLayer("communes_2023")->parentLevel, UnitLevel::District);
    EXPECT_EQ(findUnitLayer("communes_2025")->validFrom, makeDate(2025, 7, 1));
    EXPECT_FALSE(findUnitLayer("villages"));
    EXPECT_EQ(generationKey("2023"), std::string(kGenerationPre2025));
    EXPECT_EQ(generationLabel(kGenerationPre2025), "2023");
}

} // namespace
} // namespace planmap::layers::io
