// The plan tools of the map window: the plan tree model, recording progress
// with corrections and undo/redo, the link editor and the thematic progress
// map, on a copy of the small sample project (and the bundled project when built).

#include "AppTestSupport.h"
#include "Formats.h"
#include "IdentifyPanel.h"
#include "Language.h"
#include "IndicatorHistoryModel.h"
#include "LinkEditor.h"
#include "MainWindow.h"
#include "PlanPanel.h"
#include "PlanSession.h"
#include "PlanTools.h"
#include "PlanTreeModel.h"
#include "ProgressEntryDialog.h"
#include "ProgressMapLayer.h"
#include "StoreProjectData.h"

#include "planmap/layers/plan/IndicatorLinks.h"
#include "planmap/layers/progress/ProgressMap.h"
#include "planmap/layers/store/ProjectStore.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QApplication>
#include <QComboBox>
#include <QSettings>
#include <QStatusBar>
#include <QTreeView>

#include <gtest/gtest.h>

#include <filesystem>

using namespace planmap::gui;
namespace L = planmap::layers;
namespace P = planmap::layers::progress;

namespace {

/// Ids of what the fixture adds to the sample project.
struct Extra {
    std::int64_t communeSplitOld = 0; ///< Xã Bính Xá (pre2025), split between Đông Kinh and Cao Lộc
    std::int64_t ratioIndicator = 0;  ///< a ratio indicator under the program
};

class PlanToolsTest : public apptest::SampleProjectTest {
protected:
    static void SetUpTestSuite()
    {
        SampleProjectTest::SetUpTestSuite();
        // What the plan tools need beyond the sample: a district allocation,
        // a 2023 entry, and a 2023 commune split between two 2025 communes.
        L::ProjectStore store = L::ProjectStore::open(sampleProject->file);
        L::AdminUnit split;
        split.level = L::UnitLevel::Commune;
        split.type = L::UnitType::Commune;
        split.generation = "pre2025";
        split.code = "06625";
        split.name = "Bính Xá";
        split.fullName = "Xã Bính Xá";
        split.parentId = sampleProject->districtCaoLoc;
        extra.communeSplitOld = store.units().insert(split);
        for (std::int64_t to : {sampleProject->communeDongKinh, sampleProject->communeCaoLoc}) {
            L::CrosswalkLink link;
            link.oldUnitId = extra.communeSplitOld;
            link.newUnitId = to;
            link.kind = L::CrosswalkKind::Partial;
            store.units().insertCrosswalk(link);
        }
        L::Allocation a;
        a.indicatorId = sampleProject->indicator;
        a.unitId = sampleProject->districtLocBinh;
        a.targetValue = 2;
        store.plan().insertAllocation(a);
        L::ProgressEntry e;
        e.indicatorId = sampleProject->indicator;
        e.unitId = sampleProject->communeLocBinhOld;
        e.value = 1;
        e.asOf = L::makeDate(2024, 12, 31);
        store.progress().append(e);
        e.unitId = extra.communeSplitOld;
        e.value = 2;
        store.progress().append(e);

        L::Indicator ratio;
        ratio.node.code = "DA4.DUONG";
        ratio.node.parentId = store.plan().nodeByCode("CT1719")->id;
        ratio.node.level = L::PlanLevel::Indicator;
        ratio.node.ordinal = 2;
        ratio.node.name = "Xã có đường ô tô đến trung tâm được cứng hóa";
        ratio.node.responsibleAgency = "Sở Giao thông vận tải";
        ratio.spec.unitOfMeasure = "%";
        ratio.spec.year = 2025;
        ratio.spec.targetNumerator = 174;
        ratio.spec.targetDenominator = 181;
        ratio.spec.targetValue = 96.1;
        ratio.spec.aggregation = L::Aggregation::Ratio;
        extra.ratioIndicator = store.plan().insertIndicator(ratio);
    }
    void SetUp() override
    {
        QSettings().clear();
        file = work.file("plan.planmap");
        std::filesystem::copy_file(sample.file, file);
    }
    void TearDown() override
    {
        window.reset();
        QSettings().clear();
    }
    void openWindow()
    {
        window = apptest::openWindow(file, QSize(1400, 900));
        tools = PlanTools::of(*window);
        ASSERT_NE(tools, nullptr);
        ASSERT_NE(tools->session(), nullptr);
        tools->session()->setStatusDate(QDate(2025, 12, 31));
    }
    /// The unit rows of identify as (relation, name).
    static std::vector<std::pair<QString, QString>> unitRows(const FeatureDetails& d)
    {
        std::vector<std::pair<QString, QString>> rows;
        for (const UnitLink& u : d.units) rows.emplace_back(u.relation, u.name);
        return rows;
    }
    static QString cell(const PlanTreeModel& m, qint64 node, int column)
    {
        return m.indexOfNode(node, column).data().toString();
    }

