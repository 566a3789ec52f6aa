#pragma once
// Results of the analyses as map layers. Their features live in memory
// (render::MemoryFeatureSource, lon/lat EPSG:4326): nothing is written into
// the project file unless the user exports the result.

#include "MapLayer.h"

#include "planmap/layers/analysis/Catchment.h"
#include "planmap/layers/analysis/ForestProtection.h"
#include "planmap/layers/analysis/Underserved.h"

#include <QObject>
#include <QString>

#include <map>

namespace planmap::gui {

class MainWindow;
namespace analysis = layers::analysis;

/// Keys of the result layers (all start with "analysis_").
inline constexpr const char* kUnderservedLayer = "analysis_underserved";
inline constexpr const char* kCatchmentLayer = "analysis_catchment";
inline constexpr const char* kWhatIfLayer = "analysis_what_if";
inline constexpr const char* kForestLayer = "analysis_forest_communes";

/// " (minh họa)" appended to the title of a layer computed from illustrative data.
QString illustrativeTitle(const QString& title, bool illustrative);

/// Villages as points, graduated by need score (5 classes, natural breaks, yellow → red).
MapLayer underservedLayer(const analysis::UnderservedResult& result);
/// Villages as points, red when no market lies within the radius, green otherwise.
MapLayer catchmentLayer(const analysis::CatchmentResult& result);
/// The candidate market of a what-if, as a star.
MapLayer whatIfLayer(const analysis::CandidateGain& gain, bool illustrative);
/// The communes of 2025 graduated by hectares of forest (geodesic), from
/// their polygons in `inputs`.
MapLayer forestCommuneLayer(const analysis::ForestResult& result, const analysis::ForestInputs& inputs);

/// The result layers on the map of a window: set() puts a layer on top
/// (replacing the one with its key), remove() takes it away. They stay on the
/// map when the project is reloaded (after an import) and go when another
/// project is opened.
class ResultLayers : public QObject {
    Q_OBJECT
public:
    explicit ResultLayers(MainWindow& window);

    void set(MapLayer layer);
    void remove(const QString& key);
    bool contains(const QString& key) const;

signals:
    /// Another project was opened: every result is gone.
    void projectChanged();

private:
    void onProjectOpened();

    MainWindow& window_;
    QString projectPath_;
    std::map<QString, MapLayer> layers_;
};

} // namespace planmap::gui
