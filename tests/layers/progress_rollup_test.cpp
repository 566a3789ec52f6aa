// The roll-up engine on the real Lạng Sơn units and plan: aggregation rules,
// own reports against their parts, latest-as-of, corrections, the 2025
// crosswalk with its split communes, features, targets.

#include "progress_testkit.h"

#include "planmap/layers/progress/Rollup.h"

#include <algorithm>

using namespace planmap::layers;
using namespace planmap::layers::progress;
using namespace planmap::layers::testing;
using namespace planmap::layers::testing::progresskit;

namespace {

const Date kJune = makeDate(2023, 6, 30);
const Date kSeptember = makeDate(2023, 9, 30);
const Date kAugust2025 = makeDate(2025, 8, 31);

bool hasNote(const UnitRollup& r, NoteKind kind)
{
    return std::any_of(r.notes.begin(), r.notes.end(), [&](const RollupNote& n) { return n.kind == kind; });
}

class ProgressRollupTest : public ProgressProjectTest {
protected:
    IndicatorRollup roll(const std::string& code, RollupOptions options = {})
    {
        RollupEngine engine(project().connection());
        return engine.rollup(indicator(code), options);
    }
    static std::optional<double> valueAt(const IndicatorRollup& r, std::int64_t unitId)
    {
        const UnitRollup* u = r.at(unitId);
        return u ? u->value : std::nullopt;
    }
};

constexpr const char* kKm = "DA04.1.ND01.CT03";     // sum, km, target 60 at the province
constexpr const char* kRoadsRatio = "DA04.1.CT01";  // ratio 174/181 = 96.1 %
constexpr const char* kPower = "DA04.1.CT04";       // percent 99.6, not summable
constexpr const char* kPoverty = "CT.MT.CT01";      // percent_point 3.0
constexpr const char* kResettlement = "DA02.CT01";  // sum, allocated: Tràng Định 2, Chi Lăng 2, Bình Gia 2, Lộc Bình 1

} // namespace

TEST_F(ProgressRollupTest, SumsCommunesIntoDistrictsAndTheProvince)
{
    add(kKm, unit("06013"), 4.5, kJune);  // Chí Minh, Tràng Định
    add(kKm, unit("06019"), 3.0, kJune);  // Tân Tiến, Tràng Định
    add(kKm, unit("06622"), 2.0, kJune);  // Bính Xá, Đình Lập
    const auto r = roll(kKm);
    EXPECT_DOUBLE_EQ(*valueAt(r, unit("180")), 7.5);
    EXPECT_DOUBLE_EQ(*valueAt(r, unit("189")), 2.0);
    const UnitRollup* p = r.province();
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(p->origin, ValueOrigin::RolledUp);
    EXPECT_DOUBLE_EQ(*p->value, 9.5);
    EXPECT_EQ(p->entries, 3);
    EXPECT_EQ(r.provinceGeneration, kGenerationPre2025);
    EXPECT_EQ(p->targetSource, TargetSource::Indicator);
    EXPECT_DOUBLE_EQ(*p->target, 60.0);
    EXPECT_NEAR(*p->percentOfTarget, 9.5 / 60 * 100, 1e-9);
    // A sum has no target below the province unless allocated.
    EXPECT_FALSE(r.at(unit("180"))->target.has_value());
    EXPECT_EQ(r.at(unit("06013"))->origin, ValueOrigin::Entered);
}

