// Attribute table: formatted cells, numeric sorting, accent-free filtering
// and the selection shared with the map.

#include "AppTestSupport.h"
#include "AttributeTable.h"
#include "AttributeTableModel.h"
#include "MapProject.h"

#include <QApplication>
#include <QItemSelectionModel>
#include <QTableView>

#include <gtest/gtest.h>

using namespace planmap::gui;

namespace {

class AttributeTableTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        apptest::app();
        layer = apptest::makeMemoryLayer();
        model.setLayer(layer);
        proxy.setSourceModel(&model);
    }
    QStringList column(int c) const
    {
        QStringList out;
        for (int r = 0; r < proxy.rowCount(); ++r) out << proxy.index(r, c).data().toString();
        return out;
    }
    MapLayer layer;
    AttributeTableModel model;
    AttributeFilterProxy proxy;
};

TEST_F(AttributeTableTest, ShowsFieldsWithTitlesAndVietnameseNumbers)
{
    ASSERT_EQ(model.rowCount(), 5);
    ASSERT_EQ(model.columnCount(), 3);
    EXPECT_EQ(model.headerData(0, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("Tên"));
    EXPECT_EQ(model.headerData(1, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("Dân số"));
    EXPECT_EQ(model.headerData(2, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("area"));
    EXPECT_EQ(model.index(2, 1).data().toString(), QStringLiteral("120.000"));
    EXPECT_EQ(model.index(1, 2).data().toString(), QStringLiteral("3,25"));
    EXPECT_EQ(model.featureId(0), 101);
    EXPECT_EQ(model.rowOf(103), 2);
}

TEST_F(AttributeTableTest, SortsNumbersAsNumbers)
{
    proxy.sort(1, Qt::AscendingOrder);
    // As text "120.000" would come first; as numbers it is last.
    EXPECT_EQ(column(1), (QStringList{QStringLiteral("8.000"), QStringLiteral("9.000"), QStringLiteral("15.000"),
                                      QStringLiteral("21.000"), QStringLiteral("120.000")}));
    proxy.sort(2, Qt::DescendingOrder);
    EXPECT_EQ(column(0).first(), QStringLiteral("Bắc Sơn"));
    EXPECT_EQ(column(0).last(), QStringLiteral("Đông Kinh"));
}

TEST_F(AttributeTableTest, SortsNamesInVietnameseOrder)
{
    proxy.sort(0, Qt::AscendingOrder);
    // Vietnamese collation puts Đ after D and before E: B, C, Đ, L, V.
    EXPECT_EQ(column(0), (QStringList{QStringLiteral("Bắc Sơn"), QStringLiteral("Cao Lộc"), QStringLiteral("Đông Kinh"),
                                      QStringLiteral("Lộc Bình"), QStringLiteral("Văn Quan")}));
}

TEST_F(AttributeTableTest, FiltersWithoutAccentsOrCase)
{
    proxy.setFilterText(QStringLiteral("loc"));
    EXPECT_EQ(proxy.rowCount(), 2);  // Lộc Bình, Cao Lộc
    proxy.setFilterText(QStringLiteral("LOC BINH"));
    ASSERT_EQ(proxy.rowCount(), 1);
    EXPECT_EQ(proxy.index(0, 0).data().toString(), QStringLiteral("Lộc Bình"));
    proxy.setFilterText(QStringLiteral("đông"));
    ASSERT_EQ(proxy.rowCount(), 1);
    EXPECT_EQ(proxy.index(0, 0).data().toString(), QStringLiteral("Đông Kinh"));
    // Numbers are matched as shown.
    proxy.setFilterText(QStringLiteral("120.000"));
    EXPECT_EQ(proxy.rowCount(), 1);
    proxy.setFilterText(QString());
    EXPECT_EQ(proxy.rowCount(), 5);
    proxy.setOnlyIds(QSet<qint64>{102, 105});
    EXPECT_EQ(proxy.rowCount(), 2);
}

TEST_F(AttributeTableTest, SelectionFollowsTheMapAndTheMapFollowsTheTable)
{
    MapProject project;
    project.setDisplayCrs(planmap::geo::Crs::fromEpsg(4326));
    project.addLayer(layer);
    AttributeTable table(&project, layer.key);
    table.setAttribute(Qt::WA_DeleteOnClose, false);

    project.setSelection(layer.key, {102, 104});
    EXPECT_EQ(table.view()->selectionModel()->selectedRows().size(), 2);

    // Selecting rows in the (sorted, filtered) table selects the features.
    table.view()->sortByColumn(1, Qt::DescendingOrder);  // Cao Lộc (103) first
    table.view()->selectionModel()->select(table.proxy()->index(0, 0),
                                           QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    EXPECT_EQ(project.selectionLayer(), layer.key);
    EXPECT_EQ(project.selection(), (QSet<qint64>{103}));

    table.setFilterText(QStringLiteral("van quan"));
    EXPECT_EQ(table.proxy()->rowCount(), 1);
    project.clearSelection();
    EXPECT_TRUE(table.view()->selectionModel()->selectedRows().isEmpty());
}

} // namespace
