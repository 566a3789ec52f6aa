#include "planmap/geo/GeometryValidity.h"

#include "GeosSupport.h"

#include <cmath>
#include <sstream>
#include <vector>

namespace planmap::geo {

using detail::geosHandle;
using detail::throwGeosError;

ValidityResult validate(const Geometry& g) {
    GEOSContextHandle_t h = geosHandle();
    char* reason = nullptr;
    GEOSGeometry* location = nullptr;
    const char r = GEOSisValidDetail_r(h, g.handle(), 0, &reason, &location);
    if (r == 2) throwGeosError("Validity check failed");
    ValidityResult out;
    out.valid = r == 1;
    if (reason) {
        if (!out.valid) out.reason = reason;
        GEOSFree_r(h, reason);
    }
    if (location) {
        if (!out.valid && GEOSisEmpty_r(h, location) == 0) {
            XY p;
            if (GEOSGeomGetX_r(h, location, &p.x) && GEOSGeomGetY_r(h, location, &p.y)) out.location = p;
        }
        GEOSGeom_destroy_r(h, location);
    }
    return out;
}

namespace {

std::string number(double v) {
    std::ostringstream s;
    s.precision(12);
    s << v;
    return s.str();
}

const char* kindWord(int dimension) {
    switch (dimension) {
    case 0: return "point";
    case 1: return "line";
    default: return "polygon";
    }
}

/// Keeps the parts of `fixed` whose dimension is `dim`; counts the others in `dropped`.
std::optional<Geometry> keepDimension(const Geometry& fixed, int dim, int& dropped) {
    dropped = 0;
    if (fixed.type() != GeometryType::GeometryCollection) {
        if (fixed.dimension() == dim) return fixed;
        dropped = fixed.isEmpty() ? 0 : fixed.numGeometries();
        return std::nullopt;
    }
    std::vector<Geometry> kept;
    const int n = fixed.numGeometries();
    for (int i = 0; i < n; ++i) {
        Geometry part = fixed.geometryN(i);
        if (part.isEmpty()) continue;
        if (part.dimension() == dim) {
            const int sub = part.numGeometries();
            for (int j = 0; j < sub; ++j) kept.push_back(part.geometryN(j));
        } else {
            dropped += part.numGeometries();
        }
    }
    if (kept.empty()) return std::nullopt;
    if (kept.size() == 1) return std::move(kept.front());
    return Geometry::collect(std::move(kept));
}

} // namespace

RepairResult repair(const Geometry& g) {
    RepairResult result;
    RepairReport& r = result.report;
    const ValidityResult v = validate(g);
    r.problem = v.reason;
    r.location = v.location;
    r.typeBefore = g.type();
    r.partsBefore = g.isEmpty() ? 0 : g.numGeometries();
    r.areaBefore = g.area();
    r.lengthBefore = g.length();
    r.pointsBefore = g.numPoints();

    std::string where = v.reason;
    if (v.location) where += " at (" + number(v.location->x) + " " + number(v.location->y) + ")";

    if (v.valid) {
        r.status = RepairStatus::AlreadyValid;
        r.typeAfter = r.typeBefore;
        r.partsAfter = r.partsBefore;
        r.areaAfter = r.areaBefore;
        r.lengthAfter = r.lengthBefore;
        r.pointsAfter = r.pointsBefore;
        r.text = "valid";
        result.geometry = g;
        return result;
    }

    const int dim = g.dimension();
    GEOSContextHandle_t h = geosHandle();
    GEOSMakeValidParams* params = GEOSMakeValidParams_create_r(h);
    GEOSMakeValidParams_setMethod_r(h, params,
                                    dim == 2 && g.type() != GeometryType::GeometryCollection ? GEOS_MAKE_VALID_STRUCTURE
                                                                                              : GEOS_MAKE_VALID_LINEWORK);
    GEOSMakeValidParams_setKeepCollapsed_r(h, params, 0);
    GEOSGeometry* raw = GEOSMakeValidWithParams_r(h, g.handle(), params);
    GEOSMakeValidParams_destroy_r(h, params);
    if (!raw) throwGeosError("Repair failed (" + where + ")");
    const Geometry fixed = Geometry::adopt(raw);

    std::optional<Geometry> kept;
    if (!fixed.isEmpty()) kept = keepDimension(fixed, dim, r.droppedParts);

    if (!kept) {
        r.status = RepairStatus::Rejected;
        r.typeAfter = fixed.type();
        r.partsAfter = fixed.isEmpty() ? 0 : fixed.numGeometries();
        r.areaAfter = fixed.area();
        r.lengthAfter = fixed.length();
        r.pointsAfter = fixed.numPoints();
        if (fixed.isEmpty()) {
            r.text = where + ": rejected, repair leaves nothing of the " + kindWord(dim);
        } else {
            r.text = where + ": rejected, repair would turn the " + std::string(g.typeName()) + " into a " +
                     fixed.typeName() + " (dimension " + std::to_string(dim) + "→" +
                     std::to_string(fixed.dimension()) + ")";
        }
        return result;
    }

    r.status = RepairStatus::Repaired;
    r.typeAfter = kept->type();
    r.partsAfter = kept->numGeometries();
    r.areaAfter = kept->area();
    r.lengthAfter = kept->length();
    r.pointsAfter = kept->numPoints();

    std::vector<std::string> changes;
    if (r.partsBefore == 1 && r.partsAfter > 1) {
        changes.push_back(std::string(kindWord(dim)) + " split into " + std::to_string(r.partsAfter) + " parts");
    } else if (r.partsAfter != r.partsBefore) {
        changes.push_back("parts " + std::to_string(r.partsBefore) + "→" + std::to_string(r.partsAfter));
    }
    const double areaTolerance = 1e-12 * std::max(1.0, std::fabs(r.areaBefore));
    if (dim == 2 && std::fabs(r.areaAfter - r.areaBefore) > areaTolerance) {
        changes.push_back("area changed from " + number(r.areaBefore) + " to " + number(r.areaAfter));
    }
    const double lengthTolerance = 1e-12 * std::max(1.0, std::fabs(r.lengthBefore));
    if (dim == 1 && std::fabs(r.lengthAfter - r.lengthBefore) > lengthTolerance) {
        changes.push_back("length changed from " + number(r.lengthBefore) + " to " + number(r.lengthAfter));
    }
    if (r.typeAfter != r.typeBefore) {
        changes.push_back(std::string("type ") + geometryTypeName(r.typeBefore) + "→" + geometryTypeName(r.typeAfter));
    }
    if (r.droppedParts > 0) {
        changes.push_back(std::to_string(r.droppedParts) + " collapsed part(s) of lower dimension left out");
    }
    if (r.pointsAfter != r.pointsBefore) {
        changes.push_back("points " + std::to_string(r.pointsBefore) + "→" + std::to_string(r.pointsAfter));
    }
    if (changes.empty()) changes.emplace_back("rings rebuilt; area, parts, points and type unchanged");
    r.text = where + ": ";
    for (std::size_t i = 0; i < changes.size(); ++i) r.text += (i ? "; " : "") + changes[i];
    result.geometry = std::move(kept);
    return result;
}

} // namespace planmap::geo
