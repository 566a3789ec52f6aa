// planmap-cli units: lists administrative units and the crosswalk; "units add"
// adds one unit; "units outline" derives a unit's outline from its children.
#include "Command.h"
#include "Output.h"

#include "planmap/geo/Geodesic.h"
#include "planmap/geo/Geometry.h"
#include "planmap/layers/io/UnitLayers.h"
#include "planmap/layers/io/UnitOutline.h"

#include <cmath>
#include <map>
#include <ostream>

namespace planmap::cli {
namespace {

using namespace planmap::layers;

std::string vnDate(const std::optional<Date>& d)
{
    if (!d) return "";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02u/%02u/%04d", static_cast<unsigned>(d->day()), static_cast<unsigned>(d->month()),
                  static_cast<int>(d->year()));
    return buf;
}

std::string isoDate(const std::optional<Date>& d) { return d ? toIsoDate(*d) : std::string(); }

std::string unitName(const AdminUnit& u) { return u.fullName.value_or(u.name); }

UnitLevel parseLevelOption(const std::string& text)
{
    if (auto level = parseUnitLevel(text)) return *level;
    throw UsageError("--level must be province, district, commune or village, not '" + text + "'");
}

std::string parseGenerationOption(AdminUnits& units, const std::string& text)
{
    const std::string key = io::generationKey(text).value_or("");
    for (const AdminGeneration& g : units.generations())
        if (g.key == key) return key;
    std::string known;
    for (const AdminGeneration& g : units.generations()) known += (known.empty() ? "" : ", ") + io::generationLabel(g.key);
    throw UsageError("--generation must be one of " + known + ", not '" + text + "'");
}

Date parseDateOption(const std::string& option, const std::string& text)
{
    if (auto d = tryParseIsoDate(text)) return *d;
    throw UsageError("--" + option + " must be a date YYYY-MM-DD, not '" + text + "'");
}

const io::UnitLayer& parseUnitLayerOption(const std::string& text)
{
    if (const io::UnitLayer* l = io::findUnitLayer(text)) return *l;
    std::string names;
    for (const io::UnitLayer& l : io::unitLayers()) names += (names.empty() ? "" : ", ") + l.name;
    throw UsageError("--layer must be a unit layer (" + names + "), not '" + text + "'");
}

// --- units ----------------------------------------------------------------------------

class UnitsCommand final : public Command {
public:
    std::string name() const override { return "units"; }
    std::string summary() const override { return "list administrative units, or the crosswalk of a unit code"; }
    std::string synopsis() const override
    {
        return "units [--level LEVEL] [--generation 2023|2025] [--date YYYY-MM-DD] [--format table|csv]\n"
               "       planmap-cli units --crosswalk CODE [--format table|csv]";
    }
    std::vector<Option> options() const override
    {
        return {{"level", "LEVEL", "province, district, commune or village (default: all)"},
                {"generation", "2023|2025", "units before (2023) or after (2025) the reorganisation of 1 July 2025"},
                {"date", "YYYY-MM-DD", "only units in force on that day"},
                {"format", "table|csv", "output format (default: table)"},
                {"crosswalk", "CODE|all", "which new units an old unit went into and which old units a new one came from (all: every link)"}};
    }
    std::string description() const override
    {
        return "The table shows each unit's code, type, name, generation, parent, validity (dd/mm/yyyy) and\n"
               "geodesic area; the CSV has the same with ISO dates and plain numbers. Statistics office codes\n"
               "are reused across the reorganisation, so --crosswalk shows both the old and the new unit\n"
               "of a code when there are two.";
    }

