#include "planmap/layers/io/LayerImport.h"

#include "GeometrySupport.h"
#include "SourceTable.h"
#include "UnitLocator.h"
#include "ValueConversion.h"
#include "planmap/geo/GeometryValidity.h"
#include "planmap/geo/Transform.h"
#include "planmap/layers/io/CrosswalkImport.h"
#include "planmap/layers/io/UnitCodeList.h"
#include "planmap/layers/io/UnitLayers.h"
#include "planmap/layers/store/ProjectStore.h"

#include <cmath>
#include <map>
#include <memory>
#include <set>

namespace planmap::layers::io {

namespace {

using detail::SourceTable;
using detail::valueText;

// --- coordinates ------------------------------------------------------------------

/// How source coordinates become WGS 84.
struct Coordinates {
    std::optional<geo::Crs> crs;
    std::unique_ptr<geo::Transform> toWgs84;  ///< null when the source is WGS 84 already
};

bool hasAnyGeometry(const std::vector<geo::Feature>& rows)
{
    for (const auto& f : rows)
        if (f.geometry && !f.geometry->isEmpty()) return true;
    return false;
}

bool looksLikeLonLat(const std::vector<geo::Feature>& rows)
{
    geo::Envelope e;
    for (const auto& f : rows)
        if (f.geometry && !f.geometry->isEmpty()) e.expand(f.geometry->envelope());
    return !e.isEmpty() && e.minx >= -180 && e.maxx <= 180 && e.miny >= -90 && e.maxy <= 90;
}

Coordinates setUpCoordinates(ProjectStore& store, SourceTable& table, const std::vector<geo::Feature>& rows,
                             const LayerImportOptions& options, ImportReport& report)
{
    Coordinates c;
    if (!hasAnyGeometry(rows)) return c;
    const std::string file = table.file().string();
    if (options.crs) {
        try {
            c.crs = geo::Crs::fromUserInput(*options.crs);
        } catch (const std::exception& e) {
            throw ImportError("the CRS given for " + file + " is not usable: " + e.what());
        }
    } else {
        c.crs = table.layer().crs();
    }
    if (!c.crs) {
        const std::string suggestion = "Give it with --crs, e.g. --crs " + store.metadata().defaultCrs
            + " (this project's default CRS) or --crs EPSG:4326 (WGS 84 longitude/latitude).";
        if (table.driver() == "ESRI Shapefile")
            throw ImportError(file + ": the shapefile has no .prj file, so the coordinate reference system of its "
                                     "coordinates is unknown. " + suggestion);
        if (table.isTable() && looksLikeLonLat(rows)) {
            c.crs = detail::wgs84();
            report.warnings.push_back(file + " does not say its coordinate reference system; its coordinates are "
                                             "longitude/latitude, so WGS 84 (EPSG:4326) is assumed (use --crs to say otherwise)");
        } else {
            throw ImportError(file + ": the file does not say the coordinate reference system of its coordinates. "
                              + suggestion);
        }
    }
    if (!(*c.crs == detail::wgs84())) {
        try {
            c.toWgs84 = std::make_unique<geo::Transform>(*c.crs, detail::wgs84());
        } catch (const std::exception& e) {
            throw ImportError(file + ": cannot transform from " + c.crs->label() + " to WGS 84: " + e.what());
        }
        report.notes.push_back("coordinates transformed from " + c.crs->label() + " to WGS 84 (EPSG:4326): "
                               + c.toWgs84->description());
    }
    return c;
}

/// Transforms, checks, repairs and fits one source geometry. Returns nullopt
/// for no geometry; adds a problem and returns nullopt when it is unusable.
std::optional<geo::Geometry> prepareGeometry(const geo::Feature& f, const Coordinates& c, GeometryType column,
                                             const std::string& where, ProblemList& problems, ImportReport& report)
{
    if (!f.geometry || f.geometry->isEmpty()) return std::nullopt;
    geo::Geometry g = *f.geometry;
    if (c.toWgs84) {
        try {
            g = g.transformed(*c.toWgs84);
        } catch (const std::exception& e) {
            problems.add(where + ", geometry: cannot be transformed to WGS 84 (" + e.what() + ")");
            return std::nullopt;
        }
    }
    const geo::Envelope e = g.envelope();
    if (!(e.minx >= -180 && e.maxx <= 180 && e.miny >= -90 && e.maxy <= 90)) {
        problems.add(where + ", geometry: coordinates such as " + detail::formatLocation(e.minx, e.miny)
                     + " are not longitude/latitude after reading them as " + (c.crs ? c.crs->label() : "WGS 84")
                     + "; is the CRS right (--crs)?");
        return std::nullopt;
    }
    const geo::ValidityResult validity = geo::validate(g);
    if (!validity.valid) {
        const geo::RepairResult repaired = geo::repair(g);
        if (repaired.report.status == geo::RepairStatus::Rejected || !repaired.geometry) {
            problems.add(where + ", geometry: invalid (" + validity.reason
                         + (validity.location ? " at " + detail::formatLocation(validity.location->x, validity.location->y) : "")
                         + ") and MakeValid cannot repair it without losing it: " + repaired.report.text);
            return std::nullopt;
        }
        report.repairs.push_back(where + ": repaired with MakeValid: " + repaired.report.text);
        g = *repaired.geometry;
    }
    std::string reason;
    auto fitted = detail::fitToColumn(g, column, reason);
    if (!fitted) problems.add(where + ", geometry: " + reason);
    return fitted;
}

// --- columns ------------------------------------------------------------------------

std::string camelCase(const std::string& snake)
{
    std::string out;
    bool upper = false;
    for (char ch : snake) {
        if (ch == '_') {
            upper = true;
            continue;
        }
        out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(ch))) : ch;
        upper = false;
    }
    return out;
}

