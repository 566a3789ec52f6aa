// planmap-cli generate illustrative: invents the layers no open source holds
// (villages, roads, forest plots, facilities, markets, projects, progress),
// at the scale of the project's plan, every row flagged illustrative.
#include "Command.h"
#include "Output.h"

#include "planmap/geo/Transform.h"
#include "planmap/geo/VectorReader.h"
#include "planmap/layers/illustrative/IllustrativeGenerator.h"

#include <charconv>
#include <filesystem>
#include <map>
#include <ostream>

namespace planmap::cli {
namespace {

using namespace planmap::layers;
namespace il = planmap::layers::illustrative;

std::uint64_t parseUnsigned(const std::string& text, const char* option)
{
    std::uint64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size())
        throw UsageError(std::string("--") + option + " must be a whole number, got '" + text + "'");
    return value;
}

std::vector<std::string> splitList(const std::string& text)
{
    std::vector<std::string> items;
    std::string item;
    for (const char c : text + ",") {
        if (c == ',') {
            if (!item.empty()) items.push_back(item);
            item.clear();
        } else if (c != ' ') {
            item += c;
        }
    }
    return items;
}

/// District seats from any vector file of points; names from a "name" column.
std::vector<il::SeatPoint> readSeats(const std::filesystem::path& path)
{
    geo::VectorReader reader(path);
    geo::VectorLayer layer = reader.layer();
    const geo::Crs lonlat = geo::Crs::fromEpsg(4326);
    const std::optional<geo::Crs> crs = layer.crs();
    std::optional<geo::Transform> transform;
    if (crs && !(*crs == lonlat)) transform.emplace(*crs, lonlat);
    const int nameColumn = layer.fieldIndex("name");
    std::vector<il::SeatPoint> seats;
    for (const geo::Feature& f : layer.readAll()) {
        if (!f.geometry || f.geometry->isEmpty() || f.geometry->type() != geo::GeometryType::Point)
            throw std::runtime_error(path.string() + ", row " + std::to_string(f.row) + ": a district seat must be a point");
        geo::XY xy = f.geometry->envelope().center();
        if (transform) xy = transform->forward(xy.x, xy.y);
        std::string name = nameColumn >= 0 ? geo::toString(f.values[static_cast<std::size_t>(nameColumn)]) : "";
        if (name.empty()) name = "#" + std::to_string(f.row);
        seats.push_back({xy.x, xy.y, name});
    }
    return seats;
}

std::string rolesHelp()
{
    std::string text;
    for (const il::RoleInfo& r : il::roles())
        text += "  " + std::string(r.name) + std::string(28 - std::min<std::size_t>(27, r.name.size()), ' ')
            + std::string(r.description) + " [" + std::string(r.unit) + "]\n";
    return text;
}

class GenerateIllustrativeCommand final : public Command {
public:
    std::string name() const override { return "generate illustrative"; }
    std::string summary() const override
    {
        return "invent illustrative villages, roads, forests, facilities, projects and progress (all flagged)";
    }
    std::string synopsis() const override
    {
        return "generate illustrative [--seed N] [--villages N] [--program-area rural|all|CODE,...] "
               "[--indicator ROLE=CODE]... [--progress CODE]... [--district-seats FILE] [options]";
    }
    std::vector<Option> options() const override
    {
        return {{"seed", "N", "seed of the random numbers (default 1); the same seed and project give the same data"},
                {"villages", "N", "number of villages (default: the village-roads indicator's denominator, else 1 per 5 km²)"},
                {"program-area", "AREA", "rural (2025 units of type xã, the default), all, or 2025 commune codes separated by commas"},
                {"indicator", "ROLE=CODE", "use plan indicator CODE for ROLE: its target sets the scale, features link to it", true},
                {"progress", "CODE", "also write illustrative progress for indicator CODE (allocated units, else districts)", true},
                {"district-seats", "FILE", "points where the road trunk starts (any vector file; no CRS = EPSG:4326)"},
                {"no-markets", "", "do not invent markets"},
                {"year", "YYYY", "year of progress entries and works (default: the indicators' year, else 2023)"},
                {"format", "text|json", "how to print what was generated (default: text)"}};
    }
    std::string description() const override
    {
        return "The layers villages (thôn, bản), roads, forests, facilities, markets and projects, links between\n"
               "features and indicators, and progress entries do not exist in any open source. This command\n"
               "invents them from the project's own 2025 communes, crosswalk and plan, deterministically:\n"
               "the same project and options give the same rows. Every row is flagged illustrative = 1 with\n"
               "the source \"minh họa (planmap generate, seed N) — không phải số liệu thật\",\n"
               "every name carries \"MH\" (minh họa): \"Thôn MH-0123\", \"Lô rừng MH-0042\"; every key starts\n"
               "with \"mh-\". A project that already holds generated data is refused (progress entries cannot\n"
               "be removed): generate into a freshly built project. Nothing is written on any error.\n\n"
               "Roles (--indicator ROLE=CODE):\n"
            + rolesHelp()
            + "A role without an indicator gets a default scale (shares of the program area for forests).\n\n"
               "Example (the bundled Lạng Sơn project):\n"
               "  planmap-cli generate illustrative --seed 59 --indicator village-roads=DA04.1.CT02 \\\n"
               "      --indicator forest-protection-contract=DA03.1.CT02 --district-seats seats.geojson";
    }

