#include "planmap/layers/io/LayerExport.h"

#include "GeometrySupport.h"
#include "planmap/geo/Geodesic.h"
#include "planmap/geo/Transform.h"
#include "planmap/geo/VectorFormat.h"
#include "planmap/geo/VectorWriter.h"
#include "planmap/layers/io/QgisStyle.h"
#include "planmap/layers/io/UnitLayers.h"
#include "planmap/layers/store/ProjectStore.h"

#include <cmath>
#include <map>
#include <memory>
#include <stdexcept>
#include <unistd.h>

// GCC 12 reports std::variant<..., std::string, ...> temporaries moved into a
// vector as "may be used uninitialized" (a known false positive at -O2).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

namespace planmap::layers::io {

namespace {

using geo::FieldDefinition;
using geo::FieldValue;
namespace gf = planmap::geo;

FieldValue text(const std::optional<std::string>& s) { return s ? FieldValue{*s} : FieldValue{}; }

FieldValue date(const std::optional<Date>& d)
{
    if (!d) return {};
    return gf::Date{static_cast<int>(d->year()), static_cast<int>(static_cast<unsigned>(d->month())),
                    static_cast<int>(static_cast<unsigned>(d->day()))};
}

FieldValue boolean(const std::optional<bool>& b) { return b ? FieldValue{std::int64_t(*b ? 1 : 0)} : FieldValue{}; }

double roundedHectares(double ha) { return std::round(ha * 1e4) / 1e4; }

std::optional<gf::GeometryType> writerType(GeometryType t)
{
    switch (t) {
    case GeometryType::Point: return gf::GeometryType::Point;
    case GeometryType::LineString: return gf::GeometryType::LineString;
    case GeometryType::Polygon: return gf::GeometryType::Polygon;
    case GeometryType::MultiPoint: return gf::GeometryType::MultiPoint;
    case GeometryType::MultiLineString: return gf::GeometryType::MultiLineString;
    case GeometryType::MultiPolygon: return gf::GeometryType::MultiPolygon;
    case GeometryType::Any: return std::nullopt;
    }
    return std::nullopt;
}

/// Where geometries go: the output CRS and the transformation from WGS 84.
struct Output {
    gf::Crs crs = detail::wgs84();
    std::unique_ptr<gf::Transform> fromWgs84;

