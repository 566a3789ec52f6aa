#include "planmap/layers/io/CrosswalkImport.h"

#include "SourceTable.h"
#include "planmap/layers/store/ProjectStore.h"
#include "planmap/layers/text/SearchKey.h"

#include <map>
#include <set>

namespace planmap::layers::io {

namespace {

/// A column that must exist (any of the names).
int requiredColumn(const detail::SourceTable& table, std::initializer_list<const char*> names)
{
    for (const char* n : names)
        if (int c = table.column(n); c >= 0) return c;
    throw ImportError(table.file().string() + ": no column \"" + *names.begin()
                      + "\" (the official conversion table has \"Tên Xã mới\", \"Mã Xã mới\", \"Tên Xã cũ\", "
                        "\"Mã Xã cũ\", \"Ghi chú\"); the columns are " + table.columnList());
}

/// Commune codes have five digits; a spreadsheet may have dropped leading zeros.
std::string communeCode(std::string code)
{
    if (!code.empty() && code.size() < 5 && code.find_first_not_of("0123456789") == std::string::npos)
        code.insert(0, 5 - code.size(), '0');
    return code;
}

std::string nameOf(const AdminUnit& u) { return u.fullName.value_or(u.name); }

} // namespace

ImportReport importCrosswalk2025(ProjectStore& store, const std::filesystem::path& file,
                                 const std::optional<std::string>& source)
{
    detail::SourceTable table(file, std::nullopt, true);
    const int newCode = requiredColumn(table, {"Mã Xã mới", "ma_xa_moi", "new_code"});
    const int oldCode = requiredColumn(table, {"Mã Xã cũ", "ma_xa_cu", "old_code"});
    const int noteColumn = requiredColumn(table, {"Ghi chú", "ghi_chu", "kind"});
    const int newName = table.column("Tên Xã mới");
    const int oldName = table.column("Tên Xã cũ");
    auto col = [&](int c) { return table.fields()[static_cast<std::size_t>(c)].name; };

    ImportReport report;
    report.file = file;
    report.target = std::string(kCrosswalk2025Layer);
    const std::vector<geo::Feature> rows = table.readAll();
    report.rowsRead = static_cast<std::int64_t>(rows.size());
    if (rows.empty()) throw ImportError(file.string() + ": the table has no rows");

    AdminUnits& units = store.units();
    const Date effective = makeDate(2025, 7, 1);
    ProblemList problems;
    std::vector<CrosswalkLink> links;
    std::set<std::pair<std::int64_t, std::int64_t>> pairs;
    std::map<std::int64_t, std::vector<std::size_t>> byOld;  // old unit id -> link indexes
    std::map<std::int64_t, std::string> oldCodes;
    std::map<std::string, std::optional<AdminUnit>> cache;
    auto find = [&](const std::string& code, const char* generation) -> const std::optional<AdminUnit>& {
        const std::string key = std::string(generation) + "/" + code;
        auto it = cache.find(key);
        if (it == cache.end())
            it = cache.emplace(key, units.findByCodeInGeneration(code, UnitLevel::Commune, generation, false)).first;
        return it->second;
    };

    for (const geo::Feature& f : rows) {
        const std::string where = table.where(f.row);
        auto text = [&](int c) { return c < 0 ? std::string() : detail::valueText(f.values[static_cast<std::size_t>(c)]); };
        const std::string nc = communeCode(text(newCode));
        const std::string oc = communeCode(text(oldCode));
        const std::string note = text(noteColumn);
        bool ok = true;
        if (nc.empty() || oc.empty()) {
            problems.add(table.where(f.row, col(nc.empty() ? newCode : oldCode)) + ": the commune code is empty");
            continue;
        }
        const auto& newUnit = find(nc, kGeneration2025.data());
        const auto& oldUnit = find(oc, kGenerationPre2025.data());
        if (!newUnit) {
            problems.add(table.where(f.row, col(newCode)) + ": no commune with code " + nc
                         + " in the 2025 generation (import communes_2025 first)");
            ok = false;
        }
        if (!oldUnit) {
            problems.add(table.where(f.row, col(oldCode)) + ": no commune with code " + oc
                         + " before 2025 (import communes_2023 first)");
            ok = false;
        }
        CrosswalkLink link;
        const std::string kind = searchKey(note);
        if (kind.find("toan bo") != std::string::npos) link.kind = CrosswalkKind::Whole;
        else if (kind.find("mot phan") != std::string::npos) link.kind = CrosswalkKind::Partial;
        else {
            problems.add(table.where(f.row, col(noteColumn)) + ": \"" + note
                         + "\" is neither \"Nhập toàn bộ\" (whole) nor \"Nhập một phần\" (partial)");
            ok = false;
        }
        if (!ok) continue;
        if (newName >= 0 && !text(newName).empty() && searchKey(text(newName)) != searchKey(nameOf(*newUnit)))
            report.warnings.push_back(table.where(f.row, col(newName)) + ": \"" + text(newName) + "\" but commune " + nc
                                      + " is \"" + nameOf(*newUnit) + "\" in the project");
        if (oldName >= 0 && !text(oldName).empty() && searchKey(text(oldName)) != searchKey(nameOf(*oldUnit)))
            report.warnings.push_back(table.where(f.row, col(oldName)) + ": \"" + text(oldName) + "\" but commune " + oc
                                      + " is \"" + nameOf(*oldUnit) + "\" in the project");
        if (!pairs.insert({oldUnit->id, newUnit->id}).second) {
            problems.add(where + ": the pair " + oc + " -> " + nc + " is given twice");
            continue;
        }
        link.oldUnitId = oldUnit->id;
        link.newUnitId = newUnit->id;
        link.effectiveDate = effective;
        link.source = source.value_or(file.filename().string());
        byOld[oldUnit->id].push_back(links.size());
        oldCodes[oldUnit->id] = oc;
        links.push_back(link);
    }
    for (const auto& [oldId, indexes] : byOld) {
        std::size_t partial = 0;
        for (std::size_t i : indexes) partial += links[i].kind == CrosswalkKind::Partial;
        if (partial > 0 && indexes.size() < 2)
            problems.add(file.string() + ": commune " + oldCodes[oldId]
                         + " merged \"in part\" (Nhập một phần) into only one new commune; a split commune goes to several");
        if (partial == 0 && indexes.size() > 1)
            problems.add(file.string() + ": commune " + oldCodes[oldId]
                         + " merged \"wholly\" (Nhập toàn bộ) into several new communes");
    }
    problems.throwIfAny(file, "fix the table and import again");

    // Old communes the table does not mention.
    std::vector<std::string> unmapped;
    for (const AdminUnit& u : units.list(UnitLevel::Commune, std::string(kGenerationPre2025)))
        if (!byOld.count(u.id)) unmapped.push_back(u.code.value_or(u.name));
    if (!unmapped.empty()) {
        std::string list;
        for (const auto& c : unmapped) list += (list.empty() ? "" : ", ") + c;
        report.warnings.push_back(std::to_string(unmapped.size()) + " commune(s) before 2025 are not in the table: " + list);
    }

    Transaction transaction(store.connection());
    report.importBatchId = store.imports().begin(file, ImportBatches::sha256OfFile(file), "crosswalk", report.target);
    report.inserted = static_cast<std::int64_t>(units.insertCrosswalkMany(links).size());
    store.imports().finish(report.importBatchId, report.inserted);
    transaction.commit();
    return report;
}

} // namespace planmap::layers::io
