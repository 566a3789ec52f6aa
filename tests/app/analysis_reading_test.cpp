// The Analyses panel reads its inputs on the run's thread, through a
// connection of its own: the window keeps turning while a province-scale
// village layer is read, cancelling during the read ends the run at once and
// writes nothing, read-only projects run as before, and a project file that
// is gone or lacks the layer fails the run with a Vietnamese message.

#include "AnalysisLayers.h"
#include "AnalysisPage.h"
#include "AnalysisPanel.h"
#include "AnalysisRunner.h"
#include "AnalysisWidgets.h"
#include "AppTestSupport.h"
#include "ForestPage.h"
#include "MainWindow.h"
#include "StoreProjectData.h"
#include "UnderservedPage.h"

#include "planmap/layers/analysis/AccessInputs.h"
#include "planmap/layers/analysis/Underserved.h"
#include "planmap/layers/render/FeatureSource.h"
#include "planmap/layers/store/ProjectStore.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLabel>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QTimer>

#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <sstream>

using namespace planmap::gui;
namespace L = planmap::layers;
namespace A = planmap::layers::analysis;

namespace {

/// What one run of a page reported: the stages, the furthest fraction of the
/// reading stage, and how it ended.
struct RunWatch {
    explicit RunWatch(AnalysisRunner* runner)
    {
        QObject::connect(runner, &AnalysisRunner::progressed, runner, [this](const QString& stage, double fraction) {
            if (stages.isEmpty() || stages.back() != stage) stages << stage;
            if (stage == readStage()) readFraction = std::max(readFraction, fraction);
        });
        QObject::connect(runner, &AnalysisRunner::finished, runner, [this] { ended = finished = true; });
        QObject::connect(runner, &AnalysisRunner::cancelled, runner, [this] { ended = cancelled = true; });
        QObject::connect(runner, &AnalysisRunner::failed, runner, [this](const QString& m) {
            ended = failed = true;
            failure = m;
        });
    }
    static QString readStage() { return QString::fromUtf8(A::kReadStage); }
    bool reading() const { return !ended && !stages.isEmpty() && stages.back() == readStage(); }

