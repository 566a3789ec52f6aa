#pragma once
// Writing vector files with GDAL/OGR: GeoPackage, GeoJSON, Shapefile, CSV, KML,
// XLSX. A spreadsheet (XLSX) has no geometry column: a point layer gets the
// columns X and Y, any other layer a column WKT, after its own fields.
//
// Writing is atomic: everything goes into a temporary folder next to the
// target and is moved into place by commit(). A writer destroyed without
// commit() (e.g. after an exception) removes its temporary files, so a failed
// export never leaves a half-written file; an existing file is replaced only
// on a successful commit().

#include "planmap/geo/Crs.h"
#include "planmap/geo/Errors.h"
#include "planmap/geo/FieldValue.h"
#include "planmap/geo/Geometry.h"
#include "planmap/geo/VectorFormat.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace planmap::geo {

struct LayerDefinition {
    std::string name;
    /// The geometry type of every feature; none = no geometry (not for
    /// Shapefile/KML) or, with `anyGeometry`, mixed types.
    std::optional<GeometryType> geometryType;
    bool anyGeometry = false;
    /// CRS of the geometries given to write(). KML is always written in WGS 84
    /// longitude/latitude: geometries are transformed if needed (then crs is required).
    std::optional<Crs> crs;
    std::vector<FieldDefinition> fields;
};

class VectorWriter {
public:
    /// Prepares writing `path`; the format comes from the extension unless given.
    /// Throws IoError if the extension is unknown or the folder cannot be written.
    explicit VectorWriter(const std::filesystem::path& path, std::optional<VectorFormat> format = std::nullopt);
    ~VectorWriter();
    VectorWriter(const VectorWriter&) = delete;
    VectorWriter& operator=(const VectorWriter&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const;
    [[nodiscard]] VectorFormat format() const;

    /// Starts a new layer; later write() calls go to it. Only GeoPackage and
    /// KML hold several layers.
    void createLayer(const LayerDefinition& layer);
    /// Writes one feature to the current layer; `values` follow the layer's
    /// fields (missing trailing values are null). Integers are accepted for
    /// Real fields and any value for String fields. Throws IoError naming the
    /// file, layer, row (1-based feature number) and field.
    void write(std::span<const FieldValue> values, const Geometry* geometry);
    void write(const std::vector<FieldValue>& values, const std::optional<Geometry>& geometry) {
        write(std::span<const FieldValue>(values), geometry ? &*geometry : nullptr);
    }
    /// Finishes the file and moves it into place. Throws IoError on failure
    /// (then nothing is left behind).
    void commit();

    [[nodiscard]] std::int64_t featuresWritten() const;
    /// Things the format changed, e.g. "field 'dien_tich_ha' written as 'dien_tich_'".
    [[nodiscard]] const std::vector<std::string>& warnings() const;

    struct State;

private:
    std::unique_ptr<State> d_;
};

} // namespace planmap::geo
