#pragma once

// A project with the real Lạng Sơn units (province 20, the 11 districts and
// 194 communes before 1 July 2025, the 65 communes after it, the official
// crosswalk with its split communes; langson::unitsTemplate(), loaded through
// the import engine) and the whole plan 59/KH-UBND with its allocations, read
// from data/langson with GDAL. Built once per test program into a template
// file; every test works on its own copy.

#include "langson_units.h"
#include "store_test_support.h"

#include "planmap/geo/VectorReader.h"

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

/// Loads the plan 59/KH-UBND and its allocations into a project holding the units.
inline void loadPlan(ProjectStore& store)
{
    const std::filesystem::path data = PLANMAP_DATA_DIR;
    Transaction transaction(store.connection());
    AdminUnits& units = store.units();
    const auto unitId = [&](const std::string& level, const std::string& code) {
        const UnitLevel l = level == "district" ? UnitLevel::District
            : level == "commune_2023"           ? UnitLevel::Commune
                                                : UnitLevel::Province;
        const std::string generation(l == UnitLevel::Province ? kGeneration2025 : kGenerationPre2025);
        const auto u = units.findByCodeInGeneration(code, l, generation, false);
        if (!u) throw std::runtime_error("allocation to unknown unit " + level + " " + code);
        return u->id;
    };
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
            a.unitId = unitId(level, code);
            a.targetValue = number(text(f, c, "target"));
            plan.insertAllocation(a);
        }
    }
    transaction.commit();
}

/// Import batches of the template: langson::unitsTemplate() imports its three
/// unit layers (communes_2025, districts_2023, communes_2023) and the 2025
/// crosswalk, one batch each; the plan is written without one.
inline constexpr std::size_t kTemplateImportBatches = 4;

/// The template project, built on first use.
inline const std::filesystem::path& langSonTemplate()
{
    static TempDir dir;
    static const std::filesystem::path path = [] {
        const auto p = dir.file("langson-template.planmap");
        std::filesystem::copy_file(langson::unitsTemplate(), p);
        ProjectStore store = ProjectStore::open(p);
        loadPlan(store);
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
