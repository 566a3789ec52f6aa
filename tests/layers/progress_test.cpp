// The progress log: append-only, corrections that supersede, current values, batch speed.

#include "store_test_support.h"

#include <chrono>
#include <cstdio>
#include <ctime>

using namespace planmap::layers;
using namespace planmap::layers::testing;

namespace {

class ProgressTest : public StoreTest {
protected:
    void SetUp() override
    {
        StoreTest::SetUp();
        unitA = project().units().insert(commune("00010", "Thống Nhất", "2025"));
        unitB = project().units().insert(commune("00011", "Lộc Bình", "2025"));
        km = project().plan().insertIndicator(indicatorNode("KM", "Km đường được cứng hóa", Aggregation::Sum));
        ratio = project().plan().insertIndicator(indicatorNode("XA", "Xã đạt chuẩn", Aggregation::Ratio));
    }

    ProgressEntry entry(std::int64_t indicator, std::int64_t unit, double value, Date asOf)
    {
        ProgressEntry e;
        e.indicatorId = indicator;
        e.unitId = unit;
        e.value = value;
        e.asOf = asOf;
        e.author = "cán bộ xã";
        e.sourceDocument = "Báo cáo số 12/BC-UBND";
        return e;
    }

    std::int64_t unitA = 0, unitB = 0, km = 0, ratio = 0;
};

const Date kJune = makeDate(2023, 6, 30);
const Date kSeptember = makeDate(2023, 9, 30);

} // namespace

TEST_F(ProgressTest, TheDatabaseRefusesUpdatesAndDeletes)
{
    const auto id = project().progress().append(entry(km, unitA, 2.5, kJune));
    auto& c = project().connection();
    try {
        c.execute("UPDATE progress_entries SET value = 3 WHERE id = " + std::to_string(id));
        FAIL() << "UPDATE must be refused";
    } catch (const ConstraintError& e) {
        EXPECT_NE(std::string(e.what()).find("append-only"), std::string::npos) << e.what();
    }
    EXPECT_THROW(c.execute("DELETE FROM progress_entries"), ConstraintError);
    EXPECT_THROW(c.execute("UPDATE progress_entries SET note = 'x'"), ConstraintError);
    const auto kept = project().progress().get(id);
    ASSERT_TRUE(kept.has_value());
    EXPECT_DOUBLE_EQ(*kept->value, 2.5);
    EXPECT_EQ(project().progress().count(), 1);
}

TEST_F(ProgressTest, EntriesKeepEveryField)
{
    ProgressEntry e = entry(km, unitA, 2.5, kJune);
    e.note = "ghi chú";
    e.illustrative = true;
    e.enteredAt = parseIsoTimestamp("2023-07-02T03:04:05Z");
    const auto id = project().progress().append(e);
    const auto back = project().progress().get(id);
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->indicatorId, km);
    EXPECT_EQ(back->unitId, unitA);
    EXPECT_FALSE(back->featureId.has_value());
    EXPECT_EQ(back->asOf, kJune);
    EXPECT_EQ(back->author, "cán bộ xã");
    EXPECT_EQ(back->sourceDocument, "Báo cáo số 12/BC-UBND");
    EXPECT_EQ(back->note, "ghi chú");
    EXPECT_TRUE(back->illustrative);
    EXPECT_EQ(toIsoTimestamp(*back->enteredAt), "2023-07-02T03:04:05Z");

    // enteredAt defaults to now (UTC).
    const auto before = nowUtc();
    const auto id2 = project().progress().append(entry(km, unitB, 1, kJune));
    const auto entered = *project().progress().get(id2)->enteredAt;
    EXPECT_GE(entered, before);
    EXPECT_LE(entered, nowUtc());
}

TEST_F(ProgressTest, EntriesAreValidatedAgainstTheirIndicator)
{
    auto& log = project().progress();
    ProgressEntry both = entry(km, unitA, 1, kJune);
    both.featureId = 1;
    EXPECT_THROW(log.append(both), InvalidDataError);
    ProgressEntry neither = entry(km, unitA, 1, kJune);
    neither.unitId.reset();
    EXPECT_THROW(log.append(neither), InvalidDataError);
    ProgressEntry noValue = entry(km, unitA, 1, kJune);
    noValue.value.reset();
    EXPECT_THROW(log.append(noValue), InvalidDataError);
    EXPECT_THROW(log.append(entry(999999, unitA, 1, kJune)), InvalidDataError);
    EXPECT_THROW(log.append(entry(km, 999999, 1, kJune)), ConstraintError); // no such unit

    // A ratio indicator takes numerator and denominator.
    ProgressEntry r = entry(ratio, unitA, 0, kJune);
    r.value.reset();
    EXPECT_THROW(log.append(r), InvalidDataError);
    r.numerator = 3;
    r.denominator = 0;
    EXPECT_THROW(log.append(r), InvalidDataError);
    r.denominator = 4;
    const auto id = log.append(r);
    EXPECT_DOUBLE_EQ(*log.get(id)->numerator, 3);
    EXPECT_EQ(log.count(), 1);
}

