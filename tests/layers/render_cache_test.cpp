#include "planmap/layers/render/LayerCache.h"
#include "planmap/layers/style/ColorRamp.h"
#include "planmap/layers/style/FeatureStyle.h"

#include "planmap/geo/Crs.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

using namespace planmap;
using namespace planmap::layers;
using namespace planmap::layers::render;

namespace {

std::vector<double> square(double x, double y, double s)
{
    return {x, y, x + s, y, x + s, y + s, x, y + s, x, y};
}

std::vector<double> circle(double cx, double cy, double r, int n)
{
    std::vector<double> xy;
    for (int i = 0; i <= n; ++i) {
        const double a = 2 * std::numbers::pi * (i % n) / n;
        xy.push_back(cx + r * std::cos(a));
        xy.push_back(cy + r * std::sin(a));
    }
    return xy;
}

// Distance from a point to a closed ring's boundary.
double distanceToRing(double px, double py, const double* xy, std::size_t n)
{
    double best = 1e300;
    for (std::size_t i = 0; i + 1 < n || (i + 1 == n && n > 1); ++i) {
        const std::size_t j = (i + 1) % n;
        const double ax = xy[2 * i], ay = xy[2 * i + 1], bx = xy[2 * j], by = xy[2 * j + 1];
        const double dx = bx - ax, dy = by - ay, l2 = dx * dx + dy * dy;
        double t = l2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / l2 : 0;
        t = std::clamp(t, 0.0, 1.0);
        best = std::min(best, std::hypot(px - ax - t * dx, py - ay - t * dy));
        if (j == 0) break;
    }
    return best;
}

const geo::Crs& vn2000()
{
    static const geo::Crs crs = geo::Crs::fromEpsg(9215);
    return crs;
}

} // namespace

TEST(RenderCache, ReadsPolygonsWithHolesAndAttributes)
{
    MemoryFeatureSource src("EPSG:9215", {"name", "pop"});
    src.add(7, wkb::polygon({square(0, 0, 100), square(25, 25, 50)}), {QString("Xã A"), 1200});
    src.add(8, wkb::multiPolygon({{square(200, 0, 10)}, {square(300, 0, 10)}}), {QString("Xã B"), 300});
    src.add(9, {}, {QString("không hình"), 0});
    const auto cache = LayerCache::build(src, vn2000(), {{"name"}});
    EXPECT_EQ(cache->kind(), GeometryKind::Polygon);
    ASSERT_EQ(cache->featureCount(), 3u);
    EXPECT_EQ(cache->featureId(1), 8);
    EXPECT_EQ(cache->fieldNames(), std::vector<QString>{"name"});
    EXPECT_EQ(cache->fieldIndex("pop"), -1);
    EXPECT_EQ(cache->attribute(1, 0).toString(), QString("Xã B"));
    const GeometryView g = cache->geometry(0);
    EXPECT_EQ(g.ringCount(), 2u);
    EXPECT_EQ(g.pointCount(g.firstRing), 5u);
    EXPECT_EQ(cache->geometry(1).ringCount(), 2u);
    EXPECT_EQ(cache->geometry(2).ringCount(), 0u);
    EXPECT_TRUE(cache->featureBounds(2).isEmpty());
    EXPECT_EQ(cache->featureBounds(1), Extent(200, 0, 310, 10));
    EXPECT_EQ(cache->extent(), Extent(0, 0, 310, 100));
    // The label point of the square with a hole lies in the ring between them.
    const QPointF lp = cache->labelPoint(0);
    const bool inOuter = lp.x() > 0 && lp.x() < 100 && lp.y() > 0 && lp.y() < 100;
    const bool inHole = lp.x() > 25 && lp.x() < 75 && lp.y() > 25 && lp.y() < 75;
    EXPECT_TRUE(inOuter && !inHole) << lp.x() << " " << lp.y();
    EXPECT_THROW(LayerCache::build(src, vn2000(), {{"nope"}}), LayerCacheError);
}