    QStringList stages;
    double readFraction = 0.0;
    bool ended = false, finished = false, cancelled = false, failed = false;
    QString failure;
};

/// Turns the event loop (a real one, as the window's) until `done` holds or
/// `timeoutMs` passed; `onTick` runs every `tickMs` on the UI thread.
void turnEventLoopUntil(const std::function<bool()>& done, int timeoutMs, int tickMs = 5,
                        const std::function<void()>& onTick = {})
{
    QEventLoop loop;
    QTimer tick;
    tick.setInterval(tickMs);
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
        if (onTick) onTick();
        if (done()) loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    tick.start();
    if (!done()) loop.exec();
}

std::string fileBytes(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

/// The sample project of the suite (copies of it read-only, gone, without a
/// layer) and a copy of the bundled project with 50.000 more villages
/// (illustrative, invented for this test), made once for the suite: a
/// province-scale layer.
class AnalysisReadingTest : public apptest::SampleProjectTest {
public:
    static constexpr int kGeneratedVillages = 50000;

    static void SetUpTestSuite()
    {
        SampleProjectTest::SetUpTestSuite();
        const std::filesystem::path bundled = PLANMAP_BUNDLED_PROJECT;
        if (!std::filesystem::exists(bundled)) return;
        big = new std::filesystem::path(dir->file("langson-50k.planmap"));
        std::filesystem::copy_file(bundled, *big);
        L::ProjectStore store = L::ProjectStore::open(*big);
        std::vector<L::Feature> villages;
        villages.reserve(kGeneratedVillages);
        // A 250 × 200 grid over the province's extent (some points fall outside it).
        for (int i = 0; i < kGeneratedVillages; ++i) {
            L::Feature f;
            f.layer = "villages";
            f.userKey = "thu-50k-" + std::to_string(i);
            f.name = "Thôn thử " + std::to_string(i) + " (minh họa)";
            f.illustrative = true;
            f.source = "minh họa: thôn sinh ra cho phép thử đọc lớp lớn, không phải số liệu thật";
            f.attributes["population"] = std::int64_t(100 + (i * 37) % 900);
            f.geometry = L::render::wkb::point(106.10 + 1.25 * double(i % 250) / 250.0,
                                               21.35 + 1.10 * double(i / 250) / 200.0);
            villages.push_back(std::move(f));
        }
        store.features().insertMany(villages);
    }
    static void TearDownTestSuite()
    {
        delete big;
        big = nullptr;
        SampleProjectTest::TearDownTestSuite();
    }

protected:
    void SetUp() override { QSettings().clear(); }
    void TearDown() override
    {
        window.reset();
        QSettings().clear();
    }

    /// The window on the large project, the underserved page shown.
    void openBig()
    {
        if (!big) GTEST_SKIP() << "bundled project not built: " << PLANMAP_BUNDLED_PROJECT;
        panel = open(std::make_unique<StoreProjectData>(*big));
        ASSERT_NE(panel, nullptr);
        QMenu* menu = window->menu(MainWindow::Menu::Analysis);
        ASSERT_NE(menu, nullptr);
        menu->actions().front()->trigger();  // Thôn khó tiếp cận dịch vụ
        QApplication::processEvents();
        ASSERT_TRUE(panel->underserved()->isVisible());
    }
    std::filesystem::path copyOfSample(const char* name) const
    {
        const std::filesystem::path copy = own.file(name);
        std::filesystem::copy_file(sample.file, copy);
        return copy;
    }
    AnalysisPanel* open(std::unique_ptr<StoreProjectData> data)
    {
        window = std::make_unique<MainWindow>();
        window->resize(1400, 900);
        window->openProject(std::move(data));
        window->show();
        QApplication::processEvents();
        return analysisPanel(*window);
    }
    /// Runs `page` and waits for its end.
    static void runToEnd(AnalysisPage* page, RunWatch& watch)
    {
        ASSERT_TRUE(page->run());
        turnEventLoopUntil([&] { return watch.ended; }, 20000);
        ASSERT_TRUE(watch.ended);
    }

    static inline std::filesystem::path* big = nullptr;
    apptest::TempDir own;
    std::unique_ptr<MainWindow> window;
    AnalysisPanel* panel = nullptr;
};

TEST_F(AnalysisReadingTest, TheWindowKeepsTurningWhileARunReadsALargeLayer)
{
    openBig();
    if (IsSkipped() || HasFatalFailure()) return;
    UnderservedPage* page = panel->underserved();
    ASSERT_GT(window->storeData()->store().features().count("villages"), kGeneratedVillages);
    RunWatch watch(page->runner());

    QElapsedTimer clock;
    clock.start();
    ASSERT_TRUE(page->run());
    const qint64 startMs = clock.elapsed();
    // Reading 50.000 villages on the UI thread took seconds; starting the run takes a few ms.
    EXPECT_LT(startMs, 50) << "run() took " << startMs << " ms";
    EXPECT_FALSE(page->runBar()->runButton()->isEnabled());
    EXPECT_TRUE(page->runBar()->cancelButton()->isEnabled());

    // A timer on the UI thread keeps ticking while the run reads (until the
    // analysis proper starts), the bar showing the reading stage advance.
    int ticksWhileReading = 0;
    int barAdvancedTicks = 0;
    qint64 longestGap = 0;
    QElapsedTimer sinceTick, reading;
    sinceTick.start();
    bool shot = false, wasReading = false;
    turnEventLoopUntil([&] { return watch.ended || (wasReading && !watch.reading()); }, 30000, 5, [&] {
        const qint64 gap = sinceTick.restart();
        if (!watch.reading()) return;
        if (!wasReading) reading.start();
        wasReading = true;
        ++ticksWhileReading;
        longestGap = std::max(longestGap, gap);
        if (page->runBar()->progressBar()->value() > 0 && page->runBar()->statusLabel()->text() == RunWatch::readStage())
            ++barAdvancedTicks;
        if (!shot && watch.readFraction > 0.2) {
            shot = true;
            // The run bar where the user pressed Chạy phân tích (the settings column scrolls).
            for (QWidget* w = page->runBar()->parentWidget(); w; w = w->parentWidget())
                if (auto* scroll = qobject_cast<QScrollArea*>(w)) scroll->ensureWidgetVisible(page->runBar());
            apptest::keepShot(*window, "analysis_reading");
            sinceTick.restart();  // the picture's own time is not the run's
        }
    });
    const qint64 readingMs = wasReading ? reading.elapsed() : 0;
    EXPECT_FALSE(watch.ended) << "the run ended in the reading: " << watch.failure.toStdString();
    EXPECT_GE(ticksWhileReading, 5);
    EXPECT_GE(barAdvancedTicks, 2);
    EXPECT_LT(longestGap, 250) << "the UI thread stood still for " << longestGap << " ms while the run read";
    EXPECT_DOUBLE_EQ(watch.readFraction, 1.0);
    EXPECT_GE(watch.stages.size(), 2) << "the analysis began after the reading";
    std::cout << "[ figures  ] run() " << startMs << " ms; reading " << readingMs << " ms, " << ticksWhileReading
              << " ticks of the 5 ms timer meanwhile, longest gap " << longestGap << " ms\n";

    page->runner()->cancel();
    page->runner()->waitForFinished();
    EXPECT_TRUE(watch.cancelled);
}

TEST_F(AnalysisReadingTest, CancelWhileReadingEndsTheRunAndWritesNothing)
{
    openBig();
    if (IsSkipped() || HasFatalFailure()) return;
    UnderservedPage* page = panel->underserved();
    L::ProjectStore& store = window->storeData()->store();
    const std::int64_t villagesBefore = store.features().count("villages");
    const std::string bytesBefore = fileBytes(*big);
    RunWatch watch(page->runner());

    ASSERT_TRUE(page->run());
    turnEventLoopUntil([&] { return watch.ended || (watch.reading() && watch.readFraction > 0.0); }, 20000);
    ASSERT_TRUE(watch.reading()) << watch.stages.join(QStringLiteral(", ")).toStdString();
    QElapsedTimer clock;
    clock.start();
    page->runner()->cancel();
    turnEventLoopUntil([&] { return watch.ended; }, 20000);
    const qint64 cancelMs = clock.elapsed();

    EXPECT_TRUE(watch.cancelled);
    EXPECT_FALSE(watch.failed) << watch.failure.toStdString();
    EXPECT_FALSE(watch.finished);
    EXPECT_LT(cancelMs, 1000) << "the run took " << cancelMs << " ms to stop";
    // It stopped in the reading: no stage of the analysis itself began.
    EXPECT_EQ(watch.stages, QStringList{RunWatch::readStage()});
    EXPECT_LT(watch.readFraction, 1.0);

    // Nothing was written: no result, no result layer, the project file as it was.
    EXPECT_EQ(page->result(), nullptr);
    EXPECT_TRUE(page->exportTables().tables.empty());
    EXPECT_LT(apptest::layerRow(*window, kUnderservedLayer), 0);
    EXPECT_EQ(store.features().count("villages"), villagesBefore);
    EXPECT_TRUE(fileBytes(*big) == bytesBefore);
    EXPECT_TRUE(page->runBar()->runButton()->isEnabled());
    EXPECT_FALSE(page->runBar()->cancelButton()->isEnabled());
    EXPECT_TRUE(page->runBar()->statusLabel()->text().contains(QStringLiteral("hủy")))
        << page->runBar()->statusLabel()->text().toStdString();
}

TEST_F(AnalysisReadingTest, ReadOnlyProjectRunsAsTheLibrary)
{
    const std::filesystem::path copy = copyOfSample("readonly.planmap");
    panel = open(std::make_unique<StoreProjectData>(copy, StoreProjectData::Access::ReadOnly));
    ASSERT_NE(panel, nullptr);
    ASSERT_TRUE(window->storeData()->isReadOnly());
    const std::string bytesBefore = fileBytes(copy);

    UnderservedPage* page = panel->underserved();
    RunWatch watch(page->runner());
    runToEnd(page, watch);
    ASSERT_TRUE(watch.finished) << watch.failure.toStdString();
    EXPECT_EQ(watch.stages.front(), RunWatch::readStage());
    ASSERT_NE(page->result(), nullptr);
    L::ProjectStore store = L::ProjectStore::open(copy, L::OpenOptions{.readOnly = true});
    const A::UnderservedResult expected = A::analyzeUnderserved(A::loadAccessInputs(store), page->settings());
    ASSERT_EQ(page->result()->villages.size(), expected.villages.size());
    ASSERT_EQ(expected.villages.size(), 3u);
    for (std::size_t i = 0; i < expected.villages.size(); ++i) {
        EXPECT_EQ(page->result()->villages[i].id, expected.villages[i].id);
        EXPECT_DOUBLE_EQ(page->result()->villages[i].score, expected.villages[i].score);
    }
    EXPECT_GE(apptest::layerRow(*window, kUnderservedLayer), 0);

    RunWatch forestWatch(panel->forest()->runner());
    runToEnd(panel->forest(), forestWatch);
    EXPECT_TRUE(forestWatch.finished) << forestWatch.failure.toStdString();
    EXPECT_NE(panel->forest()->result(), nullptr);
    EXPECT_TRUE(fileBytes(copy) == bytesBefore);
}

TEST_F(AnalysisReadingTest, ProjectFileGoneFailsTheRunInVietnamese)
{
    const std::filesystem::path copy = copyOfSample("gone.planmap");
    panel = open(std::make_unique<StoreProjectData>(copy));
    ASSERT_NE(panel, nullptr);
    // The window's connection keeps the deleted file open; a new connection finds nothing.
    std::filesystem::remove(copy);

    UnderservedPage* page = panel->underserved();
    RunWatch watch(page->runner());
    runToEnd(page, watch);
    ASSERT_TRUE(watch.failed);
    EXPECT_TRUE(watch.failure.contains(QStringLiteral("Không còn tệp dự án"))) << watch.failure.toStdString();
    EXPECT_TRUE(watch.failure.contains(QString::fromStdString(copy.string()))) << watch.failure.toStdString();
    const QString status = page->runBar()->statusLabel()->text();
    EXPECT_TRUE(status.startsWith(QStringLiteral("Không chạy được phân tích: Không còn tệp dự án"))) << status.toStdString();
    EXPECT_EQ(page->result(), nullptr);
    EXPECT_LT(apptest::layerRow(*window, kUnderservedLayer), 0);
    EXPECT_TRUE(page->runBar()->runButton()->isEnabled());
}

TEST_F(AnalysisReadingTest, ProjectWithoutTheLayerFailsTheRunInVietnamese)
{
    const std::filesystem::path copy = copyOfSample("noforests.planmap");
    {
        // A damaged project: the forests layer's registry row is gone (no API removes a built-in layer).
        L::ProjectStore store = L::ProjectStore::open(copy);
        store.connection().execute("PRAGMA foreign_keys = OFF");
        store.connection().execute("DELETE FROM layers WHERE name = 'forests'");
    }
    panel = open(std::make_unique<StoreProjectData>(copy));
    ASSERT_NE(panel, nullptr);

    ForestPage* page = panel->forest();
    RunWatch watch(page->runner());
    runToEnd(page, watch);
    ASSERT_TRUE(watch.failed);
    EXPECT_EQ(watch.failure, QStringLiteral("Dự án không có lớp dữ liệu «forests»."));
    EXPECT_EQ(page->result(), nullptr);
    EXPECT_LT(apptest::layerRow(*window, kForestLayer), 0);

    // The other analyses of the same project, which read the villages, still run.
    RunWatch villagesWatch(panel->underserved()->runner());
    runToEnd(panel->underserved(), villagesWatch);
    EXPECT_TRUE(villagesWatch.finished) << villagesWatch.failure.toStdString();
}

} // namespace
