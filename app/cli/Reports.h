#pragma once
// Printing what a loader did (shared by import and plan load).

#include "Command.h"

#include "planmap/layers/io/ImportError.h"

namespace planmap::cli {

/// Summary on out; notes, repairs and warnings on err.
void printImportReport(const CommandContext& ctx, const layers::io::ImportReport& report);

} // namespace planmap::cli
