#pragma once

#include "MapProject.h"
#include "ProjectData.h"

#include <QString>

namespace planmap::gui {

/// The layer settings of the open project — style, visibility, order — kept
/// in the project file (layers/project/LayerSettings.h), so they travel with
/// it and the CLI and print draw the same map. Earlier versions kept them in
/// QSettings under the project's path: those are imported once, when the
/// project has none of its own.
class LayerSettings {
public:
    explicit LayerSettings(ProjectData& data);

    /// What became of settings that were saved or imported.
    enum class Outcome {
        Nothing,     ///< nothing to do
        Saved,       ///< written to the project file
        InMemory,    ///< the project is read-only: kept until it is closed
    };

    /// Fills `project` with the layers of the data, in the saved order (or
    /// the default one), each with its cache built, its saved visibility and
    /// its saved or default style. First imports the QSettings of older
    /// versions when the project has no settings of its own.
    Outcome populate(MapProject& project);

    /// Saves the settings of every layer of `project` (a style equal to the
    /// default one is saved as "default").
    Outcome save(const MapProject& project);
    /// Forgets what was saved for this project: default styles and order.
    void reset();

    /// The settings of the layers of `project`, top first.
    static std::vector<layers::project::LayerSetting> settingsOf(const MapProject& project);

private:
    /// The settings older versions kept in QSettings; empty when none.
    std::vector<layers::project::LayerSetting> legacySettings() const;
    QString legacyGroup() const;

    ProjectData& data_;
};

} // namespace planmap::gui
