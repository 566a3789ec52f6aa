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

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QMouseEvent>
#include <QSettings>

#include <gtest/gtest.h>

using namespace planmap::gui;

namespace {

class MainWindowTest : public ::testing::Test {
protected:
    // One project file for the suite (creating a SpatiaLite file takes a while);
    // the tests only read it.
    static void SetUpTestSuite()
    {
        apptest::app();
        dir = new apptest::TempDir;
        sampleProject = new apptest::SampleProject(apptest::makeSampleProject(*dir));
    }
    static void TearDownTestSuite()
    {
        delete sampleProject;
        delete dir;
    }
    void SetUp() override
    {
        QSettings().clear();
        window = std::make_unique<MainWindow>();
        window->resize(1200, 800);
        window->openProject(std::make_unique<StoreProjectData>(sample.file));
        window->show();
        QApplication::processEvents();
    }
    void TearDown() override
    {
        window.reset();
        QSettings().clear();
    }
    /// Waits (at most 5 s) for the background render to finish.
    void waitForRender()
    {
        QElapsedTimer t;
        t.start();
        while ((window->canvas()->isRendering() || window->canvas()->image().isNull()) && t.elapsed() < 5000)
            QApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    int row(const char* key) const { return window->project()->indexOf(QString::fromLatin1(key)); }
    /// With PLANMAP_TEST_SHOTS=<dir>, saves a picture of `w` there for a person to look at.
    static void keepShot(QWidget& w, const char* name)
    {
        const QString dir = qEnvironmentVariable("PLANMAP_TEST_SHOTS");
        if (dir.isEmpty()) return;
        w.show();
        QApplication::processEvents();
        w.grab().save(dir + QLatin1Char('/') + QString::fromLatin1(name) + QStringLiteral(".png"));
    }

    static inline apptest::TempDir* dir = nullptr;
    static inline apptest::SampleProject* sampleProject = nullptr;
    const apptest::SampleProject& sample = *sampleProject;
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

    QMouseEvent press(QEvent::MouseButtonPress, px, canvas->mapToGlobal(px), Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
    QMouseEvent release(QEvent::MouseButtonRelease, px, canvas->mapToGlobal(px), Qt::LeftButton, Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(canvas, &press);
    QApplication::sendEvent(canvas, &release);
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
    EXPECT_LT(shown.width(), 3 * bounds.width());
    EXPECT_TRUE(window->identifyPanel()->titleText().contains(QStringLiteral("Phường Đông Kinh")));
}

TEST_F(MainWindowTest, SwitchesBetweenTheUnitsOf2025And2023)
{
    window->showUnits2025(false);
    EXPECT_FALSE(window->project()->layer(row("communes_2025")).visible);
    EXPECT_TRUE(window->project()->layer(row("districts_2023")).visible);
    window->showUnits2025(true);
    EXPECT_TRUE(window->project()->layer(row("communes_2025")).visible);
    EXPECT_FALSE(window->project()->layer(row("districts_2023")).visible);
}

TEST_F(MainWindowTest, DisplayCrsSwitchKeepsTheAreaInView)
{
    const auto before = window->canvas()->controller()->viewport().extent();
    window->setDisplayCrs(4326);
    const auto& v = window->canvas()->controller()->viewport();
    EXPECT_EQ(v.units(), planmap::layers::render::MapUnits::Degrees);
    const auto e = v.extent();
    // The sample lies within 106.6–106.9 E, 21.7–21.9 N.
    EXPECT_TRUE(e.contains(106.75, 21.8));
    EXPECT_LT(e.width(), 1.0);
    const auto communes = window->project()->findLayer(QStringLiteral("communes_2025"))->cache->extent();
    EXPECT_NEAR(communes.minx, 106.6, 1e-9);
    EXPECT_NEAR(communes.maxy, 21.9, 1e-9);
    window->setDisplayCrs(9215);
    const auto back = window->canvas()->controller()->viewport().extent();
    EXPECT_TRUE(back.contains(window->project()->fullExtent()));
    EXPECT_LT(back.width(), 2 * before.width());
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
    keepShot(dialog, "style-dialog");
    dialog.setKind(planmap::layers::style::StyleKind::Categorized);
    dialog.setField(QStringLiteral("name"));

    window->project()->setStyle(villages, dialog.layerStyle());
    EXPECT_EQ(window->project()->layer(villages).style.features.kind, planmap::layers::style::StyleKind::Categorized);
}

TEST_F(MainWindowTest, StylesPersistPerProject)
{
    const int markets = row("markets");
    auto st = window->project()->layer(markets).style;
    st.opacity = 0.4;
    window->project()->setStyle(markets, st);
    window->project()->setVisible(row("villages"), false);
    window->close();
    window = std::make_unique<MainWindow>();
    window->openProject(std::make_unique<StoreProjectData>(sample.file));
    EXPECT_DOUBLE_EQ(window->project()->layer(row("markets")).style.opacity, 0.4);
    EXPECT_FALSE(window->project()->layer(row("villages")).visible);
}

TEST_F(MainWindowTest, AttributeTableOpensForALayer)
{
    AttributeTable* t = window->showAttributeTable(row("villages"));
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(t->model()->rowCount(), 3);
    EXPECT_TRUE(t->windowTitle().contains(QStringLiteral("minh họa")));
    EXPECT_EQ(window->showAttributeTable(row("villages")), t);  // one window per layer
    keepShot(*t, "attribute-table");
    window->identify(QStringLiteral("communes_2025"), sample.communeLocBinh);
    keepShot(*window, "main-window-identify");
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