TEST_F(ProgressRollupTest, AllocatedTargetsGivePercentsPerDistrict)
{
    add(kResettlement, unit("180"), 1, kJune);
    add(kResettlement, unit("187"), 2, kJune);
    const auto r = roll(kResettlement);
    const UnitRollup* trangDinh = r.at(unit("180"));
    ASSERT_NE(trangDinh, nullptr);
    EXPECT_EQ(trangDinh->targetSource, TargetSource::Allocation);
    EXPECT_DOUBLE_EQ(*trangDinh->target, 2);
    EXPECT_DOUBLE_EQ(*trangDinh->percentOfTarget, 50);
    EXPECT_DOUBLE_EQ(*r.at(unit("187"))->percentOfTarget, 100);
    // Bình Gia has a target and no value yet.
    const UnitRollup* binhGia = r.at(unit("181"));
    ASSERT_NE(binhGia, nullptr);
    EXPECT_EQ(binhGia->origin, ValueOrigin::None);
    EXPECT_DOUBLE_EQ(*binhGia->target, 2);
    EXPECT_DOUBLE_EQ(*r.province()->value, 3);
    EXPECT_DOUBLE_EQ(*r.province()->target, 7);
}

TEST_F(ProgressRollupTest, AUnitsOwnReportWinsOverItsPartsAndSaysSo)
{
    add(kKm, unit("06013"), 4.0, kJune);
    add(kKm, unit("06019"), 3.0, kJune);
    add(kKm, unit("180"), 10.0, kJune);  // the district's own total
    add(kKm, unit("06622"), 2.0, kJune);
    const auto r = roll(kKm);
    const UnitRollup* d = r.at(unit("180"));
    EXPECT_EQ(d->origin, ValueOrigin::Entered);
    EXPECT_DOUBLE_EQ(*d->value, 10.0);
    EXPECT_DOUBLE_EQ(*d->partsValue, 7.0);
    EXPECT_TRUE(hasNote(*d, NoteKind::PartsDiffer));
    EXPECT_DOUBLE_EQ(*r.province()->value, 12.0) << "the communes of Tràng Định are not counted twice";
}

TEST_F(ProgressRollupTest, EntriesAreCumulativeTheNewestAsOfCounts)
{
    add(kKm, unit("06013"), 5.0, kJune);
    add(kKm, unit("06013"), 8.0, kSeptember);  // lũy kế: 8 km by 30/09, not 13
    EXPECT_DOUBLE_EQ(*valueAt(roll(kKm), unit("06013")), 8.0);
    EXPECT_DOUBLE_EQ(*roll(kKm).province()->value, 8.0);
    RollupOptions july;
    july.asOf = makeDate(2023, 7, 31);
    const auto r = roll(kKm, july);
    EXPECT_DOUBLE_EQ(*valueAt(r, unit("06013")), 5.0);
    EXPECT_EQ(*r.at(unit("06013"))->asOf, kJune);
    RollupOptions before;
    before.asOf = makeDate(2023, 6, 29);
    EXPECT_FALSE(valueAt(roll(kKm, before), unit("06013")).has_value());
}

TEST_F(ProgressRollupTest, CorrectionsReplaceWithdrawalsRemove)
{
    add(kKm, unit("06013"), 5.0, kJune);
    const auto september = add(kKm, unit("06013"), 8.0, kSeptember);
    ProgressEntry fix;
    fix.value = 7.5;
    const auto corrected = project().progress().supersede(september, fix);
    auto r = roll(kKm);
    EXPECT_DOUBLE_EQ(*valueAt(r, unit("06013")), 7.5);
    EXPECT_EQ(*r.at(unit("06013"))->entryId, corrected);
    project().progress().retract(corrected, std::nullopt, std::string("nhầm"));
    r = roll(kKm);
    EXPECT_DOUBLE_EQ(*valueAt(r, unit("06013")), 5.0) << "the June figure is in force again";
}

