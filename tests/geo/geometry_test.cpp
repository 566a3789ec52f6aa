#include "planmap/geo/Geometry.h"

#include "planmap/geo/Transform.h"

#include <gtest/gtest.h>

#include <optional>
#include <thread>

using namespace planmap::geo;

TEST(Geometry, WktAndWkbRoundTrip) {
    const Geometry g = Geometry::fromWkt("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 4 2, 4 4, 2 4, 2 2))");
    EXPECT_EQ(g.type(), GeometryType::Polygon);
    EXPECT_STREQ(g.typeName(), "Polygon");
    EXPECT_EQ(g.dimension(), 2);
    EXPECT_FALSE(g.isEmpty());
    EXPECT_FALSE(g.hasZ());
    EXPECT_EQ(g.numPoints(), 10u);
    const std::vector<std::uint8_t> wkb = g.toWkb();
    ASSERT_GT(wkb.size(), 9u);
    EXPECT_EQ(wkb[0], 1);  // little endian
    const Geometry back = Geometry::fromWkb(wkb);
    EXPECT_TRUE(back.equalsExact(g));
    EXPECT_EQ(Geometry::fromWkt(g.toWkt()).toWkt(), g.toWkt());
    EXPECT_EQ(Geometry::point(106.5, 21.25).toWkt(), "POINT (106.5 21.25)");
    EXPECT_EQ(Geometry::point(1.23456, 2).toWkt(2), "POINT (1.23 2)");
}

TEST(Geometry, ThreeDimensionalWkb) {
    const Geometry g = Geometry::fromWkt("LINESTRING Z (0 0 5, 1 1 6)");
    EXPECT_TRUE(g.hasZ());
    const Geometry back = Geometry::fromWkb(g.toWkb());
    EXPECT_TRUE(back.hasZ());
    EXPECT_TRUE(back.equalsExact(g));
    const CoordinateBuffer b = back.coordinates();
    ASSERT_EQ(b.xy.size(), 4u);  // 2D access
    EXPECT_EQ(b.xy[2], 1.0);
}

TEST(Geometry, MalformedInputThrows) {
    EXPECT_THROW((void)Geometry::fromWkt("POLYGON ((0 0, 1 1"), GeometryError);
    EXPECT_THROW((void)Geometry::fromWkt("banana"), GeometryError);
    const std::vector<std::uint8_t> junk{1, 2, 3, 4, 5};
    EXPECT_THROW((void)Geometry::fromWkb(junk), GeometryError);
    const std::vector<double> odd{0, 0, 1};
    EXPECT_THROW((void)Geometry::lineString(odd), GeometryError);
    const std::vector<std::vector<double>> tooSmall{{0, 0, 1, 1}};
    EXPECT_THROW((void)Geometry::polygon(tooSmall), GeometryError);
}

TEST(Geometry, Builders) {
    const std::vector<double> xy{0, 0, 3, 4};
    const Geometry line = Geometry::lineString(xy);
    EXPECT_DOUBLE_EQ(line.length(), 5.0);
    const std::vector<std::vector<double>> rings{{0, 0, 4, 0, 4, 4, 0, 4}, {1, 1, 2, 1, 2, 2, 1, 2, 1, 1}};
    const Geometry poly = Geometry::polygon(rings);  // first ring closed automatically
    EXPECT_DOUBLE_EQ(poly.area(), 15.0);
    EXPECT_TRUE(poly.isValid());
    const Geometry rect = Geometry::rectangle({1, 2, 3, 5});
    EXPECT_DOUBLE_EQ(rect.area(), 6.0);
    EXPECT_TRUE(Geometry::rectangle(Envelope()).isEmpty());
    EXPECT_TRUE(Geometry::empty(GeometryType::MultiPolygon).isEmpty());
    EXPECT_EQ(Geometry::empty(GeometryType::MultiPolygon).type(), GeometryType::MultiPolygon);

    std::vector<Geometry> parts;
    parts.push_back(Geometry::rectangle({0, 0, 1, 1}));
    parts.push_back(Geometry::fromWkt("MULTIPOLYGON (((5 5, 6 5, 6 6, 5 5)))"));
    const Geometry multi = Geometry::collect(std::move(parts));
    EXPECT_EQ(multi.type(), GeometryType::MultiPolygon);
    EXPECT_EQ(multi.numGeometries(), 2);
    std::vector<Geometry> mixed;
    mixed.push_back(Geometry::point(0, 0));
    mixed.push_back(line);
    EXPECT_EQ(Geometry::collect(std::move(mixed)).type(), GeometryType::GeometryCollection);
}

