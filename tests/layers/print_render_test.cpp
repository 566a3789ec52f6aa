// Drawing layouts: legend, notice, scale bar, indicator table, PDF/PNG/SVG
// export and a control image of a whole page.
#include "planmap/layers/print/Export.h"
#include "planmap/layers/print/LayoutRenderer.h"
#include "planmap/layers/print/Templates.h"

#include "planmap/geo/Geodesic.h"
#include "planmap/geo/Transform.h"

#include "print_testkit.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QImage>
#include <QPainter>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <regex>
#include <sstream>

using namespace planmap;
using namespace planmap::layers;
using namespace planmap::layers::print;
using printtest::syntheticContext;

namespace {

const PrintUnit& district(const PrintContext& ctx, const char* code)
{
    for (const PrintUnit& u : ctx.districts)
        if (u.code == QLatin1String(code)) return u;
    throw std::logic_error("no district");
}

PageReport renderReport(const Layout& layout, const PrintContext& ctx, const PageSpec& page, double dpi = 40)
{
    PageReport report;
    renderPageImage(layout, ctx, page, dpi, &report);
    return report;
}

QStringList legendLayers(const PageReport& r)
{
    QStringList keys;
    for (const LegendRow& row : r.legend)
        if (!keys.contains(row.layerKey)) keys << row.layerKey;
    return keys;
}

bool hasTool(const char* tool)
{
    return std::system((std::string("command -v ") + tool + " >/dev/null 2>&1").c_str()) == 0;
}

} // namespace

TEST(PrintRender, LegendListsExactlyTheLayersInTheFrame)
{
    const PrintContext ctx = syntheticContext();
    Layout layout = makeTemplate(QStringLiteral("briefing-a4"));
    layout.mainMap()->map.hiddenLayers = QStringList{QStringLiteral("roads")};

    // Lộc Bình: villages, the commune, districts and the province are in the
    // frame; the market lies in Tràng Định, far away; roads are hidden.
    const PageReport loc = renderReport(layout, ctx, PageSpec{&district(ctx, "188")});
    EXPECT_EQ(legendLayers(loc), (QStringList{QStringLiteral("villages"), QStringLiteral("districts_2023"),
                                              QStringLiteral("communes_2025"), QStringLiteral("province")}));
    EXPECT_EQ(loc.maps.front().layersInView, legendLayers(loc));
    // Classes are filtered too: only the commune type in view ("Xã").
    QStringList communeRows;
    for (const LegendRow& r : loc.legend)
        if (r.layerKey == QLatin1String("communes_2025") && !r.heading) communeRows << r.text;
    EXPECT_EQ(communeRows, QStringList{QStringLiteral("Xã")});
    // Illustrative layers say so in the legend.
    EXPECT_EQ(loc.legend.front().text, QStringLiteral("Thôn, bản (minh họa)"));

    // Tràng Định: the market, no villages; roads shown once no longer hidden.
    layout.mainMap()->map.hiddenLayers.clear();
    const PageReport trang = renderReport(layout, ctx, PageSpec{&district(ctx, "178")});
    EXPECT_TRUE(legendLayers(trang).contains(QStringLiteral("markets")));
    EXPECT_FALSE(legendLayers(trang).contains(QStringLiteral("villages")));
    EXPECT_FALSE(legendLayers(trang).contains(QStringLiteral("roads")));
    const PageReport locRoads = renderReport(layout, ctx, PageSpec{&district(ctx, "188")});
    EXPECT_TRUE(legendLayers(locRoads).contains(QStringLiteral("roads")));
}

TEST(PrintRender, NoticeAppearsWheneverIllustrativeRowsAreInView)
{
    const PrintContext ctx = syntheticContext();
    const Layout layout = makeTemplate(QStringLiteral("briefing-a4"));
    const PageReport loc = renderReport(layout, ctx, PageSpec{&district(ctx, "188")});
    EXPECT_TRUE(loc.notice.startsWith(QStringLiteral("Dữ liệu minh họa: thôn, bản"))) << loc.notice.toStdString();
    EXPECT_TRUE(loc.notice.contains(QStringLiteral("không phải số liệu thật")));
    EXPECT_TRUE(loc.notice.contains(QStringLiteral("số liệu tiến độ")));  // the table's illustrative progress
    EXPECT_EQ(loc.maps.front().illustrativeLayers, QStringList{QStringLiteral("villages")});

    // Nothing illustrative in Tràng Định (no villages, no progress): no notice.
    const PageReport trang = renderReport(layout, ctx, PageSpec{&district(ctx, "178")});
    EXPECT_TRUE(trang.notice.isEmpty()) << trang.notice.toStdString();

    // A layout without a notice item still gets the notice (on its map).
    Layout bare = layout;
    std::erase_if(bare.items, [](const LayoutItem& i) { return i.kind == ItemKind::Notice; });
    const PageSpec page{&district(ctx, "188")};
    const QImage with = renderPageImage(bare, ctx, page, 40);
    PrintContext hidden = syntheticContext();
    hidden.layers.back().layer.visible = false;  // villages off
    hidden.indicators = nullptr;                 // and no illustrative progress
    PageReport r;
    const QImage without = renderPageImage(bare, hidden, page, 40, &r);
    EXPECT_FALSE(r.notice.contains(QStringLiteral("thôn")));
    // The notice box (orange border) is drawn at the bottom-left of the map frame.
    const QRectF map = bare.mainMap()->rectMm;
    const int x = int((map.left() + 3) * 40 / 25.4), y = int((map.bottom() - 3) * 40 / 25.4);
    EXPECT_NE(with.pixel(x, y), without.pixel(x, y));
}

