// planmap-cli plan: the indicator tree with targets and what is achieved;
// planmap-cli plan load: loads a plan catalogue.
#include "Command.h"
#include "Output.h"
#include "Reports.h"

#include "planmap/layers/io/PlanImport.h"
#include "planmap/layers/progress/Rollup.h"

#include <cmath>
#include <map>
#include <unordered_map>
#include <ostream>

namespace planmap::cli {
namespace {

using namespace planmap::layers;

/// What is achieved of an indicator at the province: the progress roll-up
/// (layers/progress/Rollup.h: newest entries in force, the indicator's
/// aggregation rule, own reports over their parts, the 2025 crosswalk).
/// nullopt when nothing is achieved yet.
using ProvinceFigures = std::unordered_map<std::int64_t, progress::ProvinceFigure>;
std::optional<double> achievedOf(const ProvinceFigures& figures, const PlanTreeNode& node)
{
    const auto it = figures.find(node.node.id);
    return it == figures.end() ? std::nullopt : it->second.achieved;
}

std::optional<double> percentOf(const std::optional<double>& achieved, const std::optional<IndicatorSpec>& spec)
{
    if (!achieved || !spec || !spec->targetValue || *spec->targetValue == 0) return std::nullopt;
    return std::round(*achieved / *spec->targetValue * 100.0 * 100.0) / 100.0;
}

const PlanTreeNode* findNode(const std::vector<PlanTreeNode>& nodes, const std::string& code)
{
    for (const PlanTreeNode& n : nodes) {
        if (n.node.code == code) return &n;
        if (const PlanTreeNode* f = findNode(n.children, code)) return f;
    }
    return nullptr;
}

class PlanCommand final : public Command {
public:
    std::string name() const override { return "plan"; }
    std::string summary() const override { return "show the plan's indicator tree with targets and achievement"; }
    std::string synopsis() const override { return "plan [--format tree|csv|json] [--root CODE]"; }
    std::vector<Option> options() const override
    {
        return {{"format", "tree|csv|json", "output format (default: tree)"},
                {"root", "CODE", "show only the subtree of this catalogue node"}};
    }
    std::string description() const override
    {
        return "tree: the catalogue as an indented tree, figures in Vietnamese notation (1.238.075; 96,1).\n"
               "csv:  one row per indicator, header first: code, parent_code, level, name, unit, year, target,\n"
               "      target_numerator, target_denominator, aggregation, achieved, percent (plain numbers:\n"
               "      1238075, 96.1; empty when there is no value).\n"
               "json: the tree as nested objects.\n"
               "achieved is the current progress rolled up to the province by the indicator's rule (see\n"
               "'planmap-cli progress rollup --help'); percent = achieved / target x 100.\n\n"
               "To load a plan: planmap-cli plan load DIR_OR_FILE (see 'planmap-cli plan load --help').";
    }

    int run(CommandContext& ctx) const override
    {
        if (!ctx.args.positionals().empty())
            throw UsageError("unknown subcommand '" + ctx.args.positionals()[0] + "' (did you mean 'plan load'?)");
        const std::string format = ctx.args.value("format").value_or("tree");
        if (format != "tree" && format != "csv" && format != "json") throw UsageError("--format must be tree, csv or json");
        ProjectStore store = ctx.openProject(false);
        std::vector<PlanTreeNode> roots = store.plan().tree();
        if (auto root = ctx.args.value("root")) {
            const PlanTreeNode* node = findNode(roots, *root);
            if (!node) throw std::runtime_error("no catalogue node with code " + *root);
            roots = {*node};
        }
        const ProvinceFigures progress = planmap::layers::progress::provinceFigures(store.connection());
        if (format == "csv") {
            ctx.out << csvRecord({"code", "parent_code", "level", "name", "unit", "year", "target", "target_numerator",
                                  "target_denominator", "aggregation", "achieved", "percent"});
            writeCsv(ctx.out, roots, "", progress);
        } else if (format == "json") {
            ctx.out << "[";
            for (std::size_t i = 0; i < roots.size(); ++i) {
                ctx.out << (i ? "," : "") << "\n";
                writeJson(ctx.out, roots[i], 1, progress);
            }
            ctx.out << "\n]\n";
        } else {
            if (roots.empty()) ctx.out << "The project has no plan (load one with 'planmap-cli plan load DIR').\n";
            for (const PlanTreeNode& r : roots) writeTree(ctx.out, r, 0, progress);
        }
        return kExitOk;
    }

private:
    static void writeCsv(std::ostream& out, const std::vector<PlanTreeNode>& nodes, const std::string& parent,
                         const ProvinceFigures& progress)
    {
        for (const PlanTreeNode& n : nodes) {
            if (n.indicator) {
                const IndicatorSpec& s = *n.indicator;
                const auto achieved = achievedOf(progress, n);
                out << csvRecord({n.node.code, parent, std::string(toString(n.node.level)), n.node.name,
                                  s.unitOfMeasure.value_or(""), s.year ? std::to_string(*s.year) : "",
                                  plainNumber(s.targetValue), plainNumber(s.targetNumerator),
                                  plainNumber(s.targetDenominator), std::string(toString(s.aggregation)),
                                  plainNumber(achieved), plainNumber(percentOf(achieved, n.indicator))});
            }
            writeCsv(out, n.children, n.node.code, progress);
        }
    }

