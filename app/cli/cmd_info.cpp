// planmap-cli info: what a project holds.
#include "Command.h"
#include "Output.h"

#include "planmap/layers/io/UnitLayers.h"

#include <filesystem>
#include <ostream>

namespace planmap::cli {
namespace {

using namespace planmap::layers;

struct UnitCount {
    std::string level, generation, layer;
    std::int64_t count = 0, withGeometry = 0;
};

std::int64_t scalar(Connection& c, const std::string& sql)
{
    auto s = c.prepare(sql);
    return s->step() ? s->columnInt(0) : 0;
}

class InfoCommand final : public Command {
public:
    std::string name() const override { return "info"; }
    std::string summary() const override { return "show what a project holds: units, features, plan"; }
    std::string synopsis() const override { return "info [--format text|json] [--project FILE]"; }
    std::vector<Option> options() const override
    {
        return {{"format", "text|json", "output format (default: text)"}};
    }
    std::string description() const override
    {
        return "Prints the path of the project file it opened, then the number of administrative\n"
               "units by level and generation (\"2023\" = before the reorganisation of 1 July 2025),\n"
               "of features per layer with how many of them are illustrative (invented for\n"
               "demonstration), of crosswalk links, and of plan indicators.";
    }

    int run(CommandContext& ctx) const override
    {
        ctx.args.expectPositionals(0, 0);
        const std::string format = ctx.args.value("format").value_or("text");
        if (format != "text" && format != "json") throw UsageError("--format must be text or json");

        ProjectStore store = ctx.openProject(false);
        Connection& c = store.connection();
        const ProjectMetadata meta = store.metadata();
        const std::string path = std::filesystem::absolute(store.path()).lexically_normal().string();

        std::vector<UnitCount> units;
        {
            auto s = c.prepare("SELECT level, generation, count(*), count(geom) FROM admin_units GROUP BY level, generation "
                               "ORDER BY CASE level WHEN 'province' THEN 1 WHEN 'district' THEN 2 WHEN 'commune' THEN 3 "
                               "ELSE 4 END, generation = 'pre2025', generation");
            while (s->step()) {
                UnitCount u{s->columnText(0), s->columnText(1), "", s->columnInt(2), s->columnInt(3)};
                if (auto level = parseUnitLevel(u.level))
                    if (const io::UnitLayer* l = io::unitLayerOf(*level, u.generation)) u.layer = l->name;
                units.push_back(u);
            }
        }
        struct LayerCount {
            std::string name, title;
            std::int64_t count, illustrative;
        };
        std::vector<LayerCount> layers;
        for (const LayerInfo& l : store.features().layers())
            layers.push_back({l.name, l.titleVi, store.features().count(l.name), store.features().countIllustrative(l.name)});
        const std::int64_t crosswalk = scalar(c, "SELECT count(*) FROM unit_crosswalk");
        const std::int64_t nodes = scalar(c, "SELECT count(*) FROM plan_nodes");
        const std::int64_t indicators = scalar(c, "SELECT count(*) FROM indicators");
        const std::int64_t allocations = scalar(c, "SELECT count(*) FROM indicator_allocations");
        const std::int64_t fundingLines = scalar(c, "SELECT count(*) FROM funding_lines");
        const std::int64_t links = scalar(c, "SELECT count(*) FROM feature_indicator_links");
        const std::int64_t progress = scalar(c, "SELECT count(*) FROM progress_entries");

        std::ostream& out = ctx.out;
        if (format == "json") {
            out << "{\n  \"project\": " << jsonString(path) << ",\n  \"name\": " << jsonString(meta.name)
                << ",\n  \"province_code\": " << (meta.provinceCode ? jsonString(*meta.provinceCode) : "null")
                << ",\n  \"default_crs\": " << jsonString(meta.defaultCrs)
                << ",\n  \"schema_version\": " << store.schemaVersion() << ",\n  \"units\": [";
            for (std::size_t i = 0; i < units.size(); ++i)
                out << (i ? "," : "") << "\n    {\"level\": " << jsonString(units[i].level)
                    << ", \"generation\": " << jsonString(io::generationLabel(units[i].generation))
                    << ", \"layer\": " << (units[i].layer.empty() ? "null" : jsonString(units[i].layer))
                    << ", \"count\": " << units[i].count << ", \"with_geometry\": " << units[i].withGeometry << "}";
            out << "\n  ],\n  \"features\": [";
            for (std::size_t i = 0; i < layers.size(); ++i)
                out << (i ? "," : "") << "\n    {\"layer\": " << jsonString(layers[i].name)
                    << ", \"count\": " << layers[i].count << ", \"illustrative\": " << layers[i].illustrative << "}";
            out << "\n  ],\n  \"crosswalk_links\": " << crosswalk << ",\n  \"plan_nodes\": " << nodes
                << ",\n  \"indicators\": " << indicators << ",\n  \"allocations\": " << allocations
                << ",\n  \"funding_lines\": " << fundingLines << ",\n  \"feature_indicator_links\": " << links
                << ",\n  \"progress_entries\": " << progress << "\n}\n";
            return kExitOk;
        }

        out << "Project file: " << path << "\n";
        out << "Name: " << meta.name << "  (province code " << meta.provinceCode.value_or("-") << ", default CRS "
            << meta.defaultCrs << ", schema version " << store.schemaVersion() << ")\n\n";
        out << "Administrative units (generation 2023 = before 1 July 2025):\n";
        TextTable unitTable({"level", "generation", "layer", "units", "with geometry"});
        unitTable.alignRight(3);
        unitTable.alignRight(4);
        for (const UnitCount& u : units)
            unitTable.addRow({u.level, io::generationLabel(u.generation), u.layer, std::to_string(u.count),
                              std::to_string(u.withGeometry)});
        if (units.empty()) out << "  (none)\n";
        else unitTable.print(out);
        out << "Crosswalk links (old unit -> new unit): " << crosswalk << "\n\n";

        out << "Feature layers:\n";
        TextTable layerTable({"layer", "title", "features", "illustrative"});
        layerTable.alignRight(2);
        layerTable.alignRight(3);
        for (const LayerCount& l : layers)
            layerTable.addRow({l.name, l.title, std::to_string(l.count), std::to_string(l.illustrative)});
        layerTable.print(out);
        out << "\nPlan: " << indicators << " indicators (" << nodes << " catalogue nodes), " << allocations
            << " allocations to units, " << fundingLines << " funding lines, " << links
            << " feature-indicator links, " << progress << " progress entries\n";
        return kExitOk;
    }
};

PLANMAP_CLI_REGISTER(InfoCommand)

} // namespace
} // namespace planmap::cli