TEST(PrintRender, ScaleBarAndNorthArrowOfTheFrame)
{
    const PrintContext ctx = syntheticContext();
    const Layout layout = makeTemplate(QStringLiteral("briefing-a4"));
    const PageReport r = renderReport(layout, ctx, PageSpec{});
    ASSERT_TRUE(r.scaleBar.has_value());
    const ScaleBarReport& s = *r.scaleBar;
    const MapFrameReport& map = r.maps.front();
    // The bar lies across the centre of the frame, as long on the map as on paper.
    EXPECT_NEAR((s.mapStart.x() + s.mapEnd.x()) / 2, map.extent.center().x, 1e-6);
    EXPECT_NEAR(s.mapEnd.x() - s.mapStart.x(), s.bar.lengthMm * map.mapUnitsPerMm, 1e-6);
    // …and spans on the ground exactly the distance it claims.
    const geo::Transform t(ctx.displayCrs, geo::Crs::fromEpsg(4326));
    const geo::XY a = t.forward(s.mapStart.x(), s.mapStart.y()), b = t.forward(s.mapEnd.x(), s.mapEnd.y());
    EXPECT_NEAR(geo::Geodesic().distance(a.x, a.y, b.x, b.y), s.bar.groundMetres, s.bar.groundMetres * 1e-9);
    EXPECT_LE(s.bar.lengthMm, layout.item(QStringLiteral("scale_bar"))->rectMm.width());
    // Scale 1:N and map units per mm agree (N = ground mm per paper mm).
    EXPECT_NEAR(map.scaleDenominator, map.mapUnitsPerMm * 1000.0, map.scaleDenominator * 1e-9);

    ASSERT_TRUE(r.northAngle.has_value());
    const geo::XY c = t.forward(map.extent.center().x, map.extent.center().y);
    const double expected = -std::atan(std::tan((c.x - 107.25) * M_PI / 180) * std::sin(c.y * M_PI / 180)) * 180 / M_PI;
    EXPECT_NEAR(*r.northAngle, expected, 2e-3);
}

TEST(PrintRender, TitleAndTableTextsAreExpanded)
{
    const PrintContext ctx = syntheticContext();
    const Layout layout = makeTemplate(QStringLiteral("briefing-a4"));
    const PageReport r = renderReport(layout, ctx, PageSpec{&district(ctx, "188"), 3, 11});
    EXPECT_TRUE(r.texts.contains(QStringLiteral("Kế hoạch 59/KH-UBND ngày 05/3/2023")));
    EXPECT_TRUE(r.texts.contains(QStringLiteral("Huyện Lộc Bình")));
    bool footer = false;
    for (const QString& t : r.texts) footer = footer || (t.contains(QStringLiteral("Ngày in: 15/01/2024")) &&
                                                         t.contains(QStringLiteral("Trang 3/11")));
    EXPECT_TRUE(footer);
    EXPECT_EQ(r.indicatorRows, 2);
    // The province page has its own figures; Tràng Định has none.
    EXPECT_EQ(renderReport(layout, ctx, PageSpec{&district(ctx, "178")}).indicatorRows, 0);

    // More indicators than rows: the ones with progress are kept.
    Layout one = layout;
    one.item(QStringLiteral("indicators"))->table.maxRows = 2;
    EXPECT_EQ(renderReport(one, ctx, PageSpec{}).indicatorRows, 2);
    one.item(QStringLiteral("indicators"))->table.maxRows = 1;
    EXPECT_EQ(renderReport(one, ctx, PageSpec{}).indicatorRows, 0);  // the row says "… và 2 chỉ tiêu khác"
}

