#include "planmap/layers/render/MapRenderer.h"
#include "planmap/layers/render/SymbolPainter.h"
#include "planmap/layers/style/ColorRamp.h"

#include "planmap/geo/Crs.h"

#include "support/qt_app.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QPainter>

#include <atomic>
#include <cmath>
#include <cstdlib>
#include <numbers>
#include <thread>

using namespace planmap;
using namespace planmap::layers;
using namespace planmap::layers::render;

namespace {

const geo::Crs& vn2000()
{
    static const geo::Crs crs = geo::Crs::fromEpsg(9215);
    return crs;
}

std::vector<double> rect(double x, double y, double w, double h)
{
    return {x, y, x + w, y, x + w, y + h, x, y + h, x, y};
}

// A small deterministic scene in EPSG:9215 around (500 km, 2400 km): four
// "communes" (one with a hole) coloured by category, a river, a road, and
// markets of three kinds, with Vietnamese labels.
struct Scene {
    std::vector<RenderLayer> layers;
    MapViewport viewport{QSize(320, 240), 96.0};

    Scene()
    {
        const double X = 500000, Y = 2400000;
        MemoryFeatureSource communes("EPSG:9215", {"ten", "khu_vuc"});
        communes.add(1, wkb::polygon({rect(X, Y, 4000, 3000), rect(X + 1500, Y + 1000, 1000, 800)}),
                     {QString::fromUtf8("Xã Tân Thành"), QString("III")});
        communes.add(2, wkb::polygon({rect(X + 4000, Y, 4000, 3000)}), {QString::fromUtf8("Xã Hữu Lũng"), QString("I")});
        communes.add(3, wkb::polygon({{X, Y + 3000, X + 8000, Y + 3000, X + 6000, Y + 6000, X + 1000, Y + 5500, X, Y + 3000}}),
                     {QString::fromUtf8("Phường Đông Kinh"), QString("II")});
        communes.add(4, wkb::polygon({rect(X + 8000, Y, 2000, 6000)}), {QString::fromUtf8("Xã Bắc Sơn"), QString("III")});
        MemoryFeatureSource lines("EPSG:9215", {"ten"});
        std::vector<double> river;
        for (int i = 0; i <= 100; ++i) {
            river.push_back(X - 500 + i * 110.0);
            river.push_back(Y + 2600 + 900 * std::sin(i * 0.12));
        }
        lines.add(1, wkb::lineString(river), {QString::fromUtf8("Sông Kỳ Cùng")});
        const double road[] = {X + 500, Y + 500, X + 9500, Y + 5500};
        lines.add(2, wkb::lineString(road), {QString("QL1A")});
        MemoryFeatureSource markets("EPSG:9215", {"ten", "loai"});
        markets.add(1, wkb::point(X + 2000, Y + 2400), {QString::fromUtf8("Chợ Đồng Đăng"), 1});
        markets.add(2, wkb::point(X + 6000, Y + 1500), {QString::fromUtf8("Chợ Kỳ Lừa"), 2});
        markets.add(3, wkb::point(X + 5000, Y + 4500), {QString::fromUtf8("Chợ Mẫu Sơn"), 3});

        RenderLayer c{"communes", LayerCache::build(communes, vn2000())};
        const std::vector<QVariant> kv{QString("I"), QString("II"), QString("III")};
        style::Symbol base;
        base.strokeColor = QColor(80, 80, 80);
        c.style.features = style::FeatureStyle::categorized("khu_vuc", kv, style::ColorRamp::named("Pastel"), base);
        c.style.labels.enabled = true;
        c.style.labels.field = "ten";
        c.style.labels.sizePt = 7;
        c.style.labels.priority = 3;
        RenderLayer l{"lines", LayerCache::build(lines, vn2000())};
        style::Symbol blue;
        blue.strokeColor = QColor(40, 110, 200);
        blue.strokeWidthMm = 0.8;
        l.style.features = style::FeatureStyle::singleSymbol(blue);
        RenderLayer m{"markets", LayerCache::build(markets, vn2000())};
        style::Symbol mk;
        mk.markerSizeMm = 2.5;
        mk.strokeColor = QColor(30, 30, 30);
        m.style.features = style::FeatureStyle::graduatedManual("loai", std::vector<double>{0.5, 1.5, 2.5, 3.5},
                                                                style::ColorRamp::named("YlOrRd"), mk);
        m.style.features.ranges[1].symbol.markerShape = style::MarkerShape::Triangle;
        m.style.features.ranges[2].symbol.markerShape = style::MarkerShape::Star;
        m.style.labels.enabled = true;
        m.style.labels.field = "ten";
        m.style.labels.sizePt = 7;
        m.style.labels.priority = 8;
        layers = {c, l, m};
        viewport.zoomToExtent(Extent(X - 200, Y - 200, X + 10200, Y + 6200));
    }
};

// Fraction of pixels whose channels differ by more than `tolerance`.
double differingFraction(const QImage& a, const QImage& b, int tolerance)
{
    if (a.size() != b.size()) return 1.0;
    const QImage x = a.convertToFormat(QImage::Format_ARGB32), y = b.convertToFormat(QImage::Format_ARGB32);
    std::size_t bad = 0;
    for (int r = 0; r < x.height(); ++r) {
        const auto* p = reinterpret_cast<const QRgb*>(x.constScanLine(r));
        const auto* q = reinterpret_cast<const QRgb*>(y.constScanLine(r));
        for (int c = 0; c < x.width(); ++c) {
            const int d = std::max({std::abs(qRed(p[c]) - qRed(q[c])), std::abs(qGreen(p[c]) - qGreen(q[c])),
                                    std::abs(qBlue(p[c]) - qBlue(q[c])), std::abs(qAlpha(p[c]) - qAlpha(q[c]))});
            if (d > tolerance) ++bad;
        }
    }
    return double(bad) / double(x.width() * x.height());
}

// Compares with tests/fixtures/render/<name>.png; PLANMAP_UPDATE_CONTROL_IMAGES=1 rewrites it.
void checkControlImage(const QImage& image, const QString& name)
{
    const QString path = QStringLiteral(PLANMAP_TEST_FIXTURES "/render/") + name + QStringLiteral(".png");
    const char* update = std::getenv("PLANMAP_UPDATE_CONTROL_IMAGES");
    if (update && std::string(update) == "1") {
        QDir().mkpath(QFileInfo(path).path());
        ASSERT_TRUE(image.save(path)) << path.toStdString();
        return;
    }
    const QImage control(path);
    ASSERT_FALSE(control.isNull()) << "missing control image " << path.toStdString()
                                   << " (run with PLANMAP_UPDATE_CONTROL_IMAGES=1 to create it)";
    // Small per-pixel differences (antialiasing, font rasteriser versions)
    // are allowed on at most 0.5 % of the pixels.
    const double bad = differingFraction(image, control, 24);
    if (bad > 0.005) image.save(QDir::temp().filePath(name + QStringLiteral("_actual.png")));
    EXPECT_LE(bad, 0.005) << name.toStdString() << ": " << bad * 100 << " % of pixels differ; actual image in "
                          << QDir::temp().filePath(name + "_actual.png").toStdString();
}

QRgb pixel(const QImage& img, int x, int y)
{
    return img.pixel(x, y);
}

} // namespace