    static inline Extra extra;
    apptest::TempDir work;
    std::filesystem::path file;
    std::unique_ptr<MainWindow> window;
    PlanTools* tools = nullptr;
};

TEST_F(PlanToolsTest, TreeModelShowsTargetsAchievedAndStatus)
{
    L::ProjectStore store = L::ProjectStore::open(file);
    P::RollupEngine engine(store.connection());
    PlanTreeModel model;
    model.load(store, engine, QDate(2025, 12, 31));
    EXPECT_EQ(model.nodeCount(), 3);
    EXPECT_EQ(model.indicatorCount(), 2);
    EXPECT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.rowCount(model.index(0, 0)), 2);

    // The province figures are the roll-up's: 2025 tree, Lộc Bình's own 3;
    // the split Bính Xá counts once at the province (3 + 2 = 5 of 4).
    const P::IndicatorRollup rollup = engine.rollup(sample.indicator);
    ASSERT_NE(rollup.province(), nullptr);
    ASSERT_TRUE(rollup.province()->value.has_value());
    EXPECT_EQ(cell(model, sample.indicator, PlanTreeModel::TargetColumn), QStringLiteral("4"));
    EXPECT_EQ(cell(model, sample.indicator, PlanTreeModel::AchievedColumn), formatNumber(*rollup.province()->value));
    EXPECT_EQ(cell(model, sample.indicator, PlanTreeModel::PercentColumn),
              formatPercent(*rollup.province()->percentOfTarget));
    EXPECT_EQ(cell(model, sample.indicator, PlanTreeModel::UnitColumn), QStringLiteral("chợ"));
    EXPECT_DOUBLE_EQ(model.indexOfNode(sample.indicator).data(PlanTreeModel::PercentRole).toDouble(),
                     *rollup.province()->percentOfTarget);
    const P::StatusAssessment expected = P::assessStatus(rollup.province()->value, rollup.province()->target,
                                                         L::Aggregation::Sum, std::nullopt, L::makeDate(2025, 12, 31));
    EXPECT_EQ(model.indexOfNode(sample.indicator).data(PlanTreeModel::StatusRole).toInt(), int(expected.status));
    EXPECT_EQ(cell(model, sample.indicator, PlanTreeModel::StatusColumn), PlanTreeModel::statusText(expected.status));
    // The status colour is the library's.
    EXPECT_EQ(model.indexOfNode(sample.indicator, PlanTreeModel::StatusColumn).data(Qt::DecorationRole).value<QColor>(),
              QColor(QRgb(P::statusColor(expected.status))));

    // A ratio target as numerator/denominator; the agency; no progress yet.
    EXPECT_EQ(cell(model, extra.ratioIndicator, PlanTreeModel::TargetColumn), QStringLiteral("174/181"));
    EXPECT_EQ(cell(model, extra.ratioIndicator, PlanTreeModel::AgencyColumn), QStringLiteral("Sở Giao thông vận tải"));
    EXPECT_TRUE(cell(model, extra.ratioIndicator, PlanTreeModel::AchievedColumn).isEmpty());
    EXPECT_EQ(model.indexOfNode(extra.ratioIndicator).data(PlanTreeModel::StatusRole).toInt(), int(P::Status::NoData));

    // Marks reach the groups holding a marked indicator.
    model.setMarked({sample.indicator});
    EXPECT_TRUE(model.indexOfNode(sample.indicator).data(PlanTreeModel::MarkedRole).toBool());
    EXPECT_TRUE(model.index(0, 0).data(PlanTreeModel::MarkedRole).toBool());
    EXPECT_FALSE(model.indexOfNode(extra.ratioIndicator).data(PlanTreeModel::MarkedRole).toBool());
}

