#include "planmap/geo/VectorReader.h"
#include "planmap/geo/VectorWriter.h"

#include "planmap/geo/Transform.h"

#include "geo_test_support.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <gtest/gtest.h>

#include <fstream>
#include <random>

using namespace planmap::geo;
using planmap::geo::test::TempDir;

namespace {

std::string messageOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const IoError& e) {
        return e.what();
    } catch (const std::exception& e) {
        return std::string("wrong exception type: ") + e.what();
    }
    return "no exception";
}

void writeText(const std::filesystem::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary);
    out << text;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

const std::vector<FieldDefinition> kFields{
    {"ma", FieldType::String},
    {"ten", FieldType::String},
    {"dan_so", FieldType::Integer},
    {"dien_tich", FieldType::Real},
    {"ngay", FieldType::Date},
};

struct Row {
    std::vector<FieldValue> values;
    Geometry lonLat;
};

std::vector<Row> sampleRows() {
    std::vector<Row> rows;
    rows.push_back({{std::string("06001"), std::string("Lộc Bình"), std::int64_t{30512}, 123.456, Date{2025, 7, 1}},
                    Geometry::fromWkt("POLYGON ((106.90 21.70, 107.00 21.70, 107.00 21.80, 106.90 21.80, 106.90 21.70),"
                                      " (106.93 21.73, 106.95 21.73, 106.95 21.75, 106.93 21.73))")});
    rows.push_back({{std::string("06002"), std::string("Hồng Phong"), std::int64_t{8100}, 45.5, Date{2024, 12, 31}},
                    Geometry::fromWkt("MULTIPOLYGON (((106.60 21.90, 106.70 21.90, 106.65 22.00, 106.60 21.90)),"
                                      " ((106.72 21.90, 106.74 21.90, 106.74 21.92, 106.72 21.90)))")});
    rows.push_back({{std::string("05977"), std::string("Đông Kinh"), std::int64_t{-1}, 0.25, Date{2000, 2, 29}},
                    Geometry::fromWkt("POLYGON ((106.75 21.80, 106.80 21.80, 106.80 21.85, 106.75 21.80))")});
    return rows;
}

/// Writes the sample rows (in `crs`) as a MultiPolygon layer and reads them back.
std::vector<Feature> roundTrip(const std::filesystem::path& file, const Crs& crs, VectorReader** keepReader = nullptr) {
    const Transform toCrs(Crs::fromEpsg(4326), crs);
    {
        VectorWriter w(file);
        w.createLayer({"xa", GeometryType::MultiPolygon, false, crs, kFields});
        for (const Row& r : sampleRows()) w.write(r.values, r.lonLat.transformed(toCrs));
        EXPECT_EQ(w.featuresWritten(), 3);
        w.commit();
    }
    VectorReader reader(file);
    VectorLayer layer = reader.layer();
    EXPECT_EQ(layer.featureCount(), 3);
    return layer.readAll();
}

/// `toFileCrs` takes the sample's lon/lat geometries to the CRS the file was read in.
void expectSameRows(const std::vector<Feature>& got, const VectorLayer& layer, const Transform* toFileCrs,
                    double tolerance, bool typedDates = true) {
    const auto rows = sampleRows();
    ASSERT_EQ(got.size(), rows.size());
    for (std::size_t r = 0; r < rows.size(); ++r) {
        EXPECT_EQ(got[r].row, static_cast<std::int64_t>(r + 1));
        for (std::size_t i = 0; i < kFields.size(); ++i) {
            const int k = layer.fieldIndex(kFields[i].name);
            ASSERT_GE(k, 0) << kFields[i].name;
            const FieldValue& expected = rows[r].values[i];
            const FieldValue& actual = got[r].values[static_cast<std::size_t>(k)];
            if (std::holds_alternative<double>(expected)) {
                ASSERT_TRUE(std::holds_alternative<double>(actual)) << kFields[i].name << " " << toString(actual);
                EXPECT_NEAR(std::get<double>(actual), std::get<double>(expected), 1e-9);
            } else if (std::holds_alternative<Date>(expected) && !typedDates) {
                EXPECT_EQ(toString(actual).substr(0, 10), toString(expected)) << kFields[i].name;
            } else {
                EXPECT_EQ(actual, expected) << kFields[i].name << ": " << toString(actual);
            }
        }
        ASSERT_TRUE(got[r].geometry.has_value());
        const Geometry expected = toFileCrs ? rows[r].lonLat.transformed(*toFileCrs) : rows[r].lonLat;
        const Geometry& back = *got[r].geometry;
        EXPECT_LE(back.hausdorffDistance(expected), tolerance) << back.toWkt();
        EXPECT_NEAR(back.area(), expected.area(), expected.area() * 1e-6);
    }
}

} // namespace

