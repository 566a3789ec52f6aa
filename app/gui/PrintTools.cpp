#include "WindowTools.h"

#include "MainWindow.h"

namespace planmap::gui {

void installPrintTools(MainWindow& window)
{
    (void)window;
}

} // namespace planmap::gui