TEST_F(PlanToolsTest, BundledProjectTree)
{
    const std::filesystem::path bundled = PLANMAP_BUNDLED_PROJECT;
    if (!std::filesystem::exists(bundled)) GTEST_SKIP() << "bundled project not built: " << bundled;
    const std::filesystem::path copy = work.file("langson.planmap");
    std::filesystem::copy_file(bundled, copy);
    L::ProjectStore store = L::ProjectStore::open(copy);
    P::RollupEngine engine(store.connection());
    PlanTreeModel model;
    model.load(store, engine, QDate(2023, 12, 31));
    const std::vector<L::Indicator> indicators = store.plan().indicatorsUnder();
    EXPECT_EQ(model.indicatorCount(), int(indicators.size()));
    EXPECT_GE(model.indicatorCount(), 100);
    // The program's projects: "Dự án 1" … "Dự án 10".
    const QModelIndex program = model.index(0, 0);
    int projects = 0;
    for (int r = 0; r < model.rowCount(program); ++r)
        projects += model.index(r, 0, program).data().toString().startsWith(QStringLiteral("Dự án "));
    EXPECT_EQ(projects, 10);
    // Hỗ trợ nhà ở: 640 households in the plan; achieved as the CLI's province figure.
    const auto house = store.plan().indicatorByCode("DA01.CT02");
    ASSERT_TRUE(house.has_value());
    EXPECT_EQ(cell(model, house->node.id, PlanTreeModel::TargetColumn), QStringLiteral("640"));
    const auto figures = P::provinceFigures(store.connection());
    const auto it = figures.find(house->node.id);
    ASSERT_NE(it, figures.end());
    ASSERT_TRUE(it->second.achieved.has_value());
    EXPECT_EQ(cell(model, house->node.id, PlanTreeModel::AchievedColumn),
              formatNumber(*it->second.achieved) + (it->second.illustrative ? QStringLiteral(" *") : QString()));
    EXPECT_EQ(cell(model, house->node.id, PlanTreeModel::PercentColumn), formatPercent(*it->second.percentOfTarget));
}