TEST(VectorIO, FormatFromExtension) {
    EXPECT_EQ(vectorFormatFromPath("a/b.GPKG"), VectorFormat::GeoPackage);
    EXPECT_EQ(vectorFormatFromPath("b.geojson"), VectorFormat::GeoJson);
    EXPECT_EQ(vectorFormatFromPath("b.json"), VectorFormat::GeoJson);
    EXPECT_EQ(vectorFormatFromPath("b.shp"), VectorFormat::Shapefile);
    EXPECT_EQ(vectorFormatFromPath("b.csv"), VectorFormat::Csv);
    EXPECT_EQ(vectorFormatFromPath("b.kml"), VectorFormat::Kml);
    const std::string m = messageOf([] { (void)vectorFormatFromPath("/tmp/ban-do.dwg"); });
    EXPECT_TRUE(contains(m, "/tmp/ban-do.dwg")) << m;
    EXPECT_TRUE(contains(m, ".gpkg")) << m;
}

TEST(VectorIO, GeoPackageRoundTrip) {
    TempDir dir;
    const Crs tm3 = Crs::fromEpsg(9215);
    const auto got = roundTrip(dir / "xa.gpkg", tm3);
    VectorReader reader(dir / "xa.gpkg");
    EXPECT_EQ(reader.driverName(), "GPKG");
    EXPECT_EQ(reader.layerNames(), std::vector<std::string>{"xa"});
    const VectorLayer layer = reader.layer("xa");
    ASSERT_TRUE(layer.crs().has_value());
    EXPECT_EQ(layer.crs()->epsgCode(), 9215);
    EXPECT_EQ(layer.geometryType(), GeometryType::MultiPolygon);
    ASSERT_EQ(layer.fields().size(), kFields.size());
    EXPECT_EQ(layer.fields()[2].type, FieldType::Integer);
    EXPECT_EQ(layer.fields()[4].type, FieldType::Date);
    const Transform toTm3(Crs::fromEpsg(4326), tm3);
    expectSameRows(got, layer, &toTm3, 0.0);  // GeoPackage stores doubles exactly
    EXPECT_EQ(got[0].geometry->type(), GeometryType::MultiPolygon);  // polygon promoted to the layer's type
    const Envelope extent = layer.extent();
    EXPECT_GT(extent.width(), 10000.0);
    // No temporary files left next to the result.
    int entries = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path())) ++entries;
    EXPECT_EQ(entries, 1);
}

TEST(VectorIO, GeoJsonRoundTripKeepsCrs) {
    TempDir dir;
    const Crs tm3 = Crs::fromEpsg(9215);
    const auto got = roundTrip(dir / "xa.geojson", tm3);
    VectorReader reader(dir / "xa.geojson");
    const VectorLayer layer = reader.layer();
    ASSERT_TRUE(layer.crs().has_value());
    EXPECT_EQ(layer.crs()->epsgCode(), 9215);
    const Transform toTm3(Crs::fromEpsg(4326), tm3);
    expectSameRows(got, layer, &toTm3, 1e-6);  // metres; GeoJSON writes 15 significant digits
}

