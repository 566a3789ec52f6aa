// Scale bars, north arrows, grids and the Vietnamese formats of print layouts.
#include "planmap/layers/print/Cartography.h"
#include "planmap/layers/print/PrintContext.h"

#include "planmap/geo/Geodesic.h"
#include "planmap/geo/Transform.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace planmap;
using namespace planmap::layers;
using namespace planmap::layers::print;

namespace {

constexpr double kPi = 3.14159265358979323846;

/// Geodesic distance between two points of a CRS.
double groundDistance(const geo::Crs& crs, double x0, double y0, double x1, double y1)
{
    const geo::Transform t(crs, geo::Crs::fromEpsg(4326));
    const geo::XY a = t.forward(x0, y0), b = t.forward(x1, y1);
    return geo::Geodesic().distance(a.x, a.y, b.x, b.y);
}

bool isNice125(double v)
{
    const double lead = v / std::pow(10.0, std::floor(std::log10(v) + 1e-12));
    return std::abs(lead - 1) < 1e-9 || std::abs(lead - 2) < 1e-9 || std::abs(lead - 5) < 1e-9;
}

} // namespace

TEST(PrintCartography, ScaleBarClaimsTheGeodesicDistance)
{
    const geo::Crs tm3 = geo::Crs::fromEpsg(9215);
    // Stack facts check point, then the map units per millimetre of 1:250 000 and 1:25 000 on paper.
    const double cx = 449314.377, cy = 2417549.695;
    for (double unitsPerMm : {250.0, 25.0, 2500.0}) {
        const ScaleBar bar = niceScaleBar(tm3, cx, cy, unitsPerMm, 50.0);
        SCOPED_TRACE(unitsPerMm);
        EXPECT_TRUE(isNice125(bar.groundMetres)) << bar.groundMetres;
        EXPECT_LE(bar.lengthMm, 50.0 + 1e-9);
        EXPECT_GT(bar.lengthMm, 50.0 / 2.5 - 1e-9);  // 1-2-5 steps: never less than 40 % of the room
        // The bar laid across the centre spans exactly the distance it claims.
        const double half = bar.lengthMm * unitsPerMm / 2;
        const double d = groundDistance(tm3, cx - half, cy, cx + half, cy);
        EXPECT_NEAR(d, bar.groundMetres, bar.groundMetres * 1e-9);
    }
    // 1:250 000: 50 mm = 12.5 km of map units; VN-2000 TM-3 scale factor near 0.9999 → 10 km, about 40 mm.
    const ScaleBar bar = niceScaleBar(tm3, cx, cy, 250.0, 50.0);
    EXPECT_DOUBLE_EQ(bar.groundMetres, 10000.0);
    EXPECT_EQ(bar.unit, QStringLiteral("km"));
    EXPECT_EQ(bar.segments, 5);
    EXPECT_EQ(bar.tickLabel(0), QStringLiteral("0"));
    EXPECT_EQ(bar.tickLabel(5), QStringLiteral("10 km"));
    const ScaleBar metres = niceScaleBar(tm3, cx, cy, 2.5, 50.0);
    EXPECT_EQ(metres.unit, QStringLiteral("m"));
    EXPECT_DOUBLE_EQ(metres.groundMetres, 100.0);

    // Geographic display CRS: degrees of longitude shrink with the latitude.
    const geo::Crs wgs = geo::Crs::fromEpsg(4326);
    const ScaleBar g = niceScaleBar(wgs, 106.76, 21.85, 0.0025, 50.0);
    const double half = g.lengthMm * 0.0025 / 2;
    EXPECT_NEAR(groundDistance(wgs, 106.76 - half, 21.85, 106.76 + half, 21.85), g.groundMetres, g.groundMetres * 1e-6);
    EXPECT_THROW(niceScaleBar(tm3, cx, cy, 0.0, 50.0), std::invalid_argument);
}

