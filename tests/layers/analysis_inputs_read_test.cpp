// The input loaders follow a RunControl: they report the reading stage from 0
// to every feature of the layers they read, and stop with AnalysisCancelled
// when cancelled, before or during the reading.

#include "planmap/layers/analysis/AccessInputs.h"
#include "planmap/layers/analysis/ForestProtection.h"

#include "store_test_support.h"

#include <gtest/gtest.h>

#include <atomic>
#include <vector>

using namespace planmap::layers;
using namespace planmap::layers::analysis;
namespace st = planmap::layers::testing;

namespace {

class InputsReadTest : public st::StoreTest {
protected:
    /// `n` villages and `n` forest plots (illustrative, invented for the test) and one market.
    void addFeatures(int n)
    {
        std::vector<Feature> features;
        for (int i = 0; i < n; ++i) {
            Feature v;
            v.layer = "villages";
            v.name = "Thôn " + std::to_string(i);
            v.illustrative = true;
            v.geometry = st::wkbPoint(106.1 + 0.001 * i, 21.8);
            features.push_back(v);
            Feature f;
            f.layer = "forests";
            f.userKey = "L" + std::to_string(i);
            f.illustrative = true;
            f.geometry = st::wkbBox(106.1 + 0.001 * i, 21.8, 106.1005 + 0.001 * i, 21.8005);
            features.push_back(f);
        }
        Feature m;
        m.layer = "markets";
        m.name = "Chợ";
        m.illustrative = true;
        m.geometry = st::wkbPoint(106.2, 21.8);
        features.push_back(m);
        project().features().insertMany(features);
    }
};

/// The reports of the reading stage; `cancelAtFirstReport` sets the cancel
/// flag when the first one (before any feature is read) comes.
struct ReadReports {
    explicit ReadReports(bool cancelAtFirstReport = false)
    {
        control.cancel = &cancel;
        control.onProgress = [this, cancelAtFirstReport](const AnalysisProgress& p) {
            EXPECT_EQ(p.stage, kReadStage);
            reports.push_back(p);
            if (cancelAtFirstReport) cancel = true;
        };
    }
    std::atomic<bool> cancel{false};
    RunControl control;
    std::vector<AnalysisProgress> reports;
};

TEST_F(InputsReadTest, AccessInputsReportTheReadingOfEveryFeature)
{
    addFeatures(300);
    ReadReports r;
    const AccessInputs in = loadAccessInputs(project(), r.control);
    EXPECT_EQ(in.villages.size(), 300u);
    ASSERT_GE(r.reports.size(), 2u);
    EXPECT_EQ(r.reports.front().done, 0u);
    // Villages and markets (forests are not read): 301 features.
    EXPECT_EQ(r.reports.back().total, 301u);
    EXPECT_EQ(r.reports.back().done, 301u);
    for (std::size_t i = 1; i < r.reports.size(); ++i) EXPECT_GE(r.reports[i].done, r.reports[i - 1].done);
}

TEST_F(InputsReadTest, AccessInputsStopWhenCancelled)
{
    addFeatures(300);
    ReadReports before;
    before.cancel = true;
    EXPECT_THROW(loadAccessInputs(project(), before.control), AnalysisCancelled);
    EXPECT_TRUE(before.reports.empty());

    // Cancelled once the reading began: it stops at the next feature, with no further report.
    ReadReports during(true);
    EXPECT_THROW(loadAccessInputs(project(), during.control), AnalysisCancelled);
    ASSERT_EQ(during.reports.size(), 1u);
    EXPECT_EQ(during.reports[0].done, 0u);
    EXPECT_EQ(during.reports[0].total, 301u);
}

TEST_F(InputsReadTest, ForestInputsReportAndStopLikewise)
{
    addFeatures(300);
    ReadReports r;
    const ForestInputs in = loadForestInputs(project(), defaultForestIndicatorRules(), r.control);
    EXPECT_EQ(in.plots.size(), 300u);
    ASSERT_GE(r.reports.size(), 2u);
    EXPECT_EQ(r.reports.back().done, 300u);
    EXPECT_EQ(r.reports.back().total, 300u);

    ReadReports during(true);
    EXPECT_THROW(loadForestInputs(project(), defaultForestIndicatorRules(), during.control), AnalysisCancelled);
    ASSERT_EQ(during.reports.size(), 1u);
    EXPECT_EQ(during.reports[0].done, 0u);
}

} // namespace
