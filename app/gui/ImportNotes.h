#pragma once
// The import engine's technical notes (how the text encoding and the CRS
// were decided, and the doubts about them) in the wizard's own words, made
// from the engine's structured fields: the engine's English sentences stay
// for the command line.

#include "ImportWizardController.h"

#include <QString>

namespace planmap::gui {

/// The evidence for the encoding (what was decided from what) and its doubts
/// (lines starting with "⚠ "), one per line.
QString encodingEvidenceText(const layers::importer::EncodingDecision& decision);

/// Why the CRS is the one in use: for a detected CRS, how many samples it
/// puts inside the province and which other candidates fit; a doubt about the
/// file's or the given CRS when the engine warned about it.
QString crsExplanationText(const layers::importer::CrsResolution& crs, const std::vector<CrsChoice>& choices);

/// One CRS choice: "EPSG:9215 VN-2000 / TM-3 107-15: 100 % điểm mẫu nằm trong tỉnh (6 / 6)".
QString crsChoiceText(const CrsChoice& choice);

} // namespace planmap::gui
