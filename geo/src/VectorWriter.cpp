#include "planmap/geo/VectorWriter.h"

#include "planmap/geo/Transform.h"

#include "GdalSupport.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <random>
#include <unistd.h>

namespace planmap::geo {

using detail::GdalErrorCapture;

namespace {

constexpr std::int64_t kRowsPerTransaction = 50000;

std::string inQuotes(const std::string& s) { return "'" + s + "'"; }

const char* driverFor(VectorFormat f) {
    switch (f) {
    case VectorFormat::GeoPackage: return "GPKG";
    case VectorFormat::GeoJson: return "GeoJSON";
    case VectorFormat::Shapefile: return "ESRI Shapefile";
    case VectorFormat::Csv: return "CSV";
    case VectorFormat::Kml: return GetGDALDriverManager()->GetDriverByName("LIBKML") ? "LIBKML" : "KML";
    case VectorFormat::Xlsx: return "XLSX";
    }
    return "";
}

std::string uniqueSuffix() {
    static std::atomic<unsigned> counter{0};
    std::random_device rd;
    return std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" + std::to_string(rd() % 1000000);
}

OGRFieldType ogrFieldType(FieldType t) {
    switch (t) {
    case FieldType::Integer: return OFTInteger64;
    case FieldType::Real: return OFTReal;
    case FieldType::String: return OFTString;
    case FieldType::Date: return OFTDate;
    case FieldType::DateTime: return OFTDateTime;
    }
    return OFTString;
}

bool isMultiOf(OGRwkbGeometryType multi, OGRwkbGeometryType single) {
    return (multi == wkbMultiPolygon && single == wkbPolygon) || (multi == wkbMultiLineString && single == wkbLineString) ||
           (multi == wkbMultiPoint && single == wkbPoint);
}

} // namespace

struct VectorWriter::State {
    std::filesystem::path target;
    VectorFormat format = VectorFormat::GeoPackage;
    std::filesystem::path tempDir;
    std::filesystem::path tempFile;
    GDALDatasetUniquePtr ds;
    OGRLayer* layer = nullptr;
    LayerDefinition def;
    OGRwkbGeometryType layerType = wkbUnknown;
    std::vector<int> ogrIndex;        ///< OGR field index of each defined field
    std::vector<bool> writeAsText;    ///< field stored as text (e.g. DateTime in a shapefile)
    /// XLSX: the layer's geometry type and the OGR index of the X and Y (points) or WKT column.
    OGRwkbGeometryType sheetGeometry = wkbNone;
    int sheetX = -1, sheetY = -1, sheetWkt = -1;
    std::optional<Transform> toWgs84; ///< KML only
    bool inTransaction = false;
    bool committed = false;
    std::int64_t total = 0;
    std::int64_t layerRow = 0;
    std::int64_t rowsInTransaction = 0;
    std::vector<std::string> warnings;

    std::string where() const { return inQuotes(target.string()); }
    std::string whereLayer() const { return where() + ", layer " + inQuotes(def.name); }
    std::string whereRow() const { return whereLayer() + ", row " + std::to_string(layerRow); }

