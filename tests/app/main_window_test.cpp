// The main window on a temporary project: layers, rendering, identify,
// search, styles, CRS switch and the screenshot.

#include "AppTestSupport.h"
#include "AttributeTable.h"
#include "IdentifyPanel.h"
#include "LayerPanel.h"
#include "LegendWidget.h"
#include "MainWindow.h"
#include "SearchBox.h"
#include "StoreProjectData.h"
#include "StyleDialog.h"

#include "planmap/layers/project/LayerSettings.h"
#include "planmap/layers/project/ProjectLayers.h"
#include "planmap/layers/store/ProjectStore.h"
#include "planmap/geo/Transform.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QCryptographicHash>
#include <QFileInfo>
#include <QElapsedTimer>
#include <QImage>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>

#include <gtest/gtest.h>

using namespace planmap::gui;

namespace {

class MainWindowTest : public apptest::SampleProjectTest {
protected:
    // One project file for the suite (SampleProjectTest); the tests only read it.
    void SetUp() override
    {
        QSettings().clear();
        clearLayerSettings(sample.file);
        window = apptest::openWindow(sample.file, QSize(1200, 800));
    }
    void TearDown() override
    {
        window.reset();
        QSettings().clear();
    }
    void waitForRender() { apptest::waitForRender(*window->canvas()); }
    int row(const char* key) const { return apptest::layerRow(*window, key); }
    /// Forgets the layer settings a test saved into a project file.
    static void clearLayerSettings(const std::filesystem::path& file)
    {
        planmap::layers::ProjectStore store = planmap::layers::ProjectStore::open(file);
        planmap::layers::project::LayerSettingsStore(store.connection()).clear();
    }
    /// A copy of the sample project that a test may change.
    std::filesystem::path copyOfSample(const apptest::TempDir& to) const
    {
        const auto file = to.file("copy.planmap");
        std::filesystem::copy_file(sample.file, file);
        return file;
    }

