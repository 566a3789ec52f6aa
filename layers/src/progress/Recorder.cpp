#include "planmap/layers/progress/Recorder.h"

#include "planmap/layers/store/ProjectStore.h"
#include "progress/EntryChecks.h"
#include "progress/TextSupport.h"
#include "store/SqlSupport.h"

namespace planmap::layers::progress {

bool CheckResult::ok() const
{
    for (const auto& i : issues)
        if (i.error) return false;
    return true;
}

std::string CheckResult::errorText() const
{
    std::string text;
    for (const auto& i : issues)
        if (i.error) text += (text.empty() ? "" : "; ") + i.message;
    return text;
}

ProgressRecorder::ProgressRecorder(ProjectStore& store, std::optional<std::string> author)
    : store_(store), author_(std::move(author))
{
}

CheckResult ProgressRecorder::check(const RecordInput& input)
{
    CheckResult result;
    auto error = [&](CheckKind kind, std::string message) { result.issues.push_back({true, kind, std::move(message)}); };
    const auto indicator = store_.plan().indicator(input.indicatorId);
    if (!indicator) {
        error(CheckKind::UnknownIndicator, "indicator " + std::to_string(input.indicatorId) + " does not exist");
        return result;
    }
    if (!input.asOf.ok()) error(CheckKind::BadDate, "the as-of date is not a calendar date");
    if (input.unitId.has_value() == input.featureId.has_value())
        error(CheckKind::Other, "give exactly one of a unit and a feature");
    bool atProvince = false;
    std::optional<Allocation> allocation;
    if (input.unitId) {
        const auto unit = store_.units().get(*input.unitId, false);
        if (!unit) {
            error(CheckKind::UnknownUnit, "unit " + std::to_string(*input.unitId) + " does not exist");
        } else {
            atProvince = unit->level == UnitLevel::Province;
            // The province spans both generations, whatever validity it was given.
            if (input.asOf.ok() && !atProvince && !unit->isValidAt(input.asOf) && !input.allowUnitOutOfForce)
                error(CheckKind::UnitNotInForce,
                      unit->fullName.value_or(unit->name) + " was not in force on " + toIsoDate(input.asOf)
                          + " (in force " + (unit->validFrom ? toIsoDate(*unit->validFrom) : std::string("…")) + " to "
                          + (unit->validTo ? toIsoDate(*unit->validTo) : std::string("…")) + ")");
            for (const Allocation& a : store_.plan().allocationsForUnit(*input.unitId))
                if (a.indicatorId == input.indicatorId) allocation = a;
        }
    }
    if (input.featureId && !store_.features().layerOf(*input.featureId))
        error(CheckKind::UnknownFeature, "feature " + std::to_string(*input.featureId) + " does not exist");
    detail::checkValue(indicator->spec, {input.value, input.numerator, input.denominator},
                       detail::comparableTarget(indicator->spec, allocation, atProvince), result.issues);
    return result;
}

ProgressRecorder::Values ProgressRecorder::valuesOf(const ProgressEntry& e)
{
    return {e.value, e.numerator, e.denominator, e.asOf, e.sourceDocument, e.note, e.illustrative};
}

std::string ProgressRecorder::describe(const ProgressEntry& e)
{
    std::string text = "mục #" + std::to_string(e.id);
    if (const auto ind = store_.plan().indicator(e.indicatorId)) text += " " + ind->node.code;
    if (e.unitId)
        if (const auto u = store_.units().get(*e.unitId, false)) text += " — " + u->fullName.value_or(u->name);
    if (e.featureId) text += " — đối tượng #" + std::to_string(*e.featureId);
    if (e.numerator && e.denominator)
        text += ": " + detail::numberVi(*e.numerator) + "/" + detail::numberVi(*e.denominator);
    else if (e.value)
        text += ": " + detail::numberVi(*e.value);
    if (e.asOf.ok()) text += " (" + detail::dateVi(e.asOf) + ")";
    return text;
}

std::int64_t ProgressRecorder::add(const RecordInput& input)
{
    const CheckResult checked = check(input);
    if (!checked.ok()) throw InvalidDataError("progress not recorded: " + checked.errorText());
    ProgressEntry e;
    e.indicatorId = input.indicatorId;
    e.unitId = input.unitId;
    e.featureId = input.featureId;
    e.value = input.value;
    e.numerator = input.numerator;
    e.denominator = input.denominator;
    e.asOf = input.asOf;
    e.sourceDocument = input.sourceDocument;
    e.author = author_;
    e.note = input.note;
    e.illustrative = input.illustrative;
    const std::int64_t id = store_.progress().append(e);
    e.id = id;
    written_.insert(id);
    redo_.clear();
    undo_.push_back({"nhập " + describe(e), std::nullopt, valuesOf(e), id});
    return id;
}

std::int64_t ProgressRecorder::correct(std::int64_t entryId, RecordInput input)
{
    const auto old = store_.progress().get(entryId);
    if (!old) throw NotFoundError("progress entry " + std::to_string(entryId) + " does not exist");
    if (old->retraction) throw InvalidDataError("entry " + std::to_string(entryId) + " is a withdrawal; correct the entry it withdrew");
    if (const auto by = store_.progress().supersededBy(entryId))
        throw InvalidDataError("entry " + std::to_string(entryId) + " is no longer in force (superseded by entry "
                               + std::to_string(*by) + "); correct that one");
    input.indicatorId = old->indicatorId;
    input.unitId = old->unitId;
    input.featureId = old->featureId;
    if (!input.asOf.ok()) input.asOf = old->asOf;
    input.allowUnitOutOfForce = true; // the unit was accepted when the entry was made
    const CheckResult checked = check(input);
    if (!checked.ok()) throw InvalidDataError("correction not recorded: " + checked.errorText());
    ProgressEntry e;
    e.value = input.value;
    e.numerator = input.numerator;
    e.denominator = input.denominator;
    e.asOf = input.asOf;
    e.sourceDocument = input.sourceDocument ? input.sourceDocument : old->sourceDocument;
    e.note = input.note;
    e.author = author_;
    e.illustrative = input.illustrative || old->illustrative;
    const std::int64_t id = store_.progress().supersede(entryId, e);
    written_.insert(id);
    const auto written = store_.progress().get(id);
    redo_.clear();
    undo_.push_back({"sửa " + describe(*old), valuesOf(*old), valuesOf(*written), id});
    return id;
}

std::int64_t ProgressRecorder::withdraw(std::int64_t entryId, const std::optional<std::string>& note)
{
    const auto old = store_.progress().get(entryId);
    if (!old) throw NotFoundError("progress entry " + std::to_string(entryId) + " does not exist");
    if (old->retraction) throw InvalidDataError("entry " + std::to_string(entryId) + " is already a withdrawal");
    if (const auto by = store_.progress().supersededBy(entryId))
        throw InvalidDataError("entry " + std::to_string(entryId) + " is no longer in force (superseded by entry "
                               + std::to_string(*by) + ")");
    const std::int64_t id = store_.progress().retract(entryId, author_, note, old->asOf);
    written_.insert(id);
    redo_.clear();
    undo_.push_back({"rút " + describe(*old), valuesOf(*old), std::nullopt, id});
    return id;
}

std::int64_t ProgressRecorder::write(std::int64_t head, const std::optional<Values>& values, const std::string& why)
{
    // The action's head may since have been superseded by this session (undoing
    // a later action on the same place): follow those to the entry in force.
    // An entry made elsewhere (another window, an import) stops undo.
    while (const auto by = store_.progress().supersededBy(head)) {
        if (!written_.contains(*by))
            throw InvalidDataError("cannot " + why + ": entry " + std::to_string(head)
                                   + " has since been superseded by entry " + std::to_string(*by)
                                   + " (made outside this session)");
        head = *by;
    }
    if (!values) {
        const auto current = store_.progress().get(head);
        const std::int64_t id = store_.progress().retract(head, author_, "hoàn tác / undo (" + why + ")",
                                                          current ? std::optional(current->asOf) : std::nullopt);
        written_.insert(id);
        return id;
    }
    ProgressEntry e;
    e.value = values->value;
    e.numerator = values->numerator;
    e.denominator = values->denominator;
    e.asOf = values->asOf;
    e.sourceDocument = values->sourceDocument;
    e.note = (values->note ? *values->note + " — " : std::string()) + "khôi phục khi " + why;
    e.author = author_;
    e.illustrative = values->illustrative;
    const std::int64_t id = store_.progress().supersede(head, e);
    written_.insert(id);
    return id;
}

std::string ProgressRecorder::undoText() const
{
    return undo_.empty() ? std::string() : "Hoàn tác: " + undo_.back().description;
}

std::string ProgressRecorder::redoText() const
{
    return redo_.empty() ? std::string() : "Làm lại: " + redo_.back().description;
}

std::int64_t ProgressRecorder::undo()
{
    if (undo_.empty()) throw InvalidDataError("nothing to undo");
    Action action = undo_.back();
    const std::int64_t id = write(action.head, action.before, "hoàn tác (undo) " + action.description);
    undo_.pop_back();
    action.head = id;
    redo_.push_back(std::move(action));
    return id;
}

std::int64_t ProgressRecorder::redo()
{
    if (redo_.empty()) throw InvalidDataError("nothing to redo");
    Action action = redo_.back();
    const std::int64_t id = write(action.head, action.after, "làm lại (redo) " + action.description);
    redo_.pop_back();
    action.head = id;
    undo_.push_back(std::move(action));
    return id;
}

std::vector<HistoryRow> ProgressRecorder::history(const ProgressFilter& filter)
{
    const auto entries = store_.progress().history(filter);
    Connection& c = store_.connection();
    std::vector<HistoryRow> rows;
    rows.reserve(entries.size());
    for (const ProgressEntry& e : entries) {
        HistoryRow row;
        row.entry = e;
        if (const auto node = store_.plan().node(e.indicatorId)) row.indicatorCode = node->code;
        if (e.unitId) {
            auto s = c.cached("SELECT code, COALESCE(full_name, name), generation FROM admin_units WHERE id = ?");
            s->bindInt(1, *e.unitId);
            if (s->step()) {
                row.unitCode = s->optionalText(0);
                row.unitName = s->columnText(1);
                row.unitGeneration = s->columnText(2);
            }
        }
        if (e.featureId) {
            if (const auto f = store_.features().get(*e.featureId)) {
                row.featureLayer = f->layer;
                row.featureName = f->name ? f->name : f->userKey;
            }
        }
        row.supersededBy = store_.progress().supersededBy(e.id);
        if (e.importBatchId)
            if (const auto batch = store_.imports().get(*e.importBatchId)) row.importFile = batch->filePath;
        rows.push_back(std::move(row));
    }
    return rows;
}

} // namespace planmap::layers::progress