/// Resolves target fields to source columns: explicit mapping first, then a
/// column of the same name (or its camelCase form).
class Columns {
public:
    Columns(SourceTable& table, const LayerImportOptions& options, const std::vector<std::string>& targets,
            const std::string& keyTarget)
        : table_(table)
    {
        FieldMapping mapping = options.fields;
        if (options.keyField) {
            if (auto mapped = mapping.sourceFor(keyTarget); mapped && *mapped != *options.keyField)
                throw ImportError("--key " + *options.keyField + " and --field-map " + keyTarget + "=" + *mapped
                                  + " disagree");
            mapping.set(keyTarget, *options.keyField);
        }
        for (const auto& [target, source] : mapping.pairs()) {
            if (std::find(targets.begin(), targets.end(), target) == targets.end()) {
                std::string list;
                for (const auto& t : targets) list += (list.empty() ? "" : ", ") + t;
                throw ImportError("unknown target field '" + target + "' for layer " + options.layer
                                  + " (its fields: " + list + ")");
            }
            const int column = table.column(source);
            if (column < 0)
                throw ImportError(table.file().string() + ": no column \"" + source + "\" (mapped to " + target
                                  + "); the columns are " + table.columnList());
            index_[target] = column;
        }
        for (const auto& target : targets) {
            if (index_.count(target)) continue;
            int column = table.column(target);
            if (column < 0) column = table.column(camelCase(target));
            if (column >= 0) index_[target] = column;
        }
    }

    int operator[](const std::string& target) const
    {
        const auto it = index_.find(target);
        return it == index_.end() ? -1 : it->second;
    }
    bool has(const std::string& target) const { return (*this)[target] >= 0; }
    std::string name(const std::string& target) const
    {
        const int i = (*this)[target];
        return i < 0 ? target : table_.fields()[static_cast<std::size_t>(i)].name;
    }
    std::string text(const geo::Feature& f, const std::string& target) const
    {
        const int i = (*this)[target];
        return i < 0 ? std::string() : valueText(f.values[static_cast<std::size_t>(i)]);
    }
    const geo::FieldValue* value(const geo::Feature& f, const std::string& target) const
    {
        const int i = (*this)[target];
        return i < 0 ? nullptr : &f.values[static_cast<std::size_t>(i)];
    }
    /// Source columns no target reads (reported as ignored).
    std::vector<std::string> unused() const
    {
        std::set<int> used;
        for (const auto& [t, i] : index_) used.insert(i);
        std::vector<std::string> out;
        for (std::size_t i = 0; i < table_.fields().size(); ++i)
            if (!used.count(static_cast<int>(i))) out.push_back(table_.fields()[i].name);
        return out;
    }

private:
    SourceTable& table_;
    std::map<std::string, int> index_;
};

void reportUnused(const Columns& columns, const SourceTable& table, ImportReport& report)
{
    const auto unused = columns.unused();
    if (unused.empty()) return;
    std::string list;
    for (const auto& u : unused) list += (list.empty() ? "\"" : ", \"") + u + "\"";
    report.notes.push_back("columns not imported (map them with --field-map TARGET=COLUMN): " + list);
}

