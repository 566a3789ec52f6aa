// The figures of the thematic progress map are the roll-up's, per district of
// 2023 or per commune of 2025, with the explanation of split communes.

#include "progress_testkit.h"

#include "planmap/layers/progress/ProgressMap.h"
#include "planmap/layers/progress/Rollup.h"
#include "planmap/layers/render/FeatureSource.h"

using namespace planmap::layers;
using namespace planmap::layers::progress;
using namespace planmap::layers::testing;
using namespace planmap::layers::testing::progresskit;

namespace {

class ProgressMapTest : public ProgressProjectTest {};

} // namespace

TEST_F(ProgressMapTest, DistrictPercentagesAreTheRollups)
{
    // DA02.CT01 is allocated to districts; 180 (Cao Lộc) reports through a commune.
    add("DA02.CT01", unit("06223"), 1, makeDate(2023, 9, 30));
    add("DA02.CT01", unit("189"), 2, makeDate(2023, 9, 30));
    // The template's districts carry their shapes of districts_2023.geojson; 178 loses its own here.
    project().units().setGeometry(unit("178"), {});
    RollupEngine engine(project().connection());
    const IndicatorRollup rollup = engine.rollup(indicator("DA02.CT01"));
    const ProgressMap map = buildProgressMap(project().connection(), rollup, MapUnits::Districts2023);
    EXPECT_EQ(map.units.size(), 11u);
    int withPercent = 0;
    for (const UnitProgress& u : map.units) {
        const UnitRollup* r = rollup.at(u.unitId);
        EXPECT_EQ(u.value, r ? r->value : std::nullopt) << u.name;
        EXPECT_EQ(u.target, r ? r->target : std::nullopt) << u.name;
        EXPECT_EQ(u.percent, r ? r->percentOfTarget : std::nullopt) << u.name;
        withPercent += u.percent.has_value();
    }
    EXPECT_EQ(map.unitsWithPercent(), withPercent);
    ASSERT_NE(map.at(unit("189")), nullptr);
    EXPECT_EQ(map.at(unit("189"))->origin, ValueOrigin::Entered);
    EXPECT_EQ(map.at(unit("189"))->value, 2.0);
    // Only units with a polygon are in the source (the other 10 districts), with the figures as fields.
    ASSERT_EQ(map.source->size(), 10u);
    int features189 = 0;
    map.source->forEach([&](const render::SourceFeature& f) {
        EXPECT_NE(f.id, unit("178"));
        if (f.id != unit("189")) return;
        ++features189;
        EXPECT_EQ(f.attributes[0].toString(), QStringLiteral("189"));
        EXPECT_EQ(f.attributes[2].toDouble(), 2.0);
        if (rollup.at(unit("189"))->percentOfTarget)
            EXPECT_DOUBLE_EQ(f.attributes[4].toDouble(), *rollup.at(unit("189"))->percentOfTarget);
        else
            EXPECT_TRUE(f.attributes[4].isNull());
    });
    EXPECT_EQ(features189, 1);
}

TEST_F(ProgressMapTest, CommunesOf2025CarryTheSplitExplanation)
{
    // 06622 Bính Xá (Đình Lập) was split between two communes of 2025.
    add("DA02.CT01", unit("06622"), 3, makeDate(2024, 12, 31));
    RollupEngine engine(project().connection());
    const IndicatorRollup rollup = engine.rollup(indicator("DA02.CT01"));
    ASSERT_FALSE(rollup.unallocated.empty());
    const ProgressMap map = buildProgressMap(project().connection(), rollup, MapUnits::Communes2025);
    EXPECT_EQ(map.units.size(), 65u);
    int split = 0;
    for (const UnitProgress& u : map.units) {
        if (!u.unallocatedSplit) continue;
        ++split;
        bool explained = false;
        for (const RollupNote& n : u.notes) explained = explained || n.kind == NoteKind::UnallocatedSplit;
        EXPECT_TRUE(explained) << u.name;
    }
    EXPECT_EQ(split, int(rollup.unallocated.front().candidateUnitIds.size()));
}