TEST(RenderCache, SkipsOtherDimensionsAndReportsBadWkb)
{
    MemoryFeatureSource src("EPSG:9215", {});
    src.add(1, wkb::polygon({square(0, 0, 1)}), {});
    src.add(2, wkb::point(5, 5), {});
    src.add(3, wkb::polygon({square(2, 2, 1)}), {});
    const auto cache = LayerCache::build(src, vn2000());
    EXPECT_EQ(cache->featureCount(), 2u);
    EXPECT_EQ(cache->skippedFeatures(), 1u);

    MemoryFeatureSource bad("EPSG:9215", {});
    auto truncated = wkb::polygon({square(0, 0, 1)});
    truncated.resize(truncated.size() - 5);
    bad.add(42, truncated, {});
    try {
        LayerCache::build(bad, vn2000());
        FAIL() << "no error";
    } catch (const LayerCacheError& e) {
        EXPECT_NE(std::string(e.what()).find("feature 42"), std::string::npos) << e.what();
    }
}

TEST(RenderCache, ReadsBigEndianEwkbWithZ)
{
    // EWKB, big endian, POINT Z with SRID 9215: 00 | 0xA0000001 | srid | x y z
    std::vector<std::uint8_t> b{0x00, 0xA0, 0x00, 0x00, 0x01, 0x00, 0x00, 0x23, 0xFF};
    auto putBE = [&](double d) {
        std::uint64_t u;
        std::memcpy(&u, &d, 8);
        for (int i = 7; i >= 0; --i) b.push_back(std::uint8_t(u >> (8 * i)));
    };
    putBE(449314.5);
    putBE(2417549.25);
    putBE(312.0);
    MemoryFeatureSource src("EPSG:9215", {});
    src.add(1, b, {});
    const auto cache = LayerCache::build(src, vn2000());
    ASSERT_EQ(cache->featureCount(), 1u);
    EXPECT_EQ(cache->kind(), GeometryKind::Point);
    EXPECT_DOUBLE_EQ(cache->geometry(0).xy[0], 449314.5);
    EXPECT_DOUBLE_EQ(cache->geometry(0).xy[1], 2417549.25);
}

TEST(RenderCache, ProjectsOnceIntoTheDisplayCrs)
{
    // The check point of VN-2000 / TM-3 107-15 (EPSG:9215) from WGS 84 lon/lat.
    MemoryFeatureSource src("EPSG:4326", {});
    src.add(1, wkb::point(106.7615, 21.8537), {});
    const auto cache = LayerCache::build(src, vn2000());
    const double* xy = cache->geometry(0).xy;
    EXPECT_NEAR(xy[0], 449314.377, 0.01);
    EXPECT_NEAR(xy[1], 2417549.695, 0.01);
}

TEST(RenderCache, LevelsOfDetailStayWithinTolerance)
{
    MemoryFeatureSource src("EPSG:9215", {});
    // A wobbly circle of 20 000 vertices, 10 km across.
    std::vector<double> ring;
    const int n = 20000;
    for (int i = 0; i <= n; ++i) {
        const double a = 2 * std::numbers::pi * (i % n) / n;
        const double r = 5000 + 3 * std::sin(a * 500);
        ring.push_back(500000 + r * std::cos(a));
        ring.push_back(2400000 + r * std::sin(a));
    }
    src.add(1, wkb::polygon({ring}), {});
    src.add(2, wkb::polygon({square(520000, 2400000, 0.05)}), {});  // tiny: vanishes at coarse levels
    const auto cache = LayerCache::build(src, vn2000());
    ASSERT_GE(cache->levelCount(), 4);
    EXPECT_EQ(cache->levelTolerance(0), 0.0);
    std::size_t previous = cache->vertexCount(0);
    for (int l = 1; l < cache->levelCount(); ++l) {
        EXPECT_GT(cache->levelTolerance(l), cache->levelTolerance(l - 1));
        EXPECT_LT(cache->vertexCount(l), previous);
        previous = cache->vertexCount(l);
        // Every original vertex is within the tolerance of the simplified ring.
        const GeometryView g = cache->geometry(0, l);
        ASSERT_EQ(g.ringCount(), 1u);
        double worst = 0;
        for (int i = 0; i < n; i += 7)
            worst = std::max(worst, distanceToRing(ring[2 * i], ring[2 * i + 1], g.ringXY(g.firstRing), g.pointCount(g.firstRing)));
        EXPECT_LE(worst, cache->levelTolerance(l) * 1.0000001) << "level " << l;
        EXPECT_EQ(cache->geometry(1, l).ringCount(), 0u);
    }
    EXPECT_EQ(cache->levelFor(0.0), 0);
    EXPECT_EQ(cache->levelFor(cache->levelTolerance(2) * 1.5), 2);
    EXPECT_EQ(cache->levelFor(1e12), cache->levelCount() - 1);
}