    std::unique_ptr<MainWindow> window;
};

TEST_F(MainWindowTest, OpensWithTheProjectLayers)
{
    MapProject* p = window->project();
    ASSERT_GE(row("communes_2025"), 0);
    ASSERT_GE(row("districts_2023"), 0);
    ASSERT_GE(row("province"), 0);
    ASSERT_GE(row("markets"), 0);
    ASSERT_GE(row("villages"), 0);
    EXPECT_LT(row("markets"), row("communes_2025"));  // points above areas
    EXPECT_EQ(p->layer(row("communes_2025")).cache->featureCount(), 3u);
    EXPECT_TRUE(p->layer(row("villages")).illustrative);
    EXPECT_FALSE(p->layer(row("markets")).illustrative);
    EXPECT_TRUE(window->windowTitle().contains(QStringLiteral("Lạng Sơn (thử nghiệm)")));
    // The legend lists the visible layers; the layer list marks illustrative ones.
    EXPECT_GT(window->legend()->rowCount(), 3);
    const QModelIndex v = window->layerPanel()->model()->index(row("villages"));
    EXPECT_TRUE(v.data(LayerTreeModel::IllustrativeRole).toBool());
    EXPECT_TRUE(v.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Dữ liệu minh họa, không phải số liệu thật")));
}

TEST_F(MainWindowTest, RendersInTheBackground)
{
    waitForRender();
    ASSERT_FALSE(window->canvas()->image().isNull());
    EXPECT_FALSE(window->canvas()->isRendering());
    EXPECT_GT(window->canvas()->lastStats().featuresDrawn, 0u);
    // The whole province is in view (EPSG:9215 metres).
    const auto e = window->canvas()->controller()->viewport().extent();
    EXPECT_EQ(window->canvas()->controller()->viewport().units(), planmap::layers::render::MapUnits::Metres);
    EXPECT_TRUE(e.contains(window->project()->fullExtent()));
    // A pan re-renders: the new image is for the new view.
    window->canvas()->controller()->panByPixels(50, 0);
    waitForRender();
    EXPECT_EQ(window->canvas()->imageViewport(), window->canvas()->controller()->viewport());
}

TEST_F(MainWindowTest, IdentifyShowsAttributesUnitsAndIndicators)
{
    window->identify(QStringLiteral("communes_2025"), sample.communeLocBinh);
    EXPECT_TRUE(window->identifyPanel()->titleText().contains(QStringLiteral("Xã Lộc Bình")));
    EXPECT_GT(window->identifyPanel()->attributeCount(), 2);
    ASSERT_EQ(window->identifyPanel()->indicatorCount(), 1);

    // The details themselves: the old unit it was made of, target 4, achieved 3 (75 %).
    const ProjectData* data = window->projectData();
    const FeatureDetails d = data->details(*window->project()->findLayer(QStringLiteral("communes_2025")), sample.communeLocBinh);
    bool predecessor = false;
    for (const UnitLink& u : d.units) predecessor = predecessor || u.name == QStringLiteral("Thị trấn Lộc Bình");
    EXPECT_TRUE(predecessor);
    ASSERT_EQ(d.indicators.size(), 1u);
    EXPECT_EQ(d.indicators[0].target, QStringLiteral("4"));
    EXPECT_EQ(d.indicators[0].achieved, QStringLiteral("3"));
    ASSERT_TRUE(d.indicators[0].percent.has_value());
    EXPECT_DOUBLE_EQ(*d.indicators[0].percent, 75.0);
    EXPECT_EQ(d.indicators[0].asOf, QDate(2025, 6, 30));

    // A market: its communes old and new, and the indicator it is linked to.
    const FeatureDetails m = data->details(*window->project()->findLayer(QStringLiteral("markets")), sample.marketLocBinh);
    QStringList names;
    for (const UnitLink& u : m.units) names << u.name;
    EXPECT_TRUE(names.contains(QStringLiteral("Xã Lộc Bình")));
    EXPECT_TRUE(names.contains(QStringLiteral("Thị trấn Lộc Bình")));
    EXPECT_TRUE(names.contains(QStringLiteral("Huyện Lộc Bình")));
    ASSERT_EQ(m.indicators.size(), 1u);
    EXPECT_EQ(m.indicators[0].code, QStringLiteral("DA2.CHO"));
    bool status = false;
    for (const auto& [k, v] : m.attributes) status = status || v == QStringLiteral("Nâng cấp, cải tạo");
    EXPECT_TRUE(status) << "coded values are shown with their labels";
}

TEST_F(MainWindowTest, ClickingTheMapIdentifiesTheFeatureUnderTheCursor)
{
    MapCanvas* canvas = window->canvas();
    canvas->setTool(MapCanvas::Tool::Identify);
    // The market at 106.65 E 21.8 N, in the display CRS.
    const MapLayer* markets = window->project()->findLayer(QStringLiteral("markets"));
    const auto b = markets->cache->featureBounds(0);
    const QPointF px = canvas->controller()->viewport().toPixel(b.minx, b.miny);
    QString key;
    qint64 id = 0;
    ASSERT_TRUE(canvas->featureAt(px, &key, &id));
    EXPECT_EQ(key, QStringLiteral("markets"));
    EXPECT_EQ(id, sample.marketLocBinh);

    apptest::click(*canvas, px);
    EXPECT_TRUE(window->identifyPanel()->titleText().contains(QStringLiteral("Chợ Lộc Bình")));
    EXPECT_EQ(window->project()->selection(), (QSet<qint64>{sample.marketLocBinh}));

    // Just east of the market: the commune under it.
    ASSERT_TRUE(canvas->featureAt(px + QPointF(30, 0), &key, &id));
    EXPECT_EQ(key, QStringLiteral("communes_2025"));
    EXPECT_EQ(id, sample.communeLocBinh);
}

TEST_F(MainWindowTest, SearchZoomsToAndSelectsTheResult)
{
    SearchBox* box = window->searchBox();
    box->setText(QStringLiteral("dong kinh"));
    box->searchNow();
    ASSERT_GT(box->model()->rowCount(), 0);
    const SearchHit hit = box->model()->hit(0);
    EXPECT_EQ(hit.featureId, sample.communeDongKinh);
    window->showSearchHit(hit);
    EXPECT_EQ(window->project()->selection(), (QSet<qint64>{sample.communeDongKinh}));
    const MapLayer* communes = window->project()->findLayer(QStringLiteral("communes_2025"));
    const auto bounds = communes->cache->featureBounds(std::size_t(featureRow(*communes->cache, sample.communeDongKinh)));
    const auto shown = window->canvas()->controller()->viewport().extent();
    EXPECT_TRUE(shown.contains(bounds));
    EXPECT_LT(shown.width(), 3 * bounds.width()) << window->canvas()->width() << "x" << window->canvas()->height();
    EXPECT_TRUE(window->identifyPanel()->titleText().contains(QStringLiteral("Phường Đông Kinh")));
}

TEST_F(MainWindowTest, SwitchesBetweenTheUnitsOf2025And2023)
{
    // By default as printed: the districts of 2023 outlined over the communes of 2025.
    EXPECT_TRUE(window->project()->layer(row("communes_2025")).visible);
    EXPECT_TRUE(window->project()->layer(row("districts_2023")).visible);
    window->showUnits2025(false);
    EXPECT_FALSE(window->project()->layer(row("communes_2025")).visible);
    EXPECT_TRUE(window->project()->layer(row("districts_2023")).visible);
    window->showUnits2025(true);
    EXPECT_TRUE(window->project()->layer(row("communes_2025")).visible);
    EXPECT_FALSE(window->project()->layer(row("districts_2023")).visible);
    window->showUnits(MainWindow::Units::Both);
    EXPECT_TRUE(window->project()->layer(row("communes_2025")).visible);
    EXPECT_TRUE(window->project()->layer(row("districts_2023")).visible);
}

TEST_F(MainWindowTest, DisplayCrsSwitchKeepsTheAreaInView)
{
    const auto before = window->canvas()->controller()->viewport().extent();
    window->setDisplayCrs(4326, true);
    const auto& v = window->canvas()->controller()->viewport();
    EXPECT_EQ(v.units(), planmap::layers::render::MapUnits::Degrees);
    const auto e = v.extent();
    // The sample lies within 106.6–106.9 E, 21.7–21.9 N.
    EXPECT_TRUE(e.contains(106.75, 21.8));
    EXPECT_LT(e.width(), 1.0);
    const auto communes = window->project()->findLayer(QStringLiteral("communes_2025"))->cache->extent();
    EXPECT_NEAR(communes.minx, 106.6, 1e-9);
    EXPECT_NEAR(communes.maxy, 21.9, 1e-9);
    window->setDisplayCrs(9215, true);
    const auto back = window->canvas()->controller()->viewport().extent();
    EXPECT_TRUE(back.contains(window->project()->fullExtent()));
    EXPECT_LT(back.width(), 2 * before.width());
}

TEST_F(MainWindowTest, DisplayCrsSwitchRunsInTheBackgroundAndShowsTheOldImageMeanwhile)
{
    waitForRender();
    ASSERT_FALSE(window->canvas()->image().isNull());
    const auto centre = window->canvas()->controller()->viewport().extent().center();
    // The image on screen when the new caches arrive: the old one, still in metres.
    bool keptOldImage = false;
    QObject::connect(window->project(), &MapProject::displayCrsChanged, window.get(), [&] {
        keptOldImage = !window->canvas()->image().isNull() &&
                       window->canvas()->imageViewport().units() == planmap::layers::render::MapUnits::Metres;
    });
    window->setDisplayCrs(4326);
    // Returned before the caches were rebuilt: the map is still in VN-2000 and usable.
    EXPECT_TRUE(window->project()->isSwitchingCrs());
    EXPECT_EQ(window->project()->displayCrs(), planmap::geo::Crs::fromEpsg(9215));
    window->canvas()->controller()->panByPixels(10, 0);
    QElapsedTimer t;
    t.start();
    while (window->project()->isSwitchingCrs() && t.elapsed() < 10000) QApplication::processEvents(QEventLoop::AllEvents, 20);
    ASSERT_FALSE(window->project()->isSwitchingCrs());
    EXPECT_TRUE(keptOldImage);
    EXPECT_EQ(window->project()->displayCrs(), planmap::geo::Crs::fromEpsg(4326));
    // The same place: the old centre, in degrees, is still near the middle of the view.
    const auto e = window->canvas()->controller()->viewport().extent();
    planmap::geo::Transform toDegrees(planmap::geo::Crs::fromEpsg(9215), planmap::geo::Crs::fromEpsg(4326));
    const auto c = toDegrees.forward(centre.x, centre.y);
    EXPECT_NEAR(c.x, (e.minx + e.maxx) / 2, 0.1 * e.width());
    EXPECT_NEAR(c.y, (e.miny + e.maxy) / 2, 0.1 * e.height());
    waitForRender();
    EXPECT_EQ(window->canvas()->imageViewport().units(), planmap::layers::render::MapUnits::Degrees);
}

TEST_F(MainWindowTest, ASupersededDisplayCrsSwitchIsDropped)
{
    int changes = 0;
    QObject::connect(window->project(), &MapProject::displayCrsChanged, window.get(), [&] { ++changes; });
    // Twice quickly, then back where it started: nothing to do in the end.
    window->setDisplayCrs(4326);
    window->setDisplayCrs(3857);
    window->setDisplayCrs(3405);
    window->setDisplayCrs(4326);
    window->setDisplayCrs(3857, true);
    EXPECT_EQ(changes, 1);
    EXPECT_EQ(window->project()->displayCrs(), planmap::geo::Crs::fromEpsg(3857));
    EXPECT_EQ(window->project()->findLayer(QStringLiteral("communes_2025"))->cache->displayCrs(),
              planmap::geo::Crs::fromEpsg(3857));
    window->setDisplayCrs(4326);
    window->setDisplayCrs(3857, true);
    EXPECT_EQ(changes, 1);
    EXPECT_EQ(window->project()->displayCrs(), planmap::geo::Crs::fromEpsg(3857));
    // Closing the window while a switch runs.
    window->setDisplayCrs(9215);
    window.reset();
}

TEST_F(MainWindowTest, StyleDialogClassifiesANumericField)
{
    const int villages = row("villages");
    StyleDialog dialog(window->project()->layer(villages));
    dialog.setKind(planmap::layers::style::StyleKind::Graduated);
    dialog.setField(QStringLiteral("population"));
    dialog.setMethod(planmap::layers::style::ClassificationMethod::NaturalBreaks);
    dialog.setClassCount(3);
    const auto st = dialog.layerStyle();
    EXPECT_EQ(st.features.kind, planmap::layers::style::StyleKind::Graduated);
    EXPECT_EQ(st.features.field, QStringLiteral("population"));
    ASSERT_EQ(st.features.ranges.size(), 3u);  // 300, 450, 600: one class each
    EXPECT_DOUBLE_EQ(st.features.ranges.front().lower, 300.0);
    EXPECT_DOUBLE_EQ(st.features.ranges.back().upper, 600.0);

    dialog.setKind(planmap::layers::style::StyleKind::Categorized);
    dialog.setField(QStringLiteral("name"));
    EXPECT_EQ(dialog.layerStyle().features.categories.size(), 3u);
    dialog.setKind(planmap::layers::style::StyleKind::Graduated);
    dialog.setField(QStringLiteral("population"));
    dialog.setClassCount(3);
    apptest::keepShot(dialog, "style-dialog");
    dialog.setKind(planmap::layers::style::StyleKind::Categorized);
    dialog.setField(QStringLiteral("name"));

    window->project()->setStyle(villages, dialog.layerStyle());
    EXPECT_EQ(window->project()->layer(villages).style.features.kind, planmap::layers::style::StyleKind::Categorized);
}

TEST_F(MainWindowTest, LayerSettingsAreSavedInTheProjectFile)
{
    apptest::TempDir copy;
    const auto file = copyOfSample(copy);
    window->openProject(std::make_unique<StoreProjectData>(file));
    const int markets = row("markets");
    auto st = window->project()->layer(markets).style;
    st.opacity = 0.4;
    window->project()->setStyle(markets, st);
    window->project()->setVisible(row("villages"), false);
    window->project()->moveLayer(row("province"), 0);
    window->close();
    EXPECT_TRUE(QSettings().childGroups().filter(QStringLiteral("projects")).isEmpty());
    {
        // In the file: what the CLI and print read.
        planmap::layers::ProjectStore store = planmap::layers::ProjectStore::open(file);
        const auto saved = planmap::layers::project::LayerSettingsStore(store.connection()).load();
        ASSERT_FALSE(saved.empty());
        EXPECT_EQ(saved.front().key, QStringLiteral("province"));
        for (const auto& s : saved) {
            if (s.key == QLatin1String("markets")) EXPECT_DOUBLE_EQ(s.style.value().opacity, 0.4);
            else EXPECT_FALSE(s.style) << s.key.toStdString();   // unchanged: "default"
            EXPECT_EQ(s.visible, s.key != QLatin1String("villages"));
        }
    }
    window = std::make_unique<MainWindow>();
    window->openProject(std::make_unique<StoreProjectData>(file));
    EXPECT_EQ(row("province"), 0);
    EXPECT_DOUBLE_EQ(window->project()->layer(row("markets")).style.opacity, 0.4);
    EXPECT_FALSE(window->project()->layer(row("villages")).visible);
    // Opening does not write to the file.
    const auto modified = std::filesystem::last_write_time(file);
    window->close();
    EXPECT_EQ(std::filesystem::last_write_time(file), modified);
}

TEST_F(MainWindowTest, ShowsTheLayersAndStylesTheCliAndPrintDraw)
{
    // One layer list for every view: the window shows what layers/project
    // gives `planmap-cli render` and print, in the same order and styles.
    planmap::layers::ProjectStore store = planmap::layers::ProjectStore::open(sample.file);
    const auto shared = planmap::layers::project::projectLayers(store);
    ASSERT_EQ(int(shared.size()), window->project()->layerCount());
    for (std::size_t i = 0; i < shared.size(); ++i) {
        const MapLayer& l = window->project()->layer(int(i));
        EXPECT_EQ(l.key, shared[i].key);
        EXPECT_EQ(l.title, shared[i].title);
        EXPECT_EQ(l.visible, shared[i].visible);
        EXPECT_EQ(l.style, shared[i].style(l.kind())) << l.key.toStdString();
    }
}

TEST_F(MainWindowTest, RestoringTheDefaultsForgetsTheSavedSettings)
{
    apptest::TempDir copy;
    const auto file = copyOfSample(copy);
    window->openProject(std::make_unique<StoreProjectData>(file));
    const auto defaults = window->project()->layer(row("markets")).style;
    auto st = defaults;
    st.opacity = 0.3;
    window->project()->setStyle(row("markets"), st);
    window->project()->moveLayer(row("province"), 0);
    window->saveSettings();
    QAction* restore = nullptr;
    for (QAction* a : window->menu(MainWindow::Menu::Layer)->actions())
        if (a->text() == QStringLiteral("Khôi phục kiểu mặc định của mọi lớp")) restore = a;
    ASSERT_NE(restore, nullptr);
    restore->trigger();
    EXPECT_EQ(window->project()->layer(row("markets")).style, defaults);
    EXPECT_EQ(row("province"), window->project()->layerCount() - 1);
    planmap::layers::ProjectStore store = planmap::layers::ProjectStore::open(file);
    EXPECT_TRUE(planmap::layers::project::LayerSettingsStore(store.connection()).load().empty());
}

TEST_F(MainWindowTest, SettingsOfEarlierVersionsAreImportedOnce)
{
    apptest::TempDir copy;
    const auto file = copyOfSample(copy);
    const QString path = QFileInfo(QString::fromStdString(file.string())).absoluteFilePath();
    // What earlier versions wrote into QSettings.
    const auto writeOldSettings = [&] {
        QSettings settings;
        settings.beginGroup(QStringLiteral("projects/") +
                            QString::fromLatin1(QCryptographicHash::hash(path.toUtf8(), QCryptographicHash::Sha1).toHex().left(16)));
        settings.setValue(QStringLiteral("order"), QStringList{QStringLiteral("province"), QStringLiteral("markets")});
        settings.setValue(QStringLiteral("layers/markets/visible"), false);
    };
    writeOldSettings();
    window->openProject(std::make_unique<StoreProjectData>(path.toStdString()));
    // The province moved from the bottom to just above the markets.
    EXPECT_EQ(row("province") + 1, row("markets"));
    EXPECT_LT(row("province"), row("communes_2025"));
    EXPECT_FALSE(window->project()->layer(row("markets")).visible);
    EXPECT_TRUE(QSettings().childGroups().filter(QStringLiteral("projects")).isEmpty());
    {
        planmap::layers::ProjectStore store = planmap::layers::ProjectStore::open(file);
        EXPECT_EQ(planmap::layers::project::LayerSettingsStore(store.connection()).load().size(), 2u);
    }
    // Once: later changes in the project are not overwritten.
    window->project()->setVisible(row("markets"), true);
    window->saveSettings();
    writeOldSettings();
    window->openProject(std::make_unique<StoreProjectData>(path.toStdString()));
    EXPECT_TRUE(window->project()->layer(row("markets")).visible);
}

TEST_F(MainWindowTest, AReadOnlyProjectOpensAndKeepsSettingsInMemory)
{
    window->openProject(std::make_unique<StoreProjectData>(sample.file, StoreProjectData::Access::ReadOnly));
    EXPECT_TRUE(window->projectData()->isReadOnly());
    EXPECT_TRUE(window->statusBar()->currentMessage().contains(QStringLiteral("chỉ đọc")));
    window->project()->setVisible(row("villages"), false);
    window->saveSettings();
    // Kept for this session (a reload shows them) but not written to the file.
    window->reloadProject();
    EXPECT_FALSE(window->project()->layer(row("villages")).visible);
    planmap::layers::ProjectStore store = planmap::layers::ProjectStore::open(sample.file);
    EXPECT_TRUE(planmap::layers::project::LayerSettingsStore(store.connection()).load().empty());
}

TEST_F(MainWindowTest, AttributeTableOpensForALayer)
{
    AttributeTable* t = window->showAttributeTable(row("villages"));
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(t->model()->rowCount(), 3);
    EXPECT_TRUE(t->windowTitle().contains(QStringLiteral("minh họa")));
    EXPECT_EQ(window->showAttributeTable(row("villages")), t);  // one window per layer
    apptest::keepShot(*t, "attribute-table");
    window->identify(QStringLiteral("communes_2025"), sample.communeLocBinh);
    apptest::keepShot(*window, "main-window-identify");
}

TEST_F(MainWindowTest, SavesAScreenshot)
{
    apptest::TempDir shots;
    const auto file = shots.file("shot.png");
    ASSERT_TRUE(window->saveScreenshot(QString::fromStdString(file.string())));
    QImage img(QString::fromStdString(file.string()));
    ASSERT_FALSE(img.isNull());
    EXPECT_EQ(img.size(), window->size());
    // The map is drawn: the canvas centre is not the bare background colour everywhere.
    const QRect c = window->canvas()->geometry();
    int drawn = 0;
    for (int x = c.left() + 10; x < c.right(); x += 20)
        if (img.pixelColor(x, c.center().y()) != MapCanvas::backgroundColor()) ++drawn;
    EXPECT_GT(drawn, 5);
}

} // namespace
