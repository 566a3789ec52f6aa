// A selection on several layers at once: each layer's attribute table shows
// and edits its own part, Ctrl-click on the map toggles a feature in its
// layer's part keeping the others, a plain click or table selection replaces
// everything, and the status bar counts per layer.

#include "AppTestSupport.h"
#include "AttributeTable.h"
#include "Language.h"
#include "MainWindow.h"
#include "MapCanvas.h"
#include "MapProject.h"
#include "StoreProjectData.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QStatusBar>
#include <QTableView>

#include <gtest/gtest.h>

using namespace planmap::gui;

namespace {

/// Feature ids of the rows selected in `table`.
QSet<qint64> selectedRows(AttributeTable& table)
{
    QSet<qint64> ids;
    for (const QModelIndex& i : table.view()->selectionModel()->selectedRows())
        ids.insert(i.data(AttributeTableModel::FeatureIdRole).toLongLong());
    return ids;
}
/// A left click (press and release) at `at` on `w` with `modifiers` held.
void clickWith(QWidget& w, QPointF at, Qt::KeyboardModifiers modifiers)
{
    QMouseEvent press(QEvent::MouseButtonPress, at, w.mapToGlobal(at), Qt::LeftButton, Qt::LeftButton, modifiers);
    QApplication::sendEvent(&w, &press);
    QMouseEvent release(QEvent::MouseButtonRelease, at, w.mapToGlobal(at), Qt::LeftButton, Qt::NoButton, modifiers);
    QApplication::sendEvent(&w, &release);
}

/// A left click on the table's row showing feature `id`, with `modifiers`.
void clickRow(AttributeTable& table, qint64 id, Qt::KeyboardModifiers modifiers)
{
    const int sourceRow = table.model()->rowOf(id);
    const QModelIndex index = table.proxy()->mapFromSource(table.model()->index(sourceRow, 0));
    ASSERT_TRUE(index.isValid()) << id;
    clickWith(*table.view()->viewport(), table.view()->visualRect(index).center(), modifiers);
}

/// Two memory layers of the same 5 points (ids 101…105), titled as the
/// project's market and 2025 commune layers.
class SelectionTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        apptest::app();
        project.setDisplayCrs(planmap::geo::Crs::fromEpsg(4326));
        MapLayer markets = apptest::makeMemoryLayer();
        markets.key = QStringLiteral("markets");
        markets.title = QStringLiteral("Chợ");
        MapLayer communes = apptest::makeMemoryLayer();
        communes.key = QStringLiteral("communes");
        communes.title = QStringLiteral("Xã, phường (2025)");
        project.addLayer(markets);
        project.addLayer(communes);
    }
    static const QString& markets()
    {
        static const QString key = QStringLiteral("markets");
        return key;
    }
    static const QString& communes()
    {
        static const QString key = QStringLiteral("communes");
        return key;
    }
    MapProject project;
};

TEST_F(SelectionTest, ALayersPartIsSetKeepingTheOthers)
{
    project.setSelection({{markets(), {101}}, {communes(), {102, 103}}});
    EXPECT_EQ(project.selection(markets()), QSet<qint64>{101});
    EXPECT_EQ(project.selection(communes()), (QSet<qint64>{102, 103}));
    EXPECT_TRUE(project.selection(QStringLiteral("districts")).isEmpty());
    EXPECT_EQ(project.selectedCount(), 3);

    project.setLayerSelection(communes(), {104});
    EXPECT_EQ(project.selectionLayer(), markets());  // the main layer stays the main one
    EXPECT_EQ(project.selection(communes()), QSet<qint64>{104});
    EXPECT_EQ(project.selection(markets()), QSet<qint64>{101});

    // The main layer's part emptied: the other one becomes the main one.
    project.setLayerSelection(markets(), {});
    EXPECT_EQ(project.selectionLayer(), communes());
    EXPECT_EQ(project.selections().size(), 1u);
    // A layer new to the selection comes after the main one.
    project.setLayerSelection(markets(), {105});
    EXPECT_EQ(project.selectionLayer(), communes());
    EXPECT_EQ(project.selection(markets()), QSet<qint64>{105});
}

