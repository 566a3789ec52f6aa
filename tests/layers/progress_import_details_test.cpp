// What the progress import gives a user interface: issues with structured
// fields (so a UI can word them in its language), the sheet's columns,
// sheets, a saved mapping proposed for a file whose header fits, and an
// import cancelled part-way leaving nothing behind.

#include "progress_testkit.h"

#include "planmap/layers/progress/Import.h"

#include <fstream>

using namespace planmap::layers;
using namespace planmap::layers::progress;
using namespace planmap::layers::testing;
using namespace planmap::layers::testing::progresskit;

namespace {

const std::filesystem::path kFixtures = std::filesystem::path(PLANMAP_TEST_FIXTURES) / "progress";

class ProgressImportDetailsTest : public ProgressProjectTest {
protected:
    ImportMapping districtReport()
    {
        ImportMapping m;
        m.unit = "180";
        m.asOf = makeDate(2023, 6, 30);
        m.illustrative = true;
        return m;
    }
    const ImportIssue* findIssue(const ImportPreview& p, IssueKind kind, std::int64_t row)
    {
        for (const auto& i : p.issues)
            if (i.kind == kind && i.row == row) return &i;
        return nullptr;
    }
    std::filesystem::path writeCsv(const std::string& name, const std::string& content)
    {
        const auto path = dir.file(name);
        std::ofstream(path, std::ios::binary) << content;
        return path;
    }
    std::int64_t count(const char* table)
    {
        auto s = project().connection().prepare(std::string("SELECT count(*) FROM ") + table);
        s->step();
        return s->columnInt(0);
    }
};

} // namespace

TEST_F(ProgressImportDetailsTest, IssuesCarryTheirSubjectAsFields)
{
    ProgressImporter importer(project());
    const ImportPreview p = importer.preview(kFixtures / "bao_cao_loi.xlsx", districtReport());
    const ImportIssue* notNumber = findIssue(p, IssueKind::NotANumber, 7);
    ASSERT_NE(notNumber, nullptr);
    EXPECT_EQ(notNumber->field, "value");
    EXPECT_NE(notNumber->cellText.find("khoảng 1"), std::string::npos) << notNumber->cellText;
    EXPECT_FALSE(notNumber->indicatorCode.empty());
    const ImportIssue* unknown = findIssue(p, IssueKind::UnknownIndicator, 8);
    ASSERT_NE(unknown, nullptr);
    EXPECT_EQ(unknown->field, "indicator");
    EXPECT_FALSE(unknown->cellText.empty());
    const ImportIssue* negative = findIssue(p, IssueKind::Negative, 9);
    ASSERT_NE(negative, nullptr);
    ASSERT_TRUE(negative->number);
    EXPECT_LT(*negative->number, 0);
    EXPECT_FALSE(negative->unitName.empty());
    const ImportIssue* above = findIssue(p, IssueKind::AboveTarget, 12);
    ASSERT_NE(above, nullptr);
    ASSERT_TRUE(above->number && above->limit);
    EXPECT_GT(*above->number, *above->limit);
    // The English text the CLI prints is unchanged.
    EXPECT_NE(notNumber->text().find("row 7"), std::string::npos);
    // Every column of the sheet is offered, with its header.
    ASSERT_GE(p.headers.size(), 5u);
    EXPECT_EQ(p.headers[1].rfind("B (", 0), 0u) << p.headers[1];
}

