#pragma once

#include "planmap/layers/analysis/ForestProtection.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace planmap::gui {

class AnalysisRunBar;
class AnalysisRunner;
class IllustrativeBanner;
class MainWindow;
class ResultLayers;
namespace analysis = layers::analysis;

/// The forest page of the Analyses panel: geodesic hectares of the forest
/// plots by forest type, holder, commune and district, compared with the
/// plan's forest indicators (targets from the plan catalogue), overlapping
/// plots, a map of the communes by forest hectares, export, and recording
/// the hectares as progress entries (after a confirmation).
class ForestPage : public QWidget {
    Q_OBJECT
public:
    ForestPage(MainWindow& window, ResultLayers& layers, QWidget* parent = nullptr);
    ~ForestPage() override;

    bool run();
    AnalysisRunner* runner() const { return runner_; }
    AnalysisRunBar* runBar() const { return runBar_; }
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
    void onFinished();
    void showResult();
    void fillUnits();
    void clearResult();
    QString label(const std::string& field, const std::string& code) const;

    MainWindow& window_;
    ResultLayers& layers_;
    AnalysisRunner* runner_;
    AnalysisRunBar* runBar_ = nullptr;
    QCheckBox* overlaps_ = nullptr;
    QPushButton* record_ = nullptr;
    QPushButton* export_ = nullptr;
    IllustrativeBanner* banner_ = nullptr;
    QLabel* summaryLine_ = nullptr;
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