TEST(PrintCartography, NorthArrowFollowsTheGridConvergence)
{
    const geo::Crs tm3 = geo::Crs::fromEpsg(9215);  // central meridian 107°15′
    const geo::Transform toMap(geo::Crs::fromEpsg(4326), tm3);
    for (double lon : {106.2, 106.76, 107.25, 107.35}) {
        const double lat = 21.85;
        const geo::XY p = toMap.forward(lon, lat);
        const double angle = trueNorthAngle(tm3, p.x, p.y);
        // Convergence of the transverse Mercator: tan γ = tan(λ − λ0) sin φ
        // (spherical form; the ellipsoidal terms are far below 0.001°).
        const double expected = -std::atan(std::tan((lon - 107.25) * kPi / 180) * std::sin(lat * kPi / 180)) * 180 / kPi;
        EXPECT_NEAR(angle, expected, 2e-3) << lon;
    }
    // West of the central meridian true north leans clockwise (east) of grid north.
    const geo::XY west = toMap.forward(106.3, 21.9);
    EXPECT_GT(trueNorthAngle(tm3, west.x, west.y), 0.2);
    // A geographic frame has no convergence.
    EXPECT_NEAR(trueNorthAngle(geo::Crs::fromEpsg(4326), 106.7, 21.9), 0.0, 1e-9);
}

TEST(PrintCartography, GridsAndGraticules)
{
    EXPECT_DOUBLE_EQ(niceGridInterval(100000, 5), 20000);
    EXPECT_DOUBLE_EQ(niceGridInterval(60000, 5), 10000);
    EXPECT_DOUBLE_EQ(niceGridInterval(11000, 5), 2000);
    EXPECT_DOUBLE_EQ(niceGridInterval(130000, 5), 25000);
    EXPECT_DOUBLE_EQ(niceGraticuleMinutes(1.2, 5), 15);
    EXPECT_DOUBLE_EQ(niceGraticuleMinutes(0.3, 5), 5);

    const render::Extent e(420000, 2380000, 470000, 2430000);
    const auto lines = projectedGrid(e, 10000);
    int vertical = 0, horizontal = 0;
    for (const GridLine& g : lines) (g.vertical ? vertical : horizontal)++;
    EXPECT_EQ(vertical, 6);    // 420 … 470 km
    EXPECT_EQ(horizontal, 6);  // 2380 … 2430 km

    const geo::Crs tm3 = geo::Crs::fromEpsg(9215);
    const auto grat = graticule(tm3, e, 10);
    const geo::Transform toLonLat(tm3, geo::Crs::fromEpsg(4326));
    int meridians = 0;
    for (const GridLine& g : grat) {
        ASSERT_GE(g.points.size(), 2u);
        // Every point of a meridian has its longitude; of a parallel, its latitude.
        for (const QPointF& p : g.points) {
            const geo::XY ll = toLonLat.forward(p.x(), p.y());
            EXPECT_NEAR(g.vertical ? ll.x : ll.y, g.value, 1e-7);
        }
        if (g.vertical) ++meridians;
        // Whole multiples of 10′.
        EXPECT_NEAR(std::fmod(g.value * 6 + 1e-9, 1.0), 0.0, 1e-6) << g.value;
    }
    EXPECT_GE(meridians, 3);

    EXPECT_EQ(formatDegreesMinutes(21.0 + 50.0 / 60), QStringLiteral("21°50′"));
    EXPECT_EQ(formatDegreesMinutes(106.75), QStringLiteral("106°45′"));
    EXPECT_EQ(formatDegreesMinutes(106.0 + 5.0 / 60 + 30.0 / 3600), QStringLiteral("106°05′30″"));
}

TEST(PrintCartography, VietnameseFormats)
{
    EXPECT_EQ(formatNumberVi(1238075), QStringLiteral("1.238.075"));
    EXPECT_EQ(formatNumberVi(96.1, 1), QStringLiteral("96,1"));
    EXPECT_EQ(formatNumberVi(80.0, 1), QStringLiteral("80"));
    EXPECT_EQ(formatNumberVi(-2500.25, 2), QStringLiteral("-2.500,25"));
    EXPECT_EQ(formatNumberVi(0.004, 2), QStringLiteral("0"));
    EXPECT_EQ(formatDateVi(QDate(2023, 9, 5)), QStringLiteral("05/09/2023"));
    EXPECT_EQ(officialDate(QDate(2023, 3, 5)), QStringLiteral("05/3/2023"));
    EXPECT_EQ(officialDate(QDate(2023, 12, 15)), QStringLiteral("15/12/2023"));
    EXPECT_EQ(officialDate(QDate(2024, 2, 1)), QStringLiteral("01/02/2024"));
    PlanInfo plan{QStringLiteral("Kế hoạch 59/KH-UBND"), QDate(2023, 3, 5), QStringLiteral("Chương trình")};
    EXPECT_EQ(plan.title(), QStringLiteral("Kế hoạch 59/KH-UBND ngày 05/3/2023"));
    plan.date = QDate();
    EXPECT_EQ(plan.title(), QStringLiteral("Kế hoạch 59/KH-UBND"));
}
