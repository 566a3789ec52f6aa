#include "WindowTools.h"

#include "MainWindow.h"

namespace planmap::gui {

void installImportTools(MainWindow& window)
{
    (void)window;
}

} // namespace planmap::gui
