#include "planmap/layers/plan/PlanCatalogue.h"

#include "planmap/layers/text/SearchKey.h"
#include "store/SqlSupport.h"

#include <array>
#include <functional>
#include <map>
#include <utility>

namespace planmap::layers {

namespace {

constexpr std::array<std::pair<PlanLevel, std::string_view>, 5> kLevels{{
    {PlanLevel::Program, "program"},
    {PlanLevel::Project, "project"},
    {PlanLevel::Subproject, "subproject"},
    {PlanLevel::Content, "content"},
    {PlanLevel::Indicator, "indicator"},
}};

constexpr std::array<std::pair<Aggregation, std::string_view>, 6> kAggregations{{
    {Aggregation::Sum, "sum"},
    {Aggregation::Ratio, "ratio"},
    {Aggregation::Percent, "percent"},
    {Aggregation::PercentPoint, "percent_point"},
    {Aggregation::Max, "max"},
    {Aggregation::None, "none"},
}};

// Node columns n.*, then indicator columns (NULL for other nodes).
constexpr const char* kNodeColumns =
    "n.id, n.code, n.parent_id, n.level, n.ordinal, n.name, n.description, n.responsible_agency, n.plan_reference, "
    "i.node_id, i.unit_of_measure, i.year, i.target_value, i.target_numerator, i.target_denominator, i.aggregation";
constexpr const char* kNodeFrom = " FROM plan_nodes n LEFT JOIN indicators i ON i.node_id = n.id";

PlanNode readNode(const Statement& s)
{
    PlanNode n;
    n.id = s.columnInt(0);
    n.code = s.columnText(1);
    n.parentId = s.optionalInt(2);
    n.level = parsePlanLevel(s.columnText(3)).value_or(PlanLevel::Content);
    n.ordinal = static_cast<int>(s.columnInt(4));
    n.name = s.columnText(5);
    n.description = s.optionalText(6);
    n.responsibleAgency = s.optionalText(7);
    n.planReference = s.optionalText(8);
    return n;
}

std::optional<IndicatorSpec> readSpec(const Statement& s)
{
    if (s.isNull(9)) return std::nullopt;
    IndicatorSpec spec;
    spec.unitOfMeasure = s.optionalText(10);
    if (auto year = s.optionalInt(11)) spec.year = static_cast<int>(*year);
    spec.targetValue = s.optionalDouble(12);
    spec.targetNumerator = s.optionalDouble(13);
    spec.targetDenominator = s.optionalDouble(14);
    spec.aggregation = parseAggregation(s.columnText(15)).value_or(Aggregation::None);
    return spec;
}

void validateNode(const PlanNode& node)
{
    if (node.code.empty()) throw InvalidDataError("the code is empty");
    if (node.name.empty()) throw InvalidDataError("the name is empty");
}

void validateSpec(const IndicatorSpec& spec)
{
    if (spec.targetNumerator.has_value() != spec.targetDenominator.has_value())
        throw InvalidDataError("a ratio target needs both numerator and denominator");
    if (spec.targetDenominator && *spec.targetDenominator <= 0)
        throw InvalidDataError("the target denominator must be positive");
}

void bindSpec(Statement& s, const IndicatorSpec& spec, int first)
{
    s.bindOptionalText(first, spec.unitOfMeasure);
    s.bindOptionalInt(first + 1, spec.year ? std::optional<std::int64_t>(*spec.year) : std::nullopt);
    s.bindOptionalDouble(first + 2, spec.targetValue);
    s.bindOptionalDouble(first + 3, spec.targetNumerator);
    s.bindOptionalDouble(first + 4, spec.targetDenominator);
    s.bindText(first + 5, toString(spec.aggregation));
}

Allocation readAllocation(const Statement& s)
{
    Allocation a;
    a.id = s.columnInt(0);
    a.indicatorId = s.columnInt(1);
    a.unitId = s.columnInt(2);
    a.targetValue = s.optionalDouble(3);
    a.targetNumerator = s.optionalDouble(4);
    a.targetDenominator = s.optionalDouble(5);
    a.note = s.optionalText(6);
    a.source = s.optionalText(7);
    a.illustrative = s.columnBool(8);
    return a;
}

constexpr const char* kAllocationColumns =
    "id, indicator_id, unit_id, target_value, target_numerator, target_denominator, note, source, illustrative";

} // namespace

std::string_view toString(PlanLevel level)
{
    for (const auto& [l, code] : kLevels)
        if (l == level) return code;
    return "content";
}

std::optional<PlanLevel> parsePlanLevel(std::string_view code)
{
    for (const auto& [l, c] : kLevels)
        if (c == code) return l;
    return std::nullopt;
}

std::string_view toString(Aggregation aggregation)
{
    for (const auto& [a, code] : kAggregations)
        if (a == aggregation) return code;
    return "none";
}

std::optional<Aggregation> parseAggregation(std::string_view code)
{
    for (const auto& [a, c] : kAggregations)
        if (c == code) return a;
    return std::nullopt;
}

// --- nodes ---------------------------------------------------------------------------

std::int64_t PlanCatalogue::insertNodeRow(const PlanNode& node)
{
    validateNode(node);
    auto s = connection_.cached("INSERT INTO plan_nodes (code, parent_id, level, ordinal, name, search_key, "
                                "description, responsible_agency, plan_reference) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                "RETURNING id");
    s->bindText(1, node.code);
    s->bindOptionalInt(2, node.parentId);
    s->bindText(3, toString(node.level));
    s->bindInt(4, node.ordinal);
    s->bindText(5, node.name);
    s->bindText(6, searchKey(node.name));
    s->bindOptionalText(7, node.description);
    s->bindOptionalText(8, node.responsibleAgency);
    s->bindOptionalText(9, node.planReference);
    s->step();
    const std::int64_t id = s->columnInt(0);
    s->run();
    return id;
}

void PlanCatalogue::updateNodeRow(const PlanNode& node)
{
    validateNode(node);
    auto s = connection_.cached("UPDATE plan_nodes SET code = ?, parent_id = ?, level = ?, ordinal = ?, name = ?, "
                                "search_key = ?, description = ?, responsible_agency = ?, plan_reference = ? "
                                "WHERE id = ? RETURNING id");
    s->bindText(1, node.code);
    s->bindOptionalInt(2, node.parentId);
    s->bindText(3, toString(node.level));
    s->bindInt(4, node.ordinal);
    s->bindText(5, node.name);
    s->bindText(6, searchKey(node.name));
    s->bindOptionalText(7, node.description);
    s->bindOptionalText(8, node.responsibleAgency);
    s->bindOptionalText(9, node.planReference);
    s->bindInt(10, node.id);
    if (!s->step()) throw NotFoundError("no plan node with id " + std::to_string(node.id));
    s->run();
}

std::int64_t PlanCatalogue::insertNode(const PlanNode& node)
{
    try {
        if (node.level == PlanLevel::Indicator)
            throw InvalidDataError("an indicator node needs its details: use insertIndicator()");
        Transaction transaction(connection_);
        const auto id = insertNodeRow(node);
        transaction.commit();
        return id;
    } catch (...) {
        rethrowWithContext("inserting plan node '" + node.code + "'");
    }
}

std::int64_t PlanCatalogue::insertIndicator(const Indicator& indicator)
{
    try {
        if (indicator.node.level != PlanLevel::Indicator)
            throw InvalidDataError("the node of an indicator must be of level indicator");
        validateSpec(indicator.spec);
        Transaction transaction(connection_);
        const auto id = insertNodeRow(indicator.node);
        auto s = connection_.cached("INSERT INTO indicators (node_id, unit_of_measure, year, target_value, "
                                    "target_numerator, target_denominator, aggregation) VALUES (?, ?, ?, ?, ?, ?, ?)");
        s->bindInt(1, id);
        bindSpec(*s, indicator.spec, 2);
        s->run();
        transaction.commit();
        return id;
    } catch (...) {
        rethrowWithContext("inserting indicator '" + indicator.node.code + "'");
    }
}

void PlanCatalogue::updateNode(const PlanNode& node)
{
    try {
        Transaction transaction(connection_);
        updateNodeRow(node);
        transaction.commit();
    } catch (...) {
        rethrowWithContext("updating plan node '" + node.code + "'");
    }
}

void PlanCatalogue::updateIndicator(const Indicator& indicator)
{
    try {
        validateSpec(indicator.spec);
        Transaction transaction(connection_);
        updateNodeRow(indicator.node);
        auto s = connection_.cached("UPDATE indicators SET unit_of_measure = ?, year = ?, target_value = ?, "
                                    "target_numerator = ?, target_denominator = ?, aggregation = ? WHERE node_id = ? "
                                    "RETURNING node_id");
        bindSpec(*s, indicator.spec, 1);
        s->bindInt(7, indicator.node.id);
        if (!s->step()) throw NotFoundError("plan node " + std::to_string(indicator.node.id) + " is not an indicator");
        s->run();
        transaction.commit();
    } catch (...) {
        rethrowWithContext("updating indicator '" + indicator.node.code + "'");
    }
}

std::optional<PlanNode> PlanCatalogue::node(std::int64_t nodeId)
{
    auto s = connection_.cached(std::string("SELECT ") + kNodeColumns + kNodeFrom + " WHERE n.id = ?");
    s->bindInt(1, nodeId);
    if (!s->step()) return std::nullopt;
    return readNode(*s);
}

std::optional<PlanNode> PlanCatalogue::nodeByCode(std::string_view code)
{
    auto s = connection_.cached(std::string("SELECT ") + kNodeColumns + kNodeFrom + " WHERE n.code = ?");
    s->bindText(1, code);
    if (!s->step()) return std::nullopt;
    return readNode(*s);
}

std::optional<Indicator> PlanCatalogue::indicator(std::int64_t nodeId)
{
    auto s = connection_.cached(std::string("SELECT ") + kNodeColumns + kNodeFrom + " WHERE n.id = ?");
    s->bindInt(1, nodeId);
    if (!s->step()) return std::nullopt;
    auto spec = readSpec(*s);
    if (!spec) return std::nullopt;
    return Indicator{readNode(*s), *spec};
}

std::optional<Indicator> PlanCatalogue::indicatorByCode(std::string_view code)
{
    auto s = connection_.cached(std::string("SELECT ") + kNodeColumns + kNodeFrom + " WHERE n.code = ?");
    s->bindText(1, code);
    if (!s->step()) return std::nullopt;
    auto spec = readSpec(*s);
    if (!spec) return std::nullopt;
    return Indicator{readNode(*s), *spec};
}

std::vector<PlanNode> PlanCatalogue::children(const std::optional<std::int64_t>& parentId)
{
    auto s = connection_.cached(std::string("SELECT ") + kNodeColumns + kNodeFrom
                                + (parentId ? " WHERE n.parent_id = ?" : " WHERE n.parent_id IS NULL")
                                + " ORDER BY n.ordinal, n.code");
    if (parentId) s->bindInt(1, *parentId);
    std::vector<PlanNode> result;
    while (s->step()) result.push_back(readNode(*s));
    return result;
}

std::vector<PlanTreeNode> PlanCatalogue::tree(const std::optional<std::int64_t>& rootId)
{
    // One query, assembled in memory: plans have hundreds of nodes, not millions.
    auto s = connection_.cached(std::string("SELECT ") + kNodeColumns + kNodeFrom + " ORDER BY n.ordinal, n.code");
    std::vector<PlanTreeNode> all;
    while (s->step()) all.push_back({readNode(*s), readSpec(*s), {}});

    std::map<std::int64_t, std::vector<std::size_t>> childrenOf; // parent id → indexes, in order
    std::vector<std::size_t> roots;
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (all[i].node.parentId)
            childrenOf[*all[i].node.parentId].push_back(i);
        else
            roots.push_back(i);
    }
    std::function<PlanTreeNode(std::size_t, int)> build = [&](std::size_t index, int depth) {
        if (depth > 64) throw StoreError("plan tree deeper than 64 levels (a cycle?) at node " + all[index].node.code);
        PlanTreeNode node{all[index].node, all[index].indicator, {}};
        if (auto it = childrenOf.find(node.node.id); it != childrenOf.end())
            for (std::size_t child : it->second) node.children.push_back(build(child, depth + 1));
        return node;
    };
    std::vector<PlanTreeNode> result;
    if (rootId) {
        for (std::size_t i = 0; i < all.size(); ++i)
            if (all[i].node.id == *rootId) result.push_back(build(i, 0));
        return result;
    }
    for (std::size_t root : roots) result.push_back(build(root, 0));
    return result;
}

std::vector<Indicator> PlanCatalogue::indicatorsUnder(const std::optional<std::int64_t>& nodeId)
{
    std::vector<Indicator> result;
    std::function<void(const PlanTreeNode&)> collect = [&](const PlanTreeNode& n) {
        if (n.indicator) result.push_back({n.node, *n.indicator});
        for (const auto& child : n.children) collect(child);
    };
    for (const auto& root : tree(nodeId)) collect(root);
    return result;
}

std::vector<PlanNode> PlanCatalogue::search(std::string_view text, std::size_t limit)
{
    const std::string key = searchKey(text);
    if (key.empty() || limit == 0) return {};
    const std::string escaped = detail::likeEscaped(key);
    auto s = connection_.cached(std::string("SELECT ") + kNodeColumns + kNodeFrom
                                + " WHERE n.search_key LIKE ? ESCAPE '\\' ORDER BY CASE WHEN n.search_key = ? THEN 0 "
                                  "WHEN n.search_key LIKE ? ESCAPE '\\' THEN 1 ELSE 2 END, length(n.search_key), "
                                  "n.code LIMIT ?");
    s->bindText(1, "%" + escaped + "%");
    s->bindText(2, key);
    s->bindText(3, escaped + "%");
    s->bindInt(4, static_cast<std::int64_t>(limit));
    std::vector<PlanNode> result;
    while (s->step()) result.push_back(readNode(*s));
    return result;
}

// --- allocations ---------------------------------------------------------------------------

namespace {
std::int64_t insertAllocationRow(Connection& connection, const Allocation& a)
{
    if (a.targetNumerator.has_value() != a.targetDenominator.has_value())
        throw InvalidDataError("a ratio target needs both numerator and denominator");
    if (a.targetDenominator && *a.targetDenominator <= 0)
        throw InvalidDataError("the target denominator must be positive");
    auto s = connection.cached("INSERT INTO indicator_allocations (indicator_id, unit_id, target_value, "
                               "target_numerator, target_denominator, note, source, illustrative) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
    s->bindInt(1, a.indicatorId);
    s->bindInt(2, a.unitId);
    s->bindOptionalDouble(3, a.targetValue);
    s->bindOptionalDouble(4, a.targetNumerator);
    s->bindOptionalDouble(5, a.targetDenominator);
    s->bindOptionalText(6, a.note);
    s->bindOptionalText(7, a.source);
    s->bindBool(8, a.illustrative);
    s->step();
    const std::int64_t id = s->columnInt(0);
    s->run();
    return id;
}

std::string describeAllocation(const Allocation& a)
{
    return "allocation of indicator " + std::to_string(a.indicatorId) + " to unit " + std::to_string(a.unitId);
}
} // namespace

std::int64_t PlanCatalogue::insertAllocation(const Allocation& allocation)
{
    try {
        Transaction transaction(connection_);
        const auto id = insertAllocationRow(connection_, allocation);
        transaction.commit();
        return id;
    } catch (...) {
        rethrowWithContext("inserting " + describeAllocation(allocation));
    }
}

std::vector<std::int64_t> PlanCatalogue::insertAllocations(std::span<const Allocation> allocations)
{
    std::vector<std::int64_t> ids;
    ids.reserve(allocations.size());
    Transaction transaction(connection_);
    for (std::size_t i = 0; i < allocations.size(); ++i) {
        try {
            ids.push_back(insertAllocationRow(connection_, allocations[i]));
        } catch (...) {
            rethrowWithContext("inserting allocations, row " + std::to_string(i + 1) + ", "
                               + describeAllocation(allocations[i]));
        }
    }
    transaction.commit();
    return ids;
}

std::vector<Allocation> PlanCatalogue::allocations(std::int64_t indicatorId)
{
    auto s = connection_.cached(std::string("SELECT ") + kAllocationColumns
                                + " FROM indicator_allocations WHERE indicator_id = ? ORDER BY unit_id");
    s->bindInt(1, indicatorId);
    std::vector<Allocation> result;
    while (s->step()) result.push_back(readAllocation(*s));
    return result;
}

std::vector<Allocation> PlanCatalogue::allocationsForUnit(std::int64_t unitId)
{
    auto s = connection_.cached(std::string("SELECT ") + kAllocationColumns
                                + " FROM indicator_allocations WHERE unit_id = ? ORDER BY indicator_id");
    s->bindInt(1, unitId);
    std::vector<Allocation> result;
    while (s->step()) result.push_back(readAllocation(*s));
    return result;
}

// --- feature links -----------------------------------------------------------------------------

void PlanCatalogue::linkFeature(std::int64_t featureId, std::int64_t indicatorId, const std::optional<std::string>& note)
{
    try {
        Transaction transaction(connection_);
        auto s = connection_.cached(
            "INSERT INTO feature_indicator_links (feature_id, indicator_id, note) VALUES (?, ?, ?)");
        s->bindInt(1, featureId);
        s->bindInt(2, indicatorId);
        s->bindOptionalText(3, note);
        s->run();
        transaction.commit();
    } catch (...) {
        rethrowWithContext("linking feature " + std::to_string(featureId) + " to indicator "
                           + std::to_string(indicatorId));
    }
}

void PlanCatalogue::unlinkFeature(std::int64_t featureId, std::int64_t indicatorId)
{
    Transaction transaction(connection_);
    auto s = connection_.cached("DELETE FROM feature_indicator_links WHERE feature_id = ? AND indicator_id = ?");
    s->bindInt(1, featureId);
    s->bindInt(2, indicatorId);
    s->run();
    transaction.commit();
}

namespace {
std::vector<FeatureLink> readLinks(Statement& s)
{
    std::vector<FeatureLink> links;
    while (s.step()) links.push_back({s.columnInt(0), s.columnText(1), s.columnInt(2), s.optionalText(3)});
    return links;
}
} // namespace

std::vector<FeatureLink> PlanCatalogue::featuresOf(std::int64_t indicatorId)
{
    auto s = connection_.cached("SELECT l.feature_id, f.layer_name, l.indicator_id, l.note FROM feature_indicator_links l "
                                "JOIN features f ON f.id = l.feature_id WHERE l.indicator_id = ? ORDER BY l.feature_id");
    s->bindInt(1, indicatorId);
    return readLinks(*s);
}

std::vector<FeatureLink> PlanCatalogue::indicatorsOfFeature(std::int64_t featureId)
{
    auto s = connection_.cached("SELECT l.feature_id, f.layer_name, l.indicator_id, l.note FROM feature_indicator_links l "
                                "JOIN features f ON f.id = l.feature_id WHERE l.feature_id = ? ORDER BY l.indicator_id");
    s->bindInt(1, featureId);
    return readLinks(*s);
}

} // namespace planmap::layers
