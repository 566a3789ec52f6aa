#pragma once
// Loading the crosswalk of the 2025 reorganisation (old commune → new
// commune) from the official conversion table of the General Statistics
// Office: a CSV/XLSX/ODS table with the columns
//   "Tên Xã mới", "Mã Xã mới", "Tên Xã cũ", "Mã Xã cũ",
//   "Ghi chú" ("Nhập toàn bộ" = whole, "Nhập một phần" = partial),
//   "Quận/huyện" (the old district, e.g. "Huyện Cao Lộc (183)"), ...
// Column names are matched without regard to case or diacritics. Codes refer
// to the communes of the project: old ones in the pre-2025 generation, new
// ones in the 2025 generation; both must be imported first.

#include "planmap/layers/io/ImportError.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace planmap::layers {
class ProjectStore;
}

namespace planmap::layers::io {

/// The import target name of the 2025 crosswalk ("import FILE --layer crosswalk_2025").
inline constexpr std::string_view kCrosswalk2025Layer = "crosswalk_2025";

/// Loads the table in one transaction. Every row is checked first (codes
/// exist, note is one of the two kinds, no pair twice); names that differ
/// from the project's units are reported as warnings. Afterwards every old
/// commune must map to at least one new one, and an old commune with partial
/// links must have more than one; otherwise ImportProblems.
ImportReport importCrosswalk2025(ProjectStore& store, const std::filesystem::path& file,
                                 const std::optional<std::string>& source = std::nullopt);

} // namespace planmap::layers::io
