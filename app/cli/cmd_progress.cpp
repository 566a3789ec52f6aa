// planmap-cli progress ...: record progress by hand, correct and withdraw it,
// list what is in force, show the history, import a report spreadsheet, and
// show how an indicator rolls up.
#include "Command.h"
#include "Output.h"

#include "planmap/layers/progress/Import.h"
#include "planmap/layers/progress/Recorder.h"
#include "planmap/layers/progress/Rollup.h"
#include "planmap/layers/progress/UnitLookup.h"

#include <cmath>
#include <cstdlib>
#include <ostream>
#include <unordered_map>

namespace planmap::cli {
namespace {

using namespace planmap::layers;
namespace pg = planmap::layers::progress;

Date dateOption(const std::string& option, const std::string& text)
{
    if (auto d = tryParseIsoDate(text)) return *d;
    throw UsageError("--" + option + " must be a date YYYY-MM-DD, not '" + text + "'");
}

double numberOption(const std::string& option, const std::string& text)
{
    // Plain numbers only on the command line: scripts must not depend on a locale.
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(v)
        || text.find_first_not_of("0123456789.-+eE") != std::string::npos)
        throw UsageError("--" + option + " must be a plain number (digits, '.' as decimal point), not '" + text + "'"
                         + (text.find(',') != std::string::npos ? "; use '.' for decimals and no thousands separator" : ""));
    return v;
}

struct ValueArgs {
    std::optional<double> value, numerator, denominator;
};

/// "640", "96.1" or "174/181".
ValueArgs valueOption(const std::string& text)
{
    ValueArgs v;
    if (const auto slash = text.find('/'); slash != std::string::npos) {
        v.numerator = numberOption("value", text.substr(0, slash));
        v.denominator = numberOption("value", text.substr(slash + 1));
    } else {
        v.value = numberOption("value", text);
    }
    return v;
}

Indicator indicatorOption(ProjectStore& store, const std::string& code)
{
    if (auto i = store.plan().indicatorByCode(code)) return *i;
    if (auto node = store.plan().nodeByCode(code))
        throw std::runtime_error("'" + code + "' is a plan node of level " + std::string(toString(node->level))
                                 + ", not an indicator (see 'planmap-cli plan')");
    throw std::runtime_error("unknown indicator '" + code + "' (see 'planmap-cli plan' for the codes)");
}

std::optional<std::string> authorOption(const CommandContext& ctx)
{
    if (auto a = ctx.args.value("author")) return a;
    if (const char* user = std::getenv("USER"); user && *user) return std::string(user);
    return std::nullopt;
}

std::string unitLabel(const AdminUnit& u)
{
    return u.fullName.value_or(u.name) + (u.code ? " (" + *u.code + ")" : "");
}

std::string figure(const std::optional<double>& value, const std::optional<double>& num, const std::optional<double>& den)
{
    if (num && den) return plainNumber(*num) + "/" + plainNumber(*den);
    return plainNumber(value);
}

std::string generationLabel(const std::string& key) { return key == kGenerationPre2025 ? "2023" : key; }

void printProvince(const CommandContext& ctx, ProjectStore& store, std::int64_t indicatorId)
{
    pg::RollupEngine engine(store.connection());
    const auto r = engine.rollup(indicatorId);
    const pg::UnitRollup* p = r.province();
    if (!p || !p->value) {
        ctx.out << "Province: no total for " << r.code << " yet";
        if (p && !p->notes.empty()) ctx.out << " (" << p->notes.front().en << ")";
        ctx.out << "\n";
        return;
    }
    ctx.out << "Province: " << r.code << " achieved " << plainNumber(*p->value) << (r.unitOfMeasure ? " " + *r.unitOfMeasure : "");
    if (p->percentOfTarget) ctx.out << " = " << plainNumber(std::round(*p->percentOfTarget * 100) / 100) << " % of target";
    ctx.out << "\n";
}

// --- progress ---------------------------------------------------------------------------

class ProgressCommand final : public Command {
public:
    std::string name() const override { return "progress"; }
    std::string summary() const override { return "progress of the plan: add, correct, withdraw, list, history, import, rollup"; }
    std::string synopsis() const override { return "progress add|correct|withdraw|list|history|import|mappings|rollup ..."; }
    std::string description() const override
    {
        return "Progress entries are cumulative (\"lũy kế\"): each is the state of an indicator at a unit or feature\n"
               "as of a date. Nothing is ever deleted: a correction supersedes an entry, a withdrawal retracts it.\n"
               "Run 'planmap-cli progress SUBCOMMAND --help' for each subcommand.";
    }
    bool usesProject() const override { return false; }
    int run(CommandContext& ctx) const override
    {
        if (!ctx.args.positionals().empty())
            throw UsageError("unknown progress subcommand '" + ctx.args.positionals().front()
                             + "' (add, correct, withdraw, list, history, import, mappings, rollup)");
        ctx.out << helpText();
        return kExitOk;
    }
};

// --- progress add -----------------------------------------------------------------------

class ProgressAddCommand final : public Command {
public:
    std::string name() const override { return "progress add"; }
    std::string summary() const override { return "record the progress of an indicator at a unit or feature"; }
    std::string synopsis() const override
    {
        return "progress add --indicator CODE (--unit UNIT_CODE | --feature LAYER:KEY) --value V --date YYYY-MM-DD\n"
               "       [--source TEXT] [--note TEXT] [--generation 2023|2025] [--author NAME] [--illustrative]";
    }
    std::vector<Option> options() const override
    {
        return {{"indicator", "CODE", "indicator code, e.g. DA02.CT01"},
                {"unit", "UNIT_CODE", "statistics office code: 20 the province, 178-189 a district, 5 digits a commune"},
                {"feature", "LAYER:KEY", "a feature instead of a unit, by its layer and key"},
                {"value", "V", "the cumulative value as of the date (plain number), or N/D for a ratio"},
                {"date", "YYYY-MM-DD", "the date the value is as of"},
                {"source", "TEXT", "source document, e.g. \"Báo cáo 123/BC-UBND\""},
                {"note", "TEXT", "a note"},
                {"generation", "2023|2025", "take the unit code in that generation (codes are reused across the 2025 reform)"},
                {"author", "NAME", "who records it (default: $USER)"},
                {"illustrative", "", "the value is invented (demonstration data)"}};
    }
    std::string description() const override
    {
        return "A commune code is resolved by the date: 05977 is Phường Vĩnh Trại before 1 July 2025 and Phường\n"
               "Đông Kinh after it. --generation forces one (e.g. a 2023 district after the reform). The value is\n"
               "checked against the indicator (a ratio needs N/D, negative values are refused except for\n"
               "percentage-point changes); values above the target are accepted with a warning.";
    }
    int run(CommandContext& ctx) const override
    {
        ctx.args.expectPositionals(0, 0);
        const std::string code = ctx.args.required("indicator");
        const ValueArgs value = valueOption(ctx.args.required("value"));
        const Date asOf = dateOption("date", ctx.args.required("date"));
        const auto unitCode = ctx.args.value("unit");
        const auto featureRef = ctx.args.value("feature");
        if (unitCode.has_value() == featureRef.has_value()) throw UsageError("give one of --unit and --feature");
        std::optional<std::string> generation = ctx.args.value("generation");
        if (generation && *generation != "2023" && *generation != "2025")
            throw UsageError("--generation must be 2023 or 2025, not '" + *generation + "'");

        ProjectStore store = ctx.openProject(true);
        const Indicator indicator = indicatorOption(store, code);
        pg::RecordInput input;
        input.indicatorId = indicator.node.id;
        input.value = value.value;
        input.numerator = value.numerator;
        input.denominator = value.denominator;
        input.asOf = asOf;
        input.sourceDocument = ctx.args.value("source");
        input.note = ctx.args.value("note");
        input.illustrative = ctx.args.has("illustrative");
        std::string where;
        if (unitCode) {
            pg::UnitLookup lookup(store.units());
            const AdminUnit& unit = lookup.byCode(*unitCode, asOf, generation);
            input.unitId = unit.id;
            input.allowUnitOutOfForce = generation.has_value();
            where = unitLabel(unit) + ", generation " + generationLabel(unit.generation);
        } else {
            const auto colon = featureRef->find(':');
            if (colon == std::string::npos) throw UsageError("--feature must be LAYER:KEY, not '" + *featureRef + "'");
            const std::string layer = featureRef->substr(0, colon), key = featureRef->substr(colon + 1);
            if (!store.features().hasLayer(layer)) throw std::runtime_error("unknown layer '" + layer + "'");
            const auto feature = store.features().findByKey(layer, key);
            if (!feature) throw std::runtime_error("no feature with key '" + key + "' in layer " + layer);
            input.featureId = feature->id;
            where = layer + ":" + key + (feature->name ? " (" + *feature->name + ")" : "");
        }
        pg::ProgressRecorder recorder(store, authorOption(ctx));
        const pg::CheckResult checked = recorder.check(input);
        if (!checked.ok()) throw std::runtime_error("not recorded: " + checked.errorText());
        for (const auto& issue : checked.issues) ctx.warning(issue.message);
        const std::int64_t id = recorder.add(input);
        ctx.out << "Recorded entry " << id << ": " << indicator.node.code << " at " << where << " = "
                << figure(value.value, value.numerator, value.denominator) << " as of " << toIsoDate(asOf) << "\n";
        printProvince(ctx, store, indicator.node.id);
        return kExitOk;
    }
};

// --- progress correct / withdraw ----------------------------------------------------------

class ProgressCorrectCommand final : public Command {
public:
    std::string name() const override { return "progress correct"; }
    std::string summary() const override { return "correct an entry (a new entry that supersedes it)"; }
    std::string synopsis() const override
    {
        return "progress correct ENTRY_ID --value V [--date YYYY-MM-DD] [--source TEXT] [--note TEXT] [--author NAME]";
    }
    std::vector<Option> options() const override
    {
        return {{"value", "V", "the corrected value (plain number, or N/D)"},
                {"date", "YYYY-MM-DD", "the corrected as-of date (default: unchanged)"},
                {"source", "TEXT", "source document (default: unchanged)"},
                {"note", "TEXT", "why it is corrected"},
                {"author", "NAME", "who corrects it (default: $USER)"}};
    }
    int run(CommandContext& ctx) const override
    {
        ctx.args.expectPositionals(1, 1);
        const std::int64_t id = static_cast<std::int64_t>(numberOption("entry id", ctx.args.positional(0, "ENTRY_ID")));
        const ValueArgs value = valueOption(ctx.args.required("value"));
        ProjectStore store = ctx.openProject(true);
        pg::RecordInput input;
        input.value = value.value;
        input.numerator = value.numerator;
        input.denominator = value.denominator;
        if (auto d = ctx.args.value("date")) input.asOf = dateOption("date", *d);
        input.sourceDocument = ctx.args.value("source");
        input.note = ctx.args.value("note");
        pg::ProgressRecorder recorder(store, authorOption(ctx));
        const std::int64_t newId = recorder.correct(id, input);
        const auto entry = store.progress().get(newId);
        ctx.out << "Entry " << newId << " corrects entry " << id << ": "
                << figure(entry->value, entry->numerator, entry->denominator) << " as of " << toIsoDate(entry->asOf) << "\n";
        printProvince(ctx, store, entry->indicatorId);
        return kExitOk;
    }
};

class ProgressWithdrawCommand final : public Command {
public:
    std::string name() const override { return "progress withdraw"; }
    std::string summary() const override { return "withdraw an entry (a retraction that supersedes it)"; }
    std::string synopsis() const override { return "progress withdraw ENTRY_ID [--note TEXT] [--author NAME]"; }
    std::vector<Option> options() const override
    {
        return {{"note", "TEXT", "why it is withdrawn"}, {"author", "NAME", "who withdraws it (default: $USER)"}};
    }
    int run(CommandContext& ctx) const override
    {
        ctx.args.expectPositionals(1, 1);
        const std::int64_t id = static_cast<std::int64_t>(numberOption("entry id", ctx.args.positional(0, "ENTRY_ID")));
        ProjectStore store = ctx.openProject(true);
        pg::ProgressRecorder recorder(store, authorOption(ctx));
        const std::int64_t newId = recorder.withdraw(id, ctx.args.value("note"));
        ctx.out << "Entry " << newId << " withdraws entry " << id << "\n";
        printProvince(ctx, store, store.progress().get(id)->indicatorId);
        return kExitOk;
    }
};

// --- progress list / history -------------------------------------------------------------

std::vector<std::string> entryHeader()
{
    return {"id", "indicator", "unit_code", "unit_name", "generation", "feature", "value", "numerator", "denominator",
            "as_of", "source", "note", "author", "entered_at", "illustrative"};
}

std::vector<std::string> entryFields(const pg::HistoryRow& r)
{
    const ProgressEntry& e = r.entry;
    std::string feature;
    if (r.featureLayer) feature = *r.featureLayer + ":" + std::to_string(*e.featureId) + (r.featureName ? " " + *r.featureName : "");
    return {std::to_string(e.id),
            r.indicatorCode,
            r.unitCode.value_or(""),
            r.unitName.value_or(""),
            r.unitGeneration ? generationLabel(*r.unitGeneration) : "",
            feature,
            plainNumber(e.value),
            plainNumber(e.numerator),
            plainNumber(e.denominator),
            toIsoDate(e.asOf),
            e.sourceDocument.value_or(""),
            e.note.value_or(""),
            e.author.value_or(""),
            e.enteredAt ? toIsoTimestamp(*e.enteredAt) : "",
            e.illustrative ? "1" : "0"};
}

ProgressFilter filterOptions(const CommandContext& ctx, ProjectStore& store)
{
    ProgressFilter filter;
    if (auto code = ctx.args.value("indicator")) filter.indicatorId = indicatorOption(store, *code).node.id;
    if (auto date = ctx.args.value("date")) filter.asOf = dateOption("date", *date);
    if (auto code = ctx.args.value("unit")) {
        pg::UnitLookup lookup(store.units());
        filter.unitId = lookup.byCode(*code, filter.asOf.value_or(makeDate(2025, 6, 30)), ctx.args.value("generation")).id;
    }
    return filter;
}

std::string formatOption(const CommandContext& ctx, const std::string& fallback)
{
    const std::string format = ctx.args.value("format").value_or(fallback);
    if (format != "table" && format != "csv") throw UsageError("--format must be table or csv, not '" + format + "'");
    return format;
}

class ProgressListCommand final : public Command {
public:
    std::string name() const override { return "progress list"; }
    std::string summary() const override { return "list the entries in force (the newest per indicator and unit or feature)"; }
    std::string synopsis() const override
    {
        return "progress list [--indicator CODE] [--unit UNIT_CODE [--generation 2023|2025]] [--date YYYY-MM-DD]\n"
               "       [--format table|csv]";
    }
    std::vector<Option> options() const override
    {
        return {{"indicator", "CODE", "only this indicator"},
                {"unit", "UNIT_CODE", "only this unit (a commune code is taken as of --date, else before the reform)"},
                {"generation", "2023|2025", "the generation of --unit"},
                {"date", "YYYY-MM-DD", "as of this date (entries dated later are ignored)"},
                {"format", "table|csv", "output format (default: table)"}};
    }
    int run(CommandContext& ctx) const override
    {
        ctx.args.expectPositionals(0, 0);
        const std::string format = formatOption(ctx, "table");
        ProjectStore store = ctx.openProject(false);
        const ProgressFilter filter = filterOptions(ctx, store);
        pg::ProgressRecorder recorder(store, std::nullopt);
        std::vector<pg::HistoryRow> rows;
        std::unordered_map<std::int64_t, bool> latest;
        for (const ProgressEntry& e : store.progress().latest(filter)) latest[e.id] = true;
        for (pg::HistoryRow& r : recorder.history(filter))
            if (latest.contains(r.entry.id)) rows.push_back(std::move(r));
        if (format == "csv") {
            ctx.out << csvRecord(entryHeader());
            for (const auto& r : rows) ctx.out << csvRecord(entryFields(r));
            return kExitOk;
        }
        TextTable table({"id", "indicator", "unit", "value", "as of", "source"});
        table.alignRight(0);
        table.alignRight(3);
        for (const auto& r : rows) {
            const auto f = entryFields(r);
            const std::string unit = r.unitName ? *r.unitName + " (" + r.unitCode.value_or("") + ")" : f[5];
            const std::string value = r.entry.numerator && r.entry.denominator
                ? vietnameseNumber(*r.entry.numerator) + "/" + vietnameseNumber(*r.entry.denominator)
                : r.entry.value ? vietnameseNumber(*r.entry.value) : "";
            table.addRow({f[0], f[1], unit, value, f[9], f[10]});
        }
        if (rows.empty()) ctx.out << "No progress entries in force.\n";
        else table.print(ctx.out);
        return kExitOk;
    }
};

class ProgressHistoryCommand final : public Command {
public:
    std::string name() const override { return "progress history"; }
    std::string summary() const override { return "every entry of an indicator, superseded and withdrawn ones too"; }
    std::string synopsis() const override
    {
        return "progress history --indicator CODE [--unit UNIT_CODE [--generation 2023|2025]] [--format csv|table]";
    }
    std::vector<Option> options() const override
    {
        return {{"indicator", "CODE", "the indicator"},
                {"unit", "UNIT_CODE", "only this unit"},
                {"generation", "2023|2025", "the generation of --unit"},
                {"format", "csv|table", "output format (default: table)"}};
    }
    std::string description() const override
    {
        return "CSV columns: id, indicator, unit_code, unit_name, generation, feature, value, numerator,\n"
               "denominator, as_of, source, note, author, entered_at, illustrative, superseded (yes/no),\n"
               "superseded_by, supersedes, withdrawal (yes/no), import_file. Oldest first.";
    }
    int run(CommandContext& ctx) const override
    {
        ctx.args.expectPositionals(0, 0);
        ctx.args.required("indicator");
        const std::string format = formatOption(ctx, "table");
        ProjectStore store = ctx.openProject(false);
        const ProgressFilter filter = filterOptions(ctx, store);
        pg::ProgressRecorder recorder(store, std::nullopt);
        const auto rows = recorder.history(filter);
        if (format == "csv") {
            auto header = entryHeader();
            for (const char* c : {"superseded", "superseded_by", "supersedes", "withdrawal", "import_file"}) header.push_back(c);
            ctx.out << csvRecord(header);
            for (const auto& r : rows) {
                auto f = entryFields(r);
                f.push_back(r.supersededBy ? "yes" : "no");
                f.push_back(r.supersededBy ? std::to_string(*r.supersededBy) : "");
                f.push_back(r.entry.supersedesId ? std::to_string(*r.entry.supersedesId) : "");
                f.push_back(r.entry.retraction ? "yes" : "no");
                f.push_back(r.importFile.value_or(""));
                ctx.out << csvRecord(f);
            }
            return kExitOk;
        }
        TextTable table({"id", "unit", "value", "as of", "entered at", "state", "source"});
        table.alignRight(0);
        table.alignRight(2);
        for (const auto& r : rows) {
            const auto f = entryFields(r);
            std::string state = r.entry.retraction ? "withdraws " + std::to_string(*r.entry.supersedesId)
                : r.entry.supersedesId             ? "corrects " + std::to_string(*r.entry.supersedesId)
                                                   : "entered";
            if (r.supersededBy) state += ", superseded by " + std::to_string(*r.supersededBy);
            const std::string unit = r.unitName ? *r.unitName + " (" + r.unitCode.value_or("") + ")" : f[5];
            table.addRow({f[0], unit, r.entry.retraction ? "-" : figure(r.entry.value, r.entry.numerator, r.entry.denominator),
                          f[9], f[13], state, f[10]});
        }
        if (rows.empty()) ctx.out << "No progress entries.\n";
        else table.print(ctx.out);
        return kExitOk;
    }
};

// --- progress import ----------------------------------------------------------------------

std::string severityName(pg::IssueSeverity s)
{
    return s == pg::IssueSeverity::Error ? "error" : s == pg::IssueSeverity::Warning ? "warning" : "note";
}

class ProgressImportCommand final : public Command {
public:
    std::string name() const override { return "progress import"; }
    std::string summary() const override { return "import progress from a report spreadsheet (XLSX, ODS, CSV)"; }
    std::string synopsis() const override
    {
        return "progress import FILE [--mapping NAME | --map field=COLUMN,...] [--sheet NAME] [--indicator CODE]\n"
               "       [--unit UNIT] [--date YYYY-MM-DD] [--source TEXT] [--district CODE_OR_NAME] [--generation 2023|2025]\n"
               "       [--illustrative] [--save-mapping NAME] [--dry-run] [--author NAME]";
    }
    std::vector<Option> options() const override
    {
        return {{"mapping", "NAME", "use a saved column mapping"},
                {"map", "FIELD=COLUMN,...", "columns by header text or letter: indicator, unit, value, numerator, denominator, date, source, note"},
                {"sheet", "NAME", "the sheet to read (default: the first)"},
                {"indicator", "CODE", "the indicator of every row (when the sheet has no indicator column)"},
                {"unit", "UNIT", "the unit of every row, e.g. the district code 180"},
                {"date", "YYYY-MM-DD", "the as-of date of every row (when the sheet has no date column)"},
                {"source", "TEXT", "the source document of every row"},
                {"district", "CODE_OR_NAME", "look unit names up in this district"},
                {"generation", "2023|2025", "take unit codes in that generation"},
                {"illustrative", "", "the figures are invented (demonstration data)"},
                {"save-mapping", "NAME", "save the mapping used under NAME (after a successful import or dry run)"},
                {"dry-run", "", "only show what would be written and what is wrong"},
                {"author", "NAME", "who imports (default: $USER)"}};
    }
    std::string description() const override
    {
        return "The header is searched for in the first rows (merged header cells over two rows are fine);\n"
               "unmapped fields are looked for under the usual Vietnamese headers (Chỉ tiêu, Thực hiện, Xã,\n"
               "Ngày số liệu, Nguồn, Ghi chú...). Column-number rows, headings, rows without a value and totals\n"
               "rows (Tổng cộng, Toàn huyện...) are skipped and listed. Numbers may be written the Vietnamese way\n"
               "(1.238.075; 96,1); ratios as N/D.\n\n"
               "All or nothing: with any error nothing is written (exit 1; 3 for --dry-run). Importing the same\n"
               "rows again writes nothing; a changed value for the same indicator, unit and date is written as a\n"
               "correction that supersedes the old one.";
    }
    int run(CommandContext& ctx) const override
    {
        ctx.args.expectPositionals(1, 1);
        const std::filesystem::path file = ctx.args.positional(0, "FILE");
        ProjectStore store = ctx.openProject(!ctx.args.has("dry-run") || ctx.args.has("save-mapping"));
        pg::ImportMapping mapping;
        if (auto name = ctx.args.value("mapping")) {
            pg::ImportMappings saved(store.connection());
            auto m = saved.get(*name);
            if (!m) {
                std::string names;
                for (const auto& s : saved.list()) names += (names.empty() ? "" : ", ") + s.name;
                throw std::runtime_error("no saved mapping '" + *name + "'" + (names.empty() ? " (none saved)" : " (saved: " + names + ")"));
            }
            mapping = *m;
        }
        try {
            for (const std::string& text : ctx.args.values("map")) mapping.applyAssignments(text);
        } catch (const std::exception& e) {
            throw UsageError(std::string("--map: ") + e.what());
        }
        if (auto v = ctx.args.value("sheet")) mapping.sheet = v;
        if (auto v = ctx.args.value("indicator")) mapping.indicator = v;
        if (auto v = ctx.args.value("unit")) mapping.unit = v;
        if (auto v = ctx.args.value("date")) mapping.asOf = dateOption("date", *v);
        if (auto v = ctx.args.value("source")) mapping.source = v;
        if (auto v = ctx.args.value("district")) mapping.district = v;
        if (auto v = ctx.args.value("generation")) {
            if (*v != "2023" && *v != "2025") throw UsageError("--generation must be 2023 or 2025, not '" + *v + "'");
            mapping.generation = v;
        }
        if (ctx.args.has("illustrative")) mapping.illustrative = true;

        pg::ProgressImporter importer(store);
        const pg::ImportPreview preview = importer.preview(file, mapping);
        for (const pg::ImportIssue& i : preview.issues)
            if (i.severity != pg::IssueSeverity::Info || ctx.args.has("dry-run")) ctx.err << severityName(i.severity) << ": " << i.text() << "\n";
        ctx.out << "File: " << file.string() << (preview.sheet.empty() ? "" : ", sheet '" + preview.sheet + "'") << "\n";
        if (!preview.columns.empty()) {
            ctx.out << "Columns:";
            for (const auto& [field, column] : preview.columns) ctx.out << " " << field << "=" << column << ";";
            ctx.out << "\n";
        }
        if (!preview.earlierBatches.empty())
            ctx.out << "This file was imported before (import batch " << preview.earlierBatches.front() << ").\n";
        const std::size_t errors = preview.count(pg::IssueSeverity::Error);
        if (ctx.args.has("dry-run")) {
            TextTable table({"row", "indicator", "unit", "value", "as of", "action"});
            table.alignRight(0);
            table.alignRight(3);
            for (const pg::PlannedRow& r : preview.rows) {
                std::string action = r.action == pg::PlannedAction::Append ? "append"
                    : r.action == pg::PlannedAction::Correct ? "correct entry " + std::to_string(*r.existingEntryId) + " (was "
                            + plainNumber(r.existingValue) + ")"
                                                             : "unchanged";
                table.addRow({std::to_string(r.row), r.indicatorCode, r.unitLabel, figure(r.value, r.numerator, r.denominator),
                              toIsoDate(r.asOf), action});
            }
            table.print(ctx.out);
            ctx.out << "Dry run: would append " << preview.count(pg::PlannedAction::Append) << ", correct "
                    << preview.count(pg::PlannedAction::Correct) << ", leave " << preview.count(pg::PlannedAction::Unchanged)
                    << " unchanged; " << errors << " error(s), " << preview.count(pg::IssueSeverity::Warning)
                    << " warning(s). Nothing was written.\n";
            if (errors == 0) saveMapping(ctx, store, preview.mapping);
            return errors ? kExitProblems : kExitOk;
        }
        if (errors) {
            ctx.err << "Nothing imported: " << errors << " error(s) (listed above); fix the file or the mapping.\n";
            return kExitFailure;
        }
        pg::ImportOptions options;
        options.author = authorOption(ctx);
        const pg::ImportResult result = importer.apply(preview, options);
        ctx.out << "Imported: " << result.appended << " appended, " << result.corrected << " corrected, " << result.unchanged
                << " unchanged";
        if (result.batchId) ctx.out << " (import batch " << *result.batchId << ")";
        else ctx.out << " (nothing to write)";
        ctx.out << "\n";
        saveMapping(ctx, store, preview.mapping);
        return kExitOk;
    }

private:
    static void saveMapping(CommandContext& ctx, ProjectStore& store, pg::ImportMapping mapping)
    {
        const auto name = ctx.args.value("save-mapping");
        if (!name) return;
        mapping.name = *name;
        pg::ImportMappings(store.connection()).save(mapping);
        ctx.out << "Saved mapping '" << *name << "': " << mapping.signature() << "\n";
    }
};

class ProgressMappingsCommand final : public Command {
public:
    std::string name() const override { return "progress mappings"; }
    std::string summary() const override { return "list (or delete) the saved column mappings of progress imports"; }
    std::string synopsis() const override { return "progress mappings [--delete NAME]"; }
    std::vector<Option> options() const override { return {{"delete", "NAME", "delete a saved mapping"}}; }
    int run(CommandContext& ctx) const override
    {
        ctx.args.expectPositionals(0, 0);
        ProjectStore store = ctx.openProject(ctx.args.has("delete"));
        pg::ImportMappings saved(store.connection());
        if (auto name = ctx.args.value("delete")) {
            if (!saved.remove(*name)) throw std::runtime_error("no saved mapping '" + *name + "'");
            ctx.out << "Deleted mapping '" << *name << "'\n";
            return kExitOk;
        }
        const auto all = saved.list();
        if (all.empty()) ctx.out << "No saved mappings.\n";
        for (const auto& m : all) ctx.out << m.name << ": " << m.signature() << "\n";
        return kExitOk;
    }
};

// --- progress rollup ----------------------------------------------------------------------

class ProgressRollupCommand final : public Command {
public:
    std::string name() const override { return "progress rollup"; }
    std::string summary() const override { return "show an indicator rolled up over every unit, with explanations"; }
    std::string synopsis() const override
    {
        return "progress rollup --indicator CODE [--date YYYY-MM-DD] [--basis auto|2023|2025] [--format table|csv]";
    }
    std::vector<Option> options() const override
    {
        return {{"indicator", "CODE", "the indicator"},
                {"date", "YYYY-MM-DD", "entries up to this date (default: all)"},
                {"basis", "auto|2023|2025", "the units the province total is summed over (default: auto)"},
                {"format", "table|csv", "output format (default: table)"}};
    }
    int run(CommandContext& ctx) const override
    {
        ctx.args.expectPositionals(0, 0);
        const std::string format = formatOption(ctx, "table");
        ProjectStore store = ctx.openProject(false);
        const Indicator indicator = indicatorOption(store, ctx.args.required("indicator"));
        pg::RollupOptions options;
        if (auto d = ctx.args.value("date")) options.asOf = dateOption("date", *d);
        const std::string basis = ctx.args.value("basis").value_or("auto");
        if (basis == "2023") options.provinceBasis = pg::ProvinceBasis::Pre2025;
        else if (basis == "2025") options.provinceBasis = pg::ProvinceBasis::Gen2025;
        else if (basis != "auto") throw UsageError("--basis must be auto, 2023 or 2025");
        pg::RollupEngine engine(store.connection());
        const pg::IndicatorRollup r = engine.rollup(indicator.node.id, options);
        pg::UnitLookup lookup(store.units());
        std::vector<std::vector<std::string>> rows;
        for (const pg::UnitRollup& u : r.units) {
            if (u.origin == pg::ValueOrigin::None && u.notes.empty()) continue;
            const AdminUnit* unit = lookup.get(u.unitId);
            std::string notes;
            for (const auto& n : u.notes) notes += (notes.empty() ? "" : "; ") + n.en;
            rows.push_back({unit && unit->code ? *unit->code : "", unit ? unit->fullName.value_or(unit->name) : "",
                            unit ? std::string(toString(unit->level)) : "", unit ? generationLabel(unit->generation) : "",
                            u.origin == pg::ValueOrigin::Entered ? "entered" : u.origin == pg::ValueOrigin::RolledUp ? "rolled up" : "",
                            figure(u.value, u.numerator, u.denominator), plainNumber(u.target),
                            u.percentOfTarget ? plainNumber(std::round(*u.percentOfTarget * 100) / 100) : "",
                            u.asOf ? toIsoDate(*u.asOf) : "", u.illustrative ? "1" : "0", notes});
        }
        const std::vector<std::string> header{"unit_code", "unit_name", "level", "generation", "origin", "value",
                                              "target", "percent", "as_of", "illustrative", "notes"};
        if (format == "csv") {
            ctx.out << csvRecord(header);
            for (const auto& row : rows) ctx.out << csvRecord(row);
            return kExitOk;
        }
        ctx.out << r.code << " " << r.name << " (" << toString(r.aggregation) << "); province total over the "
                << generationLabel(r.provinceGeneration) << " units\n";
        TextTable table(header);
        table.alignRight(5);
        table.alignRight(6);
        table.alignRight(7);
        for (auto& row : rows) table.addRow(std::move(row));
        table.print(ctx.out);
        return kExitOk;
    }
};

PLANMAP_CLI_REGISTER(ProgressCommand)
PLANMAP_CLI_REGISTER(ProgressAddCommand)
PLANMAP_CLI_REGISTER(ProgressCorrectCommand)
PLANMAP_CLI_REGISTER(ProgressWithdrawCommand)
PLANMAP_CLI_REGISTER(ProgressListCommand)
PLANMAP_CLI_REGISTER(ProgressHistoryCommand)
PLANMAP_CLI_REGISTER(ProgressImportCommand)
PLANMAP_CLI_REGISTER(ProgressMappingsCommand)
PLANMAP_CLI_REGISTER(ProgressRollupCommand)

} // namespace
} // namespace planmap::cli
