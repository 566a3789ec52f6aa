#include "planmap/geo/Geodesic.h"

#include "planmap/geo/Crs.h"
#include "planmap/geo/VectorReader.h"

#include "geo_test_support.h"

#include <GeographicLib/Geodesic.hpp>
#include <GeographicLib/GeodesicLine.hpp>
#include <GeographicLib/PolygonArea.hpp>

#include <gtest/gtest.h>

#include <cmath>

using namespace planmap::geo;

namespace {

const GeographicLib::Geodesic& reference() { return GeographicLib::Geodesic::WGS84(); }

/// Independent area: GeographicLib's PolygonArea per ring, holes subtracted.
double referenceArea(const Geometry& g) {
    const CoordinateBuffer b = g.coordinates();
    double total = 0.0;
    for (const CoordinatePart& p : b.parts) {
        if (p.kind != PartKind::ExteriorRing && p.kind != PartKind::InteriorRing) continue;
        GeographicLib::PolygonArea poly(reference());
        const double* xy = b.data(p);
        for (std::size_t i = 0; i + 1 < p.count; ++i) poly.AddPoint(xy[2 * i + 1], xy[2 * i]);  // skip closing point
        double perimeter = 0, area = 0;
        poly.Compute(false, true, perimeter, area);
        total += (p.kind == PartKind::ExteriorRing ? 1 : -1) * std::fabs(area);
    }
    return total;
}

double referenceLength(const double* xy, std::size_t n) {
    double total = 0;
    for (std::size_t i = 1; i < n; ++i) {
        double s12 = 0;
        reference().Inverse(xy[2 * i - 1], xy[2 * i - 2], xy[2 * i + 1], xy[2 * i], s12);
        total += s12;
    }
    return total;
}

/// Independent point-to-polyline distance: a dense scan then golden-section
/// search along each GeographicLib geodesic segment.
double referenceDistanceToLine(double lon, double lat, const double* xy, std::size_t n) {
    double best = INFINITY;
    for (std::size_t i = 0; i + 1 < n; ++i) {
        const GeographicLib::GeodesicLine line =
            reference().InverseLine(xy[2 * i + 1], xy[2 * i], xy[2 * i + 3], xy[2 * i + 2]);
        const double L = line.Distance();
        auto dist = [&](double s) {
            double la = 0, lo = 0, d = 0;
            line.Position(s, la, lo);
            reference().Inverse(lat, lon, la, lo, d);
            return d;
        };
        const int steps = 400;
        int bestStep = 0;
        double bestValue = INFINITY;
        for (int k = 0; k <= steps; ++k) {
            const double v = dist(L * k / steps);
            if (v < bestValue) {
                bestValue = v;
                bestStep = k;
            }
        }
        double lo = L * std::max(0, bestStep - 1) / steps, hi = L * std::min(steps, bestStep + 1) / steps;
        const double r = (std::sqrt(5.0) - 1) / 2;
        for (int k = 0; k < 200 && hi - lo > 1e-9; ++k) {
            const double m1 = hi - r * (hi - lo), m2 = lo + r * (hi - lo);
            if (dist(m1) < dist(m2)) hi = m2;
            else lo = m1;
        }
        best = std::min({best, bestValue, dist((lo + hi) / 2)});
    }
    return best;
}

std::vector<Feature> communes() {
    VectorReader reader(test::langsonData("communes_2025.geojson"));
    VectorLayer layer = reader.layer();
    return layer.readAll();
}

} // namespace

TEST(Geodesic, CommuneAreasAgreeWithGeographicLib) {
    VectorReader reader(test::langsonData("communes_2025.geojson"));
    VectorLayer layer = reader.layer();
    const int areaField = layer.fieldIndex("areaKm2");
    const int nameField = layer.fieldIndex("name");
    ASSERT_GE(areaField, 0);
    ASSERT_GE(nameField, 0);
    ASSERT_TRUE(layer.crs().has_value());
    const Geodesic geodesic = Geodesic::forCrs(*layer.crs());
    EXPECT_DOUBLE_EQ(geodesic.semiMajorAxis(), 6378137.0);
    EXPECT_NEAR(1.0 / geodesic.flattening(), 298.257223563, 1e-9);

    const auto features = layer.readAll();
    ASSERT_EQ(features.size(), 65u);
    double total = 0.0, published = 0.0;
    for (const Feature& f : features) {
        ASSERT_TRUE(f.geometry.has_value());
        const double area = geodesic.area(*f.geometry);
        const double expected = referenceArea(*f.geometry);
        const std::string name = std::get<std::string>(f.values[nameField]);
        EXPECT_GT(area, 1.0e6) << name;
        EXPECT_NEAR(area, expected, expected * 1e-4) << name;
        EXPECT_DOUBLE_EQ(geodesic.areaHectares(*f.geometry), area / 1e4);
        total += area;
        published += std::get<double>(f.values[areaField]);
    }
    EXPECT_NEAR(total / 1e6, published, published * 1e-3);
}

