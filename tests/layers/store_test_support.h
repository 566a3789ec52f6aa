#pragma once

// Shared helpers of the project store tests: temporary directories, fresh
// projects, and WKB built by hand (the store must not depend on geo/).

#include "planmap/layers/store/ProjectStore.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace planmap::layers::testing {

/// A directory removed with its contents at the end of the test.
class TempDir {
public:
    TempDir()
    {
        static std::atomic<int> counter{0};
        std::random_device random;
        path_ = std::filesystem::temp_directory_path()
            / ("planmap-store-test-" + std::to_string(random()) + "-" + std::to_string(counter++));
        std::filesystem::create_directories(path_);
    }
    ~TempDir()
    {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path file(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

inline ProjectMetadata sampleMetadata()
{
    ProjectMetadata m;
    m.name = "Dự án thử nghiệm";
    m.provinceCode = "20";
    m.defaultCrs = "EPSG:9215";
    m.description = "test project";
    return m;
}

/// A test fixture with a fresh project file.
class StoreTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        projectPath = dir.file("test.planmap");
        store.emplace(ProjectStore::create(projectPath, sampleMetadata()));
    }
    ProjectStore& project() { return *store; }

    TempDir dir;
    std::filesystem::path projectPath;
    std::optional<ProjectStore> store;
};

// --- WKB (little-endian, 2D) ---------------------------------------------------------

inline void putU32(Wkb& out, std::uint32_t v)
{
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}

inline void putDouble(Wkb& out, double v)
{
    std::uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<std::uint8_t>(bits >> (8 * i)));
}

inline Wkb wkbPoint(double x, double y)
{
    Wkb out{1};
    putU32(out, 1);
    putDouble(out, x);
    putDouble(out, y);
    return out;
}

using Ring = std::vector<std::pair<double, double>>;

inline void putRing(Wkb& out, const Ring& ring)
{
    putU32(out, static_cast<std::uint32_t>(ring.size()));
    for (const auto& [x, y] : ring) {
        putDouble(out, x);
        putDouble(out, y);
    }
}

inline Wkb wkbLineString(const Ring& points)
{
    Wkb out{1};
    putU32(out, 2);
    putRing(out, points);
    return out;
}

inline Wkb wkbPolygon(const Ring& shell)
{
    Wkb out{1};
    putU32(out, 3);
    putU32(out, 1);
    putRing(out, shell);
    return out;
}

/// An axis-aligned square polygon.
inline Wkb wkbBox(double minX, double minY, double maxX, double maxY)
{
    return wkbPolygon({{minX, minY}, {maxX, minY}, {maxX, maxY}, {minX, maxY}, {minX, minY}});
}

/// The WKB geometry type code (1 point, 2 line, 3 polygon, 4..6 multi).
inline std::uint32_t wkbType(const Wkb& wkb)
{
    if (wkb.size() < 5) return 0;
    std::uint32_t type = 0;
    if (wkb[0] == 1)
        for (int i = 0; i < 4; ++i) type |= static_cast<std::uint32_t>(wkb[1 + i]) << (8 * i);
    else
        for (int i = 0; i < 4; ++i) type |= static_cast<std::uint32_t>(wkb[1 + i]) << (8 * (3 - i));
    return type;
}

/// A point's coordinates from its WKB (little-endian only).
inline std::pair<double, double> pointOf(const Wkb& wkb)
{
    double x = 0, y = 0;
    std::memcpy(&x, wkb.data() + 5, 8);
    std::memcpy(&y, wkb.data() + 13, 8);
    return {x, y};
}

// --- building blocks ---------------------------------------------------------------------

inline AdminUnit commune(std::string code, std::string name, std::string generation,
                         UnitType type = UnitType::Commune)
{
    AdminUnit u;
    u.code = std::move(code);
    u.level = UnitLevel::Commune;
    u.type = type;
    u.generation = std::move(generation);
    u.fullName = std::string(vietnameseName(type)) + " " + name;
    u.name = std::move(name);
    return u;
}

inline Indicator indicatorNode(std::string code, std::string name, Aggregation aggregation,
                               std::optional<std::int64_t> parent = std::nullopt)
{
    Indicator i;
    i.node.code = std::move(code);
    i.node.name = std::move(name);
    i.node.level = PlanLevel::Indicator;
    i.node.parentId = parent;
    i.spec.aggregation = aggregation;
    return i;
}

} // namespace planmap::layers::testing
