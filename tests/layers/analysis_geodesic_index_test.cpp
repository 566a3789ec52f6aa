// GeodesicIndex: the lower-bound plane really bounds geodesic distances, and
// nearest / within searches agree with brute force on random data (fixed
// seeds), including points closest to a segment's interior.

#include "planmap/layers/analysis/AnalysisRun.h"
#include "planmap/layers/analysis/GeodesicIndex.h"

#include "planmap/geo/Geodesic.h"
#include "planmap/geo/Geometry.h"

#include <geodesic.h>

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

using namespace planmap::layers::analysis;
namespace geo = planmap::geo;

namespace {

double uniform(std::mt19937_64& rng, double lo, double hi) {
    return lo + (hi - lo) * (double(rng() >> 11) * (1.0 / 9007199254740992.0));
}

/// The point at `distance` metres from (lon, lat) along `azimuth` (PROJ's geod_direct, WGS 84).
geo::XY direct(double lon, double lat, double azimuth, double distance) {
    geod_geodesic g;
    geod_init(&g, 6378137.0, 1.0 / 298.257223563);
    double lat2 = 0, lon2 = 0;
    geod_direct(&g, lat, lon, azimuth, distance, &lat2, &lon2, nullptr);
    return {lon2, lat2};
}

struct Area {
    double west, south, east, north;
};
constexpr Area kLangSon{106.1, 21.3, 107.4, 22.5};

} // namespace

TEST(LowerBoundPlane, PlanarDistanceNeverExceedsGeodesic) {
    const geo::Geodesic geodesic;
    std::mt19937_64 rng(1);
    const Area areas[] = {kLangSon, Area{102.0, 8.0, 110.0, 23.5}, Area{0.0, 58.0, 12.0, 64.0}, Area{-5, -5, 5, 5}};
    for (std::size_t k = 0; k < std::size(areas); ++k) {
        const Area& area = areas[k];
        const LowerBoundPlane plane(geo::Envelope(area.west, area.south, area.east, area.north), geodesic);
        double worst = 0.0;
        for (int i = 0; i < 20000; ++i) {
            const double lon1 = uniform(rng, area.west, area.east), lat1 = uniform(rng, area.south, area.north);
            // Mostly short pairs (what the analyses measure), some across the whole area.
            const double reach = (i % 10 == 0) ? 1.0 : 0.02;
            const double lon2 = std::clamp(lon1 + uniform(rng, -reach, reach) * (area.east - area.west), area.west, area.east);
            const double lat2 = std::clamp(lat1 + uniform(rng, -reach, reach) * (area.north - area.south), area.south, area.north);
            const geo::XY a = plane.toPlane(lon1, lat1), b = plane.toPlane(lon2, lat2);
            const double planar = std::hypot(b.x - a.x, b.y - a.y);
            const double g = geodesic.distance(lon1, lat1, lon2, lat2);
            ASSERT_LE(planar, g) << lon1 << " " << lat1 << " -> " << lon2 << " " << lat2;
            if (g > 1000.0) worst = std::max(worst, 1.0 - planar / g);
        }
        // Over a province the bound is tight enough to prune well (at most 2 %
        // below the geodesic), over Vietnam still usable; elsewhere only the bound matters.
        if (k == 0) EXPECT_LT(worst, 0.02);
        if (k == 1) EXPECT_LT(worst, 0.15);
    }
}

TEST(LowerBoundPlane, RejectsPolesAntimeridianAndPointsOutsideTheBand) {
    const geo::Geodesic geodesic;
    EXPECT_THROW(LowerBoundPlane(geo::Envelope(), geodesic), AnalysisError);
    EXPECT_THROW(LowerBoundPlane(geo::Envelope(-170, 0, 170, 1), geodesic), AnalysisError);
    EXPECT_THROW(LowerBoundPlane(geo::Envelope(0, 80, 1, 88.8), geodesic), AnalysisError);
    const LowerBoundPlane plane(geo::Envelope(106, 21, 107, 22), geodesic);
    GeodesicPointIndex index(plane, geodesic);
    index.add(106.5, 21.5);
    EXPECT_THROW((void)index.nearest(106.5, 30.0), AnalysisError);
    EXPECT_THROW(index.add(106.5, 10.0), AnalysisError);
}

TEST(GeodesicPointIndex, NearestAndWithinAgreeWithBruteForce) {
    const geo::Geodesic geodesic;
    const LowerBoundPlane plane(geo::Envelope(kLangSon.west, kLangSon.south, kLangSon.east, kLangSon.north), geodesic);
    std::mt19937_64 rng(20230305);
    for (const std::size_t count : {1u, 7u, 300u, 1500u}) {
        GeodesicPointIndex index(plane, geodesic);
        std::vector<geo::XY> points;
        for (std::size_t i = 0; i < count; ++i) {
            // Half of them in a tight cluster, where the planar and geodesic orders differ most easily.
            const bool clustered = i % 2 == 0;
            const geo::XY p = clustered ? geo::XY{uniform(rng, 106.70, 106.72), uniform(rng, 21.80, 21.82)}
                                        : geo::XY{uniform(rng, kLangSon.west, kLangSon.east), uniform(rng, kLangSon.south, kLangSon.north)};
            points.push_back(p);
            index.add(p.x, p.y);
        }
        index.build();
        for (int q = 0; q < 150; ++q) {
            const double lon = q % 2 ? uniform(rng, 106.69, 106.73) : uniform(rng, kLangSon.west, kLangSon.east);
            const double lat = q % 2 ? uniform(rng, 21.79, 21.83) : uniform(rng, kLangSon.south, kLangSon.north);
            std::size_t best = 0;
            double bestDistance = std::numeric_limits<double>::infinity();
            for (std::size_t i = 0; i < points.size(); ++i) {
                const double d = geodesic.distance(lon, lat, points[i].x, points[i].y);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = i;
                }
            }
            const auto hit = index.nearest(lon, lat);
            ASSERT_TRUE(hit.has_value());
            EXPECT_EQ(hit->index, best) << "query " << q << " among " << count;
            EXPECT_EQ(hit->distance, bestDistance);

            const double radius = q % 3 == 0 ? 500.0 : 5000.0;
            std::vector<std::size_t> expected;
            for (std::size_t i = 0; i < points.size(); ++i)
                if (geodesic.distance(lon, lat, points[i].x, points[i].y) <= radius) expected.push_back(i);
            std::vector<std::size_t> got;
            double previous = 0.0;
            for (const auto& h : index.within(lon, lat, radius)) {
                got.push_back(h.index);
                EXPECT_GE(h.distance, previous);  // sorted by distance
                previous = h.distance;
            }
            std::sort(got.begin(), got.end());
            EXPECT_EQ(got, expected);
        }
    }
}

