#include "PlanTools.h"

#include "Formats.h"
#include "LinkEditor.h"
#include "MainWindow.h"
#include "PlanPanel.h"
#include "PlanSession.h"
#include "ProgressEntryDialog.h"
#include "ProgressMapLayer.h"
#include "StoreProjectData.h"
#include "WindowTools.h"

#include "planmap/layers/io/UnitLayers.h"
#include "planmap/layers/store/ProjectStore.h"

#include <QAction>
#include <QDockWidget>
#include <QMenu>
#include <QStatusBar>

#include <algorithm>
#include <map>

namespace planmap::gui {

namespace L = planmap::layers;
namespace P = planmap::layers::progress;

void installPlanTools(MainWindow& window)
{
    new PlanTools(window);
}

PlanTools* PlanTools::of(MainWindow& window)
{
    return window.findChild<PlanTools*>(QStringLiteral("planTools"), Qt::FindDirectChildrenOnly);
}

PlanTools::PlanTools(MainWindow& window) : QObject(&window), window_(window)
{
    setObjectName(QStringLiteral("planTools"));
    dock_ = new QDockWidget(tr("Kế hoạch và tiến độ"), &window);
    dock_->setObjectName(QStringLiteral("plan"));
    panel_ = new PlanPanel(dock_);
    dock_->setWidget(panel_);
    window.addDockWidget(Qt::BottomDockWidgetArea, dock_);
    connect(dock_, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        // A first showing leaves the map most of the window.
        if (visible && !sized_) {
            sized_ = true;
            window_.resizeDocks({dock_}, {std::max(280, window_.height() * 2 / 5)}, Qt::Vertical);
        }
    });
    // Closed until asked for (Kế hoạch → Bảng kế hoạch); the window remembers
    // the docks it had open when it was closed.
    dock_->hide();

    QMenu* menu = window.menu(MainWindow::Menu::Plan);
    QAction* toggle = dock_->toggleViewAction();
    toggle->setText(tr("Bảng kế hoạch"));
    toggle->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_K);
    menu->addAction(toggle);
    record_ = menu->addAction(tr("Nhập tiến độ…"), this, [this] { openRecordDialog(panel_->currentIndicator()); });
    record_->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_T);
    links_ = menu->addAction(tr("Liên kết chỉ tiêu với đối tượng…"), this,
                             [this] { openLinkEditor(panel_->currentIndicator()); });
    map_ = menu->addAction(tr("Bản đồ tiến độ của chỉ tiêu đang chọn"), this, [this] {
        if (const auto id = panel_->currentIndicator()) showProgressMap(*id, panel_->mapByCommunes2025());
        else window_.statusBar()->showMessage(tr("Chọn một chỉ tiêu trong bảng kế hoạch trước."), 6000);
    });
    menu->addAction(tr("Ẩn bản đồ tiến độ"), this, [this] {
        if (progressMap_) progressMap_->hide();
    });
    menu->addSeparator();
    undo_ = menu->addAction(tr("Hoàn tác nhập tiến độ"), this, [this] { runUndo(false); });
    undo_->setShortcut(QKeySequence::Undo);
    redo_ = menu->addAction(tr("Làm lại nhập tiến độ"), this, [this] { runUndo(true); });
    redo_->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_Z);
    updateHistoryActions();

    connect(panel_, &PlanPanel::recordRequested, this, [this](qint64 id) { openRecordDialog(id); });
    connect(panel_, &PlanPanel::linkRequested, this, [this](std::optional<qint64> id) { openLinkEditor(id); });
    connect(panel_, &PlanPanel::mapRequested, this,
            [this](qint64 id, bool communes, bool percent) { showProgressMap(id, communes, percent); });
    connect(panel_, &PlanPanel::indicatorSelected, this, [this](qint64 id) { selectLinked(id); });
    connect(&window, &MainWindow::projectOpened, this, &PlanTools::onProjectOpened);
    connect(window.project(), &MapProject::selectionChanged, this, &PlanTools::onMapSelectionChanged);
    connect(window.canvas(), &MapCanvas::identifyRequested, this, [this](const QString& key, qint64 id) {
        if (key.isEmpty() || selectingFromPanel_) return;
        window_.project()->setSelection(key, {id});
    });
    onProjectOpened();
}

PlanTools::~PlanTools()
{
    if (recordDialog_) delete recordDialog_.data();
    if (linkEditor_) delete linkEditor_.data();
    progressMap_.reset();
}

