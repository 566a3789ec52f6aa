#include "planmap/geo/GeometryValidity.h"

#include <gtest/gtest.h>

using namespace planmap::geo;

TEST(GeometryValidity, ValidGeometryIsLeftAlone) {
    const Geometry g = Geometry::rectangle({0, 0, 2, 2});
    const ValidityResult v = validate(g);
    EXPECT_TRUE(v.valid);
    EXPECT_TRUE(v.reason.empty());
    EXPECT_FALSE(v.location.has_value());
    const RepairResult r = repair(g);
    EXPECT_EQ(r.report.status, RepairStatus::AlreadyValid);
    ASSERT_TRUE(r.geometry.has_value());
    EXPECT_TRUE(r.geometry->equalsExact(g));
}

TEST(GeometryValidity, BowTieIsSplitAndReported) {
    // A figure-of-eight ring crossing itself at (1 1).
    const Geometry bowTie = Geometry::fromWkt("POLYGON ((0 0, 2 2, 2 0, 0 2, 0 0))");
    const ValidityResult v = validate(bowTie);
    EXPECT_FALSE(v.valid);
    EXPECT_NE(v.reason.find("elf-intersection"), std::string::npos) << v.reason;
    ASSERT_TRUE(v.location.has_value());
    EXPECT_DOUBLE_EQ(v.location->x, 1.0);
    EXPECT_DOUBLE_EQ(v.location->y, 1.0);

    const RepairResult r = repair(bowTie);
    EXPECT_EQ(r.report.status, RepairStatus::Repaired);
    ASSERT_TRUE(r.geometry.has_value());
    EXPECT_TRUE(r.geometry->isValid());
    EXPECT_EQ(r.geometry->type(), GeometryType::MultiPolygon);
    EXPECT_EQ(r.report.partsBefore, 1);
    EXPECT_EQ(r.report.partsAfter, 2);
    EXPECT_EQ(r.report.typeBefore, GeometryType::Polygon);
    EXPECT_EQ(r.report.typeAfter, GeometryType::MultiPolygon);
    EXPECT_DOUBLE_EQ(r.report.areaBefore, 0.0);  // the two lobes cancel out in the planar formula
    EXPECT_DOUBLE_EQ(r.report.areaAfter, 2.0);
    const std::string& t = r.report.text;
    EXPECT_NE(t.find("at (1 1)"), std::string::npos) << t;
    EXPECT_NE(t.find("polygon split into 2 parts"), std::string::npos) << t;
    EXPECT_NE(t.find("area changed from 0 to 2"), std::string::npos) << t;
    EXPECT_NE(t.find("type Polygon→MultiPolygon"), std::string::npos) << t;
}

TEST(GeometryValidity, HoleOutsideShellIsRepaired) {
    const Geometry g = Geometry::fromWkt("POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (5 5, 6 5, 6 6, 5 6, 5 5))");
    EXPECT_FALSE(validate(g).valid);
    const RepairResult r = repair(g);
    EXPECT_EQ(r.report.status, RepairStatus::Repaired);
    ASSERT_TRUE(r.geometry.has_value());
    EXPECT_TRUE(r.geometry->isValid());
    EXPECT_FALSE(r.report.text.empty());
}

TEST(GeometryValidity, CollapsedPolygonIsRejectedNotDropped) {
    // All points on one line: repair leaves nothing of the polygon.
    const Geometry flat = Geometry::fromWkt("POLYGON ((0 0, 1 1, 2 2, 0 0))");
    EXPECT_FALSE(validate(flat).valid);
    const RepairResult r = repair(flat);
    EXPECT_EQ(r.report.status, RepairStatus::Rejected);
    EXPECT_FALSE(r.geometry.has_value());
    EXPECT_NE(r.report.text.find("rejected"), std::string::npos) << r.report.text;
}

TEST(GeometryValidity, SpikeIsRemovedAndCounted) {
    // A square with a zero-width spike sticking out of its top edge.
    const Geometry spiky = Geometry::fromWkt("POLYGON ((0 0, 4 0, 4 4, 2 4, 2 6, 2 4, 0 4, 0 0))");
    EXPECT_FALSE(validate(spiky).valid);
    const RepairResult r = repair(spiky);
    ASSERT_EQ(r.report.status, RepairStatus::Repaired) << r.report.text;
    ASSERT_TRUE(r.geometry.has_value());
    EXPECT_TRUE(r.geometry->isValid());
    EXPECT_DOUBLE_EQ(r.geometry->area(), 16.0);
    EXPECT_EQ(r.geometry->dimension(), 2);
    EXPECT_EQ(r.report.pointsBefore, 8u);
    EXPECT_LT(r.report.pointsAfter, 8u);
    EXPECT_NE(r.report.text.find("points 8→"), std::string::npos) << r.report.text;
}
