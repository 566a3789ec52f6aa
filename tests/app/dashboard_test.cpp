// The dashboard's series carry the roll-up engine's and the funding lines'
// figures (a small project with one plan project, two districts, funding
// lines and disbursements); Vietnamese number format; illustrative marks.

#include "AppTestSupport.h"
#include "DashboardWidget.h"
#include "MainWindow.h"
#include "StoreProjectData.h"
#include "ReportExportDialog.h"

#include "planmap/layers/progress/Rollup.h"
#include "planmap/layers/store/ProjectStore.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QImage>
#include <QPixmap>
#include <QValueAxis>

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

using namespace planmap::gui;
namespace L = planmap::layers;
namespace pg = planmap::layers::progress;

namespace {

struct Fixture {
    std::int64_t project = 0, housing = 0, water = 0;
    std::int64_t investment = 0, recurrent = 0, districtRecurrent = 0;
};

/// Adds to the sample project: "Dự án 1" with two indicators allocated to the
/// two districts, entries at the districts and the province (illustrative
/// ones at Cao Lộc), and funding lines with disbursements.
Fixture addPlanAndFunding(L::ProjectStore& store, const apptest::SampleProject& s)
{
    Fixture f;
    const auto program = store.plan().nodeByCode("CT1719");
    L::PlanNode project;
    project.code = "DA01";
    project.parentId = program->id;
    project.level = L::PlanLevel::Project;
    project.name = "Dự án 1: Giải quyết tình trạng thiếu đất ở, nhà ở";
    f.project = store.plan().insertNode(project);
    auto indicator = [&](const char* code, const char* name, double target) {
        L::Indicator i;
        i.node.code = code;
        i.node.parentId = f.project;
        i.node.level = L::PlanLevel::Indicator;
        i.node.name = name;
        i.spec.unitOfMeasure = "hộ";
        i.spec.year = 2023;
        i.spec.targetValue = target;
        i.spec.aggregation = L::Aggregation::Sum;
        return store.plan().insertIndicator(i);
    };
    f.housing = indicator("DA01.CT01", "Số hộ được hỗ trợ nhà ở", 1000);
    f.water = indicator("DA01.CT02", "Số hộ được hỗ trợ nước sinh hoạt phân tán", 400);
    auto allocate = [&](std::int64_t ind, std::int64_t unit, double target) {
        L::Allocation a;
        a.indicatorId = ind;
        a.unitId = unit;
        a.targetValue = target;
        store.plan().insertAllocation(a);
    };
    allocate(f.housing, s.districtLocBinh, 600);
    allocate(f.housing, s.districtCaoLoc, 400);
    allocate(f.water, s.districtLocBinh, 250);
    allocate(f.water, s.districtCaoLoc, 150);
    auto entry = [&](std::int64_t ind, std::int64_t unit, double value, bool illustrative) {
        L::ProgressEntry e;
        e.indicatorId = ind;
        e.unitId = unit;
        e.value = value;
        e.asOf = L::makeDate(2023, 6, 30);
        e.illustrative = illustrative;
        store.progress().append(e);
    };
    entry(f.housing, s.districtLocBinh, 450, false);
    entry(f.housing, s.districtCaoLoc, 130, true);
    entry(f.housing, s.province, 580, false);
    entry(f.water, s.province, 500, false); // above its target: counts as 100 % in the project mean

    L::FundingLine total;
    total.code = "NV";
    total.label = "Tổng vốn";
    total.amountMillionVnd = 3000;
    const std::int64_t totalId = store.funding().insertLine(total);
    auto line = [&](const char* code, L::FundingSource source, L::FundingKind kind, double amount) {
        L::FundingLine l;
        l.code = code;
        l.parentId = totalId;
        l.label = code;
        l.source = source;
        l.kind = kind;
        l.amountMillionVnd = amount;
        return store.funding().insertLine(l);
    };
    f.investment = line("NV.TW.DT", L::FundingSource::Central, L::FundingKind::Investment, 1238075);
    f.recurrent = line("NV.TINH.SN", L::FundingSource::Provincial, L::FundingKind::Recurrent, 3379);
    f.districtRecurrent = line("NV.HUYEN.SN", L::FundingSource::District, L::FundingKind::Recurrent, 26067);
    auto disburse = [&](std::int64_t lineId, std::int64_t unit, double amount, int month) {
        L::Disbursement d;
        d.fundingLineId = lineId;
        d.unitId = unit;
        d.amountMillionVnd = amount;
        d.asOf = L::makeDate(2023, month, 28);
        store.funding().appendDisbursement(d);
    };
    disburse(f.investment, s.districtLocBinh, 100000, 3);
    disburse(f.investment, s.districtLocBinh, 250000, 6); // cumulative: replaces the March figure
    disburse(f.investment, s.districtCaoLoc, 120500.5, 6);
    disburse(f.recurrent, s.province, 1000, 6);
    return f;
}

class DashboardTest : public apptest::SampleProjectTest {
protected:
    static void SetUpTestSuite()
    {
        SampleProjectTest::SetUpTestSuite();
        L::ProjectStore store = L::ProjectStore::open(sampleProject->file);
        fixture = addPlanAndFunding(store, *sampleProject);
    }
    void SetUp() override { store = std::make_unique<L::ProjectStore>(L::ProjectStore::open(sample.file)); }

