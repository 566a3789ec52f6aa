#pragma once

// A project with the real Lạng Sơn units (province 20, the 11 districts and
// 194 communes before 1 July 2025, the 65 communes after it, the official
// crosswalk with its split communes) and the whole plan 59/KH-UBND with its
// allocations, read from data/langson with GDAL. Built once per test program
// into a template file; every test works on its own copy.

#include "langson_units.h"
#include "store_test_support.h"

#include "planmap/geo/VectorReader.h"
#include "planmap/layers/text/SearchKey.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace planmap::layers::testing::progresskit {

inline std::vector<geo::Feature> readTable(const std::filesystem::path& file, geo::VectorLayer** layerOut = nullptr,
                                           std::map<std::string, int>* columns = nullptr)
{
    geo::ReaderOptions options;
    options.inferCsvTypes = false;
    options.autoDetectGeometryColumns = false;
    geo::VectorReader reader(file, options);
    geo::VectorLayer layer = reader.layer(0);
    if (columns)
        for (std::size_t i = 0; i < layer.fields().size(); ++i) (*columns)[layer.fields()[i].name] = static_cast<int>(i);
    (void)layerOut;
    return layer.readAll();
}

inline std::string text(const geo::Feature& f, const std::map<std::string, int>& columns, const std::string& name)
{
    const auto it = columns.find(name);
    if (it == columns.end()) throw std::runtime_error("no column " + name);
    std::string s = geo::toString(f.values[static_cast<std::size_t>(it->second)]);
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
}

inline std::optional<double> number(const std::string& s)
{
    if (s.empty()) return std::nullopt;
    return std::stod(s);
}

inline ProgressFilter byIndicator(std::int64_t indicatorId, std::optional<Date> asOf = std::nullopt)
{
    ProgressFilter f;
    f.indicatorId = indicatorId;
    f.asOf = asOf;
    return f;
}

/// Loads the Lạng Sơn units, crosswalk and plan into a fresh project.
inline void loadLangSon(ProjectStore& store)
{
    const std::filesystem::path data = PLANMAP_DATA_DIR;
    Transaction transaction(store.connection());
    AdminUnits& units = store.units();

    const std::int64_t provinceId = units.insert(langson::province());

    std::map<std::string, std::int64_t> districts;
    {
        std::map<std::string, int> c;
        for (const auto& f : readTable(data / "districts_2023.geojson", nullptr, &c)) {
            AdminUnit u;
            u.code = text(f, c, "ma_huyen");
            u.level = UnitLevel::District;
            const std::string full = text(f, c, "ten");
            const auto split = splitUnitName(full);
            u.type = split ? split->type : UnitType::District;
            u.name = split ? split->name : full;
            u.fullName = full;
            u.generation = std::string(kGenerationPre2025);
            u.parentId = provinceId;
            districts[*u.code] = units.insert(u);
        }
    }
    std::map<std::string, std::int64_t> old, neu;
    {
        std::map<std::string, int> c;
        for (const auto& f : readTable(data / "communes_pre2025_gso.csv", nullptr, &c)) {
            AdminUnit u;
            u.code = text(f, c, "Mã PX");
            u.level = UnitLevel::Commune;
            const std::string full = text(f, c, "Phường Xã");
            const auto split = splitUnitName(full);
            u.type = split ? split->type : UnitType::Commune;
            u.name = split ? split->name : full;
            u.fullName = full;
            u.generation = std::string(kGenerationPre2025);
            u.parentId = districts.at(text(f, c, "Mã QH"));
            old[*u.code] = units.insert(u);
        }
    }
    {
        std::map<std::string, int> c;
        for (const auto& f : readTable(data / "communes_2025.geojson", nullptr, &c)) {
            AdminUnit u;
            u.code = text(f, c, "code");
            u.level = UnitLevel::Commune;
            const std::string full = text(f, c, "fullName");
            const auto split = splitUnitName(full);
            u.type = split ? split->type : UnitType::Commune;
            u.name = text(f, c, "name");
            u.fullName = full;
            u.generation = std::string(kGeneration2025);
            u.parentId = provinceId;
            neu[*u.code] = units.insert(u);
        }
    }
    {
        std::map<std::string, int> c;
        for (const auto& f : readTable(data / "crosswalk_2025_official.csv", nullptr, &c)) {
            CrosswalkLink link;
            link.oldUnitId = old.at(text(f, c, "Mã Xã cũ"));
            link.newUnitId = neu.at(text(f, c, "Mã Xã mới"));
            link.kind = text(f, c, "Ghi chú").find("một phần") != std::string::npos ? CrosswalkKind::Partial
                                                                                    : CrosswalkKind::Whole;
            link.effectiveDate = makeDate(2025, 7, 1);
            units.insertCrosswalk(link);
        }
    }
    PlanCatalogue& plan = store.plan();
    {
        std::map<std::string, int> c;
        for (const auto& f : readTable(data / "plan" / "plan_2023_catalogue.csv", nullptr, &c)) {
            PlanNode node;
            node.code = text(f, c, "code");
            const std::string parent = text(f, c, "parent_code");
            if (!parent.empty()) node.parentId = plan.nodeByCode(parent)->id;
            node.level = *parsePlanLevel(text(f, c, "level"));
            node.ordinal = std::stoi(text(f, c, "ordinal"));
            node.name = text(f, c, "name");
            node.planReference = text(f, c, "plan_ref");
            if (node.level != PlanLevel::Indicator) {
                plan.insertNode(node);
                continue;
            }
            Indicator ind;
            ind.node = node;
            ind.spec.unitOfMeasure = text(f, c, "unit");
            ind.spec.year = std::stoi(text(f, c, "year"));
            ind.spec.targetValue = number(text(f, c, "target"));
            ind.spec.targetNumerator = number(text(f, c, "target_numerator"));
            ind.spec.targetDenominator = number(text(f, c, "target_denominator"));
            ind.spec.aggregation = *parseAggregation(text(f, c, "aggregation"));
            plan.insertIndicator(ind);
        }
    }
    {
        std::map<std::string, int> c;
        for (const auto& f : readTable(data / "plan" / "plan_2023_allocations.csv", nullptr, &c)) {
            Allocation a;
            a.indicatorId = plan.indicatorByCode(text(f, c, "indicator_code"))->node.id;
            const std::string level = text(f, c, "unit_level"), code = text(f, c, "unit_code");
            a.unitId = level == "district" ? districts.at(code) : level == "commune_2023" ? old.at(code) : provinceId;
            a.targetValue = number(text(f, c, "target"));
            plan.insertAllocation(a);
        }
    }
    transaction.commit();
}

