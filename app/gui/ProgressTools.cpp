#include "WindowTools.h"

#include "MainWindow.h"

namespace planmap::gui {

void installProgressTools(MainWindow& window)
{
    (void)window;
}

} // namespace planmap::gui
