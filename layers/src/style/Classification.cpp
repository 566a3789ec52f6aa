#include "planmap/layers/style/Classification.h"

#include "planmap/layers/style/StyleError.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace planmap::layers::style {

namespace {

std::vector<double> sortedFinite(std::span<const double> values)
{
    std::vector<double> v;
    v.reserve(values.size());
    for (double x : values)
        if (std::isfinite(x)) v.push_back(x);
    if (v.empty()) throw StyleError("classification: no numeric values to classify");
    std::sort(v.begin(), v.end());
    return v;
}

void checkClasses(int classes)
{
    if (classes < 1) throw StyleError("classification: the number of classes must be at least 1");
}

// Removes repeated breaks (keeps b.front() and b.back()).
std::vector<double> dedupe(std::vector<double> b)
{
    b.erase(std::unique(b.begin(), b.end()), b.end());
    if (b.size() == 1) b.push_back(b.front());  // a single value: one class [v, v]
    return b;
}

// Weighted prefix sums over distinct sorted values, for O(1) within-group
// sums of squared deviations.
struct Prefix {
    std::vector<double> w, s1, s2;  // sizes m+1
    explicit Prefix(const std::vector<double>& x, const std::vector<double>& count)
        : w(x.size() + 1), s1(x.size() + 1), s2(x.size() + 1)
    {
        // Centre the values first: keeps s2 - s1²/w accurate for large offsets
        // (e.g. projected coordinates or populations around 1e6).
        const double c = x[x.size() / 2];
        for (std::size_t i = 0; i < x.size(); ++i) {
            const double d = x[i] - c;
            w[i + 1] = w[i] + count[i];
            s1[i + 1] = s1[i] + count[i] * d;
            s2[i + 1] = s2[i] + count[i] * d * d;
        }
    }
    // Sum of squared deviations of the group of distinct values [j, i].
    double ssq(std::size_t j, std::size_t i) const
    {
        const double ww = w[i + 1] - w[j];
        const double a = s1[i + 1] - s1[j];
        const double r = (s2[i + 1] - s2[j]) - a * a / ww;
        return r > 0.0 ? r : 0.0;
    }
};

} // namespace

QString classificationMethodName(ClassificationMethod m)
{
    switch (m) {
    case ClassificationMethod::EqualInterval: return QStringLiteral("equalInterval");
    case ClassificationMethod::Quantile: return QStringLiteral("quantile");
    case ClassificationMethod::NaturalBreaks: return QStringLiteral("naturalBreaks");
    case ClassificationMethod::Manual: return QStringLiteral("manual");
    }
    return {};
}

ClassificationMethod classificationMethodFromName(const QString& name)
{
    for (auto m : {ClassificationMethod::EqualInterval, ClassificationMethod::Quantile,
                   ClassificationMethod::NaturalBreaks, ClassificationMethod::Manual})
        if (classificationMethodName(m) == name) return m;
    throw StyleError("style JSON: unknown classification method '" + name.toStdString() + "'");
}

std::vector<double> equalIntervalBreaks(std::span<const double> values, int classes)
{
    checkClasses(classes);
    const std::vector<double> v = sortedFinite(values);
    const double lo = v.front(), hi = v.back();
    if (lo == hi) return {lo, hi};
    std::vector<double> b(std::size_t(classes) + 1);
    for (int i = 0; i <= classes; ++i) b[std::size_t(i)] = lo + (hi - lo) * double(i) / double(classes);
    b.back() = hi;  // exact despite rounding
    return b;
}

std::vector<double> quantileBreaks(std::span<const double> values, int classes)
{
    checkClasses(classes);
    const std::vector<double> v = sortedFinite(values);
    std::vector<double> b;
    b.push_back(v.front());
    const double n1 = double(v.size() - 1);
    for (int i = 1; i < classes; ++i) {
        const double h = n1 * double(i) / double(classes);
        const std::size_t lo = std::size_t(std::floor(h));
        const std::size_t hi = std::min(lo + 1, v.size() - 1);
        b.push_back(v[lo] + (h - double(lo)) * (v[hi] - v[lo]));
    }
    b.push_back(v.back());
    return dedupe(std::move(b));
}

