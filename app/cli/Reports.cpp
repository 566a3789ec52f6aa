#include "Reports.h"

#include <ostream>

namespace planmap::cli {

void printImportReport(const CommandContext& ctx, const layers::io::ImportReport& report)
{
    for (const std::string& n : report.notes) ctx.note("note: " + n);
    for (const std::string& r : report.repairs) ctx.note("repaired: " + r);
    for (const std::string& w : report.warnings) ctx.warning(w);
    ctx.out << "Imported " << report.file.string() << " into " << report.target << ": " << report.rowsRead
            << " row(s) read, " << report.inserted << " added";
    if (report.updated) ctx.out << ", " << report.updated << " updated";
    if (!report.repairs.empty()) ctx.out << ", " << report.repairs.size() << " geometr" << (report.repairs.size() == 1 ? "y" : "ies") << " repaired";
    ctx.out << " (import batch " << report.importBatchId << ")\n";
}

} // namespace planmap::cli
