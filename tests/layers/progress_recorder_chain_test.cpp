// Undo/redo across several actions of a session on the same place: each
// undo follows the session's own later entries to the one in force.

#include "progress_testkit.h"

#include "planmap/layers/progress/Recorder.h"
#include "planmap/layers/progress/Rollup.h"

using namespace planmap::layers;
using namespace planmap::layers::progress;
using namespace planmap::layers::testing;
using namespace planmap::layers::testing::progresskit;

namespace {

class ProgressRecorderChainTest : public ProgressProjectTest {
protected:
    RecordInput input(std::int64_t unitId, double value)
    {
        RecordInput in;
        in.indicatorId = indicator("DA02.CT01");
        in.unitId = unitId;
        in.value = value;
        in.asOf = makeDate(2023, 6, 30);
        return in;
    }
    std::optional<double> current(std::int64_t unitId)
    {
        RollupEngine engine(project().connection());
        const auto r = engine.rollup(indicator("DA02.CT01"));
        const UnitRollup* u = r.at(unitId);
        return u ? u->value : std::nullopt;
    }
};

} // namespace

TEST_F(ProgressRecorderChainTest, UndoesAndRedoesAddThenCorrectionInOrder)
{
    ProgressRecorder recorder(project(), std::string("cán bộ"));
    const std::int64_t district = unit("180");
    const std::int64_t before = project().progress().count();
    const auto added = recorder.add(input(district, 1));
    recorder.correct(added, input(0, 2));
    EXPECT_EQ(current(district), 2.0);

    recorder.undo(); // the correction
    EXPECT_EQ(current(district), 1.0);
    recorder.undo(); // the entry itself, although the correction superseded it
    EXPECT_FALSE(current(district).has_value());
    EXPECT_FALSE(recorder.canUndo());

    recorder.redo();
    EXPECT_EQ(current(district), 1.0);
    recorder.redo();
    EXPECT_EQ(current(district), 2.0);
    EXPECT_FALSE(recorder.canRedo());
    recorder.undo();
    EXPECT_EQ(current(district), 1.0);
    EXPECT_EQ(project().progress().count(), before + 7) << "every step is a new entry; nothing was deleted";
}

TEST_F(ProgressRecorderChainTest, StillRefusesWhenAnotherSessionCorrectedInBetween)
{
    ProgressRecorder mine(project(), std::string("A"));
    const std::int64_t district = unit("180");
    const auto added = mine.add(input(district, 1));
    const auto corrected = mine.correct(added, input(0, 2));
    mine.undo();
    const auto head = project().progress().latest(byIndicator(indicator("DA02.CT01"))).front().id;
    ProgressRecorder theirs(project(), std::string("B"));
    theirs.correct(head, input(0, 5));
    EXPECT_THROW(mine.undo(), InvalidDataError);
    EXPECT_THROW(mine.redo(), InvalidDataError);
    EXPECT_EQ(current(district), 5.0);
    (void)corrected;
}
