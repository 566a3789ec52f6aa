// planmap-cli report: the progress report per province and district.
#include "Command.h"
#include "Output.h"

#include "planmap/layers/progress/Report.h"

#include <cstdlib>
#include <ostream>

namespace planmap::cli {
namespace {

using namespace planmap::layers;
namespace pg = planmap::layers::progress;

double fractionOption(const CommandContext& ctx, const std::string& name, double fallback)
{
    const auto text = ctx.args.value(name);
    if (!text) return fallback;
    char* end = nullptr;
    const double v = std::strtod(text->c_str(), &end);
    if (text->empty() || end != text->c_str() + text->size() || !(v > 0 && v <= 1))
        throw UsageError("--" + name + " must be a fraction between 0 and 1 (e.g. 0.9), not '" + *text + "'");
    return v;
}

class ReportCommand final : public Command {
public:
    std::string name() const override { return "report"; }
    std::string summary() const override { return "progress report per province and district (xlsx, csv, md)"; }
    std::string synopsis() const override
    {
        return "report --format xlsx|csv|md --out FILE [--district CODE_OR_NAME] [--date YYYY-MM-DD]\n"
               "       [--on-track 0.9] [--at-risk 0.7] [--exclude-illustrative]";
    }
    std::vector<Option> options() const override
    {
        return {{"format", "xlsx|csv|md", "report format"},
                {"out", "FILE", "where to write the report ('-' for standard output, csv and md only)"},
                {"district", "CODE_OR_NAME", "only this district (2023 districts: 178-189 or a name)"},
                {"date", "YYYY-MM-DD", "the report date: entries up to it, status against the time elapsed (default: today)"},
                {"on-track", "FRACTION", "on track at or above this fraction of what is due (default 0.9)"},
                {"at-risk", "FRACTION", "at risk at or above this fraction, behind below (default 0.7)"},
                {"exclude-illustrative", "", "leave out illustrative (invented) entries"}};
    }
    std::string description() const override
    {
        return "For the province and each district: indicator, target, achieved, percent of target and status\n"
               "(achieved, on track, at risk, behind, no data, no target). Amounts are judged against the part of\n"
               "the target due by the date (target x elapsed fraction of the indicator's year); rates against the\n"
               "whole target. CSV has plain numbers, ISO dates and status codes; md and xlsx are in Vietnamese.\n"
               "Figures resting on illustrative entries are flagged.";
    }
    int run(CommandContext& ctx) const override
    {
        ctx.args.expectPositionals(0, 0);
        const std::string formatText = ctx.args.required("format");
        const auto format = pg::parseReportFormat(formatText);
        if (!format) throw UsageError("--format must be xlsx, csv or md, not '" + formatText + "'");
        const std::string out = ctx.args.required("out");
        if (out == "-" && *format == pg::ReportFormat::Xlsx) throw UsageError("an xlsx report needs a file (--out FILE)");
        pg::ReportOptions options;
        if (auto d = ctx.args.value("date")) {
            const auto date = tryParseIsoDate(*d);
            if (!date) throw UsageError("--date must be a date YYYY-MM-DD, not '" + *d + "'");
            options.date = *date;
        }
        options.district = ctx.args.value("district");
        options.status.thresholds.onTrack = fractionOption(ctx, "on-track", 0.9);
        options.status.thresholds.atRisk = fractionOption(ctx, "at-risk", 0.7);
        if (options.status.thresholds.atRisk > options.status.thresholds.onTrack)
            throw UsageError("--at-risk must not be above --on-track");
        options.rollup.includeIllustrative = !ctx.args.has("exclude-illustrative");

        ProjectStore store = ctx.openProject(false);
        const pg::ProgressReport report = pg::buildReport(store, options);
        if (out == "-") {
            if (*format == pg::ReportFormat::Csv) pg::writeReportCsv(report, ctx.out);
            else pg::writeReportMarkdown(report, ctx.out);
        } else {
            pg::writeReport(report, *format, out);
            std::size_t rows = 0;
            for (const auto& s : report.sections) rows += s.rows.size();
            ctx.out << "Wrote " << out << ": " << report.sections.size() << " section(s), " << rows << " row(s), as of "
                    << toIsoDate(report.date) << "\n";
        }
        if (report.illustrative) ctx.note("some figures rest on illustrative (invented) entries; they are flagged");
        return kExitOk;
    }
};

PLANMAP_CLI_REGISTER(ReportCommand)

} // namespace
} // namespace planmap::cli
