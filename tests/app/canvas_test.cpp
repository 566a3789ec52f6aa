// The canvas keeps the UI thread free: a drag only moves the last image;
// rendering happens on the worker thread and outdated renders are dropped.

#include "AppTestSupport.h"
#include "DefaultStyles.h"
#include "MapCanvas.h"

#include "planmap/layers/render/VectorFileSource.h"

#include <QApplication>
#include <QElapsedTimer>

#include <gtest/gtest.h>

using namespace planmap::gui;

namespace {

class CanvasTest : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        apptest::app();
        // The real 2025 communes (4.5 MB of GeoJSON), so a frame costs real work.
        // Read and cached once for the suite.
        MapProject reader;
        MapLayer l;
        l.key = QStringLiteral("communes_2025");
        l.title = QStringLiteral("Xã, phường (2025)");
        l.source = std::make_shared<planmap::layers::render::VectorFileSource>(
            std::filesystem::path(PLANMAP_DATA_DIR) / "communes_2025.geojson");
        reader.addLayer(l);
        communes = new MapLayer(reader.layer(0));
    }
    static void TearDownTestSuite() { delete communes; }

    void SetUp() override
    {
        project.addLayer(*communes);
        auto st = defaultStyle(project.layer(0));
        st.labels.enabled = true;
        st.labels.field = QStringLiteral("name");
        project.setStyle(0, st);
        canvas = std::make_unique<MapCanvas>(&project);
        canvas->resize(1000, 700);
        canvas->show();
        canvas->controller()->zoomToFullExtent();
        waitForRender();
    }
    void waitForRender() { apptest::waitForRender(*canvas, 10000); }
    void send(QEvent::Type type, QPointF pos, Qt::MouseButton button, Qt::MouseButtons buttons)
    {
        apptest::sendMouse(*canvas, type, pos, button, buttons);
    }

    static inline MapLayer* communes = nullptr;
    MapProject project;
    std::unique_ptr<MapCanvas> canvas;
};

TEST_F(CanvasTest, DragMovesTheLastImageWithoutRenderingOnTheUiThread)
{
    ASSERT_FALSE(canvas->image().isNull());
    EXPECT_GT(canvas->lastStats().featuresDrawn, 60u);
    const qint64 imageKey = canvas->image().cacheKey();
    const auto imageViewport = canvas->imageViewport();

    send(QEvent::MouseButtonPress, QPointF(500, 350), Qt::LeftButton, Qt::LeftButton);
    QElapsedTimer t;
    qint64 total = 0;
    constexpr int kSteps = 30;
    for (int i = 1; i <= kSteps; ++i) {
        t.start();
        send(QEvent::MouseMove, QPointF(500 + 6 * i, 350 + 3 * i), Qt::NoButton, Qt::LeftButton);
        canvas->repaint();  // what the screen would show now
        total += t.nsecsElapsed();
    }
    send(QEvent::MouseButtonRelease, QPointF(500 + 6 * kSteps, 350 + 3 * kSteps), Qt::LeftButton, Qt::NoButton);

    // No image was rendered on this thread meanwhile: still the old one,
    // drawn moved by the drag.
    EXPECT_EQ(canvas->image().cacheKey(), imageKey);
    EXPECT_EQ(canvas->imageViewport(), imageViewport);
    const QPointF shift = ViewController::imageToView(imageViewport, canvas->controller()->viewport()).map(QPointF(0, 0));
    EXPECT_NEAR(shift.x(), 6.0 * kSteps, 1e-6);
    EXPECT_NEAR(shift.y(), 3.0 * kSteps, 1e-6);
    // Handling a move and repainting takes well under a frame (16 ms) on average.
    EXPECT_LT(total / kSteps / 1e6, 16.0);

    // The worker then renders the final view.
    EXPECT_TRUE(canvas->isRendering());
    waitForRender();
    EXPECT_EQ(canvas->imageViewport(), canvas->controller()->viewport());
    EXPECT_NE(canvas->image().cacheKey(), imageKey);
}

TEST_F(CanvasTest, ClickSelectsWithTheSelectTool)
{
    canvas->setTool(MapCanvas::Tool::Select);
    const auto& v = canvas->controller()->viewport();
    // Centre of the first commune's box is not necessarily inside it: use its label point.
    const QPointF lp = project.layer(0).cache->labelPoint(0);
    const QPointF px = v.toPixel(lp.x(), lp.y());
    apptest::click(*canvas, px);
    EXPECT_EQ(project.selectionLayer(), QStringLiteral("communes_2025"));
    EXPECT_EQ(project.selection(), (QSet<qint64>{project.layer(0).cache->featureId(0)}));
    // Clicking outside the province clears it.
    apptest::click(*canvas, QPointF(2, 2));
    EXPECT_TRUE(project.selection().isEmpty());
}

TEST_F(CanvasTest, SetToolTellsWhenTheToolChanges)
{
    std::vector<MapCanvas::Tool> told;
    QObject::connect(canvas.get(), &MapCanvas::toolChanged, [&told](MapCanvas::Tool t) { told.push_back(t); });
    const MapCanvas::Tool start = canvas->tool();
    canvas->setTool(start);  // no change, nothing to tell
    EXPECT_TRUE(told.empty());
    const MapCanvas::Tool other = start == MapCanvas::Tool::Select ? MapCanvas::Tool::Pan : MapCanvas::Tool::Select;
    canvas->setTool(other);
    canvas->setTool(start);
    EXPECT_EQ(told, (std::vector<MapCanvas::Tool>{other, start}));
    EXPECT_EQ(canvas->tool(), start);
}

} // namespace
