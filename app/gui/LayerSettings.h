#pragma once

#include "MapProject.h"
#include "ProjectData.h"

#include <QString>

namespace planmap::gui {

/// Per-project layer settings (style, visibility, order), kept in QSettings
/// under the project file's absolute path until the project store offers a
/// place for them.
class LayerSettings {
public:
    /// `projectPath` empty = nothing is remembered.
    explicit LayerSettings(QString projectPath);

    /// Fills `project` with the layers of `data`: builds each cache, then
    /// applies the saved style and visibility or the default style, in the
    /// saved order (layers unknown to the saved order keep their place).
    void populate(MapProject& project, const ProjectData& data) const;

    void save(const MapProject& project) const;
    /// Forgets what was saved for this project.
    void reset() const;

private:
    QString group() const;
    QString path_;
};

} // namespace planmap::gui
