// The import engine's messages as data (ImportMessage): every problem, repair,
// warning and note carries its kind, its place in the file and its figures,
// so that the wizard can word it in Vietnamese; its English text is the very
// line of the report's lists that the command line prints.

#include "import_testkit.h"

#include "planmap/layers/importer/ImportMessage.h"

#include <fstream>

namespace planmap::layers::importtest {
namespace {

using importer::ImportMessage;
using importer::MessageKind;
using importer::Severity;

class ImportMessages : public ImportEngineTest {
protected:
    std::filesystem::path plots(std::vector<std::string> wkts)
    {
        std::vector<std::string> keys;
        for (std::size_t i = 0; i < wkts.size(); ++i) keys.push_back("LO" + std::to_string(i + 1));
        const auto shp = dir.file("lo_rung.shp");
        writeShapefile(shp, wkts, {{"MA_LO", OFTString, 10, keys}}, 4326, std::string("UTF-8"), wkbPolygon);
        return shp;
    }
};

std::vector<std::string> textsOf(const std::vector<ImportMessage>& messages, Severity severity)
{
    std::vector<std::string> out;
    for (const ImportMessage& m : messages)
        if (m.severity == severity) out.push_back(m.text);
    return out;
}

const ImportMessage* find(const std::vector<ImportMessage>& messages, MessageKind kind)
{
    for (const ImportMessage& m : messages)
        if (m.kind == kind) return &m;
    return nullptr;
}

TEST_F(ImportMessages, RowProblemsCarryTheirPlaceFieldAndValue)
{
    addCommunes(3);
    const auto csv = dir.file("thon.csv");
    std::ofstream(csv) << "Mã thôn,Tên thôn,Số nhân khẩu,ĐBKK,Mã xã mới,X,Y\n"
                       << "T1,Bản Chắt,1.238,có," << realCommunes()[0].code << ",106.76,21.85\n"  // good
                       << "T2,Nà Pàn,nhiều,có,,106.76,21.85\n"                                     // not a number
                       << ",Khuổi Mạ,12,không,,106.76,21.85\n"                                    // empty key
                       << "T1,Pác Cáy,15,1,99999,106.76,21.85\n"                                  // repeated key, unknown commune
                       << "T5,Nà Lầu,15,có lẽ,,106.76,21.85\n";                                   // not yes/no
    importer::ImportRequest r = request(csv, "villages");
    r.keyField = "Mã thôn";
    r.fields = io::FieldMapping::parse("name=Tên thôn,population=Số nhân khẩu,dbkk=ĐBKK,commune_code=Mã xã mới");
    const importer::ImportPreview preview = importer::previewImport(project(), r, 100);
    ASSERT_EQ(preview.rows.size(), 5u);
    for (const auto& row : preview.rows) {
        ASSERT_EQ(row.problems.size(), row.messages.size());
        for (std::size_t i = 0; i < row.messages.size(); ++i) {
            EXPECT_EQ(row.messages[i].text, row.problems[i]);
            EXPECT_EQ(row.messages[i].severity, Severity::Problem);
            EXPECT_EQ(row.messages[i].at.row, row.row);
            EXPECT_TRUE(row.messages[i].at.table);
        }
    }
    EXPECT_TRUE(preview.rows[0].messages.empty());

    const ImportMessage& notNumber = preview.rows[1].messages.at(0);
    EXPECT_EQ(notNumber.kind, MessageKind::ValueNotConverted);
    EXPECT_EQ(notNumber.at.shownNumber(), 3);  // the header is row 1
    EXPECT_EQ(notNumber.at.column, "Số nhân khẩu");
    EXPECT_EQ(notNumber.value, "nhiều");
    ASSERT_TRUE(notNumber.field);
    EXPECT_EQ(notNumber.field->name, "population");
    EXPECT_EQ(notNumber.field->type, FieldType::Integer);
    EXPECT_NE(notNumber.text.find("row 3, column \"Số nhân khẩu\""), std::string::npos) << notNumber.text;

    const ImportMessage& emptyKey = preview.rows[2].messages.at(0);
    EXPECT_EQ(emptyKey.kind, MessageKind::KeyEmpty);
    EXPECT_EQ(emptyKey.at.column, "Mã thôn");

    ASSERT_EQ(preview.rows[3].messages.size(), 2u);
    const ImportMessage* repeated = find(preview.rows[3].messages, MessageKind::KeyRepeated);
    ASSERT_TRUE(repeated);
    EXPECT_EQ(repeated->value, "T1");
    EXPECT_EQ(repeated->other.shownNumber(), 2);
    const ImportMessage* commune = find(preview.rows[3].messages, MessageKind::UnknownCommune);
    ASSERT_TRUE(commune);
    EXPECT_EQ(commune->value, "99999");
    EXPECT_EQ(commune->generation, "2025");
    EXPECT_EQ(commune->at.column, "Mã xã mới");

    const ImportMessage& notYesNo = preview.rows[4].messages.at(0);
    EXPECT_EQ(notYesNo.kind, MessageKind::ValueNotConverted);
    EXPECT_EQ(notYesNo.value, "có lẽ");
    EXPECT_EQ(notYesNo.field->type, FieldType::Boolean);
}

TEST_F(ImportMessages, ARepairCarriesWhatMakeValidDid)
{
    const importer::ImportResult result = importer::runImport(project(), [&] {
        importer::ImportRequest r = request(plots({kSquare, kBowTie}), "forests");
        r.keyField = "MA_LO";
        return r;
    }());
    ASSERT_EQ(result.report.repairs.size(), 1u);
    EXPECT_EQ(textsOf(result.messages, Severity::Repair), result.report.repairs);
    const ImportMessage* repaired = find(result.messages, MessageKind::GeometryRepaired);
    ASSERT_TRUE(repaired);
    EXPECT_EQ(repaired->at.row, 2);
    EXPECT_FALSE(repaired->at.table);
    EXPECT_EQ(repaired->at.shownNumber(), 2);
    ASSERT_TRUE(repaired->repair);
    EXPECT_EQ(repaired->repair->problem, "Self-intersection");
    EXPECT_EQ(repaired->repair->status, geo::RepairStatus::Repaired);
    EXPECT_EQ(repaired->repair->partsBefore, 1);
    EXPECT_EQ(repaired->repair->partsAfter, 2);
    EXPECT_EQ(repaired->repair->typeAfter, geo::GeometryType::MultiPolygon);
}

TEST_F(ImportMessages, ALeftOutRowSaysWhyAsData)
{
    importer::ImportRequest r = request(plots({kSquare, kBowTie, kCollapsed}), "forests");
    r.keyField = "MA_LO";
    r.skipInvalid = true;
    const importer::ImportResult result = importer::runImport(project(), r);
    ASSERT_EQ(result.rejected.size(), 1u);
    const ImportMessage& m = result.rejected.front().message;
    EXPECT_EQ(m.kind, MessageKind::RowLeftOut);
    EXPECT_EQ(m.at.row, 3);
    ASSERT_TRUE(m.geometry);
    EXPECT_EQ(m.geometry->kind, importer::GeometryProblem::Kind::Unrepairable);
    EXPECT_FALSE(m.geometry->invalidity.empty());
    ASSERT_TRUE(m.geometry->repair);
    EXPECT_EQ(m.geometry->repair->status, geo::RepairStatus::Rejected);
    const ImportMessage* leftOut = find(result.messages, MessageKind::RowsLeftOut);
    ASSERT_TRUE(leftOut);
    EXPECT_EQ(leftOut->count, 1);
    EXPECT_EQ(leftOut->severity, Severity::Warning);
    EXPECT_EQ(textsOf(result.messages, Severity::Warning), result.report.warnings);
}

TEST_F(ImportMessages, AGeometryOfTheWrongKindNamesBothKinds)
{
    const auto shp = dir.file("points.shp");
    writeShapefile(shp, communePoints(4326, 1), {{"MA_LO", OFTString, 10, {"A"}}}, 4326);
    importer::ImportRequest r = request(shp, "forests");
    r.keyField = "MA_LO";
    const importer::ImportPreview preview = importer::previewImport(project(), r, 10);
    ASSERT_EQ(preview.rows.size(), 1u);
    ASSERT_EQ(preview.rows[0].messages.size(), 1u);
    const ImportMessage& m = preview.rows[0].messages[0];
    EXPECT_EQ(m.kind, MessageKind::GeometryUnusable);
    ASSERT_TRUE(m.geometry);
    EXPECT_EQ(m.geometry->kind, importer::GeometryProblem::Kind::WrongType);
    EXPECT_EQ(m.geometry->found, geo::GeometryType::Point);
    EXPECT_EQ(m.geometry->column, GeometryType::MultiPolygon);
}

TEST_F(ImportMessages, CoordinatesThatAreNotLongitudeLatitudeSayTheCrsTheyWereReadIn)
{
    // VN-2000 grid coordinates declared as WGS 84.
    const auto shp = dir.file("sai_crs.shp");
    writeShapefile(shp, communePoints(9215, 1), {{"MA", OFTString, 10, {"A"}}}, 4326);
    importer::ImportRequest r = request(shp, "diem");
    const importer::ImportPreview preview = importer::previewImport(project(), r, 10);
    ASSERT_EQ(preview.rows.at(0).messages.size(), 1u);
    const ImportMessage& m = preview.rows[0].messages[0];
    ASSERT_TRUE(m.geometry);
    EXPECT_EQ(m.geometry->kind, importer::GeometryProblem::Kind::NotLongitudeLatitude);
    EXPECT_NE(m.geometry->crs.find("WGS 84"), std::string::npos) << m.geometry->crs;
    ASSERT_TRUE(m.geometry->location);
    EXPECT_GT(m.geometry->location->x, 180);
    // The file's CRS was doubted too, as a warning about the CRS.
    const ImportMessage* doubt = find(preview.messages, MessageKind::CrsDoubt);
    ASSERT_TRUE(doubt);
    EXPECT_TRUE(importer::isAboutEncodingOrCrs(doubt->kind));
}

TEST_F(ImportMessages, FileNotesAndWarningsAreTheReportsLinesInOrder)
{
    addCommunes(2);
    // A new reference layer from a CSV with one point far outside the province.
    const auto csv = dir.file("Điểm khảo sát.csv");
    std::ofstream(csv) << "ma,ten,so_ho,X,Y\nA,Điểm 1,12,106.76,21.85\nB,Điểm 2,7,105.80,21.02\n";
    importer::ImportRequest r = request(csv, "diem_khao_sat");
    r.crs = "EPSG:4326";
    importer::ImportResult result = importer::runImport(project(), r);
    EXPECT_EQ(textsOf(result.messages, Severity::Note), result.report.notes);
    EXPECT_EQ(textsOf(result.messages, Severity::Warning), result.report.warnings);

    const ImportMessage* layer = find(result.messages, MessageKind::NewLayer);
    ASSERT_TRUE(layer);
    EXPECT_EQ(layer->value, "diem_khao_sat");
    EXPECT_EQ(layer->title, "Điểm khảo sát");
    EXPECT_EQ(layer->geometryType, GeometryType::Point);
    ASSERT_EQ(layer->fields.size(), 3u);
    EXPECT_EQ(layer->fields[2].name, "so_ho");
    EXPECT_EQ(layer->fields[2].type, FieldType::Integer);

    // The second point is in Hà Nội, outside every commune of the project.
    const ImportMessage* outside = find(result.messages, MessageKind::OutsideCommunes);
    ASSERT_TRUE(outside);
    EXPECT_EQ(outside->count, 1);

    // The same file into the same layer again, without a key: its rows would be added again.
    r.layer = "diem_khao_sat";
    result = importer::runImport(project(), r);
    const ImportMessage* again = find(result.messages, MessageKind::SameFileAddedAgain);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->value, "diem_khao_sat");
    EXPECT_GT(again->count, 0);
    EXPECT_EQ(again->severity, Severity::Warning);
    const ImportMessage* unused = find(result.messages, MessageKind::ColumnsNotImported);
    EXPECT_FALSE(unused);  // every column feeds a field of the layer made from this very file
}

TEST_F(ImportMessages, RowsPlacedByUnitCodeThatCannotBePlacedSayWhichCode)
{
    addCommunes(2);
    const auto csv = dir.file("truong.csv");
    std::ofstream(csv) << "Tên trường,Mã xã\nTrường A," << realCommunes()[0].code << "\nTrường B,\nTrường C,99999\n";
    importer::ImportRequest r = request(csv, "truong_hoc");
    r.unitColumn = "Mã xã";
    r.fields.set("name", "Tên trường");
    const importer::ImportPreview preview = importer::previewImport(project(), r, 10);
    ASSERT_EQ(preview.rows.size(), 3u);
    EXPECT_TRUE(preview.rows[0].messages.empty());
    ASSERT_EQ(preview.rows[1].messages.size(), 1u);
    EXPECT_EQ(preview.rows[1].messages[0].kind, MessageKind::NoPlace);
    EXPECT_EQ(preview.rows[1].messages[0].at.column, "Mã xã");
    ASSERT_EQ(preview.rows[2].messages.size(), 1u);
    EXPECT_EQ(preview.rows[2].messages[0].kind, MessageKind::UnknownCommune);
    EXPECT_EQ(preview.rows[2].messages[0].value, "99999");
    // All rows were previewed: the count of approximate places is said too.
    const ImportMessage* approximate = find(preview.messages, MessageKind::ApproximateLocations);
    ASSERT_TRUE(approximate);
    EXPECT_EQ(approximate->count, 1);
}

} // namespace
} // namespace planmap::layers::importtest