    std::optional<gf::Geometry> project(const gf::Geometry& g) const
    {
        return fromWgs84 ? g.transformed(*fromWgs84) : g;
    }
};

Output makeOutput(const std::filesystem::path& file, const ExportOptions& options)
{
    Output out;
    if (options.crs) out.crs = gf::Crs::fromUserInput(*options.crs);
    if (gf::vectorFormatFromPath(file) == gf::VectorFormat::Kml && !(out.crs == detail::wgs84()))
        throw std::runtime_error(file.string() + ": KML is always WGS 84 longitude/latitude; leave out --crs "
                                                 "or choose another format");
    if (!(out.crs == detail::wgs84())) out.fromWgs84 = std::make_unique<gf::Transform>(detail::wgs84(), out.crs);
    return out;
}

void requireGeometryFormat(const std::filesystem::path& file, const std::string& layer)
{
    const gf::VectorFormat f = gf::vectorFormatFromPath(file);
    if (f == gf::VectorFormat::Shapefile || f == gf::VectorFormat::Kml)
        throw std::runtime_error("layer " + layer + " has no geometry, which the " + gf::vectorFormatName(f)
                                 + " format needs: export it as .csv, .gpkg or .geojson");
}

ExportReport exportUnits(ProjectStore& store, const std::filesystem::path& file, const UnitLayer& layer,
                         const ExportOptions& options)
{
    AdminUnits& units = store.units();
    std::vector<AdminUnit> list = units.list(layer.level, layer.generation, std::nullopt, true);
    bool anyGeometry = false;
    for (const AdminUnit& u : list) anyGeometry = anyGeometry || !u.geometry.empty();
    if (!anyGeometry) requireGeometryFormat(file, layer.name);
    const Output output = makeOutput(file, options);

    gf::LayerDefinition def;
    def.name = layer.name;
    if (anyGeometry) def.geometryType = gf::GeometryType::MultiPolygon;
    def.crs = output.crs;
    using FT = gf::FieldType;
    def.fields = {{"code", FT::String},       {"name", FT::String},       {"full_name", FT::String},
                  {"name_en", FT::String},    {"type", FT::String},       {"level", FT::String},
                  {"generation", FT::String}, {"parent_code", FT::String}, {"valid_from", FT::Date},
                  {"valid_to", FT::Date},     {"ethnic_area", FT::Integer}, {"dbkk", FT::Integer},
                  {"atk", FT::Integer},       {"border", FT::Integer},    {"illustrative", FT::Integer},
                  {"source", FT::String}};
    if (anyGeometry) def.fields.push_back({"area_ha", FT::Real, 0, 4});

    std::map<std::int64_t, std::string> parentCodes;
    const gf::Geodesic geodesic;
    gf::VectorWriter writer(file);
    writer.createLayer(def);
    for (const AdminUnit& u : list) {
        std::string parent;
        if (u.parentId) {
            auto it = parentCodes.find(*u.parentId);
            if (it == parentCodes.end()) {
                const auto p = units.get(*u.parentId, false);
                it = parentCodes.emplace(*u.parentId, p ? p->code.value_or("") : "").first;
            }
            parent = it->second;
        }
        std::vector<FieldValue> values;
        values.reserve(def.fields.size());
        values.push_back(text(u.code));
        values.push_back(u.name);
        values.push_back(text(u.fullName));
        values.push_back(text(u.nameEn));
        values.push_back(std::string(toString(u.type)));
        values.push_back(std::string(toString(u.level)));
        values.push_back(generationLabel(u.generation));
        values.push_back(parent.empty() ? FieldValue{} : FieldValue{parent});
        values.push_back(date(u.validFrom));
        values.push_back(date(u.validTo));
        values.push_back(u.ethnicMinorityArea ? FieldValue{std::int64_t(*u.ethnicMinorityArea)} : FieldValue{});
        values.push_back(boolean(u.dbkk));
        values.push_back(boolean(u.atk));
        values.push_back(boolean(u.border));
        values.push_back(std::int64_t(u.illustrative ? 1 : 0));
        values.push_back(text(u.source));
        std::optional<gf::Geometry> geometry;
        if (!u.geometry.empty()) {
            const gf::Geometry g = gf::Geometry::fromWkb(u.geometry);
            values.push_back(roundedHectares(geodesic.areaHectares(g)));
            geometry = output.project(g);
        } else if (anyGeometry) {
            values.push_back(FieldValue{});
        }
        writer.write(values, geometry);
    }
    writer.commit();
    return {file, writer.featuresWritten(), output.crs.label(), writer.warnings(), std::nullopt};
}

FieldDefinition fieldDefinition(const FieldInfo& f)
{
    switch (f.type) {
    case FieldType::Integer: return {f.name, gf::FieldType::Integer};
    case FieldType::Real: return {f.name, gf::FieldType::Real};
    case FieldType::Text: return {f.name, gf::FieldType::String};
    case FieldType::Date: return {f.name, gf::FieldType::Date};
    case FieldType::Boolean: return {f.name, gf::FieldType::Integer};
    }
    return {f.name, gf::FieldType::String};
}

FieldValue attributeValue(const Value& v, const FieldInfo& f)
{
    if (isNull(v)) return {};
    if (const auto* i = std::get_if<std::int64_t>(&v)) return *i;
    if (const auto* d = std::get_if<double>(&v)) return *d;
    if (const auto* s = std::get_if<std::string>(&v)) {
        if (f.type == FieldType::Date) {
            if (auto d = tryParseIsoDate(*s)) return date(*d);
        }
        return *s;
    }
    return {};
}

ExportReport exportFeatures(ProjectStore& store, const std::filesystem::path& file, const LayerInfo& layer,
                            const ExportOptions& options)
{
    FeatureLayers& features = store.features();
    AdminUnits& units = store.units();
    const bool polygons = detail::isPolygonColumn(layer.geometryType);
    const Output output = makeOutput(file, options);

    FeatureQuery query;
    query.layer = layer.name;
    std::vector<Feature> rows = features.list(query);

    gf::LayerDefinition def;
    def.name = layer.name;
    def.crs = output.crs;
    if (auto t = writerType(layer.geometryType)) {
        def.geometryType = t;
    } else {
        // A layer of any geometry type: one type if all features share it.
        std::optional<gf::GeometryType> common;
        bool mixed = false;
        for (const Feature& f : rows) {
            if (f.geometry.empty()) continue;
            const gf::GeometryType t2 = gf::Geometry::fromWkb(f.geometry).type();
            if (common && *common != t2) mixed = true;
            common = t2;
        }
        const gf::VectorFormat format = gf::vectorFormatFromPath(file);
        if (mixed && (format == gf::VectorFormat::Shapefile))
            throw std::runtime_error("layer " + layer.name + " mixes geometry types, which a shapefile cannot hold: "
                                     "export it as .gpkg, .geojson, .kml or .csv");
        if (mixed || !common) def.anyGeometry = true;
        else def.geometryType = common;
        if (!common && (format == gf::VectorFormat::Shapefile || format == gf::VectorFormat::Kml))
            def.geometryType = gf::GeometryType::Point;  // an empty layer still needs a type
    }
    using FT = gf::FieldType;
    def.fields = {{"id", FT::Integer},          {"user_key", FT::String},       {"name", FT::String},
                  {"commune_code", FT::String}, {"commune_name", FT::String},   {"commune_old_code", FT::String},
                  {"illustrative", FT::Integer}, {"source", FT::String}};
    for (const FieldInfo& f : layer.fields) def.fields.push_back(fieldDefinition(f));
    const bool addArea = polygons && !layer.field("area_ha");
    if (addArea) def.fields.push_back({"area_ha", FT::Real, 0, 4});

    std::map<std::int64_t, std::pair<std::string, std::string>> communes;
    auto commune = [&](std::int64_t id) -> const std::pair<std::string, std::string>& {
        auto it = communes.find(id);
        if (it == communes.end()) {
            const auto u = units.get(id, false);
            it = communes.emplace(id, u ? std::make_pair(u->code.value_or(""), u->fullName.value_or(u->name))
                                        : std::make_pair(std::string(), std::string())).first;
        }
        return it->second;
    };
    const gf::Geodesic geodesic;
    gf::VectorWriter writer(file);
    writer.createLayer(def);
    for (const Feature& f : rows) {
        std::vector<FieldValue> values;
        values.reserve(def.fields.size());
        values.push_back(f.id);
        values.push_back(text(f.userKey));
        values.push_back(text(f.name));
        values.push_back(f.communeId ? FieldValue{commune(*f.communeId).first} : FieldValue{});
        values.push_back(f.communeId ? FieldValue{commune(*f.communeId).second} : FieldValue{});
        values.push_back(f.communeOldId ? FieldValue{commune(*f.communeOldId).first} : FieldValue{});
        values.push_back(std::int64_t(f.illustrative ? 1 : 0));
        values.push_back(text(f.source));
        for (const FieldInfo& field : layer.fields) {
            const auto it = f.attributes.find(field.name);
            values.push_back(it == f.attributes.end() ? FieldValue{} : attributeValue(it->second, field));
        }
        std::optional<gf::Geometry> geometry;
        std::optional<double> area;
        if (!f.geometry.empty()) {
            const gf::Geometry g = gf::Geometry::fromWkb(f.geometry);
            if (polygons) area = roundedHectares(geodesic.areaHectares(g));
            geometry = output.project(g);
        }
        if (addArea) values.push_back(area ? FieldValue{*area} : FieldValue{});
        writer.write(values, geometry);
    }
    writer.commit();
    return {file, writer.featuresWritten(), output.crs.label(), writer.warnings(), std::nullopt};
}

} // namespace

namespace {

ExportReport exportData(ProjectStore& store, const std::filesystem::path& file, const ExportOptions& options)
{
    if (const UnitLayer* unitLayer = findUnitLayer(options.layer)) return exportUnits(store, file, *unitLayer, options);
    return exportFeatures(store, file, store.features().layer(options.layer), options);
}

/// The map's field names that the exported file calls otherwise.
FieldRenames exportRenames(bool unitLayer)
{
    if (unitLayer)
        return {{QStringLiteral("unit_type"), QStringLiteral("type")},
                {QStringLiteral("ethnic_minority_area"), QStringLiteral("ethnic_area")}};
    return {{QStringLiteral("commune"), QStringLiteral("commune_name")},
            {QStringLiteral("commune_old"), QStringLiteral("commune_old_code")}};
}

} // namespace

ExportReport exportLayer(ProjectStore& store, const std::filesystem::path& file, const ExportOptions& options)
{
    if (!findUnitLayer(options.layer) && !store.features().hasLayer(options.layer)) {
        std::string names;
        for (const UnitLayer& u : unitLayers()) names += (names.empty() ? "" : ", ") + u.name;
        for (const LayerInfo& l : store.features().layers()) names += ", " + l.name;
        throw std::runtime_error("unknown layer '" + options.layer + "' (layers: " + names + ")");
    }
    if (!options.withStyle || gf::vectorFormatFromPath(file) != gf::VectorFormat::GeoPackage)
        return exportData(store, file, options);

    // The data and its style go into a file beside the target, which replaces
    // the target only when both are written.
    const ProjectLayerStyle st = projectLayerStyle(store, options.layer);
    std::filesystem::path partial = file;
    partial.replace_filename("." + file.stem().string() + ".styling-" + std::to_string(::getpid()) + ".gpkg");
    try {
        ExportReport report = exportData(store, partial, options);
        const FieldRenames renames = exportRenames(findUnitLayer(options.layer) != nullptr);
        GeoPackageStyle gs;
        gs.table = options.layer;
        gs.geometryColumn = "geom";
        gs.name = st.title.isEmpty() ? options.layer : st.title.toStdString();
        gs.qml = qgisQml(st.style, st.kind, renames);
        gs.sld = styleSld(st.style, st.kind, options.layer, renames);
        gs.description = "planmap style of layer " + options.layer;
        writeGeoPackageStyle(partial, gs);
        std::filesystem::rename(partial, file);
        report.file = file;
        report.styleName = gs.name;
        return report;
    } catch (...) {
        std::error_code ec;
        std::filesystem::remove(partial, ec);
        throw;
    }
}

} // namespace planmap::layers::io
