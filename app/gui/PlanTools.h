#pragma once

#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

class QAction;
class QDockWidget;

namespace planmap::gui {

class LinkEditor;
class MainWindow;
class PlanPanel;
class PlanSession;
class ProgressEntryDialog;
class ProgressMapLayer;
class StoreProjectData;

/// The plan tools of the main window (installed by installPlanTools): the
/// plan panel dock, recording progress with undo/redo in the "Kế hoạch"
/// menu, the link editor and the thematic progress map. Selecting an
/// indicator selects its linked features and units on the map; selecting
/// features or units on the map marks their indicators in the panel.
class PlanTools : public QObject {
    Q_OBJECT
public:
    explicit PlanTools(MainWindow& window);
    ~PlanTools() override;

    /// The tools installed in a window (nullptr if none).
    static PlanTools* of(MainWindow& window);

    PlanSession* session() const { return session_.get(); }
    PlanPanel* panel() const { return panel_; }
    QDockWidget* dock() const { return dock_; }
    ProgressMapLayer* progressMap() const { return progressMap_.get(); }
    QAction* undoAction() const { return undo_; }
    QAction* redoAction() const { return redo_; }

    /// Opens (or raises) the record dialog for an indicator.
    ProgressEntryDialog* openRecordDialog(std::optional<qint64> indicatorId);
    LinkEditor* openLinkEditor(std::optional<qint64> indicatorId);
    /// Shows the thematic map of an indicator (a message in the status bar on failure).
    bool showProgressMap(qint64 indicatorId, bool communes2025, bool percent = true);
    /// Selects on the map what an indicator is linked to, on every layer of
    /// the map holding some of it (the layer with most features the main
    /// one); says in the status bar when all those layers are hidden.
    /// Returns how many were selected.
    int selectLinked(qint64 indicatorId);

private:
    void onProjectOpened();
    void onMapSelectionChanged();
    void updateHistoryActions();
    void runUndo(bool redo);

    MainWindow& window_;
    StoreProjectData* data_ = nullptr;
    std::unique_ptr<PlanSession> session_;
    std::unique_ptr<ProgressMapLayer> progressMap_;
    PlanPanel* panel_ = nullptr;
    QDockWidget* dock_ = nullptr;
    QAction* record_ = nullptr;
    QAction* links_ = nullptr;
    QAction* map_ = nullptr;
    QAction* undo_ = nullptr;
    QAction* redo_ = nullptr;
    QPointer<ProgressEntryDialog> recordDialog_;
    QPointer<LinkEditor> linkEditor_;
    bool selectingFromPanel_ = false;
    bool sized_ = false;
};

} // namespace planmap::gui