    void commitTransaction() {
        if (!inTransaction) return;
        GdalErrorCapture capture;
        if (ds->CommitTransaction() != OGRERR_NONE) {
            inTransaction = false;
            throw IoError(where() + ": cannot save the written features (" + capture.failureText() + ")");
        }
        inTransaction = false;
    }
    void startTransaction() {
        GdalErrorCapture capture;
        inTransaction = ds->StartTransaction(FALSE) == OGRERR_NONE;
        rowsInTransaction = 0;
    }
    void discard() {
        if (ds) {
            GdalErrorCapture capture;
            if (inTransaction) ds->RollbackTransaction();
            ds.reset();
        }
        std::error_code ec;
        if (!tempDir.empty()) std::filesystem::remove_all(tempDir, ec);
    }
    void setValue(OGRFeature& f, std::size_t i, const FieldValue& v);
};

void VectorWriter::State::setValue(OGRFeature& f, std::size_t i, const FieldValue& v) {
    const int k = ogrIndex[i];
    const FieldDefinition& fd = def.fields[i];
    if (isNull(v)) {
        f.SetFieldNull(k);
        return;
    }
    auto mismatch = [&](const char* expected) {
        return IoError(whereRow() + ", field " + inQuotes(fd.name) + ": expected " + expected + ", got " +
                       inQuotes(toString(v)));
    };
    if (fd.type == FieldType::String || writeAsText[i]) {
        const std::string text = toString(v);
        f.SetField(k, text.c_str());
        return;
    }
    switch (fd.type) {
    case FieldType::Integer:
        if (const auto* n = std::get_if<std::int64_t>(&v)) {
            if (format == VectorFormat::Kml && (*n > INT32_MAX || *n < INT32_MIN)) {
                throw IoError(whereRow() + ", field " + inQuotes(fd.name) + ": " + std::to_string(*n) +
                              " is too large for KML, which stores 32-bit integers");
            }
            f.SetField(k, static_cast<GIntBig>(*n));
        } else if (const auto* d = std::get_if<double>(&v); d && std::trunc(*d) == *d && std::fabs(*d) < 9.2e18) {
            f.SetField(k, static_cast<GIntBig>(*d));
        } else {
            throw mismatch("an integer");
        }
        break;
    case FieldType::Real:
        if (const auto* n = std::get_if<std::int64_t>(&v)) f.SetField(k, static_cast<double>(*n));
        else if (const auto* d = std::get_if<double>(&v)) f.SetField(k, *d);
        else throw mismatch("a number");
        break;
    case FieldType::Date:
        if (const auto* d = std::get_if<Date>(&v)) f.SetField(k, d->year, d->month, d->day);
        else throw mismatch("a date");
        break;
    case FieldType::DateTime:
        if (const auto* t = std::get_if<DateTime>(&v)) {
            f.SetField(k, t->date.year, t->date.month, t->date.day, t->hour, t->minute, static_cast<float>(t->second),
                       t->tzFlag);
        } else if (const auto* d = std::get_if<Date>(&v)) {
            f.SetField(k, d->year, d->month, d->day, 0, 0, 0.0f, 0);
        } else {
            throw mismatch("a date and time");
        }
        break;
    default: break;
    }
}

VectorWriter::VectorWriter(const std::filesystem::path& path, std::optional<VectorFormat> format)
    : d_(std::make_unique<State>()) {
    detail::ensureGdalRegistered();
    d_->target = path;
    d_->format = format ? *format : vectorFormatFromPath(path);
    if (path.filename().empty()) throw IoError("Cannot write " + inQuotes(path.string()) + ": it names no file");
    std::filesystem::path folder = path.parent_path();
    if (folder.empty()) folder = std::filesystem::current_path();
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec)) {
        throw IoError("Cannot write " + d_->where() + ": the folder " + inQuotes(folder.string()) + " does not exist");
    }
    // The folder's name must not carry the extension: GDAL's /vsizip/ (XLSX
    // is a zip) would take "x.xlsx.tmp/x.xlsx" for a file inside "x.xlsx".
    d_->tempDir = folder / ("." + path.stem().string() + "-planmap-tmp-" + uniqueSuffix());
    if (!std::filesystem::create_directory(d_->tempDir, ec)) {
        throw IoError("Cannot write " + d_->where() + ": cannot create a temporary folder in " +
                      inQuotes(folder.string()) + " (" + ec.message() + ")");
    }
    d_->tempFile = d_->tempDir / path.filename();

    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driverFor(d_->format));
    if (!driver) {
        d_->discard();
        throw IoError("Cannot write " + d_->where() + ": GDAL has no " + vectorFormatName(d_->format) + " driver");
    }
    GdalErrorCapture capture;
    d_->ds.reset(driver->Create(d_->tempFile.string().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!d_->ds) {
        const std::string why = capture.failureText();
        d_->discard();
        throw IoError("Cannot create " + d_->where() + (why.empty() ? std::string() : " (" + why + ")"));
    }
}

VectorWriter::~VectorWriter() {
    if (d_ && !d_->committed) d_->discard();
}

const std::filesystem::path& VectorWriter::path() const { return d_->target; }
VectorFormat VectorWriter::format() const { return d_->format; }
std::int64_t VectorWriter::featuresWritten() const { return d_->total; }
const std::vector<std::string>& VectorWriter::warnings() const { return d_->warnings; }

