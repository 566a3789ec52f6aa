// planmap-cli export: writes a layer to GeoPackage, GeoJSON, Shapefile, CSV or KML.
#include "Command.h"

#include "planmap/layers/io/LayerExport.h"

#include <ostream>

namespace planmap::cli {
namespace {

using namespace planmap::layers;

class ExportCommand final : public Command {
public:
    std::string name() const override { return "export"; }
    std::string summary() const override { return "export a layer to .gpkg, .geojson, .shp, .csv or .kml"; }
    std::string synopsis() const override { return "export --layer LAYER OUT [--crs EPSG:N]"; }
    std::vector<Option> options() const override
    {
        return {{"layer", "LAYER", "unit layer (province, districts_2023, communes_2025, communes_2023) or feature layer"},
                {"crs", "CRS", "output CRS (default: EPSG:4326, WGS 84 longitude/latitude)"}};
    }
    std::string description() const override
    {
        return "The format comes from OUT's extension. Every export keeps the unit codes and the Unicode\n"
               "names and has an `illustrative` field (1 = invented for demonstration; shapefiles shorten\n"
               "field names to 10 characters: `illustrati`); polygon layers get `area_ha`, the geodesic\n"
               "area in hectares. A shapefile comes with its .prj and a UTF-8 .cpg. An existing OUT is\n"
               "replaced only when the new file is complete.";
    }

    int run(CommandContext& ctx) const override
    {
        ctx.args.expectPositionals(1, 1);
        io::ExportOptions options;
        options.layer = ctx.args.required("layer");
        options.crs = ctx.args.value("crs");
        const std::filesystem::path out = ctx.args.positional(0, "OUT");
        ProjectStore store = ctx.openProject(false);
        const io::ExportReport report = io::exportLayer(store, out, options);
        for (const std::string& w : report.warnings) ctx.note("note: " + w);
        ctx.out << "Exported " << report.features << " feature(s) of " << options.layer << " to " << out.string()
                << " (" << report.crs << ")\n";
        return kExitOk;
    }
};

PLANMAP_CLI_REGISTER(ExportCommand)

} // namespace
} // namespace planmap::cli
