#include "planmap/geo/Crs.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace planmap::geo;

TEST(Crs, FromEpsgDescribesKnownVietnameseSystems) {
    const Crs wgs84 = Crs::fromEpsg(4326);
    EXPECT_EQ(wgs84.epsgCode(), 4326);
    EXPECT_EQ(wgs84.name(), "WGS 84");
    EXPECT_TRUE(wgs84.isGeographic());
    EXPECT_FALSE(wgs84.isProjected());

    const Crs vn2000 = Crs::fromEpsg(4756);
    EXPECT_EQ(vn2000.name(), "VN-2000");
    EXPECT_TRUE(vn2000.isGeographic());

    for (int code : {3405, 3406, 9215}) {
        const Crs c = Crs::fromEpsg(code);
        EXPECT_EQ(c.epsgCode(), code);
        EXPECT_TRUE(c.isProjected()) << code;
        EXPECT_FALSE(c.isGeographic()) << code;
        EXPECT_EQ(c.name().rfind("VN-2000 / ", 0), 0u) << c.name();
    }
    EXPECT_EQ(Crs::fromEpsg(3405).name(), "VN-2000 / UTM zone 48N");
    EXPECT_EQ(Crs::fromEpsg(9215).name(), "VN-2000 / TM-3 107-15");
    EXPECT_EQ(Crs::fromEpsg(9215).label(), "VN-2000 / TM-3 107-15 (EPSG:9215)");
}

TEST(Crs, AreaOfUseOfLangSonGrid) {
    const auto area = Crs::fromEpsg(9215).areaOfUse();
    ASSERT_TRUE(area.has_value());
    EXPECT_NEAR(area->west, 106.09, 0.01);
    EXPECT_NEAR(area->east, 107.37, 0.01);
    EXPECT_NEAR(area->south, 21.32, 0.01);
    EXPECT_NEAR(area->north, 22.47, 0.01);
}

TEST(Crs, FromUserInputAcceptsCodesWktAndProjStrings) {
    const Crs byAuth = Crs::fromUserInput("EPSG:9215");
    const Crs byNumber = Crs::fromUserInput(" 9215 ");
    EXPECT_EQ(byAuth.epsgCode(), 9215);
    EXPECT_EQ(byNumber.epsgCode(), 9215);
    EXPECT_TRUE(byAuth == byNumber);

    const Crs fromWkt = Crs::fromUserInput(byAuth.toWkt());
    EXPECT_EQ(fromWkt.epsgCode(), 9215);
    EXPECT_TRUE(fromWkt == byAuth);

    // An ESRI .prj carries no code: PROJ must identify it.
    const Crs fromEsri = Crs::fromUserInput(Crs::fromEpsg(4326).toWkt(WktVersion::Wkt1_Esri));
    EXPECT_EQ(fromEsri.epsgCode(), 4326);

    const Crs utm = Crs::fromUserInput("+proj=utm +zone=48 +datum=WGS84 +units=m +no_defs");
    EXPECT_TRUE(utm.isProjected());
    EXPECT_TRUE(utm == Crs::fromEpsg(32648));
    EXPECT_FALSE(utm == Crs::fromEpsg(3405));
}

TEST(Crs, EqualityIsByDefinitionNotByName) {
    EXPECT_TRUE(Crs::fromEpsg(4326) == Crs::fromEpsg(4326));
    EXPECT_FALSE(Crs::fromEpsg(4326) == Crs::fromEpsg(4756));
    EXPECT_FALSE(Crs::fromEpsg(9215) == Crs::fromEpsg(9214));
    // Longitude/latitude order of the same datum is the same CRS for planmap.
    EXPECT_TRUE(Crs::fromUserInput("+proj=longlat +datum=WGS84") == Crs::fromEpsg(4326));
}

TEST(Crs, BadInputGivesReadableErrors) {
    try {
        (void)Crs::fromUserInput("EPSG:999999");
        FAIL() << "no error";
    } catch (const CrsError& e) {
        EXPECT_NE(std::string(e.what()).find("EPSG:999999"), std::string::npos) << e.what();
    }
    try {
        (void)Crs::fromEpsg(123456789);
        FAIL() << "no error";
    } catch (const CrsError& e) {
        EXPECT_NE(std::string(e.what()).find("EPSG:123456789"), std::string::npos) << e.what();
    }
    EXPECT_THROW((void)Crs::fromUserInput(""), CrsError);
    EXPECT_THROW((void)Crs::fromUserInput("this is not a crs"), CrsError);
    EXPECT_THROW((void)Crs::fromUserInput("GEOGCS[\"broken\", DATUM["), CrsError);
    // A coordinate operation is not a CRS.
    EXPECT_THROW((void)Crs::fromUserInput("EPSG:1234"), CrsError);
}

TEST(Crs, WktVersions) {
    const Crs c = Crs::fromEpsg(9215);
    EXPECT_NE(c.toWkt().find("PROJCRS[\"VN-2000 / TM-3 107-15\""), std::string::npos);
    EXPECT_NE(c.toWkt(WktVersion::Wkt1_Gdal).find("PROJCS[\"VN-2000 / TM-3 107-15\""), std::string::npos);
    EXPECT_NE(c.toProjString().find("+lon_0=107.25"), std::string::npos);
}

TEST(Crs, Vn2000CandidatesComeFromTheDatabase) {
    const auto candidates = vn2000Candidates();
    auto has = [&](int code) {
        return std::any_of(candidates.begin(), candidates.end(), [&](const CrsInfo& c) { return c.epsg == code; });
    };
    EXPECT_TRUE(has(9215));
    EXPECT_TRUE(has(9205));
    EXPECT_TRUE(has(9218));
    EXPECT_TRUE(has(5899));
    EXPECT_TRUE(has(3405));
    EXPECT_TRUE(has(3406));
    EXPECT_FALSE(has(4756));   // geographic: not a grid candidate
    EXPECT_FALSE(has(32648));  // WGS 84 UTM is not VN-2000
    EXPECT_GE(candidates.size(), 19u);
    EXPECT_TRUE(std::is_sorted(candidates.begin(), candidates.end(),
                               [](const CrsInfo& a, const CrsInfo& b) { return a.epsg < b.epsg; }));
    for (const CrsInfo& c : candidates) {
        EXPECT_EQ(c.name.rfind("VN-2000 / ", 0), 0u) << c.name;
        ASSERT_TRUE(c.area.has_value()) << c.name;
        EXPECT_GT(c.area->east, 100.0);
        EXPECT_LT(c.area->west, 112.0);
        EXPECT_NO_THROW((void)Crs::fromEpsg(c.epsg));
    }
}