void VectorWriter::createLayer(const LayerDefinition& def) {
    State& s = *d_;
    if (s.committed || !s.ds) throw IoError(s.where() + ": the file is already finished");
    const bool multiLayer = s.format == VectorFormat::GeoPackage || s.format == VectorFormat::Kml;
    if (s.layer && !multiLayer) {
        throw IoError(s.where() + ": a " + vectorFormatName(s.format) + " file holds only one layer");
    }
    s.commitTransaction();
    s.def = def;
    if (s.def.name.empty()) s.def.name = s.target.stem().string();
    s.layerRow = 0;
    s.ogrIndex.clear();
    s.writeAsText.clear();
    s.toWgs84.reset();

    s.layerType = def.anyGeometry ? wkbUnknown : def.geometryType ? detail::ogrTypeOf(*def.geometryType) : wkbNone;
    s.sheetGeometry = wkbNone;
    s.sheetX = s.sheetY = s.sheetWkt = -1;
    if (s.format == VectorFormat::Xlsx) {  // geometry goes to text columns
        s.sheetGeometry = s.layerType;
        s.layerType = wkbNone;
    }
    if (s.format == VectorFormat::Shapefile && s.layerType == wkbUnknown) {
        throw IoError(s.whereLayer() + ": a shapefile needs a single geometry type");
    }

    std::unique_ptr<OGRSpatialReference> srs;
    try {
        if (s.format == VectorFormat::Kml) {
            if (s.layerType != wkbNone) {
                if (!def.crs) throw IoError(s.whereLayer() + ": KML needs to know the CRS of the data to write WGS 84");
                const Crs wgs84 = Crs::fromEpsg(4326);
                if (!(*def.crs == wgs84)) s.toWgs84.emplace(*def.crs, wgs84);
                srs = detail::ogrFromCrs(wgs84);
            }
        } else if (def.crs) {
            srs = detail::ogrFromCrs(*def.crs);
        }
    } catch (const IoError&) {
        throw;
    } catch (const GeoError& e) {
        throw IoError(s.whereLayer() + ": " + e.what());
    }

    std::vector<std::string> options;
    switch (s.format) {
    case VectorFormat::Shapefile: options.emplace_back("ENCODING=UTF-8"); break;
    case VectorFormat::Csv:
        options.emplace_back(s.layerType == wkbPoint ? "GEOMETRY=AS_XY" : "GEOMETRY=AS_WKT");
        options.emplace_back("CREATE_CSVT=NO");
        options.emplace_back("WRITE_BOM=YES");  // lets spreadsheet programs recognise UTF-8
        break;
    case VectorFormat::GeoJson: options.emplace_back("RFC7946=NO"); break;
    default: break;
    }
    std::vector<const char*> lco;
    for (const auto& o : options) lco.push_back(o.c_str());
    lco.push_back(nullptr);

    GdalErrorCapture capture;
    s.layer = s.ds->CreateLayer(s.def.name.c_str(), srs.get(), s.layerType, const_cast<char**>(lco.data()));
    if (!s.layer) throw IoError(s.whereLayer() + ": cannot create the layer (" + capture.failureText() + ")");

    for (const FieldDefinition& fd : def.fields) {
        const FieldType type = fd.type;
        bool asText = false;
        if (type == FieldType::DateTime && s.format == VectorFormat::Shapefile) {
            asText = true;  // DBF has dates only: keep the time as ISO text
            s.warnings.push_back("field " + inQuotes(fd.name) + " (date and time) written as text: shapefiles store dates only");
        }
        if ((type == FieldType::Date || type == FieldType::DateTime) && s.format == VectorFormat::Kml) {
            asText = true;  // KML's schema has no date type
            s.warnings.push_back("field " + inQuotes(fd.name) + " written as ISO 8601 text: KML has no date type");
        }
        OGRFieldType ogrType = ogrFieldType(asText ? FieldType::String : type);
        if (type == FieldType::Integer && s.format == VectorFormat::Kml) ogrType = OFTInteger;  // KML's "int" is 32-bit
        OGRFieldDefn field(fd.name.c_str(), ogrType);
        int width = fd.width;
        if (s.format == VectorFormat::Shapefile && (asText || type == FieldType::String) && width <= 0) width = 254;
        if (width > 0) field.SetWidth(width);
        if (fd.precision > 0) field.SetPrecision(fd.precision);
        capture.clear();
        if (s.layer->CreateField(&field, TRUE) != OGRERR_NONE) {
            throw IoError(s.whereLayer() + ", field " + inQuotes(fd.name) + ": cannot create it (" +
                          capture.failureText() + ")");
        }
        const int index = s.layer->GetLayerDefn()->GetFieldCount() - 1;
        const std::string actual = s.layer->GetLayerDefn()->GetFieldDefn(index)->GetNameRef();
        if (actual != fd.name) {
            s.warnings.push_back("field " + inQuotes(fd.name) + " written as " + inQuotes(actual));
        }
        s.ogrIndex.push_back(index);
        s.writeAsText.push_back(asText);
    }
    if (s.sheetGeometry != wkbNone) {
        const auto addColumn = [&](const char* name, OGRFieldType type) {
            OGRFieldDefn field(name, type);
            capture.clear();
            if (s.layer->CreateField(&field, TRUE) != OGRERR_NONE)
                throw IoError(s.whereLayer() + ", field " + inQuotes(name) + ": cannot create it (" + capture.failureText() + ")");
            return s.layer->GetLayerDefn()->GetFieldCount() - 1;
        };
        if (s.sheetGeometry == wkbPoint) {
            s.sheetX = addColumn("X", OFTReal);
            s.sheetY = addColumn("Y", OFTReal);
        } else {
            s.sheetWkt = addColumn("WKT", OFTString);
        }
    }
    s.startTransaction();
}