TEST(Geodesic, AreaIgnoresOrientationAndSubtractsHoles) {
    const Geodesic g;
    const Geometry ccw = Geometry::fromWkt("POLYGON ((106 21, 107 21, 107 22, 106 22, 106 21))");
    const Geometry cw = Geometry::fromWkt("POLYGON ((106 21, 106 22, 107 22, 107 21, 106 21))");
    EXPECT_NEAR(g.area(ccw), g.area(cw), 1e-3);
    EXPECT_NEAR(g.area(ccw), referenceArea(ccw), 1e-3);
    const Geometry holed = Geometry::fromWkt(
        "POLYGON ((106 21, 107 21, 107 22, 106 22, 106 21), (106.2 21.2, 106.2 21.4, 106.4 21.4, 106.4 21.2, 106.2 21.2))");
    const Geometry hole = Geometry::fromWkt("POLYGON ((106.2 21.2, 106.2 21.4, 106.4 21.4, 106.4 21.2, 106.2 21.2))");
    EXPECT_NEAR(g.area(holed), g.area(ccw) - g.area(hole), 1e-3);
    const Geometry multi = Geometry::fromWkt(
        "MULTIPOLYGON (((106 21, 107 21, 107 22, 106 22, 106 21)), ((108 21, 108 22, 109 22, 108 21)))");
    EXPECT_NEAR(g.area(multi), g.area(ccw) + g.area(Geometry::fromWkt("POLYGON ((108 21, 108 22, 109 22, 108 21))")), 1e-3);
    EXPECT_EQ(g.area(Geometry::fromWkt("LINESTRING (106 21, 107 22)")), 0.0);
    // A one-degree cell centred on 21.5 N: a degree of latitude there is
    // 110.72 km, a degree of longitude 103.62 km.
    EXPECT_NEAR(g.area(ccw) / 1e6, 110.72 * 103.62, 5.0);
}

TEST(Geodesic, LengthAndPointDistanceAgreeWithGeographicLib) {
    const Geodesic g;
    double s12 = 0;
    reference().Inverse(21.8537, 106.7615, 22.0, 107.0, s12);
    EXPECT_NEAR(g.distance(106.7615, 21.8537, 107.0, 22.0), s12, 1e-6);
    const auto inv = g.inverse(106.7615, 21.8537, 107.0, 22.0);
    double azi1 = 0, azi2 = 0;
    reference().Inverse(21.8537, 106.7615, 22.0, 107.0, s12, azi1, azi2);
    EXPECT_NEAR(inv.azimuth1, azi1, 1e-9);
    EXPECT_NEAR(inv.azimuth2, azi2, 1e-9);

    const Geometry line = Geometry::fromWkt("MULTILINESTRING ((106.5 21.5, 106.9 21.9, 107.2 22.3), (106 22, 106.1 22.05))");
    const CoordinateBuffer b = line.coordinates();
    const double expected = referenceLength(b.data(b.parts[0]), 3) + referenceLength(b.data(b.parts[1]), 2);
    EXPECT_NEAR(g.length(line), expected, 1e-6);
    EXPECT_EQ(g.length(Geometry::rectangle({106, 21, 107, 22})), 0.0);  // polygons: use perimeter()

    const auto features = communes();
    const Geometry& commune = *features.front().geometry;
    const CoordinateBuffer cb = commune.coordinates();
    double ringLengths = 0;
    for (const auto& p : cb.parts) ringLengths += referenceLength(cb.data(p), p.count);
    EXPECT_NEAR(g.perimeter(commune), ringLengths, ringLengths * 1e-12);
}

TEST(Geodesic, DistanceToLineAgreesWithExhaustiveSearch) {
    const Geodesic g;
    const Geometry line = Geometry::fromWkt("LINESTRING (106.5 21.5, 106.9 21.9, 107.2 22.3, 107.25 22.31)");
    const CoordinateBuffer b = line.coordinates();
    const std::vector<XY> queries{{106.8, 21.6}, {106.5, 22.5}, {107.0, 21.0}, {106.4, 21.4},
                                  {107.3, 22.4}, {106.9, 21.9}, {106.70001, 21.7}};
    for (const XY& q : queries) {
        const auto found = g.closestPoint(q.x, q.y, line);
        const double expected = referenceDistanceToLine(q.x, q.y, b.xy.data(), b.pointCount());
        EXPECT_NEAR(found.distance, expected, 1e-6) << q.x << " " << q.y;
        // The reported point is at the reported distance.
        EXPECT_NEAR(g.distance(q.x, q.y, found.point.x, found.point.y), found.distance, 1e-6);
    }
    // On the line: zero.
    EXPECT_NEAR(g.distanceTo(106.9, 21.9, line), 0.0, 1e-9);

    // A long segment (about 600 km) with a point 150 km off its middle: the
    // geodesic differs visibly from any planar answer.
    const Geometry longLine = Geometry::fromWkt("LINESTRING (102 10, 106 14)");
    const CoordinateBuffer lb = longLine.coordinates();
    const double expected = referenceDistanceToLine(105, 11, lb.xy.data(), 2);
    EXPECT_NEAR(g.distanceTo(105, 11, longLine), expected, 1e-6);

    // Polygons: distance to the boundary, from inside as well.
    const Geometry square = Geometry::rectangle({106, 21, 107, 22});
    const CoordinateBuffer sb = square.coordinates();
    EXPECT_NEAR(g.distanceTo(106.5, 21.9, square), referenceDistanceToLine(106.5, 21.9, sb.xy.data(), 5), 1e-6);
    // Points: nearest point.
    const Geometry points = Geometry::fromWkt("MULTIPOINT ((106 21), (107 22))");
    EXPECT_NEAR(g.distanceTo(106.9, 21.9, points), g.distance(106.9, 21.9, 107, 22), 1e-9);
    EXPECT_THROW((void)g.distanceTo(0, 0, Geometry::empty(GeometryType::LineString)), GeometryError);
}
