#include "UnitImport.h"

#include "GeometrySupport.h"
#include "SourceTable.h"
#include "ValueConversion.h"
#include "planmap/layers/importer/RowMapper.h"
#include "planmap/layers/importer/SourceData.h"
#include "planmap/layers/io/LayerImport.h"
#include "planmap/layers/io/UnitCodeList.h"
#include "planmap/layers/store/ProjectStore.h"

#include <map>
#include <set>

namespace planmap::layers::io::detail {

namespace {

std::vector<importer::TargetField> unitTargets()
{
    std::vector<importer::TargetField> targets;
    for (const std::string& name : unitImportFields()) {
        importer::TargetField t;
        t.info.name = name;
        t.info.type = FieldType::Text;
        t.info.titleVi = name;
        targets.push_back(std::move(t));
    }
    return targets;
}

std::vector<std::string> columnNames(const importer::SourceData& source)
{
    std::vector<std::string> names;
    for (const auto& f : source.fields()) names.push_back(f.name);
    return names;
}

/// The unit fields bound to source columns by the importer's RowMapper (the
/// same rules as for feature layers); values are read raw, as the unit
/// fields need their own parsing (codes, types, dates, yes/no).
class Columns {
public:
    Columns(const importer::SourceData& source, const UnitImportOptions& options)
        : source_(source), mapper_(makeMapper(source, options))
    {
    }
    bool has(const std::string& target) const { return mapper_.has(target); }
    std::string name(const std::string& target) const
    {
        const int i = mapper_.columnOf(target);
        return i < 0 ? target : source_.fields()[static_cast<std::size_t>(i)].name;
    }
    const geo::FieldValue* value(const geo::Feature& f, const std::string& target) const
    {
        const int i = mapper_.columnOf(target);
        return i < 0 || static_cast<std::size_t>(i) >= f.values.size() ? nullptr : &f.values[static_cast<std::size_t>(i)];
    }
    std::string text(const geo::Feature& f, const std::string& target) const
    {
        const geo::FieldValue* v = value(f, target);
        return v ? valueText(*v) : std::string();
    }
    std::vector<std::string> unused() const { return mapper_.unusedColumns(); }

private:
    static importer::RowMapper makeMapper(const importer::SourceData& source, const UnitImportOptions& options)
    {
        FieldMapping mapping = options.fields;
        if (options.keyField) {
            if (auto mapped = mapping.sourceFor("code"); mapped && *mapped != *options.keyField)
                throw ImportError("--key " + *options.keyField + " and --field-map code=" + *mapped + " disagree");
            mapping.set("code", *options.keyField);
        }
        try {
            return importer::RowMapper(columnNames(source), unitTargets(), mapping);
        } catch (const ImportError& e) {
            throw ImportError(source.file().string() + ": " + e.what());
        }
    }

