#pragma once
// The import engine's messages in the wizard's own words, made from the
// engine's structured fields (planmap/layers/importer/ImportMessage.h, the
// EncodingDecision, the CrsResolution): how the text encoding and the CRS
// were decided and the doubts about them; the problems of rows, the geometry
// repairs, the warnings and notes. The engine's English sentences stay for
// the command line.

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

/// A field's title in the UI language ("Số nhân khẩu" / "Population"),
/// its name when it has none.
QString fieldTitleText(const layers::FieldInfo& f);

/// A field type: "số nguyên", "ngày"...
QString fieldTypeText(layers::FieldType type);

/// Where in the file: "dòng 5" (a table row, the header is row 1) or
/// "đối tượng 4", with ", cột “Mã PX”" when about a column.
QString sourcePlaceText(const layers::importer::SourcePlace& at);

/// One message of the engine in Vietnamese (or the UI language). A message
/// about a row starts with its place unless `withPlace` is false (the preview
/// table, whose rows already say it). Messages about the encoding or the CRS
/// give the engine's English text: word those from the decisions themselves
/// (encodingEvidenceText(), crsExplanationText(); see importer::isAboutEncodingOrCrs()).
QString importMessageText(const layers::importer::ImportMessage& m, bool withPlace = true);

/// Why a geometry cannot be used: "không phải kinh độ/vĩ độ khi đọc theo ...".
QString geometryProblemText(const layers::importer::GeometryProblem& p);

/// What MakeValid did: "Tự cắt tại (106,76150; 21,85370): vùng tách thành 2 phần; diện tích đổi −12,5 %".
QString repairText(const geo::RepairReport& r);

/// An error of the engine (a file it cannot read, a CRS it cannot settle...)
/// for a message box: what happened in the wizard's words (`lead`), then the
/// engine's own English explanation, which names the file, row and column.
QString importErrorText(const QString& lead, const std::string& engineMessage);

/// One CRS choice: "EPSG:9215 VN-2000 / TM-3 107-15: 100 % điểm mẫu nằm trong tỉnh (6 / 6)".
QString crsChoiceText(const CrsChoice& choice);

} // namespace planmap::gui
