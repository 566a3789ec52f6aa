#pragma once

#include <QSortFilterProxyModel>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTextBrowser;
class QTreeView;

namespace planmap::gui {

class PlanSession;
class PlanTreeModel;

/// Filters the plan tree by a text (code or name, accents ignored; a
/// matching group shows all its rows) and, when asked, to the indicators
/// marked as linked to what is selected on the map.
class PlanFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit PlanFilterModel(QObject* parent = nullptr);
    void setText(const QString& text);
    void setOnlyMarked(bool only);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString folded_;
    bool onlyMarked_ = false;
};

/// The plan panel (dock "Kế hoạch"): the plan tree with targets, achieved,
/// percentage and status; a detail pane with the roll-up of the selected
/// indicator per unit and its explanations (e.g. a split 2023 commune that
/// cannot be attributed to one 2025 commune); buttons to record progress,
/// edit links and show the thematic map.
class PlanPanel : public QWidget {
    Q_OBJECT
public:
    explicit PlanPanel(QWidget* parent = nullptr);
    ~PlanPanel() override;

    /// The session of the open project (nullptr: none). Reloads.
    void setSession(PlanSession* session);
    /// Re-reads the catalogue and the roll-ups, keeping the selection.
    void reload();

    PlanTreeModel* model() const { return model_; }
    PlanFilterModel* filterModel() const { return filter_; }
    QTreeView* view() const { return view_; }

    std::optional<qint64> currentNode() const;
    /// The selected node when it is an indicator.
    std::optional<qint64> currentIndicator() const;
    void selectNode(qint64 nodeId);

    /// What is selected on the map and the indicators linked to it: they are
    /// marked (and, with the check box, the only ones listed).
    void setMapContext(const QString& title, const QSet<qint64>& indicatorIds);
    void setOnlyMapContext(bool only);
    QString contextText() const;
    QString detailHtml() const;

    /// The choice of the thematic map's units: true = communes 2025.
    bool mapByCommunes2025() const;

signals:
    void nodeSelected(qint64 nodeId);
    void indicatorSelected(qint64 indicatorId);
    void recordRequested(qint64 indicatorId);
    void linkRequested(std::optional<qint64> indicatorId);
    void mapRequested(qint64 indicatorId, bool communes2025, bool percent);

private:
    void onCurrentChanged();
    void updateDetail();
    void updateButtons();

    PlanSession* session_ = nullptr;
    PlanTreeModel* model_;
    PlanFilterModel* filter_;
    QLineEdit* search_;
    QCheckBox* onlyContext_;
    QLabel* context_;
    QDateEdit* statusDate_;
    QTreeView* view_;
    QTextBrowser* detail_;
    QLabel* footnote_;
    QPushButton* record_;
    QPushButton* link_;
    QPushButton* map_;
    QComboBox* mapUnits_;
    QComboBox* mapMeasure_;
};

} // namespace planmap::gui