TEST_F(ProgressRollupTest, RatiosAddNumeratorsAndDenominatorsSeparately)
{
    addRatio(kRoadsRatio, unit("180"), 20, 23, kJune);
    addRatio(kRoadsRatio, unit("181"), 18, 19, kJune);
    const auto r = roll(kRoadsRatio);
    const UnitRollup* p = r.province();
    ASSERT_NE(p, nullptr);
    EXPECT_DOUBLE_EQ(*p->numerator, 38);
    EXPECT_DOUBLE_EQ(*p->denominator, 42);
    EXPECT_NEAR(*p->value, 100.0 * 38 / 42, 1e-9) << "not the mean of the two rates";
    EXPECT_NEAR(*p->target, 96.1, 1e-9);
    EXPECT_NEAR(*p->percentOfTarget, 100.0 * 38 / 42 / 96.1 * 100, 1e-9);
    // A district is compared with the indicator's rate.
    EXPECT_EQ(r.at(unit("180"))->targetSource, TargetSource::IndicatorNorm);
    EXPECT_NEAR(*r.at(unit("180"))->value, 100.0 * 20 / 23, 1e-9);
}

TEST_F(ProgressRollupTest, PercentRollsUpOnlyAsAWeightedMeanWhenEveryPartHasWeights)
{
    add(kPower, unit("180"), 98.0, kJune);
    add(kPower, unit("181"), 99.0, kJune);
    auto r = roll(kPower);
    EXPECT_DOUBLE_EQ(*valueAt(r, unit("180")), 98.0);
    EXPECT_FALSE(r.province()->value.has_value()) << "rates without weights are not summed";
    EXPECT_TRUE(hasNote(*r.province(), NoteKind::NotSummable));

    // With households as weights the province gets Σnum/Σden.
    for (const auto& [code, num, den] : {std::tuple{"180", 9800.0, 10000.0}, std::tuple{"181", 4950.0, 5000.0}}) {
        ProgressEntry e;
        e.indicatorId = indicator(kPower);
        e.unitId = unit(code);
        e.value = 100 * num / den;
        e.numerator = num;
        e.denominator = den;
        e.asOf = kSeptember;
        project().progress().append(e);
    }
    r = roll(kPower);
    ASSERT_TRUE(r.province()->value.has_value());
    EXPECT_NEAR(*r.province()->value, 100.0 * 14750 / 15000, 1e-9);
    EXPECT_TRUE(hasNote(*r.province(), NoteKind::Weighted));
}

TEST_F(ProgressRollupTest, PercentPointsAreReportedOnlyWhereEntered)
{
    add(kPoverty, unit("180"), 3.5, kSeptember);
    auto r = roll(kPoverty);
    EXPECT_DOUBLE_EQ(*valueAt(r, unit("180")), 3.5);
    EXPECT_FALSE(r.province()->value.has_value());
    add(kPoverty, unit("20"), 2.7, kSeptember);
    r = roll(kPoverty);
    EXPECT_DOUBLE_EQ(*r.province()->value, 2.7);
    EXPECT_NEAR(*r.province()->percentOfTarget, 90.0, 1e-9);
}

TEST_F(ProgressRollupTest, MaxTakesTheLargestPart)
{
    Indicator level = indicatorNode("TEST.MAX", "Cấp chợ cao nhất", Aggregation::Max, project().plan().nodeByCode("DA04")->id);
    level.node.level = PlanLevel::Indicator;
    project().plan().insertIndicator(level);
    add("TEST.MAX", unit("06013"), 2, kJune);
    add("TEST.MAX", unit("06019"), 3, kJune);
    add("TEST.MAX", unit("06622"), 1, kJune);
    RollupEngine engine(project().connection());
    const auto r = engine.rollup(indicator("TEST.MAX"));
    EXPECT_DOUBLE_EQ(*valueAt(r, unit("180")), 3);
    EXPECT_DOUBLE_EQ(*r.province()->value, 3);
}

