#pragma once

#include "planmap/layers/plan/PlanCatalogue.h"
#include "planmap/layers/progress/Rollup.h"
#include "planmap/layers/progress/Status.h"

#include <QAbstractItemModel>
#include <QDate>
#include <QSet>

#include <memory>
#include <unordered_map>
#include <vector>

namespace planmap::layers { class ProjectStore; }

namespace planmap::gui {

/// The plan as a tree: program → projects (Dự án 1–10) → sub-projects →
/// contents → indicators. Indicator rows show the unit of measure, the
/// target, what is achieved at the province (the roll-up by the indicator's
/// rule), the percentage, a status judged against the part of the plan year
/// elapsed (layers/progress/Status.h) and the responsible agency. Rows of
/// groups summarise their indicators. Numbers in Vietnamese notation.
class PlanTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { NameColumn, UnitColumn, TargetColumn, AchievedColumn, PercentColumn, StatusColumn, AgencyColumn,
                  ColumnCount };
    enum Role {
        NodeIdRole = Qt::UserRole + 1, ///< qint64 plan node id
        IsIndicatorRole,               ///< bool
        StatusRole,                    ///< int(layers::progress::Status) for indicators
        MarkedRole,                    ///< bool: linked to what is selected on the map (or holds such an indicator)
        SearchTextRole,                ///< code and name folded for matching
        PercentRole,                   ///< double or null
    };

    /// What the model knows of an indicator.
    struct Figures {
        layers::Aggregation aggregation = layers::Aggregation::Sum;
        std::optional<int> year;
        std::optional<layers::progress::UnitRollup> province; ///< the roll-up at the province
        layers::progress::StatusAssessment status;
        int unallocatedSplits = 0;
    };

    explicit PlanTreeModel(QObject* parent = nullptr);
    ~PlanTreeModel() override;

    /// Reads the catalogue and the roll-up of every indicator; statuses are
    /// judged on `statusDate`.
    void load(layers::ProjectStore& store, layers::progress::RollupEngine& rollup, const QDate& statusDate);
    void clear();

    int nodeCount() const { return int(items_.size()); }
    int indicatorCount() const;
    QModelIndex indexOfNode(qint64 nodeId, int column = 0) const;
    const layers::PlanNode* node(const QModelIndex& index) const;
    const Figures* figures(qint64 indicatorId) const;
    const std::optional<layers::IndicatorSpec>* spec(qint64 nodeId) const;

    /// Marks indicators (and the groups holding them); an empty set unmarks all.
    void setMarked(const QSet<qint64>& indicatorIds);
    const QSet<qint64>& marked() const { return marked_; }

    /// Texts shared with the detail pane.
    static QString statusText(layers::progress::Status status);
    static QString targetText(const layers::IndicatorSpec& spec);
    static QString achievedText(const layers::progress::UnitRollup& r, layers::Aggregation aggregation);

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Item {
        layers::PlanNode node;
        std::optional<layers::IndicatorSpec> spec;
        Item* parent = nullptr;
        int row = 0;
        std::vector<Item*> children;
        // groups: indicators below, and how many achieved or on track / with data
        int indicators = 0;
        int onTrack = 0;
        int judged = 0;
        layers::progress::Status worst = layers::progress::Status::NoTarget;
        bool marked = false;
        QString searchText;
    };
    Item* itemOf(const QModelIndex& index) const;
    void addItems(const std::vector<layers::PlanTreeNode>& nodes, Item* parent);
    void summarise(Item* item);
    QVariant displayData(const Item& item, int column) const;
    QVariant toolTip(const Item& item, int column) const;

    std::vector<std::unique_ptr<Item>> items_;
    std::vector<Item*> roots_;
    std::unordered_map<qint64, Item*> byId_;
    std::unordered_map<qint64, Figures> figures_;
    QSet<qint64> marked_;
};

} // namespace planmap::gui