TEST(RenderRenderer, SceneMatchesControlImage)
{
    test::ensureGuiApp();
    Scene s;
    RenderStats stats;
    const QImage img = MapRenderer::renderImage(s.layers, s.viewport, {}, &stats);
    EXPECT_FALSE(stats.cancelled);
    EXPECT_EQ(stats.featuresDrawn, 9u);
    EXPECT_GE(stats.labelsPlaced, 5u);
    checkControlImage(img, QStringLiteral("scene"));
    // The hole of commune 1 shows the background.
    const QPointF hole = s.viewport.toPixel(501900, 2401400);
    EXPECT_EQ(pixel(img, int(hole.x()), int(hole.y())), qRgb(255, 255, 255));
    // Commune 2 (category I) is filled with the palette's first colour.
    const QPointF c2 = s.viewport.toPixel(507000, 2400300);
    EXPECT_EQ(QColor(pixel(img, int(c2.x()), int(c2.y()))), style::ColorRamp::named("Pastel").stops()[0]);
}

TEST(RenderRenderer, ParallelFramesGiveTheSameImage)
{
    test::ensureGuiApp();
    Scene s;
    s.layers[1].style.opacity = 0.6;  // composited as a whole in every mode
    RenderOptions one;
    const QImage a = MapRenderer::renderImage(s.layers, s.viewport, one);
    for (auto mode : {RenderOptions::Parallel::Bands, RenderOptions::Parallel::LayerStack}) {
        for (int threads : {2, 3}) {
            RenderOptions o;
            o.threads = threads;
            o.parallel = mode;
            RenderStats st;
            const QImage b = MapRenderer::renderImage(s.layers, s.viewport, o, &st);
            EXPECT_LE(differingFraction(a, b, 8), 0.001) << int(mode) << " " << threads;
            if (mode == RenderOptions::Parallel::LayerStack)
                EXPECT_EQ(st.featuresDrawn, 9u);
            else
                EXPECT_GE(st.featuresDrawn, 9u);  // features across bands count in each
        }
    }
}