TEST_F(PlanToolsTest, RecordCorrectUndoRedoThroughTheDialog)
{
    openWindow();
    PlanSession& session = *tools->session();
    L::ProjectStore& store = session.store();
    const std::int64_t before = store.progress().count();

    ProgressEntryDialog* dialog = tools->openRecordDialog(sample.indicator);
    ASSERT_NE(dialog, nullptr);
    const int historyBefore = dialog->history()->rowCount();
    EXPECT_EQ(historyBefore, 3);

    // Errors are shown next to their field and nothing is written.
    dialog->setUnitText(QStringLiteral("Xã Không Có"));
    dialog->setValueText(QStringLiteral("abc"));
    dialog->setAsOf(QDate(2025, 8, 15));
    EXPECT_FALSE(dialog->submit().has_value());
    EXPECT_TRUE(dialog->fieldError(ProgressEntryDialog::Field::Place).contains(QStringLiteral("Không tìm thấy")));
    EXPECT_TRUE(dialog->fieldError(ProgressEntryDialog::Field::Value).contains(QStringLiteral("không phải là số")));
    dialog->setUnitText(QStringLiteral("06000"));
    dialog->setValueText(QStringLiteral("-3"));
    EXPECT_FALSE(dialog->submit().has_value());
    EXPECT_TRUE(dialog->fieldError(ProgressEntryDialog::Field::Place).isEmpty());
    EXPECT_EQ(dialog->fieldError(ProgressEntryDialog::Field::Value), QStringLiteral("Giá trị không được âm."));
    EXPECT_EQ(store.progress().count(), before);

    // A valid entry at Xã Cao Lộc (2025) by code.
    dialog->setValueText(QStringLiteral("2"));
    dialog->setSourceDocument(QStringLiteral("125/BC-UBND"));
    const auto first = dialog->submit();
    ASSERT_TRUE(first.has_value()) << dialog->fieldError(ProgressEntryDialog::Field::General).toStdString();
    EXPECT_EQ(store.progress().count(), before + 1);
    EXPECT_EQ(dialog->history()->rowCount(), historyBefore + 1);
    const auto entry = store.progress().get(*first);
    ASSERT_TRUE(entry.has_value());
    EXPECT_EQ(entry->unitId, sample.communeCaoLoc);
    EXPECT_EQ(entry->value, 2.0);
    EXPECT_EQ(entry->sourceDocument, std::optional<std::string>("125/BC-UBND"));
    EXPECT_TRUE(entry->author.has_value() || qEnvironmentVariable("USER").isEmpty());
    auto caoLoc = [&] { return session.rollup().rollup(sample.indicator).at(sample.communeCaoLoc); };
    // The panel shows the new roll-up.
    const P::IndicatorRollup afterFirst = session.rollup().rollup(sample.indicator);
    EXPECT_EQ(cell(*tools->panel()->model(), sample.indicator, PlanTreeModel::AchievedColumn),
              formatNumber(*afterFirst.province()->value));

    // A correction supersedes the entry; the old one stays, marked.
    ASSERT_TRUE(dialog->beginCorrection(*first));
    dialog->setValueText(QStringLiteral("1,5"));
    const auto corrected = dialog->submit();
    ASSERT_TRUE(corrected.has_value()) << dialog->fieldError(ProgressEntryDialog::Field::General).toStdString();
    EXPECT_EQ(store.progress().count(), before + 2);
    EXPECT_EQ(store.progress().supersededBy(*first), corrected);
    const int oldRow = dialog->history()->rowOf(*first);
    ASSERT_GE(oldRow, 0);
    const QString state =
        dialog->history()->index(oldRow, IndicatorHistoryModel::StateColumn).data().toString();
    EXPECT_TRUE(state.startsWith(QStringLiteral("Bị thay thế bởi mục số %1").arg(*corrected))) << state.toStdString();
    EXPECT_FALSE(dialog->history()->index(oldRow, 0).data(IndicatorHistoryModel::InForceRole).toBool());
    ASSERT_NE(caoLoc(), nullptr);
    EXPECT_EQ(caoLoc()->value, 1.5);

    // Undo (Kế hoạch menu, Ctrl+Z) restores 2, redo gives 1,5 again: by new entries.
    EXPECT_EQ(tools->undoAction()->shortcut(), QKeySequence(QKeySequence::Undo));
    EXPECT_EQ(tools->redoAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    ASSERT_TRUE(tools->undoAction()->isEnabled());
    tools->undoAction()->trigger();
    EXPECT_EQ(caoLoc()->value, 2.0);
    EXPECT_EQ(store.progress().count(), before + 3);
    tools->undoAction()->trigger();
    EXPECT_EQ(caoLoc() ? caoLoc()->value : std::nullopt, std::nullopt);
    EXPECT_TRUE(tools->redoAction()->isEnabled());
    tools->redoAction()->trigger();
    EXPECT_EQ(caoLoc()->value, 2.0);
    tools->redoAction()->trigger();
    EXPECT_EQ(caoLoc()->value, 1.5);
    EXPECT_FALSE(tools->redoAction()->isEnabled());
    EXPECT_EQ(dialog->history()->rowCount(), historyBefore + 6);
    apptest::keepShot(*dialog, "plan_record_dialog");
}

TEST_F(PlanToolsTest, HistoryNamesFeaturesByNameAndMapTitle)
{
    openWindow();
    L::ProjectStore& store = tools->session()->store();
    ProgressEntryDialog* dialog = tools->openRecordDialog(sample.indicator);
    ASSERT_NE(dialog, nullptr);
    dialog->setFeature(sample.marketLocBinh);
    dialog->setValueText(QStringLiteral("1"));
    dialog->setAsOf(QDate(2025, 9, 1));
    const auto id = dialog->submit();
    ASSERT_TRUE(id.has_value()) << dialog->fieldError(ProgressEntryDialog::Field::General).toStdString();
    const int row = dialog->history()->rowOf(*id);
    ASSERT_GE(row, 0);
    const QString place = dialog->history()->index(row, IndicatorHistoryModel::PlaceColumn).data().toString();
    const QString title = QString::fromStdString(store.features().layer("markets").titleVi);
    const QString name = QString::fromStdString(store.features().get(sample.marketLocBinh)->name.value_or(""));
    ASSERT_FALSE(name.isEmpty());
    EXPECT_EQ(place, QStringLiteral("%1 (%2)").arg(name, title));
    EXPECT_FALSE(place.contains(QStringLiteral("markets"))) << place.toStdString();
    // The dialog's list of features names the layer the same way.
    bool listed = false;
    for (const QComboBox* box : dialog->findChildren<QComboBox*>())
        listed = listed || box->findText(QStringLiteral("%1 (%2)").arg(name, title)) >= 0;
    EXPECT_TRUE(listed);
}

TEST_F(PlanToolsTest, ToolLayersAreNotLookedUpAmongTheStoresFeatures)
{
    openWindow();
    // A result layer of a tool whose one feature has the id of a market of the store.
    const MapLayer* markets = window->project()->findLayer(QStringLiteral("markets"));
    ASSERT_NE(markets, nullptr);
    auto source = std::make_shared<planmap::layers::render::MemoryFeatureSource>(
        markets->source->crs(), std::vector<QString>{QStringLiteral("score")});
    markets->source->forEach([&](const planmap::layers::render::SourceFeature& f) {
        if (f.id == sample.marketLocBinh)
            source->add(f.id, std::vector<std::uint8_t>(f.wkb.begin(), f.wkb.end()), {QVariant(7)});
    });
    ASSERT_EQ(source->size(), 1u);
    MapLayer result;
    result.key = QStringLiteral("analysis_test");
    result.title = QStringLiteral("Kết quả thử");
    result.source = source;
    result.toolLayer = true;
    window->project()->addLayer(std::move(result), 0);
    const MapLayer* added = window->project()->findLayer(QStringLiteral("analysis_test"));
    ASSERT_NE(added, nullptr);
    // Store data of the market would carry its name and its indicator; the tool layer only its attributes.
    const FeatureDetails d = window->storeData()->details(*added, sample.marketLocBinh);
    EXPECT_TRUE(d.title.isEmpty()) << d.title.toStdString();
    EXPECT_TRUE(d.indicators.empty());
    ASSERT_EQ(d.attributes.size(), 1u);
    EXPECT_EQ(d.attributes[0].second, QStringLiteral("7"));
    window->identify(QStringLiteral("analysis_test"), sample.marketLocBinh);
    EXPECT_EQ(window->identifyPanel()->titleText(), QStringLiteral("Kết quả thử"));
    EXPECT_EQ(window->identifyPanel()->indicatorCount(), 0);
    // The same id on the markets layer is the market.
    window->identify(QStringLiteral("markets"), sample.marketLocBinh);
    EXPECT_NE(window->identifyPanel()->titleText(), QStringLiteral("Kết quả thử"));
}

TEST_F(PlanToolsTest, NumbersAreReadTheVietnameseWay)
{
    EXPECT_EQ(ProgressEntryDialog::parseNumber(QStringLiteral("1.238.075")), 1238075.0);
    EXPECT_EQ(ProgressEntryDialog::parseNumber(QStringLiteral("1.234,5")), 1234.5);
    EXPECT_EQ(ProgressEntryDialog::parseNumber(QStringLiteral("12,25")), 12.25);
    EXPECT_EQ(ProgressEntryDialog::parseNumber(QStringLiteral("12.5")), 12.5);
    EXPECT_EQ(ProgressEntryDialog::parseNumber(QStringLiteral("1 500")), 1500.0);
    EXPECT_FALSE(ProgressEntryDialog::parseNumber(QStringLiteral("12a")).has_value());
    EXPECT_FALSE(ProgressEntryDialog::parseNumber(QStringLiteral("1,2,3")).has_value());
    EXPECT_FALSE(ProgressEntryDialog::parseNumber(QString()).has_value());
}

TEST_F(PlanToolsTest, LinkEditorSavesLinksInTheProject)
{
    openWindow();
    LinkEditor* editor = tools->openLinkEditor(extra.ratioIndicator);
    ASSERT_NE(editor, nullptr);
    EXPECT_EQ(editor->indicator(), extra.ratioIndicator);
    EXPECT_EQ(editor->linkCount(), 0);

    // From a list: the villages layer, filtered without accents.
    editor->setCandidateLayer(QStringLiteral("villages"));
    EXPECT_EQ(editor->candidateCount(), 3);
    editor->setCandidateFilter(QStringLiteral("na pan"));
    ASSERT_EQ(editor->candidateIds(), QList<qint64>{sample.village});
    EXPECT_EQ(editor->addCandidates(editor->candidateIds()), 1);
    EXPECT_EQ(editor->addCandidates(editor->candidateIds()), 0); // already linked

    // From the map selection: a 2025 commune.
    window->project()->setSelection(QString::fromLatin1(StoreProjectData::kCommunesLayer), {sample.communeCaoLoc});
    EXPECT_EQ(editor->addMapSelection(), 1);
    EXPECT_EQ(editor->linkCount(), 2);
    editor->setCandidateFilter(QString());
    apptest::keepShot(*editor, "plan_link_editor");

    // Saved in the project file: read it through another connection.
    {
        L::ProjectStore other = L::ProjectStore::open(file);
        L::IndicatorLinks links(other);
        const auto saved = links.links(extra.ratioIndicator);
        ASSERT_EQ(saved.size(), 2u);
        EXPECT_EQ(saved[0].kind, L::LinkKind::Feature);
        EXPECT_EQ(saved[0].id, sample.village);
        EXPECT_EQ(saved[1].kind, L::LinkKind::Unit);
        EXPECT_EQ(saved[1].id, sample.communeCaoLoc);
        EXPECT_FALSE(saved[1].hasTarget);
    }

    // Selecting the village on the map marks the indicator in the panel.
    window->project()->setSelection(QStringLiteral("villages"), {sample.village});
    EXPECT_TRUE(tools->panel()->model()->marked().contains(extra.ratioIndicator));
    EXPECT_TRUE(tools->panel()->contextText().contains(QStringLiteral("Thôn Nà Pàn")));
    tools->panel()->setOnlyMapContext(true);
    EXPECT_EQ(tools->panel()->filterModel()->rowCount(tools->panel()->filterModel()->index(0, 0)), 1);
    tools->panel()->setOnlyMapContext(false);

    // Removing: the commune link goes, a target allocated by the plan stays.
    editor->removeLinkRows({0, 1});
    EXPECT_EQ(editor->linkCount(), 0);
    LinkEditor* markets = tools->openLinkEditor(sample.indicator);
    const int planLinks = markets->linkCount(); // the market and the two allocations with targets
    EXPECT_EQ(planLinks, 3);
    QList<int> all;
    for (int i = 0; i < planLinks; ++i) all << i;
    EXPECT_EQ(markets->removeLinkRows(all), 1); // only the market link
    EXPECT_EQ(markets->linkCount(), 2);
}

TEST_F(PlanToolsTest, SelectingAnIndicatorSelectsItsFeatures)
{
    openWindow();
    tools->panel()->selectNode(sample.indicator);
    EXPECT_EQ(tools->panel()->currentIndicator(), sample.indicator);
    EXPECT_EQ(window->project()->selectionLayer(), QStringLiteral("markets"));
    EXPECT_EQ(window->project()->selection(), QSet<qint64>{sample.marketLocBinh});
    // The detail pane explains the split 2023 commune (Rollup's own words).
    const QString html = tools->panel()->detailHtml();
    EXPECT_TRUE(html.contains(QStringLiteral("Bính Xá"))) << html.toStdString();
    EXPECT_TRUE(html.contains(QStringLiteral("chỉ tính một lần ở cấp tỉnh"))) << html.toStdString();
    apptest::keepShot(*window, "plan_window");
}

TEST_F(PlanToolsTest, SelectingAnIndicatorSelectsOnEveryLayerWithItsLinks)
{
    openWindow();
    MapProject& project = *window->project();
    auto selectedOn = [&](const char* key) {
        for (const auto& [layer, ids] : project.selections())
            if (layer == QLatin1String(key)) return ids;
        return QSet<qint64>();
    };
    // The market, and the two units the plan gives a target: the 2025 commune
    // and the 2023 district.
    EXPECT_EQ(tools->selectLinked(sample.indicator), 3);
    EXPECT_EQ(project.selections().size(), 3u);
    EXPECT_EQ(project.selectionLayer(), QStringLiteral("markets"));
    EXPECT_EQ(selectedOn("markets"), QSet<qint64>{sample.marketLocBinh});
    EXPECT_EQ(selectedOn(StoreProjectData::kCommunesLayer), QSet<qint64>{sample.communeLocBinh});
    EXPECT_EQ(selectedOn(StoreProjectData::kDistrictsLayer), QSet<qint64>{sample.districtLocBinh});
    // Zoom to selection takes in all of them, not the market alone.
    const auto commune = project.findLayer(QString::fromLatin1(StoreProjectData::kCommunesLayer))->cache;
    const auto district = project.findLayer(QString::fromLatin1(StoreProjectData::kDistrictsLayer))->cache;
    planmap::layers::render::Extent both = commune->featureBounds(std::size_t(featureRow(*commune, sample.communeLocBinh)));
    both.expand(district->featureBounds(std::size_t(featureRow(*district, sample.districtLocBinh))));
    const auto extent = project.selectionExtent();
    EXPECT_LE(extent.minx, both.minx);
    EXPECT_GE(extent.maxx, both.maxx);
    EXPECT_LE(extent.miny, both.miny);
    EXPECT_GE(extent.maxy, both.maxy);
    EXPECT_TRUE(window->statusBar()->currentMessage().isEmpty()) << window->statusBar()->currentMessage().toStdString();

    // All those layers hidden: selected all the same, and the status bar says where.
    for (const char* key : {"markets", StoreProjectData::kCommunesLayer, StoreProjectData::kDistrictsLayer})
        project.setVisible(apptest::layerRow(*window, key), false);
    project.clearSelection();
    EXPECT_EQ(tools->selectLinked(sample.indicator), 3);
    EXPECT_EQ(project.selections().size(), 3u);
    const QString message = window->statusBar()->currentMessage();
    EXPECT_TRUE(message.contains(QStringLiteral("lớp đang ẩn"))) << message.toStdString();
    EXPECT_TRUE(message.contains(project.findLayer(QStringLiteral("markets"))->title)) << message.toStdString();

    // One of them shown again: no message.
    window->statusBar()->clearMessage();
    project.setVisible(apptest::layerRow(*window, "markets"), true);
    EXPECT_EQ(tools->selectLinked(sample.indicator), 3);
    EXPECT_TRUE(window->statusBar()->currentMessage().isEmpty()) << window->statusBar()->currentMessage().toStdString();

    // A layer removed from the map drops out of the selection, the others stay.
    project.removeLayer(apptest::layerRow(*window, "markets"));
    EXPECT_EQ(project.selections().size(), 2u);
    EXPECT_FALSE(project.selectionLayer().isEmpty());
}

TEST_F(PlanToolsTest, ThematicMapEqualsRollupAndFollowsEntries)
{
    openWindow();
    PlanSession& session = *tools->session();
    ASSERT_TRUE(tools->showProgressMap(sample.indicator, true));
    auto layerPercent = [&](std::int64_t unitId) -> QVariant {
        const MapLayer* layer = window->project()->findLayer(QString::fromLatin1(ProgressMapLayer::kLayerKey));
        if (!layer || !layer->cache) return QVariant(QStringLiteral("no layer"));
        const int row = featureRow(*layer->cache, unitId);
        if (row < 0) return QVariant(QStringLiteral("no feature"));
        return layer->cache->attribute(std::size_t(row), layer->cache->fieldIndex(QStringLiteral("percent")));
    };
    // Every 2025 commune's percentage is the roll-up's.
    P::IndicatorRollup rollup = session.rollup().rollup(sample.indicator);
    int compared = 0;
    for (std::int64_t unit : {sample.communeLocBinh, sample.communeDongKinh, sample.communeCaoLoc}) {
        const P::UnitRollup* r = rollup.at(unit);
        const QVariant shown = layerPercent(unit);
        if (r && r->percentOfTarget) {
            EXPECT_DOUBLE_EQ(shown.toDouble(), *r->percentOfTarget);
            ++compared;
        } else {
            EXPECT_TRUE(shown.isNull()) << shown.toString().toStdString();
        }
    }
    EXPECT_EQ(compared, 1);
    EXPECT_DOUBLE_EQ(layerPercent(sample.communeLocBinh).toDouble(), 75.0);
    // Identify on the map shows the unit's figures, not a store feature with the unit's id.
    window->identify(QString::fromLatin1(ProgressMapLayer::kLayerKey), sample.communeLocBinh);
    EXPECT_TRUE(window->identifyPanel()->titleText().startsWith(QStringLiteral("Xã Lộc Bình")))
        << window->identifyPanel()->titleText().toStdString();
    EXPECT_EQ(window->identifyPanel()->indicatorCount(), 1);
    apptest::keepShot(*window->identifyPanel(), "plan_progress_map_identify");
    {
        const MapLayer* shown = window->project()->findLayer(QString::fromLatin1(ProgressMapLayer::kLayerKey));
        ASSERT_NE(shown, nullptr);
        EXPECT_TRUE(shown->toolLayer);
        const FeatureDetails d = window->storeData()->details(*shown, sample.communeLocBinh);
        ASSERT_EQ(d.indicators.size(), 1u);
        EXPECT_EQ(d.indicators[0].percent, std::optional<double>(75.0));
        EXPECT_EQ(d.indicators[0].target, rollup.at(sample.communeLocBinh) ? formatNumber(*rollup.at(sample.communeLocBinh)->target) : QString());
        // The unit's hierarchy as identify on the communes of the base map shows it:
        // its province from 01/7/2025 and the commune of before it was formed from.
        const std::vector<std::pair<QString, QString>> expected{
            {QStringLiteral("Tỉnh (từ 01/7/2025)"), QStringLiteral("Tỉnh Lạng Sơn")},
            {QStringLiteral("Hợp thành từ (trước 01/7/2025)"), QStringLiteral("Thị trấn Lộc Bình")}};
        EXPECT_EQ(unitRows(d), expected);
        EXPECT_EQ(unitRows(d), unitRows(window->storeData()->details(
                                   *window->project()->findLayer(QString::fromLatin1(StoreProjectData::kCommunesLayer)),
                                   sample.communeLocBinh)));
        QStringList shownValues;
        for (const QLabel* v : window->identifyPanel()->valueLabels()) shownValues << v->text();
        EXPECT_TRUE(shownValues.contains(QStringLiteral("Thị trấn Lộc Bình"))) << shownValues.join(u'|').toStdString();
    }
    // The split commune's explanation is on the communes that may hold part of it.
    const P::UnitProgress* dongKinh = tools->progressMap()->figures().at(sample.communeDongKinh);
    ASSERT_NE(dongKinh, nullptr);
    EXPECT_TRUE(dongKinh->unallocatedSplit);
    // The legend classes come from a graduated style.
    const MapLayer* layer = window->project()->findLayer(QString::fromLatin1(ProgressMapLayer::kLayerKey));
    ASSERT_NE(layer, nullptr);
    EXPECT_EQ(layer->style.features.kind, planmap::layers::style::StyleKind::Graduated);
    EXPECT_EQ(layer->style.features.ranges.size(), 5u);

    // An entry updates the map: Lộc Bình reaches its 4 markets.
    ProgressEntryDialog* dialog = tools->openRecordDialog(sample.indicator);
    dialog->setUnitText(QStringLiteral("Xã Lộc Bình"), ProgressEntryDialog::Generation::Gen2025);
    dialog->setValueText(QStringLiteral("4"));
    dialog->setAsOf(QDate(2025, 9, 30));
    ASSERT_TRUE(dialog->submit().has_value()) << dialog->fieldError(ProgressEntryDialog::Field::Place).toStdString();
    rollup = session.rollup().rollup(sample.indicator);
    EXPECT_DOUBLE_EQ(layerPercent(sample.communeLocBinh).toDouble(), *rollup.at(sample.communeLocBinh)->percentOfTarget);
    EXPECT_DOUBLE_EQ(layerPercent(sample.communeLocBinh).toDouble(), 100.0);

    // The districts of 2023: Lộc Bình's target 2, 1 reported by its old township.
    ASSERT_TRUE(tools->showProgressMap(sample.indicator, false));
    rollup = session.rollup().rollup(sample.indicator);
    ASSERT_NE(rollup.at(sample.districtLocBinh), nullptr);
    EXPECT_DOUBLE_EQ(layerPercent(sample.districtLocBinh).toDouble(), *rollup.at(sample.districtLocBinh)->percentOfTarget);
    EXPECT_DOUBLE_EQ(layerPercent(sample.districtLocBinh).toDouble(), 50.0);
    // A district of 2023: the units identify lists on the districts' layer
    // (none in the sample; see the bundled project's test for real ones).
    EXPECT_EQ(unitRows(window->storeData()->details(
                  *window->project()->findLayer(QString::fromLatin1(ProgressMapLayer::kLayerKey)), sample.districtLocBinh)),
              unitRows(window->storeData()->details(
                  *window->project()->findLayer(QString::fromLatin1(StoreProjectData::kDistrictsLayer)),
                  sample.districtLocBinh)));
    // After the project is re-read (an import elsewhere) the map is back.
    window->reloadProject();
    EXPECT_GE(window->project()->indexOf(QString::fromLatin1(ProgressMapLayer::kLayerKey)), 0);
    tools->progressMap()->hide();
    EXPECT_LT(window->project()->indexOf(QString::fromLatin1(ProgressMapLayer::kLayerKey)), 0);
}

TEST_F(PlanToolsTest, BundledProjectInTheWindowInBothLanguages)
{
    const std::filesystem::path bundled = PLANMAP_BUNDLED_PROJECT;
    if (!std::filesystem::exists(bundled)) GTEST_SKIP() << "bundled project not built: " << bundled;
    std::filesystem::remove(file);
    std::filesystem::copy_file(bundled, file);
    const QString i18n = QDir(QStringLiteral(PLANMAP_BIN_DIR)).absoluteFilePath(QStringLiteral("../share/planmap/i18n"));
    for (const Language language : {Language::Vietnamese, Language::English}) {
        ASSERT_TRUE(installTranslation(language, i18n));
        const bool english = language == Language::English;
        openWindow();
        tools->dock()->show();
        const auto roads = tools->session()->store().plan().indicatorByCode("DA04.1.CT01");
        ASSERT_TRUE(roads.has_value());
        tools->panel()->selectNode(roads->node.id);
        ASSERT_EQ(tools->panel()->currentIndicator(), roads->node.id);
        // A ratio judged against the plan's norm in every district: the map's
        // percentages are the roll-up's.
        ASSERT_TRUE(tools->showProgressMap(roads->node.id, false));
        const P::IndicatorRollup rollup = tools->session()->rollup().rollup(roads->node.id);
        const auto& figures = tools->progressMap()->figures();
        EXPECT_GT(figures.unitsWithPercent(), 5);
        for (const P::UnitProgress& u : figures.units) {
            const P::UnitRollup* r = rollup.at(u.unitId);
            EXPECT_EQ(u.percent, r ? r->percentOfTarget : std::nullopt) << u.name;
        }
        EXPECT_TRUE(figures.illustrative()) << "the bundled progress is illustrative and must say so";
        // Identify on a district of the map lists its province of before
        // 01/7/2025 and the communes of 2025 it went into, as on the districts' layer.
        const MapLayer* progressLayer = window->project()->findLayer(QString::fromLatin1(ProgressMapLayer::kLayerKey));
        const MapLayer* districts = window->project()->findLayer(QString::fromLatin1(StoreProjectData::kDistrictsLayer));
        ASSERT_NE(progressLayer, nullptr);
        ASSERT_NE(districts, nullptr);
        ASSERT_FALSE(figures.units.empty());
        const qint64 district = figures.units.front().unitId;
        const std::vector<UnitLink> units = window->storeData()->details(*progressLayer, district).units;
        ASSERT_FALSE(units.empty());
        EXPECT_EQ(units.front().relation, english ? QStringLiteral("Province (before 1 July 2025)")
                                                  : QStringLiteral("Tỉnh (trước 01/7/2025)"))
            << units.front().relation.toStdString();
        EXPECT_EQ(unitRows(window->storeData()->details(*progressLayer, district)),
                  unitRows(window->storeData()->details(*districts, district)));
        EXPECT_EQ(tools->dock()->windowTitle(), english ? QStringLiteral("Plan and progress") : QStringLiteral("Kế hoạch và tiến độ"));
        const QString shots = qEnvironmentVariable("PLANMAP_TEST_SHOTS");
        if (!shots.isEmpty())
            window->saveScreenshot(shots + (english ? QStringLiteral("/plan_window_en.png") : QStringLiteral("/plan_window_vi.png")));
        window.reset();
    }
    installTranslation(Language::Vietnamese, i18n);
}

} // namespace