    static Fixture fixture;
    std::unique_ptr<L::ProjectStore> store;
};

Fixture DashboardTest::fixture;

} // namespace

TEST_F(DashboardTest, ProjectSeriesIsTheMeanOfTheProvincePercentOfTarget)
{
    DashboardWidget dashboard(*store);
    pg::RollupEngine engine(store->connection());
    const auto housing = engine.rollup(fixture.housing);
    const auto water = engine.rollup(fixture.water);
    ASSERT_TRUE(housing.province() && housing.province()->percentOfTarget);
    ASSERT_TRUE(water.province() && water.province()->percentOfTarget);
    EXPECT_DOUBLE_EQ(*housing.province()->percentOfTarget, 58.0);
    EXPECT_DOUBLE_EQ(*water.province()->percentOfTarget, 125.0);

    ASSERT_EQ(dashboard.projectCategories().size(), 1) << "only plan projects with indicators that have targets";
    EXPECT_EQ(dashboard.projectCategories().front(), "Dự án 1 (2/2)");
    ASSERT_EQ(dashboard.projectSet()->count(), 1);
    const double expected = (std::min(100.0, *housing.province()->percentOfTarget) + std::min(100.0, *water.province()->percentOfTarget)) / 2;
    EXPECT_DOUBLE_EQ(dashboard.projectSet()->at(0), expected);
    EXPECT_DOUBLE_EQ(dashboard.projectSet()->at(0), 79.0);
}

TEST_F(DashboardTest, DistrictSeriesIsThePercentOfTheDistrictAllocation)
{
    DashboardWidget dashboard(*store);
    dashboard.setIndicator(fixture.housing);
    ASSERT_EQ(dashboard.indicator(), fixture.housing);
    pg::RollupEngine engine(store->connection());
    const auto housing = engine.rollup(fixture.housing);
    ASSERT_EQ(dashboard.districtCategories(), (QStringList{"Cao Lộc*", "Lộc Bình"})) << "name order; * marks illustrative figures";
    ASSERT_EQ(dashboard.districtSet()->count(), 2);
    EXPECT_DOUBLE_EQ(dashboard.districtSet()->at(0), *housing.at(sample.districtCaoLoc)->percentOfTarget);
    EXPECT_DOUBLE_EQ(dashboard.districtSet()->at(1), *housing.at(sample.districtLocBinh)->percentOfTarget);
    EXPECT_DOUBLE_EQ(dashboard.districtSet()->at(0), 32.5);
    EXPECT_DOUBLE_EQ(dashboard.districtSet()->at(1), 75.0);
    // Another indicator: no district reported, every bar at 0.
    dashboard.setIndicator(fixture.water);
    ASSERT_EQ(dashboard.districtSet()->count(), 2);
    EXPECT_EQ(dashboard.districtSet()->at(0), 0.0);
    EXPECT_TRUE(dashboard.data().illustrative());
}