TEST_F(SelectionTest, SummaryGivesTheTotalAndEachLayersCountByTitle)
{
    EXPECT_TRUE(project.selectionSummary().isEmpty());
    project.setSelection(communes(), {101, 102});
    EXPECT_EQ(project.selectionSummary(), QStringLiteral("Đã chọn 2 đối tượng"));
    project.setSelection({{markets(), {101}}, {communes(), {102, 103}}});
    EXPECT_EQ(project.selectionSummary(), QStringLiteral("Đã chọn 3 đối tượng: 1 chợ; 2 xã, phường (2025)"));
}

TEST_F(SelectionTest, SummaryInEnglish)
{
    const QString i18n = QDir(QStringLiteral(PLANMAP_BIN_DIR)).absoluteFilePath(QStringLiteral("../share/planmap/i18n"));
    ASSERT_TRUE(installTranslation(Language::English, i18n)) << i18n.toStdString();
    project.setSelection({{markets(), {101, 102, 103, 104}}, {communes(), {102, 103}}});
    const QString english = project.selectionSummary();
    installTranslation(Language::Vietnamese);
    // The titles are the layers' own (here Vietnamese): the test layers are not translated.
    EXPECT_EQ(english, QStringLiteral("Selected features: 6 (chợ: 4; xã, phường (2025): 2)"));
}

TEST_F(SelectionTest, TableShowsItsLayersPartWhicheverLayerIsMain)
{
    AttributeTable table(&project, communes());
    table.setAttribute(Qt::WA_DeleteOnClose, false);
    project.setSelection({{markets(), {101}}, {communes(), {102, 104}}});
    ASSERT_EQ(project.selectionLayer(), markets());
    EXPECT_EQ(selectedRows(table), (QSet<qint64>{102, 104}));

    // "Only selected" shows this layer's part, not the main layer's.
    table.findChild<QCheckBox*>()->setChecked(true);
    EXPECT_EQ(table.proxy()->rowCount(), 2);
    project.setSelection({{markets(), {101}}, {communes(), {103}}});
    ASSERT_EQ(table.proxy()->rowCount(), 1);
    EXPECT_EQ(table.proxy()->index(0, 0).data(AttributeTableModel::FeatureIdRole).toLongLong(), 103);
    EXPECT_EQ(selectedRows(table), QSet<qint64>{103});
    // Nothing of this layer selected: no rows.
    project.setSelection(markets(), {101});
    EXPECT_EQ(table.proxy()->rowCount(), 0);
}

TEST_F(SelectionTest, PlainTableSelectionReplacesCtrlExtendsThisLayersPart)
{
    AttributeTable table(&project, communes());
    table.setAttribute(Qt::WA_DeleteOnClose, false);
    table.show();
    QApplication::processEvents();
    project.setSelection({{markets(), {101}}, {communes(), {102}}});

    // Ctrl-click adds a row to this layer's part; the market stays selected.
    clickRow(table, 104, Qt::ControlModifier);
    EXPECT_EQ(project.selection(communes()), (QSet<qint64>{102, 104}));
    EXPECT_EQ(project.selection(markets()), QSet<qint64>{101});
    EXPECT_EQ(project.selectionLayer(), markets());
    // Ctrl-click on a selected row takes it out, again keeping the market.
    clickRow(table, 102, Qt::ControlModifier);
    EXPECT_EQ(project.selection(communes()), QSet<qint64>{104});
    EXPECT_EQ(project.selection(markets()), QSet<qint64>{101});

    // Extending while the filter hides a selected row keeps that row selected.
    table.setFilterText(QStringLiteral("loc"));  // Lộc Bình, Cao Lộc: not 104
    clickRow(table, table.proxy()->index(0, 0).data(AttributeTableModel::FeatureIdRole).toLongLong(),
             Qt::ControlModifier);
    EXPECT_EQ(project.selection(communes()).size(), 2);
    EXPECT_TRUE(project.selection(communes()).contains(104));
    table.setFilterText(QString());

    // A plain click replaces the whole selection, as in QGIS.
    clickRow(table, 103, Qt::NoModifier);
    EXPECT_EQ(project.selections().size(), 1u);
    EXPECT_EQ(project.selectionLayer(), communes());
    EXPECT_EQ(project.selection(), QSet<qint64>{103});
}

