#pragma once

#include "planmap/layers/units/AdminUnits.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

/// \file
/// What an indicator is about on the map: the features linked to it
/// (feature_indicator_links, e.g. the markets of "Dự án 4, Tiểu dự án 1, Nội
/// dung số 02") and the administrative units it applies to (rows of
/// indicator_allocations; a row without target values only says that the
/// indicator applies to the unit). The link editor of the map window writes
/// through this class; the plan's own allocations (with targets) are shown
/// but never removed here.

namespace planmap::layers {

class ProjectStore;

enum class LinkKind { Feature, Unit };

struct IndicatorLink {
    LinkKind kind = LinkKind::Feature;
    std::int64_t id = 0;                 ///< feature id or admin unit id
    std::string layer;                   ///< feature: its layer; unit: "" 
    std::string name;                    ///< feature name (or "#id"), unit full name
    std::optional<UnitLevel> unitLevel;  ///< units only
    std::string unitGeneration;          ///< units only: "pre2025" / "2025"
    std::optional<std::string> unitCode; ///< units only
    /// Units only: the allocation carries a target of the plan, so the link
    /// cannot be removed by the link editor.
    bool hasTarget = false;
    bool illustrative = false;
    std::optional<std::string> note;
};

class IndicatorLinks {
public:
    explicit IndicatorLinks(ProjectStore& store) : store_(store) {}

    /// Features first (by layer, name), then units (by level, code).
    /// Throws NotFoundError for an id that is not an indicator.
    std::vector<IndicatorLink> links(std::int64_t indicatorId);

    /// Links a feature; false when it was linked already. Throws
    /// NotFoundError for an unknown indicator or feature.
    bool linkFeature(std::int64_t indicatorId, std::int64_t featureId,
                     const std::optional<std::string>& note = std::nullopt);
    /// False when it was not linked.
    bool unlinkFeature(std::int64_t indicatorId, std::int64_t featureId);

    /// Says the indicator applies to a unit (an allocation without target);
    /// false when the unit has an allocation already. Throws NotFoundError
    /// for an unknown indicator or unit.
    bool linkUnit(std::int64_t indicatorId, std::int64_t unitId,
                  const std::optional<std::string>& note = std::nullopt);
    /// Removes a unit link made without target; false when there is none.
    /// Throws InvalidDataError when the allocation carries a target of the plan.
    bool unlinkUnit(std::int64_t indicatorId, std::int64_t unitId);

    /// Indicators linked to a feature, or allocated to a unit (ids, in plan order).
    std::vector<std::int64_t> indicatorsOfFeature(std::int64_t featureId);
    std::vector<std::int64_t> indicatorsOfUnit(std::int64_t unitId);

private:
    void requireIndicator(std::int64_t indicatorId);
    ProjectStore& store_;
};

} // namespace planmap::layers