void PlanTools::onProjectOpened()
{
    StoreProjectData* data = window_.storeData();
    if (data != data_ || !session_) {
        // Another project: the dialogs and the thematic map belong to the old one.
        if (recordDialog_) delete recordDialog_.data();
        if (linkEditor_) delete linkEditor_.data();
        progressMap_.reset();
        panel_->setSession(nullptr);
        session_.reset();
        data_ = data;
        if (data_) {
            session_ = std::make_unique<PlanSession>(data_->store());
            progressMap_ = std::make_unique<ProgressMapLayer>(*session_, *window_.project(), *data_);
            connect(session_.get(), &PlanSession::historyChanged, this, &PlanTools::updateHistoryActions);
        }
        panel_->setSession(session_.get());
    } else {
        // The same project re-read (after an import or analysis wrote to it).
        session_->reloadStructure();
        panel_->reload();
        try {
            progressMap_->refresh();
        } catch (const std::exception& e) {
            window_.statusBar()->showMessage(tr("Không vẽ lại được bản đồ tiến độ: %1").arg(QString::fromUtf8(e.what())), 8000);
        }
    }
    for (QAction* a : {record_, links_, map_}) a->setEnabled(session_ != nullptr);
    updateHistoryActions();
}

void PlanTools::updateHistoryActions()
{
    const bool undo = session_ && session_->canUndo();
    const bool redo = session_ && session_->canRedo();
    undo_->setEnabled(undo);
    redo_->setEnabled(redo);
    undo_->setToolTip(undo ? session_->undoText() : QString());
    redo_->setToolTip(redo ? session_->redoText() : QString());
    undo_->setStatusTip(undo_->toolTip());
    redo_->setStatusTip(redo_->toolTip());
}

void PlanTools::runUndo(bool redo)
{
    if (!session_) return;
    const QString what = redo ? session_->redoText() : session_->undoText();
    try {
        if (redo) session_->redo();
        else session_->undo();
        window_.statusBar()->showMessage(what, 6000);
    } catch (const std::exception& e) {
        window_.statusBar()->showMessage(
            (redo ? tr("Không làm lại được: %1") : tr("Không hoàn tác được: %1")).arg(QString::fromUtf8(e.what())), 10000);
    }
    updateHistoryActions();
}

ProgressEntryDialog* PlanTools::openRecordDialog(std::optional<qint64> indicatorId)
{
    if (!session_) return nullptr;
    if (!recordDialog_) recordDialog_ = new ProgressEntryDialog(*session_, &window_);
    if (indicatorId) recordDialog_->setIndicator(*indicatorId);
    // A feature selected on the map is the likely place of the entry.
    const MapProject& project = *window_.project();
    if (project.selection().size() == 1 && !project.selectionLayer().isEmpty()) {
        const QString key = project.selectionLayer();
        const qint64 id = *project.selection().begin();
        const MapLayer* layer = project.findLayer(key);
        if (layer && !layer->toolLayer && !L::io::findUnitLayer(key.toStdString())) recordDialog_->setFeature(id);
    }
    recordDialog_->show();
    recordDialog_->raise();
    recordDialog_->activateWindow();
    return recordDialog_;
}

LinkEditor* PlanTools::openLinkEditor(std::optional<qint64> indicatorId)
{
    if (!session_) return nullptr;
    if (!linkEditor_) linkEditor_ = new LinkEditor(*session_, *window_.project(), &window_);
    linkEditor_->refreshLayers();
    if (indicatorId) linkEditor_->setIndicator(*indicatorId);
    linkEditor_->show();
    linkEditor_->raise();
    linkEditor_->activateWindow();
    return linkEditor_;
}

bool PlanTools::showProgressMap(qint64 indicatorId, bool communes2025, bool percent)
{
    if (!progressMap_) return false;
    try {
        progressMap_->show(indicatorId, communes2025 ? P::MapUnits::Communes2025 : P::MapUnits::Districts2023,
                           percent ? ProgressMapLayer::Measure::Percent : ProgressMapLayer::Measure::Value);
    } catch (const std::exception& e) {
        window_.statusBar()->showMessage(tr("Không vẽ được bản đồ tiến độ: %1").arg(QString::fromUtf8(e.what())), 10000);
        return false;
    }
    const auto& figures = progressMap_->figures();
    if (percent && figures.unitsWithPercent() == 0)
        window_.statusBar()->showMessage(
            tr("Chỉ tiêu chưa được giao cho đơn vị nào ở cấp này nên chưa tính được % đạt; thử \"giá trị đạt\"."), 10000);
    return true;
}