    int run(CommandContext& ctx) const override
    {
        ctx.args.expectPositionals(0, 0);
        const std::string format = ctx.args.value("format").value_or("table");
        if (format != "table" && format != "csv") throw UsageError("--format must be table or csv");
        if (ctx.args.has("crosswalk") && (ctx.args.has("level") || ctx.args.has("generation") || ctx.args.has("date")))
            throw UsageError("--crosswalk takes no --level, --generation or --date");
        std::vector<UnitLevel> levels = {UnitLevel::Province, UnitLevel::District, UnitLevel::Commune, UnitLevel::Village};
        if (auto l = ctx.args.value("level")) levels = {parseLevelOption(*l)};
        std::optional<Date> date;
        if (auto d = ctx.args.value("date")) date = parseDateOption("date", *d);
        ProjectStore store = ctx.openProject(false);
        AdminUnits& units = store.units();
        if (auto code = ctx.args.value("crosswalk")) return crosswalk(ctx, units, *code, format);
        std::optional<std::string> generation;
        if (auto g = ctx.args.value("generation")) generation = parseGenerationOption(units, *g);

        std::map<std::int64_t, std::string> codes;  // parent codes
        const geo::Geodesic geodesic;
        TextTable table({"code", "type", "name", "generation", "parent", "valid from", "valid to", "area (ha)"});
        table.alignRight(7);
        if (format == "csv")
            ctx.out << csvRecord({"code", "level", "type", "name", "full_name", "name_en", "generation", "parent_code",
                                  "valid_from", "valid_to", "area_ha", "illustrative"});
        std::size_t count = 0;
        for (UnitLevel level : levels) {
            for (const AdminUnit& u : units.list(level, generation, date, true)) {
                ++count;
                std::string parent;
                if (u.parentId) {
                    auto it = codes.find(*u.parentId);
                    if (it == codes.end()) {
                        const auto p = units.get(*u.parentId, false);
                        it = codes.emplace(*u.parentId, p ? p->code.value_or("") : "").first;
                    }
                    parent = it->second;
                }
                std::optional<double> area;
                if (!u.geometry.empty()) area = geodesic.areaHectares(geo::Geometry::fromWkb(u.geometry));
                if (format == "csv") {
                    ctx.out << csvRecord({u.code.value_or(""), std::string(toString(u.level)), std::string(toString(u.type)),
                                          u.name, u.fullName.value_or(""), u.nameEn.value_or(""),
                                          io::generationLabel(u.generation), parent, isoDate(u.validFrom),
                                          isoDate(u.validTo), area ? plainNumber(std::round(*area * 100) / 100) : "",
                                          u.illustrative ? "1" : "0"});
                } else {
                    table.addRow({u.code.value_or(""), std::string(vietnameseName(u.type)), unitName(u) + (u.illustrative ? " [illustrative]" : ""),
                                  io::generationLabel(u.generation), parent, vnDate(u.validFrom), vnDate(u.validTo),
                                  area ? vietnameseNumber(*area, 1) : ""});
                }
            }
        }
        if (format == "table") {
            table.print(ctx.out);
            ctx.out << count << " unit(s)\n";
        }
        return kExitOk;
    }

private:
    static int crosswalk(CommandContext& ctx, AdminUnits& units, const std::string& request, const std::string& format)
    {
        const bool all = request == "all";
        std::vector<AdminUnit> found;
        for (const AdminGeneration& g : units.generations())
            for (UnitLevel level : {UnitLevel::Province, UnitLevel::District, UnitLevel::Commune, UnitLevel::Village}) {
                if (all) {
                    for (AdminUnit& u : units.list(level, g.key)) found.push_back(std::move(u));
                } else if (auto u = units.findByCodeInGeneration(request, level, g.key, false)) {
                    found.push_back(*u);
                }
            }
        if (found.empty()) throw std::runtime_error(all ? "the project has no units" : "no unit with code " + request + " in the project");
        if (format == "csv") ctx.out << csvRecord({"old_code", "old_name", "new_code", "new_name", "kind", "share", "effective_date"});
        std::size_t links = 0;
        for (const AdminUnit& u : found) {
            const std::string code = u.code.value_or("");
            const auto successors = units.successorsOf(u.id);
            // "all" lists every link once, from the old unit.
            const auto predecessors = all ? std::vector<CrosswalkLink>{} : units.predecessorsOf(u.id);
            auto other = [&](std::int64_t id) {
                const auto o = units.get(id, false);
                return o ? std::make_pair(o->code.value_or(""), unitName(*o)) : std::make_pair(std::string(), std::string());
            };
            for (const auto* list : {&successors, &predecessors}) {
                const bool forward = list == &successors;
                if (list->empty()) continue;
                if (format == "table") {
                    ctx.out << code << " " << unitName(u) << " (" << io::generationLabel(u.generation) << ", "
                            << (forward ? "until " + vnDate(u.validTo) + ") went into:" : "from " + vnDate(u.validFrom) + ") was formed from:")
                            << "\n";
                }
                for (const CrosswalkLink& l : *list) {
                    ++links;
                    const auto [otherCode, otherName] = other(forward ? l.newUnitId : l.oldUnitId);
                    const std::string kind(toString(l.kind));
                    if (format == "csv") {
                        ctx.out << csvRecord({forward ? code : otherCode, forward ? unitName(u) : otherName,
                                              forward ? otherCode : code, forward ? otherName : unitName(u), kind,
                                              l.share ? plainNumber(*l.share) : "", isoDate(l.effectiveDate)});
                    } else {
                        ctx.out << "  " << otherCode << " " << otherName
                                << (l.kind == CrosswalkKind::Whole ? "  (whole: Nhập toàn bộ)" : "  (part: Nhập một phần)") << "\n";
                    }
                }
            }
            if (successors.empty() && predecessors.empty() && format == "table" && !all)
                ctx.out << code << " " << unitName(u) << " (" << io::generationLabel(u.generation) << "): no crosswalk links\n";
        }
        return kExitOk;
    }
};

PLANMAP_CLI_REGISTER(UnitsCommand)

// --- units add --------------------------------------------------------------------------

class UnitsAddCommand final : public Command {
public:
    std::string name() const override { return "units add"; }
    std::string summary() const override { return "add one administrative unit (e.g. the province)"; }
    std::string synopsis() const override
    {
        return "units add --layer LAYER --code CODE --full-name NAME [--name-en NAME] [--parent CODE]";
    }
    std::vector<Option> options() const override
    {
        return {{"layer", "LAYER", "unit layer: province, districts_2023, communes_2025 or communes_2023"},
                {"code", "CODE", "statistics office code"},
                {"full-name", "NAME", "full name with the unit word, e.g. \"Tỉnh Lạng Sơn\" (gives type and name)"},
                {"name", "NAME", "short name, when the full name does not give it"},
                {"type", "TYPE", "unit type (Tỉnh, Huyện, Xã, Phường, ...), when the full name does not give it"},
                {"name-en", "NAME", "English name"},
                {"parent", "CODE", "code of the parent unit"},
                {"illustrative", "", "mark the unit as illustrative"},
                {"source", "TEXT", "provenance"}};
    }
    std::string description() const override
    {
        return "The unit gets the layer's level, generation and validity. It has no geometry: import one,\n"
               "or derive it with 'units outline'.";
    }