TEST(Geometry, EnvelopeAndParts) {
    const Geometry g = Geometry::fromWkt("MULTIPOINT ((1 2), (3 -4))");
    const Envelope e = g.envelope();
    EXPECT_EQ(e, Envelope(1, -4, 3, 2));
    EXPECT_EQ(g.numGeometries(), 2);
    EXPECT_EQ(g.geometryN(1).toWkt(), "POINT (3 -4)");
    EXPECT_TRUE(Geometry::empty(GeometryType::Point).envelope().isEmpty());

    Envelope grow;
    EXPECT_TRUE(grow.isEmpty());
    grow.expand(1, 1);
    grow.expand(Envelope(2, 0, 3, 0.5));
    EXPECT_EQ(grow, Envelope(1, 0, 3, 1));
    EXPECT_TRUE(grow.intersects(Envelope(3, 1, 4, 4)));  // touching corner
    EXPECT_FALSE(grow.intersects(Envelope(3.1, 1, 4, 4)));
    EXPECT_TRUE(grow.contains(2, 0.5));
    EXPECT_TRUE(grow.contains(Envelope(1.5, 0.2, 2, 0.4)));
    EXPECT_FALSE(grow.contains(Envelope(0.5, 0.2, 2, 0.4)));
    EXPECT_FALSE(Envelope().intersects(grow));
    EXPECT_EQ(grow.intersection(Envelope(2, -5, 10, 0.5)), Envelope(2, 0, 3, 0.5));
}

TEST(Geometry, CoordinatesAsFlatArrays) {
    const Geometry g = Geometry::fromWkt(
        "GEOMETRYCOLLECTION (POINT (9 9), LINESTRING (0 0, 1 1, 2 0),"
        " MULTIPOLYGON (((0 0, 10 0, 10 10, 0 0), (1 0.5, 2 0.5, 2 1, 1 0.5)), ((20 20, 21 20, 21 21, 20 20))))");
    const CoordinateBuffer b = g.coordinates();
    ASSERT_EQ(b.parts.size(), 5u);
    EXPECT_EQ(b.parts[0].kind, PartKind::Point);
    EXPECT_EQ(b.parts[1].kind, PartKind::Line);
    EXPECT_EQ(b.parts[1].count, 3u);
    EXPECT_EQ(b.parts[2].kind, PartKind::ExteriorRing);
    EXPECT_EQ(b.parts[3].kind, PartKind::InteriorRing);
    EXPECT_EQ(b.parts[4].kind, PartKind::ExteriorRing);
    EXPECT_EQ(b.pointCount(), 1u + 3u + 4u + 4u + 4u);
    EXPECT_EQ(b.data(b.parts[4])[0], 20.0);
    EXPECT_EQ(b.data(b.parts[1])[3], 1.0);

    // forEachPart sees the same parts; appendCoordinates reuses a buffer.
    std::size_t parts = 0, points = 0;
    g.forEachPart([&](PartKind, const double*, std::size_t n) {
        ++parts;
        points += n;
    });
    EXPECT_EQ(parts, 5u);
    EXPECT_EQ(points, b.pointCount());
    CoordinateBuffer reuse;
    g.appendCoordinates(reuse);
    Geometry::point(1, 2).appendCoordinates(reuse);
    EXPECT_EQ(reuse.parts.size(), 6u);
    EXPECT_EQ(reuse.parts.back().offset, b.pointCount());
}