TEST_F(ProgressRollupTest, OldCommunesRollIntoTheNewCommuneThatAbsorbedThem)
{
    // Phường Kỳ Lừa (06187, 2025) = Hoàng Văn Thụ 05971 + TT Cao Lộc 06187 + Hợp Thành + Gia Cát + Tân Liên.
    add(kKm, unit("05971"), 1.5, kJune);
    add(kKm, unit("06226"), 2.5, kJune);
    RollupOptions options;
    options.provinceBasis = ProvinceBasis::Gen2025;
    const auto r = roll(kKm, options);
    const UnitRollup* kyLua = r.at(newUnit("06187"));
    ASSERT_NE(kyLua, nullptr);
    EXPECT_EQ(kyLua->origin, ValueOrigin::RolledUp);
    EXPECT_DOUBLE_EQ(*kyLua->value, 4.0);
    EXPECT_DOUBLE_EQ(*r.province()->value, 4.0);
    EXPECT_EQ(r.provinceGeneration, kGeneration2025);
    // The old commune of the same code (TT Cao Lộc) is a different unit.
    EXPECT_EQ(r.at(unit("06187")), nullptr);
}

TEST_F(ProgressRollupTest, SplitCommunesAreNeverDoubleCounted)
{
    // Bính Xá 06622 went partly to Đình Lập 06613 and partly to Kiên Mộc 06625;
    // old Kiên Mộc 06625 partly to new Kiên Mộc 06625 and partly to Châu Sơn 06637.
    add(kKm, unit("06622"), 6.0, kJune);
    add(kKm, unit("06625"), 4.0, kJune);
    add(kKm, unit("06619"), 1.0, kJune);  // Bắc Xa: wholly into Kiên Mộc
    add(kKm, unit("06628"), 2.0, kJune);  // Xã Đình Lập: wholly into Đình Lập
    RollupOptions options;
    options.provinceBasis = ProvinceBasis::Gen2025;
    const auto r = roll(kKm, options);

    const UnitRollup* dinhLap = r.at(newUnit("06613"));
    const UnitRollup* kienMoc = r.at(newUnit("06625"));
    const UnitRollup* chauSon = r.at(newUnit("06637"));
    ASSERT_TRUE(dinhLap && kienMoc && chauSon);
    EXPECT_DOUBLE_EQ(*dinhLap->value, 2.0) << "only its whole predecessors";
    EXPECT_DOUBLE_EQ(*kienMoc->value, 1.0);
    EXPECT_FALSE(chauSon->value.has_value());
    ASSERT_EQ(kienMoc->unallocated.size(), 2u) << "Bính Xá and old Kiên Mộc may both be partly here";
    ASSERT_EQ(dinhLap->unallocated.size(), 1u);
    EXPECT_EQ(dinhLap->unallocated[0].oldUnitId, unit("06622"));
    EXPECT_DOUBLE_EQ(*dinhLap->unallocated[0].value, 6.0);
    EXPECT_EQ(dinhLap->unallocated[0].candidateUnitIds.size(), 2u);
    EXPECT_TRUE(hasNote(*dinhLap, NoteKind::UnallocatedSplit));
    EXPECT_NE(dinhLap->unallocated[0].note.vi.find("Bính Xá"), std::string::npos) << dinhLap->unallocated[0].note.vi;
    ASSERT_EQ(chauSon->unallocated.size(), 1u);
    EXPECT_EQ(r.unallocated.size(), 2u);

    // The province counts every figure exactly once: 6 + 4 + 1 + 2.
    EXPECT_DOUBLE_EQ(*r.province()->value, 13.0);
    // The sum over new communes plus the unallocated parts is the province.
    double communes = 0;
    for (const UnitRollup& u : r.units) {
        const auto unit = project().units().get(u.unitId, false);
        if (unit->generation == kGeneration2025 && unit->level == UnitLevel::Commune && u.value) communes += *u.value;
    }
    double unallocated = 0;
    for (const SplitShare& s : r.unallocated) unallocated += *s.value;
    EXPECT_DOUBLE_EQ(communes + unallocated, 13.0);
    // The 2023 tree agrees.
    RollupOptions old;
    old.provinceBasis = ProvinceBasis::Pre2025;
    EXPECT_DOUBLE_EQ(*roll(kKm, old).province()->value, 13.0);
    EXPECT_DOUBLE_EQ(*roll(kKm, old).at(unit("189"))->value, 13.0);
}