    int run(CommandContext& ctx) const override
    {
        ctx.args.expectPositionals(0, 0);
        const io::UnitLayer& layer = parseUnitLayerOption(ctx.args.required("layer"));
        AdminUnit u;
        u.code = ctx.args.required("code");
        u.level = layer.level;
        u.generation = layer.generation;
        u.validFrom = layer.validFrom;
        u.validTo = layer.validTo;
        u.illustrative = ctx.args.has("illustrative");
        u.source = ctx.args.value("source");
        u.nameEn = ctx.args.value("name-en");
        std::optional<UnitType> type;
        if (auto t = ctx.args.value("type")) {
            type = parseUnitType(*t);
            if (!type) throw UsageError("--type: '" + *t + "' is not a unit type");
        }
        if (auto full = ctx.args.value("full-name")) {
            u.fullName = *full;
            if (auto split = splitUnitName(*full)) {
                u.name = split->name;
                if (!type) type = split->type;
            }
        }
        if (auto n = ctx.args.value("name")) u.name = *n;
        if (u.name.empty()) throw UsageError("give --full-name \"Tỉnh ...\" (or --name and --type)");
        if (!type) throw UsageError("cannot tell the unit type: give --type or a full name starting with the unit word");
        u.type = *type;

        ProjectStore store = ctx.openProject(true);
        AdminUnits& units = store.units();
        if (auto parent = ctx.args.value("parent")) {
            if (!layer.parentLevel) throw UsageError("units of layer " + layer.name + " have no parent");
            const Date when = u.validTo ? *u.validTo : u.validFrom ? *u.validFrom : makeDate(2025, 7, 1);
            auto p = units.findByCodeAt(*parent, *layer.parentLevel, when, false);
            if (!p) throw std::runtime_error("no " + std::string(toString(*layer.parentLevel)) + " with code " + *parent);
            u.parentId = p->id;
        }
        u.id = units.insert(u);
        ctx.out << "Added " << unitName(u) << " (" << *u.code << ", " << layer.name << ")\n";
        return kExitOk;
    }
};

PLANMAP_CLI_REGISTER(UnitsAddCommand)

// --- units outline ------------------------------------------------------------------------

class UnitsOutlineCommand final : public Command {
public:
    std::string name() const override { return "units outline"; }
    std::string summary() const override { return "set a unit's outline to the union of its children"; }
    std::string synopsis() const override { return "units outline --layer LAYER --code CODE [--from CHILD_LAYER]"; }
    std::vector<Option> options() const override
    {
        return {{"layer", "LAYER", "unit layer of the unit, e.g. province"},
                {"code", "CODE", "its code"},
                {"from", "CHILD_LAYER", "take only the children of this unit layer, e.g. communes_2025"}};
    }
    std::string description() const override
    {
        return "Computes the GEOS unary union of the children's geometries (dissolving the borders\n"
               "between them) and stores it as the unit's geometry, e.g. a province from its communes.";
    }

    int run(CommandContext& ctx) const override
    {
        ctx.args.expectPositionals(0, 0);
        const io::UnitLayer& layer = parseUnitLayerOption(ctx.args.required("layer"));
        const std::string code = ctx.args.required("code");
        std::optional<std::string> childGeneration;
        if (auto from = ctx.args.value("from")) {
            const io::UnitLayer& child = parseUnitLayerOption(*from);
            if (child.parentLevel != layer.level)
                throw UsageError(child.name + " units are not children of " + layer.name + " units");
            childGeneration = child.generation;
        }
        ProjectStore store = ctx.openProject(true);
        const auto unit = store.units().findByCodeInGeneration(code, layer.level, layer.generation, false);
        if (!unit) throw std::runtime_error("no unit with code " + code + " in layer " + layer.name);
        const io::OutlineReport r = io::deriveOutlineFromChildren(store, unit->id, childGeneration);
        if (!r.repair.empty()) ctx.note("repaired: the union was invalid: " + r.repair);
        ctx.out << "Outline of " << unitName(*unit) << " (" << code << ") derived from " << r.children << " unit(s): "
                << r.parts << " polygon(s), " << r.holes << " hole(s), " << vietnameseNumber(r.areaHectares, 1)
                << " ha\n";
        return kExitOk;
    }
};

PLANMAP_CLI_REGISTER(UnitsOutlineCommand)

} // namespace
} // namespace planmap::cli
