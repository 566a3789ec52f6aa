// planmap-cli export: writes a layer to GeoPackage (with its QGIS style), GeoJSON, Shapefile, CSV, KML or XLSX.
#include "Command.h"

#include "planmap/geo/VectorFormat.h"
#include "planmap/layers/io/LayerExport.h"

#include <algorithm>
#include <cctype>

#include <ostream>

namespace planmap::cli {
namespace {

using namespace planmap::layers;

/// OUT with the extension of --format: added when OUT has none, refused when it has another.
std::filesystem::path withFormat(std::filesystem::path out, std::string format)
{
    std::transform(format.begin(), format.end(), format.begin(), [](unsigned char c) { return std::tolower(c); });
    if (!format.empty() && format.front() == '.') format.erase(0, 1);
    static const char* const known[] = {"gpkg", "geojson", "shp", "csv", "kml", "xlsx"};
    if (std::find(std::begin(known), std::end(known), format) == std::end(known))
        throw UsageError("--format must be gpkg, geojson, shp, csv, kml or xlsx, not '" + format + "'");
    if (!out.has_extension()) return out.replace_extension("." + format);
    std::filesystem::path probe = "x." + format;
    if (geo::vectorFormatFromPath(out) != geo::vectorFormatFromPath(probe))
        throw UsageError("--format " + format + " does not agree with the extension of " + out.string());
    return out;
}

class ExportCommand final : public Command {
public:
    std::string name() const override { return "export"; }
    std::string summary() const override { return "export a layer to .gpkg, .geojson, .shp, .csv, .kml or .xlsx"; }
    std::string synopsis() const override { return "export --layer LAYER OUT [--format FORMAT] [--crs EPSG:N] [--no-style]"; }
    std::vector<Option> options() const override
    {
        return {{"layer", "LAYER", "unit layer (province, districts_2023, communes_2025, communes_2023) or feature layer"},
                {"format", "FORMAT", "gpkg, geojson, shp, csv, kml or xlsx (default: from OUT's extension)"},
                {"crs", "CRS", "output CRS (default: EPSG:4326, WGS 84 longitude/latitude)"},
                {"no-style", "", "GeoPackage: leave out the layer's style (layer_styles table)"}};
    }
    std::string description() const override
    {
        return "The format comes from OUT's extension. Every export keeps the unit codes and the Unicode\n"
               "names and has an `illustrative` field (1 = invented for demonstration; shapefiles shorten\n"
               "field names to 10 characters: `illustrati`); polygon layers get `area_ha`, the geodesic\n"
               "area in hectares. A shapefile comes with its .prj and a UTF-8 .cpg. A GeoPackage carries\n"
               "the layer's map style as QML and SLD in its layer_styles table, so QGIS draws it the same\n"
               "way. An XLSX sheet has the attributes and the geometry as WKT (X and Y for points).\n"
               "With --format, OUT gets the format's extension if it has none. An existing OUT is\n"
               "replaced only when the new file is complete.";
    }

    int run(CommandContext& ctx) const override
    {
        ctx.args.expectPositionals(1, 1);
        io::ExportOptions options;
        options.layer = ctx.args.required("layer");
        options.crs = ctx.args.value("crs");
        std::filesystem::path out = ctx.args.positional(0, "OUT");
        if (const auto format = ctx.args.value("format")) out = withFormat(out, *format);
        options.withStyle = !ctx.args.has("no-style");
        ProjectStore store = ctx.openProject(false);
        const io::ExportReport report = io::exportLayer(store, out, options);
        for (const std::string& w : report.warnings) ctx.note("note: " + w);
        if (report.styleName) ctx.note("style \"" + *report.styleName + "\" written to the layer_styles table");
        ctx.out << "Exported " << report.features << " feature(s) of " << options.layer << " to " << out.string()
                << " (" << report.crs << ")\n";
        return kExitOk;
    }
};

PLANMAP_CLI_REGISTER(ExportCommand)

} // namespace
} // namespace planmap::cli
