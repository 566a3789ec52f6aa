#pragma once

#include "MapLayer.h"

#include "planmap/layers/progress/ProgressMap.h"

#include <QObject>

#include <optional>

namespace planmap::gui {

class MapProject;
class PlanSession;
class StoreProjectData;

/// The thematic map of progress: a choropleth of one indicator's percentage
/// achieved (or value achieved) per district of 2023 or per commune of 2025,
/// from the roll-up, added to the map as a layer with a graduated style and
/// its legend. Identify on it shows a unit's figures and, as on the unit
/// layers, the units it belongs to. Follows the session: entering, correcting or undoing progress
/// and changing links redraw it; so does reloading the project.
class ProgressMapLayer : public QObject {
    Q_OBJECT
public:
    enum class Measure { Percent, Value };
    static constexpr const char* kLayerKey = "progress_map";

    /// `data` is the open project's (the session's store): it names the units
    /// a unit of the map belongs to.
    ProgressMapLayer(PlanSession& session, MapProject& project, const StoreProjectData& data,
                     QObject* parent = nullptr);

    /// Shows the map of an indicator (replacing the one shown). Throws what
    /// the roll-up and the layer cache throw.
    void show(qint64 indicatorId, layers::progress::MapUnits units, Measure measure = Measure::Percent);
    /// Removes the layer from the map.
    void hide();
    bool isShown() const { return indicator_.has_value(); }
    std::optional<qint64> indicator() const { return indicator_; }
    layers::progress::MapUnits units() const { return units_; }
    Measure measure() const { return measure_; }
    /// The figures of the map shown last.
    const layers::progress::ProgressMap& figures() const { return map_; }

    /// Rebuilds the layer from the current roll-up (no-op when hidden).
    void refresh();

    /// The graduated style of percentages: < 50, 50–70, 70–90, 90–100, ≥ 100 %,
    /// grey where there is no figure.
    static style::FeatureStyle percentStyle(double maxPercent);
    /// Natural-breaks classes of the values achieved (grey where none).
    static style::FeatureStyle valueStyle(const std::vector<double>& values);

signals:
    void updated();

private:
    MapLayer buildLayer(const layers::progress::IndicatorRollup& rollup);

    PlanSession& session_;
    MapProject& project_;
    const StoreProjectData& data_;
    std::optional<qint64> indicator_;
    layers::progress::MapUnits units_ = layers::progress::MapUnits::Districts2023;
    Measure measure_ = Measure::Percent;
    layers::progress::ProgressMap map_;
};

} // namespace planmap::gui
