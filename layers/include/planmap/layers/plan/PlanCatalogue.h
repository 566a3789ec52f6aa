#pragma once

#include "planmap/layers/store/Value.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

/// \file
/// The plan catalogue: a tree of nodes program > project > subproject >
/// content > indicator (levels may be skipped, but a node always sits under a
/// node of a higher level), indicator details and targets, targets allocated
/// to administrative units, and links between features and indicators.

namespace planmap::layers {

class Connection;

enum class PlanLevel { Program, Project, Subproject, Content, Indicator };
std::string_view toString(PlanLevel level); ///< "program", "project", "subproject", "content", "indicator"
std::optional<PlanLevel> parsePlanLevel(std::string_view code);

/// How values of units roll up into a total.
enum class Aggregation {
    Sum,          ///< values add up (km, houses, people)
    Ratio,        ///< numerators and denominators add up separately ("174/181 communes")
    Percent,      ///< a percentage; weighted by numerator/denominator when given, else not summable
    PercentPoint, ///< a change in percentage points; not summable
    Max,          ///< the largest value
    None          ///< not aggregated
};
std::string_view toString(Aggregation aggregation); ///< "sum", "ratio", "percent", "percent_point", "max", "none"
std::optional<Aggregation> parseAggregation(std::string_view code);

struct PlanNode {
    std::int64_t id = 0;              ///< set by the store
    std::string code;                 ///< unique, chosen by whoever loads the plan
    std::optional<std::int64_t> parentId;
    PlanLevel level = PlanLevel::Program;
    int ordinal = 0;                  ///< order among siblings
    std::string name;
    std::optional<std::string> description;
    std::optional<std::string> responsibleAgency;
    std::optional<std::string> planReference; ///< where the plan says it, e.g. "Mục II.1.a"
};

struct IndicatorSpec {
    std::optional<std::string> unitOfMeasure;
    std::optional<int> year;
    std::optional<double> targetValue;
    std::optional<double> targetNumerator;   ///< with targetDenominator, for ratio targets ("174/181")
    std::optional<double> targetDenominator;
    Aggregation aggregation = Aggregation::Sum;
};

/// A plan node of level Indicator with its details.
struct Indicator {
    PlanNode node;                    ///< node.level must be PlanLevel::Indicator
    IndicatorSpec spec;
};

/// A target of an indicator for one unit. Without target values it just
/// says the indicator applies to the unit.
struct Allocation {
    std::int64_t id = 0;
    std::int64_t indicatorId = 0;
    std::int64_t unitId = 0;
    std::optional<double> targetValue;
    std::optional<double> targetNumerator;
    std::optional<double> targetDenominator;
    std::optional<std::string> note;
    std::optional<std::string> source;
    bool illustrative = false;
};

struct PlanTreeNode {
    PlanNode node;
    std::optional<IndicatorSpec> indicator; ///< set for indicator nodes
    std::vector<PlanTreeNode> children;     ///< ordered by ordinal, then code
};

struct FeatureLink {
    std::int64_t featureId = 0;
    std::string layer;
    std::int64_t indicatorId = 0;
    std::optional<std::string> note;
};

/// Repository of the plan. Every write runs in a transaction (a savepoint
/// inside the caller's one); a failing batch writes nothing.
class PlanCatalogue {
public:
    explicit PlanCatalogue(Connection& connection) : connection_(connection) {}

    /// Inserts a node that is not an indicator (use insertIndicator for those).
    std::int64_t insertNode(const PlanNode& node);
    std::int64_t insertIndicator(const Indicator& indicator);
    void updateNode(const PlanNode& node);
    void updateIndicator(const Indicator& indicator);

    std::optional<PlanNode> node(std::int64_t nodeId);
    std::optional<PlanNode> nodeByCode(std::string_view code);
    std::optional<Indicator> indicator(std::int64_t nodeId);
    std::optional<Indicator> indicatorByCode(std::string_view code);
    /// Children of a node (roots for nullopt), ordered by ordinal then code.
    std::vector<PlanNode> children(const std::optional<std::int64_t>& parentId);
    /// The whole catalogue as a forest, or the subtree of one node.
    std::vector<PlanTreeNode> tree(const std::optional<std::int64_t>& rootId = std::nullopt);
    /// Every indicator at or below a node (all indicators for nullopt), in tree order.
    std::vector<Indicator> indicatorsUnder(const std::optional<std::int64_t>& nodeId = std::nullopt);
    /// Nodes whose name's search key contains searchKey(text).
    std::vector<PlanNode> search(std::string_view text, std::size_t limit = 50);

    std::int64_t insertAllocation(const Allocation& allocation);
    std::vector<std::int64_t> insertAllocations(std::span<const Allocation> allocations);
    std::vector<Allocation> allocations(std::int64_t indicatorId);
    std::vector<Allocation> allocationsForUnit(std::int64_t unitId);

    void linkFeature(std::int64_t featureId, std::int64_t indicatorId,
                     const std::optional<std::string>& note = std::nullopt);
    void unlinkFeature(std::int64_t featureId, std::int64_t indicatorId);
    std::vector<FeatureLink> featuresOf(std::int64_t indicatorId);
    std::vector<FeatureLink> indicatorsOfFeature(std::int64_t featureId);

private:
    std::int64_t insertNodeRow(const PlanNode& node);
    void updateNodeRow(const PlanNode& node);
    Connection& connection_;
};

} // namespace planmap::layers
