#include "GeometrySupport.h"

#include "planmap/geo/GeometryValidity.h"
#include "planmap/geo/GeosContext.h"
#include "planmap/geo/Transform.h"
#include "planmap/layers/io/ImportError.h"

#include <geos_c.h>

#include <cstdio>
#include <memory>

namespace planmap::layers::io::detail {

Wkb toStorageWkb(const geo::Geometry& g)
{
    if (!g.hasZ()) return g.toWkb();
    GEOSContextHandle_t h = geo::geosContext();
    std::unique_ptr<GEOSWKBWriter, void (*)(GEOSWKBWriter*)> writer(
        GEOSWKBWriter_create_r(h), [](GEOSWKBWriter* w) { GEOSWKBWriter_destroy_r(geo::geosContext(), w); });
    if (!writer) throw geo::GeometryError("cannot create a WKB writer");
    GEOSWKBWriter_setOutputDimension_r(h, writer.get(), 2);
    GEOSWKBWriter_setByteOrder_r(h, writer.get(), GEOS_WKB_NDR);
    GEOSWKBWriter_setFlavor_r(h, writer.get(), GEOS_WKB_ISO);
    std::size_t size = 0;
    unsigned char* bytes = GEOSWKBWriter_write_r(h, writer.get(), g.handle(), &size);
    if (!bytes) throw geo::GeometryError("cannot write the geometry as WKB");
    Wkb wkb(bytes, bytes + size);
    GEOSFree_r(h, bytes);
    return wkb;
}

std::optional<geo::Geometry> fromStorageWkb(const Wkb& wkb)
{
    if (wkb.empty()) return std::nullopt;
    return geo::Geometry::fromWkb(wkb);
}

bool isPolygonColumn(GeometryType type) { return type == GeometryType::Polygon || type == GeometryType::MultiPolygon; }

std::optional<geo::Geometry> fitToColumn(const geo::Geometry& g, GeometryType column, std::string& reason,
                                        std::optional<importer::GeometryProblem>* problem)
{
    using GT = geo::GeometryType;
    const GT t = g.type();
    auto wrongType = [&](GT found) {
        if (!problem) return;
        problem->emplace();
        (*problem)->kind = importer::GeometryProblem::Kind::WrongType;
        (*problem)->found = found;
        (*problem)->column = column;
        (*problem)->detail = reason;
    };
    auto single = [&](GT simple, GT multi) -> std::optional<geo::Geometry> {
        if (t == simple) return g;
        if (t == multi && g.numGeometries() == 1) return g.geometryN(0);
        reason = std::string("a ") + g.typeName() + " where the layer takes "
            + (simple == GT::Point ? "points" : simple == GT::LineString ? "lines" : "polygons") + " (one part each)";
        wrongType(t);
        return std::nullopt;
    };
    auto multi = [&](GT simple, GT multiType, const char* what) -> std::optional<geo::Geometry> {
        if (t == simple || t == multiType) return g;
        if (t == GT::GeometryCollection) {
            // A collection of parts of the right kind (e.g. after MakeValid) becomes a Multi*.
            std::vector<geo::Geometry> parts;
            for (int i = 0; i < g.numGeometries(); ++i) {
                geo::Geometry part = g.geometryN(i);
                if (part.type() != simple && part.type() != multiType) {
                    reason = std::string("a GeometryCollection holding a ") + part.typeName() + " where the layer takes " + what;
                    wrongType(part.type());
                    return std::nullopt;
                }
                parts.push_back(std::move(part));
            }
            if (!parts.empty()) return geo::Geometry::collect(std::move(parts));
        }
        reason = std::string("a ") + g.typeName() + " where the layer takes " + what;
        wrongType(t);
        return std::nullopt;
    };
    switch (column) {
    case GeometryType::Point: return single(GT::Point, GT::MultiPoint);
    case GeometryType::LineString: return single(GT::LineString, GT::MultiLineString);
    case GeometryType::Polygon: return single(GT::Polygon, GT::MultiPolygon);
    case GeometryType::MultiPoint: return multi(GT::Point, GT::MultiPoint, "points");
    case GeometryType::MultiLineString: return multi(GT::LineString, GT::MultiLineString, "lines");
    case GeometryType::MultiPolygon: return multi(GT::Polygon, GT::MultiPolygon, "polygons");
    case GeometryType::Any: return g;
    }
    return g;
}

std::string formatLocation(double x, double y, int decimals)
{
    char buf[96];
    std::snprintf(buf, sizeof buf, "(%.*f %.*f)", decimals, x, decimals, y);
    return buf;
}

const geo::Crs& wgs84()
{
    static const geo::Crs crs = geo::Crs::fromEpsg(4326);
    return crs;
}

GeometryPreparer::GeometryPreparer(const std::optional<geo::Crs>& crs, const std::string& file)
    : crsLabel_(crs ? crs->label() : "WGS 84"), projected_(crs && !crs->isGeographic())
{
    if (!crs || *crs == wgs84()) return;
    try {
        toWgs84_ = std::make_unique<geo::Transform>(*crs, wgs84());
    } catch (const std::exception& e) {
        throw ImportError(file + ": cannot transform from " + crs->label() + " to WGS 84: " + e.what());
    }
    operation_ = toWgs84_->description();
    note_ = "coordinates transformed from " + crs->label() + " to WGS 84 (EPSG:4326): " + operation_;
}

std::string GeometryPreparer::operationUsed() const
{
    if (!toWgs84_) return operation_;
    const std::string used = toWgs84_->lastOperationUsed();
    return used.empty() || used == toWgs84_->description() ? operation_ : used;
}

std::string GeometryPreparer::noteAfterUse() const
{
    if (note_.empty()) return note_;
    const std::string used = operationUsed();
    return "coordinates transformed from " + crsLabel_ + " to WGS 84 (EPSG:4326): " + used
        + (used != operation_ ? " (chosen by PROJ for the data's area among the EPSG operations)" : "");
}

GeometryPreparer::~GeometryPreparer() = default;
GeometryPreparer::GeometryPreparer(GeometryPreparer&&) noexcept = default;
GeometryPreparer& GeometryPreparer::operator=(GeometryPreparer&&) noexcept = default;

bool GeometryPreparer::makeValid(geo::Geometry& g, Result& r, bool fileCoordinates) const
{
    using Problem = importer::GeometryProblem;
    const geo::ValidityResult validity = geo::validate(g);
    if (validity.valid) return true;
    geo::RepairResult repaired = geo::repair(g);
    const std::string in = fileCoordinates ? " (in " + crsLabel_ + ", the file's coordinates)" : "";
    // The structured locations are longitude/latitude, as the project's.
    const auto toLonLat = [&](std::optional<geo::XY>& at) {
        if (!at || !fileCoordinates) return;
        try {
            at = toWgs84_->apply(geo::Direction::Forward, at->x, at->y);
        } catch (const std::exception&) {
            at.reset();
        }
    };
    if (repaired.report.status == geo::RepairStatus::Rejected || !repaired.geometry) {
        r.reason = "invalid (" + validity.reason
                   + (validity.location ? " at " + formatLocation(validity.location->x, validity.location->y, fileCoordinates && projected_ ? 3 : 6)
                                        : "")
                   + ") and MakeValid cannot repair it without losing it" + in + ": " + repaired.report.text;
        r.problem.emplace();
        r.problem->kind = Problem::Kind::Unrepairable;
        r.problem->crs = crsLabel_;
        r.problem->invalidity = validity.reason;
        r.problem->location = validity.location;
        toLonLat(r.problem->location);
        r.problem->repair = std::move(repaired.report);
        toLonLat(r.problem->repair->location);
        return false;
    }
    // A second repair (after the transformation) adds to the first one's report.
    r.repair += (r.repair.empty() ? "" : "; then ") + ("repaired with MakeValid" + in + ": " + repaired.report.text);
    if (!r.repairReport) {
        r.repairReport = std::move(repaired.report);
        toLonLat(r.repairReport->location);
    }
    g = *repaired.geometry;
    return true;
}

GeometryPreparer::Result GeometryPreparer::prepare(const geo::Geometry& source, GeometryType column) const
{
    using Problem = importer::GeometryProblem;
    Result r;
    auto fail = [&](Problem::Kind kind, std::string reason) {
        r.reason = std::move(reason);
        r.problem.emplace();
        r.problem->kind = kind;
        r.problem->crs = crsLabel_;
        r.problem->column = column;
    };
    geo::Geometry g = source;
    if (toWgs84_ && !g.isEmpty()) {
        // Checked first in the file's own coordinates: a polygon collapsed to
        // a line in a projected grid is no longer exactly straight in
        // longitude/latitude and would pass as a valid sliver.
        if (!makeValid(g, r, true)) {
            r.problem->column = column;
            return r;
        }
        try {
            g = g.transformed(*toWgs84_);
        } catch (const std::exception& e) {
            fail(Problem::Kind::NotTransformed, std::string("cannot be transformed to WGS 84 (") + e.what() + ")");
            r.problem->detail = e.what();
            return r;
        }
    }
    const geo::Envelope e = g.envelope();
    if (!(e.minx >= -180 && e.maxx <= 180 && e.miny >= -90 && e.maxy <= 90)) {
        fail(Problem::Kind::NotLongitudeLatitude, "coordinates such as " + formatLocation(e.minx, e.miny)
                                                      + " are not longitude/latitude after reading them as " + crsLabel_
                                                      + "; is the CRS right (--crs)?");
        r.problem->location = geo::XY{e.minx, e.miny};
        return r;
    }
    if (!makeValid(g, r, false)) {
        r.problem->column = column;
        return r;
    }
    std::string reason;
    r.geometry = fitToColumn(g, column, reason, &r.problem);
    if (!r.geometry) {
        r.reason = std::move(reason);
        r.problem->crs = crsLabel_;
    }
    return r;
}

} // namespace planmap::layers::io::detail
