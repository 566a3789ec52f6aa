#pragma once
// A code list of administrative units in the JSON layout of the open
// Vietnamese units databases: nested objects with "Code", "Name", "NameEn",
// "FullName" and "AdministrativeUnitShortName" ("Tỉnh", "Xã", "Phường", ...),
// children in arrays ("Wards", "Districts", ...). Used to take each unit's
// type and names from the official list when a geometry file lacks them.

#include "planmap/layers/units/AdminUnits.h"

#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace planmap::layers::io {

struct CodeListEntry {
    std::string code;
    std::string name;                    ///< "Đông Kinh"
    std::optional<std::string> fullName; ///< "Phường Đông Kinh"
    std::optional<std::string> nameEn;
    std::optional<UnitType> type;        ///< from AdministrativeUnitShortName, else FullName
    int depth = 0;                       ///< 0 for the top object, 1 for its children, ...
};

class UnitCodeList {
public:
    /// Reads the file; throws ImportError naming the file (and the JSON path
    /// of a bad entry) when it cannot be read.
    static UnitCodeList read(const std::filesystem::path& file);

    const std::filesystem::path& file() const { return file_; }
    const CodeListEntry* find(const std::string& code) const;
    /// Every unit, by code.
    const std::map<std::string, CodeListEntry>& entries() const { return entries_; }

private:
    std::filesystem::path file_;
    std::map<std::string, CodeListEntry> entries_;
};

} // namespace planmap::layers::io