TEST_F(DashboardTest, FundingSeriesArePlannedAndDisbursedBySourceAndKind)
{
    DashboardWidget dashboard(*store);
    const auto progress = store->funding().progress();
    auto figure = [&](std::int64_t id) {
        for (const auto& p : progress)
            if (p.line.id == id) return p;
        throw std::runtime_error("no line");
    };
    ASSERT_EQ(dashboard.fundingCategories(),
              (QStringList{"NS TW – ĐTPT", "NS tỉnh – sự nghiệp", "NS huyện – sự nghiệp"}));
    const std::int64_t lines[] = {fixture.investment, fixture.recurrent, fixture.districtRecurrent};
    for (int i = 0; i < 3; ++i) {
        EXPECT_DOUBLE_EQ(dashboard.plannedSet()->at(i), figure(lines[i]).line.amountMillionVnd);
        EXPECT_DOUBLE_EQ(dashboard.disbursedSet()->at(i), figure(lines[i]).disbursedMillionVnd);
    }
    EXPECT_DOUBLE_EQ(dashboard.disbursedSet()->at(0), 370500.5) << "the newest cumulative figure per district, summed";
    EXPECT_DOUBLE_EQ(dashboard.disbursedSet()->at(1), 1000);
    EXPECT_DOUBLE_EQ(dashboard.disbursedSet()->at(2), 0);
    // The total line carries its sub-lines' disbursements.
    const auto total = store->funding().lineByCode("NV");
    ASSERT_TRUE(total);
    EXPECT_DOUBLE_EQ(figure(total->id).disbursedMillionVnd, 371500.5);
    EXPECT_EQ(figure(total->id).disbursements, 3);
}

TEST_F(DashboardTest, AxesUseTheVietnameseNumberFormat)
{
    DashboardWidget dashboard(*store);
    dashboard.resize(1280, 800);
    dashboard.show();
    QApplication::processEvents();
    const auto views = dashboard.findChildren<QChartView*>();
    ASSERT_EQ(views.size(), 3);
    for (QChartView* v : views) {
        EXPECT_TRUE(v->chart()->localizeNumbers());
        EXPECT_EQ(v->chart()->locale().decimalPoint(), ",");
        EXPECT_EQ(v->chart()->locale().groupSeparator(), ".");
    }
    EXPECT_EQ(views[0]->chart()->locale().toString(1238075.0, 'f', 0), "1.238.075");
    const QImage shot = dashboard.grab().toImage();
    EXPECT_FALSE(shot.isNull());
    if (const QByteArray d = qgetenv("PLANMAP_TEST_SHOTS"); !d.isEmpty())
        shot.save(QString::fromLocal8Bit(d) + "/dashboard.png");
}

TEST(DashboardBundledTest, ThePlanOfLangSonShowsItsProjectsAndItsFundingBySource)
{
    apptest::app();
    const std::filesystem::path bundled = PLANMAP_BUNDLED_PROJECT;
    if (!std::filesystem::exists(bundled)) GTEST_SKIP() << "the bundled project is not built";
    apptest::TempDir dir;
    const auto copy = dir.file("langson.planmap");
    std::filesystem::copy_file(bundled, copy);
    L::ProjectStore store = L::ProjectStore::open(copy);
    DashboardWidget dashboard(store);
    // Dự án 1–10 are all there, in plan order from the top.
    QStringList projects = dashboard.projectCategories();
    std::reverse(projects.begin(), projects.end());
    int numbered = 0;
    for (const QString& p : projects) numbered += p.startsWith(QStringLiteral("Dự án ")) ? 1 : 0;
    EXPECT_EQ(numbered, 10) << projects.join(" | ").toStdString();
    // The plan's budget lines (Kế hoạch 59/KH-UBND, section II), in million VND.
    const auto planned = dashboard.plannedSet();
    ASSERT_EQ(planned->count(), 6);
    EXPECT_EQ(dashboard.fundingCategories().front(), "NS TW – ĐTPT");
    double sum = 0;
    for (int i = 0; i < planned->count(); ++i) sum += planned->at(i);
    EXPECT_DOUBLE_EQ(planned->at(0), 543193);
    EXPECT_DOUBLE_EQ(sum, 570354 + 618246) << "the direct investment of the programme";
    // The report of one district of 2023, as the export dialog writes it by default (today's date).
    EXPECT_EQ(exportProgressReport(store, std::string("189"), pg::ReportFormat::Csv, QDate::currentDate(), dir.file("loc_binh.csv")), 1u);
    dashboard.resize(1400, 900);
    dashboard.show();
    QApplication::processEvents();
    if (const QByteArray d = qgetenv("PLANMAP_TEST_SHOTS"); !d.isEmpty())
        dashboard.grab().toImage().save(QString::fromLocal8Bit(d) + "/dashboard_langson.png");
}

