#pragma once

#include "planmap/layers/plan/PlanCatalogue.h"
#include "planmap/layers/store/Dates.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

/// \file
/// The roll-up engine: the achieved value of an indicator at every unit
/// (village, commune of 2023 or 2025, district, province) from the progress
/// entries in force.
///
/// Rules (they are what the UI must explain, so they are spelled out here):
///
/// * Entries are cumulative ("lũy kế"): an entry is the state of the
///   indicator at its unit or feature as of its date, not an increment. The
///   value of a unit or feature is its newest entry in force (neither
///   superseded nor withdrawn), newest by as-of date, then entry time, then id.
///   RollupOptions::asOf ignores entries dated later.
/// * A unit's own entry wins over its parts: a district that reports its
///   total has that total, whatever its communes report (the parts' figure is
///   kept in UnitRollup::partsValue and a note says when it differs). A unit
///   without an own entry gets the aggregate of its parts.
/// * Parts: in the 2023 tree (generation "pre2025") village → commune →
///   district → province; features count in the 2023 commune they are linked
///   to (features' commune_old_id). In the 2025 tree: village → commune 2025 →
///   province; a 2023 commune is a part of the 2025 communes that absorbed it
///   (the crosswalk). A feature counts directly in its 2025 commune
///   (commune_id) unless its 2023 commune has an own entry (that entry covers
///   it), else through its 2023 commune.
/// * Crosswalk: a "whole" link carries the old commune's value entirely into
///   the new one. "Partial" links (a split commune, e.g. 06622 Bính Xá and
///   06625 Kiên Mộc of Đình Lập) carry value × share for additive rules when
///   the crosswalk states the share; the rest — all of it when no share is
///   known, as in the official 2025 table — is an "unallocated split": it is
///   listed (with an explanation) on every new commune that may hold part of
///   it, counted in none of them, and counted once at the province.
/// * Aggregation rules: sum adds values; ratio adds numerators and
///   denominators separately (value = 100·Σnum/Σden); percent is a rate that
///   cannot be summed: it rolls up only as the weighted mean Σnum/Σden when
///   every part carries a numerator and denominator (the weights), otherwise
///   it is reported only where entered; percent_point and none are reported
///   only where entered; max takes the largest part. A 2025 commune formed
///   from exactly one whole 2023 commune (same territory) takes its value
///   under every rule.
/// * The province value is the province's own entry, else the total of one
///   tree: RollupOptions::provinceBasis, by default (Auto) the 2025 tree when
///   an entry exists at a unit of the 2025 generation, else the 2023 tree.
///   Entries the chosen tree cannot carry (a 2023 district's own total in the
///   2025 tree; a 2025 commune in the 2023 tree) are named in a note.
/// * Targets: the unit's allocation (indicator_allocations); at the province
///   the allocation or else the indicator's target. For rates and norms
///   (ratio, percent, percent_point, max, none) a unit without an allocation
///   is compared with the indicator's target (TargetSource::IndicatorNorm);
///   a sum has no target below the province unless allocated.
///   percentOfTarget = 100·value/target (for a ratio, value is the rate in %).

namespace planmap::layers {
class Connection;
}

