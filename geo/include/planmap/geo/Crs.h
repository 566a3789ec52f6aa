#pragma once
// A coordinate reference system, backed by PROJ.
//
// Crs is an immutable value: copies share one PROJ object, and every accessor
// is safe to call from any thread (PROJ calls are serialised on an internal
// context; descriptive properties are computed once at construction).

#include "planmap/geo/Errors.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace planmap::geo {

/// Area of use of a CRS, in degrees of longitude/latitude.
struct AreaOfUse {
    double west = 0.0;
    double south = 0.0;
    double east = 0.0;
    double north = 0.0;
    std::string name;  ///< e.g. "Vietnam - onshore"
};

enum class WktVersion {
    Wkt2_2019,   ///< ISO 19162:2019, the richest form
    Wkt1_Gdal,   ///< what GDAL writes, e.g. in a GeoPackage
    Wkt1_Esri,   ///< what ArcGIS writes into a shapefile's .prj
};

class Crs {
public:
    /// A CRS from its EPSG code. Throws CrsError if PROJ's database lacks it.
    static Crs fromEpsg(int code);

    /// Anything a user may type or a file may hold: "EPSG:9215", a bare code
    /// "9215", "AUTH:CODE", WKT (1 or 2), PROJJSON, or a PROJ string such as
    /// "+proj=tmerc +lon_0=105 ..." (+type=crs is added when missing).
    /// Throws CrsError with a readable message if the text is not a CRS.
    static Crs fromUserInput(const std::string& text);

    /// The EPSG code if the CRS carries one, or if PROJ identifies it with an
    /// EPSG CRS at 100 % confidence (e.g. an ESRI .prj of WGS 84).
    [[nodiscard]] std::optional<int> epsgCode() const;
    /// "AUTH:CODE" if the CRS has an identifier (EPSG or other authority).
    [[nodiscard]] std::optional<std::string> authorityId() const;
    [[nodiscard]] const std::string& name() const;
    /// Geographic (longitude/latitude) CRS, as opposed to projected/other.
    [[nodiscard]] bool isGeographic() const;
    [[nodiscard]] bool isProjected() const;
    [[nodiscard]] std::string toWkt(WktVersion version = WktVersion::Wkt2_2019) const;
    /// A PROJ string (may lose datum details; for display and debugging).
    [[nodiscard]] std::string toProjString() const;
    [[nodiscard]] std::optional<AreaOfUse> areaOfUse() const;

    /// Same CRS (proj_is_equivalent_to with PJ_COMP_EQUIVALENT): two CRSs
    /// defined differently (EPSG code vs. equivalent WKT) compare equal.
    friend bool operator==(const Crs& a, const Crs& b);

    /// A short human-readable label, e.g. "EPSG:9215 VN-2000 / TM-3 107-15".
    [[nodiscard]] std::string label() const;

    struct Impl;
    /// For the library's own PROJ glue; not part of the stable API.
    [[nodiscard]] const Impl& impl() const { return *d_; }

private:
    explicit Crs(std::shared_ptr<const Impl> d) : d_(std::move(d)) {}
    std::shared_ptr<const Impl> d_;
};

/// An entry of the CRS catalogue.
struct CrsInfo {
    int epsg = 0;
    std::string name;
    std::optional<AreaOfUse> area;
};

/// The projected VN-2000 CRSs that data in Vietnam is commonly delivered in:
/// every non-deprecated EPSG "VN-2000 / TM-3 ..." CRS in PROJ's database plus
/// VN-2000 / UTM zone 48N and 49N, sorted by EPSG code. For CRS auto-detection.
std::vector<CrsInfo> vn2000Candidates();

} // namespace planmap::geo