TEST(GeodesicPointIndex, EmptyIndexFindsNothing) {
    const geo::Geodesic geodesic;
    const LowerBoundPlane plane(geo::Envelope(106, 21, 107, 22), geodesic);
    GeodesicPointIndex index(plane, geodesic);
    EXPECT_FALSE(index.nearest(106.5, 21.5).has_value());
    EXPECT_TRUE(index.within(106.5, 21.5, 1e6).empty());
}

TEST(GeodesicLineIndex, VillageThreeKilometresFromTheInteriorOfASegment) {
    const geo::Geodesic geodesic;
    // A north-south road through (106.76, 21.85), 10 km long, its vertices 5 km either side.
    const geo::XY middle{106.76, 21.85};
    const geo::XY south = direct(middle.x, middle.y, 180.0, 5000.0);
    const geo::XY north = direct(middle.x, middle.y, 0.0, 5000.0);
    // The village: 3 km east of the middle, along the geodesic perpendicular to the road there.
    const double azimuth = geodesic.inverse(middle.x, middle.y, north.x, north.y).azimuth1 + 90.0;
    const geo::XY village = direct(middle.x, middle.y, azimuth, 3000.0);

    const LowerBoundPlane plane(geo::Envelope(106.6, 21.7, 106.9, 22.0), geodesic);
    GeodesicLineIndex roads(plane, geodesic);
    const std::vector<double> line{south.x, south.y, north.x, north.y};
    roads.addLine(line);
    roads.build();
    const auto hit = roads.nearest(village.x, village.y);
    ASSERT_TRUE(hit.has_value());
    EXPECT_NEAR(hit->distance, 3000.0, 1e-3);
    // Not the distance to a vertex (which is about 5.83 km)...
    EXPECT_GT(geodesic.distance(village.x, village.y, north.x, north.y), 5800.0);
    // ...but to the point in the middle of the segment, 5 km along the road.
    EXPECT_NEAR(hit->point.x, middle.x, 1e-7);
    EXPECT_NEAR(hit->point.y, middle.y, 1e-7);
    EXPECT_NEAR(hit->offset, 5000.0, 1e-3);
    EXPECT_NEAR(roads.lineLength(0), 10000.0, 1e-6);
}

TEST(GeodesicLineIndex, NearestAgreesWithBruteForceOnRandomRoads) {
    const geo::Geodesic geodesic;
    std::mt19937_64 rng(59);
    // Lạng Sơn, and a high-latitude area with long east-west segments, where a
    // geodesic's image strays furthest from its chord.
    struct Case {
        Area area;
        double segmentDegrees;
    };
    for (const Case c : {Case{kLangSon, 0.02}, Case{Area{0.0, 58.0, 12.0, 64.0}, 2.0}}) {
        const Area& a = c.area;
        const LowerBoundPlane plane(geo::Envelope(a.west, a.south, a.east, a.north), geodesic);
        GeodesicLineIndex index(plane, geodesic);
        std::vector<geo::Geometry> lines;
        for (int l = 0; l < 150; ++l) {
            std::vector<double> xy;
            double lon = uniform(rng, a.west, a.east), lat = uniform(rng, a.south, a.north);
            const int vertices = 2 + int(rng() % 6);
            for (int v = 0; v < vertices; ++v) {
                xy.push_back(lon);
                xy.push_back(lat);
                lon = std::clamp(lon + uniform(rng, -c.segmentDegrees, c.segmentDegrees), a.west, a.east);
                lat = std::clamp(lat + uniform(rng, -c.segmentDegrees, c.segmentDegrees) * 0.3, a.south, a.north);
            }
            index.addLine(xy);
            lines.push_back(geo::Geometry::lineString(xy));
        }
        index.build();
        for (int q = 0; q < 120; ++q) {
            const double lon = uniform(rng, a.west, a.east), lat = uniform(rng, a.south, a.north);
            double bestDistance = std::numeric_limits<double>::infinity();
            std::size_t best = 0;
            for (std::size_t i = 0; i < lines.size(); ++i) {
                const double d = geodesic.distanceTo(lon, lat, lines[i]);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = i;
                }
            }
            const auto hit = index.nearest(lon, lat);
            ASSERT_TRUE(hit.has_value());
            EXPECT_NEAR(hit->distance, bestDistance, 1e-6 + 1e-12 * bestDistance) << "query " << q;
            EXPECT_EQ(hit->line, best);
            // The point found lies at that distance, `offset` along its line.
            EXPECT_NEAR(geodesic.distance(lon, lat, hit->point.x, hit->point.y), hit->distance, 1e-6);
            EXPECT_GE(hit->offset, 0.0);
            EXPECT_LE(hit->offset, index.lineLength(hit->line) + 1e-9);
        }
    }
}
