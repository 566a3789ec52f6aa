#include "planmap/layers/render/MapViewport.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace planmap::layers::render;

namespace {

MapViewport makeView()
{
    MapViewport v(QSize(200, 100), 96.0);
    v.setCenter(500000.0, 2400000.0);
    v.setMapUnitsPerPixel(10.0);
    return v;
}

} // namespace

TEST(RenderViewport, ExtentIsSizeTimesPixel)
{
    const MapViewport v = makeView();
    const Extent e = v.extent();
    EXPECT_DOUBLE_EQ(e.minx, 499000.0);
    EXPECT_DOUBLE_EQ(e.maxx, 501000.0);
    EXPECT_DOUBLE_EQ(e.miny, 2399500.0);
    EXPECT_DOUBLE_EQ(e.maxy, 2400500.0);
}

TEST(RenderViewport, MapToPixelAndBack)
{
    const MapViewport v = makeView();
    // Top-left corner of the extent is pixel (0,0); y flips.
    QPointF p = v.toPixel(499000.0, 2400500.0);
    EXPECT_DOUBLE_EQ(p.x(), 0.0);
    EXPECT_DOUBLE_EQ(p.y(), 0.0);
    p = v.toPixel(501000.0, 2399500.0);
    EXPECT_DOUBLE_EQ(p.x(), 200.0);
    EXPECT_DOUBLE_EQ(p.y(), 100.0);
    p = v.toPixel(500015.0, 2400025.0);
    EXPECT_DOUBLE_EQ(p.x(), 101.5);
    EXPECT_DOUBLE_EQ(p.y(), 47.5);
    const QPointF m = v.toMap(QPointF(101.5, 47.5));
    EXPECT_NEAR(m.x(), 500015.0, 1e-9);
    EXPECT_NEAR(m.y(), 2400025.0, 1e-9);
    // The QTransform agrees with toPixel.
    const QPointF t = v.mapToPixelTransform().map(QPointF(500015.0, 2400025.0));
    EXPECT_NEAR(t.x(), 101.5, 1e-6);
    EXPECT_NEAR(t.y(), 47.5, 1e-6);
}

TEST(RenderViewport, ScaleDenominatorMetres)
{
    MapViewport v = makeView();
    // 10 m per pixel at 96 dpi: a pixel is 0.0254/96 m, so 1:37795.3.
    EXPECT_NEAR(v.scaleDenominator(), 10.0 / (0.0254 / 96.0), 1e-6);
    EXPECT_NEAR(v.scaleDenominator(), 37795.275590551, 1e-6);
    // Same ground pixel on a 300 dpi device is a smaller-scale map.
    v.setDpi(300.0);
    EXPECT_NEAR(v.scaleDenominator(), 10.0 / (0.0254 / 300.0), 1e-6);
    v.setScaleDenominator(50000.0);
    EXPECT_NEAR(v.scaleDenominator(), 50000.0, 1e-6);
    EXPECT_NEAR(v.mapUnitsPerPixel(), 50000.0 * 0.0254 / 300.0, 1e-12);
    EXPECT_DOUBLE_EQ(v.centerX(), 500000.0);
}

TEST(RenderViewport, ScaleDenominatorDegreesUsesCentreLatitude)
{
    MapViewport v(QSize(100, 100), 96.0, MapUnits::Degrees);
    v.setCenter(106.76, 0.0);
    v.setMapUnitsPerPixel(0.0001);
    // At the equator a degree of longitude is 2πa/360 = 111319.4908 m on WGS 84.
    EXPECT_NEAR(v.metresPerMapUnit(), 111319.49079327357, 1e-6);
    EXPECT_NEAR(v.scaleDenominator(), 0.0001 * 111319.49079327357 / (0.0254 / 96.0), 1e-3);
    // At 21.85 N (Lạng Sơn): a cos φ / sqrt(1 - e² sin² φ) · π/180.
    v.setCenter(106.76, 21.85);
    const double e2 = (1 / 298.257223563) * (2 - 1 / 298.257223563);
    const double phi = 21.85 * M_PI / 180.0;
    const double expected = 6378137.0 * std::cos(phi) / std::sqrt(1 - e2 * std::sin(phi) * std::sin(phi)) * M_PI / 180.0;
    EXPECT_NEAR(v.metresPerMapUnit(), expected, 1e-6);
    EXPECT_NEAR(v.metresPerMapUnit(), 103370.39, 0.01);  // tables: 104.65 km at 20°, 100.95 km at 25°
}

