#pragma once

#include "DashboardData.h"

#include <QWidget>

#include <memory>

class QBarSet;
class QChart;
class QChartView;
class QComboBox;
class QLabel;

namespace planmap::gui {

/// "Bảng tổng hợp": charts of the plan's progress — percent of target per
/// project (Dự án 1–10) at the province, percent per district (2023) for a
/// chosen indicator, and funding by source and kind with what was disbursed.
/// Numbers in Vietnamese format; figures resting on illustrative data are
/// marked (*) and the dashboard says so.
class DashboardWidget : public QWidget {
    Q_OBJECT
public:
    explicit DashboardWidget(layers::ProjectStore& store, QWidget* parent = nullptr);
    ~DashboardWidget() override;

    /// Reads the figures again (after an import or a change of project data).
    void refresh();
    /// Shows an indicator in the district chart (no-op for one that is not offered).
    void setIndicator(std::int64_t indicatorId);
    std::int64_t indicator() const;

    const DashboardData& data() const { return data_; }
    /// The series shown, for tests: one value per category.
    QBarSet* projectSet() const { return projectSet_; }
    QBarSet* districtSet() const { return districtSet_; }
    QBarSet* plannedSet() const { return plannedSet_; }
    QBarSet* disbursedSet() const { return disbursedSet_; }
    QStringList projectCategories() const { return projectCategories_; }
    QStringList districtCategories() const { return districtCategories_; }
    QStringList fundingCategories() const { return fundingCategories_; }

private:
    void buildProjectChart();
    void buildDistrictChart();
    void buildFundingChart();

    DashboardData data_;
    QComboBox* indicatorBox_;
    QLabel* notice_;
    QChartView* projectView_;
    QChartView* districtView_;
    QChartView* fundingView_;
    QBarSet* projectSet_ = nullptr;
    QBarSet* districtSet_ = nullptr;
    QBarSet* plannedSet_ = nullptr;
    QBarSet* disbursedSet_ = nullptr;
    QStringList projectCategories_, districtCategories_, fundingCategories_;
};

} // namespace planmap::gui
