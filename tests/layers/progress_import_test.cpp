// Importing a district's progress report (XLSX/ODS/CSV): header detection
// over merged two-row headers, skipped rows, validation with sheet/row/column,
// atomicity, idempotence, saved mappings.

#include "progress_testkit.h"

#include "planmap/layers/progress/Import.h"
#include "planmap/layers/progress/Rollup.h"

#include <fstream>

using namespace planmap::layers;
using namespace planmap::layers::progress;
using namespace planmap::layers::testing;
using namespace planmap::layers::testing::progresskit;

namespace {

const std::filesystem::path kFixtures = std::filesystem::path(PLANMAP_TEST_FIXTURES) / "progress";
const Date kJune = makeDate(2023, 6, 30);

class ProgressImportTest : public ProgressProjectTest {
protected:
    ImportMapping districtReport()
    {
        ImportMapping m;
        m.unit = "180";
        m.asOf = kJune;
        m.source = "Báo cáo 6 tháng 2023 của UBND huyện Tràng Định (minh họa)";
        m.illustrative = true;
        return m;
    }
    const ImportIssue* findIssue(const ImportPreview& p, IssueKind kind, std::int64_t row = -1)
    {
        for (const auto& i : p.issues)
            if (i.kind == kind && (row < 0 || i.row == row)) return &i;
        return nullptr;
    }
    std::optional<double> valueAt(const std::string& code, std::int64_t unitId)
    {
        RollupEngine engine(project().connection());
        const auto r = engine.rollup(indicator(code));
        const UnitRollup* u = r.at(unitId);
        return u ? u->value : std::nullopt;
    }
    std::filesystem::path writeCsv(const std::string& name, const std::string& content)
    {
        const auto path = dir.file(name);
        std::ofstream(path, std::ios::binary) << content;
        return path;
    }
};

} // namespace

TEST_F(ProgressImportTest, PreviewOfADistrictReportWithMergedHeaders)
{
    ProgressImporter importer(project());
    const ImportPreview p = importer.preview(kFixtures / "bao_cao_trang_dinh_6thang_2023.xlsx", districtReport());
    for (const auto& i : p.issues)
        if (i.severity == IssueSeverity::Error) ADD_FAILURE() << i.text();
    EXPECT_EQ(p.sheet, "Huyện Tràng Định");
    EXPECT_EQ(p.firstDataRow, 6) << "under the two header rows 4-5";
    // The columns found under the merged "Kết quả thực hiện".
    bool valueColumn = false;
    for (const auto& [field, column] : p.columns)
        if (field == "value") valueColumn = column.rfind("E (", 0) == 0;
    EXPECT_TRUE(valueColumn);

    ASSERT_EQ(p.rows.size(), 5u);
    EXPECT_EQ(p.rows[0].row, 8);
    EXPECT_EQ(p.rows[0].indicatorCode, "DA02.CT01");
    EXPECT_DOUBLE_EQ(*p.rows[0].value, 1);
    EXPECT_EQ(p.rows[1].indicatorCode, "DA04.1.CT01");
    EXPECT_DOUBLE_EQ(*p.rows[1].numerator, 20);
    EXPECT_DOUBLE_EQ(*p.rows[1].denominator, 23);
    EXPECT_EQ(p.rows[1].note, "20/23 xã");
    EXPECT_EQ(p.rows[3].indicatorCode, "DA04.1.ND01.CT03");
    EXPECT_DOUBLE_EQ(*p.rows[3].value, 12.5) << "'12,5' with a decimal comma";
    EXPECT_EQ(p.rows[4].indicatorCode, "DA04.1.CT04");
    for (const auto& r : p.rows) {
        EXPECT_EQ(r.unitId, unit("180"));
        EXPECT_EQ(r.asOf, kJune);
        EXPECT_EQ(r.action, PlannedAction::Append);
    }
    // Skipped, and said so: the column-number row, the headings, an empty value, the totals row.
    for (std::int64_t row : {6, 7, 9, 14, 15}) EXPECT_NE(findIssue(p, IssueKind::SkippedRow, row), nullptr) << "row " << row;
    EXPECT_NE(findIssue(p, IssueKind::SkippedRow, 15)->message.find("totals"), std::string::npos);
    EXPECT_EQ(project().progress().count(), 0) << "a preview writes nothing";
}