TEST(Geometry, TransformedHandlesEveryType) {
    const Transform t(Crs::fromEpsg(4326), Crs::fromEpsg(9215));
    const char* wkts[] = {
        "POINT (106.7615 21.8537)",
        "LINESTRING (106.7615 21.8537, 106.8 21.9)",
        "POLYGON ((106.7 21.8, 106.8 21.8, 106.8 21.9, 106.7 21.8), (106.77 21.81, 106.79 21.81, 106.79 21.83, 106.77 21.81))",
        "MULTIPOINT ((106.7615 21.8537), (106.8 21.9))",
        "MULTILINESTRING ((106.7 21.8, 106.8 21.9), (106.6 21.7, 106.65 21.75))",
        "MULTIPOLYGON (((106.7 21.8, 106.8 21.8, 106.8 21.9, 106.7 21.8)), ((106.5 21.5, 106.6 21.5, 106.6 21.6, 106.5 21.5)))",
        "GEOMETRYCOLLECTION (POINT (106.7615 21.8537), LINESTRING (106.7 21.8, 106.8 21.9))",
        "POINT Z (106.7615 21.8537 250)",
        "POLYGON EMPTY",
    };
    for (const char* wkt : wkts) {
        const Geometry g = Geometry::fromWkt(wkt);
        const Geometry p = g.transformed(t);
        EXPECT_EQ(p.type(), g.type()) << wkt;
        EXPECT_EQ(p.numPoints(), g.numPoints()) << wkt;
        EXPECT_EQ(p.hasZ(), g.hasZ()) << wkt;
        const CoordinateBuffer a = g.coordinates(), b = p.coordinates();
        ASSERT_EQ(a.parts.size(), b.parts.size()) << wkt;
        for (std::size_t i = 0; i < a.pointCount(); ++i) {
            const XY expected = t.forward(a.xy[2 * i], a.xy[2 * i + 1]);
            EXPECT_DOUBLE_EQ(b.xy[2 * i], expected.x) << wkt;
            EXPECT_DOUBLE_EQ(b.xy[2 * i + 1], expected.y) << wkt;
        }
        const Geometry back = p.transformed(t, Direction::Inverse);
        EXPECT_TRUE(back.equalsExact(g, 1e-8)) << wkt;
    }
    const Geometry checkPoint = Geometry::fromWkt("POINT (106.7615 21.8537)").transformed(t);
    EXPECT_NEAR(checkPoint.envelope().minx, 449314.377, 0.01);
    EXPECT_NEAR(checkPoint.envelope().miny, 2417549.695, 0.01);
    EXPECT_NE(Geometry::fromWkt("POINT Z (106.7615 21.8537 250)").transformed(t).toWkt().find(" 250)"), std::string::npos);

    const Transform toUtm(Crs::fromEpsg(4326), Crs::fromEpsg(3405));
    EXPECT_THROW((void)Geometry::fromWkt("LINESTRING (106 21, 500 95)").transformed(toUtm), TransformError);
}

TEST(Geometry, Operations) {
    const Geometry a = Geometry::rectangle({0, 0, 2, 2});
    const Geometry b = Geometry::rectangle({1, 1, 3, 3});
    EXPECT_DOUBLE_EQ(a.intersection(b).area(), 1.0);
    EXPECT_DOUBLE_EQ(a.unionWith(b).area(), 7.0);
    EXPECT_DOUBLE_EQ(a.difference(b).area(), 3.0);
    EXPECT_DOUBLE_EQ(a.symDifference(b).area(), 6.0);
    std::vector<Geometry> many{a, b, Geometry::rectangle({10, 10, 11, 11})};
    const Geometry u = Geometry::unaryUnion(many);
    EXPECT_DOUBLE_EQ(u.area(), 8.0);
    EXPECT_EQ(u.numGeometries(), 2);
    EXPECT_TRUE(Geometry::unaryUnion({}).isEmpty());

    EXPECT_DOUBLE_EQ(a.length(), 8.0);
    const Geometry c = a.centroid();
    EXPECT_EQ(c.toWkt(), "POINT (1 1)");
    const Geometry lShape = Geometry::fromWkt("POLYGON ((0 0, 10 0, 10 1, 1 1, 1 10, 0 10, 0 0))");
    EXPECT_FALSE(lShape.contains(lShape.centroid()));
    EXPECT_TRUE(lShape.contains(lShape.pointOnSurface()));

    const Geometry far = Geometry::point(5, 1);
    EXPECT_DOUBLE_EQ(a.distance(far), 3.0);
    const auto [onA, onFar] = a.nearestPoints(far);
    EXPECT_EQ(onA, (XY{2, 1}));
    EXPECT_EQ(onFar, (XY{5, 1}));
    EXPECT_THROW((void)a.nearestPoints(Geometry::empty(GeometryType::Point)), GeometryError);

    EXPECT_TRUE(a.intersects(b));
    EXPECT_TRUE(a.covers(Geometry::point(0, 1)));
    EXPECT_FALSE(a.contains(Geometry::point(0, 1)));
    EXPECT_TRUE(Geometry::point(1, 1).within(a));
    EXPECT_TRUE(a.equals(Geometry::fromWkt("POLYGON ((2 2, 0 2, 0 0, 2 0, 2 2))")));
    EXPECT_FALSE(a.equalsExact(Geometry::fromWkt("POLYGON ((2 2, 0 2, 0 0, 2 0, 2 2))")));
    EXPECT_DOUBLE_EQ(a.hausdorffDistance(Geometry::rectangle({0, 0, 2, 3})), 1.0);

    const Geometry circle = Geometry::point(0, 0).buffer(10.0, 16);
    EXPECT_NEAR(circle.area(), 3.14159265 * 100, 2.0);
}