TEST(VectorIO, ShapefileRoundTripWritesCpgAndPrj) {
    TempDir dir;
    const auto got = roundTrip(dir / "xa.shp", Crs::fromEpsg(4326));
    for (const char* ext : {".shp", ".shx", ".dbf", ".prj", ".cpg"}) {
        EXPECT_TRUE(std::filesystem::exists(dir / (std::string("xa") + ext))) << ext;
    }
    std::ifstream cpg(dir / "xa.cpg");
    std::string encoding;
    std::getline(cpg, encoding);
    EXPECT_EQ(encoding, "UTF-8");
    VectorReader reader(dir / "xa.shp");
    const VectorLayer layer = reader.layer();
    ASSERT_TRUE(layer.crs().has_value());
    EXPECT_EQ(layer.crs()->epsgCode(), 4326);
    EXPECT_EQ(layer.declaredEncoding().cpg, "UTF-8");
    EXPECT_EQ(layer.declaredEncoding().encoding, "UTF-8");
    expectSameRows(got, layer, nullptr, 1e-12);

    // Writing again replaces the previous shapefile completely.
    VectorWriter again(dir / "xa.shp");
    again.createLayer({"xa", GeometryType::Point, false, std::nullopt, {{"ten", FieldType::String}}});
    again.write({std::string("Lộc Bình")}, Geometry::point(1, 2));
    again.commit();
    EXPECT_FALSE(std::filesystem::exists(dir / "xa.prj"));  // the new one has no CRS
    VectorReader replaced(dir / "xa.shp");
    EXPECT_FALSE(replaced.layer().crs().has_value());
    EXPECT_EQ(replaced.layer().featureCount(), 1);
}

TEST(VectorIO, ShapefileLongFieldNamesAreReported) {
    TempDir dir;
    VectorWriter w(dir / "t.shp");
    w.createLayer({"t", GeometryType::Point, false, Crs::fromEpsg(4326), {{"dien_tich_ha_2025", FieldType::Real}}});
    ASSERT_EQ(w.warnings().size(), 1u);
    EXPECT_TRUE(contains(w.warnings()[0], "dien_tich_ha_2025")) << w.warnings()[0];
    w.write({1.5}, Geometry::point(106, 21));
    w.commit();
}

TEST(VectorIO, CsvRoundTripWithWkt) {
    TempDir dir;
    const auto got = roundTrip(dir / "xa.csv", Crs::fromEpsg(4326));
    VectorReader reader(dir / "xa.csv");
    const VectorLayer layer = reader.layer();
    EXPECT_EQ(layer.wktColumn(), "WKT");
    EXPECT_FALSE(layer.crs().has_value());  // CSV carries no CRS
    ASSERT_EQ(layer.fields().size(), kFields.size());  // the WKT column became the geometry
    EXPECT_EQ(layer.fields()[0].type, FieldType::String);  // "06001" keeps its leading zero
    EXPECT_EQ(layer.fields()[2].type, FieldType::Integer);
    EXPECT_EQ(layer.fields()[3].type, FieldType::Real);
    EXPECT_EQ(layer.fields()[4].type, FieldType::Date);
    expectSameRows(got, layer, nullptr, 1e-12);
}

TEST(VectorIO, CsvRoundTripWithPointColumns) {
    TempDir dir;
    {
        VectorWriter w(dir / "diem.csv");
        w.createLayer({"diem", GeometryType::Point, false, Crs::fromEpsg(4326), kFields});
        for (const Row& r : sampleRows()) w.write(r.values, r.lonLat.pointOnSurface());
        w.commit();
    }
    VectorReader reader(dir / "diem.csv");
    const VectorLayer layer = reader.layer();
    ASSERT_TRUE(layer.coordinateColumns().has_value());
    EXPECT_EQ(layer.coordinateColumns()->first, "X");
    EXPECT_EQ(layer.geometryType(), GeometryType::Point);
    VectorLayer l = reader.layer();
    const auto got = l.readAll();
    ASSERT_EQ(got.size(), 3u);
    const auto rows = sampleRows();
    for (std::size_t r = 0; r < rows.size(); ++r) {
        EXPECT_EQ(got[r].values[static_cast<std::size_t>(l.fieldIndex("ten"))], rows[r].values[1]);
        EXPECT_LT(got[r].geometry->distance(rows[r].lonLat.pointOnSurface()), 1e-12);
    }
}

TEST(VectorIO, KmlRoundTripIsInWgs84) {
    TempDir dir;
    const Crs tm3 = Crs::fromEpsg(9215);
    const auto got = roundTrip(dir / "xa.kml", tm3);  // written from VN-2000 coordinates
    VectorReader reader(dir / "xa.kml");
    const VectorLayer layer = reader.layer();
    ASSERT_TRUE(layer.crs().has_value());
    EXPECT_EQ(layer.crs()->epsgCode(), 4326);
    // Written from VN-2000 and transformed back by the writer: PROJ's inverse
    // Helmert round trip is good to about a millimetre (1e-8 degree).
    expectSameRows(got, layer, nullptr, 1e-7, /*typedDates=*/false);
}

