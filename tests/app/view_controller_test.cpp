// Canvas navigation math through synthetic mouse, wheel and key events.

#include "AppTestSupport.h"
#include "ViewController.h"

#include <QApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QWheelEvent>

#include <gtest/gtest.h>

#include <cmath>

using namespace planmap::gui;
using planmap::layers::render::Extent;
using planmap::layers::render::MapViewport;

namespace {

class ViewControllerTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        apptest::app();
        vc.setFullExtent(Extent(400000, 2400000, 480000, 2460000));
        vc.resize(QSize(800, 600));
    }

    static QMouseEvent mouse(QEvent::Type type, QPointF pos, Qt::MouseButton button, Qt::MouseButtons buttons)
    {
        return QMouseEvent(type, pos, pos, button, buttons, Qt::NoModifier);
    }

    void drag(QPointF from, QPointF to, int steps = 4)
    {
        QMouseEvent press = mouse(QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
        vc.mousePress(press);
        for (int i = 1; i <= steps; ++i) {
            const QPointF p = from + (to - from) * (double(i) / steps);
            QMouseEvent move = mouse(QEvent::MouseMove, p, Qt::NoButton, Qt::LeftButton);
            vc.mouseMove(move);
        }
        QMouseEvent release = mouse(QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton);
        vc.mouseRelease(release);
    }

    bool wheel(QPointF pos, int delta, quint64 timestamp = 0)
    {
        QWheelEvent e(pos, pos, QPoint(), QPoint(0, delta), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        e.setTimestamp(timestamp);
        return vc.wheel(e);
    }

    ViewController vc;
};

TEST_F(ViewControllerTest, FirstResizeShowsTheFullExtentWithMargin)
{
    const Extent e = vc.viewport().extent();
    EXPECT_LE(e.minx, 400000.0);
    EXPECT_GE(e.maxx, 480000.0);
    EXPECT_LE(e.miny, 2400000.0);
    EXPECT_GE(e.maxy, 2460000.0);
    EXPECT_NEAR(vc.viewport().centerX(), 440000.0, 1e-6);
    EXPECT_NEAR(vc.viewport().centerY(), 2430000.0, 1e-6);
    // 80 km + 2 × 5 % margins over 800 px.
    EXPECT_NEAR(vc.viewport().mapUnitsPerPixel(), 88000.0 / 800.0, 1e-9);
}

TEST_F(ViewControllerTest, DragMovesTheMapWithTheCursor)
{
    const MapViewport before = vc.viewport();
    const QPointF grabbed = before.toMap(QPointF(300, 200));
    drag(QPointF(300, 200), QPointF(420, 150));
    // The map point grabbed is now under the release position.
    const QPointF under = vc.viewport().toMap(QPointF(420, 150));
    EXPECT_NEAR(under.x(), grabbed.x(), 1e-6);
    EXPECT_NEAR(under.y(), grabbed.y(), 1e-6);
    EXPECT_DOUBLE_EQ(vc.viewport().mapUnitsPerPixel(), before.mapUnitsPerPixel());
    EXPECT_NEAR(vc.viewport().centerX(), before.centerX() - 120 * before.mapUnitsPerPixel(), 1e-6);
    EXPECT_NEAR(vc.viewport().centerY(), before.centerY() - 50 * before.mapUnitsPerPixel(), 1e-6);
}

TEST_F(ViewControllerTest, ClickWithoutMovingIsAClickNotAPan)
{
    const MapViewport before = vc.viewport();
    int clicks = 0;
    QPointF where;
    QObject::connect(&vc, &ViewController::clicked, [&](QPointF p, Qt::KeyboardModifiers) {
        ++clicks;
        where = p;
    });
    QMouseEvent press = mouse(QEvent::MouseButtonPress, QPointF(100, 100), Qt::LeftButton, Qt::LeftButton);
    vc.mousePress(press);
    QMouseEvent jitter = mouse(QEvent::MouseMove, QPointF(101, 100), Qt::NoButton, Qt::LeftButton);
    vc.mouseMove(jitter);
    QMouseEvent release = mouse(QEvent::MouseButtonRelease, QPointF(101, 100), Qt::LeftButton, Qt::NoButton);
    vc.mouseRelease(release);
    EXPECT_EQ(clicks, 1);
    EXPECT_EQ(where, QPointF(101, 100));
    EXPECT_EQ(vc.viewport(), before);
}

TEST_F(ViewControllerTest, WheelZoomsAboutTheCursor)
{
    const MapViewport before = vc.viewport();
    const QPointF cursor(650, 120);
    const QPointF anchor = before.toMap(cursor);
    EXPECT_TRUE(wheel(cursor, 120));
    EXPECT_NEAR(vc.viewport().mapUnitsPerPixel(), before.mapUnitsPerPixel() / ViewController::kWheelNotchFactor, 1e-9);
    const QPointF after = vc.viewport().toMap(cursor);
    EXPECT_NEAR(after.x(), anchor.x(), 1e-6);
    EXPECT_NEAR(after.y(), anchor.y(), 1e-6);

    // Two notches out at the same place end up at the first notch's inverse squared.
    wheel(cursor, -240);
    EXPECT_NEAR(vc.viewport().mapUnitsPerPixel(), before.mapUnitsPerPixel() * ViewController::kWheelNotchFactor, 1e-9);
    EXPECT_NEAR(vc.viewport().toMap(cursor).x(), anchor.x(), 1e-6);
}

TEST_F(ViewControllerTest, KeysPanAndZoom)
{
    const MapViewport start = vc.viewport();
    QKeyEvent right(QEvent::KeyPress, Qt::Key_Right, Qt::NoModifier);
    EXPECT_TRUE(vc.key(right));
    EXPECT_NEAR(vc.viewport().centerX(), start.centerX() + 0.25 * 800 * start.mapUnitsPerPixel(), 1e-6);
    QKeyEvent up(QEvent::KeyPress, Qt::Key_Up, Qt::NoModifier);
    vc.key(up);
    EXPECT_NEAR(vc.viewport().centerY(), start.centerY() + 0.25 * 600 * start.mapUnitsPerPixel(), 1e-6);
    QKeyEvent plus(QEvent::KeyPress, Qt::Key_Plus, Qt::NoModifier);
    vc.key(plus);
    EXPECT_NEAR(vc.viewport().mapUnitsPerPixel(), start.mapUnitsPerPixel() / 2, 1e-9);
    QKeyEvent minus(QEvent::KeyPress, Qt::Key_Minus, Qt::NoModifier);
    vc.key(minus);
    vc.key(minus);
    EXPECT_NEAR(vc.viewport().mapUnitsPerPixel(), start.mapUnitsPerPixel() * 2, 1e-9);
    QKeyEvent other(QEvent::KeyPress, Qt::Key_A, Qt::NoModifier);
    EXPECT_FALSE(vc.key(other));
}

TEST_F(ViewControllerTest, PreviousAndNextExtents)
{
    const MapViewport full = vc.viewport();
    EXPECT_FALSE(vc.canGoBack());
    vc.zoomToExtent(Extent(430000, 2420000, 440000, 2430000), 0.0);
    const MapViewport zoomed = vc.viewport();
    drag(QPointF(400, 300), QPointF(500, 300));
    const MapViewport panned = vc.viewport();
    ASSERT_TRUE(vc.canGoBack());
    vc.back();
    EXPECT_EQ(vc.viewport(), zoomed);
    vc.back();
    EXPECT_EQ(vc.viewport(), full);
    EXPECT_FALSE(vc.canGoBack());
    ASSERT_TRUE(vc.canGoForward());
    vc.forward();
    vc.forward();
    EXPECT_EQ(vc.viewport(), panned);
    EXPECT_FALSE(vc.canGoForward());
    // A new navigation after going back drops the "next" entries.
    vc.back();
    vc.zoomIn();
    EXPECT_FALSE(vc.canGoForward());
}

TEST_F(ViewControllerTest, AWheelBurstIsOneHistoryEntry)
{
    const MapViewport full = vc.viewport();
    for (int i = 0; i < 5; ++i) {
        wheel(QPointF(200, 200), 120, 1000 + 50 * quint64(i));
    }
    ASSERT_TRUE(vc.canGoBack());
    vc.back();
    EXPECT_EQ(vc.viewport(), full);
    // Steps further apart than half a second are separate entries.
    wheel(QPointF(200, 200), 120, 5000);
    const MapViewport first = vc.viewport();
    wheel(QPointF(200, 200), 120, 6000);
    vc.back();
    EXPECT_EQ(vc.viewport(), first);
}

TEST_F(ViewControllerTest, OldImageIsDrawnWhereItsMapNowIs)
{
    const MapViewport image = vc.viewport();
    drag(QPointF(100, 100), QPointF(160, 80));
    wheel(QPointF(300, 300), 120);
    const QTransform t = ViewController::imageToView(image, vc.viewport());
    // Any map point: its pixel in the old image maps to its pixel in the view.
    for (const QPointF m : {QPointF(410000, 2410000), QPointF(455000, 2449000)}) {
        const QPointF inImage = image.toPixel(m.x(), m.y());
        const QPointF inView = vc.viewport().toPixel(m.x(), m.y());
        const QPointF mapped = t.map(inImage);
        EXPECT_NEAR(mapped.x(), inView.x(), 1e-6);
        EXPECT_NEAR(mapped.y(), inView.y(), 1e-6);
    }
}

} // namespace
