#pragma once

// Shared helpers of the GUI tests: one offscreen QApplication for the whole
// executable, temporary directories, and a small project file with units,
// features, a plan indicator and progress, built through the project store.

#include "MapLayer.h"

#include <filesystem>
#include <string>

class QApplication;

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

} // namespace planmap::gui::apptest
