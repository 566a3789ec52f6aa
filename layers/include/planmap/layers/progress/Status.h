#pragma once

#include "planmap/layers/plan/PlanCatalogue.h"
#include "planmap/layers/store/Dates.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

/// \file
/// Whether an indicator is on schedule at a unit on a given date.
///
/// Amounts that accumulate over the plan year (aggregation sum and
/// percent_point) are judged against the part of the target due by the date:
/// expected = target × elapsed fraction of the indicator's year (day of year
/// / days in year; 0 before the year, 1 after it). Levels (ratio, percent,
/// max, none) have no baseline in a plan, so they are judged against the
/// whole target unless StatusOptions::proRataLevels is set. Then
///   achieved ≥ target                  → Achieved
///   achieved ≥ onTrack × expected      → OnTrack   (default 90 %)
///   achieved ≥ atRisk × expected       → AtRisk    (default 70 %)
///   otherwise                          → Behind
/// Nothing is expected before the year starts (expected 0 → OnTrack).

namespace planmap::layers::progress {

enum class Status {
    Achieved, ///< the target is reached
    OnTrack,  ///< đúng tiến độ
    AtRisk,   ///< có nguy cơ chậm
    Behind,   ///< chậm tiến độ
    NoData,   ///< a target but no value
    NoTarget, ///< nothing to compare with
};

struct StatusThresholds {
    double onTrack = 0.90; ///< fraction of the expected value
    double atRisk = 0.70;
};

struct StatusOptions {
    StatusThresholds thresholds;
    /// Judge levels (ratio, percent, max, none) pro rata like amounts.
    bool proRataLevels = false;
    /// The plan year when an indicator has none.
    std::optional<int> defaultYear;
};

struct StatusAssessment {
    Status status = Status::NoTarget;
    double elapsedFraction = 0;           ///< of the indicator's year at the date
    std::optional<double> expected;       ///< what should be reached by the date
    std::optional<double> ratioToExpected;///< achieved / expected
};

/// The fraction of `year` elapsed at the end of `date` (31 Dec → 1).
double elapsedFraction(int year, Date date);

/// Judges an achieved value against a target on `date`. `year` is the
/// indicator's year (unset: options.defaultYear, else the date's year).
/// Throws std::invalid_argument for thresholds outside 0 < atRisk ≤ onTrack ≤ 1.
StatusAssessment assessStatus(const std::optional<double>& achieved, const std::optional<double>& target,
                              Aggregation aggregation, const std::optional<int>& year, Date date,
                              const StatusOptions& options = {});

std::string_view statusCode(Status status);       ///< "achieved", "on_track", "at_risk", "behind", "no_data", "no_target"
std::string_view statusLabelVi(Status status);    ///< "Đã đạt", "Đúng tiến độ", "Có nguy cơ chậm", "Chậm tiến độ", ...
std::string_view statusLabelEn(Status status);    ///< "achieved", "on track", "at risk", "behind", ...
std::optional<Status> parseStatus(std::string_view code);

/// Display colour of a status, as 0xRRGGBB: dark green, green, amber, red,
/// grey, light grey (distinguishable by most colour-blind readers together
/// with the label; never the colour alone).
std::uint32_t statusColor(Status status);
/// "#1b7837" etc.
std::string statusColorHex(Status status);

} // namespace planmap::layers::progress
