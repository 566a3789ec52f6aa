#include "DefaultStyles.h"

#include "Language.h"

#include "planmap/layers/project/ProjectLayers.h"

namespace planmap::gui {

style::LayerStyle defaultStyle(const MapLayer& layer)
{
    namespace project = layers::project;
    const project::Language language =
        uiLanguage() == Language::English ? project::Language::English : project::Language::Vietnamese;
    // The screen, the CLI and print layouts share one set of default styles.
    return project::defaultStyle(layer.key, layer.kind(), layer.valueLabels, language);
}

} // namespace planmap::gui
