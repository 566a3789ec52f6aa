#pragma once
// Geometry glue between geo:: and the store (private to planmap_layers).

#include "planmap/geo/Crs.h"
#include "planmap/geo/Geometry.h"
#include "planmap/geo/GeometryValidity.h"
#include "planmap/layers/importer/ImportMessage.h"
#include "planmap/layers/store/Spatial.h"
#include "planmap/layers/store/Value.h"

#include <memory>
#include <optional>
#include <string>

namespace planmap::geo {
class Transform;
}

namespace planmap::layers::io::detail {

/// ISO WKB in two dimensions (any Z is dropped): what the store's XY columns take.
Wkb toStorageWkb(const geo::Geometry& g);
/// A stored geometry; nullopt for an empty Wkb.
std::optional<geo::Geometry> fromStorageWkb(const Wkb& wkb);

/// Fits a geometry to a column type: a single-part Multi* becomes its part for
/// a single-type column; a single geometry is left for the store to promote
/// into a Multi* column. Returns nullopt (and a reason, and the problem as
/// data when `problem` is given) when it cannot fit.
std::optional<geo::Geometry> fitToColumn(const geo::Geometry& g, GeometryType column, std::string& reason,
                                        std::optional<importer::GeometryProblem>* problem = nullptr);

/// True for Polygon and MultiPolygon columns.
bool isPolygonColumn(GeometryType type);

/// "(106.761500 21.853700)" for messages (`decimals` after the point).
std::string formatLocation(double x, double y, int decimals = 6);

/// WGS 84 longitude/latitude.
const geo::Crs& wgs84();

/// Brings a source geometry to what the store takes, the same way for every
/// import (features and units): transformed from the source CRS to WGS 84 with
/// PROJ, checked to be longitude/latitude, validated, repaired with GEOS
/// MakeValid when invalid (the repair described), fitted to the column type.
class GeometryPreparer {
public:
    /// `crs`: of the source coordinates (nullopt = WGS 84 already). Throws
    /// ImportError naming `file` when PROJ cannot transform from it.
    GeometryPreparer(const std::optional<geo::Crs>& crs, const std::string& file);
    ~GeometryPreparer();
    GeometryPreparer(GeometryPreparer&&) noexcept;
    GeometryPreparer& operator=(GeometryPreparer&&) noexcept;

    /// "coordinates transformed from X to WGS 84 (EPSG:4326): <operation>";
    /// empty when no transformation is needed.
    const std::string& note() const { return note_; }
    /// The source CRS's label.
    const std::string& sourceCrsLabel() const { return crsLabel_; }
    /// After geometries were prepared: the operation PROJ used (for the last
    /// point, when it picks among several EPSG operations by area of use),
    /// and the note saying it; PROJ's description before, and note().
    std::string operationUsed() const;
    std::string noteAfterUse() const;

    struct Result {
        std::optional<geo::Geometry> geometry;  ///< nullopt when unusable
        std::string reason;                     ///< why it is unusable (English)
        std::optional<importer::GeometryProblem> problem;  ///< the same, as data
        std::string repair;                     ///< "repaired with MakeValid: ..." when repaired
        std::optional<geo::RepairReport> repairReport;     ///< the same, as data
    };
    Result prepare(const geo::Geometry& source, GeometryType column) const;

private:
    /// Validates `g` and repairs it with MakeValid in place (reported in `r`);
    /// false, with r.problem, when MakeValid would lose it. `fileCoordinates`:
    /// `g` is still in the file's CRS (the texts say so, locations are
    /// transformed to longitude/latitude).
    bool makeValid(geo::Geometry& g, Result& r, bool fileCoordinates) const;

    std::unique_ptr<geo::Transform> toWgs84_;
    std::string crsLabel_;
    bool projected_ = false;  ///< the file's coordinates are a grid (metres), not degrees
    std::string note_;
    std::string operation_;
};

} // namespace planmap::layers::io::detail
