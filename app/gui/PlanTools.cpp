#include "WindowTools.h"

#include "MainWindow.h"

namespace planmap::gui {

void installPlanTools(MainWindow& window)
{
    (void)window;
}

} // namespace planmap::gui
