#pragma once

// Checks of a progress value against its indicator, shared by the recorder
// and the importer (private to planmap_layers).

#include "planmap/layers/plan/PlanCatalogue.h"
#include "planmap/layers/progress/Recorder.h"

#include <optional>
#include <string>
#include <vector>

namespace planmap::layers::progress::detail {

struct ValueToCheck {
    std::optional<double> value, numerator, denominator;
};

/// The target a value at a unit is compared with (see Rollup.h): the
/// allocation, else the indicator's target at the province or for rates and
/// norms. For a ratio, the rate in %.
std::optional<double> comparableTarget(const IndicatorSpec& spec, const std::optional<Allocation>& allocation,
                                       bool atProvince);

/// Appends the problems of a value: missing, not finite, negative (allowed
/// for percent_point: a change can go either way), ratio without a proper
/// fraction, a percentage above 100 (warning), above the target (warning).
void checkValue(const IndicatorSpec& spec, const ValueToCheck& v, const std::optional<double>& target,
                std::vector<CheckIssue>& issues);

/// The value that is compared with the target (ratio: 100·num/den).
std::optional<double> comparableValue(const IndicatorSpec& spec, const ValueToCheck& v);

} // namespace planmap::layers::progress::detail
