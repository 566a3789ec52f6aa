#include "planmap/layers/plan/Funding.h"

#include "store/SqlSupport.h"

#include <array>
#include <unordered_map>
#include <cmath>
#include <utility>

namespace planmap::layers {

namespace {

constexpr std::array<std::pair<FundingSource, std::string_view>, 7> kSources{{
    {FundingSource::All, "all"},
    {FundingSource::Central, "central"},
    {FundingSource::Provincial, "provincial"},
    {FundingSource::District, "district"},
    {FundingSource::Commune, "commune"},
    {FundingSource::Credit, "credit"},
    {FundingSource::Other, "other"},
}};

constexpr std::array<std::pair<FundingKind, std::string_view>, 3> kKinds{{
    {FundingKind::Investment, "investment"},
    {FundingKind::Recurrent, "recurrent"},
    {FundingKind::Total, "total"},
}};

constexpr const char* kLineColumns = "id, code, parent_id, plan_node_id, label, funding_source, kind, "
                                     "amount_million_vnd, year, ordinal, plan_reference, note, illustrative";

constexpr const char* kDisbursementColumns =
    "id, funding_line_id, unit_id, feature_id, amount_million_vnd, as_of, source_document, author, entered_at, note, "
    "supersedes_id, retraction, import_batch_id, illustrative";

FundingLine readLine(const Statement& s)
{
    FundingLine l;
    l.id = s.columnInt(0);
    l.code = s.optionalText(1);
    l.parentId = s.optionalInt(2);
    l.planNodeId = s.optionalInt(3);
    l.label = s.columnText(4);
    l.source = parseFundingSource(s.columnText(5)).value_or(FundingSource::Other);
    l.kind = parseFundingKind(s.columnText(6)).value_or(FundingKind::Total);
    l.amountMillionVnd = s.columnDouble(7);
    if (auto year = s.optionalInt(8)) l.year = static_cast<int>(*year);
    l.ordinal = static_cast<int>(s.columnInt(9));
    l.planReference = s.optionalText(10);
    l.note = s.optionalText(11);
    l.illustrative = s.columnBool(12);
    return l;
}

Disbursement readDisbursement(const Statement& s)
{
    Disbursement d;
    d.id = s.columnInt(0);
    d.fundingLineId = s.columnInt(1);
    d.unitId = s.optionalInt(2);
    d.featureId = s.optionalInt(3);
    d.amountMillionVnd = s.optionalDouble(4);
    d.asOf = detail::columnDate(s, 5);
    d.sourceDocument = s.optionalText(6);
    d.author = s.optionalText(7);
    d.enteredAt = detail::optionalTimestamp(s, 8);
    d.note = s.optionalText(9);
    d.supersedesId = s.optionalInt(10);
    d.retraction = s.columnBool(11);
    d.importBatchId = s.optionalInt(12);
    d.illustrative = s.columnBool(13);
    return d;
}

void bindLine(Statement& s, const FundingLine& l)
{
    s.bindOptionalText(1, l.code);
    s.bindOptionalInt(2, l.parentId);
    s.bindOptionalInt(3, l.planNodeId);
    s.bindText(4, l.label);
    s.bindText(5, toString(l.source));
    s.bindText(6, toString(l.kind));
    s.bindDouble(7, l.amountMillionVnd);
    s.bindOptionalInt(8, l.year ? std::optional<std::int64_t>(*l.year) : std::nullopt);
    s.bindInt(9, l.ordinal);
    s.bindOptionalText(10, l.planReference);
    s.bindOptionalText(11, l.note);
    s.bindBool(12, l.illustrative);
}

void validateLine(const FundingLine& l)
{
    if (l.label.empty()) throw InvalidDataError("the label is empty");
    if (!std::isfinite(l.amountMillionVnd)) throw InvalidDataError("the amount is not a finite number");
    if (l.code && l.code->empty()) throw InvalidDataError("the code is empty (leave it unset instead)");
}

std::string describeLine(const FundingLine& l)
{
    return "funding line '" + l.code.value_or(l.label) + "'";
}

std::string describeDisbursement(const Disbursement& d)
{
    std::string text = "disbursement on funding line " + std::to_string(d.fundingLineId);
    if (d.asOf.ok()) text += " as of " + toIsoDate(d.asOf);
    return text;
}

} // namespace

std::string_view toString(FundingSource source)
{
    for (const auto& [s, code] : kSources)
        if (s == source) return code;
    return "other";
}

std::optional<FundingSource> parseFundingSource(std::string_view code)
{
    for (const auto& [s, c] : kSources)
        if (c == code) return s;
    return std::nullopt;
}

std::string_view toString(FundingKind kind)
{
    for (const auto& [k, code] : kKinds)
        if (k == kind) return code;
    return "total";
}

std::optional<FundingKind> parseFundingKind(std::string_view code)
{
    for (const auto& [k, c] : kKinds)
        if (c == code) return k;
    return std::nullopt;
}

// --- lines ------------------------------------------------------------------------------

namespace {
std::int64_t insertLineRow(Connection& connection, const FundingLine& line)
{
    validateLine(line);
    auto s = connection.cached("INSERT INTO funding_lines (code, parent_id, plan_node_id, label, funding_source, kind, "
                               "amount_million_vnd, year, ordinal, plan_reference, note, illustrative) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
    bindLine(*s, line);
    s->step();
    const std::int64_t id = s->columnInt(0);
    s->run();
    return id;
}
} // namespace

std::int64_t Funding::insertLine(const FundingLine& line)
{
    try {
        Transaction transaction(connection_);
        const auto id = insertLineRow(connection_, line);
        transaction.commit();
        return id;
    } catch (...) {
        rethrowWithContext("inserting " + describeLine(line));
    }
}

std::vector<std::int64_t> Funding::insertLines(std::span<const FundingLine> lines)
{
    std::vector<std::int64_t> ids;
    ids.reserve(lines.size());
    Transaction transaction(connection_);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        try {
            ids.push_back(insertLineRow(connection_, lines[i]));
        } catch (...) {
            rethrowWithContext("inserting funding lines, row " + std::to_string(i + 1) + ", " + describeLine(lines[i]));
        }
    }
    transaction.commit();
    return ids;
}

void Funding::updateLine(const FundingLine& line)
{
    try {
        validateLine(line);
        Transaction transaction(connection_);
        auto s = connection_.cached("UPDATE funding_lines SET code = ?, parent_id = ?, plan_node_id = ?, label = ?, "
                                    "funding_source = ?, kind = ?, amount_million_vnd = ?, year = ?, ordinal = ?, "
                                    "plan_reference = ?, note = ?, illustrative = ? WHERE id = ? RETURNING id");
        bindLine(*s, line);
        s->bindInt(13, line.id);
        if (!s->step()) throw NotFoundError("no funding line with id " + std::to_string(line.id));
        s->run();
        transaction.commit();
    } catch (...) {
        rethrowWithContext("updating " + describeLine(line));
    }
}

std::optional<FundingLine> Funding::line(std::int64_t lineId)
{
    auto s = connection_.cached(std::string("SELECT ") + kLineColumns + " FROM funding_lines WHERE id = ?");
    s->bindInt(1, lineId);
    if (!s->step()) return std::nullopt;
    return readLine(*s);
}

std::optional<FundingLine> Funding::lineByCode(std::string_view code)
{
    auto s = connection_.cached(std::string("SELECT ") + kLineColumns + " FROM funding_lines WHERE code = ?");
    s->bindText(1, code);
    if (!s->step()) return std::nullopt;
    return readLine(*s);
}

std::vector<FundingLine> Funding::lines(const std::optional<std::int64_t>& parentId)
{
    auto s = connection_.cached(std::string("SELECT ") + kLineColumns + " FROM funding_lines WHERE "
                                + (parentId ? "parent_id = ?" : "parent_id IS NULL") + " ORDER BY ordinal, id");
    if (parentId) s->bindInt(1, *parentId);
    std::vector<FundingLine> result;
    while (s->step()) result.push_back(readLine(*s));
    return result;
}

std::vector<FundingLine> Funding::allLines()
{
    auto s = connection_.cached(std::string("SELECT ") + kLineColumns + " FROM funding_lines ORDER BY ordinal, id");
    std::vector<FundingLine> result;
    while (s->step()) result.push_back(readLine(*s));
    return result;
}

std::vector<FundingLine> Funding::linesOfPlanNode(std::int64_t planNodeId)
{
    auto s = connection_.cached(std::string("SELECT ") + kLineColumns
                                + " FROM funding_lines WHERE plan_node_id = ? ORDER BY ordinal, id");
    s->bindInt(1, planNodeId);
    std::vector<FundingLine> result;
    while (s->step()) result.push_back(readLine(*s));
    return result;
}

// --- disbursements -------------------------------------------------------------------------

std::int64_t Funding::appendOne(const Disbursement& d)
{
    if (!d.asOf.ok()) throw InvalidDataError("the as-of date is not a calendar date");
    if (d.amountMillionVnd && !std::isfinite(*d.amountMillionVnd))
        throw InvalidDataError("the amount is not a finite number");
    if (d.retraction) {
        if (!d.supersedesId) throw InvalidDataError("a retraction must name the disbursement it withdraws");
        if (d.amountMillionVnd) throw InvalidDataError("a retraction carries no amount");
    } else if (!d.amountMillionVnd) {
        throw InvalidDataError("the amount is missing");
    }
    if (d.supersedesId) {
        auto s = connection_.cached("SELECT id FROM disbursements WHERE supersedes_id = ?");
        s->bindInt(1, *d.supersedesId);
        if (s->step())
            throw InvalidDataError("disbursement " + std::to_string(*d.supersedesId)
                                   + " is already superseded by disbursement " + std::to_string(s->columnInt(0))
                                   + "; correct that one instead");
    }
    auto s = connection_.cached(
        "INSERT INTO disbursements (funding_line_id, unit_id, feature_id, amount_million_vnd, as_of, source_document, "
        "author, entered_at, note, supersedes_id, retraction, import_batch_id, illustrative) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
    s->bindInt(1, d.fundingLineId);
    s->bindOptionalInt(2, d.unitId);
    s->bindOptionalInt(3, d.featureId);
    s->bindOptionalDouble(4, d.amountMillionVnd);
    s->bindText(5, toIsoDate(d.asOf));
    s->bindOptionalText(6, d.sourceDocument);
    s->bindOptionalText(7, d.author);
    s->bindText(8, toIsoTimestamp(d.enteredAt.value_or(nowUtc())));
    s->bindOptionalText(9, d.note);
    s->bindOptionalInt(10, d.supersedesId);
    s->bindBool(11, d.retraction);
    s->bindOptionalInt(12, d.importBatchId);
    s->bindBool(13, d.illustrative);
    s->step();
    const std::int64_t id = s->columnInt(0);
    s->run();
    return id;
}

std::int64_t Funding::appendDisbursement(const Disbursement& disbursement)
{
    try {
        Transaction transaction(connection_);
        const auto id = appendOne(disbursement);
        transaction.commit();
        return id;
    } catch (...) {
        rethrowWithContext("appending " + describeDisbursement(disbursement));
    }
}

std::vector<std::int64_t> Funding::appendDisbursements(std::span<const Disbursement> disbursements)
{
    std::vector<std::int64_t> ids;
    ids.reserve(disbursements.size());
    Transaction transaction(connection_);
    for (std::size_t i = 0; i < disbursements.size(); ++i) {
        try {
            ids.push_back(appendOne(disbursements[i]));
        } catch (...) {
            rethrowWithContext("appending disbursements, row " + std::to_string(i + 1) + ", "
                               + describeDisbursement(disbursements[i]));
        }
    }
    transaction.commit();
    return ids;
}

std::int64_t Funding::supersedeDisbursement(std::int64_t disbursementId, Disbursement correction)
{
    const auto old = disbursement(disbursementId);
    if (!old) throw NotFoundError("disbursement " + std::to_string(disbursementId) + " does not exist");
    if (correction.fundingLineId == 0) correction.fundingLineId = old->fundingLineId;
    if (!correction.unitId && !correction.featureId) {
        correction.unitId = old->unitId;
        correction.featureId = old->featureId;
    }
    if (!correction.asOf.ok()) correction.asOf = old->asOf;
    correction.supersedesId = disbursementId;
    return appendDisbursement(correction);
}

std::int64_t Funding::retractDisbursement(std::int64_t disbursementId, const std::optional<std::string>& author,
                                          const std::optional<std::string>& note)
{
    Disbursement retraction;
    retraction.retraction = true;
    retraction.author = author;
    retraction.note = note;
    if (const auto old = disbursement(disbursementId)) retraction.illustrative = old->illustrative;
    return supersedeDisbursement(disbursementId, retraction);
}

std::optional<Disbursement> Funding::disbursement(std::int64_t disbursementId)
{
    auto s = connection_.cached(std::string("SELECT ") + kDisbursementColumns + " FROM disbursements WHERE id = ?");
    s->bindInt(1, disbursementId);
    if (!s->step()) return std::nullopt;
    return readDisbursement(*s);
}

std::vector<Disbursement> Funding::select(const std::string& sql, std::int64_t lineId, const std::optional<Date>& asOf)
{
    auto s = connection_.cached(sql);
    s->bindInt(1, lineId);
    if (asOf) s->bindText(2, toIsoDate(*asOf));
    std::vector<Disbursement> result;
    while (s->step()) result.push_back(readDisbursement(*s));
    return result;
}

std::vector<Disbursement> Funding::history(std::int64_t lineId)
{
    return select(std::string("SELECT ") + kDisbursementColumns
                      + " FROM disbursements WHERE funding_line_id = ? ORDER BY as_of, entered_at, id",
                  lineId, std::nullopt);
}

std::vector<Disbursement> Funding::current(std::int64_t lineId)
{
    return select(std::string("SELECT ") + kDisbursementColumns
                      + " FROM disbursements_current WHERE funding_line_id = ? ORDER BY as_of, entered_at, id",
                  lineId, std::nullopt);
}

std::vector<Disbursement> Funding::latest(std::int64_t lineId, const std::optional<Date>& asOf)
{
    return select(std::string("SELECT ") + kDisbursementColumns
                      + " FROM (SELECT c.*, ROW_NUMBER() OVER (PARTITION BY funding_line_id, unit_id, feature_id "
                        "ORDER BY as_of DESC, entered_at DESC, id DESC) AS newest FROM disbursements_current c "
                        "WHERE funding_line_id = ?"
                      + (asOf ? " AND as_of <= ?" : "") + ") ranked WHERE newest = 1 ORDER BY unit_id, feature_id",
                  lineId, asOf);
}

std::optional<double> FundingProgress::percentDisbursed() const
{
    if (!(line.amountMillionVnd > 0)) return std::nullopt;
    return 100.0 * disbursedMillionVnd / line.amountMillionVnd;
}

std::vector<FundingProgress> Funding::progress(const std::optional<Date>& asOf)
{
    std::vector<FundingProgress> result;
    std::unordered_map<std::int64_t, std::size_t> indexOf;
    for (FundingLine& line : allLines()) {
        indexOf.emplace(line.id, result.size());
        FundingProgress p;
        p.illustrative = line.illustrative;
        p.line = std::move(line);
        result.push_back(std::move(p));
    }
    for (FundingProgress& p : result) {
        // Each line's own disbursements count in it and in every line above it.
        for (const Disbursement& d : latest(p.line.id, asOf)) {
            std::optional<std::int64_t> at = p.line.id;
            std::size_t guard = 0;
            while (at && guard++ <= result.size()) {
                const auto it = indexOf.find(*at);
                if (it == indexOf.end()) break;
                FundingProgress& up = result[it->second];
                up.disbursedMillionVnd += d.amountMillionVnd.value_or(0);
                ++up.disbursements;
                if (!up.asOf || d.asOf > *up.asOf) up.asOf = d.asOf;
                up.illustrative = up.illustrative || d.illustrative;
                at = up.line.parentId;
            }
        }
    }
    return result;
}

} // namespace planmap::layers