TEST_F(ProgressTest, SupersedeCorrectsAndTheCurrentViewShowsTheNewest)
{
    auto& log = project().progress();
    const auto june = log.append(entry(km, unitA, 2.5, kJune));
    const auto september = log.append(entry(km, unitA, 4.0, kSeptember));
    const auto other = log.append(entry(km, unitB, 1.0, kJune));

    ProgressEntry fix;
    fix.value = 4.2;
    fix.author = "phòng kinh tế";
    fix.note = "sửa số liệu tháng 9";
    const auto fixed = log.supersede(september, fix);
    EXPECT_EQ(log.supersededBy(september), fixed);
    EXPECT_FALSE(log.supersededBy(fixed).has_value());

    // The history keeps everything; the corrected entry is no longer current.
    ProgressFilter ofKmA;
    ofKmA.indicatorId = km;
    ofKmA.unitId = unitA;
    const auto history = log.history(ofKmA);
    ASSERT_EQ(history.size(), 3u);
    EXPECT_EQ(history[0].id, june);
    const auto current = log.current(ofKmA);
    ASSERT_EQ(current.size(), 2u);
    EXPECT_EQ(current[0].id, june);
    EXPECT_EQ(current[1].id, fixed);
    EXPECT_EQ(current[1].supersedesId, september);
    EXPECT_EQ(current[1].asOf, kSeptember); // taken from the corrected entry

    // Current values: the newest entry in force per unit.
    ProgressFilter ofKm;
    ofKm.indicatorId = km;
    const auto latest = log.latest(ofKm);
    ASSERT_EQ(latest.size(), 2u);
    for (const auto& e : latest) {
        if (e.unitId == unitA) {
            EXPECT_DOUBLE_EQ(*e.value, 4.2);
        } else {
            EXPECT_EQ(e.id, other);
        }
    }
    ofKm.asOf = makeDate(2023, 7, 31);
    const auto inJuly = log.latest(ofKm);
    ASSERT_EQ(inJuly.size(), 2u);
    for (const auto& e : inJuly) {
        if (e.unitId == unitA) {
            EXPECT_EQ(e.id, june);
        }
    }

    // The view in the database agrees.
    auto s = project().connection().prepare("SELECT value FROM progress_latest WHERE indicator_id = ? AND unit_id = ?");
    s->bindInt(1, km);
    s->bindInt(2, unitA);
    ASSERT_TRUE(s->step());
    EXPECT_DOUBLE_EQ(s->columnDouble(0), 4.2);

    // An entry is superseded once; correct the newest instead.
    EXPECT_THROW(log.supersede(september, fix), InvalidDataError);
    // A correction stays with the same indicator and unit.
    ProgressEntry elsewhere = entry(km, unitB, 9, kSeptember);
    EXPECT_THROW(log.supersede(fixed, elsewhere), ConstraintError);
    EXPECT_THROW(log.supersede(987654, fix), NotFoundError);
}

TEST_F(ProgressTest, RetractionWithdrawsAnEntry)
{
    auto& log = project().progress();
    const auto june = log.append(entry(km, unitA, 2.5, kJune));
    const auto wrong = log.append(entry(km, unitA, 40, kSeptember));
    log.retract(wrong, std::string("phòng kinh tế"), std::string("nhập nhầm xã"));
    ProgressFilter f;
    f.indicatorId = km;
    const auto latest = log.latest(f);
    ASSERT_EQ(latest.size(), 1u);
    EXPECT_EQ(latest[0].id, june);
    EXPECT_EQ(log.current(f).size(), 1u);
    EXPECT_EQ(log.history(f).size(), 3u);
    EXPECT_TRUE(log.history(f).back().retraction);
}

TEST_F(ProgressTest, AFailingBatchWritesNothing)
{
    std::vector<ProgressEntry> batch;
    for (int i = 0; i < 1000; ++i) batch.push_back(entry(km, i % 2 ? unitA : unitB, i, kJune));
    batch[600].unitId = 424242; // no such unit: the foreign key fails mid-batch
    try {
        project().progress().appendMany(batch);
        FAIL();
    } catch (const ConstraintError& e) {
        EXPECT_NE(std::string(e.what()).find("row 601"), std::string::npos) << e.what();
    }
    EXPECT_EQ(project().progress().count(), 0);
}

TEST_F(ProgressTest, OneHundredThousandEntriesInOneBatch)
{
    constexpr int kRows = 100000;
    std::vector<ProgressEntry> batch;
    batch.reserve(kRows);
    for (int i = 0; i < kRows; ++i) {
        ProgressEntry e = entry(km, i % 2 ? unitA : unitB, i * 0.01, makeDate(2023, 1 + (i % 12), 1 + (i % 28)));
        e.illustrative = true;
        batch.push_back(e);
    }
    const auto start = std::chrono::steady_clock::now();
    const std::clock_t cpuStart = std::clock();
    const auto ids = project().progress().appendMany(batch);
    const double cpu = static_cast<double>(std::clock() - cpuStart) / CLOCKS_PER_SEC;
    const auto elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("[ timing ] 100000 progress entries appended in one transaction: %.3f s wall, %.3f s CPU "
                "(%.0f rows/s of CPU)\n",
                elapsed, cpu, kRows / cpu);
    EXPECT_EQ(ids.size(), static_cast<std::size_t>(kRows));
    EXPECT_EQ(project().progress().count(), kRows);
    // The bound is on the CPU time the process spent (wall time depends on
    // what else the machine runs), and generous so as not to be flaky.
    EXPECT_LT(cpu, 5.0);

    ProgressFilter f;
    f.indicatorId = km;
    const auto latest = project().progress().latest(f);
    ASSERT_EQ(latest.size(), 2u);
    // Odd rows (unit A) reach 28 December (row 83); even rows (unit B) 27 November (row 166).
    for (const auto& e : latest)
        EXPECT_EQ(e.asOf, e.unitId == unitA ? makeDate(2023, 12, 28) : makeDate(2023, 11, 27));
}