    int run(CommandContext& ctx) const override
    {
        ctx.args.expectPositionals(0, 0);
        const std::string format = ctx.args.value("format").value_or("text");
        if (format != "text" && format != "json") throw UsageError("--format must be text or json");

        il::Options options;
        if (auto seed = ctx.args.value("seed")) options.seed = parseUnsigned(*seed, "seed");
        if (auto villages = ctx.args.value("villages")) {
            const std::uint64_t n = parseUnsigned(*villages, "villages");
            if (n < 1 || n > 1000000) throw UsageError("--villages must be between 1 and 1000000");
            options.villages = static_cast<int>(n);
        }
        if (auto year = ctx.args.value("year")) {
            const std::uint64_t y = parseUnsigned(*year, "year");
            if (y < 1900 || y > 2200) throw UsageError("--year must be a year between 1900 and 2200");
            options.year = static_cast<int>(y);
        }
        if (auto area = ctx.args.value("program-area")) {
            if (*area == "rural") {
                options.programArea = il::ProgramAreaKind::Rural;
            } else if (*area == "all") {
                options.programArea = il::ProgramAreaKind::All;
            } else {
                options.programArea = il::ProgramAreaKind::Codes;
                options.programAreaCodes = splitList(*area);
                if (options.programAreaCodes.empty()) throw UsageError("--program-area: give rural, all or commune codes");
            }
        }
        for (const std::string& pair : ctx.args.values("indicator")) {
            const auto eq = pair.find('=');
            if (eq == std::string::npos || eq == 0 || eq + 1 == pair.size())
                throw UsageError("--indicator takes ROLE=CODE, got '" + pair + "'");
            const auto role = il::parseRole(pair.substr(0, eq));
            if (!role) {
                std::string names;
                for (const il::RoleInfo& r : il::roles()) names += (names.empty() ? "" : ", ") + std::string(r.name);
                throw UsageError("--indicator: unknown role '" + pair.substr(0, eq) + "' (roles: " + names + ")");
            }
            if (options.indicators.count(*role))
                throw UsageError("--indicator: role " + pair.substr(0, eq) + " is given twice");
            options.indicators[*role] = pair.substr(eq + 1);
        }
        options.progressIndicators = ctx.args.values("progress");
        options.markets = !ctx.args.has("no-markets");
        if (auto seats = ctx.args.value("district-seats")) options.districtSeats = readSeats(*seats);
        options.onStage = [&ctx](std::string_view stage) { ctx.note("generate: " + std::string(stage)); };

        ProjectStore store = ctx.openProject(true);
        const il::Report r = il::generate(store, options);
        if (format == "json") printJson(ctx.out, store, r);
        else printText(ctx.out, store, r);
        return kExitOk;
    }

private:
    static void printText(std::ostream& out, const ProjectStore& store, const il::Report& r)
    {
        const auto n = [](double v, int decimals = 0) { return vietnameseNumber(v, decimals); };
        out << "Generated ILLUSTRATIVE data (not real) in " << std::filesystem::absolute(store.path()).lexically_normal().string()
            << "\n  source of every row: \"" << il::illustrativeSource(r.seed) << "\"\n"
            << "  program area: " << r.programCommunes << " communes of 2025, " << n(r.programAreaKm2, 1)
            << " km²; geometry built in " << r.projectedCrs << "; year " << r.year << "\n"
            << "villages: " << n(r.villages) << " in " << r.oldCommunesWithVillages << " pre-2025 communes; road "
            << n(r.villagesHardenedRoad) << " hardened, " << n(r.villagesUnhardenedRoad) << " not hardened, "
            << n(r.villagesNoRoad) << " none; " << n(r.villagesDbkk) << " ĐBKK; area I/II/III "
            << n(r.villagesByArea.count(1) ? r.villagesByArea.at(1) : 0) << "/"
            << n(r.villagesByArea.count(2) ? r.villagesByArea.at(2) : 0) << "/"
            << n(r.villagesByArea.count(3) ? r.villagesByArea.at(3) : 0) << "; " << n(static_cast<double>(r.households))
            << " households, " << n(static_cast<double>(r.population)) << " people\n"
            << "roads: " << n(r.roads) << " lines, " << n(r.roadKm, 1) << " km (" << n(r.roadKmHardened, 1)
            << " km hardened), " << r.roadComponents << " connected component(s);";
        for (const auto& [roadClass, count] : r.roadsByClass) out << " " << roadClass << " " << count;
        out << "\n  pre-2025 communes with a hardened road to their centre: " << r.oldCommunesHardenedCentre << "\n"
            << "forest plots: " << n(r.forestPlots) << " (" << r.forestPlotsCrossingCommunes
            << " cross a commune boundary)\n";
        for (const auto& [role, ha] : r.forestHa)
            out << "  " << il::toString(role) << ": " << r.forestPlotsByRole.at(role) << " plots, " << n(ha, 2)
                << " ha (target " << n(r.forestTargetHa.at(role), 2) << " ha)\n";
        out << "markets: " << r.markets << "\nfacilities:";
        for (const auto& [kind, count] : r.facilitiesByKind) out << " " << kind << " " << count << ";";
        out << "\nprojects:";
        for (const auto& [type, count] : r.projectsByType) out << " " << type << " " << count << ";";
        out << " budget " << n(r.projectBudgetMillionVnd) << " million VND\n"
            << "feature-indicator links: " << n(r.featureIndicatorLinks) << "\nprogress entries: " << n(r.progressEntries)
            << " (";
        bool first = true;
        for (const auto& [code, count] : r.progressEntriesByIndicator) {
            out << (first ? "" : ", ") << code << " " << count;
            first = false;
        }
        out << ")\ntime: " << n(r.elapsedSeconds, 2) << " s\n";
    }

