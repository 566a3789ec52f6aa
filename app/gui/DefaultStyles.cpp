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
    style::LayerStyle st = project::defaultStyle(layer.key, layer.kind(), layer.valueLabels, language);

    // On screen the 2023 districts are shown instead of the 2025 communes (the
    // View menu's switch), not drawn over them as on a printed sheet, so
    // they get the communes' ground colour under their outline.
    if (layer.key == QLatin1String(project::kDistrictsLayer))
        st.features.symbol.fillColor = QColor(240, 236, 224);
    return st;
}

} // namespace planmap::gui
