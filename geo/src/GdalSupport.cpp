#include "GdalSupport.h"

#include <gdal.h>
#include <ogr_api.h>

#include <mutex>

namespace planmap::geo::detail {

void ensureGdalRegistered() {
    static std::once_flag once;
    std::call_once(once, [] { GDALAllRegister(); });
}

GdalErrorCapture::GdalErrorCapture() {
    CPLErrorReset();
    CPLPushErrorHandlerEx(&GdalErrorCapture::handler, this);
}

GdalErrorCapture::~GdalErrorCapture() { CPLPopErrorHandler(); }

void CPL_STDCALL GdalErrorCapture::handler(CPLErr level, CPLErrorNum, const char* message) {
    auto* self = static_cast<GdalErrorCapture*>(CPLGetErrorHandlerUserData());
    if (!self || !message) return;
    if (level == CE_Failure || level == CE_Fatal) self->failures_.emplace_back(message);
    else if (level == CE_Warning) self->warnings_.emplace_back(message);
}

std::string GdalErrorCapture::failureText() const {
    std::string out;
    for (const auto& f : failures_) {
        if (!out.empty()) out += "; ";
        out += f;
    }
    return out;
}

void GdalErrorCapture::clear() {
    failures_.clear();
    warnings_.clear();
    CPLErrorReset();
}

Crs crsFromOgr(const OGRSpatialReference& srs) {
    const char* auth = srs.GetAuthorityName(nullptr);
    const char* code = srs.GetAuthorityCode(nullptr);
    if (auth && code && EQUAL(auth, "EPSG")) {
        try {
            const Crs byCode = Crs::fromEpsg(std::stoi(code));
            return byCode;
        } catch (const std::exception&) {
            // fall through to the full definition
        }
    }
    char* wkt = nullptr;
    const char* const options[] = {"FORMAT=WKT2_2019", nullptr};
    if (srs.exportToWkt(&wkt, options) != OGRERR_NONE || !wkt) {
        CPLFree(wkt);
        throw CrsError("The coordinate reference system cannot be exported from GDAL");
    }
    const std::string text = wkt;
    CPLFree(wkt);
    return Crs::fromUserInput(text);
}

std::unique_ptr<OGRSpatialReference> ogrFromCrs(const Crs& crs) {
    auto srs = std::make_unique<OGRSpatialReference>();
    OGRErr err = OGRERR_FAILURE;
    const auto epsg = crs.epsgCode();
    if (epsg && crs.authorityId() == "EPSG:" + std::to_string(*epsg)) err = srs->importFromEPSG(*epsg);
    if (err != OGRERR_NONE) err = srs->importFromWkt(crs.toWkt().c_str());
    if (err != OGRERR_NONE) throw CrsError("GDAL cannot use the coordinate reference system '" + crs.name() + "'");
    srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

Geometry geometryFromOgr(const OGRGeometry& source) {
    const OGRGeometry* g = &source;
    std::unique_ptr<OGRGeometry> adjusted;
    if (g->hasCurveGeometry()) {
        adjusted.reset(g->getLinearGeometry());
        g = adjusted.get();
    }
    if (g->IsMeasured()) {
        if (!adjusted) adjusted.reset(g->clone());
        adjusted->setMeasured(FALSE);
        g = adjusted.get();
    }
    thread_local std::vector<unsigned char> buffer;
    buffer.resize(g->WkbSize());
    if (g->exportToWkb(wkbNDR, buffer.data(), wkbVariantIso) != OGRERR_NONE) {
        throw GeometryError(std::string("Cannot convert a ") + g->getGeometryName() + " geometry");
    }
    return Geometry::fromWkb(std::span<const std::uint8_t>(buffer.data(), buffer.size()));
}

std::unique_ptr<OGRGeometry> ogrFromGeometry(const Geometry& g) {
    const std::vector<std::uint8_t> wkb = g.toWkb();
    OGRGeometry* out = nullptr;
    std::size_t consumed = 0;
    if (OGRGeometryFactory::createFromWkb(wkb.data(), nullptr, &out, wkb.size(), wkbVariantIso, consumed) !=
            OGRERR_NONE ||
        !out) {
        delete out;
        throw GeometryError(std::string("GDAL cannot take a ") + g.typeName() + " geometry");
    }
    return std::unique_ptr<OGRGeometry>(out);
}

OGRwkbGeometryType ogrTypeOf(GeometryType type) {
    switch (type) {
    case GeometryType::Point: return wkbPoint;
    case GeometryType::LineString:
    case GeometryType::LinearRing: return wkbLineString;
    case GeometryType::Polygon: return wkbPolygon;
    case GeometryType::MultiPoint: return wkbMultiPoint;
    case GeometryType::MultiLineString: return wkbMultiLineString;
    case GeometryType::MultiPolygon: return wkbMultiPolygon;
    case GeometryType::GeometryCollection: return wkbGeometryCollection;
    }
    return wkbUnknown;
}

std::optional<GeometryType> geometryTypeFromOgr(OGRwkbGeometryType type) {
    switch (wkbFlatten(type)) {
    case wkbPoint: return GeometryType::Point;
    case wkbLineString: return GeometryType::LineString;
    case wkbPolygon: return GeometryType::Polygon;
    case wkbMultiPoint: return GeometryType::MultiPoint;
    case wkbMultiLineString: return GeometryType::MultiLineString;
    case wkbMultiPolygon: return GeometryType::MultiPolygon;
    case wkbGeometryCollection: return GeometryType::GeometryCollection;
    case wkbCircularString:
    case wkbCompoundCurve: return GeometryType::LineString;
    case wkbCurvePolygon: return GeometryType::Polygon;
    case wkbMultiCurve: return GeometryType::MultiLineString;
    case wkbMultiSurface: return GeometryType::MultiPolygon;
    default: return std::nullopt;
    }
}

} // namespace planmap::geo::detail
