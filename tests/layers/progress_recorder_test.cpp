// Recording progress by hand: checks, corrections, withdrawals, history,
// undo/redo that never deletes; and finding units by code, date and name.

#include "progress_testkit.h"

#include "planmap/layers/progress/Recorder.h"
#include "planmap/layers/progress/Rollup.h"
#include "planmap/layers/progress/UnitLookup.h"

using namespace planmap::layers;
using namespace planmap::layers::progress;
using namespace planmap::layers::testing;
using namespace planmap::layers::testing::progresskit;

namespace {

const Date kJune = makeDate(2023, 6, 30);

class ProgressRecorderTest : public ProgressProjectTest {
protected:
    RecordInput input(const std::string& code, std::int64_t unitId, std::optional<double> value, Date asOf = kJune)
    {
        RecordInput in;
        in.indicatorId = indicator(code);
        in.unitId = unitId;
        in.value = value;
        in.asOf = asOf;
        in.sourceDocument = "Báo cáo 45/BC-UBND";
        return in;
    }
    std::optional<double> current(const std::string& code, std::int64_t unitId)
    {
        RollupEngine engine(project().connection());
        const auto r = engine.rollup(indicator(code));
        const UnitRollup* u = r.at(unitId);
        return u ? u->value : std::nullopt;
    }
    bool hasIssue(const CheckResult& r, CheckKind kind, bool error)
    {
        for (const auto& i : r.issues)
            if (i.kind == kind && i.error == error) return true;
        return false;
    }
};

} // namespace

TEST_F(ProgressRecorderTest, ChecksValuesAgainstTheIndicator)
{
    ProgressRecorder recorder(project(), std::string("Nguyễn Văn A"));
    EXPECT_TRUE(recorder.check(input("DA02.CT01", unit("180"), 1)).ok());
    EXPECT_TRUE(hasIssue(recorder.check(input("DA02.CT01", unit("180"), -1)), CheckKind::Negative, true));
    EXPECT_TRUE(hasIssue(recorder.check(input("DA02.CT01", unit("180"), std::nullopt)), CheckKind::MissingValue, true));
    // Above the allocated target of 2: a warning only.
    const auto above = recorder.check(input("DA02.CT01", unit("180"), 3));
    EXPECT_TRUE(above.ok());
    EXPECT_TRUE(hasIssue(above, CheckKind::AboveTarget, false));
    // A ratio needs a fraction; a numerator above its denominator is impossible.
    EXPECT_TRUE(hasIssue(recorder.check(input("DA04.1.CT01", unit("180"), 90)), CheckKind::RatioNeedsFraction, true));
    RecordInput ratio = input("DA04.1.CT01", unit("180"), std::nullopt);
    ratio.numerator = 24;
    ratio.denominator = 23;
    EXPECT_TRUE(hasIssue(recorder.check(ratio), CheckKind::NumeratorAboveDenominator, true));
    // A percentage-point change may be negative (poverty went up).
    EXPECT_TRUE(recorder.check(input("CT.MT.CT01", unit("180"), -0.5)).ok());
    // A 2023 district after the reform is refused unless forced.
    const auto late = recorder.check(input("DA02.CT01", unit("180"), 1, makeDate(2025, 9, 1)));
    EXPECT_TRUE(hasIssue(late, CheckKind::UnitNotInForce, true)) << late.errorText();
    RecordInput forced = input("DA02.CT01", unit("180"), 1, makeDate(2025, 9, 1));
    forced.allowUnitOutOfForce = true;
    EXPECT_TRUE(recorder.check(forced).ok());
    EXPECT_THROW(recorder.add(input("DA02.CT01", unit("180"), -1)), InvalidDataError);
    EXPECT_EQ(project().progress().count(), 0);
}

TEST_F(ProgressRecorderTest, AddCorrectWithdrawAndHistory)
{
    ProgressRecorder recorder(project(), std::string("Nguyễn Văn A"));
    const auto first = recorder.add(input("DA02.CT01", unit("180"), 1));
    EXPECT_EQ(current("DA02.CT01", unit("180")), 1.0);
    RecordInput fix = input("DA02.CT01", 0, 2);
    fix.note = "sửa theo báo cáo bổ sung";
    const auto second = recorder.correct(first, fix);
    EXPECT_EQ(current("DA02.CT01", unit("180")), 2.0);
    EXPECT_THROW(recorder.correct(first, fix), InvalidDataError) << "the first entry is no longer in force";
    const auto withdrawn = recorder.withdraw(second, std::string("trùng số liệu"));
    EXPECT_FALSE(current("DA02.CT01", unit("180")).has_value());

    const auto rows = recorder.history(byIndicator(indicator("DA02.CT01")));
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].entry.id, first);
    EXPECT_EQ(rows[0].supersededBy, second);
    EXPECT_EQ(rows[0].unitCode, "180");
    EXPECT_EQ(rows[0].unitName, "Huyện Tràng Định");
    EXPECT_EQ(rows[0].indicatorCode, "DA02.CT01");
    EXPECT_EQ(rows[0].entry.author, "Nguyễn Văn A");
    EXPECT_EQ(rows[1].supersededBy, withdrawn);
    EXPECT_TRUE(rows[2].entry.retraction);
    EXPECT_FALSE(rows[2].supersededBy.has_value());
}