TEST_F(ProgressRollupTest, KnownSharesAllocateSplitCommunes)
{
    auto& c = project().connection();
    c.execute("UPDATE unit_crosswalk SET share = 0.25 WHERE old_unit_id = " + std::to_string(unit("06622"))
              + " AND new_unit_id = " + std::to_string(newUnit("06613")));
    c.execute("UPDATE unit_crosswalk SET share = 0.75 WHERE old_unit_id = " + std::to_string(unit("06622"))
              + " AND new_unit_id = " + std::to_string(newUnit("06625")));
    add(kKm, unit("06622"), 8.0, kJune);
    RollupOptions options;
    options.provinceBasis = ProvinceBasis::Gen2025;
    const auto r = roll(kKm, options);
    EXPECT_DOUBLE_EQ(*valueAt(r, newUnit("06613")), 2.0);
    EXPECT_DOUBLE_EQ(*valueAt(r, newUnit("06625")), 6.0);
    EXPECT_TRUE(r.unallocated.empty());
    EXPECT_TRUE(r.at(newUnit("06613"))->unallocated.empty());
    EXPECT_DOUBLE_EQ(*r.province()->value, 8.0);

    // A rate without weights cannot be split by area: it stays unallocated.
    add(kPower, unit("06622"), 97.0, kJune);
    const auto rate = roll(kPower, options);
    EXPECT_FALSE(valueAt(rate, newUnit("06613")).has_value());
    EXPECT_EQ(rate.unallocated.size(), 1u);
}

TEST_F(ProgressRollupTest, TheProvinceTotalFollowsTheGenerationOfTheData)
{
    add(kKm, unit("180"), 10.0, kJune);   // a district's own total (2023)
    add(kKm, unit("06622"), 2.0, kJune);
    auto r = roll(kKm);
    EXPECT_EQ(r.provinceGeneration, kGenerationPre2025);
    EXPECT_DOUBLE_EQ(*r.province()->value, 12.0);

    // After the reform the communes report: the province is summed over them.
    add(kKm, newUnit("06625"), 5.0, kAugust2025);
    r = roll(kKm);
    EXPECT_EQ(r.provinceGeneration, kGeneration2025);
    EXPECT_DOUBLE_EQ(*r.province()->value, 5.0)
        << "Kiên Mộc's own total may include part of Bính Xá: Bính Xá's 2 is not counted again";
    EXPECT_TRUE(hasNote(*r.province(), NoteKind::NotCarried)) << "Tràng Định's district total cannot be carried";
    EXPECT_TRUE(hasNote(*r.province(), NoteKind::UnallocatedSplit));
    // The new commune's own report wins over what its predecessors give.
    EXPECT_EQ(r.at(newUnit("06625"))->origin, ValueOrigin::Entered);
}

TEST_F(ProgressRollupTest, ANewCommuneWithOneWholePredecessorTakesItsRate)
{
    AdminUnit oldCommune = commune("99991", "Thử Nghiệm", std::string(kGenerationPre2025));
    oldCommune.parentId = unit("180");
    const auto oldId = project().units().insert(oldCommune);
    AdminUnit newCommune = commune("99992", "Thử Nghiệm Mới", std::string(kGeneration2025));
    newCommune.parentId = unit("20");
    const auto newId = project().units().insert(newCommune);
    CrosswalkLink link;
    link.oldUnitId = oldId;
    link.newUnitId = newId;
    project().units().insertCrosswalk(link);
    add(kPower, oldId, 97.5, kJune);
    RollupOptions options;
    options.provinceBasis = ProvinceBasis::Gen2025;
    const auto r = roll(kPower, options);
    EXPECT_DOUBLE_EQ(*valueAt(r, newId), 97.5) << "same territory: the rate carries over";
}

