#pragma once

#include "AnalysisPage.h"

#include "planmap/layers/analysis/ResultExport.h"
#include "planmap/layers/analysis/Underserved.h"

#include <QAbstractTableModel>
#include <QTimer>

#include <array>
#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QTableView;
class QTableWidget;
class QTextBrowser;

namespace planmap::gui {


/// The ranked villages of an underserved-villages result: rank, village,
/// communes (2025 and before), district, each distance (straight line and,
/// where the roads connect, along the roads) and the score.
class UnderservedModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit UnderservedModel(QObject* parent = nullptr);

    void setResult(const analysis::UnderservedResult* result);
    const analysis::VillageNeed* village(int row) const;
    /// Row of the village with feature id `id`, -1 if not shown.
    int rowOf(std::int64_t id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Column of the score.
    int scoreColumn() const { return columnCount() - 1; }

private:
    struct Column {
        enum Kind { Rank, Village, Commune, CommuneOld, District, Straight, Network, Score } kind;
        analysis::Service service = analysis::Service::Market;
    };
    const analysis::UnderservedResult* result_ = nullptr;
    std::vector<Column> columns_;
};

/// The underserved-villages page of the Analyses panel: thresholds and
/// weights, Run / Cancel with progress, the ranked table with filters, the
/// score breakdown of the selected village, summaries per unit, a map layer
/// graduated by score, and export.
class UnderservedPage : public AnalysisPage {
    Q_OBJECT
public:
    UnderservedPage(MainWindow& window, ResultLayers& layers, QWidget* parent = nullptr);
    ~UnderservedPage() override;

    /// The settings the form shows.
    analysis::UnderservedSettings settings() const;
    void setSettings(const analysis::UnderservedSettings& settings);

    bool run() override;
    /// The last complete result (filtered views are made from it), or null.
    const analysis::UnderservedResult* result() const { return result_.get(); }
    /// What the table shows (the result after the filters).
    const analysis::UnderservedResult* shownResult() const { return shown_.get(); }
    UnderservedModel* model() const { return model_; }
    QTableView* table() const { return table_; }
    QComboBox* districtFilter() const { return districtFilter_; }
    QComboBox* communeFilter() const { return communeFilter_; }
    QTableWidget* summaryTable() const { return summary_; }
    QTextBrowser* breakdown() const { return breakdown_; }
    /// Selects the village in the table (breakdown, map highlight and zoom follow).
    void selectVillage(std::int64_t id);
    /// The result as export tables (what is shown, filters applied).
    analysis::ResultTables exportTables() const override;

signals:
    /// A new result is shown (after a run or a re-score).
    void resultChanged();

private:
    void onFinished() override;
    void dropPending() override;
    void clearResult() override;
    void buildForm(QWidget* form);
    void onSettingsEdited();
    void rescoreNow();
    void showResult();
    void applyFilters();
    void fillFilters();
    void fillCommuneFilter();
    void fillSummary();
    void showBreakdown(const analysis::VillageNeed* need);
    void onRowSelected();

    std::array<QDoubleSpinBox*, 4> threshold_{};
    std::array<QDoubleSpinBox*, 4> weight_{};
    QDoubleSpinBox* dbkk_ = nullptr;
    QDoubleSpinBox* area3_ = nullptr;
    QDoubleSpinBox* area2_ = nullptr;
    QDoubleSpinBox* cap_ = nullptr;
    QCheckBox* network_ = nullptr;
    QCheckBox* scoreNetwork_ = nullptr;
    QCheckBox* planned_ = nullptr;

    QComboBox* districtFilter_ = nullptr;
    QComboBox* communeFilter_ = nullptr;
    QTableView* table_ = nullptr;
    UnderservedModel* model_ = nullptr;
    QTextBrowser* breakdown_ = nullptr;
    QComboBox* summaryLevel_ = nullptr;
    QTableWidget* summary_ = nullptr;
    QTimer rescoreTimer_;

    /// The result being computed (written by the worker thread only while it runs).
    std::shared_ptr<analysis::UnderservedResult> pending_;
    std::unique_ptr<analysis::UnderservedResult> result_;
    std::unique_ptr<analysis::UnderservedResult> shown_;
};

} // namespace planmap::gui
