#pragma once

#include <QString>

#include <span>
#include <vector>

namespace planmap::layers::style {

enum class ClassificationMethod {
    EqualInterval,  ///< classes of equal width between min and max
    Quantile,       ///< (about) the same number of values in each class
    NaturalBreaks,  ///< Jenks / Fisher optimal: minimal within-class sum of squared deviations
    Manual,         ///< breaks set by the user (classify() does not produce them)
};

QString classificationMethodName(ClassificationMethod m);
ClassificationMethod classificationMethodFromName(const QString& name);  ///< throws StyleError

/// Class boundaries for `values`: a vector b of size k+1 with b[0] = min,
/// b[k] = max and class i = [b[i], b[i+1]] (a value equal to a break belongs
/// to the lower class). NaN values are ignored. Fewer than `classes` classes
/// come back when there are fewer distinct values (never empty classes for
/// NaturalBreaks and Quantile). Throws StyleError if `values` has no finite
/// value, `classes` < 1, or the method is Manual.
std::vector<double> classify(std::span<const double> values, int classes, ClassificationMethod method);

std::vector<double> equalIntervalBreaks(std::span<const double> values, int classes);
/// Break i (0 < i < k) is the empirical quantile i/k (linear interpolation
/// between order statistics, "type 7"); repeated breaks are merged.
std::vector<double> quantileBreaks(std::span<const double> values, int classes);
/// Exact Fisher–Jenks optimal partition of the sorted values into `classes`
/// contiguous groups minimising the total within-group sum of squared
/// deviations (dynamic programming with divide-and-conquer optimisation,
/// O(k·n·log n)). The upper bound of group g is its largest value.
std::vector<double> jenksBreaks(std::span<const double> values, int classes);

/// Goodness of variance fit of a partition (1 = perfect): 1 - SDCM/SDAM.
double goodnessOfVarianceFit(std::span<const double> values, std::span<const double> breaks);

} // namespace planmap::layers::style
