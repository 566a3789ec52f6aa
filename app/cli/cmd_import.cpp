// planmap-cli import: loads a vector file into a unit layer, a feature layer
// or the 2025 crosswalk.
#include "Command.h"
#include "Reports.h"

#include "planmap/layers/io/CrosswalkImport.h"
#include "planmap/layers/io/LayerImport.h"
#include "planmap/layers/io/UnitLayers.h"

#include <ostream>

namespace planmap::cli {
namespace {

using namespace planmap::layers;

class ImportCommand final : public Command {
public:
    std::string name() const override { return "import"; }
    std::string summary() const override { return "import a vector file into a layer (all or nothing)"; }
    std::string synopsis() const override
    {
        return "import FILE --layer LAYER [--crs CRS] [--field-map TARGET=SOURCE,...] [--key FIELD] [--illustrative]";
    }
    std::vector<Option> options() const override
    {
        return {{"layer", "LAYER", "target layer (see below)"},
                {"crs", "CRS", "CRS of the file's coordinates (EPSG:N, WKT or PROJ), when it has none or to override it"},
                {"field-map", "TARGET=SOURCE,...", "which source column fills which target field", true},
                {"key", "FIELD", "source column with the unique key (unit code; feature key: re-import updates)"},
                {"illustrative", "", "mark every imported row as illustrative (invented for demonstration)"},
                {"source-layer", "NAME", "the layer to read in a file with several (e.g. a GeoPackage)"},
                {"code-list", "FILE", "unit layers: JSON code list giving each unit's type and names by code"},
                {"source", "TEXT", "provenance stored with each row (default: the file name)"}};
    }
    std::string description() const override
    {
        std::string text =
            "Reads FILE with GDAL (GeoPackage, Shapefile, GeoJSON, KML, CSV, XLSX, ODS, ...) and writes its\n"
            "rows into LAYER in one transaction: if any row is bad, nothing is written, and every problem is\n"
            "reported with the file, row and column. Coordinates are transformed to WGS 84; a file without a\n"
            "CRS (e.g. a shapefile without .prj) needs --crs. Invalid geometries are repaired with GEOS\n"
            "MakeValid and each repair is reported.\n\n"
            "Layers:\n";
        for (const io::UnitLayer& l : io::unitLayers())
            text += "  " + l.name + std::string(16 - l.name.size(), ' ') + l.titleEn + " (administrative units)\n";
        text += "  villages, forests, markets, projects, roads, facilities   feature layers\n"
                "  " + std::string(io::kCrosswalk2025Layer) +
                "  the official old commune -> new commune conversion table (columns \"Tên Xã mới\",\n"
                "                  \"Mã Xã mới\", \"Tên Xã cũ\", \"Mã Xã cũ\", \"Ghi chú\")\n\n"
                "Unit layers take the fields code, name, full_name, name_en, type, parent (the parent's code),\n"
                "valid_from, valid_to, ethnic_minority_area, dbkk, atk, border, program_source, source. A name\n"
                "such as \"Xã Thống Nhất\" gives the type and the short name.\n"
                "Feature layers take name, user_key, commune_code (2025), commune_old_code, source and the\n"
                "layer's own fields; coded fields accept their codes or their labels (\"Rừng phòng hộ\").\n"
                "Features are assigned to the 2025 commune their geometry lies in.\n\n"
                "Example:\n"
                "  planmap-cli import xa.shp --layer communes_2025 --crs EPSG:9215 \\\n"
                "      --field-map code=MA_XA,full_name=TEN_XA";
        return text;
    }

    int run(CommandContext& ctx) const override
    {
        ctx.args.expectPositionals(1, 1);
        const std::filesystem::path file = ctx.args.positional(0, "FILE");
        io::LayerImportOptions options;
        options.layer = ctx.args.required("layer");
        options.crs = ctx.args.value("crs");
        for (const std::string& spec : ctx.args.values("field-map")) {
            try {
                const io::FieldMapping parsed = io::FieldMapping::parse(spec);
                for (const auto& [target, source] : parsed.pairs()) {
                    if (options.fields.sourceFor(target))
                        throw std::invalid_argument("the target field '" + target + "' is mapped twice");
                    options.fields.set(target, source);
                }
            } catch (const std::invalid_argument& e) {
                throw UsageError("--field-map: " + std::string(e.what()));
            }
        }
        options.keyField = ctx.args.value("key");
        options.illustrative = ctx.args.has("illustrative");
        options.sourceLayer = ctx.args.value("source-layer");
        if (auto list = ctx.args.value("code-list")) options.codeList = *list;
        options.source = ctx.args.value("source");
        if (options.layer == io::kCrosswalk2025Layer
            && (options.crs || !options.fields.empty() || options.keyField || options.illustrative || options.codeList))
            throw UsageError("the crosswalk takes no --crs, --field-map, --key, --illustrative or --code-list");

        ProjectStore store = ctx.openProject(true);
        const io::ImportReport report = io::importLayer(store, file, options);
        printImportReport(ctx, report);
        return kExitOk;
    }
};

PLANMAP_CLI_REGISTER(ImportCommand)

} // namespace
} // namespace planmap::cli
