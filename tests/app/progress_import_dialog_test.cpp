// The progress import dialog's controller (no exec()): column mapping →
// entries written, the saved mapping proposed for the next report, the
// validation report in Vietnamese with sheet/row/column, re-import without
// double counting, and cancel writing nothing.

#include "AppTestSupport.h"
#include "ProgressImportController.h"
#include "ProgressImportDialog.h"
#include "ProgressImportText.h"

#include "planmap/layers/progress/Rollup.h"
#include "planmap/layers/store/ProjectStore.h"

#include <QApplication>
#include <QImage>
#include <QPixmap>
#include <QTableView>

#include <gtest/gtest.h>

#include <fstream>

using namespace planmap::gui;
namespace L = planmap::layers;
namespace pg = planmap::layers::progress;

namespace {

class ProgressImportDialogTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        apptest::app();
        sample = apptest::makeSampleProject(dir);
        store = std::make_unique<L::ProjectStore>(L::ProjectStore::open(sample.file));
    }
    std::filesystem::path writeCsv(const std::string& name, const std::string& content)
    {
        const auto path = dir.file(name);
        std::ofstream(path, std::ios::binary) << content;
        return path;
    }
    QString file(const std::filesystem::path& p) { return QString::fromStdString(p.string()); }
    std::int64_t count(const char* table)
    {
        auto s = store->connection().prepare(std::string("SELECT count(*) FROM ") + table);
        s->step();
        return s->columnInt(0);
    }
    /// The value in force of the sample's indicator at a unit.
    std::optional<double> valueAt(std::int64_t unitId)
    {
        pg::RollupEngine engine(store->connection());
        const auto r = engine.rollup(sample.indicator);
        const pg::UnitRollup* u = r.at(unitId);
        return u ? u->value : std::nullopt;
    }
    /// A district's report with headers the automatic detection does not know.
    std::filesystem::path report(const std::string& name, const std::string& valueLocBinh = "2", const std::string& valueCaoLoc = "1")
    {
        return writeCsv(name, "Mã CT,Nơi thực hiện,Số đã làm,Ngày BC,Căn cứ\n"
                              "DA2.CHO,189," + valueLocBinh + ",30/06/2023,Báo cáo 12/BC-UBND\n"
                              "DA2.CHO,180," + valueCaoLoc + ",30/06/2023,Báo cáo 12/BC-UBND\n");
    }
    static std::string allIssues(const ProgressImportController& c)
    {
        std::string out;
        if (c.preview())
            for (const auto& i : c.preview()->issues) out += ProgressImportText::full(i).toStdString() + "\n";
        return out;
    }
    void mapColumns(ProgressImportController& c)
    {
        const QStringList choices = c.columnChoices();
        ASSERT_EQ(choices.size(), 5) << choices.join(" | ").toStdString();
        EXPECT_EQ(choices[0], "A (Mã CT)");
        c.setColumn("indicator", choices[0]);
        c.setColumn("unit", choices[1]);
        c.setColumn("value", choices[2]);
        c.setColumn("date", choices[3]);
        c.setColumn("source", choices[4]);
    }

    apptest::TempDir dir;
    apptest::SampleProject sample;
    std::unique_ptr<L::ProjectStore> store;
};

} // namespace