TEST_F(ProgressImportTest, ImportsEndToEndAndTheRollupSeesIt)
{
    ProgressImporter importer(project());
    ImportOptions options;
    options.author = "kiểm thử";
    const auto result = importer.run(kFixtures / "bao_cao_trang_dinh_6thang_2023.xlsx", districtReport(), options);
    EXPECT_EQ(result.appended, 5u);
    ASSERT_TRUE(result.batchId.has_value());
    const auto batch = project().imports().get(*result.batchId);
    EXPECT_EQ(batch->kind, "progress");
    EXPECT_EQ(batch->status, ImportStatus::Completed);
    EXPECT_EQ(batch->rowCount, 5);
    EXPECT_NE(batch->note->find("as-of=2023-06-30"), std::string::npos) << *batch->note;

    EXPECT_EQ(valueAt("DA02.CT01", unit("180")), 1.0);
    EXPECT_NEAR(*valueAt("DA04.1.CT01", unit("180")), 100.0 * 20 / 23, 1e-9);
    const auto entries = project().progress().history(byIndicator(indicator("DA02.CT01")));
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_TRUE(entries[0].illustrative);
    EXPECT_EQ(entries[0].importBatchId, result.batchId);
    EXPECT_EQ(entries[0].author, "kiểm thử");
    EXPECT_EQ(entries[0].sourceDocument, "Báo cáo 6 tháng 2023 của UBND huyện Tràng Định (minh họa)");
}

TEST_F(ProgressImportTest, ImportingTheSameFileTwiceWritesNothingTheSecondTime)
{
    ProgressImporter importer(project());
    const auto file = kFixtures / "bao_cao_trang_dinh_6thang_2023.xlsx";
    importer.run(file, districtReport());
    const auto count = project().progress().count();
    const ImportPreview again = importer.preview(file, districtReport());
    EXPECT_EQ(again.count(PlannedAction::Unchanged), 5u);
    EXPECT_EQ(again.earlierBatches.size(), 1u);
    const auto result = importer.apply(again);
    EXPECT_EQ(result.unchanged, 5u);
    EXPECT_FALSE(result.batchId.has_value());
    EXPECT_EQ(project().progress().count(), count);
    EXPECT_EQ(project().imports().list().size(), kTemplateImportBatches + 1);
    EXPECT_EQ(valueAt("DA02.CT01", unit("180")), 1.0) << "not 2";
}

TEST_F(ProgressImportTest, ACorrectedReportSupersedesInsteadOfAdding)
{
    ProgressImporter importer(project());
    ImportMapping m;
    m.unit = "180";
    const auto first = writeCsv("v1.csv", "Mã chỉ tiêu,Thực hiện,Ngày số liệu\nDA02.CT01,1,30/06/2023\nDA04.1.ND02.CT02,1,30/06/2023\n");
    importer.run(first, m);
    const auto second = writeCsv("v2.csv", "Mã chỉ tiêu,Thực hiện,Ngày số liệu\nDA02.CT01,2,30/06/2023\nDA04.1.ND02.CT02,1,30/06/2023\n"
                                           "DA02.CT01,2,30/09/2023\n");
    const auto preview = importer.preview(second, m);
    ASSERT_FALSE(preview.hasErrors());
    EXPECT_EQ(preview.count(PlannedAction::Correct), 1u);
    EXPECT_EQ(preview.count(PlannedAction::Unchanged), 1u);
    EXPECT_EQ(preview.count(PlannedAction::Append), 1u);
    const auto result = importer.apply(preview);
    EXPECT_EQ(result.corrected, 1u);
    EXPECT_EQ(result.appended, 1u);
    const auto june = project().progress().latest(byIndicator(indicator("DA02.CT01"), kJune));
    ASSERT_EQ(june.size(), 1u);
    EXPECT_DOUBLE_EQ(*june[0].value, 2);
    EXPECT_TRUE(june[0].supersedesId.has_value());
    EXPECT_EQ(project().progress().current(byIndicator(indicator("DA02.CT01"))).size(), 2u);
}

