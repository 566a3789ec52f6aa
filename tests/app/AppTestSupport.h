#pragma once

// Shared helpers of the GUI tests: one offscreen QApplication for the whole
// executable, temporary directories, a small project file with units,
// features, a plan indicator and progress, built through the project store,
// a fixture sharing that project across a suite, and window, mouse and
// picture helpers.

#include "MapLayer.h"

#include <QEvent>
#include <QPointF>
#include <QSize>

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

class QApplication;
class QWidget;

namespace planmap::gui {
class MainWindow;
class MapCanvas;
} // namespace planmap::gui

namespace planmap::gui::apptest {

/// The QApplication of the test executable (created on first use, offscreen).
QApplication& app();

/// A directory removed with its contents at the end of the test.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path file(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

/// Ids of what makeSampleProject() wrote.
struct SampleProject {
    std::filesystem::path file;
    std::int64_t province = 0;
    std::int64_t districtLocBinh = 0;     ///< Huyện Lộc Bình (pre2025)
    std::int64_t districtCaoLoc = 0;      ///< Huyện Cao Lộc (pre2025)
    std::int64_t communeLocBinhOld = 0;   ///< Thị trấn Lộc Bình (pre2025, no geometry)
    std::int64_t communeLocBinh = 0;      ///< Xã Lộc Bình (2025)
    std::int64_t communeDongKinh = 0;     ///< Phường Đông Kinh (2025)
    std::int64_t communeCaoLoc = 0;       ///< Xã Cao Lộc (2025)
    std::int64_t marketLocBinh = 0;       ///< Chợ Lộc Bình (markets)
    std::int64_t village = 0;             ///< Thôn Nà Pàn (villages, illustrative)
    std::int64_t indicator = 0;           ///< markets built, target 4, 3 achieved
};

/// Writes a small Lạng Sơn-like project (3 communes of 2025 in a row from
/// west to east, 2 districts of 2023, a market, 3 illustrative villages, one
/// indicator with an allocation and progress) to `dir`/sample.planmap.
SampleProject makeSampleProject(const TempDir& dir);

/// A memory layer of 5 point features with fields name (text), population
/// (integer), area (real), built into a cache in EPSG:4326 (no styling).
MapLayer makeMemoryLayer();

/// A fixture whose suite shares one sample project (creating a SpatiaLite
/// file takes a while): made before the suite's first test, removed after its
/// last. A suite that adds to the project defines its own SetUpTestSuite()
/// calling this one first.
class SampleProjectTest : public ::testing::Test {
public:
    static void SetUpTestSuite();
    static void TearDownTestSuite();

protected:
    static inline TempDir* dir = nullptr;
    static inline SampleProject* sampleProject = nullptr;
    const SampleProject& sample = *sampleProject;
};

/// A main window of `size` showing the project `file`, events processed.
std::unique_ptr<MainWindow> openWindow(const std::filesystem::path& file, QSize size);

/// The row of the layer `key` in the window's project (-1 when absent).
int layerRow(const MainWindow& window, const char* key);

/// Waits (at most `timeoutMs`) until the canvas has an image and is not rendering.
void waitForRender(const MapCanvas& canvas, int timeoutMs = 5000);

/// Sends a mouse event at `at` (widget pixels) to `w`.
void sendMouse(QWidget& w, QEvent::Type type, QPointF at, Qt::MouseButton button, Qt::MouseButtons buttons);

/// A left click (press and release) at `at` on `w`.
void click(QWidget& w, QPointF at);

/// With PLANMAP_TEST_SHOTS=<dir>, shows `w` and saves a picture of it there as
/// <name>.png for a person to look at.
void keepShot(QWidget& w, const char* name);

} // namespace planmap::gui::apptest
