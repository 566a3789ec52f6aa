#include "GuiApplication.h"

#include <QGuiApplication>

#include <cstdlib>

namespace planmap::cli {

void ensureGuiApplication()
{
    if (QGuiApplication::instance()) return;
    if (!std::getenv("QT_QPA_PLATFORM")) setenv("QT_QPA_PLATFORM", "offscreen", 0);
    static int argc = 1;
    static char name[] = "planmap-cli";
    static char* argv[] = {name, nullptr};
    new QGuiApplication(argc, argv);  // lives until the process ends
}

} // namespace planmap::cli
