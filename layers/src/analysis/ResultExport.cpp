#include "planmap/layers/analysis/ResultExport.h"

#include "planmap/geo/Crs.h"
#include "planmap/geo/VectorWriter.h"

#include <gdal.h>
#include <ogr_api.h>
#include <cpl_error.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <random>
#include <set>

namespace planmap::layers::analysis {

namespace {

using geo::FieldValue;

ResultTable infoTable(const ResultInfo& info) {
    ResultTable t;
    t.name = "thong_tin";
    t.titleVi = "Thông tin về kết quả";
    t.columns = {{"item", geo::FieldType::String, "Mục", ""}, {"value", geo::FieldType::String, "Nội dung", ""}};
    for (const auto& [k, v] : info.lines) t.rows.push_back({k, v});
    return t;
}

ResultTable legendTable(const std::vector<ResultTable>& tables) {
    ResultTable t;
    t.name = "chu_giai";
    t.titleVi = "Chú giải các cột";
    t.columns = {{"table", geo::FieldType::String, "Bảng", ""},
                 {"column", geo::FieldType::String, "Cột", ""},
                 {"title_vi", geo::FieldType::String, "Ý nghĩa", ""},
                 {"unit", geo::FieldType::String, "Đơn vị", ""}};
    for (const ResultTable& table : tables) {
        t.rows.push_back({table.name, std::string(), table.titleVi, std::string()});
        for (const ResultColumn& c : table.columns) t.rows.push_back({table.name, c.name, c.titleVi, c.unit});
    }
    return t;
}

std::vector<geo::FieldDefinition> fieldsOf(const ResultTable& t) {
    std::vector<geo::FieldDefinition> fields;
    for (const ResultColumn& c : t.columns) fields.push_back({c.name, c.type, 0, 0});
    return fields;
}

std::string lowerExtension(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return ext;
}

void writeWithVectorWriter(const std::filesystem::path& path, geo::VectorFormat format,
                           const std::vector<const ResultTable*>& tables) {
    try {
        geo::VectorWriter writer(path, format);
        for (const ResultTable* t : tables) {
            geo::LayerDefinition layer;
            layer.name = t->name;
            layer.fields = fieldsOf(*t);
            const bool withGeometry = format == geo::VectorFormat::GeoPackage && t->geometryType && !t->geometries.empty();
            if (withGeometry) {
                layer.geometryType = t->geometryType;
                layer.crs = geo::Crs::fromEpsg(4326);
            }
            writer.createLayer(layer);
            for (std::size_t i = 0; i < t->rows.size(); ++i) {
                const geo::Geometry* g = nullptr;
                if (withGeometry && t->geometries[i]) g = &*t->geometries[i];
                writer.write(std::span<const FieldValue>(t->rows[i]), g);
            }
        }
        writer.commit();
    } catch (const geo::GeoError& e) {
        throw AnalysisError(std::string("Export to '") + path.string() + "' failed: " + e.what());
    }
}

/// XLSX through GDAL's XLSX driver, written to a temporary file renamed on success.
class XlsxWriter {
public:
    explicit XlsxWriter(const std::filesystem::path& path) : path_(path) {
        GDALAllRegister();
        GDALDriverH driver = GDALGetDriverByName("XLSX");
        if (!driver) throw AnalysisError("Cannot write '" + path.string() + "': GDAL has no XLSX driver");
        static std::atomic<unsigned> counter{0};
        std::random_device random;
        temp_ = path.parent_path() / ("." + path.stem().string() + ".tmp-" + std::to_string(random()) + "-" +
                                      std::to_string(counter++) + ".xlsx");
        CPLErrorReset();
        dataset_ = GDALCreate(driver, temp_.string().c_str(), 0, 0, 0, GDT_Unknown, nullptr);
        if (!dataset_)
            throw AnalysisError("Cannot write '" + path.string() + "': " + std::string(CPLGetLastErrorMsg()));
    }
    ~XlsxWriter() {
        if (dataset_) GDALClose(dataset_);
        std::error_code ec;
        if (!committed_) std::filesystem::remove(temp_, ec);
    }
    XlsxWriter(const XlsxWriter&) = delete;
    XlsxWriter& operator=(const XlsxWriter&) = delete;

