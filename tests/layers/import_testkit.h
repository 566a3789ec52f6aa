#pragma once

// Shared helpers of the import engine tests: a project with the real outline
// of Lạng Sơn (union of data/langson/districts_2023.geojson) and a few real
// communes of 2025 (both from langson_units.h), real coordinates (a point
// inside each 2025 commune), and
// writers of shapefiles whose DBF holds raw bytes in a legacy encoding (OGR
// with ENCODING="", so nothing is recoded).

#include "langson_units.h"
#include "store_test_support.h"

#include "planmap/geo/Crs.h"
#include "planmap/geo/Geometry.h"
#include "planmap/geo/Transform.h"
#include "planmap/geo/VectorReader.h"
#include "planmap/layers/importer/ImportEngine.h"
#include "planmap/layers/io/UnitLayers.h"
#include "planmap/layers/store/ProjectStore.h"

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

namespace planmap::layers::importtest {

using testing::TempDir;

inline std::filesystem::path dataDir() { return PLANMAP_DATA_DIR; }
inline std::filesystem::path fixtures() { return PLANMAP_TEST_FIXTURES; }

// The real units come from the shared Lạng Sơn fixture (langson_units.h).
using testing::langson::provinceOutline;
using testing::langson::RealCommune;
using testing::langson::realCommunes;

/// The lines of a fixture file of tests/fixtures/encoding/ (bytes as they are).
inline std::vector<std::string> encodedLines(const std::string& file)
{
    std::ifstream in(fixtures() / "encoding" / file, std::ios::binary);
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < content.size()) {
        std::size_t end = content.find('\n', start);
        if (end == std::string::npos) end = content.size();
        std::string line = content.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!line.empty()) lines.push_back(line);
        start = end + 1;
    }
    return lines;
}

/// One attribute column of a test shapefile (values as raw bytes).
struct Column {
    std::string name;
    OGRFieldType type = OFTString;
    int width = 120;
    std::vector<std::string> values;  ///< text form; "" = null
};

/// Writes a shapefile with OGR without recoding text (ENCODING=""): bytes go
/// into the DBF as given, and no .cpg is written (add one with `cpg`). No
/// .prj unless `epsg` is given. Geometries are WKT.
inline void writeShapefile(const std::filesystem::path& shp, const std::vector<std::string>& wkts,
                           const std::vector<Column>& columns, std::optional<int> epsg = std::nullopt,
                           std::optional<std::string> cpg = std::nullopt, OGRwkbGeometryType type = wkbPoint)
{
    GDALAllRegister();
    GDALDriverH driver = GDALGetDriverByName("ESRI Shapefile");
    GDALDatasetH ds = GDALCreate(driver, shp.string().c_str(), 0, 0, 0, GDT_Unknown, nullptr);
    ASSERT_NE(ds, nullptr);
    OGRSpatialReferenceH srs = nullptr;
    if (epsg) {
        srs = OSRNewSpatialReference(nullptr);
        OSRImportFromEPSG(srs, *epsg);
    }
    const char* options[] = {"ENCODING=", nullptr};
    OGRLayerH layer = GDALDatasetCreateLayer(ds, shp.stem().string().c_str(), srs, type, const_cast<char**>(options));
    ASSERT_NE(layer, nullptr);
    for (const Column& c : columns) {
        OGRFieldDefnH fd = OGR_Fld_Create(c.name.c_str(), c.type);
        if (c.type == OFTString) OGR_Fld_SetWidth(fd, c.width);
        ASSERT_EQ(OGR_L_CreateField(layer, fd, TRUE), OGRERR_NONE);
        OGR_Fld_Destroy(fd);
    }
    for (std::size_t i = 0; i < wkts.size(); ++i) {
        OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(layer));
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const std::string& v = columns[c].values.at(i);
            if (!v.empty()) OGR_F_SetFieldString(f, static_cast<int>(c), v.c_str());
        }
        OGRGeometryH g = nullptr;
        char* text = const_cast<char*>(wkts[i].c_str());
        ASSERT_EQ(OGR_G_CreateFromWkt(&text, nullptr, &g), OGRERR_NONE) << wkts[i];
        OGR_F_SetGeometryDirectly(f, g);
        ASSERT_EQ(OGR_L_CreateFeature(layer, f), OGRERR_NONE);
        OGR_F_Destroy(f);
    }
    GDALClose(ds);
    if (srs) OSRDestroySpatialReference(srs);
    std::filesystem::path cpgFile = shp;
    cpgFile.replace_extension(".cpg");
    std::filesystem::remove(cpgFile);
    if (cpg) std::ofstream(cpgFile, std::ios::binary) << *cpg;
}

