// planmap-cli validate: consistency checks of a project, optionally repairing
// invalid geometries.
#include "Command.h"
#include "Output.h"

#include "planmap/layers/io/ProjectChecks.h"

#include <ostream>

namespace planmap::cli {
namespace {

using namespace planmap::layers;

class ValidateCommand final : public Command {
public:
    std::string name() const override { return "validate"; }
    std::string summary() const override { return "check geometries, crosswalk, locations and references"; }
    std::string synopsis() const override { return "validate [--repair] [--format text|csv]"; }
    std::vector<Option> options() const override
    {
        return {{"repair", "", "repair invalid geometries with GEOS MakeValid (one transaction) and report the changes"},
                {"format", "text|csv", "output format of the issues (default: text)"},
                {"overlap-error-percent", "P", "an overlap of units larger than P % of the smaller one is an error (default: 0.1)"}};
    }
    std::string description() const override
    {
        return "Checks:\n"
               "  geometry   every unit and feature geometry is valid (reason and location)\n"
               "  crosswalk  every pre-2025 commune maps to a 2025 commune; split ones to several\n"
               "  location   features lie in their 2025 commune, which absorbed their old commune\n"
               "  links      links, allocations, progress entries and funding lines reference what exists\n"
               "  parents    units have a parent unit (warning)\n"
               "  overlap    units of one layer overlap: slivers (the 2025 communes have some) are warnings,\n"
               "             overlaps larger than 0.1 % of the smaller unit (--overlap-error-percent) errors\n"
               "Exits with 3 when errors remain (warnings alone exit 0).";
    }

    int run(CommandContext& ctx) const override
    {
        ctx.args.expectPositionals(0, 0);
        const std::string format = ctx.args.value("format").value_or("text");
        if (format != "text" && format != "csv") throw UsageError("--format must be text or csv");
        io::CheckOptions options;
        options.repair = ctx.args.has("repair");
        if (auto p = ctx.args.value("overlap-error-percent")) {
            try {
                std::size_t used = 0;
                const double percent = std::stod(*p, &used);
                if (used != p->size() || percent < 0) throw std::invalid_argument(*p);
                options.overlapErrorShare = percent / 100.0;
            } catch (const std::exception&) {
                throw UsageError("--overlap-error-percent must be a number (percent)");
            }
        }
        ProjectStore store = ctx.openProject(options.repair);
        const io::CheckReport report = io::checkProject(store, options);

        for (const std::string& r : report.repairs) ctx.out << "repaired: " << r << "\n";
        if (format == "csv") {
            ctx.out << csvRecord({"severity", "check", "subject", "message", "lon", "lat"});
            for (const io::CheckIssue& i : report.issues)
                ctx.out << csvRecord({i.severity == io::IssueSeverity::Error ? "error" : "warning", i.check, i.subject,
                                      i.message, i.location ? plainNumber(i.location->x) : "",
                                      i.location ? plainNumber(i.location->y) : ""});
        } else {
            for (const io::CheckIssue& i : report.issues) {
                ctx.out << (i.severity == io::IssueSeverity::Error ? "ERROR   " : "warning ") << i.check << ": "
                        << i.subject << ": " << i.message;
                if (i.location && i.message.find(" at (") == std::string::npos) {
                    char buf[64];
                    std::snprintf(buf, sizeof buf, " [%.6f %.6f]", i.location->x, i.location->y);
                    ctx.out << buf;
                }
                ctx.out << "\n";
            }
            ctx.out << "Checked " << report.unitsChecked << " units, " << report.featuresChecked << " features, "
                    << report.crosswalkLinks << " crosswalk links: " << report.errorCount() << " error(s), "
                    << report.warningCount() << " warning(s)";
            if (options.repair) ctx.out << ", " << report.repairs.size() << " geometr" << (report.repairs.size() == 1 ? "y" : "ies") << " repaired";
            ctx.out << "\n";
        }
        return report.errorCount() ? kExitProblems : kExitOk;
    }
};

PLANMAP_CLI_REGISTER(ValidateCommand)

} // namespace
} // namespace planmap::cli