TEST(PrintRender, GridLinesAreDrawnAndLabelled)
{
    const PrintContext ctx = syntheticContext();
    Layout layout = makeTemplate(QStringLiteral("wall-a3"));
    const PageReport projected = renderReport(layout, ctx, PageSpec{}, 20);
    EXPECT_GE(projected.gridLines, 6);
    layout.mainMap()->map.grid = GridKind::Graticule;
    layout.mainMap()->map.gridInterval = 15;
    const PageReport grat = renderReport(layout, ctx, PageSpec{}, 20);
    // 106°06′–107°21′ E and 21°21′–22°27′ N at 15′ and a little beyond: about 5 + 5 lines.
    EXPECT_GE(grat.gridLines, 8);
    EXPECT_LE(grat.gridLines, 16);
}

TEST(PrintRender, PdfIsVectorWithSearchableText)
{
    if (!hasTool("pdftotext") || !hasTool("pdfinfo")) GTEST_SKIP() << "poppler-utils not installed";
    const PrintContext ctx = syntheticContext();
    printtest::TempDir dir;
    const Layout layout = makeTemplate(QStringLiteral("briefing-a4"));
    const auto pdf = dir.file("briefing.pdf");
    const ExportResult result = exportLayout(layout, ctx, {PageSpec{&district(ctx, "188")}}, pdf);
    ASSERT_EQ(result.files.size(), 1u);
    EXPECT_FALSE(std::filesystem::exists(dir.file("briefing.pdf.partial")));

    const std::string info = printtest::pdfinfo(pdf);
    EXPECT_TRUE(std::regex_search(info, std::regex("Pages: +1\n"))) << info;
    // A4 landscape: 297 × 210 mm = 841.89 × 595.28 pt (Qt writes whole points).
    EXPECT_TRUE(std::regex_search(info, std::regex("Page size: +84[12](\\.\\d+)? x 595(\\.\\d+)? pts"))) << info;
    const std::string text = printtest::pdftotext(pdf);
    EXPECT_NE(text.find("Kế hoạch 59/KH-UBND ngày 05/3/2023"), std::string::npos) << text;
    EXPECT_NE(text.find("Huyện Lộc Bình"), std::string::npos);
    EXPECT_NE(text.find("Dữ liệu minh họa"), std::string::npos);
    EXPECT_NE(text.find("Số hộ được hỗ trợ đất ở"), std::string::npos);
    EXPECT_NE(text.find("96*"), std::string::npos) << "the district's own figure, marked illustrative";
    EXPECT_EQ(text.find("1.238.075"), std::string::npos) << "province figures are not on a district page";
    const std::string fonts = printtest::commandOutput("pdffonts '" + pdf.string() + "' 2>/dev/null");
    EXPECT_NE(fonts.find("NotoSans"), std::string::npos) << fonts;
    // Every font is embedded: the column "emb" (fifth from the right) says yes.
    std::istringstream lines(fonts);
    std::string line;
    int fontCount = 0;
    for (int n = 0; std::getline(lines, line); ++n) {
        if (n < 2 || line.empty()) continue;
        std::istringstream words(line);
        std::vector<std::string> w{std::istream_iterator<std::string>(words), {}};
        ASSERT_GE(w.size(), 6u) << line;
        EXPECT_EQ(w[w.size() - 5], "yes") << line;
        ++fontCount;
    }
    EXPECT_GE(fontCount, 1);
    // No raster image of the map: polygons and text are vectors.
    const std::string images = printtest::commandOutput("pdfimages -list '" + pdf.string() + "' 2>/dev/null");
    EXPECT_EQ(std::count(images.begin(), images.end(), '\n'), 2) << images;  // header lines only

    // The province page carries the province's figures in Vietnamese format.
    const auto province = dir.file("province.pdf");
    exportLayout(layout, ctx, {PageSpec{}}, province);
    const std::string provinceText = printtest::pdftotext(province);
    EXPECT_NE(provinceText.find("1.238.075"), std::string::npos) << provinceText;
    EXPECT_NE(provinceText.find("174/181"), std::string::npos);
    EXPECT_NE(provinceText.find("Số liệu đến ngày 30/09/2023"), std::string::npos);
}

