#include "planmap/layers/style/Classification.h"
#include "planmap/layers/style/StyleError.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <numeric>
#include <random>

using namespace planmap::layers::style;

namespace {

// Total within-class sum of squared deviations of sorted values split after
// the given group ends (brute force reference).
double sdcm(const std::vector<double>& sorted, const std::vector<std::size_t>& ends)
{
    double total = 0;
    std::size_t start = 0;
    for (std::size_t end : ends) {
        double mean = 0;
        for (std::size_t i = start; i <= end; ++i) mean += sorted[i];
        mean /= double(end - start + 1);
        for (std::size_t i = start; i <= end; ++i) total += (sorted[i] - mean) * (sorted[i] - mean);
        start = end + 1;
    }
    return total;
}

// Best partition by enumerating every split of n sorted values into k groups.
double bruteForceBest(const std::vector<double>& sorted, int k)
{
    const std::size_t n = sorted.size();
    double best = std::numeric_limits<double>::infinity();
    std::vector<std::size_t> ends(static_cast<std::size_t>(k));
    // Recursive enumeration of the k-1 cut positions.
    std::function<void(int, std::size_t)> rec = [&](int g, std::size_t start) {
        if (g == k - 1) {
            ends[std::size_t(g)] = n - 1;
            best = std::min(best, sdcm(sorted, ends));
            return;
        }
        for (std::size_t e = start; e + std::size_t(k - 1 - g) < n; ++e) {
            ends[std::size_t(g)] = e;
            rec(g + 1, e + 1);
        }
    };
    rec(0, 0);
    return best;
}

} // namespace

TEST(StyleClassification, EqualInterval)
{
    const std::vector<double> v{3, 7, 1, 11, std::nan("")};
    EXPECT_EQ(equalIntervalBreaks(v, 5), (std::vector<double>{1, 3, 5, 7, 9, 11}));
    EXPECT_EQ(equalIntervalBreaks(std::vector<double>{4, 4}, 3), (std::vector<double>{4, 4}));
    EXPECT_THROW(equalIntervalBreaks(std::vector<double>{std::nan("")}, 3), StyleError);
    EXPECT_THROW(equalIntervalBreaks(v, 0), StyleError);
}

TEST(StyleClassification, QuantileByHand)
{
    // Sorted 1..10; type-7 quantiles at 1/4, 2/4, 3/4: h = 9p → 3.25, 5.5, 7.75.
    std::vector<double> v(10);
    std::iota(v.begin(), v.end(), 1.0);
    EXPECT_EQ(quantileBreaks(v, 4), (std::vector<double>{1, 3.25, 5.5, 7.75, 10}));
    // Many equal values: repeated breaks merge (no empty classes).
    const std::vector<double> skew{0, 0, 0, 0, 0, 0, 0, 1, 2, 3};
    const auto b = quantileBreaks(skew, 4);
    EXPECT_EQ(b, (std::vector<double>{0, 0.75, 3}));  // h = 6.75 → 0 + 0.75·(1 - 0)
}

TEST(StyleClassification, JenksHandComputedClusters)
{
    // Three obvious clusters (SDCM 2 + 2 + 2 = 6).
    const std::vector<double> v{12, 1, 21, 2, 3, 10, 11, 20, 22};
    EXPECT_EQ(jenksBreaks(v, 3), (std::vector<double>{1, 3, 12, 22}));

    // {1, 2, 4, 5, 7, 9, 10, 20} in two classes, by hand: isolating 20 costs
    // the SSD of the first seven, 276 - 38²/7 = 69.71; cutting after 9 costs
    // (176 - 28²/6) + 50 = 95.33; after 7: 22.8 + 74 = 96.8. So: 1, 10, 20.
    const std::vector<double> w{1, 2, 4, 5, 7, 9, 10, 20};
    EXPECT_EQ(jenksBreaks(w, 2), (std::vector<double>{1, 10, 20}));

    // Jenks' own textbook-style example: 4 classes of these 12 values.
    const std::vector<double> x{4, 5, 9, 10, 18, 19, 20, 27, 28, 35, 36, 37};
    // Five natural groups {4,5} {9,10} {18,19,20} {27,28} {35,36,37}; with four
    // classes the cheapest merge is {4,5,9,10} (SSD 26, total 26+2+0.5+2 = 30.5)
    // rather than {27,28,35,36,37} (SSD 94.8) or {18,19,20,27,28} (SSD 90.8).
    EXPECT_EQ(jenksBreaks(x, 4), (std::vector<double>{4, 10, 20, 28, 37}));
}