    static void writeJson(std::ostream& out, const PlanTreeNode& n, int depth, const ProvinceFigures& progress)
    {
        const std::string pad(static_cast<std::size_t>(depth) * 2, ' ');
        out << pad << "{\"code\": " << jsonString(n.node.code) << ", \"level\": " << jsonString(toString(n.node.level))
            << ", \"name\": " << jsonString(n.node.name);
        if (n.node.responsibleAgency) out << ", \"agency\": " << jsonString(*n.node.responsibleAgency);
        if (n.node.planReference) out << ", \"plan_ref\": " << jsonString(*n.node.planReference);
        if (n.indicator) {
            const IndicatorSpec& s = *n.indicator;
            const auto achieved = achievedOf(progress, n);
            out << ", \"unit\": " << (s.unitOfMeasure ? jsonString(*s.unitOfMeasure) : "null")
                << ", \"year\": " << (s.year ? std::to_string(*s.year) : "null")
                << ", \"target\": " << jsonNumber(s.targetValue) << ", \"target_numerator\": " << jsonNumber(s.targetNumerator)
                << ", \"target_denominator\": " << jsonNumber(s.targetDenominator)
                << ", \"aggregation\": " << jsonString(toString(s.aggregation)) << ", \"achieved\": " << jsonNumber(achieved)
                << ", \"percent\": " << jsonNumber(percentOf(achieved, n.indicator));
        }
        if (!n.children.empty()) {
            out << ", \"children\": [\n";
            for (std::size_t i = 0; i < n.children.size(); ++i) {
                if (i) out << ",\n";
                writeJson(out, n.children[i], depth + 1, progress);
            }
            out << "\n" << pad << "]";
        }
        out << "}";
    }

    static void writeTree(std::ostream& out, const PlanTreeNode& n, int depth, const ProvinceFigures& progress)
    {
        out << std::string(static_cast<std::size_t>(depth) * 2, ' ') << n.node.code << "  " << n.node.name;
        if (n.indicator) {
            const IndicatorSpec& s = *n.indicator;
            const std::string unit = s.unitOfMeasure ? " " + *s.unitOfMeasure : "";
            out << ": ";
            if (s.targetNumerator && s.targetDenominator)
                out << vietnameseNumber(*s.targetNumerator) << "/" << vietnameseNumber(*s.targetDenominator) << " = ";
            out << (s.targetValue ? vietnameseNumber(*s.targetValue) + unit : "(no target)");
            if (s.year) out << " (" << *s.year << ")";
            const auto achieved = achievedOf(progress, n);
            if (achieved) {
                out << "; achieved " << vietnameseNumber(*achieved) << unit;
                if (auto p = percentOf(achieved, n.indicator)) out << " = " << vietnameseNumber(*p, 1) << " %";
            }
        }
        out << "\n";
        for (const PlanTreeNode& c : n.children) writeTree(out, c, depth + 1, progress);
    }
};

PLANMAP_CLI_REGISTER(PlanCommand)

class PlanLoadCommand final : public Command {
public:
    std::string name() const override { return "plan load"; }
    std::string summary() const override { return "load a plan catalogue (CSV files or an XLSX/ODS workbook)"; }
    std::string synopsis() const override { return "plan load DIR_OR_CATALOGUE [--illustrative]"; }
    std::vector<Option> options() const override
    {
        return {{"illustrative", "", "mark allocations, funding lines and named features as illustrative"}};
    }
    std::string description() const override
    {
        return "Loads the tables of the planmap plan catalogue template (data/langson/plan/README.md):\n"
               "  *catalogue      the programme tree: code, parent_code, level, ordinal, name, unit, year,\n"
               "                  target, target_numerator, target_denominator, aggregation, agency,\n"
               "                  plan_ref, note\n"
               "  *allocations    indicator_code, unit_level, unit_code, unit_name, target, note\n"
               "  *funding        code, parent_code, name, project_code, source, kind, amount_million_vnd,\n"
               "                  year, note\n"
               "  *named_features layer, key, name, indicator_code, commune_2023_code, commune_2023_name,\n"
               "                  district_code, status, note (optional lon, lat, kind)\n"
               "from a directory (plan_2023_catalogue.csv and its siblings), a catalogue file, or a workbook\n"
               "whose sheets carry those names. Every row is checked first (codes, parents, levels,\n"
               "aggregation, units, sums); any problem is reported by file, row and column and nothing is\n"
               "written. Named features are placed in the 2025 commune that absorbed their old commune\n"
               "(approximate location) and linked to their indicator. Load the units and the crosswalk first.";
    }

    int run(CommandContext& ctx) const override
    {
        ctx.args.expectPositionals(1, 1);
        const io::PlanSources sources = io::findPlanSources(ctx.args.positional(0, "DIR_OR_CATALOGUE"));
        io::PlanImportOptions options;
        options.illustrative = ctx.args.has("illustrative");
        ProjectStore store = ctx.openProject(true);
        const io::ImportReport report = io::importPlan(store, sources, options);
        printImportReport(ctx, report);
        return kExitOk;
    }
};

PLANMAP_CLI_REGISTER(PlanLoadCommand)

} // namespace
} // namespace planmap::cli
