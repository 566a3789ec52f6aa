#pragma once

// The real Lạng Sơn units of data/langson for the tests, read in one place:
// the 2025 communes with their shapes, the province outline (union of the 11
// districts of 2023), and a project holding every unit layer and the 2025
// crosswalk loaded through the import engine as data/build-langson.sh loads
// them, built once per test program (copy it; do not write to it).
// Used by import_testkit.h, io_import_test.cpp and the GUI import tests.

#include "store_test_support.h"

#include "planmap/geo/Geometry.h"
#include "planmap/geo/VectorReader.h"
#include "planmap/layers/io/CrosswalkImport.h"
#include "planmap/layers/io/LayerImport.h"
#include "planmap/layers/store/ProjectStore.h"

#include <filesystem>
#include <string>
#include <vector>

namespace planmap::layers::testing::langson {

inline std::filesystem::path dataDir() { return PLANMAP_DATA_DIR; }

/// A real 2025 commune: code, names, a point inside it (WGS 84) and its shape.
struct RealCommune {
    std::string code;
    std::string name;
    std::string fullName;
    double lon = 0;
    double lat = 0;
    Wkb geometry;
};

/// The 65 communes of data/langson/communes_2025.geojson, read once.
inline const std::vector<RealCommune>& realCommunes()
{
    static const std::vector<RealCommune> communes = [] {
        std::vector<RealCommune> out;
        geo::VectorReader reader(dataDir() / "communes_2025.geojson");
        geo::VectorLayer layer = reader.layer(0);
        const int code = layer.fieldIndex("code"), name = layer.fieldIndex("name"), full = layer.fieldIndex("fullName");
        for (const geo::Feature& f : layer.readAll()) {
            RealCommune c;
            c.code = geo::toString(f.values[static_cast<std::size_t>(code)]);
            c.name = geo::toString(f.values[static_cast<std::size_t>(name)]);
            c.fullName = geo::toString(f.values[static_cast<std::size_t>(full)]);
            const geo::Geometry p = f.geometry->pointOnSurface();
            c.lon = p.envelope().minx;
            c.lat = p.envelope().miny;
            c.geometry = f.geometry->toWkb();
            out.push_back(std::move(c));
        }
        return out;
    }();
    return communes;
}

/// The outline of the province: the union of its 11 districts of 2023.
inline const Wkb& provinceOutline()
{
    static const Wkb outline = [] {
        geo::VectorReader reader(dataDir() / "districts_2023.geojson");
        std::vector<geo::Geometry> parts;
        for (geo::Feature& f : reader.layer(0).readAll()) parts.push_back(std::move(*f.geometry));
        return geo::Geometry::unaryUnion(parts).toWkb();
    }();
    return outline;
}

/// The province (code 20, of 2025), without a shape.
inline AdminUnit province()
{
    AdminUnit u;
    u.code = "20";
    u.level = UnitLevel::Province;
    u.type = UnitType::Province;
    u.generation = std::string(kGeneration2025);
    u.name = "Lạng Sơn";
    u.fullName = "Tỉnh Lạng Sơn";
    return u;
}

/// Loads the province (code 20), the communes of 2025, the districts and
/// communes of 2023 through io::importLayer (the import engine), as
/// data/build-langson.sh loads them.
inline void loadUnits(ProjectStore& store)
{
    store.units().insert(province());

    io::LayerImportOptions communes;
    communes.layer = "communes_2025";
    communes.keyField = "code";
    communes.fields = io::FieldMapping::parse("full_name=fullName,name_en=nameEn");
    communes.codeList = dataDir() / "units_2025.json";
    io::importLayer(store, dataDir() / "communes_2025.geojson", communes);

    io::LayerImportOptions districts;
    districts.layer = "districts_2023";
    districts.keyField = "ma_huyen";
    districts.fields = io::FieldMapping::parse("name=ten,parent=ma_tinh");
    io::importLayer(store, dataDir() / "districts_2023.geojson", districts);

    io::LayerImportOptions old;
    old.layer = "communes_2023";
    old.keyField = "Mã PX";
    old.fields = io::FieldMapping::parse("full_name=Phường Xã,type=Cấp,parent=Mã QH,name_en=Tên Tiếng Anh");
    io::importLayer(store, dataDir() / "communes_pre2025_gso.csv", old);
}

/// A project with every Lạng Sơn unit layer and the official 2025 crosswalk,
/// built on first use.
inline const std::filesystem::path& unitsTemplate()
{
    static TempDir dir;
    static const std::filesystem::path path = [] {
        const auto p = dir.file("langson-units.planmap");
        ProjectStore store = ProjectStore::create(p, sampleMetadata());
        loadUnits(store);
        io::importCrosswalk2025(store, dataDir() / "crosswalk_2025_official.csv");
        return p;
    }();
    return path;
}

} // namespace planmap::layers::testing::langson
