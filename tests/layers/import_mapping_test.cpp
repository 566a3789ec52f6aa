// Field mapping: the row mapper's conversions and errors, names and types of
// a new layer's fields, mappings saved in the project and reused, rows placed
// by a commune code column, XLSX with coordinate columns.

#include "import_testkit.h"

#include "planmap/layers/importer/RowMapper.h"
#include "planmap/layers/importer/SavedMappings.h"

namespace planmap::layers::importtest {
namespace {

using importer::RowMapper;
using importer::TargetField;

TargetField field(const char* name, FieldType type, std::vector<FieldValue> values = {})
{
    TargetField t;
    t.info.name = name;
    t.info.type = type;
    t.info.titleVi = name;
    t.info.values = std::move(values);
    return t;
}

TEST(ImportRowMapper, ConvertsVietnameseNumbersDatesYesNoAndCodedLabels)
{
    const std::vector<TargetField> targets{
        field("so_dan", FieldType::Integer), field("dien_tich", FieldType::Real), field("ngay", FieldType::Date),
        field("dbkk", FieldType::Boolean),
        field("loai", FieldType::Text, {{"protection", "Rừng phòng hộ", "Protection forest"},
                                        {"production", "Rừng sản xuất", "Production forest"}})};
    const RowMapper mapper({"Số dân", "Diện tích (ha)", "Ngày", "ĐBKK", "Loại rừng"}, targets,
                           io::FieldMapping::parse("so_dan=So dan,dien_tich=Diện tích (ha),ngay=Ngày,dbkk=DBKK,loai=Loai rung"));
    const std::vector<geo::FieldValue> row{std::string("1.238.075"), std::string("1.238,5"), std::string("05/03/2023"),
                                           std::string("Có"), std::string("RUNG PHONG HO")};
    const RowMapper::Result r = mapper.map(row);
    ASSERT_TRUE(r.errors.empty()) << r.errors.front().message;
    EXPECT_EQ(std::get<std::int64_t>(*r.values[0]), 1238075);
    EXPECT_DOUBLE_EQ(std::get<double>(*r.values[1]), 1238.5);
    EXPECT_EQ(std::get<std::string>(*r.values[2]), "2023-03-05");
    EXPECT_EQ(std::get<std::int64_t>(*r.values[3]), 1);
    EXPECT_EQ(std::get<std::string>(*r.values[4]), "protection");
}

TEST(ImportRowMapper, ReportsAnErrorPerField)
{
    const std::vector<TargetField> targets{field("a", FieldType::Integer), field("b", FieldType::Date),
                                           field("c", FieldType::Real)};
    const RowMapper mapper({"a", "b", "c"}, targets, {});
    const RowMapper::Result r = mapper.map(std::vector<geo::FieldValue>{std::string("12,5"), std::string("31/02/2023"),
                                                                        std::string("")});
    ASSERT_EQ(r.errors.size(), 2u);
    EXPECT_EQ(r.errors[0].target, 0u);
    EXPECT_EQ(r.errors[0].message, "\"12,5\" is not a whole number");
    EXPECT_EQ(r.errors[1].target, 1u);
    EXPECT_NE(r.errors[1].message.find("not a date"), std::string::npos);
    EXPECT_TRUE(isNull(*r.values[2]));  // an empty cell is NULL, not an error
}

TEST(ImportRowMapper, UnknownTargetsAndColumnsAreRefusedWithTheChoices)
{
    const std::vector<TargetField> targets{field("a", FieldType::Integer)};
    try {
        RowMapper({"x"}, targets, io::FieldMapping::parse("zz=x"));
        FAIL();
    } catch (const io::ImportError& e) {
        EXPECT_NE(std::string(e.what()).find("(the fields: a)"), std::string::npos) << e.what();
    }
    try {
        RowMapper({"x", "y"}, targets, io::FieldMapping::parse("a=nope"));
        FAIL();
    } catch (const io::ImportError& e) {
        EXPECT_NE(std::string(e.what()).find("the columns are \"x\", \"y\""), std::string::npos) << e.what();
    }
}

TEST(ImportRowMapper, MatchesColumnsByNameIgnoringCaseAndDiacritics)
{
    const std::vector<TargetField> targets{field("ma_xa", FieldType::Text), field("full_name", FieldType::Text)};
    const RowMapper mapper({"MÃ_XÃ", "fullName", "other"}, targets, {});
    EXPECT_EQ(mapper.columnOf("ma_xa"), 0);
    EXPECT_EQ(mapper.columnOf("full_name"), 1);
    EXPECT_EQ(mapper.unusedColumns(), std::vector<std::string>{"other"});
}

TEST(ImportRowMapper, NewLayerFieldNamesAndTypes)
{
    std::set<std::string> taken;
    EXPECT_EQ(importer::fieldNameFor("Mã PX", taken), "ma_px");
    EXPECT_EQ(importer::fieldNameFor("Diện tích (ha)", taken), "dien_tich_ha");
    EXPECT_EQ(importer::fieldNameFor("Đường", taken), "duong");
    EXPECT_EQ(importer::fieldNameFor("2023", taken), "f_2023");
    EXPECT_EQ(importer::fieldNameFor("ID", taken), "src_id");
    EXPECT_EQ(importer::fieldNameFor("***", taken), "field");
    taken.insert("ma_px");
    EXPECT_EQ(importer::fieldNameFor("MA PX", taken), "ma_px_2");

    const auto type = [](std::vector<std::string> texts) {
        std::vector<geo::FieldValue> values(texts.begin(), texts.end());
        std::vector<const geo::FieldValue*> pointers;
        for (const auto& v : values) pointers.push_back(&v);
        return importer::inferFieldType(geo::FieldType::String, pointers);
    };
    EXPECT_EQ(type({"12", "-3", ""}), FieldType::Integer);
    EXPECT_EQ(type({"05977", "05980"}), FieldType::Text);  // codes keep their zeros
    EXPECT_EQ(type({"1,5", "2"}), FieldType::Real);
    EXPECT_EQ(type({"01/07/2025", "2025-07-02"}), FieldType::Date);
    EXPECT_EQ(type({"Có", "Không"}), FieldType::Text);
    EXPECT_EQ(type({}), FieldType::Text);
    EXPECT_EQ(importer::inferFieldType(geo::FieldType::Real, {}), FieldType::Real);
}

class ImportMapping : public ImportEngineTest {};

TEST_F(ImportMapping, AMappingSavedInTheProjectIsReused)
{
    const auto csv = dir.file("cho_q1.csv");
    std::ofstream(csv) << "Mã chợ,Tên chợ,Hiện trạng,X,Y\nC1,Chợ Đông Kinh,Hiện có,106.76,21.85\n";
    importer::ImportRequest r = request(csv, "markets");
    r.keyField = "Mã chợ";
    r.fields = io::FieldMapping::parse("name=Tên chợ,status=Hiện trạng");
    r.saveMappingAs = "bao_cao_cho";
    importer::runImport(project(), r);

    importer::SavedMappings saved(project().connection());
    const importer::SavedMapping m = saved.get("bao_cao_cho");
    EXPECT_EQ(m.layer, "markets");
    EXPECT_EQ(m.keyField, "Mã chợ");
    EXPECT_EQ(m.fields.sourceFor("status"), "Hiện trạng");

    // The next report comes with the same columns: --mapping is enough.
    const auto csv2 = dir.file("cho_q2.csv");
    std::ofstream(csv2) << "Mã chợ,Tên chợ,Hiện trạng,X,Y\nC1,Chợ Đông Kinh,upgrade,106.76,21.85\n"
                           "C2,Chợ Kỳ Lừa,Xây mới,106.77,21.86\n";
    importer::ImportRequest again = request(csv2, "markets");
    again.mappingName = "bao_cao_cho";
    const auto result = importer::runImport(project(), again);
    EXPECT_EQ(result.report.inserted, 1);
    EXPECT_EQ(result.report.updated, 1);
    EXPECT_EQ(std::get<std::string>(project().features().findByKey("markets", "C1")->attributes.at("status")), "upgrade");

    EXPECT_THROW(saved.get("khong_co"), io::ImportError);
    EXPECT_TRUE(saved.remove("bao_cao_cho"));
    EXPECT_TRUE(saved.list().empty());
}

TEST_F(ImportMapping, AnEmptyUserKeyColumnFoundByItsNameIsNoKey)
{
    // planmap's own export of a layer without keys has an empty user_key
    // column: importing it again must not fail on empty keys.
    const auto csv = dir.file("xuat.csv");
    std::ofstream(csv) << "user_key,name,ghi_chu,X,Y\n,Điểm A,a,106.76,21.85\n,Điểm B,b,106.77,21.86\n";
    const auto result = importer::runImport(project(), request(csv, "diem_xuat"));
    EXPECT_EQ(result.report.inserted, 2);

    // Asked for as the key, an empty key is still an error.
    importer::ImportRequest keyed = request(csv, "diem_xuat_2");
    keyed.keyField = "user_key";
    try {
        importer::runImport(project(), keyed);
        FAIL() << "expected ImportProblems";
    } catch (const io::ImportProblems& e) {
        ASSERT_EQ(e.problems().size(), 2u) << e.what();
        EXPECT_NE(e.problems()[0].find("the key is empty"), std::string::npos) << e.problems()[0];
    }
}

TEST_F(ImportMapping, AnIllustrativeColumnKeepsInventedRowsMarked)
{
    // planmap's exports carry `illustrative` (`illustrati` in a shapefile):
    // importing them again must not present invented rows as real.
    const auto csv = dir.file("minh_hoa.csv");
    std::ofstream(csv) << "ma,ten,illustrative,X,Y\nA,Điểm A,1,106.76,21.85\nB,Điểm B,0,106.77,21.86\n";
    importer::ImportRequest r = request(csv, "diem_minh_hoa");
    r.keyField = "ma";
    importer::runImport(project(), r);
    EXPECT_TRUE(project().features().findByKey("diem_minh_hoa", "A")->illustrative);
    EXPECT_FALSE(project().features().findByKey("diem_minh_hoa", "B")->illustrative);

    const auto shp = dir.file("minh_hoa.shp");
    writeShapefile(shp, communePoints(4326, 2), {{"MA", OFTString, 10, {"A", "B"}}, {"ILLUSTRATI", OFTInteger, 0, {"1", "0"}}}, 4326);
    importer::ImportRequest again = request(shp, "diem_minh_hoa");
    again.keyField = "MA";
    const auto result = importer::runImport(project(), again);
    EXPECT_EQ(result.report.updated, 2);
    EXPECT_TRUE(project().features().findByKey("diem_minh_hoa", "A")->illustrative);
    EXPECT_FALSE(project().features().findByKey("diem_minh_hoa", "B")->illustrative);

    // Into a new layer, where the column also becomes a field of its own.
    const auto fresh = importer::runImport(project(), request(shp, "diem_minh_hoa_moi"));
    EXPECT_EQ(fresh.report.inserted, 2);
    int marked = 0;
    FeatureQuery all;
    all.layer = "diem_minh_hoa_moi";
    for (const auto& f : project().features().list(all)) marked += f.illustrative ? 1 : 0;
    EXPECT_EQ(marked, 1);

    // --illustrative marks every row, whatever the column says.
    again.illustrative = true;
    importer::runImport(project(), again);
    EXPECT_TRUE(project().features().findByKey("diem_minh_hoa", "B")->illustrative);
}

TEST_F(ImportMapping, ANewLayerFromKmlLeavesOutKmlsEmptyPresentationColumnsAndSaysSo)
{
    const auto kml = dir.file("lo_rung.kml");
    std::ofstream(kml) << R"(<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Schema name="lo_rung" id="lo_rung"><SimpleField name="chu_rung" type="string"></SimpleField></Schema>
<Folder><name>lo_rung</name>
<Placemark><name>Lô 1</name><ExtendedData><SchemaData schemaUrl="#lo_rung"><SimpleData name="chu_rung">Hoàng Văn Thắng</SimpleData></SchemaData></ExtendedData>
<Point><coordinates>106.76,21.85</coordinates></Point></Placemark>
<Placemark><name>Lô 2</name><description>Rừng phòng hộ</description><ExtendedData><SchemaData schemaUrl="#lo_rung"><SimpleData name="chu_rung">Nông Thị Hường</SimpleData></SchemaData></ExtendedData>
<Point><coordinates>106.77,21.86</coordinates></Point></Placemark>
</Folder></Document></kml>)";
    const auto result = importer::runImport(project(), request(kml, "lo_rung_kml"));
    EXPECT_EQ(result.report.inserted, 2);
    std::vector<std::string> fields;
    for (const auto& f : project().features().layer("lo_rung_kml").fields) fields.push_back(f.name);
    // The description says something in one row: it stays.
    EXPECT_NE(std::find(fields.begin(), fields.end(), "description"), fields.end());
    EXPECT_NE(std::find(fields.begin(), fields.end(), "chu_rung"), fields.end());
    for (const char* blank : {"begin", "end", "altitudemode", "tessellate", "extrude", "visibility", "draworder", "icon"})
        EXPECT_EQ(std::find(fields.begin(), fields.end(), blank), fields.end()) << blank;
    const auto& notes = result.report.notes;
    EXPECT_NE(std::find_if(notes.begin(), notes.end(),
                           [](const std::string& n) { return n.find("KML columns left out") != std::string::npos
                                                             && n.find("\"tessellate\"") != std::string::npos; }),
              notes.end());
    // As data too, for the wizard to word.
    const auto left = std::find_if(result.messages.begin(), result.messages.end(), [](const importer::ImportMessage& m) {
        return m.kind == importer::MessageKind::KmlColumnsLeftOut;
    });
    ASSERT_NE(left, result.messages.end());
    EXPECT_NE(std::find(left->items.begin(), left->items.end(), "tessellate"), left->items.end());
}

TEST_F(ImportMapping, ANewLayerTakesItsFeatureNamesFromTheColumnNamedTen)
{
    // District offices name the column "Tên thôn", "TEN_LO"...: the features get those names
    // (labels, identify and search show them) without --field-map name=...
    int n = 0;
    for (const std::string header : {"Tên thôn", "TEN_LO", "ten xa"}) {
        const auto csv = dir.file("ten.csv");
        std::ofstream(csv, std::ios::trunc) << "Mã," << header << ",Tenant,X,Y\nA1,Bản Chắt,x,106.76,21.85\n";
        const std::string layer = "ten_" + std::to_string(++n);
        importer::runImport(project(), request(csv, layer));
        FeatureQuery q;
        q.layer = layer;
        const auto features = project().features().list(q);
        ASSERT_EQ(features.size(), 1u) << header;
        EXPECT_EQ(features[0].name.value_or(""), "Bản Chắt") << header;
    }
    // "Tenant" is not a name column.
    const auto csv = dir.file("tenant.csv");
    std::ofstream(csv) << "Mã,Tenant,X,Y\nA1,Công ty B,106.76,21.85\n";
    importer::runImport(project(), request(csv, "tenant"));
    FeatureQuery q;
    q.layer = "tenant";
    EXPECT_FALSE(project().features().list(q).at(0).name);
}

TEST_F(ImportMapping, RowsWithACommuneCodeArePlacedAtItsPointOnSurfaceFlaggedApproximate)
{
    addCommunes(10);
    const RealCommune& c0 = realCommunes()[0];
    const RealCommune& c1 = realCommunes()[1];
    const auto csv = dir.file("truong.csv");
    std::ofstream(csv) << "Tên trường,Mã xã,Số học sinh\n"
                       << "Trường Tiểu học A," << c0.code << ",420\n"
                       << "Trường THCS B," << c1.code << ",1.050\n";
    importer::ImportRequest r = request(csv, "truong_hoc");
    r.unitColumn = "Mã xã";
    r.fields.set("name", "Tên trường");
    const auto result = importer::runImport(project(), r);
    EXPECT_EQ(result.report.inserted, 2);
    EXPECT_EQ(result.approximateLocations, 2);
    const LayerInfo& layer = project().features().layer("truong_hoc");
    EXPECT_EQ(layer.geometryType, GeometryType::Point);
    ASSERT_TRUE(layer.field("approximate_location"));
    ASSERT_TRUE(layer.field("so_hoc_sinh"));
    EXPECT_EQ(layer.field("so_hoc_sinh")->type, FieldType::Integer);

    FeatureQuery q;
    q.layer = "truong_hoc";
    const auto features = project().features().list(q);
    ASSERT_EQ(features.size(), 2u);
    for (const Feature& f : features) {
        EXPECT_EQ(std::get<std::int64_t>(f.attributes.at("approximate_location")), 1);
        const geo::Geometry p = geo::Geometry::fromWkb(f.geometry);
        const RealCommune& c = f.name == "Trường Tiểu học A" ? c0 : c1;
        EXPECT_TRUE(geo::Geometry::fromWkb(c.geometry).covers(p));
        const auto unit = project().units().get(*f.communeId, false);
        EXPECT_EQ(unit->code, c.code);
    }
    EXPECT_EQ(std::get<std::int64_t>(features[1].attributes.at("so_hoc_sinh")), 1050);

    // An unknown code is a problem naming the row and column.
    std::ofstream(csv, std::ios::trunc) << "Tên trường,Mã xã\nTrường C,99999\n";
    try {
        importer::runImport(project(), r);
        FAIL();
    } catch (const io::ImportProblems& e) {
        EXPECT_NE(e.problems().front().find("row 2, column \"Mã xã\": no commune with code 99999"), std::string::npos)
            << e.problems().front();
    }
}

TEST_F(ImportMapping, AnExistingLayerWithoutApproximateFlagRefusesUnitPlacement)
{
    const auto csv = dir.file("thon.csv");
    std::ofstream(csv) << "ten,ma_xa\nA,05977\n";
    importer::ImportRequest r = request(csv, "villages");
    r.unitColumn = "ma_xa";
    EXPECT_THROW(importer::runImport(project(), r), io::ImportError);
}

TEST_F(ImportMapping, XlsxWithCoordinateColumns)
{
    // An XLSX written by GDAL's own driver: header row, typed cells.
    const auto xlsx = dir.file("tram_y_te.xlsx");
    {
        GDALAllRegister();
        GDALDatasetH ds = GDALCreate(GDALGetDriverByName("XLSX"), xlsx.string().c_str(), 0, 0, 0, GDT_Unknown, nullptr);
        ASSERT_NE(ds, nullptr);
        OGRLayerH l = GDALDatasetCreateLayer(ds, "Trạm y tế", nullptr, wkbNone, nullptr);
        for (const char* name : {"Tên trạm", "Kinh độ", "Vĩ độ", "Đạt chuẩn"}) {
            OGRFieldDefnH fd = OGR_Fld_Create(name, std::string(name).find("độ") != std::string::npos ? OFTReal : OFTString);
            OGR_L_CreateField(l, fd, TRUE);
            OGR_Fld_Destroy(fd);
        }
        for (int i = 0; i < 3; ++i) {
            const RealCommune& c = realCommunes()[static_cast<std::size_t>(i)];
            OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(l));
            OGR_F_SetFieldString(f, 0, ("Trạm y tế " + c.fullName).c_str());
            OGR_F_SetFieldDouble(f, 1, c.lon);
            OGR_F_SetFieldDouble(f, 2, c.lat);
            OGR_F_SetFieldString(f, 3, i == 0 ? "Có" : "Không");
            OGR_L_CreateFeature(l, f);
            OGR_F_Destroy(f);
        }
        GDALClose(ds);
    }
    importer::ImportRequest r = request(xlsx, "facilities");
    r.xColumn = "Kinh độ";
    r.yColumn = "Vĩ độ";
    r.fields = io::FieldMapping::parse("name=Tên trạm,meets_national_standard=Đạt chuẩn");
    const auto preview = importer::previewImport(project(), r, 2);
    EXPECT_EQ(preview.rows.size(), 2u);
    EXPECT_EQ(preview.rows[0].label, "row 2");
    ASSERT_TRUE(preview.rows[0].geometryWkt);
    EXPECT_EQ(project().features().count("facilities"), 0);  // a preview writes nothing

    const auto result = importer::runImport(project(), r);
    EXPECT_EQ(result.report.inserted, 3);
    EXPECT_EQ(result.crs.crs->epsgCode(), 4326);
    FeatureQuery q;
    q.layer = "facilities";
    const auto features = project().features().list(q);
    ASSERT_EQ(features.size(), 3u);
    EXPECT_EQ(features[0].name, "Trạm y tế " + realCommunes()[0].fullName);
    EXPECT_EQ(std::get<std::int64_t>(features[0].attributes.at("meets_national_standard")), 1);
    EXPECT_EQ(std::get<std::int64_t>(features[1].attributes.at("meets_national_standard")), 0);
}

} // namespace
} // namespace planmap::layers::importtest
