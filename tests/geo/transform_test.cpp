#include "planmap/geo/Transform.h"

#include <gtest/gtest.h>

#include <cmath>
#include <thread>
#include <vector>

using namespace planmap::geo;

namespace {
// Check point of Lạng Sơn's grid (EPSG's VN-2000 -> WGS 84 7-parameter transformation).
constexpr double kLon = 106.7615, kLat = 21.8537;
constexpr double kEasting = 449314.377, kNorthing = 2417549.695;
} // namespace

TEST(Transform, CheckPointWgs84ToVn2000Tm3) {
    const Transform t(Crs::fromEpsg(4326), Crs::fromEpsg(9215));
    EXPECT_FALSE(t.isIdentity());
    const XY p = t.forward(kLon, kLat);
    EXPECT_NEAR(p.x, kEasting, 0.01);
    EXPECT_NEAR(p.y, kNorthing, 0.01);

    const XY back = t.inverse(kEasting, kNorthing);
    EXPECT_NEAR(back.x, kLon, 1e-7);
    EXPECT_NEAR(back.y, kLat, 1e-7);
}

TEST(Transform, UsesTheSevenParameterDatumShift) {
    // Without the datum shift (same ellipsoid, no Helmert) the point would be
    // about 100 m away; make sure PROJ applied EPSG's transformation.
    const Transform t(Crs::fromEpsg(4326), Crs::fromEpsg(9215));
    EXPECT_NE(t.description().find("VN-2000 to WGS 84"), std::string::npos) << t.description();
    const Transform geographic(Crs::fromEpsg(4326), Crs::fromEpsg(4756));
    const XY vn = geographic.forward(kLon, kLat);
    EXPECT_GT(std::hypot(vn.x - kLon, vn.y - kLat), 1e-4);  // a real shift
}

TEST(Transform, ArraysInterleavedAndInverse) {
    const Transform t(Crs::fromEpsg(4326), Crs::fromEpsg(9215));
    std::vector<double> xs{kLon, 106.5, 107.0}, ys{kLat, 22.0, 21.6};
    const std::vector<double> x0 = xs, y0 = ys;
    EXPECT_EQ(t.forward(xs.data(), ys.data(), xs.size()), 0u);
    EXPECT_NEAR(xs[0], kEasting, 0.01);
    EXPECT_NEAR(ys[0], kNorthing, 0.01);
    for (std::size_t i = 0; i < xs.size(); ++i) {
        const XY single = t.forward(x0[i], y0[i]);
        EXPECT_DOUBLE_EQ(xs[i], single.x);
        EXPECT_DOUBLE_EQ(ys[i], single.y);
    }
    std::vector<double> xy{kLon, kLat, 106.5, 22.0};
    EXPECT_EQ(t.forwardInterleaved(xy.data(), 2), 0u);
    EXPECT_DOUBLE_EQ(xy[0], xs[0]);
    EXPECT_DOUBLE_EQ(xy[3], ys[1]);
    EXPECT_EQ(t.inverse(xs.data(), ys.data(), xs.size()), 0u);
    for (std::size_t i = 0; i < xs.size(); ++i) {
        EXPECT_NEAR(xs[i], x0[i], 1e-8);
        EXPECT_NEAR(ys[i], y0[i], 1e-8);
    }
    EXPECT_EQ(t.inverseInterleaved(xy.data(), 2), 0u);
    EXPECT_NEAR(xy[0], kLon, 1e-8);
}

TEST(Transform, FailuresAreReported) {
    const Transform t(Crs::fromEpsg(4326), Crs::fromEpsg(3405));
    std::vector<double> xs{106.0, 500.0}, ys{21.0, 95.0};
    EXPECT_EQ(t.forward(xs.data(), ys.data(), 2), 1u);
    EXPECT_TRUE(std::isfinite(xs[0]));
    EXPECT_TRUE(std::isinf(xs[1]));
    try {
        (void)t.forward(500.0, 95.0);
        FAIL() << "no error";
    } catch (const TransformError& e) {
        EXPECT_NE(std::string(e.what()).find("(500 95)"), std::string::npos) << e.what();
    }
}

TEST(Transform, IdentityPassesThrough) {
    const Transform t(Crs::fromEpsg(9215), Crs::fromUserInput("EPSG:9215"));
    EXPECT_TRUE(t.isIdentity());
    const XY p = t.forward(1.5, 2.5);
    EXPECT_EQ(p.x, 1.5);
    EXPECT_EQ(p.y, 2.5);
}

TEST(Transform, LatitudeFirstCrsIsNormalised) {
    // EPSG:4756 officially has latitude first; planmap always uses lon, lat.
    const Transform t(Crs::fromEpsg(4756), Crs::fromEpsg(9215));
    const XY p = t.forward(107.25, 22.0);
    EXPECT_NEAR(p.x, 500000.0, 1e-6);  // on the central meridian
    EXPECT_GT(p.y, 2.4e6);
}

TEST(Transform, Bounds) {
    const Transform t(Crs::fromEpsg(4326), Crs::fromEpsg(9215));
    const Envelope box(106.0, 21.3, 107.4, 22.5);
    const Envelope out = t.transformBounds(box);
    // Every corner and edge midpoint lies inside the result.
    for (double x : {106.0, 106.7, 107.4}) {
        for (double y : {21.3, 21.9, 22.5}) {
            const XY p = t.forward(x, y);
            EXPECT_TRUE(out.contains(p)) << x << " " << y;
        }
    }
    const Envelope back = t.transformBounds(out, Direction::Inverse);
    EXPECT_TRUE(back.buffered(1e-9).contains(box));
}

TEST(Transform, ClonesWorkOnOtherThreads) {
    const Transform t(Crs::fromEpsg(4326), Crs::fromEpsg(9215));
    std::vector<XY> results(4);
    std::vector<std::thread> threads;
    for (int i = 0; i < 4; ++i) {
        threads.emplace_back([&, i, clone = t.clone()]() mutable {
            for (int k = 0; k < 200; ++k) results[i] = clone.forward(kLon, kLat);
        });
    }
    for (auto& th : threads) th.join();
    for (const XY& r : results) {
        EXPECT_NEAR(r.x, kEasting, 0.01);
        EXPECT_NEAR(r.y, kNorthing, 0.01);
    }
}

TEST(Transform, NamesTheOperationUsedForTheLastPoint) {
    // From VN-2000 / UTM 48N PROJ keeps several EPSG operations and picks one
    // per point by area of use: before a point it has no name for it.
    const Transform t(Crs::fromEpsg(3405), Crs::fromEpsg(4326));
    EXPECT_EQ(t.lastOperationUsed(), t.description());
    EXPECT_NE(t.description().find("chosen by PROJ per point"), std::string::npos) << t.description();
    EXPECT_EQ(t.description().find("unavailable"), std::string::npos) << t.description();  // PROJ's placeholder
    // Lạng Sơn city in UTM 48N metres (zone 48's meridian is 105°E: some 183 km west).
    const XY p = t.forward(683000, 2418000);
    EXPECT_NEAR(p.x, 106.76, 0.05);
    EXPECT_NEAR(p.y, 21.85, 0.05);
    const std::string used = t.lastOperationUsed();
    EXPECT_NE(used.find("VN-2000 to WGS 84"), std::string::npos) << used;
    EXPECT_NE(used, t.description());
}
