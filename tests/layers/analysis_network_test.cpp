// RoadNetwork and network distances of the underserved analysis on tiny road
// graphs whose answers are worked out by hand.

#include "planmap/layers/analysis/RoadNetwork.h"
#include "planmap/layers/analysis/Underserved.h"

#include "planmap/geo/Geodesic.h"

#include <gtest/gtest.h>

using namespace planmap::layers::analysis;
namespace geo = planmap::geo;

namespace {

RoadLine road(std::int64_t id, std::vector<double> lonLat, bool hardened = true) {
    RoadLine r;
    r.id = id;
    r.layer = "roads";
    r.name = "Đường " + std::to_string(id);
    r.lonLat = std::move(lonLat);
    r.hardened = hardened;
    return r;
}

VillageInput village(std::int64_t id, double lon, double lat) {
    VillageInput v;
    v.id = id;
    v.name = "Thôn " + std::to_string(id);
    v.lon = lon;
    v.lat = lat;
    return v;
}

ServicePoint market(std::int64_t id, double lon, double lat) {
    ServicePoint p;
    p.id = id;
    p.layer = "markets";
    p.name = "Chợ " + std::to_string(id);
    p.lon = lon;
    p.lat = lat;
    return p;
}

} // namespace

// A U-shaped road: west arm (106.70, 21.80)-(106.70, 21.90), bottom... rather
// a road going north on the west arm, east along the top, south on the east
// arm, as three lines meeting at their ends. The village sits at the foot of
// the west arm and the market at the foot of the east arm: 2 km apart in a
// straight line, but the road goes round.
TEST(NetworkDistance, GoesRoundTheRoadWhileTheStraightLineCutsAcross) {
    const geo::Geodesic geodesic;
    const double w = 106.70, e = 106.72, s = 21.80, n = 21.90;
    AccessInputs in;
    in.roads.push_back(road(1, {w, s, w, n}));
    in.roads.push_back(road(2, {w, n, e, n}));
    in.roads.push_back(road(3, {e, n, e, s}));
    in.villages.push_back(village(10, w, s));
    in.servicePoints(Service::Market).push_back(market(20, e, s));

    const UnderservedResult r = analyzeUnderserved(in, UnderservedSettings{});
    ASSERT_TRUE(r.network.computed) << r.network.note;
    EXPECT_EQ(r.network.lines, 3u);
    EXPECT_EQ(r.network.junctions, 2u);
    EXPECT_EQ(r.network.components, 1u);
    const ServiceDistance& d = r.villages.at(0).distance(Service::Market);
    const double straight = geodesic.distance(w, s, e, s);
    const double around = geodesic.distance(w, s, w, n) + geodesic.distance(w, n, e, n) + geodesic.distance(e, n, e, s);
    ASSERT_TRUE(d.straightLineM && d.networkM);
    EXPECT_NEAR(*d.straightLineM, straight, 1e-6);
    EXPECT_NEAR(*d.networkM, around, 1e-6);
    EXPECT_GT(*d.networkM, 10.0 * *d.straightLineM);
    EXPECT_EQ(d.networkNearestId, 20);
    // The score uses the straight line unless asked otherwise, and says which.
    EXPECT_EQ(d.scoredKind, DistanceKind::StraightLine);

    UnderservedSettings network;
    network.score.preferNetworkDistance = true;
    const UnderservedResult rn = analyzeUnderserved(in, network);
    EXPECT_EQ(rn.villages.at(0).distance(Service::Market).scoredKind, DistanceKind::Network);
    EXPECT_GT(rn.villages.at(0).score, r.villages.at(0).score);
}

