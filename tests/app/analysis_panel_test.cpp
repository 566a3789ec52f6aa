// The Analyses panel on a temporary project: runs in the background and fills
// its tables with what the library computes, cancel leaves no layer, the
// what-if click changes the unserved count as the library says, and the
// forest hectares are recorded as progress after the confirmation.

#include "AnalysisLayers.h"
#include "AnalysisPage.h"
#include "AnalysisPanel.h"
#include "AnalysisRunner.h"
#include "AnalysisWidgets.h"
#include "AppTestSupport.h"
#include "CatchmentPage.h"
#include "ForestPage.h"
#include "MainWindow.h"
#include "MapCanvas.h"
#include "StoreProjectData.h"
#include "UnderservedPage.h"

#include "planmap/geo/Transform.h"
#include "planmap/layers/analysis/AccessInputs.h"
#include "planmap/layers/render/FeatureSource.h"
#include "planmap/layers/store/ProjectStore.h"

#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTableWidget>
#include <QTextBrowser>
#include <QThread>
#include <QToolBar>
#include <QTimer>

#include <gtest/gtest.h>

#include <fstream>

using namespace planmap::gui;
namespace L = planmap::layers;
namespace A = planmap::layers::analysis;

namespace {

class AnalysisPanelTest : public apptest::SampleProjectTest {
protected:
    void SetUp() override { QSettings().clear(); }
    void TearDown() override
    {
        window.reset();
        QSettings().clear();
    }
    void open(const std::filesystem::path& file)
    {
        window = apptest::openWindow(file, QSize(1400, 900));
        panel = analysisPanel(*window);
        ASSERT_NE(panel, nullptr);
    }
    int row(const char* key) const { return apptest::layerRow(*window, key); }