TEST_F(ProgressImportDialogTest, MappedColumnsImportTheRightEntriesAndTheMappingIsProposedNextTime)
{
    const auto entriesBefore = count("progress_entries");
    ProgressImportController c(*store);
    c.setFile(file(report("huyen_6thang.csv")));
    ASSERT_NE(c.preview(), nullptr);
    EXPECT_TRUE(c.preview()->hasErrors()) << "the headers are not the usual ones: the columns must be mapped";
    EXPECT_FALSE(c.canImport());
    EXPECT_TRUE(c.proposedMapping().isEmpty());
    mapColumns(c);
    ASSERT_FALSE(c.preview()->hasErrors()) << ProgressImportText::full(c.preview()->issues.front()).toStdString();
    EXPECT_EQ(c.usedColumn("value"), "C (Số đã làm)");
    EXPECT_EQ(c.usedChoice("date"), 3);
    ASSERT_EQ(c.rowsModel()->rowCount(), 2);
    EXPECT_EQ(c.rowsModel()->index(0, ImportPreviewModel::Indicator).data().toString(), "DA2.CHO");
    EXPECT_EQ(c.rowsModel()->index(0, ImportPreviewModel::Date).data().toString(), "30/06/2023");
    EXPECT_EQ(c.rowsModel()->index(0, ImportPreviewModel::Action).data().toString(), "Thêm mới");
    c.setMappingName("Báo cáo huyện (mẫu 2023)");
    c.setAsOf(QDate(2023, 6, 30)); // for rows without a date: this report's, not the form's

    const auto outcome = c.runImport();
    ASSERT_TRUE(outcome.imported) << outcome.message.toStdString();
    EXPECT_EQ(outcome.result.appended, 2u);
    EXPECT_EQ(count("progress_entries"), entriesBefore + 2);
    {
        const auto saved = pg::ImportMappings(store->connection()).get("Báo cáo huyện (mẫu 2023)");
        ASSERT_TRUE(saved);
        EXPECT_EQ(saved->valueColumn, "Số đã làm") << "a header the sheet has once is saved as text, not as a letter";
        EXPECT_EQ(saved->dateColumn, "Ngày BC");
        EXPECT_FALSE(saved->asOf) << "the report's date is not saved with the form";
    }
    EXPECT_EQ(valueAt(sample.districtLocBinh), 2.0);
    EXPECT_EQ(valueAt(sample.districtCaoLoc), 1.0);
    {
        auto s = store->connection().prepare("SELECT source_document FROM progress_entries WHERE unit_id = ?");
        s->bindInt(1, sample.districtCaoLoc);
        ASSERT_TRUE(s->step());
        EXPECT_EQ(s->columnText(0), "Báo cáo 12/BC-UBND");
    }

    // The same file again: nothing is counted twice, and the dialog says why.
    c.setFile(file(report("huyen_6thang.csv")));
    EXPECT_EQ(c.proposedMapping(), "Báo cáo huyện (mẫu 2023)") << "the saved mapping fits the header";
    ASSERT_FALSE(c.preview()->hasErrors());
    EXPECT_EQ(c.preview()->count(pg::PlannedAction::Unchanged), 2u);
    EXPECT_TRUE(c.summary().contains("đã được nhập trước đây")) << c.summary().toStdString();
    EXPECT_TRUE(c.summary().contains("không tính trùng")) << c.summary().toStdString();
    const auto again = c.runImport();
    ASSERT_TRUE(again.imported);
    EXPECT_EQ(again.result.appended + again.result.corrected, 0u);
    EXPECT_EQ(count("progress_entries"), entriesBefore + 2);

    // The next report of the same form, with a corrected figure: the saved
    // mapping is proposed, and the change is written as a correction.
    c.setFile(file(report("huyen_6thang_sua.csv", "3")));
    EXPECT_EQ(c.proposedMapping(), "Báo cáo huyện (mẫu 2023)");
    ASSERT_FALSE(c.preview()->hasErrors());
    EXPECT_EQ(c.preview()->count(pg::PlannedAction::Correct), 1u);
    EXPECT_EQ(c.rowsModel()->index(0, ImportPreviewModel::Action).data().toString(), "Sửa số liệu");
    const auto corrected = c.runImport();
    ASSERT_TRUE(corrected.imported);
    EXPECT_EQ(corrected.result.corrected, 1u);
    EXPECT_EQ(valueAt(sample.districtLocBinh), 3.0);
    EXPECT_EQ(valueAt(sample.districtCaoLoc), 1.0);

    // A different form is not given that mapping.
    c.setFile(file(writeCsv("khac.csv", "Chỉ tiêu,Mã huyện,Thực hiện,Ngày\nDA2.CHO,189,2,30/06/2023\n")));
    EXPECT_TRUE(c.proposedMapping().isEmpty());
    EXPECT_FALSE(c.preview()->hasErrors()) << "usual Vietnamese headers are found without a mapping";
}

