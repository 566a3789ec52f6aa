#include "qt_app.h"

#include <QGuiApplication>

#include <cstdlib>
#include <mutex>

namespace planmap::test {

void ensureGuiApp()
{
    static std::once_flag once;
    std::call_once(once, [] {
        if (QGuiApplication::instance()) return;
        if (!std::getenv("QT_QPA_PLATFORM")) setenv("QT_QPA_PLATFORM", "offscreen", 0);
        static int argc = 1;
        static char name[] = "test_layers";
        static char* argv[] = {name, nullptr};
        new QGuiApplication(argc, argv);  // lives until the process ends
    });
}

} // namespace planmap::test
