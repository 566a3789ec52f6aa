#pragma once

#include "AnalysisPage.h"

#include "planmap/layers/analysis/ForestProtection.h"

#include <memory>

class QCheckBox;
class QComboBox;
class QPushButton;
class QTableWidget;

namespace planmap::gui {


/// The forest page of the Analyses panel: geodesic hectares of the forest
/// plots by forest type, holder, commune and district, compared with the
/// plan's forest indicators (targets from the plan catalogue), overlapping
/// plots, a map of the communes by forest hectares, export, and recording
/// the hectares as progress entries (after a confirmation).
class ForestPage : public AnalysisPage {
    Q_OBJECT
public:
    ForestPage(MainWindow& window, ResultLayers& layers, QWidget* parent = nullptr);
    ~ForestPage() override;

    bool run() override;
    analysis::ResultTables exportTables() const override;
    const analysis::ForestResult* result() const { return result_.get(); }
    QCheckBox* overlapsBox() const { return overlaps_; }
    QTableWidget* indicatorTable() const { return indicators_; }
    QTableWidget* unitTable() const { return units_; }
    QTableWidget* overlapTable() const { return overlapTable_; }
    QPushButton* recordButton() const { return record_; }

    /// How many progress entries recording would write at this unit level.
    std::size_t progressEntryCount(analysis::ProgressUnitLevel level) const;
    /// Writes the progress entries (no dialog); returns their ids. Throws
    /// what the progress log throws.
    std::vector<std::int64_t> recordProgress(const analysis::ForestProgressOptions& options);
    /// Asks for the date, units and author, confirms, then records.
    void recordProgressInteractively();

private:
    void onFinished() override;
    void dropPending() override;
    void clearResult() override;
    void showResult();
    void fillUnits();
    QString label(const std::string& field, const std::string& code) const;

    QCheckBox* overlaps_ = nullptr;
    QPushButton* record_ = nullptr;
    QTableWidget* indicators_ = nullptr;
    QTableWidget* types_ = nullptr;
    QTableWidget* holders_ = nullptr;
    QComboBox* unitLevel_ = nullptr;
    QTableWidget* units_ = nullptr;
    QTableWidget* overlapTable_ = nullptr;

    struct Pending;
    std::shared_ptr<Pending> pending_;
    std::unique_ptr<analysis::ForestResult> result_;
    std::shared_ptr<const analysis::ForestInputs> inputs_;
};

} // namespace planmap::gui