TEST_F(ProgressImportTest, BadRowsAreReportedWithSheetRowAndColumnAndNothingIsWritten)
{
    ProgressImporter importer(project());
    const auto file = kFixtures / "bao_cao_loi.xlsx";
    const ImportPreview p = importer.preview(file, districtReport());
    EXPECT_TRUE(p.hasErrors());
    const ImportIssue* notNumber = findIssue(p, IssueKind::NotANumber, 7);
    ASSERT_NE(notNumber, nullptr);
    EXPECT_EQ(notNumber->sheet, "Huyện Tràng Định");
    EXPECT_EQ(notNumber->column.rfind("E (", 0), 0u) << notNumber->column;
    EXPECT_NE(notNumber->text().find("row 7"), std::string::npos) << notNumber->text();
    EXPECT_NE(notNumber->text().find("khoảng 1"), std::string::npos) << notNumber->text();
    const ImportIssue* unknown = findIssue(p, IssueKind::UnknownIndicator, 8);
    ASSERT_NE(unknown, nullptr);
    EXPECT_EQ(unknown->column.rfind("B (", 0), 0u) << unknown->column;
    EXPECT_NE(findIssue(p, IssueKind::Negative, 9), nullptr);
    EXPECT_NE(findIssue(p, IssueKind::RatioFormat, 10), nullptr);
    const ImportIssue* above = findIssue(p, IssueKind::AboveTarget, 12);
    ASSERT_NE(above, nullptr);
    EXPECT_EQ(above->severity, IssueSeverity::Warning);
    EXPECT_EQ(p.count(IssueSeverity::Error), 4u);

    try {
        importer.apply(p);
        FAIL() << "a preview with errors must be refused";
    } catch (const ImportRejected& e) {
        EXPECT_EQ(e.issues().size(), p.issues.size());
        EXPECT_NE(std::string(e.what()).find("nothing imported"), std::string::npos);
    }
    EXPECT_EQ(project().progress().count(), 0);
    EXPECT_EQ(project().imports().list().size(), kTemplateImportBatches);
}

TEST_F(ProgressImportTest, UnitsByNameWithinADistrictAndDatesPerRowFromAnOdsReport)
{
    ProgressImporter importer(project());
    ImportMapping m;
    m.indicator = "DA04.1.ND02.CT02";
    m.district = "Tràng Định";
    m.illustrative = true;
    const ImportPreview p = importer.preview(kFixtures / "bao_cao_cho_trang_dinh.ods", m);
    for (const auto& i : p.issues)
        if (i.severity == IssueSeverity::Error) ADD_FAILURE() << i.text();
    ASSERT_EQ(p.rows.size(), 2u);
    EXPECT_EQ(p.rows[0].unitId, unit("06013"));
    EXPECT_EQ(p.rows[0].note, "Chợ Thà Cạo");
    EXPECT_EQ(p.rows[1].unitId, unit("06019"));
    EXPECT_DOUBLE_EQ(*p.rows[1].value, 0);
    EXPECT_EQ(p.rows[0].asOf, kJune);
    EXPECT_NE(findIssue(p, IssueKind::SkippedRow, 7), nullptr) << "'Toàn huyện' is a totals row";
    importer.apply(p);
    EXPECT_EQ(valueAt("DA04.1.ND02.CT02", unit("180")), 1.0);
}