int PlanTools::selectLinked(qint64 indicatorId)
{
    if (!session_) return 0;
    std::vector<L::IndicatorLink> links;
    try {
        links = session_->links().links(indicatorId);
    } catch (const std::exception&) {
        return 0;
    }
    MapProject& project = *window_.project();
    // Features by layer; units by their map layer.
    std::map<QString, QSet<qint64>> features, units;
    for (const L::IndicatorLink& l : links) {
        if (l.kind == L::LinkKind::Feature) {
            features[QString::fromStdString(l.layer)].insert(l.id);
        } else if (l.unitLevel) {
            if (const L::io::UnitLayer* u = L::io::unitLayerOf(*l.unitLevel, l.unitGeneration))
                units[QString::fromStdString(u->name)].insert(l.id);
        }
    }
    // Every layer of the map holding some of them; the main one (the one the
    // panel's map context and the attribute table follow) is the layer with
    // most features, else the unit layer with most units.
    std::vector<MapProject::LayerSelection> selected;
    for (const auto* groups : {&features, &units}) {
        const std::size_t first = selected.size();
        for (const auto& [key, ids] : *groups)
            if (project.findLayer(key)) selected.emplace_back(key, ids);
        std::stable_sort(selected.begin() + std::ptrdiff_t(first), selected.end(),
                         [](const auto& a, const auto& b) { return a.second.size() > b.second.size(); });
    }
    selectingFromPanel_ = true;
    project.setSelection(selected);
    selectingFromPanel_ = false;

    int count = 0;
    QStringList hidden;
    bool anyVisible = false;
    for (const auto& [key, ids] : selected) {
        count += int(ids.size());
        const MapLayer* layer = project.findLayer(key);
        if (layer->visible) anyVisible = true;
        else hidden << layer->title;
    }
    // Selected where nothing shows them: say which layers to turn on.
    if (count > 0 && !anyVisible)
        window_.statusBar()->showMessage(
            tr("Các đối tượng liên kết với chỉ tiêu (%1) đã được chọn nhưng nằm trên lớp đang ẩn: %2. "
               "Bật lớp trong bảng \"Lớp bản đồ\" để thấy chúng.")
                .arg(formatInteger(count), hidden.join(QStringLiteral(", "))),
            10000);
    return count;
}

void PlanTools::onMapSelectionChanged()
{
    if (selectingFromPanel_ || !session_ || window_.storeData() != data_) return;
    const MapProject& project = *window_.project();
    const QString key = project.selectionLayer();
    if (key.isEmpty() || project.selection().isEmpty()) {
        panel_->setMapContext({}, {});
        return;
    }
    const MapLayer* layer = project.findLayer(key);
    const bool progressMap = key == QLatin1String(ProgressMapLayer::kLayerKey);
    if (layer && layer->toolLayer && !progressMap) {
        // An analysis result: its features are not the project's.
        panel_->setMapContext({}, {});
        return;
    }
    QSet<qint64> indicators;
    const bool unitLayer = progressMap || L::io::findUnitLayer(key.toStdString()) != nullptr;
    try {
        for (qint64 id : project.selection()) {
            const std::vector<std::int64_t> ids = unitLayer ? session_->links().indicatorsOfUnit(id)
                                                            : session_->links().indicatorsOfFeature(id);
            for (std::int64_t i : ids) indicators.insert(i);
        }
    } catch (const std::exception& e) {
        window_.statusBar()->showMessage(QString::fromUtf8(e.what()), 8000);
    }
    QString title;
    if (project.selection().size() == 1 && layer && layer->cache) {
        const int row = featureRow(*layer->cache, *project.selection().begin());
        int field = layer->cache->fieldIndex(QStringLiteral("full_name"));
        if (field < 0) field = layer->cache->fieldIndex(QStringLiteral("name"));
        if (row >= 0 && field >= 0) title = layer->cache->attribute(std::size_t(row), field).toString();
    }
    if (title.isEmpty())
        title = tr("%1 đối tượng của lớp %2").arg(project.selection().size()).arg(layer ? layer->title : key);
    panel_->setMapContext(title, indicators);
}

} // namespace planmap::gui
