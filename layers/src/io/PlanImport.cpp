#include "planmap/layers/io/PlanImport.h"

#include "GeometrySupport.h"
#include "SourceTable.h"
#include "UnitLocator.h"
#include "ValueConversion.h"
#include "planmap/geo/VectorReader.h"
#include "planmap/layers/store/ProjectStore.h"
#include "planmap/layers/text/SearchKey.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <functional>
#include <map>
#include <set>

namespace planmap::layers::io {

namespace {

using detail::SourceTable;

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool endsWith(const std::string& s, const std::string& suffix)
{
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// --- finding the tables ----------------------------------------------------------------

const char* const kTableNames[] = {"catalogue", "allocations", "funding", "named_features"};

bool isWorkbook(const std::filesystem::path& p)
{
    const std::string ext = lower(p.extension().string());
    return ext == ".xlsx" || ext == ".ods";
}

bool isTableFile(const std::filesystem::path& p)
{
    const std::string ext = lower(p.extension().string());
    return ext == ".csv" || ext == ".xlsx" || ext == ".ods";
}

PlanSources fromWorkbook(const std::filesystem::path& file)
{
    geo::VectorReader reader(file);
    std::map<std::string, std::string> sheets;
    for (const std::string& name : reader.layerNames())
        for (const char* table : kTableNames)
            if (endsWith(lower(name), table)) {
                if (sheets.count(table))
                    throw ImportError(file.string() + ": two sheets end in \"" + table + "\" (\"" + sheets[table]
                                      + "\" and \"" + name + "\")");
                sheets[table] = name;
            }
    if (!sheets.count("catalogue"))
        throw ImportError(file.string() + ": no sheet named \"catalogue\" (or ending in it); the sheets are "
                          + [&] {
                                std::string s;
                                for (const auto& n : reader.layerNames()) s += (s.empty() ? "\"" : ", \"") + n + "\"";
                                return s;
                            }());
    PlanSources sources{{file, sheets["catalogue"]}, {}, {}, {}};
    if (sheets.count("allocations")) sources.allocations = PlanTableSource{file, sheets["allocations"]};
    if (sheets.count("funding")) sources.funding = PlanTableSource{file, sheets["funding"]};
    if (sheets.count("named_features")) sources.namedFeatures = PlanTableSource{file, sheets["named_features"]};
    return sources;
}

PlanSources fromCatalogueFile(const std::filesystem::path& catalogue)
{
    const std::string stem = catalogue.stem().string();
    const std::string lowerStem = lower(stem);
    if (!endsWith(lowerStem, "catalogue"))
        throw ImportError(catalogue.string() + ": a catalogue file's name ends in \"catalogue\" (e.g. plan_2023_catalogue.csv)");
    const std::string prefix = stem.substr(0, stem.size() - std::string("catalogue").size());
    PlanSources sources{{catalogue, std::nullopt}, {}, {}, {}};
    const std::filesystem::path dir = catalogue.parent_path().empty() ? "." : catalogue.parent_path();
    for (const char* table : {"allocations", "funding", "named_features"}) {
        for (const char* ext : {".csv", ".xlsx", ".ods"}) {
            const std::filesystem::path candidate = dir / (prefix + table + ext);
            if (!std::filesystem::exists(candidate)) continue;
            PlanTableSource s{candidate, std::nullopt};
            if (std::string(table) == "allocations") sources.allocations = s;
            else if (std::string(table) == "funding") sources.funding = s;
            else sources.namedFeatures = s;
            break;
        }
    }
    return sources;
}

// --- reading a table ---------------------------------------------------------------

/// A table of the template: columns by name, values as clean text.
class PlanTable {
public:
    PlanTable(const PlanTableSource& source, std::initializer_list<const char*> required,
              std::initializer_list<const char*> optional)
        : table_(source.file, source.sheet, true)
    {
        label_ = source.file.string() + (source.sheet ? " [sheet " + *source.sheet + "]" : "");
        for (const char* name : required) {
            const int c = table_.column(name);
            if (c < 0)
                throw ImportError(label_ + ": no column \"" + name + "\"; the columns are " + table_.columnList());
            columns_[name] = c;
        }
        for (const char* name : optional)
            if (const int c = table_.column(name); c >= 0) columns_[name] = c;
        rows_ = table_.readAll();
    }

    const std::vector<geo::Feature>& rows() const { return rows_; }
    bool has(const std::string& column) const { return columns_.count(column) > 0; }
    std::string get(const geo::Feature& f, const std::string& column) const
    {
        const auto it = columns_.find(column);
        return it == columns_.end() ? std::string() : detail::valueText(f.values[static_cast<std::size_t>(it->second)]);
    }
    std::string where(const geo::Feature& f, const std::string& column = {}) const
    {
        std::string text = label_ + ", " + table_.rowLabel(f.row);
        if (!column.empty()) {
            const auto it = columns_.find(column);
            text += ", column \"" + (it == columns_.end() ? column : table_.fields()[static_cast<std::size_t>(it->second)].name) + "\"";
        }
        return text;
    }
    const std::string& label() const { return label_; }
    const std::filesystem::path& file() const { return table_.file(); }

private:
    SourceTable table_;
    std::string label_;
    std::map<std::string, int> columns_;
    std::vector<geo::Feature> rows_;
};

std::optional<double> number(const PlanTable& t, const geo::Feature& f, const std::string& column, ProblemList& problems)
{
    const std::string text = t.get(f, column);
    if (text.empty()) return std::nullopt;
    if (auto n = detail::parseNumber(text)) return n;
    problems.add(t.where(f, column) + ": \"" + text + "\" is not a number (write 1238075 or 96.1)");
    return std::nullopt;
}

std::optional<int> integer(const PlanTable& t, const geo::Feature& f, const std::string& column, ProblemList& problems)
{
    const std::string text = t.get(f, column);
    if (text.empty()) return std::nullopt;
    const auto n = detail::parseNumber(text);
    if (n && std::floor(*n) == *n && std::fabs(*n) < 1e9) return static_cast<int>(*n);
    problems.add(t.where(f, column) + ": \"" + text + "\" is not a whole number");
    return std::nullopt;
}

int levelRank(PlanLevel level) { return static_cast<int>(level); }

std::string withArticle(std::string_view word)
{
    const bool vowel = !word.empty() && std::string_view("aeiou").find(word.front()) != std::string_view::npos;
    return (vowel ? "an " : "a ") + std::string(word);
}

/// Statistics office codes have 2 (province), 3 (district) or 5 (commune)
/// digits; spreadsheets drop leading zeros.
std::string padCode(std::string code, std::size_t width)
{
    if (!code.empty() && code.size() < width && code.find_first_not_of("0123456789") == std::string::npos)
        code.insert(0, width - code.size(), '0');
    return code;
}

bool closeEnough(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max({1.0, std::fabs(a), std::fabs(b)}); }

// --- the catalogue ----------------------------------------------------------------------

struct CatalogueRow {
    const geo::Feature* feature = nullptr;
    PlanNode node;
    std::string parentCode;
    std::optional<IndicatorSpec> spec;
    int depth = 0;
};

struct Catalogue {
    std::vector<CatalogueRow> rows;
    std::map<std::string, std::size_t> byCode;
};

Catalogue readCatalogue(const PlanTable& t, PlanCatalogue& plan, ProblemList& problems)
{
    Catalogue c;
    std::map<std::string, int> siblingCount;
    for (const geo::Feature& f : t.rows()) {
        CatalogueRow r;
        r.feature = &f;
        r.node.code = t.get(f, "code");
        r.parentCode = t.get(f, "parent_code");
        r.node.name = t.get(f, "name");
        bool ok = true;
        if (r.node.code.empty()) {
            problems.add(t.where(f, "code") + ": the code is empty");
            continue;
        }
        if (c.byCode.count(r.node.code)) {
            problems.add(t.where(f, "code") + ": the code " + r.node.code + " is used twice (also at "
                         + t.where(*c.rows[c.byCode[r.node.code]].feature) + ")");
            continue;
        }
        if (plan.nodeByCode(r.node.code)) {
            problems.add(t.where(f, "code") + ": " + r.node.code + " is already in the project's plan");
            ok = false;
        }
        const std::string levelText = t.get(f, "level");
        if (auto level = parsePlanLevel(levelText)) r.node.level = *level;
        else {
            problems.add(t.where(f, "level") + ": \"" + levelText
                         + "\" is not a level (program, project, subproject, content, indicator)");
            ok = false;
        }
        if (r.node.name.empty()) {
            problems.add(t.where(f, "name") + ": the name is empty");
            ok = false;
        }
        r.node.ordinal = integer(t, f, "ordinal", problems).value_or(++siblingCount[r.parentCode]);
        if (auto agency = t.get(f, "agency"); !agency.empty()) r.node.responsibleAgency = agency;
        if (auto ref = t.get(f, "plan_ref"); !ref.empty()) r.node.planReference = ref;
        if (auto note = t.get(f, "note"); !note.empty()) r.node.description = note;

        const bool indicator = ok && r.node.level == PlanLevel::Indicator;
        const std::string aggregationText = t.get(f, "aggregation");
        if (indicator) {
            IndicatorSpec spec;
            if (auto unit = t.get(f, "unit"); !unit.empty()) spec.unitOfMeasure = unit;
            spec.year = integer(t, f, "year", problems);
            if (spec.year && (*spec.year < 1900 || *spec.year > 2200)) {
                problems.add(t.where(f, "year") + ": " + std::to_string(*spec.year) + " is not a plausible year");
                spec.year.reset();
            }
            spec.targetValue = number(t, f, "target", problems);
            spec.targetNumerator = number(t, f, "target_numerator", problems);
            spec.targetDenominator = number(t, f, "target_denominator", problems);
            if (aggregationText.empty()) {
                problems.add(t.where(f, "aggregation") + ": an indicator needs an aggregation "
                                                         "(sum, ratio, percent, percent_point, max, none)");
            } else if (auto a = parseAggregation(aggregationText)) {
                spec.aggregation = *a;
            } else {
                problems.add(t.where(f, "aggregation") + ": \"" + aggregationText
                             + "\" is not one of sum, ratio, percent, percent_point, max, none");
            }
            if (spec.targetNumerator.has_value() != spec.targetDenominator.has_value()) {
                problems.add(t.where(f, spec.targetNumerator ? "target_denominator" : "target_numerator")
                             + ": a ratio target needs both a numerator and a denominator");
            } else if (spec.targetNumerator) {
                if (spec.aggregation != Aggregation::Ratio)
                    problems.add(t.where(f, "target_numerator") + ": numerator and denominator are for ratio indicators, "
                                                                  "this one aggregates as " + aggregationText);
                if (*spec.targetDenominator <= 0) {
                    problems.add(t.where(f, "target_denominator") + ": the denominator must be more than 0");
                } else if (spec.targetValue) {
                    // The target is the percentage the ratio rounds to.
                    const std::string text = t.get(f, "target");
                    const auto dot = text.find('.');
                    const int decimals = dot == std::string::npos ? 0 : static_cast<int>(text.size() - dot - 1);
                    const double scale = std::pow(10.0, decimals);
                    const double percent = std::round(*spec.targetNumerator * 100.0 / *spec.targetDenominator * scale) / scale;
                    if (!closeEnough(percent, *spec.targetValue))
                        problems.add(t.where(f, "target") + ": " + text + " % does not agree with "
                                     + t.get(f, "target_numerator") + "/" + t.get(f, "target_denominator") + " = "
                                     + std::to_string(*spec.targetNumerator * 100.0 / *spec.targetDenominator) + " %");
                }
            } else if (spec.aggregation == Aggregation::Ratio && spec.targetValue) {
                // A ratio stated only as a percentage is allowed.
            }
            r.spec = spec;
        } else if (ok) {
            for (const char* column : {"unit", "target", "target_numerator", "target_denominator", "aggregation"})
                if (!t.get(f, column).empty())
                    problems.add(t.where(f, column) + ": only indicator rows carry " + column + " (this row is a "
                                 + levelText + ")");
        }
        if (!ok) continue;
        c.byCode[r.node.code] = c.rows.size();
        c.rows.push_back(std::move(r));
    }
    // Parents: in the file or already in the project, and of a higher level.
    for (CatalogueRow& r : c.rows) {
        if (r.parentCode.empty()) continue;
        std::optional<PlanLevel> parentLevel;
        if (auto it = c.byCode.find(r.parentCode); it != c.byCode.end()) parentLevel = c.rows[it->second].node.level;
        else if (auto existing = plan.nodeByCode(r.parentCode)) parentLevel = existing->level;
        if (!parentLevel) {
            problems.add(t.where(*r.feature, "parent_code") + ": no node with code " + r.parentCode);
        } else if (levelRank(*parentLevel) >= levelRank(r.node.level)) {
            problems.add(t.where(*r.feature, "parent_code") + ": " + withArticle(toString(r.node.level))
                         + " cannot sit under " + r.parentCode + ", which is " + withArticle(toString(*parentLevel))
                         + "; the order is program > project > subproject > content > indicator");
        }
    }
    // Depths, for writing parents first (and to catch cycles).
    for (CatalogueRow& r : c.rows) {
        std::set<std::string> seen{r.node.code};
        std::string p = r.parentCode;
        while (!p.empty()) {
            auto it = c.byCode.find(p);
            if (it == c.byCode.end()) break;
            if (!seen.insert(p).second) {
                problems.add(t.where(*r.feature, "parent_code") + ": the parents of " + r.node.code + " form a cycle");
                break;
            }
            ++r.depth;
            p = c.rows[it->second].parentCode;
        }
    }
    return c;
}

// --- allocations -------------------------------------------------------------------------

struct AllocationRow {
    const geo::Feature* feature = nullptr;
    std::string indicatorCode;
    std::string levelKey;  ///< province | district | commune_2023 | commune_2025
    AdminUnit unit;
    Allocation allocation;
};

struct IndicatorRef {
    std::optional<IndicatorSpec> spec;  ///< nullopt: not an indicator
    std::optional<std::int64_t> existingId;
};

using IndicatorLookup = std::function<std::optional<IndicatorRef>(const std::string& code)>;

std::vector<AllocationRow> readAllocations(const PlanTable& t, AdminUnits& units, const IndicatorLookup& indicator,
                                           const PlanImportOptions& options, ProblemList& problems,
                                           ImportReport& report)
{
    std::vector<AllocationRow> out;
    std::set<std::pair<std::string, std::int64_t>> seen;
    for (const geo::Feature& f : t.rows()) {
        AllocationRow r;
        r.feature = &f;
        r.indicatorCode = t.get(f, "indicator_code");
        const auto ind = indicator(r.indicatorCode);
        if (!ind || !ind->spec) {
            problems.add(t.where(f, "indicator_code") + ": \"" + r.indicatorCode + "\" is not an indicator of the catalogue");
            continue;
        }
        std::string level = t.get(f, "unit_level");
        std::optional<AdminUnit> unit;
        std::string code = t.get(f, "unit_code");
        if (level == "province") {
            code = padCode(code, 2);
            const auto all = units.list(UnitLevel::Province);
            for (const AdminUnit& u : all)
                if (u.code == code) unit = u;
        } else if (level == "district" || level == "districts_2023") {
            level = "district";
            code = padCode(code, 3);
            unit = units.findByCodeInGeneration(code, UnitLevel::District, kGenerationPre2025, false);
        } else if (level == "commune_2023" || level == "communes_2023") {
            level = "commune_2023";
            code = padCode(code, 5);
            unit = units.findByCodeInGeneration(code, UnitLevel::Commune, kGenerationPre2025, false);
        } else if (level == "commune_2025" || level == "communes_2025") {
            level = "commune_2025";
            code = padCode(code, 5);
            unit = units.findByCodeInGeneration(code, UnitLevel::Commune, kGeneration2025, false);
        } else {
            problems.add(t.where(f, "unit_level") + ": \"" + level
                         + "\" is not a unit level (province, district, commune_2023, commune_2025)");
            continue;
        }
        if (!unit) {
            problems.add(t.where(f, "unit_code") + ": no " + level + " unit with code " + code
                         + " in the project (load the units first)");
            continue;
        }
        const std::string name = t.get(f, "unit_name");
        if (!name.empty() && searchKey(name) != searchKey(unit->fullName.value_or(unit->name))
            && searchKey(name) != searchKey(unit->name)) {
            problems.add(t.where(f, "unit_name") + ": \"" + name + "\" but unit " + code + " is \""
                         + unit->fullName.value_or(unit->name) + "\"; is the code right?");
            continue;
        }
        if (!seen.insert({r.indicatorCode, unit->id}).second) {
            problems.add(t.where(f) + ": " + r.indicatorCode + " is allocated to " + code + " twice");
            continue;
        }
        r.allocation.targetValue = number(t, f, "target", problems);
        if (r.allocation.targetValue && ind->spec->aggregation != Aggregation::Sum
            && ind->spec->aggregation != Aggregation::Max) {
            problems.add(t.where(f, "target") + ": " + r.indicatorCode + " aggregates as "
                         + std::string(toString(ind->spec->aggregation))
                         + ", so targets allocated to units cannot add up to it");
            continue;
        }
        if (auto note = t.get(f, "note"); !note.empty()) r.allocation.note = note;
        r.allocation.source = t.file().filename().string();
        r.allocation.illustrative = options.illustrative;
        r.levelKey = level;
        r.unit = *unit;
        out.push_back(std::move(r));
    }
    (void)report;
    return out;
}

/// Allocations of a summable indicator must not add up to more than its target
/// at any level, nor a district's communes to more than the district's share.
void checkAllocationSums(const PlanTable& t, const std::vector<AllocationRow>& rows, const IndicatorLookup& indicator,
                         ProblemList& problems, ImportReport& report)
{
    std::map<std::pair<std::string, std::string>, double> byLevel;
    std::map<std::pair<std::string, std::int64_t>, double> byDistrict;       // indicator, district unit id -> commune sum
    std::map<std::pair<std::string, std::int64_t>, double> districtTargets;  // indicator, district unit id -> target
    std::map<std::int64_t, std::string> districtCodes;
    for (const AllocationRow& r : rows) {
        if (!r.allocation.targetValue) continue;
        byLevel[{r.indicatorCode, r.levelKey}] += *r.allocation.targetValue;
        if (r.levelKey == "district") {
            districtTargets[{r.indicatorCode, r.unit.id}] = *r.allocation.targetValue;
            districtCodes[r.unit.id] = r.unit.code.value_or("");
        }
        if (r.levelKey == "commune_2023" && r.unit.parentId)
            byDistrict[{r.indicatorCode, *r.unit.parentId}] += *r.allocation.targetValue;
    }
    for (const auto& [key, sum] : byLevel) {
        const auto ind = indicator(key.first);
        if (!ind || !ind->spec || !ind->spec->targetValue || ind->spec->aggregation != Aggregation::Sum) continue;
        const double target = *ind->spec->targetValue;
        if (sum > target && !closeEnough(sum, target))
            problems.add(t.label() + ": the " + key.second + " allocations of " + key.first + " add up to "
                         + detail::valueText(sum) + ", more than the indicator's target " + detail::valueText(target));
        else if (sum < target && !closeEnough(sum, target))
            report.warnings.push_back(t.label() + ": the " + key.second + " allocations of " + key.first + " add up to "
                                      + detail::valueText(sum) + " of the target " + detail::valueText(target));
    }
    for (const auto& [key, sum] : byDistrict) {
        const auto it = districtTargets.find(key);
        if (it == districtTargets.end()) continue;
        if (!closeEnough(sum, it->second))
            problems.add(t.label() + ": the commune allocations of " + key.first + " in district "
                         + districtCodes[key.second] + " add up to " + detail::valueText(sum)
                         + ", the district's allocation is " + detail::valueText(it->second));
    }
}

// --- funding ------------------------------------------------------------------------------

struct FundingRow {
    const geo::Feature* feature = nullptr;
    FundingLine line;
    std::string parentCode;
    std::string projectCode;
    int depth = 0;
};

std::vector<FundingRow> readFunding(const PlanTable& t, Funding& funding, const Catalogue& catalogue,
                                    PlanCatalogue& plan, const PlanImportOptions& options, ProblemList& problems,
                                    ImportReport& report)
{
    std::vector<FundingRow> out;
    std::map<std::string, std::size_t> byCode;
    int ordinal = 0;
    for (const geo::Feature& f : t.rows()) {
        FundingRow r;
        r.feature = &f;
        const std::string code = t.get(f, "code");
        if (code.empty()) {
            problems.add(t.where(f, "code") + ": the code is empty");
            continue;
        }
        if (byCode.count(code) || funding.lineByCode(code)) {
            problems.add(t.where(f, "code") + ": the funding line " + code + " is given twice or already in the project");
            continue;
        }
        r.line.code = code;
        r.line.label = t.get(f, "name");
        if (r.line.label.empty()) problems.add(t.where(f, "name") + ": the name is empty");
        r.parentCode = t.get(f, "parent_code");
        r.projectCode = t.get(f, "project_code");
        if (!r.projectCode.empty() && !catalogue.byCode.count(r.projectCode) && !plan.nodeByCode(r.projectCode))
            problems.add(t.where(f, "project_code") + ": no catalogue node with code " + r.projectCode);
        const std::string source = t.get(f, "source");
        if (source == "total") r.line.source = FundingSource::All;
        else if (auto s = parseFundingSource(source)) r.line.source = *s;
        else problems.add(t.where(f, "source") + ": \"" + source
                          + "\" is not a source (total, central, provincial, district, commune, credit, other)");
        const std::string kind = t.get(f, "kind");
        if (auto k = parseFundingKind(kind)) r.line.kind = *k;
        else problems.add(t.where(f, "kind") + ": \"" + kind + "\" is not a kind (total, investment, recurrent)");
        if (auto amount = number(t, f, "amount_million_vnd", problems)) r.line.amountMillionVnd = *amount;
        else if (t.get(f, "amount_million_vnd").empty())
            problems.add(t.where(f, "amount_million_vnd") + ": the amount is empty");
        r.line.year = integer(t, f, "year", problems);
        if (auto note = t.get(f, "note"); !note.empty()) r.line.note = note;
        r.line.ordinal = ++ordinal;
        r.line.illustrative = options.illustrative;
        byCode[code] = out.size();
        out.push_back(std::move(r));
    }
    for (FundingRow& r : out) {
        if (r.parentCode.empty()) continue;
        if (!byCode.count(r.parentCode) && !funding.lineByCode(r.parentCode)) {
            problems.add(t.where(*r.feature, "parent_code") + ": no funding line with code " + r.parentCode);
            continue;
        }
        std::set<std::string> seen{*r.line.code};
        for (std::string p = r.parentCode; byCode.count(p); p = out[byCode[p]].parentCode) {
            if (!seen.insert(p).second) {
                problems.add(t.where(*r.feature, "parent_code") + ": the parents of " + *r.line.code + " form a cycle");
                break;
            }
            ++r.depth;
        }
    }
    // Children add up to their parent (where the plan's own figures do not, its note says so).
    for (const FundingRow& parent : out) {
        double sum = 0;
        int children = 0;
        for (const FundingRow& child : out)
            if (child.parentCode == *parent.line.code) {
                sum += child.line.amountMillionVnd;
                ++children;
            }
        if (children && !closeEnough(sum, parent.line.amountMillionVnd)) {
            const std::string message = t.where(*parent.feature, "amount_million_vnd") + ": the lines under "
                + *parent.line.code + " add up to " + detail::valueText(sum) + ", the line says "
                + detail::valueText(parent.line.amountMillionVnd);
            if (searchKey(parent.line.note.value_or("")).find("khong khop") != std::string::npos)
                report.warnings.push_back(message + " (the note says the plan's figures do not add up)");
            else
                problems.add(message + " (if the plan itself does not add up, say \"KHÔNG KHỚP\" in the note)");
        }
    }
    return out;
}

// --- named features ---------------------------------------------------------------------

struct NamedFeatureRow {
    const geo::Feature* feature = nullptr;
    Feature item;
    std::string indicatorCode;
    std::string note;
};

/// A facility kind from a Vietnamese name ("Trường PTDTNT ..." → boarding_school).
std::optional<std::string> facilityKindFromName(const std::string& name, const FieldInfo& field)
{
    const std::string key = searchKey(name);
    static const std::pair<const char*, const char*> words[] = {
        {"truong ptdtnt", "boarding_school"},        {"pho thong dan toc noi tru", "boarding_school"},
        {"truong ptdtbt", "semi_boarding_school"},   {"pho thong dan toc ban tru", "semi_boarding_school"},
        {"tram y te", "health_station"},             {"truong mam non", "kindergarten"},
        {"truong tieu hoc", "primary_school"},       {"truong thcs", "lower_secondary_school"},
        {"truong trung hoc co so", "lower_secondary_school"}, {"truong thpt", "upper_secondary_school"},
        {"truong trung hoc pho thong", "upper_secondary_school"}, {"nha van hoa", "cultural_house"},
        {"tru so ubnd", "commune_office"},           {"truong", "school"}};
    for (const auto& [word, code] : words)
        if (key.rfind(word, 0) == 0 && field.findValue(code)) return std::string(code);
    if (field.findValue("other")) return std::string("other");
    return std::nullopt;
}

std::vector<NamedFeatureRow> readNamedFeatures(const PlanTable& t, ProjectStore& store, const IndicatorLookup& indicator,
                                               const PlanImportOptions& options, ProblemList& problems,
                                               ImportReport& report)
{
    FeatureLayers& layers = store.features();
    AdminUnits& units = store.units();
    detail::UnitLocator communes(units, UnitLevel::Commune, std::string(kGeneration2025));
    std::vector<NamedFeatureRow> out;
    std::set<std::pair<std::string, std::string>> keys;
    for (const geo::Feature& f : t.rows()) {
        NamedFeatureRow r;
        r.feature = &f;
        const std::string layerName = t.get(f, "layer");
        if (!layers.hasLayer(layerName)) {
            problems.add(t.where(f, "layer") + ": no feature layer \"" + layerName + "\"");
            continue;
        }
        const LayerInfo& layer = layers.layer(layerName);
        r.item.layer = layerName;
        const std::string key = t.get(f, "key");
        if (key.empty()) {
            problems.add(t.where(f, "key") + ": the key is empty");
            continue;
        }
        if (!keys.insert({layerName, key}).second) {
            problems.add(t.where(f, "key") + ": the key " + key + " is used twice in layer " + layerName);
            continue;
        }
        r.item.userKey = key;
        const std::string name = t.get(f, "name");
        if (name.empty()) problems.add(t.where(f, "name") + ": the name is empty");
        r.item.name = name;
        r.indicatorCode = t.get(f, "indicator_code");
        if (!r.indicatorCode.empty()) {
            const auto ind = indicator(r.indicatorCode);
            if (!ind || !ind->spec) {
                problems.add(t.where(f, "indicator_code") + ": \"" + r.indicatorCode + "\" is not an indicator of the catalogue");
                continue;
            }
        }
        r.note = t.get(f, "note");
        r.item.illustrative = options.illustrative;

        // Where the plan puts it.
        std::optional<geo::Geometry> point;
        std::string placement;
        bool approximate = true;
        const std::string lon = t.get(f, "lon"), lat = t.get(f, "lat");
        if (!lon.empty() || !lat.empty()) {
            const auto x = detail::parseNumber(lon), y = detail::parseNumber(lat);
            if (!x || !y || *x < -180 || *x > 180 || *y < -90 || *y > 90) {
                problems.add(t.where(f, lon.empty() || !x ? "lon" : "lat") + ": lon/lat must be WGS 84 degrees");
                continue;
            }
            point = geo::Geometry::point(*x, *y);
            approximate = false;
        }
        const std::string oldCode = padCode(t.get(f, "commune_2023_code"), 5);
        const std::string districtCode = padCode(t.get(f, "district_code"), 3);
        std::optional<AdminUnit> district;
        if (!districtCode.empty()) {
            district = units.findByCodeInGeneration(districtCode, UnitLevel::District, kGenerationPre2025, !point);
            if (!district) {
                problems.add(t.where(f, "district_code") + ": no district with code " + districtCode + " before 2025");
                continue;
            }
        }
        if (!oldCode.empty()) {
            const auto old = units.findByCodeInGeneration(oldCode, UnitLevel::Commune, kGenerationPre2025, false);
            if (!old) {
                problems.add(t.where(f, "commune_2023_code") + ": no commune with code " + oldCode + " before 2025");
                continue;
            }
            const std::string oldName = t.get(f, "commune_2023_name");
            if (!oldName.empty() && searchKey(oldName) != searchKey(old->fullName.value_or(old->name))) {
                problems.add(t.where(f, "commune_2023_name") + ": \"" + oldName + "\" but commune " + oldCode + " is \""
                             + old->fullName.value_or(old->name) + "\"; is the code right?");
                continue;
            }
            if (district && old->parentId != district->id) {
                problems.add(t.where(f, "commune_2023_code") + ": commune " + oldCode + " is not in district " + districtCode);
                continue;
            }
            r.item.communeOldId = old->id;
            if (!point) {
                // The 2025 commune that absorbed it (the whole merger first, then the lowest code).
                auto links = units.successorsOf(old->id);
                std::optional<AdminUnit> target;
                for (const CrosswalkLink& l : links) {
                    auto u = units.get(l.newUnitId, true);
                    if (!u || u->geometry.empty()) continue;
                    const bool better = !target || (l.kind == CrosswalkKind::Whole)
                        || (u->code.value_or("") < target->code.value_or(""));
                    if (better) target = u;
                    if (l.kind == CrosswalkKind::Whole) break;
                }
                if (!target) {
                    problems.add(t.where(f, "commune_2023_code") + ": commune " + oldCode
                                 + " has no 2025 successor with a geometry (load the crosswalk first)");
                    continue;
                }
                point = geo::Geometry::fromWkb(target->geometry).pointOnSurface();
                r.item.communeId = target->id;
                placement = "vị trí gần đúng: một điểm trong " + target->fullName.value_or(target->name) + " (từ 01/7/2025), nơi "
                    + old->fullName.value_or(old->name) + " cũ đã nhập vào";
                if (links.size() > 1)
                    report.warnings.push_back(t.where(f, "commune_2023_code") + ": commune " + oldCode
                                              + " went into several 2025 communes; " + name + " is placed in "
                                              + target->fullName.value_or(target->name));
            }
        } else if (!point && district) {
            if (district->geometry.empty()) {
                report.warnings.push_back(t.where(f) + ": district " + districtCode + " has no geometry; " + name
                                          + " has no location");
            } else {
                point = geo::Geometry::fromWkb(district->geometry).pointOnSurface();
                placement = "vị trí gần đúng: một điểm trong " + district->fullName.value_or(district->name)
                    + " (văn bản không nêu xã)";
            }
        }
        if (point) {
            r.item.geometry = detail::toStorageWkb(*point);
            if (!r.item.communeId) r.item.communeId = communes.locate(*point);
        } else {
            report.warnings.push_back(t.where(f) + ": " + name + " has no location (no commune, district or lon/lat)");
        }
        r.item.source = t.file().filename().string() + (r.indicatorCode.empty() ? "" : " (" + r.indicatorCode + ")")
            + (placement.empty() ? "" : "; " + placement);

        // Attributes the layer has.
        if (const FieldInfo* field = layer.field("approximate_location"))
            r.item.attributes[field->name] = static_cast<std::int64_t>(approximate && point ? 1 : 0);
        const std::string status = t.get(f, "status");
        if (const FieldInfo* field = layer.field("status"); field && !status.empty()) {
            if (field->findValue(status)) r.item.attributes["status"] = status;
            else report.notes.push_back(t.where(f, "status") + ": \"" + status + "\" is not a status of layer " + layerName
                                        + "; left empty");
        }
        if (const FieldInfo* field = layer.field("kind")) {
            const std::string kind = t.get(f, "kind");
            if (!kind.empty()) {
                if (field->findValue(kind)) r.item.attributes["kind"] = kind;
                else problems.add(t.where(f, "kind") + ": \"" + kind + "\" is not a kind of layer " + layerName);
            } else if (layerName == "facilities") {
                if (auto k = facilityKindFromName(name, *field)) r.item.attributes["kind"] = *k;
            }
        }
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace

PlanSources findPlanSources(const std::filesystem::path& path)
{
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        std::vector<std::filesystem::path> catalogues;
        for (const auto& entry : std::filesystem::directory_iterator(path)) {
            const std::filesystem::path p = entry.path();
            if (entry.is_regular_file() && isTableFile(p) && endsWith(lower(p.stem().string()), "catalogue"))
                catalogues.push_back(p);
        }
        if (catalogues.empty())
            throw ImportError(path.string() + ": no plan catalogue here (a file named like plan_2023_catalogue.csv)");
        if (catalogues.size() > 1) {
            std::sort(catalogues.begin(), catalogues.end());
            std::string names;
            for (const auto& c : catalogues) names += (names.empty() ? "" : ", ") + c.filename().string();
            throw ImportError(path.string() + ": several catalogues (" + names + "); give the one to load");
        }
        return fromCatalogueFile(catalogues.front());
    }
    if (!std::filesystem::exists(path, ec)) throw ImportError("File not found: " + path.string());
    if (isWorkbook(path) && !endsWith(lower(path.stem().string()), "catalogue")) return fromWorkbook(path);
    return fromCatalogueFile(path);
}

ImportReport importPlan(ProjectStore& store, const PlanSources& sources, const PlanImportOptions& options)
{
    ImportReport report;
    report.file = sources.catalogue.file;
    report.target = "plan";
    PlanCatalogue& plan = store.plan();
    ProblemList problems;

    const PlanTable catalogueTable(sources.catalogue, {"code", "parent_code", "level", "name"},
                                   {"ordinal", "unit", "year", "target", "target_numerator", "target_denominator",
                                    "aggregation", "agency", "plan_ref", "note"});
    const Catalogue catalogue = readCatalogue(catalogueTable, plan, problems);
    report.rowsRead += static_cast<std::int64_t>(catalogueTable.rows().size());

    const IndicatorLookup indicator = [&](const std::string& code) -> std::optional<IndicatorRef> {
        if (auto it = catalogue.byCode.find(code); it != catalogue.byCode.end())
            return IndicatorRef{catalogue.rows[it->second].spec, std::nullopt};
        if (auto existing = plan.indicatorByCode(code)) return IndicatorRef{existing->spec, existing->node.id};
        if (plan.nodeByCode(code)) return IndicatorRef{std::nullopt, std::nullopt};
        return std::nullopt;
    };

    std::optional<PlanTable> allocationTable, fundingTable, featureTable;
    std::vector<AllocationRow> allocations;
    std::vector<FundingRow> fundingRows;
    std::vector<NamedFeatureRow> namedFeatures;
    if (sources.allocations) {
        allocationTable.emplace(*sources.allocations, std::initializer_list<const char*>{"indicator_code", "unit_level", "unit_code"},
                                std::initializer_list<const char*>{"unit_name", "target", "note"});
        allocations = readAllocations(*allocationTable, store.units(), indicator, options, problems, report);
        checkAllocationSums(*allocationTable, allocations, indicator, problems, report);
        report.rowsRead += static_cast<std::int64_t>(allocationTable->rows().size());
    }
    if (sources.funding) {
        fundingTable.emplace(*sources.funding,
                             std::initializer_list<const char*>{"code", "name", "source", "kind", "amount_million_vnd"},
                             std::initializer_list<const char*>{"parent_code", "project_code", "year", "note"});
        fundingRows = readFunding(*fundingTable, store.funding(), catalogue, plan, options, problems, report);
        report.rowsRead += static_cast<std::int64_t>(fundingTable->rows().size());
    }
    if (sources.namedFeatures) {
        featureTable.emplace(*sources.namedFeatures, std::initializer_list<const char*>{"layer", "key", "name"},
                             std::initializer_list<const char*>{"indicator_code", "commune_2023_code", "commune_2023_name",
                                                                "district_code", "status", "note", "lon", "lat", "kind"});
        namedFeatures = readNamedFeatures(*featureTable, store, indicator, options, problems, report);
        report.rowsRead += static_cast<std::int64_t>(featureTable->rows().size());
    }
    problems.throwIfAny(sources.catalogue.file.parent_path().empty() ? sources.catalogue.file
                                                                     : sources.catalogue.file.parent_path(),
                        "fix the plan tables and load them again");

    Transaction transaction(store.connection());
    report.importBatchId = store.imports().begin(sources.catalogue.file,
                                                 ImportBatches::sha256OfFile(sources.catalogue.file), "plan", "plan");
    // Nodes, parents first.
    std::vector<const CatalogueRow*> order;
    for (const CatalogueRow& r : catalogue.rows) order.push_back(&r);
    std::stable_sort(order.begin(), order.end(), [](const CatalogueRow* a, const CatalogueRow* b) { return a->depth < b->depth; });
    std::map<std::string, std::int64_t> nodeIds;
    auto nodeId = [&](const std::string& code) -> std::optional<std::int64_t> {
        if (auto it = nodeIds.find(code); it != nodeIds.end()) return it->second;
        if (auto n = plan.nodeByCode(code)) return n->id;
        return std::nullopt;
    };
    for (const CatalogueRow* r : order) {
        PlanNode node = r->node;
        if (!r->parentCode.empty()) node.parentId = nodeId(r->parentCode);
        if (r->spec) nodeIds[node.code] = plan.insertIndicator({node, *r->spec});
        else nodeIds[node.code] = plan.insertNode(node);
        ++report.inserted;
    }
    std::vector<Allocation> allocationRows;
    for (AllocationRow& r : allocations) {
        r.allocation.indicatorId = *nodeId(r.indicatorCode);
        r.allocation.unitId = r.unit.id;
        allocationRows.push_back(r.allocation);
    }
    report.inserted += static_cast<std::int64_t>(plan.insertAllocations(allocationRows).size());

    std::stable_sort(fundingRows.begin(), fundingRows.end(), [](const FundingRow& a, const FundingRow& b) { return a.depth < b.depth; });
    std::map<std::string, std::int64_t> lineIds;
    for (FundingRow& r : fundingRows) {
        if (!r.parentCode.empty()) {
            if (auto it = lineIds.find(r.parentCode); it != lineIds.end()) r.line.parentId = it->second;
            else if (auto existing = store.funding().lineByCode(r.parentCode)) r.line.parentId = existing->id;
        }
        if (!r.projectCode.empty()) r.line.planNodeId = nodeId(r.projectCode);
        lineIds[*r.line.code] = store.funding().insertLine(r.line);
        ++report.inserted;
    }

    std::vector<Feature> features;
    for (const NamedFeatureRow& r : namedFeatures) {
        features.push_back(r.item);
        features.back().importBatchId = report.importBatchId;
    }
    const std::vector<UpsertResult> results = store.features().upsertManyByKey(features);
    for (std::size_t i = 0; i < results.size(); ++i) {
        (results[i].inserted ? report.inserted : report.updated)++;
        if (namedFeatures[i].indicatorCode.empty()) continue;
        const std::int64_t indicatorId = *nodeId(namedFeatures[i].indicatorCode);
        bool linked = false;
        for (const FeatureLink& l : plan.indicatorsOfFeature(results[i].id)) linked = linked || l.indicatorId == indicatorId;
        if (!linked)
            plan.linkFeature(results[i].id, indicatorId,
                             namedFeatures[i].note.empty() ? std::nullopt : std::optional<std::string>(namedFeatures[i].note));
    }
    store.imports().finish(report.importBatchId, report.inserted + report.updated);
    transaction.commit();
    return report;
}

} // namespace planmap::layers::io