    const importer::SourceData& source_;
    importer::RowMapper mapper_;
};

void reportUnused(const Columns& columns, ImportReport& report)
{
    const auto unused = columns.unused();
    if (unused.empty()) return;
    std::string list;
    for (const auto& u : unused) list += (list.empty() ? "\"" : ", \"") + u + "\"";
    report.notes.push_back("columns not imported (map them with --field-map TARGET=COLUMN): " + list);
}

// --- units --------------------------------------------------------------------------

std::optional<Date> dateField(const Columns& columns, const geo::Feature& f, const std::string& target,
                              const std::string& where, ProblemList& problems)
{
    const geo::FieldValue* v = columns.value(f, target);
    if (!v || geo::isNull(*v) || valueText(*v).empty()) return std::nullopt;
    std::string error;
    auto value = toDate(*v, error);
    if (!value) {
        problems.add(where + ": " + error);
        return std::nullopt;
    }
    return value;
}

std::optional<bool> boolField(const Columns& columns, const geo::Feature& f, const std::string& target,
                              const std::string& where, ProblemList& problems)
{
    const geo::FieldValue* v = columns.value(f, target);
    if (!v || geo::isNull(*v) || valueText(*v).empty()) return std::nullopt;
    std::string error;
    auto value = toBoolean(*v, error);
    if (!value) problems.add(where + ": " + error);
    return value;
}

} // namespace

ImportReport importUnits(ProjectStore& store, const importer::SourceData& table, const UnitLayer& target,
                         const UnitImportOptions& options)
{
    const std::string file = table.file().string();
    ImportReport report;
    report.file = table.file();
    report.target = target.name;
    report.rowsRead = static_cast<std::int64_t>(table.rows().size());
    const Columns columns(table, options);
    if (!columns.has("code"))
        throw ImportError(file + ": no column for the unit code; name it with --key COLUMN (or --field-map code=COLUMN). "
                                 "The columns are " + table.columnList());
    if (!columns.has("name") && !columns.has("full_name") && !options.codeList)
        throw ImportError(file + ": no column for the unit name; map one with --field-map name=COLUMN or "
                                 "full_name=COLUMN, or give a code list. The columns are " + table.columnList());
    reportUnused(columns, report);

    std::optional<UnitCodeList> codeList;
    if (options.codeList) codeList = UnitCodeList::read(*options.codeList);

    const GeometryPreparer geometries(options.crs, file);
    if (!geometries.note().empty()) report.notes.push_back(geometries.note());
    AdminUnits& units = store.units();

    // The default parent: the only unit of the parent level (or the only one
    // in force on the layer's reference date).
    const Date referenceDate = target.validTo ? *target.validTo : target.validFrom ? *target.validFrom : makeDate(2025, 7, 1);
    std::optional<std::int64_t> defaultParent;
    if (target.parentLevel && !columns.has("parent")) {
        auto parents = units.list(*target.parentLevel);
        if (parents.size() > 1) parents = units.list(*target.parentLevel, std::nullopt, referenceDate);
        if (parents.size() == 1) {
            defaultParent = parents.front().id;
        } else if (parents.empty()) {
            report.warnings.push_back("no " + std::string(toString(*target.parentLevel))
                                      + " in the project yet: the units are imported without a parent");
        } else {
            throw ImportError(file + ": the project has " + std::to_string(parents.size()) + " units of level "
                              + std::string(toString(*target.parentLevel))
                              + "; say which is each unit's parent with --field-map parent=COLUMN (its code)");
        }
    }
    // A parent by code: the one in force on the unit's dates, else the only one of that code.
    auto findParent = [&](const std::string& code, Date when) -> std::optional<AdminUnit> {
        if (auto p = units.findByCodeAt(code, *target.parentLevel, when, false)) return p;
        std::vector<AdminUnit> any;
        for (const AdminGeneration& g : units.generations())
            if (auto p = units.findByCodeInGeneration(code, *target.parentLevel, g.key, false)) any.push_back(*p);
        if (any.size() == 1) return any.front();
        return std::nullopt;
    };

    ProblemList problems;
    std::vector<AdminUnit> out;
    std::map<std::string, std::string> seen;  // code -> where
    const std::string source = options.source.value_or(table.file().filename().string());
    std::set<std::string> listed;

    for (const geo::Feature& f : table.rows()) {
        const std::string where = table.where(f.row);
        auto at = [&](const std::string& t) { return table.where(f.row, columns.name(t)); };
        AdminUnit u;
        u.level = target.level;
        u.generation = target.generation;
        u.illustrative = options.illustrative;
        u.source = source;

        const std::string code = columns.text(f, "code");
        if (code.empty()) {
            problems.add(at("code") + ": the unit code is empty");
            continue;
        }
        u.code = code;
        if (auto [it, inserted] = seen.emplace(code, where); !inserted) {
            problems.add(at("code") + ": the code " + code + " was already used at " + it->second);
            continue;
        }
        if (units.findByCodeInGeneration(code, target.level, target.generation, false)) {
            problems.add(at("code") + ": a " + std::string(toString(target.level)) + " with code " + code
                         + " is already in the project (layer " + target.name + ")");
            continue;
        }

        std::string name = columns.text(f, "name");
        std::string fullName = columns.text(f, "full_name");
        std::optional<UnitType> type;
        if (const std::string typeText = columns.text(f, "type"); !typeText.empty()) {
            type = parseUnitType(typeText);
            if (!type) problems.add(at("type") + ": \"" + typeText + "\" is not a unit type (e.g. Xã, Phường, Thị trấn, Huyện)");
        }
        if (fullName.empty() && !name.empty()) {
            if (auto split = splitUnitName(name)) {  // the name column holds "Xã Thống Nhất"
                fullName = name;
                name = split->name;
            }
        }
        if (!fullName.empty()) {
            if (auto split = splitUnitName(fullName)) {
                if (name.empty()) name = split->name;
                if (!type && !columns.has("type")) type = split->type;
            }
        }
        if (codeList) {
            const CodeListEntry* entry = codeList->find(code);
            if (!entry) {
                problems.add(at("code") + ": the code " + code + " is not in the code list " + codeList->file().string());
                continue;
            }
            listed.insert(code);
            if (entry->type) {
                if (type && *type != *entry->type)
                    problems.add(where + ": unit " + code + " is a " + std::string(vietnameseName(*type))
                                 + " here but a " + std::string(vietnameseName(*entry->type)) + " in the code list");
                type = entry->type;
            }
            if (entry->fullName) {
                if (!fullName.empty() && fullName != *entry->fullName)
                    problems.add(at("full_name") + ": \"" + fullName + "\" differs from the code list's \""
                                 + *entry->fullName + "\" for code " + code);
                if (fullName.empty()) fullName = *entry->fullName;
            }
            if (name.empty()) name = entry->name;
            if (!columns.has("name_en") && entry->nameEn) u.nameEn = entry->nameEn;
        }
        if (name.empty()) {
            problems.add(at(columns.has("name") ? "name" : "full_name") + ": the unit name is empty");
            continue;
        }
        if (!type) {
            if (!columns.has("type"))
                problems.add(where + ": cannot tell the type of unit \"" + (fullName.empty() ? name : fullName)
                             + "\": map a type column (--field-map type=COLUMN), give full names such as "
                               "\"Xã Thống Nhất\", or give a code list");
            continue;
        }
        u.type = *type;
        u.name = name;
        if (!fullName.empty()) u.fullName = fullName;
        if (const std::string en = columns.text(f, "name_en"); !en.empty()) u.nameEn = en;

        u.validFrom = dateField(columns, f, "valid_from", at("valid_from"), problems);
        u.validTo = dateField(columns, f, "valid_to", at("valid_to"), problems);
        if (!columns.has("valid_from") && !columns.has("valid_to")) {
            u.validFrom = target.validFrom;
            u.validTo = target.validTo;
        }

        if (const std::string parent = columns.text(f, "parent"); !parent.empty() && target.parentLevel) {
            const Date when = u.validTo ? *u.validTo : u.validFrom ? *u.validFrom : referenceDate;
            auto p = findParent(parent, when);
            if (!p) {
                problems.add(at("parent") + ": no " + std::string(toString(*target.parentLevel)) + " with code " + parent
                             + " in force on " + toIsoDate(when) + " (import the parent layer first)");
                continue;
            }
            u.parentId = p->id;
        } else {
            u.parentId = defaultParent;
        }

        if (const std::string area = columns.text(f, "ethnic_minority_area"); !area.empty()) {
            if (area == "1" || area == "2" || area == "3") u.ethnicMinorityArea = area[0] - '0';
            else problems.add(at("ethnic_minority_area") + ": \"" + area + "\" is not 1, 2 or 3");
        }
        u.dbkk = boolField(columns, f, "dbkk", at("dbkk"), problems);
        u.atk = boolField(columns, f, "atk", at("atk"), problems);
        u.border = boolField(columns, f, "border", at("border"), problems);
        if (const std::string ps = columns.text(f, "program_source"); !ps.empty()) u.programSource = ps;
        if (const std::string src = columns.text(f, "source"); !src.empty()) u.source = src;

        if (f.geometry && !f.geometry->isEmpty()) {
            GeometryPreparer::Result g = geometries.prepare(*f.geometry, GeometryType::MultiPolygon);
            if (!g.repair.empty()) report.repairs.push_back(where + ": " + g.repair);
            if (g.geometry) u.geometry = toStorageWkb(*g.geometry);
            else problems.add(where + ", geometry: " + g.reason);
        }
        out.push_back(std::move(u));
    }
    if (codeList) {
        std::vector<std::string> missing;
        for (const auto& [code, entry] : codeList->entries()) {
            if (listed.count(code)) continue;
            // Only units like the imported ones (same depth in the list) are expected in the file.
            bool sameDepth = false;
            for (const auto& c : listed) sameDepth = sameDepth || codeList->find(c)->depth == entry.depth;
            if (sameDepth) missing.push_back(code);
        }
        if (!missing.empty()) {
            std::string list;
            for (const auto& m : missing) list += (list.empty() ? "" : ", ") + m;
            report.warnings.push_back(std::to_string(missing.size()) + " unit(s) of the code list are not in " + file
                                      + ": " + list);
        }
    }
    problems.throwIfAny(table.file(), "fix the file (or the options) and import again");

    Transaction transaction(store.connection());
    const std::string sha = ImportBatches::sha256OfFile(table.file());
    report.importBatchId = store.imports().begin(table.file(), sha, "units", target.name);
    for (AdminUnit& u : out) u.importBatchId = report.importBatchId;
    const std::vector<std::int64_t> ids = units.insertMany(out);
    report.inserted = static_cast<std::int64_t>(ids.size());
    store.imports().finish(report.importBatchId, report.inserted);
    transaction.commit();
    return report;
}


} // namespace planmap::layers::io::detail