TEST(PrintRender, AtlasPagesAndFormats)
{
    if (!hasTool("pdfinfo")) GTEST_SKIP() << "poppler-utils not installed";
    const PrintContext ctx = syntheticContext();
    printtest::TempDir dir;
    const Layout layout = makeTemplate(QStringLiteral("district-a4"));
    const auto pages = atlasPages(ctx, AtlasLevel::District);
    ASSERT_EQ(pages.size(), 2u);
    EXPECT_EQ(pages[0].unit->code, QStringLiteral("178"));  // ordered by code
    EXPECT_EQ(pages[1].number, 2);
    EXPECT_EQ(pages[1].count, 2);

    const auto pdf = dir.file("atlas.pdf");
    exportLayout(layout, ctx, pages, pdf);
    const std::string info = printtest::pdfinfo(pdf);
    EXPECT_TRUE(std::regex_search(info, std::regex("Pages: +2\n"))) << info;
    EXPECT_TRUE(std::regex_search(info, std::regex("Page size: +595(\\.\\d+)? x 84[12](\\.\\d+)? pts"))) << info;

    ExportOptions split;
    split.onePerFile = true;
    const ExportResult files = exportLayout(layout, ctx, pages, dir.file("page.pdf"), split);
    ASSERT_EQ(files.files.size(), 2u);
    EXPECT_EQ(files.files[0].filename(), "page-01.pdf");
    EXPECT_TRUE(std::filesystem::exists(dir.file("page-02.pdf")));

    ExportOptions png;
    png.dpi = 50;
    const ExportResult images = exportLayout(layout, ctx, {pages[1]}, dir.file("sheet.png"), png);
    const QImage image(QString::fromStdString(images.files.at(0).string()));
    EXPECT_EQ(image.size(), QSize(413, 585));  // 210 × 297 mm at 50 dpi
    EXPECT_NEAR(image.dotsPerMeterX(), 50 / 0.0254, 1);

    const ExportResult svg = exportLayout(layout, ctx, {pages[1]}, dir.file("sheet.svg"));
    QFile f(QString::fromStdString(svg.files.at(0).string()));
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QString content = QString::fromUtf8(f.readAll());
    EXPECT_TRUE(content.contains(QStringLiteral("Huyện Lộc Bình"))) << "SVG text stays text";
    EXPECT_TRUE(content.contains(QStringLiteral("<path"))) << "polygons stay vectors";

    EXPECT_THROW(exportLayout(layout, ctx, pages, dir.file("x.docx")), ExportError);
    EXPECT_THROW(exportLayout(layout, ctx, pages, dir.file("missing-dir/x.pdf")), ExportError);
    EXPECT_THROW(exportLayout(layout, ctx, {}, dir.file("empty.pdf")), ExportError);
}

// The whole A4 page against a control image, with a tolerance for
// anti-aliasing. PLANMAP_REGENERATE_CONTROL=1 rewrites the control image.
TEST(PrintRender, ControlImageOfABriefingPage)
{
    const PrintContext ctx = syntheticContext();
    const Layout layout = makeTemplate(QStringLiteral("briefing-a4"));
    const QImage page =
        renderPageImage(layout, ctx, PageSpec{&district(ctx, "188")}, 60).convertToFormat(QImage::Format_RGB32);
    const QString control = QStringLiteral(PLANMAP_TEST_FIXTURES "/print/briefing-a4-control.png");
    if (std::getenv("PLANMAP_REGENERATE_CONTROL")) {
        ASSERT_TRUE(page.save(control));
        GTEST_SKIP() << "control image written to " << control.toStdString();
    }
    const QImage expected = QImage(control).convertToFormat(QImage::Format_RGB32);
    ASSERT_FALSE(expected.isNull()) << "missing " << control.toStdString() << " (run with PLANMAP_REGENERATE_CONTROL=1)";
    ASSERT_EQ(page.size(), expected.size());
    long long differing = 0;
    for (int y = 0; y < page.height(); ++y) {
        const auto* a = reinterpret_cast<const QRgb*>(page.constScanLine(y));
        const auto* b = reinterpret_cast<const QRgb*>(expected.constScanLine(y));
        for (int x = 0; x < page.width(); ++x) {
            const int d = std::max({std::abs(qRed(a[x]) - qRed(b[x])), std::abs(qGreen(a[x]) - qGreen(b[x])),
                                    std::abs(qBlue(a[x]) - qBlue(b[x]))});
            if (d > 48) ++differing;
        }
    }
    const double fraction = double(differing) / (double(page.width()) * page.height());
    EXPECT_LT(fraction, 0.005) << differing << " pixels differ";
    // The check can fail: a page without its map differs far more.
    Layout noMap = layout;
    noMap.mainMap()->map.hiddenLayers = QStringList{QStringLiteral("province"), QStringLiteral("districts_2023"),
                                                    QStringLiteral("communes_2025"), QStringLiteral("villages")};
    const QImage other =
        renderPageImage(noMap, ctx, PageSpec{&district(ctx, "188")}, 60).convertToFormat(QImage::Format_RGB32);
    long long otherDiffering = 0;
    for (int y = 0; y < other.height(); ++y)
        for (int x = 0; x < other.width(); ++x)
            if (other.pixel(x, y) != expected.pixel(x, y)) ++otherDiffering;
    EXPECT_GT(double(otherDiffering) / (double(page.width()) * page.height()), 0.01);
}
