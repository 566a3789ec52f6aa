#include "progress/EntryChecks.h"

#include "progress/TextSupport.h"

#include <cmath>

namespace planmap::layers::progress::detail {

namespace {

bool finite(const std::optional<double>& v) { return !v || std::isfinite(*v); }

std::optional<double> rate(const std::optional<double>& value, const std::optional<double>& numerator,
                           const std::optional<double>& denominator)
{
    if (value) return value;
    if (numerator && denominator && *denominator > 0) return 100.0 * *numerator / *denominator;
    return std::nullopt;
}

} // namespace

std::optional<double> comparableTarget(const IndicatorSpec& spec, const std::optional<Allocation>& allocation,
                                       bool atProvince)
{
    if (allocation) {
        if (auto t = rate(allocation->targetValue, allocation->targetNumerator, allocation->targetDenominator)) return t;
    }
    const bool intensive = spec.aggregation != Aggregation::Sum;
    if ((atProvince && spec.aggregation != Aggregation::None) || (!atProvince && intensive))
        return rate(spec.targetValue, spec.targetNumerator, spec.targetDenominator);
    return std::nullopt;
}

std::optional<double> comparableValue(const IndicatorSpec& spec, const ValueToCheck& v)
{
    if (spec.aggregation == Aggregation::Ratio) return rate(std::nullopt, v.numerator, v.denominator);
    return v.value;
}

void checkValue(const IndicatorSpec& spec, const ValueToCheck& v, const std::optional<double>& target,
                std::vector<CheckIssue>& issues)
{
    auto error = [&](CheckKind kind, std::string message) { issues.push_back({true, kind, std::move(message)}); };
    auto warning = [&](CheckKind kind, std::string message) { issues.push_back({false, kind, std::move(message)}); };

    if (!finite(v.value) || !finite(v.numerator) || !finite(v.denominator)) {
        error(CheckKind::NotFinite, "values must be finite numbers");
        return;
    }
    if (v.numerator.has_value() != v.denominator.has_value()) {
        error(CheckKind::RatioNeedsFraction, "give both numerator and denominator, or neither");
        return;
    }
    if (v.denominator && *v.denominator <= 0) {
        error(CheckKind::BadDenominator, "the denominator must be positive (got " + numberPlain(*v.denominator) + ")");
        return;
    }
    if (spec.aggregation == Aggregation::Ratio) {
        if (!v.numerator) {
            error(CheckKind::RatioNeedsFraction,
                  "the indicator is a ratio (e.g. 174/181 communes): give numerator/denominator, not a single number");
            return;
        }
        if (*v.numerator < 0) {
            error(CheckKind::Negative, "the numerator cannot be negative (got " + numberPlain(*v.numerator) + ")");
            return;
        }
        if (*v.numerator > *v.denominator) {
            error(CheckKind::NumeratorAboveDenominator, "the numerator " + numberPlain(*v.numerator)
                                                            + " is larger than the denominator " + numberPlain(*v.denominator));
            return;
        }
    } else {
        if (!v.value) {
            error(CheckKind::MissingValue, "the value is missing");
            return;
        }
        if (*v.value < 0 && spec.aggregation != Aggregation::PercentPoint) {
            error(CheckKind::Negative, "the value cannot be negative (got " + numberPlain(*v.value) + ")");
            return;
        }
        if (v.numerator && *v.numerator > *v.denominator)
            error(CheckKind::NumeratorAboveDenominator, "the numerator " + numberPlain(*v.numerator)
                                                            + " is larger than the denominator " + numberPlain(*v.denominator));
        if (v.numerator && *v.numerator < 0) error(CheckKind::Negative, "the numerator cannot be negative");
    }
    const auto value = comparableValue(spec, v);
    const bool isRate = spec.aggregation == Aggregation::Ratio || spec.aggregation == Aggregation::Percent;
    if (isRate && value && *value > 100.0 + 1e-9)
        warning(CheckKind::AbovePercent, "a percentage above 100: " + numberPlain(*value));
    if (value && target && *target > 0 && *value > *target + 1e-9 * std::max(1.0, std::fabs(*target)))
        warning(CheckKind::AboveTarget,
                "above the target: " + numberPlain(*value) + " > " + numberPlain(*target) + " (allowed; please check)");
}

} // namespace planmap::layers::progress::detail