namespace planmap::layers::progress {

/// Which tree of units gives the province its total.
enum class ProvinceBasis {
    Auto,    ///< the 2025 tree when an entry exists at a 2025 unit, else the 2023 tree
    Pre2025, ///< province → districts → communes 2023 → villages / features
    Gen2025  ///< province → communes 2025 (→ communes 2023 via the crosswalk) → villages / features
};

struct RollupOptions {
    std::optional<Date> asOf;        ///< only entries as of this date or earlier; unset = all
    bool includeIllustrative = true; ///< false: ignore entries flagged illustrative
    ProvinceBasis provinceBasis = ProvinceBasis::Auto;
};

/// How a unit got its value.
enum class ValueOrigin {
    None,     ///< no value
    Entered,  ///< an entry at the unit itself (it wins over its parts)
    RolledUp, ///< aggregated from its parts
};

enum class TargetSource {
    None,
    Allocation,    ///< the unit's allocated target
    Indicator,     ///< the province: the indicator's own target
    IndicatorNorm, ///< a rate or norm without allocation: the indicator's target applies
};

enum class NoteKind {
    UnallocatedSplit, ///< part of a split 2023 commune may belong here; not counted
    NotSummable,      ///< a rate without weights: not aggregated
    Weighted,         ///< a rate aggregated as a weighted mean Σnum/Σden
    PartsDiffer,      ///< the unit's own entry differs from what its parts add up to
    NotCarried,       ///< entries the chosen tree cannot carry (province)
    Unplaced,         ///< entries without a place in a tree, counted at the province only
    Basis,            ///< which tree the province total comes from
};

/// A remark the UI shows next to a value, in Vietnamese and English.
struct RollupNote {
    NoteKind kind = NoteKind::Basis;
    std::string vi;
    std::string en;
};

/// The part of a split 2023 commune that could not be attributed to a 2025 commune.
struct SplitShare {
    std::int64_t oldUnitId = 0;
    std::vector<std::int64_t> candidateUnitIds; ///< 2025 communes that received part of it
    double fraction = 1.0;                      ///< fraction of the old commune's value left unallocated
    std::optional<double> value;                ///< that part (ratio: 100·num/den)
    std::optional<double> numerator;
    std::optional<double> denominator;
    RollupNote note;
};

/// An indicator's figures at one unit.
struct UnitRollup {
    std::int64_t unitId = 0;
    ValueOrigin origin = ValueOrigin::None;
    std::optional<double> value;        ///< comparable with the target; ratio: 100·num/den
    std::optional<double> numerator;    ///< ratio, and weighted percent
    std::optional<double> denominator;
    std::optional<Date> asOf;           ///< Entered: the entry's date; RolledUp: newest part
    std::optional<Date> oldestAsOf;     ///< RolledUp: oldest part
    std::optional<std::int64_t> entryId;///< Entered: the entry
    int entries = 0;                    ///< progress entries behind the value
    bool illustrative = false;          ///< some entry behind the value is illustrative (invented)
    std::optional<double> partsValue;   ///< Entered: what the parts give, when they give something
    std::optional<double> target;       ///< comparable with value
    std::optional<double> targetNumerator;
    std::optional<double> targetDenominator;
    TargetSource targetSource = TargetSource::None;
    std::optional<double> percentOfTarget; ///< 100·value/target
    std::vector<SplitShare> unallocated;   ///< 2025 communes: splits that may belong here in part
    std::vector<RollupNote> notes;
};

/// Figures of one indicator at every unit that has a value, a target or a note.
struct IndicatorRollup {
    std::int64_t indicatorId = 0;
    std::string code;
    std::string name;
    std::optional<std::string> unitOfMeasure;
    std::optional<int> year;
    Aggregation aggregation = Aggregation::Sum;
    std::optional<std::int64_t> provinceUnitId;
    std::string provinceGeneration;     ///< the tree of the province total: "pre2025" or "2025"
    std::vector<UnitRollup> units;      ///< ordered by unit id
    std::vector<SplitShare> unallocated;///< every unallocated split (counted once at the province)

    /// The figures at a unit; nullptr when it has neither value nor target.
    const UnitRollup* at(std::int64_t unitId) const;
    /// The figures at the province; nullptr when there are none.
    const UnitRollup* province() const;
};

/// The newest entry in force for one indicator and unit or feature.
struct CurrentValue {
    std::int64_t entryId = 0;
    std::int64_t indicatorId = 0;
    std::optional<std::int64_t> unitId;
    std::optional<std::int64_t> featureId;
    std::optional<double> value;
    std::optional<double> numerator;
    std::optional<double> denominator;
    Date asOf{};
    bool illustrative = false;
};

/// Computes roll-ups. Reads the structure (units, crosswalk, feature links,
/// indicators, allocations) once; call reloadStructure() after it changes.
/// Progress entries are read on every rollup() call. Not thread-safe.
class RollupEngine {
public:
    explicit RollupEngine(Connection& connection);
    ~RollupEngine();
    RollupEngine(RollupEngine&&) noexcept;
    RollupEngine& operator=(RollupEngine&&) noexcept;

    void reloadStructure();

    /// One indicator. Throws NotFoundError for an unknown indicator id.
    IndicatorRollup rollup(std::int64_t indicatorId, const RollupOptions& options = {});
    /// Every indicator, in plan-tree order.
    std::vector<IndicatorRollup> rollupAll(const RollupOptions& options = {});

    /// The newest entry in force per indicator and unit or feature (one
    /// indicator, or all), as the engine reads them.
    std::vector<CurrentValue> currentValues(const RollupOptions& options,
                                            const std::optional<std::int64_t>& indicatorId = std::nullopt);
    /// Computes the roll-ups of every indicator from given current values,
    /// without reading the database (benchmarks, what-if previews). Values of
    /// unknown indicators, units or features are ignored.
    std::vector<IndicatorRollup> compute(std::span<const CurrentValue> values, const RollupOptions& options) const;
    /// Like compute() for one indicator (values of other indicators are ignored).
    IndicatorRollup computeOne(std::int64_t indicatorId, std::span<const CurrentValue> values,
                               const RollupOptions& options) const;

    /// Ids of the indicators in plan-tree order.
    std::vector<std::int64_t> indicatorIds() const;

    struct Model;

private:
    Connection* connection_;
    std::unique_ptr<Model> model_;
};

/// An indicator's figures at the province, for listings (`planmap-cli plan`).
struct ProvinceFigure {
    std::optional<double> achieved;        ///< UnitRollup::value at the province
    std::optional<double> percentOfTarget;
    std::optional<Date> asOf;
    bool illustrative = false;
};

/// The province figures of every indicator that has one, by indicator id.
std::unordered_map<std::int64_t, ProvinceFigure> provinceFigures(Connection& connection,
                                                                 const RollupOptions& options = {});

} // namespace planmap::layers::progress
