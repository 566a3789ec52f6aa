#pragma once
// Reading any vector source GDAL/OGR reads: GeoPackage, Shapefile, GeoJSON,
// KML/KMZ, CSV (with coordinate or WKT columns), XLSX, ODS, ...
//
// A VectorReader and the layers it hands out share one GDAL dataset: use them
// from one thread at a time. Errors are IoError naming the file and, where it
// applies, the layer, the 1-based row and the column.

#include "planmap/geo/Crs.h"
#include "planmap/geo/Envelope.h"
#include "planmap/geo/Errors.h"
#include "planmap/geo/FieldValue.h"
#include "planmap/geo/Geometry.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace planmap::geo {

struct ReaderOptions {
    /// Build point geometries from these columns (CSV, XLSX, ODS or any
    /// layer). Values may be numbers or text; text must be a number (a single
    /// decimal comma such as "106,7615" is accepted). Empty: when a layer has
    /// no geometry, columns named x/y, lon/lat, lng, long(itude)/lat(itude),
    /// kinh_do/vi_do, easting/northing... are looked for.
    std::string xColumn;
    std::string yColumn;
    /// Parse geometries from this WKT column. Empty: a CSV/XLSX/ODS column
    /// named "WKT" (case-insensitive) is used if there is one.
    std::string wktColumn;
    bool autoDetectGeometryColumns = true;
    /// Keep the coordinate/WKT columns in fields() as well (default: they
    /// become the geometry and are not repeated as attributes).
    bool keepGeometryColumns = false;
    /// Text values as the file's raw bytes, without recoding. Shapefiles are
    /// opened with ENCODING="" so legacy TCVN3/VNI/Windows-1258 bytes come
    /// through untouched (see VectorLayer::declaredEncoding()).
    bool rawStrings = false;
    /// CSV only: infer column types (integer, real, date as YYYY-MM-DD or
    /// DD/MM/YYYY) from all values. A column with a value like "05977" stays
    /// text, so statistics-office codes keep their leading zeros.
    bool inferCsvTypes = true;
    /// Extra GDAL open options, "KEY=VALUE".
    std::vector<std::string> openOptions;
};

/// One feature read from a layer.
struct Feature {
    std::int64_t row = 0;                 ///< 1-based position in the layer (data row for tables)
    std::int64_t fid = -1;                ///< the source's feature id, -1 if none
    std::vector<FieldValue> values;       ///< one per field, in VectorLayer::fields() order
    std::optional<Geometry> geometry;     ///< none if the feature has no geometry
};

/// What a shapefile declares about its text encoding (empty strings when not).
struct DeclaredEncoding {
    std::string cpg;        ///< content of the .cpg file, e.g. "UTF-8", "1258"
    std::string ldid;       ///< the DBF language driver id, e.g. "87"
    std::string encoding;   ///< the encoding GDAL derived from them, e.g. "UTF-8", "CP1258"
};

class VectorLayer {
public:
    [[nodiscard]] const std::string& name() const;
    /// The attribute columns, without hidden geometry columns.
    [[nodiscard]] const std::vector<FieldDefinition>& fields() const;
    /// Index in fields() of a column (exact name first, then case-insensitive), or -1.
    [[nodiscard]] int fieldIndex(std::string_view name) const;
    /// Number of features (counted if the format does not store it).
    [[nodiscard]] std::int64_t featureCount() const;
    /// The layer's CRS; none for e.g. a shapefile without .prj or a CSV.
    [[nodiscard]] std::optional<Crs> crs() const;
    /// The declared geometry type, if the layer declares a single one.
    [[nodiscard]] std::optional<GeometryType> geometryType() const;
    /// Where points come from when built from columns ("x"/"y" names), or the WKT column.
    [[nodiscard]] std::optional<std::pair<std::string, std::string>> coordinateColumns() const;
    [[nodiscard]] std::optional<std::string> wktColumn() const;
    /// Extent of all geometries (reads the layer if the format does not store it).
    [[nodiscard]] Envelope extent() const;
    [[nodiscard]] DeclaredEncoding declaredEncoding() const;

    /// Restarts reading at the first feature.
    void reset();
    /// Reads the next feature into `out` (reusing its storage); false at the end.
    bool next(Feature& out);
    /// Reads all (remaining) features.
    std::vector<Feature> readAll();

    struct State;
    explicit VectorLayer(std::shared_ptr<State> state);

private:
    std::shared_ptr<State> d_;
};

class VectorReader {
public:
    /// Opens a file (or a GDAL connection string / /vsi path). Throws IoError
    /// if the file is missing or no GDAL driver can read it as vector data.
    explicit VectorReader(const std::filesystem::path& path, ReaderOptions options = {});
    ~VectorReader();
    VectorReader(VectorReader&&) noexcept;
    VectorReader& operator=(VectorReader&&) noexcept;

    [[nodiscard]] const std::filesystem::path& path() const;
    /// GDAL's driver name, e.g. "GPKG", "ESRI Shapefile", "CSV", "LIBKML".
    [[nodiscard]] std::string driverName() const;
    [[nodiscard]] int layerCount() const;
    [[nodiscard]] std::vector<std::string> layerNames() const;
    /// A layer by 0-based index or by name. Throws IoError if there is none.
    [[nodiscard]] VectorLayer layer(int index = 0) const;
    [[nodiscard]] VectorLayer layer(std::string_view name) const;

    struct Dataset;

private:
    std::shared_ptr<Dataset> dataset_;
    ReaderOptions options_;
};

} // namespace planmap::geo