TEST(RenderRenderer, ConcurrentRendersShareCaches)
{
    test::ensureGuiApp();
    Scene s;
    s.layers[0].style.labels.enabled = false;
    s.layers[2].style.labels.enabled = false;
    QImage a, b;
    std::thread t([&] { a = MapRenderer::renderImage(s.layers, s.viewport); });
    b = MapRenderer::renderImage(s.layers, s.viewport);
    t.join();
    EXPECT_EQ(a, b);
}

TEST(RenderRenderer, OpacityAndScaleRange)
{
    test::ensureGuiApp();
    MemoryFeatureSource src("EPSG:9215", {});
    src.add(1, wkb::polygon({rect(0, 0, 100, 100)}), {});
    RenderLayer l{"sq", LayerCache::build(src, vn2000())};
    style::Symbol s;
    s.fillColor = QColor(0, 0, 255);
    s.strokeColor = QColor(255, 0, 0);
    s.strokeWidthMm = 2;
    l.style.features = style::FeatureStyle::singleSymbol(s);
    l.style.opacity = 0.5;
    MapViewport vp(QSize(100, 100));
    vp.zoomToExtent(Extent(-50, -50, 150, 150));
    RenderOptions o;
    o.drawLabels = false;
    const QImage img = MapRenderer::renderImage({l}, vp, o);
    const QColor centre(img.pixel(50, 50));
    EXPECT_NEAR(centre.red(), 127, 2);
    EXPECT_NEAR(centre.green(), 127, 2);
    EXPECT_NEAR(centre.blue(), 255, 1);
    // On the outline the stroke covers the fill: no blue shows through it.
    const QColor edge(img.pixel(50, 25));
    EXPECT_NEAR(edge.red(), 255, 1);
    EXPECT_NEAR(edge.blue(), 127, 2);
    // Hidden beyond its scale range (this view is about 1:3780).
    l.style.maxScaleDenominator = 1000;
    const QImage hidden = MapRenderer::renderImage({l}, vp, o);
    EXPECT_EQ(QColor(hidden.pixel(50, 50)), QColor(Qt::white));
}

TEST(RenderRenderer, SubPixelFeaturesBecomeDots)
{
    test::ensureGuiApp();
    MemoryFeatureSource src("EPSG:9215", {});
    // 10 000 squares of 1 m on a 100 m grid, seen at 50 m per pixel.
    for (int i = 0; i < 100; ++i)
        for (int j = 0; j < 100; ++j) src.add(i * 100 + j, wkb::polygon({rect(i * 100.0, j * 100.0, 1, 1)}), {});
    RenderLayer l{"tiny", LayerCache::build(src, vn2000())};
    style::Symbol s;
    s.fillColor = QColor(0, 0, 0);
    l.style.features = style::FeatureStyle::singleSymbol(s);
    MapViewport vp(QSize(400, 400));
    vp.setCenter(5000, 5000);
    vp.setMapUnitsPerPixel(50);
    RenderOptions o;
    o.drawLabels = false;
    RenderStats st;
    const QImage img = MapRenderer::renderImage({l}, vp, o, &st);
    EXPECT_EQ(st.featuresDrawn, 0u);
    EXPECT_EQ(st.featuresAsPixel + st.featuresSkipped, 10000u);
    EXPECT_EQ(st.featuresAsPixel, 200u * 200u / 4u);  // one dot per pixel: two features per pixel on each axis
    EXPECT_EQ(st.verticesDrawn, 0u);
    // A dot where a square is; background between.
    const QPointF p = vp.toPixel(2000.5, 3000.5);
    EXPECT_EQ(QColor(img.pixel(int(p.x()), int(p.y()))), QColor(Qt::black));
    // Zoomed in, the same features are real polygons.
    vp.setMapUnitsPerPixel(0.1);
    vp.setCenter(2000.5, 3000.5);
    MapRenderer::renderImage({l}, vp, o, &st);
    EXPECT_EQ(st.featuresDrawn, 1u);
    EXPECT_EQ(st.featuresAsPixel, 0u);
}