    std::unique_ptr<MainWindow> window;
    AnalysisPanel* panel = nullptr;
};

TEST_F(AnalysisPanelTest, MenuOpensThePanel)
{
    open(sample.file);
    QMenu* menu = window->menu(MainWindow::Menu::Analysis);
    ASSERT_NE(menu, nullptr);
    QAction* forest = nullptr;
    for (QAction* a : menu->actions())
        if (a->text().contains(QStringLiteral("rừng"))) forest = a;
    ASSERT_NE(forest, nullptr);
    forest->trigger();
    QApplication::processEvents();
    EXPECT_TRUE(panel->isVisible());
    EXPECT_TRUE(panel->forest()->isVisible());
}

TEST_F(AnalysisPanelTest, UnderservedRunsInTheBackgroundAndFillsTheTableAsTheLibrary)
{
    open(sample.file);
    UnderservedPage* page = panel->underserved();
    ASSERT_TRUE(page->run());
    EXPECT_TRUE(page->runner()->isRunning());
    page->runner()->waitForFinished();
    ASSERT_NE(page->result(), nullptr);

    // The same figures as the library on the same project.
    L::ProjectStore store = L::ProjectStore::open(sample.file);
    const A::UnderservedResult expected = A::analyzeUnderserved(A::loadAccessInputs(store), page->settings());
    ASSERT_EQ(expected.villages.size(), 3u);
    ASSERT_EQ(page->model()->rowCount(), 3);
    for (int r = 0; r < 3; ++r) {
        const A::VillageNeed* v = page->model()->village(r);
        ASSERT_NE(v, nullptr);
        EXPECT_EQ(v->id, expected.villages[std::size_t(r)].id);
        EXPECT_DOUBLE_EQ(v->score, expected.villages[std::size_t(r)].score);
        EXPECT_EQ(page->model()->index(r, 0).data().toLongLong(), qlonglong(r + 1));  // rank
    }
    // The villages are illustrative: the table header, the banner and the layer say so.
    const QString scoreHeader =
        page->model()->headerData(page->model()->scoreColumn(), Qt::Horizontal).toString();
    EXPECT_TRUE(scoreHeader.contains(QStringLiteral("MINH HỌA"))) << scoreHeader.toStdString();
    ASSERT_GE(row(kUnderservedLayer), 0);
    const MapLayer& layer = window->project()->layer(row(kUnderservedLayer));
    EXPECT_TRUE(layer.illustrative);
    EXPECT_TRUE(layer.title.contains(QStringLiteral("minh họa")));
    ASSERT_TRUE(layer.cache);
    EXPECT_EQ(layer.cache->featureCount(), 3u);
    EXPECT_EQ(page->runBar()->progressBar()->value(), page->runBar()->progressBar()->maximum());

    // A row selected: its breakdown, and the village selected on the map.
    page->table()->selectRow(0);
    QApplication::processEvents();
    EXPECT_TRUE(page->breakdown()->toPlainText().contains(QString::fromStdString(expected.villages[0].name)));
    EXPECT_EQ(window->project()->selectionLayer(), QString::fromLatin1(kUnderservedLayer));
    EXPECT_TRUE(window->project()->selection().contains(expected.villages[0].id));

    // Summaries per district: the three villages are in Huyện Cao Lộc.
    ASSERT_EQ(page->summaryTable()->rowCount(), 1);
    EXPECT_EQ(page->summaryTable()->item(0, 1)->text(), QStringLiteral("3"));

    // A new weight re-scores at once, as the library's rescore.
    A::UnderservedResult rescored = expected;
    A::NeedScoreSettings s = page->settings().score;
    s.rule(A::Service::Market).weight = 2.0;
    A::rescore(rescored, s);
    QDoubleSpinBox* marketWeight = page->findChild<QDoubleSpinBox*>(QStringLiteral("weight_market"));
    ASSERT_NE(marketWeight, nullptr);
    marketWeight->setValue(2.0);
    for (int i = 0; i < 40 && page->result()->settings.score.rule(A::Service::Market).weight != 2.0; ++i)
        QApplication::processEvents(QEventLoop::AllEvents, 20), QThread::msleep(10);
    ASSERT_EQ(page->result()->settings.score.rule(A::Service::Market).weight, 2.0);
    for (std::size_t i = 0; i < 3; ++i) EXPECT_DOUBLE_EQ(page->result()->villages[i].score, rescored.villages[i].score);

    // Export: what the table shows, with the illustrative flag on every row.
    apptest::TempDir out;
    A::exportTables(out.file("thon.csv"), page->exportTables());
    std::ifstream csv(out.file("thon.csv"));
    std::string header, line;
    std::getline(csv, header);
    EXPECT_NE(header.find("illustrative"), std::string::npos);
    int lines = 0;
    while (std::getline(csv, line)) lines += line.empty() ? 0 : 1;
    EXPECT_EQ(lines, 3);

    // The result layer stays on the map when the project is reloaded (after an import).
    window->reloadProject();
    EXPECT_GE(row(kUnderservedLayer), 0);
    EXPECT_EQ(page->model()->rowCount(), 3);

    apptest::keepShot(*window, "analysis_underserved");
}

TEST_F(AnalysisPanelTest, CancelLeavesNoLayer)
{
    open(sample.file);
    UnderservedPage* page = panel->underserved();
    ASSERT_TRUE(page->run());
    page->runner()->waitForFinished();
    ASSERT_GE(row(kUnderservedLayer), 0);

    // A new run replaces the result; cancelled, it leaves neither a result nor a layer.
    bool cancelled = false;
    QObject::connect(page->runner(), &AnalysisRunner::cancelled, [&cancelled] { cancelled = true; });
    ASSERT_TRUE(page->run());
    page->runner()->cancel();
    page->runner()->waitForFinished();
    EXPECT_TRUE(cancelled);
    EXPECT_EQ(page->result(), nullptr);
    EXPECT_EQ(page->model()->rowCount(), 0);
    EXPECT_LT(row(kUnderservedLayer), 0);
    EXPECT_TRUE(page->runBar()->runButton()->isEnabled());
    EXPECT_FALSE(page->runBar()->cancelButton()->isEnabled());
    EXPECT_TRUE(page->runBar()->statusLabel()->text().contains(QStringLiteral("hủy")))
        << page->runBar()->statusLabel()->text().toStdString();
}

TEST_F(AnalysisPanelTest, WhatIfClickChangesTheUnservedCountAsTheLibrarySays)
{
    open(sample.file);
    CatchmentPage* page = panel->catchment();
    ASSERT_TRUE(page->run());
    page->runner()->waitForFinished();
    ASSERT_NE(page->result(), nullptr);
    // The only market is ~18 km from the three villages.
    EXPECT_EQ(page->result()->unserved, 3u);
    EXPECT_EQ(page->unservedTable()->rowCount(), 3);
    ASSERT_GE(row(kCatchmentLayer), 0);
    EXPECT_TRUE(window->project()->layer(row(kCatchmentLayer)).illustrative);

    // Drop a candidate with the map tool where the first village is.
    const double lon = 106.82, lat = 21.75;
    L::ProjectStore store = L::ProjectStore::open(sample.file);
    const A::CatchmentResult lib = A::analyzeCatchments(A::loadAccessInputs(store), page->settings());
    A::CandidatePoint p;
    p.lon = lon;
    p.lat = lat;
    const A::CandidateGain expected = A::whatIf(lib, p);
    ASSERT_EQ(expected.newlyServed, 2u);  // the second village is 3.9 km away, the third 7.8 km

    page->whatIfButton()->setEnabled(true);
    page->whatIfButton()->click();
    ASSERT_TRUE(page->isPicking());
    planmap::geo::Transform toDisplay(planmap::geo::Crs::fromEpsg(4326), window->project()->displayCrs());
    const planmap::geo::XY d = toDisplay.forward(lon, lat);
    const QPointF pixel = window->canvas()->controller()->viewport().toPixel(d.x, d.y);
    emit window->canvas()->controller()->clicked(pixel, Qt::NoModifier);
    QApplication::processEvents();

    ASSERT_GE(row(kWhatIfLayer), 0);
    const QString text = page->whatIfLabel()->text();
    EXPECT_TRUE(text.contains(QStringLiteral("<b>2</b> thôn"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("3 → <b>1</b>"))) << text.toStdString();
    EXPECT_EQ(window->project()->selectionLayer(), QString::fromLatin1(kCatchmentLayer));
    QSet<qint64> ids;
    for (std::int64_t id : expected.villageIds) ids.insert(id);
    EXPECT_EQ(window->project()->selection(), ids);
    apptest::keepShot(*window, "analysis_catchment");

    page->setPicking(false);
    page->clearWhatIf();
    EXPECT_LT(row(kWhatIfLayer), 0);
}

TEST_F(AnalysisPanelTest, WhatIfPickShowsThePanToolInTheToolbar)
{
    open(sample.file);
    auto* nav = window->findChild<QToolBar*>(QStringLiteral("navigation"));
    ASSERT_NE(nav, nullptr);
    ASSERT_GE(nav->actions().size(), 3);
    QAction* pan = nav->actions().at(0);
    QAction* info = nav->actions().at(1);
    ASSERT_TRUE(pan->isCheckable());
    ASSERT_EQ(window->canvas()->tool(), MapCanvas::Tool::Identify);
    ASSERT_TRUE(info->isChecked());

    CatchmentPage* page = panel->catchment();
    page->setPicking(true);
    EXPECT_EQ(window->canvas()->tool(), MapCanvas::Tool::Pan);
    EXPECT_TRUE(pan->isChecked());
    EXPECT_FALSE(info->isChecked());

    page->setPicking(false);
    EXPECT_EQ(window->canvas()->tool(), MapCanvas::Tool::Identify);
    EXPECT_TRUE(info->isChecked());
    EXPECT_FALSE(pan->isChecked());
}

TEST_F(AnalysisPanelTest, EveryPageDropsItsResultWhenAnotherProjectOpens)
{
    open(sample.file);
    const std::vector<std::pair<AnalysisPage*, const char*>> pages{
        {panel->underserved(), kUnderservedLayer}, {panel->catchment(), kCatchmentLayer}, {panel->forest(), kForestLayer}};
    for (const auto& [page, key] : pages) {
        ASSERT_TRUE(page->run()) << key;
        page->runner()->waitForFinished();
        EXPECT_FALSE(page->exportTables().tables.empty()) << key;
    }
    EXPECT_GE(row(kUnderservedLayer), 0);
    EXPECT_GE(row(kCatchmentLayer), 0);

    // The same project reloaded (after an import) keeps the results; another one drops them.
    window->reloadProject();
    QApplication::processEvents();
    EXPECT_GE(row(kUnderservedLayer), 0);
    EXPECT_FALSE(panel->catchment()->exportTables().tables.empty());
    apptest::TempDir other;
    const std::filesystem::path copy = other.file("other.planmap");
    std::filesystem::copy_file(sample.file, copy);
    window->openProject(std::make_unique<StoreProjectData>(copy));
    QApplication::processEvents();
    for (const auto& [page, key] : pages) {
        EXPECT_LT(row(key), 0) << key;
        EXPECT_TRUE(page->exportTables().tables.empty()) << key;
        EXPECT_TRUE(page->runBar()->runButton()->isEnabled()) << key;
    }
}

TEST_F(AnalysisPanelTest, ForestRecordedAsProgressAfterTheConfirmation)
{
    // The sample project with two forest plots and a forest indicator of the plan.
    apptest::TempDir own;
    const apptest::SampleProject s = apptest::makeSampleProject(own);
    std::int64_t ct02 = 0;
    {
        L::ProjectStore store = L::ProjectStore::open(s.file);
        L::Indicator ind;
        ind.node.code = "DA03.1.CT02";
        ind.node.level = L::PlanLevel::Indicator;
        ind.node.name = "Hỗ trợ khoán bảo vệ rừng đặc dụng, phòng hộ";
        ind.spec.unitOfMeasure = "ha";
        ind.spec.year = 2023;
        ind.spec.targetValue = 26900.0;
        ind.spec.aggregation = L::Aggregation::Sum;
        ct02 = store.plan().insertIndicator(ind);
        namespace wkb = planmap::layers::render::wkb;
        L::Feature f;
        f.layer = "forests";
        f.userKey = "TK1-K2-L3";
        f.illustrative = true;
        f.attributes["forest_type"] = std::string("protection");
        f.attributes["origin"] = std::string("natural");
        f.attributes["holder"] = std::string("management_board");
        f.attributes["contract_year"] = std::int64_t(2021);
        f.geometry = wkb::polygon({{106.69, 21.80, 106.71, 21.80, 106.71, 21.81, 106.69, 21.81, 106.69, 21.80}});
        store.features().insert(f);  // half in Lộc Bình, half in Đông Kinh
        f.userKey = "TK1-K2-L4";
        f.geometry = wkb::polygon({{106.85, 21.80, 106.86, 21.80, 106.86, 21.81, 106.85, 21.81, 106.85, 21.80}});
        store.features().insert(f);  // in Cao Lộc
    }
    open(s.file);
    ForestPage* page = panel->forest();
    ASSERT_TRUE(page->run());
    page->runner()->waitForFinished();
    ASSERT_NE(page->result(), nullptr);
    EXPECT_EQ(page->result()->total.plots, 2u);
    ASSERT_EQ(page->indicatorTable()->rowCount(), 5);
    bool shown = false;
    for (int r = 0; r < 5; ++r)
        if (page->indicatorTable()->item(r, 0)->text() == QStringLiteral("DA03.1.CT02")) {
            shown = true;
            EXPECT_TRUE(page->indicatorTable()->item(r, 2)->text().startsWith(QStringLiteral("26.900")));
        }
    EXPECT_TRUE(shown);
    ASSERT_GE(row(kForestLayer), 0);
    EXPECT_TRUE(window->project()->layer(row(kForestLayer)).illustrative);
    EXPECT_EQ(page->progressEntryCount(A::ProgressUnitLevel::Commune2025), 3u);
    ASSERT_TRUE(page->recordButton()->isEnabled());

    // Cancelling the confirmation writes nothing.
    L::ProgressFilter filter;
    filter.indicatorId = ct02;
    auto answer = [](bool accept) {
        QWidget* w = QApplication::activeModalWidget();
        if (auto* box = qobject_cast<QMessageBox*>(w)) box->accept();
        else if (auto* d = qobject_cast<QDialog*>(w)) accept ? d->accept() : d->reject();
    };
    QTimer rejecter;
    QObject::connect(&rejecter, &QTimer::timeout, [&] { answer(false); });
    rejecter.start(20);
    page->recordButton()->click();
    rejecter.stop();
    EXPECT_TRUE(window->storeData()->store().progress().current(filter).empty());

    // Confirmed: one entry per commune with forest counting toward CT02, flagged illustrative.
    QTimer accepter;
    QObject::connect(&accepter, &QTimer::timeout, [&] { answer(true); });
    accepter.start(20);
    page->recordButton()->click();
    accepter.stop();
    const auto entries = window->storeData()->store().progress().current(filter);
    ASSERT_EQ(entries.size(), 3u);
    double total = 0.0;
    for (const L::ProgressEntry& e : entries) {
        EXPECT_TRUE(e.illustrative);
        total += e.value.value_or(0.0);
    }
    double expectedTotal = 0.0;
    for (const A::IndicatorComparison& c : page->result()->indicators)
        if (c.indicator.code == "DA03.1.CT02") expectedTotal = c.computed.ha;
    EXPECT_NEAR(total, expectedTotal, 0.005 * double(entries.size()) + 1e-9);  // each entry rounded to 0,01 ha
    apptest::keepShot(*window, "analysis_forest");
}

TEST_F(AnalysisPanelTest, BundledProjectAsTheLibraryAndThePanelOnScreen)
{
    const std::filesystem::path bundled = PLANMAP_BUNDLED_PROJECT;
    if (!std::filesystem::exists(bundled)) GTEST_SKIP() << "bundled project not built: " << bundled;
    apptest::TempDir own;
    const std::filesystem::path copy = own.file("langson.planmap");
    std::filesystem::copy_file(bundled, copy);
    open(copy);
    QMenu* menu = window->menu(MainWindow::Menu::Analysis);
    ASSERT_NE(menu, nullptr);
    menu->actions().front()->trigger();  // Thôn khó tiếp cận dịch vụ
    QApplication::processEvents();
    ASSERT_TRUE(panel->underserved()->isVisible());

    UnderservedPage* page = panel->underserved();
    ASSERT_TRUE(page->run());
    page->runner()->waitForFinished();
    ASSERT_NE(page->result(), nullptr);
    L::ProjectStore store = L::ProjectStore::open(copy);
    const A::UnderservedResult expected = A::analyzeUnderserved(A::loadAccessInputs(store), page->settings());
    ASSERT_EQ(page->model()->rowCount(), int(expected.villages.size()));
    EXPECT_GT(expected.villages.size(), 1000u);
    for (int r = 0; r < 20; ++r) EXPECT_EQ(page->model()->village(r)->id, expected.villages[std::size_t(r)].id);
    // The district filter keeps the villages of one district.
    ASSERT_GT(page->districtFilter()->count(), 1);
    page->districtFilter()->setCurrentIndex(1);
    emit page->districtFilter()->activated(1);
    const qlonglong district = page->districtFilter()->currentData().toLongLong();
    std::size_t inDistrict = 0;
    for (const A::VillageNeed& v : expected.villages) inDistrict += v.district.id == district ? 1 : 0;
    EXPECT_EQ(page->model()->rowCount(), int(inDistrict));
    page->table()->selectRow(0);
    QApplication::processEvents();
    window->canvas()->renderNow();
    apptest::keepShot(*window, "analysis_bundled_underserved");

    panel->showPage(AnalysisPanel::Page::Catchment);
    ASSERT_TRUE(panel->catchment()->run());
    panel->catchment()->runner()->waitForFinished();
    ASSERT_NE(panel->catchment()->result(), nullptr);
    const A::CatchmentResult c = A::analyzeCatchments(A::loadAccessInputs(store), panel->catchment()->settings());
    EXPECT_EQ(panel->catchment()->result()->unserved, c.unserved);
    EXPECT_EQ(panel->catchment()->unservedTable()->rowCount(), int(c.unserved));
    panel->catchment()->marketTable()->selectRow(0);
    const auto gain = panel->catchment()->setWhatIf(106.58904, 22.28792);
    ASSERT_TRUE(gain.has_value());
    window->canvas()->renderNow();
    apptest::keepShot(*window, "analysis_bundled_catchment");

    panel->showPage(AnalysisPanel::Page::Forest);
    ASSERT_TRUE(panel->forest()->run());
    panel->forest()->runner()->waitForFinished();
    ASSERT_NE(panel->forest()->result(), nullptr);
    EXPECT_EQ(panel->forest()->indicatorTable()->rowCount(), 5);
    window->canvas()->renderNow();
    apptest::keepShot(*window, "analysis_bundled_forest");
}

} // namespace