TEST(RenderViewport, ZoomToExtentKeepsAspect)
{
    MapViewport v(QSize(200, 100));
    // A square extent in a 2:1 window: height limits, width gets more room.
    v.zoomToExtent(Extent(0, 0, 1000, 1000));
    EXPECT_DOUBLE_EQ(v.mapUnitsPerPixel(), 10.0);
    const Extent e = v.extent();
    EXPECT_DOUBLE_EQ(e.minx, -500.0);
    EXPECT_DOUBLE_EQ(e.maxx, 1500.0);
    EXPECT_DOUBLE_EQ(e.miny, 0.0);
    EXPECT_DOUBLE_EQ(e.maxy, 1000.0);
    // A wide extent: width limits.
    v.zoomToExtent(Extent(0, 0, 4000, 100));
    EXPECT_DOUBLE_EQ(v.mapUnitsPerPixel(), 20.0);
    EXPECT_DOUBLE_EQ(v.extent().minx, 0.0);
    EXPECT_DOUBLE_EQ(v.extent().maxx, 4000.0);
    // Margin of 10 % on each side.
    v.zoomToExtent(Extent(0, 0, 1000, 1000), 0.1);
    EXPECT_DOUBLE_EQ(v.mapUnitsPerPixel(), 12.0);
    EXPECT_THROW(v.zoomToExtent(Extent()), std::invalid_argument);
}

TEST(RenderViewport, ZoomAboutAPointKeepsThatPoint)
{
    MapViewport v = makeView();
    const QPointF anchor(30.0, 80.0);
    const QPointF before = v.toMap(anchor);
    v.zoomBy(2.0, anchor);
    EXPECT_DOUBLE_EQ(v.mapUnitsPerPixel(), 5.0);
    const QPointF after = v.toMap(anchor);
    EXPECT_NEAR(after.x(), before.x(), 1e-9);
    EXPECT_NEAR(after.y(), before.y(), 1e-9);
    v.zoomBy(0.25, QPointF(199, 0));
    EXPECT_DOUBLE_EQ(v.mapUnitsPerPixel(), 20.0);
    // Zooming about the centre keeps the centre.
    const double cx = v.centerX(), cy = v.centerY();
    v.zoomBy(3.0);
    EXPECT_NEAR(v.centerX(), cx, 1e-9);
    EXPECT_NEAR(v.centerY(), cy, 1e-9);
    EXPECT_THROW(v.zoomBy(0.0), std::invalid_argument);
}

TEST(RenderViewport, PanMovesContentWithTheMouse)
{
    MapViewport v = makeView();
    const QPointF p = v.toPixel(500100.0, 2400200.0);
    v.panByPixels(15.0, -4.0);
    const QPointF q = v.toPixel(500100.0, 2400200.0);
    EXPECT_NEAR(q.x() - p.x(), 15.0, 1e-9);
    EXPECT_NEAR(q.y() - p.y(), -4.0, 1e-9);
    EXPECT_DOUBLE_EQ(v.centerX(), 500000.0 - 150.0);
    EXPECT_DOUBLE_EQ(v.centerY(), 2400000.0 - 40.0);
}

TEST(RenderViewport, SubViewportSharesThePixelGrid)
{
    const MapViewport v = makeView();
    const MapViewport s = v.subViewport(0, 40, 200, 30);
    EXPECT_EQ(s.outputSize(), QSize(200, 30));
    const QPointF full = v.toPixel(500123.0, 2400077.0);
    const QPointF sub = s.toPixel(500123.0, 2400077.0);
    EXPECT_NEAR(sub.x(), full.x(), 1e-9);
    EXPECT_NEAR(sub.y(), full.y() - 40.0, 1e-9);
}

TEST(RenderViewport, ResizeKeepsCentreAndPixel)
{
    MapViewport v = makeView();
    v.setOutputSize(QSize(400, 300));
    EXPECT_DOUBLE_EQ(v.mapUnitsPerPixel(), 10.0);
    EXPECT_DOUBLE_EQ(v.extent().center().x, 500000.0);
    EXPECT_DOUBLE_EQ(v.extent().width(), 4000.0);
    EXPECT_FALSE(MapViewport().isValid());
    EXPECT_THROW(v.setMapUnitsPerPixel(0.0), std::invalid_argument);
}