    void write(const ResultTable& t) {
        const std::string where = "'" + path_.string() + "', sheet '" + t.name + "'";
        OGRLayerH layer = GDALDatasetCreateLayer(dataset_, t.name.c_str(), nullptr, wkbNone, nullptr);
        if (!layer) throw AnalysisError("Cannot write " + where + ": " + CPLGetLastErrorMsg());
        for (const ResultColumn& c : t.columns) {
            const OGRFieldType type = c.type == geo::FieldType::Integer ? OFTInteger64
                                      : c.type == geo::FieldType::Real  ? OFTReal
                                                                        : OFTString;
            OGRFieldDefnH field = OGR_Fld_Create(c.name.c_str(), type);
            const OGRErr err = OGR_L_CreateField(layer, field, TRUE);
            OGR_Fld_Destroy(field);
            if (err != OGRERR_NONE)
                throw AnalysisError("Cannot write " + where + ", column '" + c.name + "': " + CPLGetLastErrorMsg());
        }
        OGRFeatureDefnH definition = OGR_L_GetLayerDefn(layer);
        for (std::size_t r = 0; r < t.rows.size(); ++r) {
            OGRFeatureH feature = OGR_F_Create(definition);
            for (std::size_t c = 0; c < t.columns.size() && c < t.rows[r].size(); ++c) {
                const FieldValue& v = t.rows[r][c];
                const int i = static_cast<int>(c);
                if (const auto* n = std::get_if<std::int64_t>(&v)) {
                    OGR_F_SetFieldInteger64(feature, i, *n);
                } else if (const auto* d = std::get_if<double>(&v)) {
                    OGR_F_SetFieldDouble(feature, i, *d);
                } else if (const auto* s = std::get_if<std::string>(&v)) {
                    if (!s->empty()) OGR_F_SetFieldString(feature, i, s->c_str());
                } else if (!geo::isNull(v)) {
                    OGR_F_SetFieldString(feature, i, geo::toString(v).c_str());
                }
            }
            const OGRErr err = OGR_L_CreateFeature(layer, feature);
            OGR_F_Destroy(feature);
            if (err != OGRERR_NONE)
                throw AnalysisError("Cannot write " + where + ", row " + std::to_string(r + 1) + ": " +
                                    CPLGetLastErrorMsg());
        }
    }

    void commit() {
        CPLErrorReset();
        GDALClose(dataset_);
        dataset_ = nullptr;
        if (CPLGetLastErrorType() >= CE_Failure) throw AnalysisError("Cannot write '" + path_.string() + "': " + CPLGetLastErrorMsg());
        std::error_code ec;
        std::filesystem::rename(temp_, path_, ec);
        if (ec) throw AnalysisError("Cannot write '" + path_.string() + "': " + ec.message());
        committed_ = true;
    }

private:
    std::filesystem::path path_;
    std::filesystem::path temp_;
    GDALDatasetH dataset_ = nullptr;
    bool committed_ = false;
};

void checkNames(const std::filesystem::path& path, const std::vector<const ResultTable*>& tables) {
    std::set<std::string> names;
    for (const ResultTable* t : tables) {
        if (t->name.empty() || t->name.size() > 31)
            throw AnalysisError("Export to '" + path.string() + "': table name '" + t->name + "' must have 1 to 31 characters");
        if (!names.insert(t->name).second)
            throw AnalysisError("Export to '" + path.string() + "': table '" + t->name + "' is given twice");
        for (std::size_t r = 0; r < t->rows.size(); ++r)
            if (t->rows[r].size() > t->columns.size())
                throw AnalysisError("Export to '" + path.string() + "': table '" + t->name + "', row " +
                                    std::to_string(r + 1) + " has more values than columns");
    }
}

} // namespace

ExportFormat exportFormatFromPath(const std::filesystem::path& path) {
    const std::string ext = lowerExtension(path);
    if (ext == ".csv") return ExportFormat::Csv;
    if (ext == ".xlsx") return ExportFormat::Xlsx;
    if (ext == ".gpkg") return ExportFormat::GeoPackage;
    throw AnalysisError("Cannot write '" + path.string() + "': unknown file type '" + ext + "' (use .csv, .xlsx or .gpkg)");
}

void exportTables(const std::filesystem::path& path, const ResultTables& result) {
    const ExportFormat format = exportFormatFromPath(path);
    if (result.tables.empty()) throw AnalysisError("Export to '" + path.string() + "': there is no table to write");
    const ResultTable info = infoTable(result.info);
    const ResultTable legend = legendTable(result.tables);
    std::vector<const ResultTable*> tables;
    if (format == ExportFormat::Csv) {
        tables.push_back(&result.tables.front());
    } else {
        for (const ResultTable& t : result.tables) tables.push_back(&t);
        tables.push_back(&info);
        tables.push_back(&legend);
    }
    checkNames(path, tables);
    switch (format) {
    case ExportFormat::Csv: writeWithVectorWriter(path, geo::VectorFormat::Csv, tables); break;
    case ExportFormat::GeoPackage: writeWithVectorWriter(path, geo::VectorFormat::GeoPackage, tables); break;
    case ExportFormat::Xlsx: {
        XlsxWriter writer(path);
        for (const ResultTable* t : tables) writer.write(*t);
        writer.commit();
        break;
    }
    }
}

} // namespace planmap::layers::analysis