TEST(RenderCache, TwoPointLinesGetNoCopies)
{
    MemoryFeatureSource src("EPSG:9215", {});
    for (int i = 0; i < 1000; ++i) {
        const double xy[] = {i * 10.0, 0.0, i * 10.0 + 5, 5.0};
        src.add(i, wkb::lineString(xy), {});
    }
    const auto cache = LayerCache::build(src, vn2000());
    EXPECT_EQ(cache->kind(), GeometryKind::Line);
    EXPECT_EQ(cache->levelCount(), 1);
    EXPECT_EQ(cache->vertexCount(), 2000u);
    // The label point of a line is halfway along it.
    EXPECT_DOUBLE_EQ(cache->labelPoint(3).x(), 32.5);
    EXPECT_DOUBLE_EQ(cache->labelPoint(3).y(), 2.5);
}

TEST(RenderCache, QueryMatchesBruteForce)
{
    MemoryFeatureSource src("EPSG:9215", {});
    std::vector<Extent> boxes;
    std::uint32_t seed = 12345;
    auto rnd = [&seed] {
        seed = seed * 1664525u + 1013904223u;
        return double(seed >> 8) / double(1u << 24);
    };
    for (int i = 0; i < 5000; ++i) {
        const double x = rnd() * 10000, y = rnd() * 10000, s = 1 + rnd() * 200;
        src.add(i, wkb::polygon({square(x, y, s)}), {});
        boxes.emplace_back(x, y, x + s, y + s);
    }
    const auto cache = LayerCache::build(src, vn2000());
    std::vector<std::uint32_t> got;
    for (int q = 0; q < 50; ++q) {
        const double x = rnd() * 10000, y = rnd() * 10000;
        const Extent e(x, y, x + rnd() * 3000, y + rnd() * 3000);
        cache->query(e, got);
        std::vector<std::uint32_t> want;
        for (std::uint32_t i = 0; i < boxes.size(); ++i)
            if (boxes[i].intersects(e)) want.push_back(i);
        EXPECT_EQ(got, want) << "query " << q;
    }
    cache->query(Extent(-1e9, -1e9, 1e9, 1e9), got);
    EXPECT_EQ(got.size(), 5000u);
    cache->query(Extent(2e6, 2e6, 3e6, 3e6), got);
    EXPECT_TRUE(got.empty());
}

TEST(RenderCache, SymbolIndicesAreRemembered)
{
    MemoryFeatureSource src("EPSG:9215", {"status"});
    src.add(1, wkb::point(0, 0), {QString("đang thi công")});
    src.add(2, wkb::point(1, 0), {QString("hoàn thành")});
    src.add(3, wkb::point(2, 0), {QVariant()});
    const auto cache = LayerCache::build(src, vn2000());
    const std::vector<QVariant> vals{QString("hoàn thành"), QString("đang thi công")};
    const auto style = style::FeatureStyle::categorized("status", vals, style::ColorRamp::named("Categories"));
    const auto a = cache->symbolIndices(style);
    EXPECT_EQ(*a, (std::vector<std::int32_t>{1, 0, -1}));
    EXPECT_EQ(cache->symbolIndices(style), a);  // same object: computed once
    auto other = style;
    other.otherSymbol = style::Symbol{};
    EXPECT_EQ(*cache->symbolIndices(other), (std::vector<std::int32_t>{1, 0, 2}));
    EXPECT_GT(cache->memoryBytes(), 0u);
}

TEST(RenderCache, PoleOfInaccessibilityOfAnUShape)
{
    // A U: the centroid (in the notch) is outside; the label must not be.
    const std::vector<double> u{0, 0, 300, 0, 300, 300, 200, 300, 200, 100, 100, 100, 100, 300, 0, 300, 0, 0};
    MemoryFeatureSource src("EPSG:9215", {});
    src.add(1, wkb::polygon({u}), {});
    src.add(2, wkb::polygon({circle(1000, 1000, 50, 64)}), {});
    const auto cache = LayerCache::build(src, vn2000());
    const QPointF p = cache->labelPoint(0);
    const bool inNotch = p.x() > 100 && p.x() < 200 && p.y() > 100;
    EXPECT_FALSE(inNotch) << p.x() << " " << p.y();
    EXPECT_GT(distanceToRing(p.x(), p.y(), u.data(), u.size() / 2 - 1), 40.0);  // best possible is 50
    const QPointF c = cache->labelPoint(1);
    EXPECT_NEAR(c.x(), 1000, 2.0);
    EXPECT_NEAR(c.y(), 1000, 2.0);
}