TEST_F(DashboardTest, ReportExportWritesTheChosenDistrictOrTheProvince)
{
    ReportExportDialog dialog(*store);
    const auto csv = dir->file("bao_cao_loc_binh.csv");
    // The district of Lộc Bình (code 189) as a CSV.
    auto* scope = dialog.findChild<QComboBox*>();
    ASSERT_NE(scope, nullptr);
    const int locBinh = scope->findData(QStringLiteral("189"));
    ASSERT_GE(locBinh, 0) << "districts of 2023 are offered by name";
    EXPECT_EQ(scope->itemText(locBinh), "Huyện Lộc Bình");
    scope->setCurrentIndex(locBinh);
    ASSERT_EQ(dialog.district(), std::optional<std::string>("189"));
    auto* format = dialog.findChildren<QComboBox*>().at(1);
    format->setCurrentIndex(1);
    ASSERT_EQ(dialog.format(), pg::ReportFormat::Csv);
    ASSERT_TRUE(dialog.exportTo(QString::fromStdString(csv.string())));
    std::stringstream text;
    text << std::ifstream(csv).rdbuf();
    EXPECT_NE(text.str().find("DA01.CT01"), std::string::npos);
    EXPECT_NE(text.str().find("Huyện Lộc Bình"), std::string::npos);
    EXPECT_EQ(text.str().find("Huyện Cao Lộc"), std::string::npos) << "only the district asked for";
    // The province and every district as XLSX, through the same function.
    const auto xlsx = dir->file("bao_cao_tinh.xlsx");
    EXPECT_EQ(exportProgressReport(*store, std::nullopt, pg::ReportFormat::Xlsx, QDate(2023, 12, 31), xlsx), 3u)
        << "the province and its two districts";
    EXPECT_GT(std::filesystem::file_size(xlsx), 0u);
    // A district that does not exist: the dialog says why, nothing is written.
    EXPECT_THROW(exportProgressReport(*store, std::string("999"), pg::ReportFormat::Csv, QDate(2023, 12, 31), dir->file("x.csv")),
                 std::exception);
    EXPECT_FALSE(std::filesystem::exists(dir->file("x.csv")));
}

TEST_F(DashboardTest, ThePlanMenuOpensTheDashboardOfTheOpenProject)
{
    MainWindow window;
    QMenu* plan = window.menu(MainWindow::Menu::Plan);
    ASSERT_NE(plan, nullptr);
    auto action = [&](const char* name) -> QAction* {
        for (QAction* a : plan->actions())
            if (a->objectName() == QLatin1String(name)) return a;
        return nullptr;
    };
    ASSERT_NE(action("progressImport"), nullptr);
    ASSERT_NE(action("progressReport"), nullptr);
    QAction* dashboardAction = action("progressDashboard");
    ASSERT_NE(dashboardAction, nullptr);
    EXPECT_EQ(action("progressImport")->text(), "Nhập báo cáo tiến độ…");
    EXPECT_FALSE(dashboardAction->isEnabled()) << "no project yet";
    window.openProject(std::make_unique<StoreProjectData>(sample.file));
    EXPECT_TRUE(dashboardAction->isEnabled());
    dashboardAction->trigger();
    QApplication::processEvents();
    auto* dashboard = window.findChild<DashboardWidget*>();
    ASSERT_NE(dashboard, nullptr);
    EXPECT_TRUE(dashboard->isVisible());
    EXPECT_EQ(dashboard->projectCategories().size(), 1);
    // Reloading the project refreshes it in place.
    window.reloadProject();
    EXPECT_EQ(window.findChild<DashboardWidget*>(), dashboard);
}
