#pragma once

#include "AnalysisPage.h"

#include "planmap/layers/analysis/Catchment.h"

#include <QMetaObject>

#include <memory>
#include <optional>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace planmap::gui {


/// The market-catchment page of the Analyses panel: the radius, Run / Cancel,
/// the markets with the villages within the radius of each, the villages no
/// market serves (red on the map), planned markets as what-ifs, and a map
/// tool that drops a candidate market where the user clicks and shows at once
/// how many unserved villages it would serve.
class CatchmentPage : public AnalysisPage {
    Q_OBJECT
public:
    CatchmentPage(MainWindow& window, ResultLayers& layers, QWidget* parent = nullptr);
    ~CatchmentPage() override;

    analysis::CatchmentSettings settings() const;
    QDoubleSpinBox* radiusBox() const { return radius_; }
    bool run() override;
    analysis::ResultTables exportTables() const override;
    const analysis::CatchmentResult* result() const { return result_.get(); }

    QTableWidget* marketTable() const { return markets_; }
    QTableWidget* marketVillageTable() const { return marketVillages_; }
    QTableWidget* unservedTable() const { return unserved_; }
    QPushButton* whatIfButton() const { return pick_; }
    QLabel* whatIfLabel() const { return whatIfText_; }

    /// The what-if at a point (lon/lat, WGS 84): evaluates it, shows the
    /// change in the unserved count, the candidate on the map and selects the
    /// villages it would serve. Returns the gain (none without a result).
    std::optional<analysis::CandidateGain> setWhatIf(double lon, double lat);
    void clearWhatIf();
    /// The map tool: the next click on the map drops the candidate.
    void setPicking(bool on);
    bool isPicking() const;

private:
    void onFinished() override;
    void dropPending() override;
    void clearResult() override;
    void showResult();
    void onMarketSelected();
    void onMapClicked(QPointF pixel);

    QDoubleSpinBox* radius_ = nullptr;
    QCheckBox* planned_ = nullptr;
    QPushButton* pick_ = nullptr;
    QPushButton* clearPick_ = nullptr;
    QLabel* whatIfText_ = nullptr;
    QTableWidget* markets_ = nullptr;
    QTableWidget* marketVillages_ = nullptr;
    QTableWidget* unserved_ = nullptr;
    QTableWidget* planned_markets_ = nullptr;
    QMetaObject::Connection clickConnection_;
    int previousTool_ = 0;

    std::shared_ptr<analysis::CatchmentResult> pending_;
    std::unique_ptr<analysis::CatchmentResult> result_;
    std::optional<analysis::CandidateGain> whatIf_;
};

} // namespace planmap::gui
