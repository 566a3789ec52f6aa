// The search box finds units and features whatever the accents and case.

#include "AppTestSupport.h"
#include "SearchBox.h"
#include "SearchModel.h"
#include "SearchText.h"
#include "StoreProjectData.h"

#include <QApplication>

#include <gtest/gtest.h>

using namespace planmap::gui;

namespace {

class SearchTest : public apptest::SampleProjectTest {
protected:
    void SetUp() override { data = std::make_unique<StoreProjectData>(sample.file); }

    std::unique_ptr<StoreProjectData> data;
};

TEST_F(SearchTest, FoldRemovesAccentsAndCase)
{
    EXPECT_EQ(foldForSearch(QStringLiteral("Lộc Bình")), QStringLiteral("loc binh"));
    EXPECT_EQ(foldForSearch(QStringLiteral("LỘC  BÌNH")), QStringLiteral("loc binh"));
    EXPECT_EQ(foldForSearch(QStringLiteral("Đông Kinh")), QStringLiteral("dong kinh"));
}

TEST_F(SearchTest, FindsLocBinhWithOrWithoutAccents)
{
    for (const QString& query : {QStringLiteral("loc binh"), QStringLiteral("Lộc Bình"), QStringLiteral("LOC BINH"),
                                 QStringLiteral("lộc bình")}) {
        const std::vector<SearchHit> hits = data->search(query, 20);
        bool commune = false, district = false, market = false;
        for (const SearchHit& h : hits) {
            if (h.layerKey == QLatin1String(StoreProjectData::kCommunesLayer) && h.featureId == sample.communeLocBinh) {
                commune = true;
                EXPECT_EQ(h.title, QStringLiteral("Xã Lộc Bình"));
            }
            if (h.layerKey == QLatin1String(StoreProjectData::kDistrictsLayer) && h.featureId == sample.districtLocBinh)
                district = true;
            if (h.layerKey == QLatin1String("markets") && h.featureId == sample.marketLocBinh) market = true;
        }
        EXPECT_TRUE(commune) << query.toStdString();
        EXPECT_TRUE(district) << query.toStdString();
        EXPECT_TRUE(market) << query.toStdString();
        // Nothing unrelated comes back.
        for (const SearchHit& h : hits)
            EXPECT_TRUE(foldForSearch(h.title).contains(QStringLiteral("loc binh"))) << h.title.toStdString();
    }
}

TEST_F(SearchTest, OldUnitsWithoutGeometryAreListedButNotOnTheMap)
{
    bool old = false;
    for (const SearchHit& h : data->search(QStringLiteral("thi tran loc binh"), 20))
        if (h.featureId == sample.communeLocBinhOld) {
            old = true;
            EXPECT_TRUE(h.layerKey.isEmpty());
        }
    EXPECT_TRUE(old);
}

TEST_F(SearchTest, NoMatchGivesNoHits)
{
    EXPECT_TRUE(data->search(QStringLiteral("hà nội"), 20).empty());
}

TEST_F(SearchTest, SearchBoxFillsItsCompleterModel)
{
    SearchBox box;
    box.setSearchFunction([this](const QString& t, int limit) { return data->search(t, limit); });
    box.setText(QStringLiteral("LOC BINH"));
    box.searchNow();
    ASSERT_GE(box.model()->rowCount(), 3);
    EXPECT_TRUE(box.model()->index(0).data(Qt::DisplayRole).toString().contains(QStringLiteral("Lộc Bình")));
    // What the completer writes back into the box is the query itself.
    EXPECT_EQ(box.model()->index(0).data(Qt::EditRole).toString(), QStringLiteral("LOC BINH"));

    std::vector<SearchHit> chosen;
    QObject::connect(&box, &SearchBox::hitChosen, [&](const SearchHit& h) { chosen.push_back(h); });
    emit box.returnPressed();
    ASSERT_EQ(chosen.size(), 1u);
    EXPECT_EQ(chosen[0].title, box.model()->hit(0).title);

    // One letter is too short to search.
    box.setText(QStringLiteral("l"));
    box.searchNow();
    EXPECT_EQ(box.model()->rowCount(), 0);
}

} // namespace