TEST_F(ProgressRollupTest, FeaturesRollUpThroughTheirCommunes)
{
    Feature market;
    market.layer = std::string(builtin_layers::kMarkets);
    market.name = "Chợ Thà Cạo";
    market.communeOldId = unit("06013");   // Chí Minh (2023)
    market.communeId = newUnit("06040");   // Thất Khê (2025)
    market.illustrative = true;
    const auto marketId = project().features().insert(market);
    Feature road;
    road.layer = std::string(builtin_layers::kMarkets);
    road.name = "Chợ không rõ xã";
    road.illustrative = true;
    const auto loose = project().features().insert(road);

    const char* markets = "DA04.1.ND02.CT02";
    add(markets, 0, 1, kJune, marketId);
    add(markets, 0, 1, kJune, loose);
    auto r = roll(markets);
    EXPECT_DOUBLE_EQ(*valueAt(r, unit("06013")), 1);
    EXPECT_DOUBLE_EQ(*valueAt(r, unit("180")), 1);
    EXPECT_DOUBLE_EQ(*r.province()->value, 2);
    EXPECT_TRUE(hasNote(*r.province(), NoteKind::Unplaced));
    RollupOptions options;
    options.provinceBasis = ProvinceBasis::Gen2025;
    r = roll(markets, options);
    EXPECT_DOUBLE_EQ(*valueAt(r, newUnit("06040")), 1);
    EXPECT_DOUBLE_EQ(*r.province()->value, 2);

    // When its 2023 commune reports its own total, that total covers the feature.
    add(markets, unit("06013"), 1, kJune);
    r = roll(markets, options);
    EXPECT_DOUBLE_EQ(*valueAt(r, newUnit("06040")), 1) << "not 2: the market is inside Chí Minh's total";
}

TEST_F(ProgressRollupTest, IllustrativeEntriesAreFlaggedAndCanBeLeftOut)
{
    ProgressEntry e;
    e.indicatorId = indicator(kKm);
    e.unitId = unit("06013");
    e.value = 3;
    e.asOf = kJune;
    e.illustrative = true;
    project().progress().append(e);
    add(kKm, unit("06019"), 2, kJune);
    auto r = roll(kKm);
    EXPECT_TRUE(r.province()->illustrative);
    EXPECT_DOUBLE_EQ(*r.province()->value, 5);
    EXPECT_FALSE(r.at(unit("06019"))->illustrative);
    RollupOptions real;
    real.includeIllustrative = false;
    r = roll(kKm, real);
    EXPECT_DOUBLE_EQ(*r.province()->value, 2);
    EXPECT_FALSE(r.province()->illustrative);
}

TEST_F(ProgressRollupTest, ComputeFromValuesMatchesTheDatabaseRollup)
{
    add(kKm, unit("06013"), 4.5, kJune);
    add(kKm, unit("06622"), 2.0, kJune);
    addRatio(kRoadsRatio, unit("180"), 20, 23, kJune);
    add(kPower, unit("180"), 98.0, kJune);
    RollupEngine engine(project().connection());
    const auto all = engine.rollupAll();
    const auto values = engine.currentValues({});
    EXPECT_EQ(values.size(), 4u);
    const auto computed = engine.compute(values, {});
    ASSERT_EQ(all.size(), computed.size());
    ASSERT_EQ(all.size(), engine.indicatorIds().size());
    for (std::size_t i = 0; i < all.size(); ++i) {
        ASSERT_EQ(all[i].units.size(), computed[i].units.size()) << all[i].code;
        for (std::size_t j = 0; j < all[i].units.size(); ++j) EXPECT_EQ(all[i].units[j].value, computed[i].units[j].value);
    }
    // Plan-tree order: the first indicator of the catalogue comes first.
    EXPECT_EQ(all.front().code, "CT.MT.CT01");
    EXPECT_THROW(engine.rollup(999999), NotFoundError);
}
