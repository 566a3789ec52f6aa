#include "WindowTools.h"

#include "MainWindow.h"

namespace planmap::gui {

void installAnalysisTools(MainWindow& window)
{
    (void)window;
}

} // namespace planmap::gui
