#include "planmap/layers/plan/ProgressLog.h"

#include "planmap/layers/plan/PlanCatalogue.h"
#include "store/SqlSupport.h"

#include <cmath>
#include <unordered_map>

namespace planmap::layers {

namespace {

constexpr const char* kColumns =
    "id, indicator_id, unit_id, feature_id, value, numerator, denominator, as_of, source_document, author, "
    "entered_at, note, supersedes_id, retraction, import_batch_id, illustrative";

ProgressEntry readEntry(const Statement& s)
{
    ProgressEntry e;
    e.id = s.columnInt(0);
    e.indicatorId = s.columnInt(1);
    e.unitId = s.optionalInt(2);
    e.featureId = s.optionalInt(3);
    e.value = s.optionalDouble(4);
    e.numerator = s.optionalDouble(5);
    e.denominator = s.optionalDouble(6);
    e.asOf = detail::columnDate(s, 7);
    e.sourceDocument = s.optionalText(8);
    e.author = s.optionalText(9);
    e.enteredAt = detail::optionalTimestamp(s, 10);
    e.note = s.optionalText(11);
    e.supersedesId = s.optionalInt(12);
    e.retraction = s.columnBool(13);
    e.importBatchId = s.optionalInt(14);
    e.illustrative = s.columnBool(15);
    return e;
}

std::string describeEntry(const ProgressEntry& e)
{
    std::string text = "progress entry for indicator " + std::to_string(e.indicatorId);
    if (e.unitId) text += ", unit " + std::to_string(*e.unitId);
    if (e.featureId) text += ", feature " + std::to_string(*e.featureId);
    if (e.asOf.ok()) text += ", as of " + toIsoDate(e.asOf);
    return text;
}

bool finite(const std::optional<double>& v)
{
    return !v || std::isfinite(*v);
}

/// Writes entries; remembers each indicator's aggregation for the batch.
class Appender {
public:
    explicit Appender(Connection& connection) : connection_(connection), now_(nowUtc()) {}