TEST_F(SelectionTest, FilteringTheTableLeavesTheMapSelectionAlone)
{
    AttributeTable table(&project, communes());
    table.setAttribute(Qt::WA_DeleteOnClose, false);
    project.setSelection({{markets(), {101}}, {communes(), {102, 104}}});
    // Hiding a selected row (104 is not a "Lộc" name) does not deselect it...
    table.setFilterText(QStringLiteral("loc"));
    EXPECT_EQ(project.selection(communes()), (QSet<qint64>{102, 104}));
    EXPECT_EQ(project.selection(markets()), QSet<qint64>{101});
    // ...and showing it again highlights it again.
    table.setFilterText(QString());
    EXPECT_EQ(selectedRows(table), (QSet<qint64>{102, 104}));
    // Likewise "only selected" on and off.
    auto* only = table.findChild<QCheckBox*>();
    only->setChecked(true);
    only->setChecked(false);
    EXPECT_EQ(table.proxy()->rowCount(), 5);
    EXPECT_EQ(selectedRows(table), (QSet<qint64>{102, 104}));
    EXPECT_EQ(project.selection(communes()), (QSet<qint64>{102, 104}));
}

TEST_F(SelectionTest, ClearInATableClearsOnlyItsLayersPart)
{
    AttributeTable table(&project, communes());
    table.setAttribute(Qt::WA_DeleteOnClose, false);
    project.setSelection({{markets(), {101}}, {communes(), {102}}});
    for (QPushButton* b : table.findChildren<QPushButton*>())
        if (b->text() == QStringLiteral("Bỏ chọn")) b->click();
    EXPECT_TRUE(project.selection(communes()).isEmpty());
    EXPECT_EQ(project.selection(markets()), QSet<qint64>{101});
}

/// The sample project in the main window (market, 2025 communes, 2023 districts).
class SelectionWindowTest : public apptest::SampleProjectTest {
protected:
    void SetUp() override
    {
        window = apptest::openWindow(sample.file, QSize(1400, 900));
        apptest::waitForRender(*window->canvas());
    }
    /// The pixel of feature `id`'s label point on layer `key`.
    QPointF pixelOf(const char* key, qint64 id) const
    {
        const MapLayer* l = window->project()->findLayer(QString::fromLatin1(key));
        const QPointF p = l->cache->labelPoint(std::size_t(featureRow(*l->cache, id)));
        return window->canvas()->controller()->viewport().toPixel(p.x(), p.y());
    }
    void clickMap(QPointF at, Qt::KeyboardModifiers modifiers) { clickWith(*window->canvas(), at, modifiers); }
    QString statusCount() const
    {
        return window->statusBar()->findChild<QLabel*>(QStringLiteral("selectionCount"))->text();
    }
    std::unique_ptr<MainWindow> window;
};