TEST(NetworkDistance, IncludesTheLegsToAndFromTheRoadAndUsesTheSameLineDirectly) {
    const geo::Geodesic geodesic;
    // One straight road; the village 300 m west of it, the market 200 m east of it, further north.
    const double x = 106.80;
    AccessInputs in;
    in.roads.push_back(road(1, {x, 21.70, x, 21.75}));
    in.roads.push_back(road(2, {x, 21.75, x, 21.80}));  // meets road 1 at its end: connectivity
    const double villageLon = x - 300.0 / 103000.0, marketLon = x + 200.0 / 103000.0;
    in.villages.push_back(village(1, villageLon, 21.71));
    in.servicePoints(Service::Market).push_back(market(2, marketLon, 21.73));
    const UnderservedResult r = analyzeUnderserved(in, UnderservedSettings{});
    ASSERT_TRUE(r.network.computed);
    const ServiceDistance& d = r.villages.at(0).distance(Service::Market);
    const double legV = geodesic.distanceTo(villageLon, 21.71, geo::Geometry::lineString(std::vector<double>{x, 21.70, x, 21.75}));
    const double legM = geodesic.distanceTo(marketLon, 21.73, geo::Geometry::lineString(std::vector<double>{x, 21.70, x, 21.75}));
    // Along the road between the two access points (both on road 1).
    const auto va = geodesic.closestPoint(villageLon, 21.71, geo::Geometry::lineString(std::vector<double>{x, 21.70, x, 21.75}));
    const auto ma = geodesic.closestPoint(marketLon, 21.73, geo::Geometry::lineString(std::vector<double>{x, 21.70, x, 21.75}));
    const double along = geodesic.distance(va.point.x, va.point.y, ma.point.x, ma.point.y);
    ASSERT_TRUE(d.networkM.has_value());
    EXPECT_NEAR(*d.networkM, legV + along + legM, 1e-3);
}

TEST(NetworkDistance, NotComputedWhenRoadsDoNotMeetAndEmptyWhenUnreachable) {
    AccessInputs in;
    in.roads.push_back(road(1, {106.70, 21.80, 106.70, 21.85}));
    in.roads.push_back(road(2, {106.75, 21.80, 106.75, 21.85}));
    in.villages.push_back(village(1, 106.701, 21.81));
    in.servicePoints(Service::Market).push_back(market(2, 106.751, 21.81));
    const UnderservedResult none = analyzeUnderserved(in, UnderservedSettings{});
    EXPECT_FALSE(none.network.computed);
    EXPECT_FALSE(none.villages.at(0).distance(Service::Market).networkM.has_value());
    EXPECT_TRUE(none.villages.at(0).distance(Service::Market).straightLineM.has_value());

    // Two separate networks, each with a junction: the market is on the other one.
    in.roads.push_back(road(3, {106.70, 21.85, 106.70, 21.90}));
    in.roads.push_back(road(4, {106.75, 21.85, 106.75, 21.90}));
    const UnderservedResult split = analyzeUnderserved(in, UnderservedSettings{});
    ASSERT_TRUE(split.network.computed);
    EXPECT_EQ(split.network.components, 2u);
    const ServiceDistance& d = split.villages.at(0).distance(Service::Market);
    EXPECT_FALSE(d.networkM.has_value());
    // With network scoring asked for, an unreachable service falls back to the straight line.
    UnderservedSettings s;
    s.score.preferNetworkDistance = true;
    EXPECT_EQ(analyzeUnderserved(in, s).villages.at(0).distance(Service::Market).scoredKind, DistanceKind::StraightLine);

    UnderservedSettings off;
    off.network = NetworkMode::Off;
    EXPECT_FALSE(analyzeUnderserved(in, off).network.computed);
}

TEST(RoadNetwork, SnapsEndPointsWithinTheTolerance) {
    const geo::Geodesic geodesic;
    const LowerBoundPlane plane(geo::Envelope(106.6, 21.7, 106.9, 21.9), geodesic);
    GeodesicLineIndex lines(plane, geodesic);
    // Road 2 starts 0.5 m east of road 1's end.
    lines.addLine(std::vector<double>{106.70, 21.80, 106.75, 21.80});
    lines.addLine(std::vector<double>{106.75 + 0.5 / 103000.0, 21.80, 106.80, 21.80});
    lines.build();
    EXPECT_EQ(RoadNetwork(lines, plane, geodesic, 1.0).junctionCount(), 1u);
    EXPECT_EQ(RoadNetwork(lines, plane, geodesic, 1.0).componentCount(), 1u);
    EXPECT_EQ(RoadNetwork(lines, plane, geodesic, 0.1).junctionCount(), 0u);
    EXPECT_EQ(RoadNetwork(lines, plane, geodesic, 0.1).componentCount(), 2u);
}