TEST_F(ProgressImportDialogTest, ValidationReportInVietnameseNamesSheetRowAndColumn)
{
    ProgressImportController c(*store);
    c.setFile(file(writeCsv("loi.csv", "Chỉ tiêu,Mã đơn vị,Thực hiện,Ngày\n"
                                       "DA9.KHONGCO,06100,1,31/07/2025\n"   // row 2: unknown indicator
                                       "DA2.CHO,99999,1,31/07/2025\n"       // row 3: unknown unit
                                       "DA2.CHO,06100,abc,31/07/2025\n"     // row 4: not a number
                                       "DA2.CHO,05977,-2,31/07/2025\n"      // row 5: negative
                                       "DA2.CHO,06100,5,31/07/2025\n"       // row 6: above the target 4 (warning)
                                       "DA2.CHO,06100,5,31/07/2025\n")));   // row 7: repeats row 6 (warning)
    const pg::ImportPreview* p = c.preview();
    ASSERT_NE(p, nullptr);
    EXPECT_FALSE(c.canImport());
    auto message = [&](pg::IssueKind kind) -> QString {
        for (int r = 0; r < c.issuesModel()->rowCount(); ++r)
            if (c.issuesModel()->issue(r).kind == kind) return ProgressImportText::full(c.issuesModel()->issue(r));
        return {};
    };
    const QString sheet = QString::fromStdString(p->sheet);
    EXPECT_EQ(message(pg::IssueKind::UnknownIndicator),
              QStringLiteral("Trang '%1', dòng 2, cột A (Chỉ tiêu): Không có chỉ tiêu 'DA9.KHONGCO' (không trùng mã hay tên chỉ tiêu nào của kế hoạch)").arg(sheet));
    EXPECT_TRUE(message(pg::IssueKind::UnknownUnit).startsWith(QStringLiteral("Trang '%1', dòng 3, cột B (Mã đơn vị): Không có đơn vị hành chính '99999'").arg(sheet)))
        << message(pg::IssueKind::UnknownUnit).toStdString();
    EXPECT_TRUE(message(pg::IssueKind::NotANumber).startsWith(QStringLiteral("Trang '%1', dòng 4, cột C (Thực hiện): 'abc' không phải là số (giá trị)").arg(sheet)))
        << message(pg::IssueKind::NotANumber).toStdString();
    EXPECT_TRUE(message(pg::IssueKind::Negative).startsWith(QStringLiteral("Trang '%1', dòng 5, cột C (Thực hiện): Giá trị âm (-2) không hợp lệ").arg(sheet)))
        << message(pg::IssueKind::Negative).toStdString();
    EXPECT_EQ(message(pg::IssueKind::AboveTarget),
              QStringLiteral("Trang '%1', dòng 6, cột C (Thực hiện): Giá trị 5 vượt chỉ tiêu kế hoạch 4 (cảnh báo, vẫn nhập) (chỉ tiêu DA2.CHO, Xã Lộc Bình)").arg(sheet));
    EXPECT_EQ(message(pg::IssueKind::DuplicateRow).left(QStringLiteral("Trang '%1', dòng 7: Trùng dòng 6").arg(sheet).size()),
              QStringLiteral("Trang '%1', dòng 7: Trùng dòng 6").arg(sheet));
    // Errors come first in the report, each with its severity in Vietnamese.
    EXPECT_EQ(c.issuesModel()->index(0, ImportIssueModel::Severity).data().toString(), "Lỗi");
    const int last = c.issuesModel()->rowCount() - 1;
    EXPECT_EQ(c.issuesModel()->index(last, ImportIssueModel::Severity).data().toString(), "Cảnh báo");
    EXPECT_EQ(c.issuesModel()->index(0, ImportIssueModel::Row).data().toLongLong(), 2);
    EXPECT_TRUE(c.summary().startsWith("4 lỗi")) << c.summary().toStdString() << "\n" << allIssues(c);
    const auto outcome = c.runImport();
    EXPECT_FALSE(outcome.imported);
}