std::vector<double> jenksBreaks(std::span<const double> values, int classes)
{
    checkClasses(classes);
    const std::vector<double> sorted = sortedFinite(values);
    // Distinct values with multiplicities: equal values always fall in one
    // class, and the dynamic programme runs over m <= n items.
    std::vector<double> x, cnt;
    for (double d : sorted) {
        if (!x.empty() && x.back() == d)
            cnt.back() += 1.0;
        else {
            x.push_back(d);
            cnt.push_back(1.0);
        }
    }
    const std::size_t m = x.size();
    const std::size_t k = std::min<std::size_t>(std::size_t(classes), m);
    if (k <= 1) return dedupe({x.front(), x.back()});

    const Prefix p(x, cnt);
    constexpr double inf = std::numeric_limits<double>::infinity();
    // cost[i]: optimal cost of the first i+1 distinct values in g groups;
    // start[g][i]: first index of the last group in that optimum.
    std::vector<double> prev(m), cur(m, inf);
    std::vector<std::vector<std::uint32_t>> start(k, std::vector<std::uint32_t>(m, 0));
    for (std::size_t i = 0; i < m; ++i) prev[i] = p.ssq(0, i);

    for (std::size_t g = 1; g < k; ++g) {
        std::fill(cur.begin(), cur.end(), inf);
        auto& st = start[g];
        // The optimal start of the last group is monotone in i (the cost is
        // a Monge array), so rows are solved by divide and conquer:
        // solve(lo, hi, optLo, optHi) fills cur[lo..hi].
        struct Frame { std::size_t lo, hi, optLo, optHi; };
        std::vector<Frame> stack{{g, m - 1, g, m - 1}};
        while (!stack.empty()) {
            const Frame f = stack.back();
            stack.pop_back();
            if (f.lo > f.hi) continue;
            const std::size_t mid = f.lo + (f.hi - f.lo) / 2;
            double best = inf;
            std::size_t bestJ = f.optLo;
            const std::size_t jEnd = std::min(mid, f.optHi);
            for (std::size_t j = f.optLo; j <= jEnd; ++j) {
                const double c = prev[j - 1] + p.ssq(j, mid);
                if (c < best) {
                    best = c;
                    bestJ = j;
                }
            }
            cur[mid] = best;
            st[mid] = std::uint32_t(bestJ);
            if (mid > f.lo) stack.push_back({f.lo, mid - 1, f.optLo, bestJ});
            stack.push_back({mid + 1, f.hi, bestJ, f.optHi});
        }
        std::swap(prev, cur);
    }

    // Walk back from the last value to the group starts.
    std::vector<double> b(k + 1);
    b[k] = x[m - 1];
    std::size_t end = m - 1;
    for (std::size_t g = k - 1; g >= 1; --g) {
        const std::size_t s = start[g][end];
        b[g] = x[s - 1];  // upper bound of the previous group
        end = s - 1;
    }
    b[0] = x[0];
    return b;
}

std::vector<double> classify(std::span<const double> values, int classes, ClassificationMethod method)
{
    switch (method) {
    case ClassificationMethod::EqualInterval: return equalIntervalBreaks(values, classes);
    case ClassificationMethod::Quantile: return quantileBreaks(values, classes);
    case ClassificationMethod::NaturalBreaks: return jenksBreaks(values, classes);
    case ClassificationMethod::Manual: break;
    }
    throw StyleError("classification: manual breaks are set by the user, not computed");
}

double goodnessOfVarianceFit(std::span<const double> values, std::span<const double> breaks)
{
    const std::vector<double> v = sortedFinite(values);
    if (breaks.size() < 2) throw StyleError("classification: at least two breaks are needed");
    double mean = 0.0;
    for (double x : v) mean += x;
    mean /= double(v.size());
    double sdam = 0.0;
    for (double x : v) sdam += (x - mean) * (x - mean);
    if (sdam == 0.0) return 1.0;

    const std::size_t k = breaks.size() - 1;
    std::vector<double> sum(k, 0.0), sumSq(k, 0.0), n(k, 0.0);
    for (double x : v) {
        std::size_t c = 0;
        while (c + 1 < k && x > breaks[c + 1]) ++c;
        sum[c] += x;
        n[c] += 1.0;
    }
    for (double x : v) {
        std::size_t c = 0;
        while (c + 1 < k && x > breaks[c + 1]) ++c;
        const double d = x - sum[c] / n[c];
        sumSq[c] += d * d;
    }
    double sdcm = 0.0;
    for (double s : sumSq) sdcm += s;
    return 1.0 - sdcm / sdam;
}

} // namespace planmap::layers::style