std::string sourceText(const LayerImportOptions& options, const std::filesystem::path& file)
{
    return options.source.value_or(file.filename().string());
}

// --- units --------------------------------------------------------------------------

std::optional<Date> dateField(const Columns& columns, const geo::Feature& f, const std::string& target,
                              const std::string& where, ProblemList& problems)
{
    const geo::FieldValue* v = columns.value(f, target);
    if (!v || geo::isNull(*v) || valueText(*v).empty()) return std::nullopt;
    std::string error;
    auto value = detail::toDate(*v, error);
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
    auto value = detail::toBoolean(*v, error);
    if (!value) problems.add(where + ": " + error);
    return value;
}

ImportReport importUnits(ProjectStore& store, SourceTable& table, std::vector<geo::Feature> rows,
                         const UnitLayer& target, const LayerImportOptions& options, ImportReport report)
{
    const std::string file = table.file().string();
    Columns columns(table, options, unitImportFields(), "code");
    if (!columns.has("code"))
        throw ImportError(file + ": no column for the unit code; name it with --key COLUMN (or --field-map code=COLUMN). "
                                 "The columns are " + table.columnList());
    if (!columns.has("name") && !columns.has("full_name") && !options.codeList)
        throw ImportError(file + ": no column for the unit name; map one with --field-map name=COLUMN or "
                                 "full_name=COLUMN, or give a code list. The columns are " + table.columnList());
    reportUnused(columns, table, report);

    std::optional<UnitCodeList> codeList;
    if (options.codeList) codeList = UnitCodeList::read(*options.codeList);

    const Coordinates coordinates = setUpCoordinates(store, table, rows, options, report);
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
    const std::string source = sourceText(options, table.file());
    std::set<std::string> listed;

    for (const geo::Feature& f : rows) {
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

        if (auto g = prepareGeometry(f, coordinates, GeometryType::MultiPolygon, where, problems, report))
            u.geometry = detail::toStorageWkb(*g);
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

// --- features -----------------------------------------------------------------------

const std::vector<std::string>& commonFeatureFields()
{
    static const std::vector<std::string> fields = {"name", "user_key", "commune_code", "commune_old_code", "source"};
    return fields;
}

ImportReport importFeatures(ProjectStore& store, SourceTable& table, std::vector<geo::Feature> rows,
                            const LayerInfo& layer, const LayerImportOptions& options, ImportReport report)
{
    const std::string file = table.file().string();
    const std::vector<std::string> targets = importTargetFields(store, layer.name);
    Columns columns(table, options, targets, "user_key");
    reportUnused(columns, table, report);
    const Coordinates coordinates = setUpCoordinates(store, table, rows, options, report);

    AdminUnits& units = store.units();
    detail::UnitLocator communes(units, UnitLevel::Commune, std::string(kGeneration2025));

    ProblemList problems;
    std::vector<Feature> out;
    std::map<std::string, std::string> seenKeys;
    std::int64_t outside = 0, withoutGeometry = 0;
    const std::string source = sourceText(options, table.file());

    for (const geo::Feature& f : rows) {
        const std::string where = table.where(f.row);
        auto at = [&](const std::string& t) { return table.where(f.row, columns.name(t)); };
        Feature feature;
        feature.layer = layer.name;
        feature.illustrative = options.illustrative;
        feature.source = source;
        if (const std::string name = columns.text(f, "name"); !name.empty()) feature.name = name;
        if (columns.has("user_key")) {
            const std::string key = columns.text(f, "user_key");
            if (key.empty()) {
                problems.add(at("user_key") + ": the key is empty");
                continue;
            }
            if (auto [it, inserted] = seenKeys.emplace(key, where); !inserted) {
                problems.add(at("user_key") + ": the key \"" + key + "\" was already used at " + it->second);
                continue;
            }
            feature.userKey = key;
        }
        if (const std::string src = columns.text(f, "source"); !src.empty()) feature.source = src;
        for (const FieldInfo& field : layer.fields) {
            const geo::FieldValue* v = columns.value(f, field.name);
            if (!v) continue;
            std::string error;
            auto value = detail::toAttribute(*v, field, error);
            if (!value) {
                problems.add(at(field.name) + ": " + error);
                continue;
            }
            feature.attributes[field.name] = std::move(*value);
        }
        std::optional<geo::Geometry> geometry = prepareGeometry(f, coordinates, layer.geometryType, where, problems, report);
        if (geometry) feature.geometry = detail::toStorageWkb(*geometry);
        else ++withoutGeometry;

        if (const std::string code = columns.text(f, "commune_code"); !code.empty()) {
            auto c = units.findByCodeInGeneration(code, UnitLevel::Commune, kGeneration2025, false);
            if (!c) problems.add(at("commune_code") + ": no commune with code " + code + " in the 2025 generation");
            else feature.communeId = c->id;
        } else if (geometry) {
            feature.communeId = communes.locate(*geometry);
            if (!feature.communeId && !communes.empty()) ++outside;
        }
        if (const std::string code = columns.text(f, "commune_old_code"); !code.empty()) {
            auto c = units.findByCodeInGeneration(code, UnitLevel::Commune, kGenerationPre2025, false);
            if (!c) problems.add(at("commune_old_code") + ": no commune with code " + code + " before 2025");
            else feature.communeOldId = c->id;
        }
        out.push_back(std::move(feature));
    }
    problems.throwIfAny(table.file(), "fix the file (or the options) and import again");
    if (outside)
        report.warnings.push_back(std::to_string(outside) + " feature(s) lie outside every 2025 commune of the project");
    if (withoutGeometry) report.warnings.push_back(std::to_string(withoutGeometry) + " feature(s) have no geometry");

    Transaction transaction(store.connection());
    const std::string sha = ImportBatches::sha256OfFile(table.file());
    report.importBatchId = store.imports().begin(table.file(), sha, "layer", layer.name);
    for (Feature& feature : out) feature.importBatchId = report.importBatchId;
    if (columns.has("user_key")) {
        for (const UpsertResult& r : store.features().upsertManyByKey(out)) (r.inserted ? report.inserted : report.updated)++;
    } else {
        report.inserted = static_cast<std::int64_t>(store.features().insertMany(out).size());
    }
    store.imports().finish(report.importBatchId, report.inserted + report.updated);
    transaction.commit();
    return report;
}

} // namespace

const std::vector<std::string>& unitImportFields()
{
    static const std::vector<std::string> fields = {
        "code",  "name",     "full_name", "name_en",        "type", "parent", "valid_from", "valid_to",
        "ethnic_minority_area", "dbkk", "atk", "border", "program_source", "source"};
    return fields;
}

std::vector<std::string> importTargetFields(ProjectStore& store, const std::string& layer)
{
    if (findUnitLayer(layer)) return unitImportFields();
    if (!store.features().hasLayer(layer)) {
        std::string names;
        for (const UnitLayer& u : unitLayers()) names += (names.empty() ? "" : ", ") + u.name;
        for (const LayerInfo& l : store.features().layers()) names += ", " + l.name;
        throw ImportError("unknown layer '" + layer + "' (layers: " + names + ", " + std::string(kCrosswalk2025Layer) + ")");
    }
    std::vector<std::string> fields = commonFeatureFields();
    for (const FieldInfo& f : store.features().layer(layer).fields) fields.push_back(f.name);
    return fields;
}

ImportReport importLayer(ProjectStore& store, const std::filesystem::path& file, const LayerImportOptions& options)
{
    if (options.layer == kCrosswalk2025Layer) return importCrosswalk2025(store, file, options.source);
    const UnitLayer* unitLayer = findUnitLayer(options.layer);
    (void)importTargetFields(store, options.layer);  // checks the layer exists
    if (options.codeList && !unitLayer) throw ImportError("a code list applies to unit layers only");

    SourceTable table(file, options.sourceLayer, false, options.textEncoding);
    std::vector<geo::Feature> rows = table.readAll();
    ImportReport report;
    report.file = file;
    report.target = options.layer;
    report.rowsRead = static_cast<std::int64_t>(rows.size());
    if (rows.empty()) throw ImportError(file.string() + ": the layer \"" + table.layer().name() + "\" has no rows");
    if (const auto previous = store.imports().findBySha256(ImportBatches::sha256OfFile(file)); !previous.empty())
        report.notes.push_back("the same file content was imported before (import batch "
                               + std::to_string(previous.front().id) + ", " + previous.front().filePath + ")");
    if (unitLayer) return importUnits(store, table, std::move(rows), *unitLayer, options, std::move(report));
    return importFeatures(store, table, std::move(rows), store.features().layer(options.layer), options, std::move(report));
}

} // namespace planmap::layers::io
