#pragma once

#include "planmap/layers/plan/Funding.h"
#include "planmap/layers/progress/Rollup.h"

#include <QCoreApplication>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace planmap::layers { class ProjectStore; }

namespace planmap::gui {

/// A project of the plan (Dự án 1–10): the mean percent of target reached at
/// the province over its indicators that have a target and a value (each
/// capped at 100 %, so one overshoot does not hide the others).
struct ProjectFigure {
    std::int64_t nodeId = 0;
    QString code;
    QString label;          ///< "Dự án 1" (the name before its colon)
    QString name;
    std::optional<double> percent;
    int indicators = 0;     ///< indicators with a target
    int measured = 0;       ///< of them, with a value
    bool illustrative = false;
};

/// An indicator at a district of 2023.
struct DistrictFigure {
    std::int64_t unitId = 0;
    QString name;           ///< "Tràng Định"
    std::optional<double> value, target, percent;
    bool illustrative = false;
};

/// A funding line by source (central, provincial, district budget) and kind
/// (development investment, recurrent), with what was disbursed.
struct FundingFigure {
    std::int64_t lineId = 0;
    layers::FundingSource source = layers::FundingSource::All;
    layers::FundingKind kind = layers::FundingKind::Total;
    QString label;
    double planned = 0;     ///< million VND
    double disbursed = 0;   ///< million VND
    int disbursements = 0;
    bool illustrative = false;
};

struct IndicatorChoice {
    std::int64_t id = 0;
    QString code;
    QString name;
};

/// The figures of the dashboard, from the roll-up engine and the funding
/// lines of the project (nothing is computed here that they do not give).
class DashboardData {
    Q_DECLARE_TR_FUNCTIONS(DashboardData)
public:
    explicit DashboardData(layers::ProjectStore& store);

    /// Recomputes every roll-up (entries up to options.asOf).
    void refresh(const layers::progress::RollupOptions& options = {});

    const std::vector<ProjectFigure>& projects() const { return projects_; }
    /// Indicators with a target at a district of 2023 (choices for districts()).
    const std::vector<IndicatorChoice>& districtIndicators() const { return districtIndicators_; }
    /// One indicator at every district of 2023, in name order.
    std::vector<DistrictFigure> districts(std::int64_t indicatorId) const;
    /// The leaf lines of direct state budget funding by source and kind.
    const std::vector<FundingFigure>& funding() const { return funding_; }
    /// Some figure rests on illustrative (invented) data.
    bool illustrative() const;

    /// Localized labels.
    static QString sourceLabel(layers::FundingSource source);
    static QString kindLabel(layers::FundingKind kind);

private:
    layers::ProjectStore& store_;
    std::vector<layers::progress::IndicatorRollup> rollups_;
    std::vector<ProjectFigure> projects_;
    std::vector<IndicatorChoice> districtIndicators_;
    std::vector<FundingFigure> funding_;
    std::vector<std::pair<std::int64_t, QString>> districtUnits_;
};

} // namespace planmap::gui
