// Indicator links: features and units an indicator is about, as the link
// editor of the map window writes them (features; allocations without target).

#include "progress_testkit.h"

#include "planmap/layers/plan/IndicatorLinks.h"
#include "planmap/layers/render/FeatureSource.h"

using namespace planmap::layers;
using namespace planmap::layers::testing;
using namespace planmap::layers::testing::progresskit;

namespace {

class PlanLinksTest : public ProgressProjectTest {
protected:
    std::int64_t market(const std::string& name)
    {
        Feature f;
        f.layer = "markets";
        f.name = name;
        f.geometry = render::wkb::point(106.76, 21.85);
        return project().features().insert(f);
    }
};

} // namespace

TEST_F(PlanLinksTest, LinksFeaturesAndUnitsAndKeepsThePlansTargets)
{
    IndicatorLinks links(project());
    const std::int64_t indicatorId = indicator("DA04.1.ND02.CT02");
    const std::size_t planned = links.links(indicatorId).size();
    ASSERT_GT(planned, 0u) << "the plan allocates this indicator to units";
    for (const IndicatorLink& l : links.links(indicatorId)) {
        EXPECT_EQ(l.kind, LinkKind::Unit);
        EXPECT_TRUE(l.hasTarget);
    }

    const std::int64_t a = market("Chợ Na Sầm");
    const std::int64_t b = market("Chợ Đồng Đăng");
    EXPECT_TRUE(links.linkFeature(indicatorId, b));
    EXPECT_TRUE(links.linkFeature(indicatorId, a));
    EXPECT_FALSE(links.linkFeature(indicatorId, a)) << "linked already";
    const std::int64_t commune = newUnit("05983");
    EXPECT_TRUE(links.linkUnit(indicatorId, commune));
    EXPECT_FALSE(links.linkUnit(indicatorId, commune));

    const auto all = links.links(indicatorId);
    ASSERT_EQ(all.size(), planned + 3);
    // Features first, by layer and name; then units by level and code.
    EXPECT_EQ(all[0].name, "Chợ Na Sầm");
    EXPECT_EQ(all[1].name, "Chợ Đồng Đăng");
    EXPECT_EQ(all[0].layer, "markets");
    bool found = false;
    for (const IndicatorLink& l : all)
        if (l.kind == LinkKind::Unit && l.id == commune) {
            found = true;
            EXPECT_FALSE(l.hasTarget);
            EXPECT_EQ(l.unitCode, std::optional<std::string>("05983"));
            EXPECT_EQ(l.unitGeneration, "2025");
        }
    EXPECT_TRUE(found);
    EXPECT_EQ(links.indicatorsOfFeature(a), std::vector<std::int64_t>{indicatorId});
    EXPECT_EQ(links.indicatorsOfUnit(commune), std::vector<std::int64_t>{indicatorId});

    // Removing: own links go, the plan's targets stay.
    EXPECT_TRUE(links.unlinkFeature(indicatorId, a));
    EXPECT_FALSE(links.unlinkFeature(indicatorId, a));
    EXPECT_TRUE(links.unlinkUnit(indicatorId, commune));
    EXPECT_FALSE(links.unlinkUnit(indicatorId, commune));
    const IndicatorLink planUnit = links.links(indicatorId).back();
    ASSERT_TRUE(planUnit.hasTarget);
    EXPECT_THROW(links.unlinkUnit(indicatorId, planUnit.id), InvalidDataError);
    EXPECT_EQ(links.links(indicatorId).size(), planned + 1);

    // Unknown ids are refused, naming what is missing.
    EXPECT_THROW(links.linkFeature(indicatorId, 999999), NotFoundError);
    EXPECT_THROW(links.linkUnit(indicatorId, 999999), NotFoundError);
    EXPECT_THROW(links.links(project().plan().nodeByCode("DA04")->id), NotFoundError);
}
