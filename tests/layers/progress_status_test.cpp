// Status against the time elapsed in the plan year, at the threshold boundaries.

#include "planmap/layers/progress/Status.h"

#include <gtest/gtest.h>

#include <set>

using namespace planmap::layers;
using namespace planmap::layers::progress;

TEST(ProgressStatus, ElapsedFractionOfTheYear)
{
    EXPECT_DOUBLE_EQ(elapsedFraction(2023, makeDate(2022, 12, 31)), 0.0);
    EXPECT_DOUBLE_EQ(elapsedFraction(2023, makeDate(2023, 1, 1)), 1.0 / 365);
    EXPECT_DOUBLE_EQ(elapsedFraction(2023, makeDate(2023, 12, 31)), 1.0);
    EXPECT_DOUBLE_EQ(elapsedFraction(2023, makeDate(2024, 3, 1)), 1.0);
    // 2024 is a leap year: 1 July is day 183 of 366, exactly half.
    EXPECT_DOUBLE_EQ(elapsedFraction(2024, makeDate(2024, 7, 1)), 0.5);
    EXPECT_DOUBLE_EQ(elapsedFraction(2023, makeDate(2023, 6, 30)), 181.0 / 365);
}

TEST(ProgressStatus, ThresholdsAtTheirBoundaries)
{
    const Date half = makeDate(2024, 7, 1); // expected = 50 % of the target
    auto status = [&](double achieved) { return assessStatus(achieved, 1000.0, Aggregation::Sum, 2024, half).status; };
    EXPECT_EQ(status(1000), Status::Achieved);
    EXPECT_EQ(status(1200), Status::Achieved);
    EXPECT_EQ(status(500), Status::OnTrack);
    EXPECT_EQ(status(450), Status::OnTrack);   // exactly 90 % of 500
    EXPECT_EQ(status(449.99), Status::AtRisk);
    EXPECT_EQ(status(350), Status::AtRisk);    // exactly 70 %
    EXPECT_EQ(status(349.99), Status::Behind);
    EXPECT_EQ(status(0), Status::Behind);

    const auto a = assessStatus(450.0, 1000.0, Aggregation::Sum, 2024, half);
    EXPECT_DOUBLE_EQ(*a.expected, 500);
    EXPECT_DOUBLE_EQ(*a.ratioToExpected, 0.9);
    EXPECT_DOUBLE_EQ(a.elapsedFraction, 0.5);
}

TEST(ProgressStatus, ThresholdsAreConfigurable)
{
    StatusOptions options;
    options.thresholds.onTrack = 0.8;
    options.thresholds.atRisk = 0.5;
    const Date half = makeDate(2024, 7, 1);
    auto status = [&](double achieved) { return assessStatus(achieved, 100.0, Aggregation::Sum, 2024, half, options).status; };
    EXPECT_EQ(status(40), Status::OnTrack);
    EXPECT_EQ(status(39.9), Status::AtRisk);
    EXPECT_EQ(status(25), Status::AtRisk);
    EXPECT_EQ(status(24.9), Status::Behind);
    options.thresholds.atRisk = 0.9; // above on-track: refused
    EXPECT_THROW(assessStatus(1.0, 2.0, Aggregation::Sum, 2024, half, options), std::invalid_argument);
    options.thresholds = {1.5, 0.7};
    EXPECT_THROW(assessStatus(1.0, 2.0, Aggregation::Sum, 2024, half, options), std::invalid_argument);
}

TEST(ProgressStatus, LevelsAreJudgedAgainstTheWholeTarget)
{
    const Date half = makeDate(2024, 7, 1);
    // 90 % of a 96.1 % rate is "at risk" whatever the date: a rate does not grow from zero.
    EXPECT_EQ(assessStatus(80.0, 96.1, Aggregation::Ratio, 2024, half).status, Status::AtRisk);
    EXPECT_EQ(assessStatus(87.0, 96.1, Aggregation::Percent, 2024, half).status, Status::OnTrack);
    EXPECT_EQ(assessStatus(60.0, 96.1, Aggregation::Percent, 2024, half).status, Status::Behind);
    StatusOptions proRata;
    proRata.proRataLevels = true;
    EXPECT_EQ(assessStatus(60.0, 96.1, Aggregation::Percent, 2024, half, proRata).status, Status::OnTrack);
    // Percentage points of a reduction accumulate over the year like amounts.
    EXPECT_EQ(assessStatus(1.5, 3.0, Aggregation::PercentPoint, 2024, half).status, Status::OnTrack);
}

TEST(ProgressStatus, MissingFiguresAndDatesOutsideTheYear)
{
    EXPECT_EQ(assessStatus(std::nullopt, 10.0, Aggregation::Sum, 2023, makeDate(2023, 6, 30)).status, Status::NoData);
    EXPECT_EQ(assessStatus(5.0, std::nullopt, Aggregation::Sum, 2023, makeDate(2023, 6, 30)).status, Status::NoTarget);
    EXPECT_EQ(assessStatus(5.0, 0.0, Aggregation::Sum, 2023, makeDate(2023, 6, 30)).status, Status::NoTarget);
    // Before the year nothing is due yet.
    EXPECT_EQ(assessStatus(0.0, 10.0, Aggregation::Sum, 2025, makeDate(2024, 12, 1)).status, Status::OnTrack);
    // After the year the whole target is due.
    EXPECT_EQ(assessStatus(8.0, 10.0, Aggregation::Sum, 2023, makeDate(2024, 2, 1)).status, Status::AtRisk);
    // An indicator without a year uses the default year, else the date's year.
    StatusOptions options;
    options.defaultYear = 2023;
    EXPECT_EQ(assessStatus(8.0, 10.0, Aggregation::Sum, std::nullopt, makeDate(2024, 2, 1), options).status, Status::AtRisk);
    EXPECT_EQ(assessStatus(1.0, 10.0, Aggregation::Sum, std::nullopt, makeDate(2024, 1, 10)).status, Status::OnTrack);
}

TEST(ProgressStatus, CodesLabelsAndColours)
{
    std::set<std::uint32_t> colours;
    for (Status s : {Status::Achieved, Status::OnTrack, Status::AtRisk, Status::Behind, Status::NoData, Status::NoTarget}) {
        EXPECT_EQ(parseStatus(statusCode(s)), s);
        EXPECT_FALSE(statusLabelVi(s).empty());
        colours.insert(statusColor(s));
        EXPECT_EQ(statusColorHex(s).size(), 7u);
    }
    EXPECT_EQ(colours.size(), 6u);
    EXPECT_EQ(statusLabelVi(Status::OnTrack), "Đúng tiến độ");
    EXPECT_EQ(statusColorHex(Status::Behind), "#d73027");
    EXPECT_FALSE(parseStatus("late").has_value());
}
