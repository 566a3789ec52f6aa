// The render cache fed from the project store: admin units and feature layers.

#include "planmap/layers/features/FeatureLayers.h"
#include "planmap/layers/render/LayerCache.h"
#include "planmap/layers/render/StoreSources.h"

#include "planmap/geo/Crs.h"

#include "store_test_support.h"

using namespace planmap;
using namespace planmap::layers;
using namespace planmap::layers::render;
using namespace planmap::layers::testing;

TEST_F(StoreTest, RenderCacheFromAdminUnitsAndFeatureLayers)
{
    AdminUnits units(project().connection());
    AdminUnit a = commune("05977", "Đông Kinh", "2025");
    a.dbkk = true;
    a.ethnicMinorityArea = 3;
    a.geometry = wkb::multiPolygon({{{106.75, 21.84, 106.78, 21.84, 106.78, 21.87, 106.75, 21.87, 106.75, 21.84}}});
    units.insert(a);
    AdminUnit b = commune("06001", "Hoàng Văn Thụ", "2025");
    b.geometry = wkb::multiPolygon({{{106.78, 21.84, 106.80, 21.84, 106.80, 21.87, 106.78, 21.87, 106.78, 21.84}}});
    units.insert(b);
    units.insert(commune("05980", "Cũ", "pre2025"));  // another generation: not read

    FeatureLayers features(project().connection());
    for (int i = 0; i < 3; ++i) {
        Feature f;
        f.layer = "villages";
        f.userKey = "V-" + std::to_string(i);
        f.name = "Thôn " + std::to_string(i);
        f.illustrative = true;
        f.geometry = wkb::point(106.7615 + 0.001 * i, 21.8537);
        f.attributes = {{"population", std::int64_t{100 * (i + 1)}}};
        features.insert(f);
    }

    const geo::Crs vn2000 = geo::Crs::fromEpsg(9215);
    const AdminUnitSource communes(project().connection(), UnitLevel::Commune, std::string("2025"));
    const auto cc = LayerCache::build(communes, vn2000);
    ASSERT_EQ(cc->featureCount(), 2u);
    EXPECT_EQ(cc->kind(), GeometryKind::Polygon);
    EXPECT_EQ(cc->attribute(0, cc->fieldIndex("name")).toString(), QString::fromUtf8("Đông Kinh"));
    EXPECT_EQ(cc->attribute(0, cc->fieldIndex("dbkk")).toBool(), true);
    EXPECT_EQ(cc->attribute(0, cc->fieldIndex("ethnic_minority_area")).toInt(), 3);
    EXPECT_FALSE(cc->attribute(1, cc->fieldIndex("dbkk")).isValid());  // not known
    // Projected into VN-2000 / TM-3 107-15: eastings around 450 km.
    EXPECT_NEAR(cc->extent().minx, 448600, 1500);
    EXPECT_NEAR(cc->extent().miny, 2416000, 2500);

    const FeatureLayerSource villages(project().connection(), "villages", {"population"});
    const auto vc = LayerCache::build(villages, vn2000);
    ASSERT_EQ(vc->featureCount(), 3u);
    EXPECT_EQ(vc->kind(), GeometryKind::Point);
    EXPECT_EQ(vc->attribute(2, vc->fieldIndex("population")).toLongLong(), 300);
    EXPECT_EQ(vc->attribute(0, vc->fieldIndex("illustrative")).toBool(), true);
    EXPECT_EQ(vc->attribute(1, vc->fieldIndex("name")).toString(), QString("Thôn 1"));
    EXPECT_NEAR(vc->geometry(0).xy[0], 449314.377, 0.01);
    EXPECT_NEAR(vc->geometry(0).xy[1], 2417549.695, 0.01);
}