TEST_F(ProgressImportTest, CsvErrorsUnknownUnitBadDateConflictsDuplicates)
{
    ProgressImporter importer(project());
    ImportMapping m;
    m.indicatorColumn = "indicator";
    m.unitColumn = "unit";
    m.valueColumn = "value";
    m.dateColumn = "date";
    const auto file = writeCsv("bad.csv",
                               "indicator,unit,value,date\n"
                               "DA04.1.ND01.CT03,06013,2.5,2023-06-30\n"   // 2 ok
                               "DA04.1.ND01.CT03,99999,1,2023-06-30\n"     // 3 unknown unit
                               "DA04.1.ND01.CT03,06019,1,31/02/2023\n"     // 4 bad date
                               "DA04.1.ND01.CT03,06013,3,2023-06-30\n"     // 5 conflicts with row 2
                               "DA04.1.ND01.CT03,06013,2.5,2023-06-30\n"   // 6 repeats row 2
                               "DA04.1.ND01.CT03,180,1,2025-09-01\n"       // 7 district not in force
                               "DA04.1.ND01.CT03,06019,1.500,2023-06-30\n"); // 8 thousands dot (warning)
    const ImportPreview p = importer.preview(file, m);
    EXPECT_NE(findIssue(p, IssueKind::UnknownUnit, 3), nullptr);
    EXPECT_NE(findIssue(p, IssueKind::BadDate, 4), nullptr);
    EXPECT_NE(findIssue(p, IssueKind::ConflictingRow, 5), nullptr);
    const ImportIssue* duplicate = findIssue(p, IssueKind::DuplicateRow, 6);
    ASSERT_NE(duplicate, nullptr);
    EXPECT_EQ(duplicate->severity, IssueSeverity::Warning);
    EXPECT_NE(findIssue(p, IssueKind::UnitNotInForce, 7), nullptr);
    const ImportIssue* thousands = findIssue(p, IssueKind::ThousandsGuess, 8);
    ASSERT_NE(thousands, nullptr);
    EXPECT_EQ(thousands->severity, IssueSeverity::Warning);
    EXPECT_EQ(p.count(IssueSeverity::Error), 4u);
    EXPECT_THROW(importer.apply(p), ImportRejected);
    EXPECT_EQ(project().progress().count(), 0);
}

TEST_F(ProgressImportTest, MissingColumnsAreExplained)
{
    ProgressImporter importer(project());
    const auto file = writeCsv("nohead.csv", "Tên,Số\nabc,1\n");
    const ImportPreview p = importer.preview(file, {});
    ASSERT_TRUE(p.hasErrors());
    const ImportIssue* missing = findIssue(p, IssueKind::MissingColumn);
    ASSERT_NE(missing, nullptr);
    EXPECT_NE(missing->message.find("A = Tên"), std::string::npos) << missing->message;
    ImportMapping wrong;
    wrong.valueColumn = "Không có cột này";
    EXPECT_NE(findIssue(importer.preview(file, wrong), IssueKind::MissingColumn), nullptr);
    EXPECT_NE(findIssue(importer.preview(dir.file("absent.xlsx"), {}), IssueKind::CannotRead), nullptr);
}

TEST_F(ProgressImportTest, MappingsAreSavedAndReused)
{
    ImportMapping m = districtReport();
    m.name = "Tràng Định 6 tháng";
    m.valueColumn = "Thực hiện";
    m.district = "180";
    ImportMappings saved(project().connection());
    saved.save(m);
    const auto back = saved.get("Tràng Định 6 tháng");
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->signature(), m.signature());
    EXPECT_EQ(back->valueColumn, "Thực hiện");
    EXPECT_EQ(back->asOf, kJune);
    EXPECT_TRUE(back->illustrative);
    m.source = "Báo cáo khác";
    saved.save(m); // replaces
    EXPECT_EQ(saved.list().size(), 1u);
    EXPECT_EQ(saved.get(m.name)->source, "Báo cáo khác");
    EXPECT_TRUE(saved.remove(m.name));
    EXPECT_FALSE(saved.remove(m.name));
    EXPECT_THROW(saved.save(ImportMapping{}), InvalidDataError);

    ImportMapping parsed;
    parsed.applyAssignments("indicator=Chỉ tiêu, value=\"Kết quả, thực hiện\", const-unit=180, as-of=2023-06-30");
    EXPECT_EQ(parsed.indicatorColumn, "Chỉ tiêu");
    EXPECT_EQ(parsed.valueColumn, "Kết quả, thực hiện");
    EXPECT_EQ(parsed.unit, "180");
    EXPECT_EQ(parsed.asOf, kJune);
    EXPECT_THROW(parsed.applyAssignments("colour=red"), InvalidDataError);
    EXPECT_THROW(parsed.applyAssignments("as-of=30-13-2023"), InvalidDataError);
    EXPECT_EQ(ImportMapping::fromJson(parsed.toJson()).signature(), parsed.signature());
}