TEST_F(ProgressImportDialogTest, CancelWritesNothing)
{
    std::string csv = "Chỉ tiêu,Mã đơn vị,Thực hiện,Ngày\n";
    for (int day = 1; day <= 28; ++day)
        for (int month = 7; month <= 12; ++month) // the communes of 2025 are in force from 1 July 2025
            csv += "DA2.CHO,06100," + std::to_string(day % 4) + "," + std::to_string(day) + "/" + std::to_string(month) + "/2025\n";
    const auto entriesBefore = count("progress_entries");
    const auto batchesBefore = count("import_batches");
    ProgressImportController c(*store);
    c.setFile(file(writeCsv("dai.csv", csv)));
    ASSERT_TRUE(c.canImport()) << allIssues(c);
    ASSERT_EQ(c.preview()->rows.size(), 168u);
    std::size_t seen = 0, total = 0;
    const auto outcome = c.runImport(
        [&](std::size_t done, std::size_t all) {
            seen = done;
            total = all;
        },
        [&] { return seen >= 100; }, 50);
    EXPECT_TRUE(outcome.cancelled);
    EXPECT_FALSE(outcome.imported);
    EXPECT_EQ(seen, 100u) << "cancelled after the second chunk";
    EXPECT_EQ(total, 168u);
    EXPECT_EQ(outcome.message, "Đã hủy: không có số liệu nào được ghi.");
    EXPECT_EQ(count("progress_entries"), entriesBefore);
    EXPECT_EQ(count("import_batches"), batchesBefore);
    // Not cancelled: everything is written.
    const auto done = c.runImport({}, [] { return false; }, 50);
    ASSERT_TRUE(done.imported);
    EXPECT_EQ(count("progress_entries"), entriesBefore + 168);
}

TEST_F(ProgressImportDialogTest, DialogShowsTheFileMappingAndPreview)
{
    ProgressImportDialog dialog(*store);
    dialog.openFile(file(report("huyen.csv")));
    mapColumns(*dialog.controller());
    dialog.resize(1100, 720);
    dialog.show();
    QApplication::processEvents();
    const auto* rows = dialog.findChild<QTableView*>("previewTable");
    ASSERT_NE(rows, nullptr);
    EXPECT_EQ(rows->model()->rowCount(), 2);
    EXPECT_TRUE(rows->isVisible()) << "without errors the preview is in front";
    const QImage shot = dialog.grab().toImage();
    EXPECT_FALSE(shot.isNull());
    const QByteArray shots = qgetenv("PLANMAP_TEST_SHOTS");
    if (!shots.isEmpty()) shot.save(QString::fromLocal8Bit(shots) + "/progress_import_dialog.png");
    // A file with errors: the validation report is in front.
    dialog.openFile(file(writeCsv("loi.csv", "Chỉ tiêu,Mã đơn vị,Thực hiện,Ngày\n"
                                             "DA9.KHONGCO,06100,1,31/07/2025\n"
                                             "DA2.CHO,06100,abc,31/07/2025\n"
                                             "DA2.CHO,06100,5,31/07/2025\n")));
    QApplication::processEvents();
    const auto* issues = dialog.findChild<QTableView*>("issuesTable");
    ASSERT_NE(issues, nullptr);
    EXPECT_TRUE(issues->isVisible());
    EXPECT_EQ(issues->model()->rowCount(), 3);
    if (!shots.isEmpty()) dialog.grab().toImage().save(QString::fromLocal8Bit(shots) + "/progress_import_errors.png");
}
