#pragma once
// Painting text (fonts) needs a QGuiApplication. The command line never shows
// a window, so it runs on Qt's offscreen platform unless QT_QPA_PLATFORM says
// otherwise.

namespace planmap::cli {

/// Creates the process's QGuiApplication once; later calls do nothing.
void ensureGuiApplication();

} // namespace planmap::cli