TEST_F(ProgressImportDetailsTest, DuplicatesAndSkippedRowsSayWhich)
{
    ProgressImporter importer(project());
    const auto file = writeCsv("dup.csv", "Chỉ tiêu,Mã đơn vị,Thực hiện,Ngày\n"
                                          "DA02.CT01,180,1,30/06/2023\n"
                                          "DA02.CT01,180,1,30/06/2023\n"
                                          "DA02.CT01,180,2,30/06/2023\n"
                                          "Tổng cộng,,3,\n");
    const ImportPreview p = importer.preview(file, {});
    const ImportIssue* dup = findIssue(p, IssueKind::DuplicateRow, 3);
    ASSERT_NE(dup, nullptr);
    EXPECT_EQ(dup->otherRow, 2);
    const ImportIssue* conflict = findIssue(p, IssueKind::ConflictingRow, 4);
    ASSERT_NE(conflict, nullptr);
    EXPECT_EQ(conflict->otherRow, 2);
    ASSERT_TRUE(conflict->date);
    EXPECT_EQ(*conflict->date, makeDate(2023, 6, 30));
    const ImportIssue* totals = findIssue(p, IssueKind::SkippedRow, 5);
    ASSERT_NE(totals, nullptr);
    EXPECT_EQ(totals->skip, SkipReason::Totals);
}

TEST_F(ProgressImportDetailsTest, CancelledImportWritesNothing)
{
    std::string csv = "indicator,unit,value,date\n";
    for (int month = 1; month <= 12; ++month)
        for (const char* district : {"178", "180", "181", "182"})
            csv += std::string("DA02.CT01,") + district + ",1,2023-" + (month < 10 ? "0" : "") + std::to_string(month) + "-28\n";
    const auto file = writeCsv("many.csv", csv);
    ProgressImporter importer(project());
    const ImportPreview p = importer.preview(file, {});
    ASSERT_FALSE(p.hasErrors()) << p.issues.front().text();
    ASSERT_EQ(p.rows.size(), 48u);
    ImportOptions options;
    options.chunkSize = 10;
    std::size_t written = 0;
    options.onProgress = [&](std::size_t n) { written = n; };
    options.isCancelled = [&] { return written >= 20; };
    EXPECT_THROW(importer.apply(p, options), ImportCancelled);
    EXPECT_EQ(written, 20u);
    EXPECT_EQ(project().progress().count(), 0);
    EXPECT_EQ(project().imports().list().size(), kTemplateImportBatches);
    // Not cancelled, the same preview goes through.
    options.isCancelled = [] { return false; };
    EXPECT_EQ(importer.apply(p, options).appended, 48u);
    EXPECT_EQ(project().progress().count(), 48);
}

TEST_F(ProgressImportDetailsTest, ASavedMappingIsProposedWhenTheHeaderFits)
{
    EXPECT_EQ(sheetNames(kFixtures / "bao_cao_trang_dinh_6thang_2023.xlsx").front(), "Huyện Tràng Định");
    ImportMappings saved(project().connection());
    ImportMapping form;
    form.name = "Mẫu báo cáo huyện";
    form.indicatorColumn = "Mã CT";
    form.unitColumn = "Nơi thực hiện";
    form.valueColumn = "Số đã làm";
    form.dateColumn = "D";
    saved.save(form);
    ImportMapping other;
    other.name = "Mẫu khác";
    other.indicatorColumn = "Mã CT";
    other.valueColumn = "Kết quả";
    saved.save(other);

    const auto fits = writeCsv("a.csv", "Mã CT,Nơi thực hiện,Số đã làm,Ngày BC\nDA02.CT01,180,1,30/06/2023\n");
    const auto proposed = saved.proposeFor(fits);
    ASSERT_TRUE(proposed);
    EXPECT_EQ(proposed->name, "Mẫu báo cáo huyện");
    const auto onlyOne = writeCsv("b.csv", "Mã CT,Đơn vị,Kết quả,Ngày\nDA02.CT01,180,1,30/06/2023\n");
    ASSERT_TRUE(saved.proposeFor(onlyOne));
    EXPECT_EQ(saved.proposeFor(onlyOne)->name, "Mẫu khác");
    const auto none = writeCsv("c.csv", "Chỉ tiêu,Đơn vị,Giá trị,Ngày\nDA02.CT01,180,1,30/06/2023\n");
    EXPECT_FALSE(saved.proposeFor(none));
    EXPECT_FALSE(saved.proposeFor(dir.file("missing.xlsx")));
}
