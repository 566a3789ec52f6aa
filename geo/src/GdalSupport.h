#pragma once
// Internal GDAL/OGR glue shared by the vector reader and writer (not installed API).

#include "planmap/geo/Crs.h"
#include "planmap/geo/Geometry.h"

#include <cpl_error.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace planmap::geo::detail {

/// Registers GDAL's drivers once per process.
void ensureGdalRegistered();

/// While alive, GDAL errors and warnings raised on this thread are collected
/// here instead of being printed.
class GdalErrorCapture {
public:
    GdalErrorCapture();
    ~GdalErrorCapture();
    GdalErrorCapture(const GdalErrorCapture&) = delete;
    GdalErrorCapture& operator=(const GdalErrorCapture&) = delete;

    [[nodiscard]] bool hasFailure() const { return !failures_.empty(); }
    /// All failure messages joined with "; " (empty if none).
    [[nodiscard]] std::string failureText() const;
    [[nodiscard]] const std::vector<std::string>& warnings() const { return warnings_; }
    void clear();

private:
    static void CPL_STDCALL handler(CPLErr level, CPLErrorNum number, const char* message);
    std::vector<std::string> failures_;
    std::vector<std::string> warnings_;
};

/// The CRS of an OGR spatial reference (EPSG code when it has one, else its WKT2).
Crs crsFromOgr(const OGRSpatialReference& srs);
/// An OGR spatial reference for a Crs, in traditional GIS axis order.
std::unique_ptr<OGRSpatialReference> ogrFromCrs(const Crs& crs);

/// OGR geometry -> Geometry (curves linearised, M dropped).
Geometry geometryFromOgr(const OGRGeometry& g);
/// Geometry -> OGR geometry (caller owns).
std::unique_ptr<OGRGeometry> ogrFromGeometry(const Geometry& g);

OGRwkbGeometryType ogrTypeOf(GeometryType type);
std::optional<GeometryType> geometryTypeFromOgr(OGRwkbGeometryType type);

} // namespace planmap::geo::detail