    std::int64_t append(const ProgressEntry& e)
    {
        validate(e);
        auto s = connection_.cached(
            "INSERT INTO progress_entries (indicator_id, unit_id, feature_id, value, numerator, denominator, as_of, "
            "source_document, author, entered_at, note, supersedes_id, retraction, import_batch_id, illustrative) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
        s->bindInt(1, e.indicatorId);
        s->bindOptionalInt(2, e.unitId);
        s->bindOptionalInt(3, e.featureId);
        s->bindOptionalDouble(4, e.value);
        s->bindOptionalDouble(5, e.numerator);
        s->bindOptionalDouble(6, e.denominator);
        s->bindText(7, toIsoDate(e.asOf));
        s->bindOptionalText(8, e.sourceDocument);
        s->bindOptionalText(9, e.author);
        s->bindText(10, toIsoTimestamp(e.enteredAt.value_or(now_)));
        s->bindOptionalText(11, e.note);
        s->bindOptionalInt(12, e.supersedesId);
        s->bindBool(13, e.retraction);
        s->bindOptionalInt(14, e.importBatchId);
        s->bindBool(15, e.illustrative);
        s->step();
        const std::int64_t id = s->columnInt(0);
        s->run();
        return id;
    }

private:
    Aggregation aggregationOf(std::int64_t indicatorId)
    {
        if (auto it = aggregations_.find(indicatorId); it != aggregations_.end()) return it->second;
        auto s = connection_.cached("SELECT aggregation FROM indicators WHERE node_id = ?");
        s->bindInt(1, indicatorId);
        if (!s->step()) throw InvalidDataError("indicator " + std::to_string(indicatorId) + " does not exist");
        const auto aggregation = parseAggregation(s->columnText(0)).value_or(Aggregation::None);
        aggregations_.emplace(indicatorId, aggregation);
        return aggregation;
    }

    void validate(const ProgressEntry& e)
    {
        if (e.unitId.has_value() == e.featureId.has_value())
            throw InvalidDataError("give exactly one of unit and feature");
        if (!e.asOf.ok()) throw InvalidDataError("the as-of date is not a calendar date");
        if (!finite(e.value) || !finite(e.numerator) || !finite(e.denominator))
            throw InvalidDataError("values must be finite numbers");
        if (e.numerator.has_value() != e.denominator.has_value())
            throw InvalidDataError("give both numerator and denominator, or neither");
        if (e.denominator && *e.denominator <= 0) throw InvalidDataError("the denominator must be positive");
        const Aggregation aggregation = aggregationOf(e.indicatorId);
        if (e.retraction) {
            if (!e.supersedesId) throw InvalidDataError("a retraction must name the entry it withdraws");
            if (e.value || e.numerator) throw InvalidDataError("a retraction carries no value");
        } else if (aggregation == Aggregation::Ratio) {
            if (!e.numerator) throw InvalidDataError("the indicator is a ratio: give numerator and denominator");
        } else if (!e.value) {
            throw InvalidDataError("the value is missing");
        }
        if (e.supersedesId) {
            auto s = connection_.cached("SELECT id FROM progress_entries WHERE supersedes_id = ?");
            s->bindInt(1, *e.supersedesId);
            if (s->step())
                throw InvalidDataError("entry " + std::to_string(*e.supersedesId) + " is already superseded by entry "
                                       + std::to_string(s->columnInt(0)) + "; correct that one instead");
        }
    }

    Connection& connection_;
    Timestamp now_;
    std::unordered_map<std::int64_t, Aggregation> aggregations_;
};

} // namespace

std::int64_t ProgressLog::append(const ProgressEntry& entry)
{
    try {
        Transaction transaction(connection_);
        const auto id = Appender(connection_).append(entry);
        transaction.commit();
        return id;
    } catch (...) {
        rethrowWithContext("appending " + describeEntry(entry));
    }
}

std::vector<std::int64_t> ProgressLog::appendMany(std::span<const ProgressEntry> entries)
{
    std::vector<std::int64_t> ids;
    ids.reserve(entries.size());
    Transaction transaction(connection_);
    Appender appender(connection_);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        try {
            ids.push_back(appender.append(entries[i]));
        } catch (...) {
            rethrowWithContext("appending progress, row " + std::to_string(i + 1) + ", " + describeEntry(entries[i]));
        }
    }
    transaction.commit();
    return ids;
}

std::int64_t ProgressLog::supersede(std::int64_t entryId, ProgressEntry correction)
{
    const auto old = get(entryId);
    if (!old) throw NotFoundError("progress entry " + std::to_string(entryId) + " does not exist");
    if (correction.indicatorId == 0) correction.indicatorId = old->indicatorId;
    if (!correction.unitId && !correction.featureId) {
        correction.unitId = old->unitId;
        correction.featureId = old->featureId;
    }
    if (!correction.asOf.ok()) correction.asOf = old->asOf;
    correction.supersedesId = entryId;
    return append(correction);
}

std::int64_t ProgressLog::retract(std::int64_t entryId, const std::optional<std::string>& author,
                                  const std::optional<std::string>& note, const std::optional<Date>& asOf)
{
    ProgressEntry retraction;
    retraction.retraction = true;
    retraction.author = author;
    retraction.note = note;
    if (asOf) retraction.asOf = *asOf;
    const auto old = get(entryId);
    if (old) retraction.illustrative = old->illustrative;
    return supersede(entryId, retraction);
}

std::optional<ProgressEntry> ProgressLog::get(std::int64_t entryId)
{
    auto s = connection_.cached(std::string("SELECT ") + kColumns + " FROM progress_entries WHERE id = ?");
    s->bindInt(1, entryId);
    if (!s->step()) return std::nullopt;
    return readEntry(*s);
}

std::vector<ProgressEntry> ProgressLog::select(const char* source, const ProgressFilter& filter, bool windowed)
{
    std::string where = " WHERE 1 = 1";
    if (filter.indicatorId) where += " AND indicator_id = ?";
    if (filter.unitId) where += " AND unit_id = ?";
    if (filter.featureId) where += " AND feature_id = ?";
    if (filter.asOf) where += " AND as_of <= ?";
    if (filter.illustrative) where += " AND illustrative = ?";
    std::string sql;
    if (windowed) {
        sql = std::string("SELECT ") + kColumns + " FROM (SELECT c.*, ROW_NUMBER() OVER (PARTITION BY indicator_id, "
              "unit_id, feature_id ORDER BY as_of DESC, entered_at DESC, id DESC) AS newest FROM " + source + " c"
              + where + ") ranked WHERE newest = 1 ORDER BY indicator_id, unit_id, feature_id";
    } else {
        sql = std::string("SELECT ") + kColumns + " FROM " + source + where + " ORDER BY as_of, entered_at, id";
    }
    auto s = connection_.cached(sql);
    int index = 1;
    if (filter.indicatorId) s->bindInt(index++, *filter.indicatorId);
    if (filter.unitId) s->bindInt(index++, *filter.unitId);
    if (filter.featureId) s->bindInt(index++, *filter.featureId);
    if (filter.asOf) s->bindText(index++, toIsoDate(*filter.asOf));
    if (filter.illustrative) s->bindBool(index++, *filter.illustrative);
    std::vector<ProgressEntry> result;
    while (s->step()) result.push_back(readEntry(*s));
    return result;
}

std::vector<ProgressEntry> ProgressLog::history(const ProgressFilter& filter)
{
    return select("progress_entries", filter, false);
}

std::vector<ProgressEntry> ProgressLog::current(const ProgressFilter& filter)
{
    return select("progress_current", filter, false);
}

std::vector<ProgressEntry> ProgressLog::latest(const ProgressFilter& filter)
{
    return select("progress_current", filter, true);
}

std::optional<std::int64_t> ProgressLog::supersededBy(std::int64_t entryId)
{
    auto s = connection_.cached("SELECT id FROM progress_entries WHERE supersedes_id = ?");
    s->bindInt(1, entryId);
    if (!s->step()) return std::nullopt;
    return s->columnInt(0);
}

std::int64_t ProgressLog::count()
{
    auto s = connection_.cached("SELECT COUNT(*) FROM progress_entries");
    s->step();
    return s->columnInt(0);
}

} // namespace planmap::layers
