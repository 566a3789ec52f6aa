#pragma once
// Helpers shared by the geo tests.

#include <atomic>
#include <filesystem>
#include <string>
#include <unistd.h>

namespace planmap::geo::test {

/// A fresh folder under the system temp folder, removed with its contents at scope end.
class TempDir {
public:
    TempDir() {
        static std::atomic<int> counter{0};
        path_ = std::filesystem::temp_directory_path() /
                ("planmap-geo-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

inline std::filesystem::path langsonData(const std::string& name) {
    return std::filesystem::path(PLANMAP_DATA_DIR) / name;
}

} // namespace planmap::geo::test