TEST(RenderRenderer, CancellationStopsEarly)
{
    test::ensureGuiApp();
    MemoryFeatureSource src("EPSG:9215", {});
    for (int i = 0; i < 20000; ++i) {
        const double xy[] = {i * 5.0, 0.0, i * 5.0 + 400, 300.0, i * 5.0 + 50, 800.0};
        src.add(i, wkb::lineString(xy), {});
    }
    RenderLayer l{"lines", LayerCache::build(src, vn2000())};
    MapViewport vp(QSize(500, 500));
    vp.zoomToExtent(l.cache->extent());
    std::atomic<bool> cancel{true};
    RenderOptions o;
    o.cancel = &cancel;
    RenderStats st;
    MapRenderer::renderImage({l, l, l}, vp, o, &st);
    EXPECT_TRUE(st.cancelled);
    EXPECT_LT(st.featuresDrawn, 256u);
    // Cancelled from another thread while drawing.
    cancel = false;
    std::vector<RenderLayer> many(20, l);
    std::thread stopper([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        cancel = true;
    });
    MapRenderer::renderImage(many, vp, o, &st);
    stopper.join();
    EXPECT_TRUE(st.cancelled);
    EXPECT_LT(st.featuresDrawn, 20u * 20000u);
    cancel = false;
    MapRenderer::renderImage({l}, vp, o, &st);
    EXPECT_FALSE(st.cancelled);
    EXPECT_EQ(st.featuresDrawn, 20000u);
}

TEST(RenderRenderer, LegendPatchMatchesTheMap)
{
    test::ensureGuiApp();
    style::Symbol s;
    s.fillColor = QColor(10, 200, 30);
    s.strokeColor = QColor(0, 0, 0);
    QImage img(40, 20, QImage::Format_ARGB32_Premultiplied);
    img.fill(Qt::white);
    QPainter p(&img);
    drawLegendPatch(p, QRectF(0, 0, 40, 20), s, GeometryKind::Polygon, 96);
    p.end();
    EXPECT_EQ(QColor(img.pixel(20, 10)), s.fillColor);
    EXPECT_EQ(QColor(img.pixel(0, 10)).red(), 0);
}

TEST(RenderRenderer, EmptyLayersAndGeographicDisplay)
{
    test::ensureGuiApp();
    // A layer without any geometry draws nothing and breaks nothing.
    MemoryFeatureSource none("EPSG:4326", {"ten"});
    none.add(1, {}, {QString("không hình")});
    const auto emptyCache = LayerCache::build(none, geo::Crs::fromEpsg(4326));
    EXPECT_TRUE(emptyCache->extent().isEmpty());
    std::vector<std::uint32_t> hits;
    emptyCache->query(Extent(-180, -90, 180, 90), hits);
    EXPECT_TRUE(hits.empty());

    // Displayed in WGS 84 degrees: the square lands where the viewport says.
    MemoryFeatureSource src("EPSG:9215", {});
    src.add(1, wkb::polygon({rect(449000, 2417000, 1000, 1000)}), {});
    RenderLayer l("sq", LayerCache::build(src, geo::Crs::fromEpsg(4326)));
    style::Symbol s;
    s.fillColor = QColor(200, 0, 0);
    s.strokeStyle = style::StrokeStyle::NoStroke;
    l.style.features = style::FeatureStyle::singleSymbol(s);
    RenderLayer e("empty", emptyCache);
    e.style.labels.enabled = true;
    e.style.labels.field = "ten";
    MapViewport vp(QSize(200, 200), 96.0, MapUnits::Degrees);
    vp.zoomToExtent(l.cache->extent(), 0.5);
    RenderStats st;
    const QImage img = MapRenderer::renderImage({e, l}, vp, {}, &st);
    EXPECT_EQ(st.featuresDrawn, 1u);
    EXPECT_EQ(QColor(img.pixel(100, 100)), QColor(200, 0, 0));
    EXPECT_EQ(QColor(img.pixel(5, 5)), QColor(Qt::white));
    // 1 km plus 50 % margins on both sides = 2 km over 200 px of 0.265 mm: about 1:37,800.
    EXPECT_GT(vp.scaleDenominator(), 36000.0);
    EXPECT_LT(vp.scaleDenominator(), 40000.0);
}