TEST(StyleClassification, JenksMatchesBruteForce)
{
    std::mt19937 rng(42);
    std::lognormal_distribution<double> dist(2.0, 0.8);
    for (int trial = 0; trial < 20; ++trial) {
        std::vector<double> v(11 + trial % 4);
        for (double& d : v) d = std::round(dist(rng) * 10) / 10;
        std::vector<double> sorted = v;
        std::sort(sorted.begin(), sorted.end());
        for (int k = 2; k <= 4; ++k) {
            const std::vector<double> b = jenksBreaks(v, k);
            // Recover group ends from the breaks and compare costs.
            std::vector<std::size_t> ends;
            for (std::size_t g = 1; g < b.size(); ++g) {
                std::size_t e = 0;
                for (std::size_t i = 0; i < sorted.size(); ++i)
                    if (sorted[i] <= b[g]) e = i;
                ends.push_back(e);
            }
            EXPECT_NEAR(sdcm(sorted, ends), bruteForceBest(sorted, k), 1e-9) << "trial " << trial << " k " << k;
        }
    }
}

TEST(StyleClassification, JenksFewerDistinctValuesThanClasses)
{
    const std::vector<double> v{5, 5, 5, 9, 9};
    EXPECT_EQ(jenksBreaks(v, 5), (std::vector<double>{5, 5, 9}));
    EXPECT_EQ(jenksBreaks(std::vector<double>{3, 3}, 4), (std::vector<double>{3, 3}));
}

TEST(StyleClassification, JenksLargeInputIsFastAndOrdered)
{
    std::mt19937 rng(7);
    std::normal_distribution<double> a(100, 5), b(300, 10), c(1000, 20);
    std::vector<double> v;
    for (int i = 0; i < 20000; ++i) v.push_back(a(rng));
    for (int i = 0; i < 20000; ++i) v.push_back(b(rng));
    for (int i = 0; i < 20000; ++i) v.push_back(c(rng));
    const auto br = jenksBreaks(v, 3);
    ASSERT_EQ(br.size(), 4u);
    // The clusters do not overlap, so the optimum separates them exactly;
    // each break is the largest value of its class.
    EXPECT_EQ(std::count_if(v.begin(), v.end(), [&](double d) { return d <= br[1]; }), 20000);
    EXPECT_EQ(std::count_if(v.begin(), v.end(), [&](double d) { return d <= br[2]; }), 40000);
    EXPECT_EQ(br[1], *std::max_element(v.begin(), v.begin() + 20000));
    EXPECT_GT(goodnessOfVarianceFit(v, br), 0.99);
}

TEST(StyleClassification, GoodnessOfVarianceFit)
{
    const std::vector<double> v{1, 2, 3, 10, 11, 12};
    // Perfectly separated pairs: SDCM = 2 + 2 = 4; SDAM = 2*(1+4+... ) computed:
    // mean 6.5 → deviations² 30.25+20.25+12.25+12.25+20.25+30.25 = 125.5.
    EXPECT_NEAR(goodnessOfVarianceFit(v, std::vector<double>{1, 3, 12}), 1 - 4 / 125.5, 1e-12);
    EXPECT_DOUBLE_EQ(goodnessOfVarianceFit(v, std::vector<double>{1, 1, 2, 3, 10, 11, 12}), 1.0);
}

TEST(StyleClassification, Dispatcher)
{
    const std::vector<double> v{1, 2, 3, 10, 11, 12};
    EXPECT_EQ(classify(v, 2, ClassificationMethod::NaturalBreaks), (std::vector<double>{1, 3, 12}));
    EXPECT_EQ(classify(v, 2, ClassificationMethod::EqualInterval), (std::vector<double>{1, 6.5, 12}));
    EXPECT_THROW(classify(v, 2, ClassificationMethod::Manual), StyleError);
    EXPECT_EQ(classificationMethodFromName(QStringLiteral("naturalBreaks")), ClassificationMethod::NaturalBreaks);
    EXPECT_THROW(classificationMethodFromName(QStringLiteral("jenkins")), StyleError);
}