    static void printJson(std::ostream& out, const ProjectStore& store, const il::Report& r)
    {
        auto intMap = [](const auto& m) {
            std::string s = "{";
            for (const auto& [k, v] : m) s += (s.size() > 1 ? ", " : "") + jsonString(std::string(k)) + ": " + std::to_string(v);
            return s + "}";
        };
        std::string forests = "{";
        for (const auto& [role, ha] : r.forestHa)
            forests += (forests.size() > 1 ? ", " : "") + jsonString(il::toString(role)) + ": {\"plots\": "
                + std::to_string(r.forestPlotsByRole.at(role)) + ", \"ha\": " + jsonNumber(ha)
                + ", \"target_ha\": " + jsonNumber(r.forestTargetHa.at(role)) + "}";
        forests += "}";
        std::map<std::string, int> areas;
        for (const auto& [area, count] : r.villagesByArea) areas[std::to_string(area)] = count;
        out << "{\n  \"project\": " << jsonString(std::filesystem::absolute(store.path()).lexically_normal().string())
            << ",\n  \"illustrative\": true,\n  \"source\": " << jsonString(il::illustrativeSource(r.seed))
            << ",\n  \"seed\": " << r.seed << ",\n  \"year\": " << r.year << ",\n  \"projected_crs\": " << jsonString(r.projectedCrs)
            << ",\n  \"program_communes\": " << r.programCommunes << ",\n  \"program_area_km2\": " << jsonNumber(r.programAreaKm2)
            << ",\n  \"old_communes_with_villages\": " << r.oldCommunesWithVillages << ",\n  \"villages\": " << r.villages
            << ",\n  \"villages_hardened_road\": " << r.villagesHardenedRoad << ",\n  \"villages_unhardened_road\": "
            << r.villagesUnhardenedRoad << ",\n  \"villages_no_road\": " << r.villagesNoRoad << ",\n  \"villages_dbkk\": "
            << r.villagesDbkk << ",\n  \"villages_by_area\": " << intMap(areas) << ",\n  \"households\": " << r.households
            << ",\n  \"population\": " << r.population << ",\n  \"old_communes_hardened_centre\": " << r.oldCommunesHardenedCentre
            << ",\n  \"roads\": " << r.roads << ",\n  \"road_km\": " << jsonNumber(r.roadKm) << ",\n  \"road_km_hardened\": "
            << jsonNumber(r.roadKmHardened) << ",\n  \"road_components\": " << r.roadComponents << ",\n  \"roads_by_class\": "
            << intMap(r.roadsByClass) << ",\n  \"forest_plots\": " << r.forestPlots << ",\n  \"forest_plots_crossing_communes\": "
            << r.forestPlotsCrossingCommunes << ",\n  \"forests\": " << forests << ",\n  \"markets\": " << r.markets
            << ",\n  \"facilities\": " << intMap(r.facilitiesByKind) << ",\n  \"projects\": " << intMap(r.projectsByType)
            << ",\n  \"project_budget_million_vnd\": " << jsonNumber(r.projectBudgetMillionVnd)
            << ",\n  \"feature_indicator_links\": " << r.featureIndicatorLinks << ",\n  \"progress_entries\": " << r.progressEntries
            << ",\n  \"progress_entries_by_indicator\": " << intMap(r.progressEntriesByIndicator)
            << ",\n  \"elapsed_seconds\": " << jsonNumber(r.elapsedSeconds) << "\n}\n";
    }
};

PLANMAP_CLI_REGISTER(GenerateIllustrativeCommand)

} // namespace
} // namespace planmap::cli