TEST(Geometry, Simplification) {
    // A zigzag whose small teeth (0.1 high) disappear at tolerance 0.5.
    const Geometry zig = Geometry::fromWkt("LINESTRING (0 0, 1 0.1, 2 0, 3 0.1, 4 0, 5 0.1, 6 0)");
    EXPECT_EQ(zig.simplified(0.5).numPoints(), 2u);
    EXPECT_EQ(zig.simplifiedPreservingTopology(0.5).numPoints(), 2u);
    EXPECT_EQ(zig.simplified(0.01).numPoints(), 7u);

    // A thin polygon: plain DP may collapse it, topology-preserving keeps it a valid polygon.
    const Geometry thin = Geometry::fromWkt("POLYGON ((0 0, 10 0, 10 0.2, 5 0.3, 0 0.2, 0 0))");
    const Geometry keep = thin.simplifiedPreservingTopology(1.0);
    EXPECT_TRUE(keep.isValid());
    EXPECT_FALSE(keep.isEmpty());
    EXPECT_GT(keep.area(), 0.0);
    EXPECT_TRUE(thin.simplified(1.0).isEmpty() || thin.simplified(1.0).area() < thin.area());
}

TEST(Geometry, CopyMoveAndThreads) {
    Geometry a = Geometry::rectangle({0, 0, 1, 1});
    Geometry b = a;  // deep copy
    EXPECT_NE(a.handle(), b.handle());
    Geometry c = std::move(b);
    EXPECT_TRUE(c.equalsExact(a));
    b = c;
    EXPECT_TRUE(b.equalsExact(a));

    // Each thread works on its own GEOS context.
    std::vector<double> areas(4);
    std::vector<std::thread> threads;
    for (int i = 0; i < 4; ++i) {
        threads.emplace_back([&areas, i] {
            double total = 0;
            for (int k = 0; k < 200; ++k) {
                const Geometry g = Geometry::point(k, i).buffer(1.0 + i, 8);
                total += g.unionWith(Geometry::rectangle({double(k), double(i), k + 0.5, i + 0.5})).area();
            }
            areas[i] = total;
        });
    }
    for (auto& t : threads) t.join();
    for (int i = 0; i < 4; ++i) {
        const double single = Geometry::point(0, i).buffer(1.0 + i, 8).area();
        EXPECT_NEAR(areas[i], 200 * single, 200 * single * 1e-9);
    }
}

TEST(Geometry, OutlivesItsThreadsGeosContext) {
    // A thread_local made before the thread's GEOS context is destroyed after
    // it: freeing the geometry must still work.
    std::thread t([] {
        thread_local std::optional<Geometry> kept;
        kept = Geometry::point(1, 2).buffer(1.0);
        EXPECT_FALSE(kept->isEmpty());
    });
    t.join();
    SUCCEED();
}
