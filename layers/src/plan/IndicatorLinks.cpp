#include "planmap/layers/plan/IndicatorLinks.h"

#include "planmap/layers/features/FeatureLayers.h"
#include "planmap/layers/plan/PlanCatalogue.h"
#include "planmap/layers/store/Connection.h"
#include "planmap/layers/store/Errors.h"
#include "planmap/layers/store/ProjectStore.h"

#include <algorithm>
#include <tuple>

namespace planmap::layers {

void IndicatorLinks::requireIndicator(std::int64_t indicatorId)
{
    if (!store_.plan().indicator(indicatorId))
        throw NotFoundError("plan node " + std::to_string(indicatorId) + " is not an indicator");
}

std::vector<IndicatorLink> IndicatorLinks::links(std::int64_t indicatorId)
{
    requireIndicator(indicatorId);
    std::vector<IndicatorLink> features;
    for (const FeatureLink& f : store_.plan().featuresOf(indicatorId)) {
        IndicatorLink link;
        link.kind = LinkKind::Feature;
        link.id = f.featureId;
        link.layer = f.layer;
        link.note = f.note;
        if (const auto feature = store_.features().get(f.featureId)) {
            link.name = feature->name.value_or("#" + std::to_string(f.featureId));
            link.illustrative = feature->illustrative;
        } else {
            link.name = "#" + std::to_string(f.featureId);
        }
        features.push_back(std::move(link));
    }
    std::sort(features.begin(), features.end(), [](const IndicatorLink& a, const IndicatorLink& b) {
        return std::tie(a.layer, a.name, a.id) < std::tie(b.layer, b.name, b.id);
    });

    std::vector<IndicatorLink> units;
    for (const Allocation& a : store_.plan().allocations(indicatorId)) {
        IndicatorLink link;
        link.kind = LinkKind::Unit;
        link.id = a.unitId;
        link.hasTarget = a.targetValue || a.targetNumerator || a.targetDenominator;
        link.illustrative = a.illustrative;
        link.note = a.note;
        if (const auto unit = store_.units().get(a.unitId, false)) {
            link.name = unit->fullName.value_or(unit->name);
            link.unitLevel = unit->level;
            link.unitGeneration = unit->generation;
            link.unitCode = unit->code;
        } else {
            link.name = "#" + std::to_string(a.unitId);
        }
        units.push_back(std::move(link));
    }
    std::sort(units.begin(), units.end(), [](const IndicatorLink& a, const IndicatorLink& b) {
        const int la = a.unitLevel ? int(*a.unitLevel) : 99, lb = b.unitLevel ? int(*b.unitLevel) : 99;
        return std::tie(la, a.unitCode, a.id) < std::tie(lb, b.unitCode, b.id);
    });
    features.insert(features.end(), std::make_move_iterator(units.begin()), std::make_move_iterator(units.end()));
    return features;
}

bool IndicatorLinks::linkFeature(std::int64_t indicatorId, std::int64_t featureId, const std::optional<std::string>& note)
{
    requireIndicator(indicatorId);
    if (!store_.features().get(featureId))
        throw NotFoundError("feature " + std::to_string(featureId) + " does not exist");
    for (const FeatureLink& f : store_.plan().featuresOf(indicatorId))
        if (f.featureId == featureId) return false;
    store_.plan().linkFeature(featureId, indicatorId, note);
    return true;
}

bool IndicatorLinks::unlinkFeature(std::int64_t indicatorId, std::int64_t featureId)
{
    bool linked = false;
    for (const FeatureLink& f : store_.plan().featuresOf(indicatorId)) linked = linked || f.featureId == featureId;
    if (!linked) return false;
    store_.plan().unlinkFeature(featureId, indicatorId);
    return true;
}

bool IndicatorLinks::linkUnit(std::int64_t indicatorId, std::int64_t unitId, const std::optional<std::string>& note)
{
    requireIndicator(indicatorId);
    if (!store_.units().get(unitId, false))
        throw NotFoundError("administrative unit " + std::to_string(unitId) + " does not exist");
    for (const Allocation& a : store_.plan().allocations(indicatorId))
        if (a.unitId == unitId) return false;
    Allocation allocation;
    allocation.indicatorId = indicatorId;
    allocation.unitId = unitId;
    allocation.note = note;
    store_.plan().insertAllocation(allocation);
    return true;
}

bool IndicatorLinks::unlinkUnit(std::int64_t indicatorId, std::int64_t unitId)
{
    std::optional<Allocation> found;
    for (const Allocation& a : store_.plan().allocations(indicatorId))
        if (a.unitId == unitId) found = a;
    if (!found) return false;
    if (found->targetValue || found->targetNumerator || found->targetDenominator)
        throw InvalidDataError("indicator " + std::to_string(indicatorId) + " has a target allocated to unit "
                               + std::to_string(unitId) + " by the plan; a link with a target is not removed");
    Connection& c = store_.connection();
    Transaction transaction(c);
    auto s = c.cached("DELETE FROM indicator_allocations WHERE indicator_id = ? AND unit_id = ? "
                      "AND target_value IS NULL AND target_numerator IS NULL AND target_denominator IS NULL");
    s->bindInt(1, indicatorId);
    s->bindInt(2, unitId);
    s->run();
    transaction.commit();
    return true;
}

std::vector<std::int64_t> IndicatorLinks::indicatorsOfFeature(std::int64_t featureId)
{
    std::vector<std::int64_t> ids;
    for (const FeatureLink& f : store_.plan().indicatorsOfFeature(featureId)) ids.push_back(f.indicatorId);
    return ids;
}

std::vector<std::int64_t> IndicatorLinks::indicatorsOfUnit(std::int64_t unitId)
{
    std::vector<std::int64_t> ids;
    for (const Allocation& a : store_.plan().allocationsForUnit(unitId)) ids.push_back(a.indicatorId);
    return ids;
}

} // namespace planmap::layers