TEST_F(ProgressRecorderTest, UndoAndRedoAppendInsteadOfDeleting)
{
    ProgressRecorder recorder(project(), std::string("cán bộ"));
    const auto id = recorder.add(input("DA02.CT01", unit("180"), 1));
    EXPECT_TRUE(recorder.canUndo());
    EXPECT_NE(recorder.undoText().find("DA02.CT01"), std::string::npos) << recorder.undoText();

    const auto undone = recorder.undo();
    EXPECT_FALSE(current("DA02.CT01", unit("180")).has_value());
    EXPECT_TRUE(project().progress().get(undone)->retraction);
    EXPECT_EQ(project().progress().get(undone)->supersedesId, id);
    EXPECT_TRUE(recorder.canRedo());

    const auto redone = recorder.redo();
    EXPECT_EQ(current("DA02.CT01", unit("180")), 1.0);
    EXPECT_EQ(project().progress().get(redone)->supersedesId, undone);
    EXPECT_EQ(project().progress().count(), 3) << "nothing was deleted";

    // Undo of a correction restores the corrected value.
    const auto corrected = recorder.correct(redone, input("DA02.CT01", 0, 2));
    EXPECT_EQ(current("DA02.CT01", unit("180")), 2.0);
    const auto restored = recorder.undo();
    EXPECT_EQ(current("DA02.CT01", unit("180")), 1.0);
    EXPECT_EQ(project().progress().get(restored)->supersedesId, corrected);
    EXPECT_EQ(project().progress().get(restored)->sourceDocument, "Báo cáo 45/BC-UBND");
    recorder.redo();
    EXPECT_EQ(current("DA02.CT01", unit("180")), 2.0);

    // Undo of a withdrawal brings the value back.
    const auto head = project().progress().latest(byIndicator(indicator("DA02.CT01"))).front().id;
    recorder.withdraw(head);
    EXPECT_FALSE(current("DA02.CT01", unit("180")).has_value());
    recorder.undo();
    EXPECT_EQ(current("DA02.CT01", unit("180")), 2.0);
}

TEST_F(ProgressRecorderTest, UndoRefusesWhenSomeoneElseChangedTheEntry)
{
    ProgressRecorder mine(project(), std::string("A"));
    const auto id = mine.add(input("DA02.CT01", unit("180"), 1));
    ProgressRecorder theirs(project(), std::string("B"));
    theirs.correct(id, input("DA02.CT01", 0, 2));
    EXPECT_THROW(mine.undo(), InvalidDataError);
    EXPECT_EQ(current("DA02.CT01", unit("180")), 2.0);
}

TEST_F(ProgressRecorderTest, UnitCodesAreResolvedByDateOrGeneration)
{
    UnitLookup lookup(project().units());
    // 05977: Phường Vĩnh Trại until 30/06/2025, Phường Đông Kinh from 01/07/2025.
    EXPECT_EQ(lookup.byCode("05977", makeDate(2023, 6, 30)).name, "Vĩnh Trại");
    EXPECT_EQ(lookup.byCode("05977", makeDate(2025, 8, 1)).name, "Đông Kinh");
    EXPECT_EQ(lookup.byCode("05977", makeDate(2025, 8, 1), std::string("2023")).name, "Vĩnh Trại");
    EXPECT_EQ(lookup.byCode("6622", makeDate(2023, 6, 30)).code, "06622") << "a lost leading zero comes back";
    EXPECT_EQ(lookup.byCode("20", makeDate(2023, 6, 30)).level, UnitLevel::Province);
    try {
        lookup.byCode("180", makeDate(2025, 9, 1));
        FAIL() << "districts were abolished on 1 July 2025";
    } catch (const InvalidDataError& e) {
        const std::string m = e.what();
        EXPECT_NE(m.find("2025-09-01"), std::string::npos) << m;
        EXPECT_NE(m.find("Tràng Định"), std::string::npos) << m;
        EXPECT_NE(m.find("--generation"), std::string::npos) << m;
    }
    EXPECT_EQ(lookup.byCode("180", makeDate(2025, 9, 1), std::string("2023")).name, "Tràng Định");
    EXPECT_THROW(lookup.byCode("99999", makeDate(2023, 6, 30)), InvalidDataError);
    EXPECT_THROW(lookup.byCode("1234567", makeDate(2023, 6, 30)), InvalidDataError);
    EXPECT_THROW(lookup.byCode("abc", makeDate(2023, 6, 30)), InvalidDataError);
}

TEST_F(ProgressRecorderTest, UnitNamesAreMatchedWithinADistrict)
{
    UnitLookup lookup(project().units());
    const Date june = makeDate(2023, 6, 30);
    try {
        lookup.resolve("Xã Hồng Phong", june);
        FAIL() << "two communes are called Hồng Phong";
    } catch (const InvalidDataError& e) {
        EXPECT_NE(std::string(e.what()).find("06079"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("06205"), std::string::npos) << e.what();
    }
    EXPECT_EQ(lookup.resolve("xa hong phong", june, std::nullopt, unit("181")).code, "06079");
    EXPECT_EQ(lookup.resolve("Hồng Phong", june, std::nullopt, unit("183")).code, "06205");
    EXPECT_EQ(lookup.resolve("CHÍ MINH", june, std::nullopt, unit("180")).code, "06013");
    EXPECT_EQ(lookup.resolve("Huyện Tràng Định", june).code, "180");
    // A 2025 commune is in the scope of the district whose communes it absorbed.
    EXPECT_EQ(lookup.resolve("Thất Khê", makeDate(2025, 8, 1), std::nullopt, unit("180")).code, "06040");
    EXPECT_THROW(lookup.resolve("Xã Không Có", june), InvalidDataError);
}
