// planmap-cli analyze underserved|catchment|forest: the planner analyses of
// layers/analysis (the same library calls the GUI makes), a summary on
// stdout and the full result in --out FILE (.csv, .xlsx or .gpkg).
#include "Command.h"
#include "Output.h"

#include "planmap/layers/analysis/Catchment.h"
#include "planmap/layers/analysis/ForestProtection.h"
#include "planmap/layers/analysis/ResultExport.h"
#include "planmap/layers/analysis/Underserved.h"

#include <cmath>
#include <ostream>
#include <sstream>

namespace planmap::cli {
namespace {

using namespace planmap::layers;
using namespace planmap::layers::analysis;

double parseNumber(const CommandContext& ctx, const std::string& option, double min, bool strictlyAbove) {
    const std::string text = *ctx.args.value(option);
    std::string normalised = text;
    for (char& c : normalised)
        if (c == ',') c = '.';  // "1,5" as Vietnamese write it
    std::size_t used = 0;
    double v = 0.0;
    try {
        v = std::stod(normalised, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != normalised.size() || !std::isfinite(v) || v < min || (strictlyAbove && v == min))
        throw UsageError("--" + option + " must be a number " + (strictlyAbove ? "> " : ">= ") + plainNumber(min) +
                         ", not '" + text + "'");
    return v;
}

std::optional<double> numberOption(const CommandContext& ctx, const std::string& option, double min, bool strictlyAbove) {
    if (!ctx.args.has(option)) return std::nullopt;
    return parseNumber(ctx, option, min, strictlyAbove);
}

std::size_t countOption(const CommandContext& ctx, const std::string& option, std::size_t fallback) {
    const auto v = numberOption(ctx, option, 0.0, false);
    if (!v) return fallback;
    if (*v != std::floor(*v)) throw UsageError("--" + option + " must be a whole number");
    return static_cast<std::size_t>(*v);
}

std::optional<std::filesystem::path> outPath(const CommandContext& ctx) {
    const auto out = ctx.args.value("out");
    if (!out) return std::nullopt;
    try {
        (void)exportFormatFromPath(*out);
    } catch (const AnalysisError& e) {
        throw UsageError(std::string("--out: ") + e.what());
    }
    return std::filesystem::path(*out);
}

/// A command-line progress display: one line per stage on stderr, with --progress.
RunControl runControl(const CommandContext& ctx) {
    RunControl control;
    if (ctx.args.has("progress")) {
        auto last = std::make_shared<std::string>();
        std::ostream* err = &ctx.err;
        control.onProgress = [last, err](const AnalysisProgress& p) {
            if (p.done == p.total && p.stage != *last) {
                *last = p.stage;
                *err << "  " << p.stage << ": " << p.total << "\n";
            }
        };
    }
    return control;
}

void printIllustrative(const CommandContext& ctx, bool illustrative, const std::vector<std::string>& sources) {
    if (!illustrative) return;
    ctx.out << "*** " << kIllustrativeNotice << " ***\n";
    for (const std::string& s : sources) ctx.out << "    - " << s << "\n";
    ctx.out << "\n";
}

void printNotes(const CommandContext& ctx, const std::vector<std::string>& notes) {
    for (const std::string& n : notes) ctx.note(n);
}

void writeOut(const CommandContext& ctx, const std::optional<std::filesystem::path>& out, const ResultTables& tables) {
    if (!out) return;
    exportTables(*out, tables);
    ctx.out << "\nWritten: " << out->string() << "\n";
}

std::string km(const std::optional<double>& metres) {
    return metres ? vietnameseNumber(*metres / 1000.0, 1) : std::string("—");
}

std::optional<std::int64_t> unitIdByCode(ProjectStore& store, const std::string& option, const std::string& code,
                                         UnitLevel level, std::string_view generation) {
    const auto unit = store.units().findByCodeInGeneration(code, level, generation, false);
    if (!unit)
        throw UsageError("--" + option + ": no " + std::string(toString(level)) + " with code '" + code + "' in generation " +
                         std::string(generation));
    return unit->id;
}

const std::vector<Option> kCommon{
    {"out", "FILE", "write the full result: .csv (main table), .xlsx or .gpkg (every table)"},
    {"progress", "", "print each stage of the computation on stderr"},
};

std::vector<Option> withCommon(std::vector<Option> options) {
    options.insert(options.end(), kCommon.begin(), kCommon.end());
    return options;
}

// --- analyze (the list) ------------------------------------------------------------------

class AnalyzeCommand final : public Command {
public:
    std::string name() const override { return "analyze"; }
    std::string summary() const override { return "planner analyses: underserved villages, market catchments, forest hectares"; }
    std::string synopsis() const override { return "analyze underserved|catchment|forest [options] [--out FILE]"; }
    bool usesProject() const override { return false; }
    std::string description() const override {
        return "Run `planmap-cli analyze underserved --help` (or catchment, forest) for the options of each analysis.";
    }
    int run(CommandContext& ctx) const override {
        if (ctx.args.positionals().empty())
            throw UsageError("analyze needs the analysis to run: underserved, catchment or forest");
        throw UsageError("unknown analysis '" + ctx.args.positionals().front() + "' (use underserved, catchment or forest)");
    }
};

// --- analyze underserved ---------------------------------------------------------------

class AnalyzeUnderservedCommand final : public Command {
public:
    std::string name() const override { return "analyze underserved"; }
    std::string summary() const override { return "villages far from markets, health stations, schools and hardened roads, ranked by need"; }
    std::string synopsis() const override { return "analyze underserved [options] [--out FILE]"; }
    std::vector<Option> options() const override {
        return withCommon({
            {"market-km", "KM", "threshold for the nearest market (default 5)"},
            {"health-km", "KM", "threshold for the nearest health station (default 5)"},
            {"school-km", "KM", "threshold for the nearest school (default 3)"},
            {"road-km", "KM", "threshold for the nearest hardened road (default 1)"},
            {"weight-market", "W", "weight of the market term (default 1)"},
            {"weight-health", "W", "weight of the health station term (default 1)"},
            {"weight-school", "W", "weight of the school term (default 1)"},
            {"weight-road", "W", "weight of the hardened road term (default 1)"},
            {"weight-dbkk", "W", "points for an extremely difficult (ĐBKK) village or commune (default 1)"},
            {"weight-area3", "W", "points for ethnic-minority area III (default 1)"},
            {"weight-area2", "W", "points for ethnic-minority area II (default 0.5)"},
            {"cap", "N", "a service term is at most weight x N (default 3)"},
            {"network", "auto|off", "distances along the road network when the roads connect (default auto)"},
            {"score-network", "", "score on network distances where there are some (default: straight line)"},
            {"count-planned", "", "count planned works (new markets, projects not completed) as existing"},
            {"district", "CODE", "only villages of this district (2023 code, e.g. 178)"},
            {"commune", "CODE", "only villages of this commune (2025 code)"},
            {"commune-old", "CODE", "only villages of this commune (code before 1 July 2025)"},
            {"top", "N", "villages listed on screen (default 20)"},
        });
    }
    std::string description() const override {
        return "Distances are geodesic (WGS 84) to the nearest feature; for roads, to the nearest point on the\n"
               "road. Which features count as each service is fixed in layers/analysis/Services.h. A service\n"
               "beyond its threshold adds weight x distance/threshold (at most weight x cap) to the score; each\n"
               "village's breakdown lists every term. Results computed from illustrative data say so.";
    }
    int run(CommandContext& ctx) const override {
        ctx.args.expectPositionals(0, 0);
        UnderservedSettings settings;
        const std::pair<const char*, Service> kms[] = {{"market-km", Service::Market},
                                                       {"health-km", Service::HealthStation},
                                                       {"school-km", Service::School},
                                                       {"road-km", Service::HardenedRoad}};
        for (const auto& [option, service] : kms)
            if (auto v = numberOption(ctx, option, 0.0, true)) settings.score.rule(service).thresholdMetres = *v * 1000.0;
        const std::pair<const char*, Service> weights[] = {{"weight-market", Service::Market},
                                                           {"weight-health", Service::HealthStation},
                                                           {"weight-school", Service::School},
                                                           {"weight-road", Service::HardenedRoad}};
        for (const auto& [option, service] : weights)
            if (auto v = numberOption(ctx, option, 0.0, false)) settings.score.rule(service).weight = *v;
        if (auto v = numberOption(ctx, "weight-dbkk", 0.0, false)) settings.score.dbkkWeight = *v;
        if (auto v = numberOption(ctx, "weight-area3", 0.0, false)) settings.score.areaIIIWeight = *v;
        if (auto v = numberOption(ctx, "weight-area2", 0.0, false)) settings.score.areaIIWeight = *v;
        if (auto v = numberOption(ctx, "cap", 0.0, false)) settings.score.cap = *v;
        if (auto n = ctx.args.value("network")) {
            if (*n == "auto") settings.network = NetworkMode::Auto;
            else if (*n == "off") settings.network = NetworkMode::Off;
            else throw UsageError("--network must be auto or off, not '" + *n + "'");
        }
        settings.score.preferNetworkDistance = ctx.args.has("score-network");
        settings.countPlannedWorks = ctx.args.has("count-planned");
        const std::size_t top = countOption(ctx, "top", 20);
        const auto out = outPath(ctx);

        ProjectStore store = ctx.openProject(false);
        VillageFilter filter;
        if (auto c = ctx.args.value("district"))
            filter.districtId = unitIdByCode(store, "district", *c, UnitLevel::District, kGenerationPre2025);
        if (auto c = ctx.args.value("commune"))
            filter.communeId = unitIdByCode(store, "commune", *c, UnitLevel::Commune, kGeneration2025);
        if (auto c = ctx.args.value("commune-old"))
            filter.communeOldId = unitIdByCode(store, "commune-old", *c, UnitLevel::Commune, kGenerationPre2025);

        const AccessInputs inputs = loadAccessInputs(store);
        UnderservedResult result = analyzeUnderserved(inputs, settings, runControl(ctx));
        if (filter.districtId || filter.communeId || filter.communeOldId) result = filterVillages(result, filter);

        printIllustrative(ctx, result.illustrative, result.illustrativeSources);
        ctx.out << "Underserved villages: " << result.villages.size() << " villages; services: "
                << result.serviceCounts[0] << " markets, " << result.serviceCounts[1] << " health stations, "
                << result.serviceCounts[2] << " schools, " << result.serviceCounts[3] << " hardened road lines\n";
        ctx.out << "Road network: " << result.network.note << "\n\n";
        TextTable table({"#", "village", "commune (2025)", "district (2023)", "market km", "health km", "school km",
                         "road km", "score"});
        for (std::size_t c : {0u, 4u, 5u, 6u, 7u, 8u}) table.alignRight(c);
        for (std::size_t i = 0; i < result.villages.size() && i < top; ++i) {
            const VillageNeed& v = result.villages[i];
            table.addRow({std::to_string(v.rank), v.name, v.commune.name, v.district.name,
                          km(v.distance(Service::Market).scoredM()), km(v.distance(Service::HealthStation).scoredM()),
                          km(v.distance(Service::School).scoredM()), km(v.distance(Service::HardenedRoad).scoredM()),
                          vietnameseNumber(v.score, 2)});
        }
        table.print(ctx.out);
        ctx.out << "\nBy district (2023): villages beyond the market / health / school / road threshold\n";
        TextTable districts({"district", "villages", "market", "health", "school", "road", "mean score"});
        for (std::size_t c = 1; c < 7; ++c) districts.alignRight(c);
        for (const ThresholdSummary& s : summarize(result, SummaryLevel::District2023)) {
            auto cell = [&s](Service svc) {
                return std::to_string(s.beyond[serviceIndex(svc)]) + " (" + vietnameseNumber(100.0 * s.share(svc), 0) + " %)";
            };
            districts.addRow({s.unit.name.empty() ? "(none)" : s.unit.name, std::to_string(s.villages), cell(Service::Market),
                              cell(Service::HealthStation), cell(Service::School), cell(Service::HardenedRoad),
                              vietnameseNumber(s.meanScore, 2)});
        }
        districts.print(ctx.out);
        printNotes(ctx, result.notes);
        writeOut(ctx, out, toTables(result));
        return kExitOk;
    }
};

// --- analyze catchment -------------------------------------------------------------------

CandidatePoint parseCandidate(const std::string& text) {
    // LON,LAT[,LABEL]
    std::vector<std::string> parts;
    std::stringstream s(text);
    std::string part;
    while (std::getline(s, part, ',')) parts.push_back(part);
    if (parts.size() < 2) throw UsageError("--what-if must be LON,LAT[,LABEL], not '" + text + "'");
    CandidatePoint c;
    try {
        std::size_t a = 0, b = 0;
        c.lon = std::stod(parts[0], &a);
        c.lat = std::stod(parts[1], &b);
        if (a != parts[0].size() || b != parts[1].size()) throw std::invalid_argument("trailing text");
    } catch (const std::exception&) {
        throw UsageError("--what-if must be LON,LAT[,LABEL] in decimal degrees (WGS 84), not '" + text + "'");
    }
    if (std::abs(c.lon) > 180.0 || std::abs(c.lat) > 90.0)
        throw UsageError("--what-if: '" + text + "' is not a longitude,latitude in degrees");
    c.label = parts.size() > 2 ? text.substr(parts[0].size() + parts[1].size() + 2) : "Điểm " + parts[0] + ", " + parts[1];
    return c;
}

class AnalyzeCatchmentCommand final : public Command {
public:
    std::string name() const override { return "analyze catchment"; }
    std::string summary() const override { return "villages each market serves, unserved villages, what-if of new markets"; }
    std::string synopsis() const override { return "analyze catchment [--radius-km KM] [--what-if LON,LAT[,LABEL]]... [options] [--out FILE]"; }
    std::vector<Option> options() const override {
        return withCommon({
            {"radius-km", "KM", "a market serves the villages within this distance (default 5)"},
            {"count-planned", "", "count planned (new) markets as existing instead of evaluating them"},
            {"what-if", "LON,LAT[,LABEL]", "how many unserved villages a market here would serve", true},
            {"candidates", "villages|grid|both", "candidate points to rank (default villages: each unserved village)"},
            {"grid-km", "KM", "spacing of grid candidates (default 2)"},
            {"top", "N", "candidates kept in the ranking, markets listed on screen (default 20)"},
            {"greedy", "N", "markets chosen one after another, each serving most of the rest (default 10)"},
        });
    }
    std::string description() const override {
        return "Distances are geodesic (WGS 84). Planned markets (status new) are evaluated as what-if\n"
               "candidates unless --count-planned.";
    }
    int run(CommandContext& ctx) const override {
        ctx.args.expectPositionals(0, 0);
        CatchmentSettings settings;
        if (auto v = numberOption(ctx, "radius-km", 0.0, true)) settings.radiusMetres = *v * 1000.0;
        if (auto v = numberOption(ctx, "grid-km", 0.0, true)) settings.gridSpacingMetres = *v * 1000.0;
        settings.countPlannedMarkets = ctx.args.has("count-planned");
        if (auto c = ctx.args.value("candidates")) {
            if (*c == "villages") settings.candidates = CandidateSource::UnservedVillages;
            else if (*c == "grid") settings.candidates = CandidateSource::Grid;
            else if (*c == "both") settings.candidates = CandidateSource::Both;
            else throw UsageError("--candidates must be villages, grid or both, not '" + *c + "'");
        }
        settings.maxRanked = countOption(ctx, "top", 20);
        settings.greedySteps = countOption(ctx, "greedy", 10);
        for (const std::string& w : ctx.args.values("what-if")) settings.extraCandidates.push_back(parseCandidate(w));
        const auto out = outPath(ctx);

        ProjectStore store = ctx.openProject(false);
        const AccessInputs inputs = loadAccessInputs(store);
        const CatchmentResult r = analyzeCatchments(inputs, settings, runControl(ctx));

        printIllustrative(ctx, r.illustrative, r.illustrativeSources);
        ctx.out << "Market catchments (radius " << vietnameseNumber(settings.radiusMetres / 1000.0, 2) << " km): "
                << r.markets.size() << " markets in service; " << r.served << " villages served, " << r.unserved
                << " unserved\n\n";
        std::vector<const MarketCatchment*> byVillages;
        for (const MarketCatchment& m : r.markets) byVillages.push_back(&m);
        std::stable_sort(byVillages.begin(), byVillages.end(), [](const MarketCatchment* a, const MarketCatchment* b) {
            return a->villages.size() > b->villages.size();
        });
        TextTable markets({"market", "villages", "population"});
        markets.alignRight(1);
        markets.alignRight(2);
        for (std::size_t i = 0; i < byVillages.size() && i < settings.maxRanked; ++i)
            markets.addRow({byVillages[i]->name, std::to_string(byVillages[i]->villages.size()),
                            vietnameseNumber(double(byVillages[i]->population), 0)});
        markets.print(ctx.out);
        if (byVillages.size() > settings.maxRanked)
            ctx.out << "(" << byVillages.size() - settings.maxRanked << " more markets in --out)\n";
        auto gains = [&ctx](const char* title, const std::vector<CandidateGain>& list) {
            if (list.empty()) return;
            ctx.out << "\n" << title << "\n";
            TextTable t({"#", "candidate", "lon", "lat", "newly served", "population"});
            for (std::size_t c : {0u, 2u, 3u, 4u, 5u}) t.alignRight(c);
            std::size_t i = 0;
            for (const CandidateGain& g : list)
                t.addRow({std::to_string(++i), g.point.label, plainNumber(std::round(g.point.lon * 1e5) / 1e5),
                          plainNumber(std::round(g.point.lat * 1e5) / 1e5), std::to_string(g.newlyServed),
                          vietnameseNumber(double(g.population), 0)});
            t.print(ctx.out);
        };
        gains("Planned markets: unserved villages each would serve", r.plannedMarkets);
        gains("What if: unserved villages a market at each point would serve", r.whatIf);
        gains("Best candidate points", r.ranking);
        gains("Markets chosen one after another (villages added at each step)", r.greedy);
        printNotes(ctx, r.notes);
        writeOut(ctx, out, toTables(r));
        return kExitOk;
    }
};

// --- analyze forest ----------------------------------------------------------------------

class AnalyzeForestCommand final : public Command {
public:
    std::string name() const override { return "analyze forest"; }
    std::string summary() const override { return "forest hectares by type, holder, commune and district, against the plan's forest indicators"; }
    std::string synopsis() const override {
        return "analyze forest [--no-overlaps] [--record-progress YYYY-MM-DD [--progress-level commune|district]] [--out FILE]";
    }
    std::vector<Option> options() const override {
        return withCommon({
            {"no-overlaps", "", "skip the check for plots that overlap each other"},
            {"record-progress", "YYYY-MM-DD", "append the hectares per unit and indicator to the progress log, as of that date"},
            {"progress-level", "commune|district", "units of the progress entries (default commune: 2025 communes)"},
            {"author", "NAME", "author of the progress entries"},
        });
    }
    std::string description() const override {
        return "Areas are geodesic (WGS 84); plots crossing a boundary are split; where two 2025 communes\n"
               "overlap, the part goes to the lower code only. Which plots count toward each indicator\n"
               "(DA03.1.CT02...CT06) is the table of layers/analysis/ForestProtection.h.";
    }
    int run(CommandContext& ctx) const override {
        ctx.args.expectPositionals(0, 0);
        ForestSettings settings;
        settings.checkOverlaps = !ctx.args.has("no-overlaps");
        std::optional<ForestProgressOptions> progress;
        if (auto d = ctx.args.value("record-progress")) {
            const auto date = tryParseIsoDate(*d);
            if (!date) throw UsageError("--record-progress must be a date YYYY-MM-DD, not '" + *d + "'");
            progress.emplace();
            progress->asOf = *date;
            progress->author = ctx.args.value("author");
            if (auto l = ctx.args.value("progress-level")) {
                if (*l == "commune") progress->level = ProgressUnitLevel::Commune2025;
                else if (*l == "district") progress->level = ProgressUnitLevel::District2023;
                else throw UsageError("--progress-level must be commune or district, not '" + *l + "'");
            }
        } else if (ctx.args.has("progress-level") || ctx.args.has("author")) {
            throw UsageError("--progress-level and --author go with --record-progress");
        }
        const auto out = outPath(ctx);

        ProjectStore store = ctx.openProject(progress.has_value());
        const ForestInputs inputs = loadForestInputs(store, settings.rules);
        const ForestResult r = analyzeForest(inputs, settings, runControl(ctx));

        printIllustrative(ctx, r.illustrative, r.illustrativeSources);
        auto label = [&r](const std::string& field, const std::string& code) {
            const auto f = r.labels.find(field);
            if (f != r.labels.end())
                if (const auto l = f->second.find(code); l != f->second.end()) return l->second;
            return code.empty() ? std::string("(không rõ)") : code;
        };
        ctx.out << "Forest plots: " << r.total.plots << ", " << vietnameseNumber(r.total.ha, 2) << " ha (geodesic)\n";
        if (r.overlapsChecked)
            ctx.out << "Overlapping plots: " << r.overlaps.size() << " pairs, " << vietnameseNumber(r.doubleCountedHa, 4)
                    << " ha counted twice\n";
        ctx.out << "Outside every 2025 commune: " << vietnameseNumber(r.outsideCommunesHa, 4) << " ha\n\n";
        TextTable indicators({"indicator", "target ha", "computed ha", "%", "plots"});
        for (std::size_t c = 1; c < 5; ++c) indicators.alignRight(c);
        for (const IndicatorComparison& c : r.indicators)
            indicators.addRow({c.indicator.code + (c.inCatalogue ? "" : " (not in the plan)"),
                               c.indicator.target ? vietnameseNumber(*c.indicator.target, 0) : "—",
                               vietnameseNumber(c.computed.ha, 2),
                               c.percentOfTarget ? vietnameseNumber(*c.percentOfTarget, 1) : "—",
                               std::to_string(c.computed.plots)});
        indicators.print(ctx.out);
        ctx.out << "\n";
        TextTable types({"forest type", "ha", "plots"});
        types.alignRight(1);
        types.alignRight(2);
        for (const auto& [k, a] : r.byForestType)
            types.addRow({label("forest_type", k), vietnameseNumber(a.ha, 2), std::to_string(a.plots)});
        types.print(ctx.out);
        ctx.out << "\n";
        TextTable holders({"holder", "ha", "plots"});
        holders.alignRight(1);
        holders.alignRight(2);
        for (const auto& [k, a] : r.byHolder) holders.addRow({label("holder", k), vietnameseNumber(a.ha, 2), std::to_string(a.plots)});
        holders.print(ctx.out);
        ctx.out << "\n";
        TextTable districts({"district (2023)", "ha", "plots"});
        districts.alignRight(1);
        districts.alignRight(2);
        for (const UnitForestTotal& u : r.districts)
            districts.addRow({u.unit.name, vietnameseNumber(u.total.ha, 2), std::to_string(u.total.plots)});
        districts.print(ctx.out);
        printNotes(ctx, r.notes);

        if (progress) {
            const std::vector<std::int64_t> ids = recordForestProgress(store.progress(), r, *progress);
            ctx.out << "\nRecorded " << ids.size() << " progress entries as of " << toIsoDate(progress->asOf)
                    << (r.illustrative ? " (flagged illustrative)" : "") << "\n";
        }
        writeOut(ctx, out, toTables(r, &inputs));
        return kExitOk;
    }
};

} // namespace

PLANMAP_CLI_REGISTER(AnalyzeCommand)
PLANMAP_CLI_REGISTER(AnalyzeUnderservedCommand)
PLANMAP_CLI_REGISTER(AnalyzeCatchmentCommand)
PLANMAP_CLI_REGISTER(AnalyzeForestCommand)

} // namespace planmap::cli
