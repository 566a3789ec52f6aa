#pragma once

namespace planmap::test {

/// Creates the process's QGuiApplication (offscreen platform unless
/// QT_QPA_PLATFORM says otherwise) the first time it is called. Tests that
/// paint text or use fonts call it first; gtest_main stays the entry point.
void ensureGuiApp();

} // namespace planmap::test