void VectorWriter::write(std::span<const FieldValue> values, const Geometry* geometry) {
    State& s = *d_;
    if (!s.layer) throw IoError(s.where() + ": no layer to write to (call createLayer first)");
    ++s.layerRow;
    if (values.size() > s.def.fields.size()) {
        throw IoError(s.whereRow() + ": " + std::to_string(values.size()) + " values given but the layer has " +
                      std::to_string(s.def.fields.size()) + " fields");
    }
    OGRFeature feature(s.layer->GetLayerDefn());
    for (std::size_t i = 0; i < s.def.fields.size(); ++i) {
        s.setValue(feature, i, i < values.size() ? values[i] : FieldValue{});
    }
    if (geometry && s.sheetGeometry != wkbNone) {
        if (s.sheetX >= 0) {
            if (geometry->type() != GeometryType::Point)
                throw IoError(s.whereRow() + ": a " + geometry->typeName() + " cannot be written to a point layer");
            if (!geometry->isEmpty()) {
                const CoordinateBuffer xy = geometry->coordinates();
                feature.SetField(s.sheetX, xy.xy.at(0));
                feature.SetField(s.sheetY, xy.xy.at(1));
            }
        } else {
            feature.SetField(s.sheetWkt, (s.toWgs84 ? geometry->transformed(*s.toWgs84) : *geometry).toWkt().c_str());
        }
    } else if (geometry) {
        if (s.layerType == wkbNone) throw IoError(s.whereRow() + ": the layer was defined without geometry");
        std::unique_ptr<OGRGeometry> og;
        try {
            og = s.toWgs84 ? detail::ogrFromGeometry(geometry->transformed(*s.toWgs84))
                           : detail::ogrFromGeometry(*geometry);
        } catch (const GeoError& e) {
            throw IoError(s.whereRow() + ": " + e.what());
        }
        const OGRwkbGeometryType have = wkbFlatten(og->getGeometryType());
        if (s.layerType != wkbUnknown && have != s.layerType) {
            if (isMultiOf(s.layerType, have)) {
                og.reset(OGRGeometryFactory::forceTo(og.release(), s.layerType));
            } else {
                throw IoError(s.whereRow() + ": a " + geometry->typeName() + " cannot be written to a " +
                              OGRGeometryTypeToName(s.layerType) + " layer");
            }
        }
        feature.SetGeometryDirectly(og.release());
    }
    GdalErrorCapture capture;
    if (s.layer->CreateFeature(&feature) != OGRERR_NONE) {
        throw IoError(s.whereRow() + ": cannot write the feature (" + capture.failureText() + ")");
    }
    ++s.total;
    if (s.inTransaction && ++s.rowsInTransaction >= kRowsPerTransaction) {
        s.commitTransaction();
        s.startTransaction();
    }
}

void VectorWriter::commit() {
    State& s = *d_;
    if (s.committed) return;
    if (!s.ds) throw IoError(s.where() + ": nothing to finish");
    try {
        s.commitTransaction();
        {
            GdalErrorCapture capture;
            s.ds.reset();  // GDALClose: flushes and writes the file
            if (capture.hasFailure()) throw IoError(s.where() + ": cannot finish the file (" + capture.failureText() + ")");
        }
        const std::filesystem::path folder = s.target.parent_path().empty() ? std::filesystem::current_path()
                                                                             : s.target.parent_path();
        if (s.format == VectorFormat::Shapefile) {
            // Remove the parts of a previous shapefile of that name that this
            // one may not replace (its old .prj/.cpg, stale spatial indexes).
            for (const char* ext : {".shp", ".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx"}) {
                std::filesystem::path old = s.target;
                old.replace_extension(ext);
                std::error_code ec;
                if (!std::filesystem::exists(s.tempDir / old.filename(), ec)) std::filesystem::remove(old, ec);
            }
        }
        for (const auto& entry : std::filesystem::directory_iterator(s.tempDir)) {
            std::error_code ec;
            std::filesystem::rename(entry.path(), folder / entry.path().filename(), ec);
            if (ec) {
                throw IoError("Cannot move the finished file into place as " +
                              inQuotes((folder / entry.path().filename()).string()) + " (" + ec.message() + ")");
            }
        }
        std::error_code ec;
        std::filesystem::remove_all(s.tempDir, ec);
        s.committed = true;
    } catch (...) {
        s.discard();
        s.committed = true;  // nothing left to clean
        throw;
    }
}

} // namespace planmap::geo