TEST_F(SelectionWindowTest, CtrlClickTogglesInItsOwnLayerPlainClickReplaces)
{
    MapProject& project = *window->project();
    // Only the markets over the 2025 communes, so that a click finds a commune.
    for (int row = 0; row < project.layerCount(); ++row) {
        const QString key = project.layer(row).key;
        project.setVisible(row, key == QLatin1String("markets") || key == StoreProjectData::kCommunesLayer);
    }
    window->canvas()->setTool(MapCanvas::Tool::Select);
    const QString communes = QString::fromLatin1(StoreProjectData::kCommunesLayer);
    const QString markets = QStringLiteral("markets");

    clickMap(pixelOf("markets", sample.marketLocBinh), Qt::NoModifier);
    EXPECT_EQ(project.selections().size(), 1u);
    EXPECT_EQ(project.selection(markets), QSet<qint64>{sample.marketLocBinh});

    // Ctrl-click on a commune: added in the communes' part, the market kept.
    clickMap(pixelOf(StoreProjectData::kCommunesLayer, sample.communeDongKinh), Qt::ControlModifier);
    EXPECT_EQ(project.selection(communes), QSet<qint64>{sample.communeDongKinh});
    EXPECT_EQ(project.selection(markets), QSet<qint64>{sample.marketLocBinh});
    EXPECT_EQ(project.selectionLayer(), markets);
    clickMap(pixelOf(StoreProjectData::kCommunesLayer, sample.communeCaoLoc), Qt::ControlModifier);
    EXPECT_EQ(project.selection(communes), (QSet<qint64>{sample.communeDongKinh, sample.communeCaoLoc}));
    EXPECT_EQ(statusCount(), QStringLiteral("Đã chọn 3 đối tượng: 1 chợ; 2 xã, phường (2025)"));

    // Ctrl-click on the selected market takes it out; the communes stay.
    clickMap(pixelOf("markets", sample.marketLocBinh), Qt::ControlModifier);
    EXPECT_TRUE(project.selection(markets).isEmpty());
    EXPECT_EQ(project.selection(communes).size(), 2);
    EXPECT_EQ(statusCount(), QStringLiteral("Đã chọn 2 đối tượng"));

    // A plain click replaces the whole selection.
    clickMap(pixelOf("markets", sample.marketLocBinh), Qt::NoModifier);
    EXPECT_EQ(project.selections().size(), 1u);
    EXPECT_EQ(project.selection(markets), QSet<qint64>{sample.marketLocBinh});
    // A plain click on nothing clears it, and the count with it.
    clickMap(QPointF(2, 2), Qt::NoModifier);
    EXPECT_EQ(project.selectedCount(), 0);
    EXPECT_TRUE(statusCount().isEmpty());
}

TEST_F(SelectionWindowTest, StatusBarAndTableWithASelectionOnTwoLayers)
{
    MapProject& project = *window->project();
    const QString communes = QString::fromLatin1(StoreProjectData::kCommunesLayer);
    project.setSelection({{QStringLiteral("markets"), {sample.marketLocBinh}},
                          {communes, {sample.communeDongKinh, sample.communeCaoLoc}},
                          {QString::fromLatin1(StoreProjectData::kDistrictsLayer), {sample.districtLocBinh}}});
    EXPECT_EQ(statusCount(),
              QStringLiteral("Đã chọn 4 đối tượng: 1 chợ; 2 xã, phường (2025); 1 huyện, thành phố (2023)"));

    AttributeTable* table = window->showAttributeTable(apptest::layerRow(*window, StoreProjectData::kCommunesLayer));
    ASSERT_NE(table, nullptr);
    QApplication::processEvents();
    EXPECT_EQ(selectedRows(*table), (QSet<qint64>{sample.communeDongKinh, sample.communeCaoLoc}));

    const QString shots = qEnvironmentVariable("PLANMAP_TEST_SHOTS");
    if (shots.isEmpty()) return;
    // The window with the table floating over its lower right corner.
    project.setSelection({{QStringLiteral("markets"), {sample.marketLocBinh}},
                          {communes, {sample.communeDongKinh, sample.communeCaoLoc}}});
    window->canvas()->zoomToSelection();
    window->canvas()->renderNow();
    table->resize(760, 260);
    QApplication::processEvents();
    QImage picture = window->grab().toImage();
    const QImage tableImage = table->grab().toImage();
    QPainter p(&picture);
    const QPoint at(picture.width() - tableImage.width() - 30, picture.height() - tableImage.height() - 60);
    const QRect titleBar(at.x(), at.y() - 24, tableImage.width(), 24);
    p.fillRect(QRect(titleBar.topLeft(), QSize(tableImage.width(), tableImage.height() + 24)).adjusted(-2, -2, 2, 2),
               Qt::darkGray);
    p.fillRect(titleBar, QColor(0xe0, 0xe0, 0xe0));
    p.drawText(titleBar.adjusted(8, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft, table->windowTitle());
    p.drawImage(at, tableImage);
    p.end();
    picture.save(shots + QStringLiteral("/selection_two_layers.png"));
}

} // namespace