// Forest plots around Lạng Sơn city (WGS 84): a valid square, a bow tie
// (self-intersecting: MakeValid splits it in two), and a polygon whose
// points are exactly collinear (the coordinates are binary fractions), of
// which MakeValid leaves nothing.
inline constexpr const char* kSquare = "POLYGON ((106.74 21.84,106.75 21.84,106.75 21.85,106.74 21.85,106.74 21.84))";
inline constexpr const char* kBowTie = "POLYGON ((106.75 21.84,106.77 21.86,106.77 21.84,106.75 21.86,106.75 21.84))";
inline constexpr const char* kCollapsed = "POLYGON ((106.75 21.75,107 22,106.875 21.875,106.75 21.75))";

/// "POINT (x y)" with the coordinates of a real commune in `epsg`.
inline std::vector<std::string> communePoints(int epsg, std::size_t count)
{
    std::vector<std::string> out;
    const auto& communes = realCommunes();
    std::optional<geo::Transform> t;
    if (epsg != 4326) t.emplace(geo::Crs::fromEpsg(4326), geo::Crs::fromEpsg(epsg));
    for (std::size_t i = 0; i < count; ++i) {
        const RealCommune& c = communes[i % communes.size()];
        // Several points per commune when more are asked for: small offsets (about 100 m).
        const double dx = 0.001 * static_cast<double>(i / communes.size());
        geo::XY p{c.lon + dx, c.lat};
        if (t) p = t->forward(p.x, p.y);
        out.push_back(geo::Geometry::point(p.x, p.y).toWkt());
    }
    return out;
}

/// A project holding the province (code 20, with its real outline) and,
/// when asked, the real 2025 communes with their shapes.
class ImportEngineTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        projectPath = dir.file("import.planmap");
        store.emplace(ProjectStore::create(projectPath, testing::sampleMetadata()));
        AdminUnit province = testing::langson::province();
        province.geometry = provinceOutline();
        provinceId = project().units().insert(province);
    }

    ProjectStore& project() { return *store; }

    /// Adds the 2025 communes (all 65, or the first `count`).
    void addCommunes(std::size_t count = 65)
    {
        std::vector<AdminUnit> units;
        for (std::size_t i = 0; i < count && i < realCommunes().size(); ++i) {
            const RealCommune& c = realCommunes()[i];
            AdminUnit u;
            u.code = c.code;
            u.level = UnitLevel::Commune;
            u.type = c.fullName.rfind("Phường", 0) == 0 ? UnitType::Ward : UnitType::Commune;
            u.generation = std::string(kGeneration2025);
            u.parentId = provinceId;
            u.name = c.name;
            u.fullName = c.fullName;
            u.geometry = c.geometry;
            units.push_back(std::move(u));
        }
        project().units().insertMany(units);
    }

    /// Closes the project and returns the SHA-256 of its file.
    std::string closeAndHash()
    {
        store.reset();
        return ImportBatches::sha256OfFile(projectPath);
    }
    void reopen() { store.emplace(ProjectStore::open(projectPath)); }

    importer::ImportRequest request(const std::filesystem::path& file, const std::string& layer) const
    {
        importer::ImportRequest r;
        r.file = file;
        r.layer = layer;
        return r;
    }

    TempDir dir;
    std::filesystem::path projectPath;
    std::optional<ProjectStore> store;
    std::int64_t provinceId = 0;
};

} // namespace planmap::layers::importtest
