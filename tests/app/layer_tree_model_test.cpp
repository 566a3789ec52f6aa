// The layer list: visibility check boxes, the illustrative mark, drag-and-drop order.

#include "AppTestSupport.h"
#include "LayerTreeModel.h"
#include "LegendWidget.h"

#include <QApplication>
#include <QMimeData>

#include <gtest/gtest.h>

#include <memory>

using namespace planmap::gui;

namespace {

class LayerTreeModelTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        apptest::app();
        project.setDisplayCrs(planmap::geo::Crs::fromEpsg(4326));
        for (const char* key : {"a", "b", "c", "d"}) {
            MapLayer l = apptest::makeMemoryLayer();
            l.key = QString::fromLatin1(key);
            l.title = QStringLiteral("Lớp ") + l.key;
            l.illustrative = l.key == QLatin1String("c");
            project.addLayer(l);
        }
    }
    QStringList keys() const
    {
        QStringList out;
        for (int i = 0; i < project.layerCount(); ++i) out << project.layer(i).key;
        return out;
    }
    /// Drags layer `key` and drops it at `row` (between items) or on item `onRow`.
    void dragDrop(const QString& key, int row, int onRow = -1)
    {
        const int from = project.indexOf(key);
        std::unique_ptr<QMimeData> mime(model.mimeData({model.index(from)}));
        ASSERT_TRUE(mime);
        const QModelIndex parent = onRow >= 0 ? model.index(onRow) : QModelIndex();
        ASSERT_TRUE(model.canDropMimeData(mime.get(), Qt::MoveAction, row, 0, parent));
        // Returns false on purpose so the view does not remove the source row.
        EXPECT_FALSE(model.dropMimeData(mime.get(), Qt::MoveAction, row, 0, parent));
    }

    MapProject project;
    LayerTreeModel model{&project};
};

TEST_F(LayerTreeModelTest, ListsLayersWithVisibilityAndTheIllustrativeMark)
{
    ASSERT_EQ(model.rowCount(), 4);
    EXPECT_EQ(model.index(0).data().toString(), QStringLiteral("Lớp a"));
    EXPECT_EQ(model.index(0).data(Qt::CheckStateRole).toInt(), Qt::Checked);
    EXPECT_TRUE(model.index(2).data(LayerTreeModel::IllustrativeRole).toBool());
    EXPECT_TRUE(model.index(2).data(Qt::FontRole).value<QFont>().italic());
    EXPECT_TRUE(model.index(2).data(Qt::ToolTipRole).toString().contains(LayerTreeModel::illustrativeTooltip()));
    EXPECT_FALSE(model.index(1).data(Qt::ToolTipRole).toString().contains(LayerTreeModel::illustrativeTooltip()));
    EXPECT_TRUE(model.index(1).data(Qt::ToolTipRole).toString().contains(QStringLiteral("5 đối tượng")));

    EXPECT_TRUE(model.setData(model.index(1), Qt::Unchecked, Qt::CheckStateRole));
    EXPECT_FALSE(project.layer(1).visible);
    EXPECT_EQ(model.index(1).data(Qt::CheckStateRole).toInt(), Qt::Unchecked);
}

TEST_F(LayerTreeModelTest, DragAndDropReorders)
{
    dragDrop(QStringLiteral("a"), 3);  // between c and d
    EXPECT_EQ(keys(), (QStringList{"b", "c", "a", "d"}));
    dragDrop(QStringLiteral("d"), 0);  // to the top
    EXPECT_EQ(keys(), (QStringList{"d", "b", "c", "a"}));
    dragDrop(QStringLiteral("b"), -1, 3);  // onto a: takes its place
    EXPECT_EQ(keys(), (QStringList{"d", "c", "a", "b"}));
    dragDrop(QStringLiteral("c"), 4);  // after the last
    EXPECT_EQ(keys(), (QStringList{"d", "a", "b", "c"}));
}

TEST_F(LayerTreeModelTest, RenderOrderIsBottomFirstAndHonoursScaleRanges)
{
    auto st = project.layer(0).style;
    st.maxScaleDenominator = 100000;
    project.setStyle(0, st);
    project.setVisible(1, false);
    const auto at50k = project.renderLayers(50000);
    ASSERT_EQ(at50k.size(), 3u);
    EXPECT_EQ(at50k.front().name, QStringLiteral("Lớp d"));
    EXPECT_EQ(at50k.back().name, QStringLiteral("Lớp a"));
    const auto at500k = project.renderLayers(500000);
    ASSERT_EQ(at500k.size(), 2u);  // a is hidden when zoomed out beyond 1:100.000

    model.setScaleDenominator(500000);
    EXPECT_FALSE(model.index(0).data(LayerTreeModel::InScaleRole).toBool());
    EXPECT_TRUE(model.index(2).data(LayerTreeModel::InScaleRole).toBool());

    LegendWidget legend(&project);
    legend.setScaleDenominator(500000);
    EXPECT_EQ(legend.rowCount(), 2);  // c and d, one symbol each
}

} // namespace
