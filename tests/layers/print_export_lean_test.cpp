// Export progress and cancel, and lean vector output: the geometry far
// outside a map frame does not reach the file, the picture stays the same.
#include "planmap/layers/print/Export.h"
#include "planmap/layers/print/Templates.h"
#include "planmap/layers/render/MapRenderer.h"

#include "print_testkit.h"

#include <gtest/gtest.h>

#include <QImage>

#include <cmath>

using namespace planmap;
using namespace planmap::layers;
using namespace planmap::layers::print;
using printtest::syntheticContext;

TEST(PrintExport, ProgressReportsEveryPageAndCancelLeavesNoFile)
{
    const PrintContext ctx = syntheticContext();
    printtest::TempDir dir;
    const Layout layout = makeTemplate(QStringLiteral("district-a4"));
    const auto pages = atlasPages(ctx, AtlasLevel::District);
    ASSERT_EQ(pages.size(), 2u);

    std::vector<std::pair<int, int>> calls;
    ExportOptions options;
    options.dpi = 72;
    options.progress = [&](int done, int total) {
        calls.emplace_back(done, total);
        return true;
    };
    exportLayout(layout, ctx, pages, dir.file("atlas.pdf"), options);
    const std::vector<std::pair<int, int>> expected{{0, 2}, {1, 2}, {2, 2}};
    EXPECT_EQ(calls, expected);

    // Stop after the first page: nothing is left, not even the partial file.
    options.progress = [](int done, int) { return done < 1; };
    EXPECT_THROW(exportLayout(layout, ctx, pages, dir.file("stopped.pdf"), options), ExportCancelled);
    EXPECT_FALSE(std::filesystem::exists(dir.file("stopped.pdf")));
    EXPECT_FALSE(std::filesystem::exists(dir.file("stopped.pdf.partial")));

    // One file per page: the pages done before stopping stay, complete.
    options.onePerFile = true;
    EXPECT_THROW(exportLayout(layout, ctx, pages, dir.file("page.pdf"), options), ExportCancelled);
    EXPECT_TRUE(std::filesystem::exists(dir.file("page-01.pdf")));
    EXPECT_FALSE(std::filesystem::exists(dir.file("page-02.pdf")));
    EXPECT_FALSE(std::filesystem::exists(dir.file("page-02.pdf.partial")));
}

TEST(PrintExport, ClipMarginKeepsTheGeometryOutsideTheViewOutOfTheOutput)
{
    planmap::test::ensureGuiApp();
    // A zigzag line and a many-sided polygon 100 km across; the view is 2 km wide in the middle.
    std::vector<double> line;
    for (int i = 0; i <= 4000; ++i) line.insert(line.end(), {400000.0 + 25.0 * i, 2400000.0 + (i % 2 ? 300.0 : -300.0)});
    std::vector<double> ring;
    for (int i = 0; i < 4000; ++i) {
        const double a = 2 * M_PI * i / 4000;
        ring.insert(ring.end(), {450000.0 + 50000.0 * std::cos(a), 2400000.0 + 50000.0 * std::sin(a)});
    }
    auto lines = std::make_shared<render::MemoryFeatureSource>("EPSG:9215", std::vector<QString>{});
    lines->add(1, render::wkb::lineString(line), {});
    auto polygons = std::make_shared<render::MemoryFeatureSource>("EPSG:9215", std::vector<QString>{});
    polygons->add(1, render::wkb::polygon({ring}), {});
    const geo::Crs crs = geo::Crs::fromEpsg(9215);
    style::Symbol stroke;
    stroke.strokeColor = QColor(200, 40, 40);
    stroke.strokeWidthMm = 0.5;
    style::Symbol fill;
    fill.fillColor = QColor(220, 230, 200);
    fill.strokeColor = QColor(60, 90, 40);
    fill.strokeWidthMm = 0.6;
    style::LayerStyle fillStyle, strokeStyle;
    fillStyle.features = style::FeatureStyle::singleSymbol(fill);
    strokeStyle.features = style::FeatureStyle::singleSymbol(stroke);
    const std::vector<render::RenderLayer> layers{
        render::RenderLayer(QStringLiteral("polygons"), render::LayerCache::build(*polygons, crs), fillStyle),
        render::RenderLayer(QStringLiteral("lines"), render::LayerCache::build(*lines, crs), strokeStyle),
    };
    render::MapViewport vp(QSize(600, 400), 150.0);
    // Across the polygon's west edge, where the line runs too.
    vp.zoomToExtent(render::Extent(399000, 2399300, 401000, 2400700), 0.0);

    render::RenderOptions wide;
    render::RenderStats wideStats, tightStats;
    const QImage a = render::MapRenderer::renderImage(layers, vp, wide, &wideStats);
    render::RenderOptions tight;
    tight.clipMarginPx = 12.0;
    const QImage b = render::MapRenderer::renderImage(layers, vp, tight, &tightStats);
    EXPECT_LT(tightStats.verticesDrawn * 4, wideStats.verticesDrawn)
        << tightStats.verticesDrawn << " vs " << wideStats.verticesDrawn;
    ASSERT_EQ(a.size(), b.size());
    long long differing = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x) {
            const QRgb p = a.pixel(x, y), q = b.pixel(x, y);
            if (std::max({std::abs(qRed(p) - qRed(q)), std::abs(qGreen(p) - qGreen(q)), std::abs(qBlue(p) - qBlue(q))}) > 8)
                ++differing;
        }
    EXPECT_LT(differing, 20) << "the picture inside the view is the same";
}
