#include "planmap/geo/PreparedGeometry.h"

#include <gtest/gtest.h>

#include <random>

using namespace planmap::geo;

TEST(PreparedGeometry, PointInPolygonAgreesWithPlainPredicates) {
    const Geometry donut = Geometry::fromWkt(
        "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (3 3, 7 3, 7 7, 3 7, 3 3))");
    PreparedGeometry prepared(donut);
    EXPECT_TRUE(prepared.contains(1, 1));
    EXPECT_FALSE(prepared.contains(5, 5));    // in the hole
    EXPECT_FALSE(prepared.contains(0, 5));    // on the boundary
    EXPECT_TRUE(prepared.covers(0, 5));
    EXPECT_FALSE(prepared.contains(11, 5));   // outside the envelope
    EXPECT_TRUE(prepared.intersects(Geometry::fromWkt("LINESTRING (-1 -1, 1 1)")));
    EXPECT_TRUE(prepared.contains(Geometry::rectangle({1, 1, 2, 2})));
    EXPECT_FALSE(prepared.contains(Geometry::rectangle({1, 1, 4, 4})));
    EXPECT_TRUE(prepared.covers(Geometry::rectangle({0, 0, 1, 1})));

    std::mt19937 rng(42);
    std::uniform_real_distribution<double> coord(-1.0, 11.0);
    for (int i = 0; i < 2000; ++i) {
        const double x = coord(rng), y = coord(rng);
        const Geometry p = Geometry::point(x, y);
        EXPECT_EQ(prepared.contains(x, y), donut.contains(p)) << x << " " << y;
        EXPECT_EQ(prepared.covers(x, y), donut.covers(p)) << x << " " << y;
    }

    PreparedGeometry moved = std::move(prepared);
    EXPECT_TRUE(moved.contains(1, 1));
    EXPECT_EQ(moved.envelope(), Envelope(0, 0, 10, 10));
}