TEST(VectorIO, ReadsSpreadsheetsAndKmz) {
    TempDir dir;
    GDALAllRegister();
    for (const char* driverName : {"XLSX", "ODS"}) {
        const std::string file = (dir / (std::string("lang.") + (driverName[0] == 'X' ? "xlsx" : "ods"))).string();
        {
            GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driverName);
            ASSERT_NE(driver, nullptr);
            GDALDatasetUniquePtr ds(driver->Create(file.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
            ASSERT_TRUE(ds);
            OGRLayer* l = ds->CreateLayer("thon", nullptr, wkbNone, nullptr);
            OGRFieldDefn name("ten_thon", OFTString), lon("kinh_do", OFTReal), lat("vi_do", OFTReal);
            l->CreateField(&name);
            l->CreateField(&lon);
            l->CreateField(&lat);
            OGRFeature f(l->GetLayerDefn());
            f.SetField(0, "Bản Mới");
            f.SetField(1, 106.7615);
            f.SetField(2, 21.8537);
            ASSERT_EQ(l->CreateFeature(&f), OGRERR_NONE);
        }
        VectorReader reader(file);
        VectorLayer layer = reader.layer();
        ASSERT_TRUE(layer.coordinateColumns().has_value()) << driverName;
        ASSERT_EQ(layer.fields().size(), 1u) << driverName;
        const auto rows = layer.readAll();
        ASSERT_EQ(rows.size(), 1u);
        EXPECT_EQ(rows[0].values[0], FieldValue(std::string("Bản Mới")));
        EXPECT_EQ(rows[0].geometry->toWkt(), "POINT (106.7615 21.8537)");
    }
    {
        GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("LIBKML");
        ASSERT_NE(driver, nullptr);
        const std::string file = (dir / "x.kmz").string();
        GDALDatasetUniquePtr ds(driver->Create(file.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        OGRSpatialReference wgs84;
        wgs84.importFromEPSG(4326);
        wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        OGRLayer* l = ds->CreateLayer("cho", &wgs84, wkbPoint, nullptr);
        OGRFeature f(l->GetLayerDefn());
        OGRPoint p(106.75, 21.85);
        f.SetGeometry(&p);
        ASSERT_EQ(l->CreateFeature(&f), OGRERR_NONE);
    }
    VectorReader kmz(dir / "x.kmz");
    VectorLayer layer = kmz.layer();
    const auto rows = layer.readAll();
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_NEAR(rows[0].geometry->envelope().minx, 106.75, 1e-12);
}

TEST(VectorIO, CsvWithExplicitColumnsAndDecimalCommas) {
    TempDir dir;
    writeText(dir / "v.csv", "ten;lon_vn;lat_vn;ma\nBản A;106,7615;21,8537;007\nBản B;106.5;22;008\n");
    ReaderOptions options;
    options.xColumn = "lon_vn";
    options.yColumn = "lat_vn";
    VectorReader reader(dir / "v.csv", options);
    VectorLayer layer = reader.layer();
    const auto rows = layer.readAll();
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].geometry->toWkt(), "POINT (106.7615 21.8537)");
    EXPECT_EQ(rows[1].values[static_cast<std::size_t>(layer.fieldIndex("ma"))], FieldValue(std::string("008")));
    EXPECT_EQ(layer.fieldIndex("lon_vn"), -1);  // became the geometry

    options.keepGeometryColumns = true;
    VectorReader keep(dir / "v.csv", options);
    EXPECT_GE(keep.layer().fieldIndex("lon_vn"), 0);

    ReaderOptions missing;
    missing.xColumn = "kinh_do";
    missing.yColumn = "lat_vn";
    const std::string m = messageOf([&] { (void)VectorReader(dir / "v.csv", missing).layer(); });
    EXPECT_TRUE(contains(m, "'kinh_do'")) << m;
    EXPECT_TRUE(contains(m, "'lon_vn'")) << m;  // lists the columns there are
}

TEST(VectorIO, CsvDatesInVietnameseOrder) {
    TempDir dir;
    writeText(dir / "d.csv", "ten,ngay,so\nA,01/07/2025,1.5\nB,31/12/2024,2\n");
    VectorReader reader(dir / "d.csv");
    VectorLayer layer = reader.layer();
    EXPECT_EQ(layer.fields()[1].type, FieldType::Date);
    EXPECT_EQ(layer.fields()[2].type, FieldType::Real);
    const auto rows = layer.readAll();
    EXPECT_EQ(rows[0].values[1], FieldValue(Date{2025, 7, 1}));
    EXPECT_EQ(rows[1].values[2], FieldValue(2.0));
    EXPECT_FALSE(rows[0].geometry.has_value());
}

TEST(VectorIO, ErrorsNameFileRowAndColumn) {
    TempDir dir;
    // Missing file.
    std::string m = messageOf([&] { VectorReader r(dir / "khong-co.gpkg"); });
    EXPECT_TRUE(contains(m, "not found")) << m;
    EXPECT_TRUE(contains(m, "khong-co.gpkg")) << m;

    // Random bytes named .gpkg.
    {
        std::mt19937 rng(3);
        std::string junk(4096, '\0');
        for (char& c : junk) c = static_cast<char>(rng() & 0xff);
        writeText(dir / "hong.gpkg", junk);
    }
    m = messageOf([&] { VectorReader r(dir / "hong.gpkg"); });
    EXPECT_TRUE(contains(m, "hong.gpkg")) << m;
    EXPECT_TRUE(contains(m, "damaged")) << m;

    // A GeoPackage cut short: the SQLite header is there, the rest is gone.
    {
        VectorWriter w(dir / "full.gpkg");
        w.createLayer({"xa", GeometryType::MultiPolygon, false, Crs::fromEpsg(4326), kFields});
        for (int i = 0; i < 200; ++i) w.write(sampleRows()[0].values, sampleRows()[0].lonLat);
        w.commit();
        std::ifstream in(dir / "full.gpkg", std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        writeText(dir / "cut.gpkg", bytes.substr(0, 3000));
    }
    m = messageOf([&] {
        VectorReader r(dir / "cut.gpkg");
        VectorLayer l = r.layer();
        (void)l.readAll();
    });
    EXPECT_TRUE(contains(m, "cut.gpkg")) << m;

    // Non-numeric coordinate in row 3.
    writeText(dir / "diem.csv", "ten,x,y\nA,106.5,21.8\nB,106.6,21.9\nC,abc,21.7\n");
    m = messageOf([&] {
        VectorReader r(dir / "diem.csv");
        VectorLayer l = r.layer();
        (void)l.readAll();
    });
    EXPECT_TRUE(contains(m, "diem.csv")) << m;
    EXPECT_TRUE(contains(m, "row 3")) << m;
    EXPECT_TRUE(contains(m, "column 'x'")) << m;
    EXPECT_TRUE(contains(m, "'abc'")) << m;

    // Broken WKT in row 2.
    writeText(dir / "wkt.csv", "WKT,ten\n\"POINT (1 2)\",A\n\"POLYGON ((0 0, 1\",B\n");
    m = messageOf([&] {
        VectorReader r(dir / "wkt.csv");
        VectorLayer l = r.layer();
        (void)l.readAll();
    });
    EXPECT_TRUE(contains(m, "row 2")) << m;
    EXPECT_TRUE(contains(m, "column 'WKT'")) << m;

    // Unknown layer.
    m = messageOf([&] { (void)VectorReader(dir / "diem.csv").layer("khong"); });
    EXPECT_TRUE(contains(m, "'khong'")) << m;
}

TEST(VectorIO, FailedWriteLeavesNothing) {
    TempDir dir;
    const auto target = dir / "xa.gpkg";
    {
        VectorWriter w(target);
        w.createLayer({"xa", GeometryType::MultiPolygon, false, Crs::fromEpsg(4326), kFields});
        w.write(sampleRows()[0].values, sampleRows()[0].lonLat);
        std::vector<FieldValue> bad = sampleRows()[1].values;
        bad[2] = std::string("nhiều");  // text in an integer field
        const std::string m = messageOf([&] { w.write(bad, sampleRows()[1].lonLat); });
        EXPECT_TRUE(contains(m, "row 2")) << m;
        EXPECT_TRUE(contains(m, "field 'dan_so'")) << m;
        EXPECT_TRUE(contains(m, "xa.gpkg")) << m;
        const std::string wrongType = messageOf([&] { w.write({}, Geometry::point(1, 1)); });
        EXPECT_TRUE(contains(wrongType, "Point")) << wrongType;
        // No commit: the writer is abandoned as after an error.
    }
    EXPECT_FALSE(std::filesystem::exists(target));
    EXPECT_TRUE(std::filesystem::is_empty(dir.path()));

    // An existing file survives a failed export untouched.
    writeText(target, "old");
    {
        VectorWriter w(target);
        w.createLayer({"xa", GeometryType::MultiPolygon, false, Crs::fromEpsg(4326), kFields});
    }
    std::ifstream in(target);
    std::string content;
    in >> content;
    EXPECT_EQ(content, "old");

    EXPECT_TRUE(contains(messageOf([&] { VectorWriter w(dir / "khong-co" / "a.gpkg"); }), "khong-co"));
}

TEST(VectorIO, ShapefileWithoutPrjAndRawBytes) {
    TempDir dir;
    // A legacy shapefile: no .prj, no .cpg, text stored as 8-bit bytes (as TCVN3/VNI files are).
    const std::string legacy = "L\xA7\xB8" "c B\xACnh";  // bytes that are not UTF-8
    {
        GDALAllRegister();
        GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
        GDALDatasetUniquePtr ds(driver->Create((dir / "cu.shp").string().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        const char* options[] = {"ENCODING=", nullptr};
        OGRLayer* l = ds->CreateLayer("cu", nullptr, wkbPoint, const_cast<char**>(options));
        OGRFieldDefn name("TEN", OFTString);
        l->CreateField(&name);
        OGRFeature f(l->GetLayerDefn());
        f.SetField(0, legacy.c_str());
        OGRPoint p(449314.377, 2417549.695);
        f.SetGeometry(&p);
        ASSERT_EQ(l->CreateFeature(&f), OGRERR_NONE);
    }
    std::filesystem::remove(dir / "cu.cpg");  // GDAL leaves an empty one; old files have none
    ASSERT_FALSE(std::filesystem::exists(dir / "cu.prj"));

    ReaderOptions raw;
    raw.rawStrings = true;
    {
        VectorReader rawReader(dir / "cu.shp", raw);
        VectorLayer layer = rawReader.layer();
        EXPECT_FALSE(layer.crs().has_value());
        EXPECT_TRUE(layer.declaredEncoding().cpg.empty());
        const auto rows = layer.readAll();
        ASSERT_EQ(rows.size(), 1u);
        EXPECT_EQ(rows[0].values[0], FieldValue(legacy));  // byte for byte
        EXPECT_EQ(rows[0].geometry->toWkt(), "POINT (449314.377 2417549.695)");
    }

    // Legacy files often declare a code page that does not match their bytes
    // (TCVN3 text under a Windows-1258 .cpg): GDAL would recode, raw reading must not.
    writeText(dir / "cu.cpg", "1258");
    {
        VectorReader rawReader(dir / "cu.shp", raw);
        VectorLayer layer = rawReader.layer();
        EXPECT_EQ(layer.declaredEncoding().cpg, "1258");
        EXPECT_EQ(layer.declaredEncoding().encoding, "CP1258");
        EXPECT_EQ(layer.readAll()[0].values[0], FieldValue(legacy));
    }
    VectorReader recoded(dir / "cu.shp");
    VectorLayer l2 = recoded.layer();
    const auto decoded = l2.readAll();
    EXPECT_NE(decoded[0].values[0], FieldValue(legacy));  // recoded from CP1258 to UTF-8
}

TEST(VectorIO, ReadsTheBundledCommunes) {
    VectorReader reader(test::langsonData("communes_2025.geojson"));
    VectorLayer layer = reader.layer();
    EXPECT_EQ(layer.featureCount(), 65);
    ASSERT_TRUE(layer.crs().has_value());
    EXPECT_EQ(layer.crs()->epsgCode(), 4326);
    const int code = layer.fieldIndex("code");
    ASSERT_GE(code, 0);
    Feature f;
    ASSERT_TRUE(layer.next(f));
    EXPECT_EQ(f.row, 1);
    EXPECT_EQ(f.values[static_cast<std::size_t>(code)], FieldValue(std::string("05977")));
    EXPECT_EQ(f.geometry->type(), GeometryType::MultiPolygon);
    const Envelope e = layer.extent();
    EXPECT_GT(e.minx, 106.0);
    EXPECT_LT(e.maxx, 107.5);
    layer.reset();
    int n = 0;
    while (layer.next(f)) ++n;
    EXPECT_EQ(n, 65);
}
