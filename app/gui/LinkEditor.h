#pragma once

#include <QDialog>
#include <QList>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTreeWidget;

namespace planmap::gui {

class MapProject;
class PlanSession;

/// Attaches features (markets, roads, projects…) and administrative units to
/// a plan indicator, e.g. the four markets of "Dự án 4, Tiểu dự án 1, Nội
/// dung số 02". Features and units are picked on the map (the selection) or
/// from a list of any map layer (and of the communes of 2023, which have no
/// polygons). Each change is saved in the project at once
/// (feature_indicator_links; units as allocations without target). Links
/// that carry a target of the plan are shown but not removed.
class LinkEditor : public QDialog {
    Q_OBJECT
public:
    /// The pseudo layer of the communes of 2023 in the candidate list.
    static constexpr const char* kCommunes2023 = "communes_2023";

    LinkEditor(PlanSession& session, MapProject& project, QWidget* parent = nullptr);

    void setIndicator(qint64 indicatorId);
    std::optional<qint64> indicator() const;

    /// Links what is selected on the map; returns how many links were added.
    int addMapSelection();
    /// The list to pick from: a map layer (or kCommunes2023), filtered by name.
    void setCandidateLayer(const QString& layerKey);
    void setCandidateFilter(const QString& text);
    int candidateCount() const;
    /// Candidate ids in list order.
    QList<qint64> candidateIds() const;
    /// Links candidates of the current layer; returns how many were added.
    int addCandidates(const QList<qint64>& ids);
    /// Removes the links at these rows of the link list; returns how many went.
    int removeLinkRows(const QList<int>& rows);

    int linkCount() const;
    QTreeWidget* linksView() const { return links_; }
    QString messageText() const;

public slots:
    void reloadLinks();
    /// Re-reads the map layers offered in the candidate list.
    void refreshLayers();

private:
    void buildUi();
    void fillIndicators();
    void fillCandidates();
    bool isUnitLayer(const QString& key) const;
    int link(const QString& layerKey, const QList<qint64>& ids);

    PlanSession& session_;
    MapProject& project_;
    QComboBox* indicator_ = nullptr;
    QTreeWidget* links_ = nullptr;
    QPushButton* remove_ = nullptr;
    QPushButton* fromMap_ = nullptr;
    QComboBox* layer_ = nullptr;
    QLineEdit* filter_ = nullptr;
    QListWidget* candidates_ = nullptr;
    QPushButton* add_ = nullptr;
    QLabel* message_ = nullptr;
};

} // namespace planmap::gui