/// The template project, built on first use.
inline const std::filesystem::path& langSonTemplate()
{
    static TempDir dir;
    static const std::filesystem::path path = [] {
        const auto p = dir.file("langson-template.planmap");
        ProjectStore store = ProjectStore::create(p, sampleMetadata());
        loadLangSon(store);
        return p;
    }();
    return path;
}

/// A test with its own copy of the Lạng Sơn project.
class ProgressProjectTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        projectPath = dir.file("langson.planmap");
        std::filesystem::copy_file(langSonTemplate(), projectPath);
        store.emplace(ProjectStore::open(projectPath));
    }
    ProjectStore& project() { return *store; }

    std::int64_t unit(const std::string& code, const std::string& generation = std::string(kGenerationPre2025))
    {
        const UnitLevel level = code.size() == 2 ? UnitLevel::Province : code.size() == 3 ? UnitLevel::District : UnitLevel::Commune;
        const auto u = project().units().findByCodeInGeneration(code, level, level == UnitLevel::Province ? std::string(kGeneration2025) : generation, false);
        if (!u) throw std::runtime_error("no unit " + code + " in " + generation);
        return u->id;
    }
    std::int64_t newUnit(const std::string& code) { return unit(code, std::string(kGeneration2025)); }
    std::int64_t indicator(const std::string& code) { return project().plan().indicatorByCode(code)->node.id; }

    std::int64_t add(const std::string& indicatorCode, std::int64_t unitId, double value, Date asOf,
                     std::optional<std::int64_t> featureId = std::nullopt)
    {
        ProgressEntry e;
        e.indicatorId = indicator(indicatorCode);
        if (featureId) e.featureId = featureId;
        else e.unitId = unitId;
        e.value = value;
        e.asOf = asOf;
        return project().progress().append(e);
    }
    std::int64_t addRatio(const std::string& indicatorCode, std::int64_t unitId, double num, double den, Date asOf)
    {
        ProgressEntry e;
        e.indicatorId = indicator(indicatorCode);
        e.unitId = unitId;
        e.numerator = num;
        e.denominator = den;
        e.asOf = asOf;
        return project().progress().append(e);
    }

    TempDir dir;
    std::filesystem::path projectPath;
    std::optional<ProjectStore> store;
};

} // namespace planmap::layers::testing::progresskit
