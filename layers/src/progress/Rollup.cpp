#include "planmap/layers/progress/Rollup.h"

#include "planmap/layers/store/Connection.h"
#include "planmap/layers/store/Errors.h"
#include "planmap/layers/units/AdminUnits.h"
#include "progress/TextSupport.h"
#include "store/SqlSupport.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

namespace planmap::layers::progress {

using detail::dateVi;
using detail::numberPlain;
using detail::numberVi;

namespace {

enum class Tree { Root, Old, New };

struct UnitInfo {
    std::int64_t id = 0;
    UnitLevel level = UnitLevel::Commune;
    Tree tree = Tree::Old;
    int parent = -1;
    std::string label; ///< full name, else name
};

struct Successor {
    int unit = -1;
    bool whole = true;
    std::optional<double> share;
};

struct FeatureInfo {
    int newUnit = -1;
    int oldUnit = -1;
};

struct IndicatorInfo {
    std::int64_t id = 0;
    std::string code;
    std::string name;
    std::optional<std::string> unitOfMeasure;
    std::optional<int> year;
    Aggregation aggregation = Aggregation::Sum;
    std::optional<double> targetValue, targetNumerator, targetDenominator;
};

struct TargetFigures {
    std::optional<double> value, numerator, denominator;
};

int depthOf(UnitLevel level)
{
    switch (level) {
    case UnitLevel::Province: return 0;
    case UnitLevel::District: return 1;
    case UnitLevel::Commune: return 2;
    case UnitLevel::Village: return 3;
    }
    return 4;
}

std::uint64_t allocationKey(int indicator, int unit)
{
    return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(indicator)) << 32)
        | static_cast<std::uint32_t>(unit);
}

} // namespace

struct RollupEngine::Model {
    std::vector<UnitInfo> units;
    std::unordered_map<std::int64_t, int> unitIndex;
    int province = -1;
    std::vector<int> oldOrder;  ///< old-generation units, deepest first
    std::vector<int> newOrder;  ///< new-generation units, deepest first
    std::vector<std::vector<Successor>> successors;
    std::vector<int> predecessorLinks;
    std::unordered_map<std::int64_t, FeatureInfo> features;
    std::vector<IndicatorInfo> indicators; ///< plan-tree order
    std::unordered_map<std::int64_t, int> indicatorIndex;
    std::unordered_map<std::uint64_t, TargetFigures> allocations;

    int unit(const std::optional<std::int64_t>& id) const
    {
        if (!id) return -1;
        const auto it = unitIndex.find(*id);
        return it == unitIndex.end() ? -1 : it->second;
    }

    void load(Connection& c);
    IndicatorRollup compute(int indicator, std::span<const CurrentValue* const> values,
                            const RollupOptions& options) const;
};

void RollupEngine::Model::load(Connection& c)
{
    *this = Model();
    {
        auto s = c.prepare("SELECT id, level, generation, parent_id, name, full_name FROM admin_units ORDER BY id");
        std::vector<std::optional<std::int64_t>> parents;
        while (s->step()) {
            UnitInfo u;
            u.id = s->columnInt(0);
            u.level = parseUnitLevel(s->columnText(1)).value_or(UnitLevel::Commune);
            const std::string generation = s->columnText(2);
            u.tree = u.level == UnitLevel::Province ? Tree::Root
                : generation == kGeneration2025     ? Tree::New
                                                    : Tree::Old;
            u.label = s->optionalText(5).value_or(s->columnText(4));
            parents.push_back(s->optionalInt(3));
            unitIndex.emplace(u.id, static_cast<int>(units.size()));
            units.push_back(std::move(u));
        }
        for (std::size_t i = 0; i < units.size(); ++i) units[i].parent = unit(parents[i]);
    }
    // The province: the first unit of level province (a project covers one province).
    for (std::size_t i = 0; i < units.size() && province < 0; ++i)
        if (units[i].tree == Tree::Root) province = static_cast<int>(i);
    for (std::size_t i = 0; i < units.size(); ++i) {
        if (units[i].tree == Tree::Old) oldOrder.push_back(static_cast<int>(i));
        if (units[i].tree == Tree::New) newOrder.push_back(static_cast<int>(i));
    }
    auto deepestFirst = [this](int a, int b) {
        const int da = depthOf(units[a].level), db = depthOf(units[b].level);
        return da != db ? da > db : a < b;
    };
    std::sort(oldOrder.begin(), oldOrder.end(), deepestFirst);
    std::sort(newOrder.begin(), newOrder.end(), deepestFirst);

    successors.assign(units.size(), {});
    predecessorLinks.assign(units.size(), 0);
    {
        auto s = c.prepare("SELECT old_unit_id, new_unit_id, kind, share FROM unit_crosswalk ORDER BY old_unit_id, new_unit_id");
        while (s->step()) {
            const int from = unit(s->columnInt(0)), to = unit(s->columnInt(1));
            if (from < 0 || to < 0) continue;
            successors[from].push_back({to, s->columnText(2) == "whole", s->optionalDouble(3)});
            ++predecessorLinks[to];
        }
    }
    {
        std::vector<std::string> tables;
        auto s = c.prepare("SELECT table_name FROM layers ORDER BY name");
        while (s->step()) tables.push_back(s->columnText(0));
        for (const std::string& table : tables) {
            if (!isSafeIdentifier(table) || !c.tableExists(table)) continue;
            auto f = c.prepare("SELECT id, commune_id, commune_old_id FROM " + quoteIdentifier(table));
            while (f->step()) features[f->columnInt(0)] = {unit(f->optionalInt(1)), unit(f->optionalInt(2))};
        }
    }
    {
        auto s = c.prepare(
            "WITH RECURSIVE walk(id, path) AS ("
            " SELECT id, printf('%08d.%s', ordinal, code) FROM plan_nodes WHERE parent_id IS NULL"
            " UNION ALL SELECT n.id, walk.path || '/' || printf('%08d.%s', n.ordinal, n.code)"
            " FROM plan_nodes n JOIN walk ON n.parent_id = walk.id) "
            "SELECT n.id, n.code, n.name, i.unit_of_measure, i.year, i.target_value, i.target_numerator, "
            "i.target_denominator, i.aggregation FROM indicators i JOIN plan_nodes n ON n.id = i.node_id "
            "JOIN walk ON walk.id = n.id ORDER BY walk.path");
        while (s->step()) {
            IndicatorInfo info;
            info.id = s->columnInt(0);
            info.code = s->columnText(1);
            info.name = s->columnText(2);
            info.unitOfMeasure = s->optionalText(3);
            if (auto year = s->optionalInt(4)) info.year = static_cast<int>(*year);
            info.targetValue = s->optionalDouble(5);
            info.targetNumerator = s->optionalDouble(6);
            info.targetDenominator = s->optionalDouble(7);
            info.aggregation = parseAggregation(s->columnText(8)).value_or(Aggregation::None);
            indicatorIndex.emplace(info.id, static_cast<int>(indicators.size()));
            indicators.push_back(std::move(info));
        }
    }
    {
        auto s = c.prepare("SELECT indicator_id, unit_id, target_value, target_numerator, target_denominator "
                           "FROM indicator_allocations");
        while (s->step()) {
            const auto ind = indicatorIndex.find(s->columnInt(0));
            const int u = unit(s->columnInt(1));
            if (ind == indicatorIndex.end() || u < 0) continue;
            allocations[allocationKey(ind->second, u)] = {s->optionalDouble(2), s->optionalDouble(3),
                                                          s->optionalDouble(4)};
        }
    }
}

namespace {

/// A value with where it comes from, on its way up a tree.
struct Figure {
    bool present = false;
    std::optional<double> value, numerator, denominator;
    Date newest{}, oldest{};
    int entries = 0;
    bool illustrative = false;
    ValueOrigin origin = ValueOrigin::None;
    std::optional<std::int64_t> entryId;
};

Figure figureOf(const CurrentValue& v, Aggregation aggregation)
{
    Figure f;
    f.present = true;
    f.value = v.value;
    f.numerator = v.numerator;
    f.denominator = v.denominator;
    if (aggregation == Aggregation::Ratio && v.numerator && v.denominator && *v.denominator > 0)
        f.value = 100.0 * *v.numerator / *v.denominator;
    f.newest = f.oldest = v.asOf;
    f.entries = 1;
    f.illustrative = v.illustrative;
    f.origin = ValueOrigin::Entered;
    f.entryId = v.entryId;
    return f;
}

bool weighted(const Figure& f) { return f.numerator && f.denominator && *f.denominator > 0; }

/// True when the rule allows splitting a value in proportion to a share.
bool additive(Aggregation aggregation, const Figure& f)
{
    return aggregation == Aggregation::Sum || aggregation == Aggregation::Ratio
        || (aggregation == Aggregation::Percent && weighted(f));
}

Figure scaled(const Figure& f, double share, Aggregation aggregation)
{
    Figure out = f;
    if (aggregation == Aggregation::Sum && out.value) *out.value *= share;
    if (out.numerator) *out.numerator *= share;
    if (out.denominator) *out.denominator *= share;
    return out;
}

/// The parts of a unit, accumulated.
struct Accumulator {
    int parts = 0;
    int unweighted = 0;
    int entries = 0;
    bool illustrative = false;
    double sum = 0, numerator = 0, denominator = 0;
    double max = -std::numeric_limits<double>::infinity();
    bool identical = false; ///< the single part covers the same territory
    Date newest{}, oldest{};

    void add(const Figure& f, bool sameTerritory = false)
    {
        if (!f.present || (!f.value && !f.numerator)) return;
        identical = parts == 0 && sameTerritory;
        ++parts;
        entries += f.entries;
        illustrative = illustrative || f.illustrative;
        if (f.value) {
            sum += *f.value;
            max = std::max(max, *f.value);
        }
        if (weighted(f)) {
            numerator += *f.numerator;
            denominator += *f.denominator;
        } else {
            ++unweighted;
        }
        if (parts == 1 || f.newest > newest) newest = f.newest;
        if (parts == 1 || f.oldest < oldest) oldest = f.oldest;
    }
};

RollupNote note(NoteKind kind, std::string vi, std::string en) { return {kind, std::move(vi), std::move(en)}; }

/// The value of a unit from its parts under the rule; `notes` gets why not, where it applies.
Figure finalize(const Accumulator& a, Aggregation aggregation, const Figure& single, std::vector<RollupNote>* notes)
{
    Figure f;
    if (a.parts == 0) return f;
    f.newest = a.newest;
    f.oldest = a.oldest;
    f.entries = a.entries;
    f.illustrative = a.illustrative;
    auto roll = [&]() {
        f.present = true;
        f.origin = ValueOrigin::RolledUp;
    };
    auto carrySingle = [&]() {
        roll();
        f.value = single.value;
        f.numerator = single.numerator;
        f.denominator = single.denominator;
    };
    switch (aggregation) {
    case Aggregation::Sum:
        roll();
        f.value = a.sum;
        break;
    case Aggregation::Ratio:
        if (a.denominator > 0) {
            roll();
            f.numerator = a.numerator;
            f.denominator = a.denominator;
            f.value = 100.0 * a.numerator / a.denominator;
        }
        break;
    case Aggregation::Percent:
        if (a.unweighted == 0 && a.denominator > 0) {
            roll();
            f.numerator = a.numerator;
            f.denominator = a.denominator;
            f.value = 100.0 * a.numerator / a.denominator;
            if (notes)
                notes->push_back(note(NoteKind::Weighted,
                                      "Tỷ lệ bình quân gia quyền của " + std::to_string(a.parts) + " đơn vị (Σ tử số / Σ mẫu số)",
                                      "weighted mean of " + std::to_string(a.parts) + " parts (sum of numerators / sum of denominators)"));
        } else if (a.parts == 1 && a.identical) {
            carrySingle();
        } else if (notes) {
            notes->push_back(note(
                NoteKind::NotSummable,
                "Tỷ lệ không cộng được: " + std::to_string(a.unweighted) + "/" + std::to_string(a.parts)
                    + " đơn vị báo cáo không có tử số/mẫu số; chỉ hiển thị nơi có số liệu nhập",
                "a rate cannot be added up: " + std::to_string(a.unweighted) + " of " + std::to_string(a.parts)
                    + " parts have no numerator/denominator to weight them; shown only where entered"));
        }
        break;
    case Aggregation::PercentPoint:
    case Aggregation::None:
        if (a.parts == 1 && a.identical) {
            carrySingle();
        } else if (notes) {
            notes->push_back(note(NoteKind::NotSummable,
                                  "Chỉ tiêu không tổng hợp từ cấp dưới; chỉ hiển thị nơi có số liệu nhập",
                                  "this indicator does not roll up; shown only where entered"));
        }
        break;
    case Aggregation::Max:
        if (std::isfinite(a.max)) {
            roll();
            f.value = a.max;
        }
        break;
    }
    return f;
}

std::string figureVi(const Figure& f)
{
    if (f.numerator && f.denominator && !f.value) return numberVi(*f.numerator) + "/" + numberVi(*f.denominator);
    return f.value ? numberVi(*f.value) : std::string("—");
}

std::string figureEn(const Figure& f)
{
    if (f.numerator && f.denominator && !f.value) return numberPlain(*f.numerator) + "/" + numberPlain(*f.denominator);
    return f.value ? numberPlain(*f.value) : std::string("-");
}

bool sameFigure(const Figure& a, const Figure& b)
{
    auto close = [](const std::optional<double>& x, const std::optional<double>& y) {
        if (!x || !y) return x.has_value() == y.has_value();
        return std::fabs(*x - *y) <= 1e-9 * std::max({1.0, std::fabs(*x), std::fabs(*y)});
    };
    return close(a.value, b.value);
}

} // namespace

IndicatorRollup RollupEngine::Model::compute(int indicator, std::span<const CurrentValue* const> values,
                                             const RollupOptions& options) const
{
    const IndicatorInfo& info = indicators[static_cast<std::size_t>(indicator)];
    const Aggregation rule = info.aggregation;
    const std::size_t n = units.size();

    IndicatorRollup result;
    result.indicatorId = info.id;
    result.code = info.code;
    result.name = info.name;
    result.unitOfMeasure = info.unitOfMeasure;
    result.year = info.year;
    result.aggregation = rule;
    if (province >= 0) result.provinceUnitId = units[static_cast<std::size_t>(province)].id;

    std::vector<Figure> own(n);
    struct FeatureValue {
        Figure figure;
        FeatureInfo links;
        std::int64_t featureId;
    };
    std::vector<FeatureValue> featureValues;
    bool anyNewUnitEntry = false;
    std::vector<int> oldDistrictsEntered, newUnitsEntered;
    for (const CurrentValue* v : values) {
        if (v->unitId) {
            const int u = unit(v->unitId);
            if (u < 0) continue;
            own[static_cast<std::size_t>(u)] = figureOf(*v, rule);
            if (units[static_cast<std::size_t>(u)].tree == Tree::New) {
                anyNewUnitEntry = true;
                newUnitsEntered.push_back(u);
            }
            if (units[static_cast<std::size_t>(u)].tree == Tree::Old
                && units[static_cast<std::size_t>(u)].level == UnitLevel::District)
                oldDistrictsEntered.push_back(u);
        } else if (v->featureId) {
            const auto it = features.find(*v->featureId);
            featureValues.push_back({figureOf(*v, rule), it == features.end() ? FeatureInfo{} : it->second, *v->featureId});
        }
    }

    std::unordered_map<int, std::vector<RollupNote>> notes;
    std::unordered_map<int, std::vector<SplitShare>> unallocatedAt;
    std::vector<RollupNote> provinceNotesOld, provinceNotesNew;
    std::vector<std::optional<double>> partsValue(n);

    // Value of a unit: its own entry, else its parts; notes the disagreement.
    auto resolve = [&](int u, const Accumulator& acc, const Figure& single, bool keepNotes) {
        std::vector<RollupNote> local;
        std::vector<RollupNote>* unitNotes = keepNotes ? &local : nullptr;
        struct Flush {
            std::vector<RollupNote>& local;
            std::unordered_map<int, std::vector<RollupNote>>& notes;
            int u;
            ~Flush()
            {
                if (!local.empty()) {
                    auto& target = notes[u];
                    target.insert(target.end(), std::make_move_iterator(local.begin()), std::make_move_iterator(local.end()));
                }
            }
        } flush{local, notes, u};
        const Figure& mine = own[static_cast<std::size_t>(u)];
        if (!mine.present) return finalize(acc, rule, single, unitNotes);
        if (acc.parts > 0) {
            const Figure parts = finalize(acc, rule, single, nullptr);
            if (parts.present && parts.value) {
                partsValue[static_cast<std::size_t>(u)] = parts.value;
                if (unitNotes && !sameFigure(parts, mine))
                    unitNotes->push_back(note(
                        NoteKind::PartsDiffer,
                        "Số tự báo cáo " + figureVi(mine) + " (" + dateVi(mine.newest) + ") khác tổng các đơn vị trực thuộc "
                            + figureVi(parts) + " (" + std::to_string(acc.parts) + " đơn vị); dùng số tự báo cáo",
                        "own report " + figureEn(mine) + " (as of " + toIsoDate(mine.newest) + ") differs from its "
                            + std::to_string(acc.parts) + " parts, which give " + figureEn(parts) + "; the own report is used"));
            }
        }
        return mine;
    };

    // ---- the 2023 tree ------------------------------------------------------------------
    std::vector<Accumulator> accOld(n);
    std::vector<Figure> lastPart(n); // the single part, for identical-territory carries
    std::vector<Figure> figOld(n);
    Accumulator provinceOld;
    int unplacedOld = 0;
    for (const FeatureValue& fv : featureValues) {
        if (fv.links.oldUnit >= 0) {
            accOld[static_cast<std::size_t>(fv.links.oldUnit)].add(fv.figure);
        } else {
            provinceOld.add(fv.figure);
            ++unplacedOld;
        }
    }
    for (int u : oldOrder) {
        const std::size_t i = static_cast<std::size_t>(u);
        figOld[i] = resolve(u, accOld[i], lastPart[i], true);
        const int p = units[i].parent;
        if (p >= 0 && p != province && units[static_cast<std::size_t>(p)].tree == Tree::Old) {
            accOld[static_cast<std::size_t>(p)].add(figOld[i]);
        } else {
            provinceOld.add(figOld[i]);
        }
    }
    if (unplacedOld > 0)
        provinceNotesOld.push_back(note(NoteKind::Unplaced,
                                        std::to_string(unplacedOld) + " đối tượng không gắn với xã (trước 2025): chỉ tính ở cấp tỉnh",
                                        std::to_string(unplacedOld) + " features without a 2023 commune are counted at the province only"));

    // ---- the 2025 tree ------------------------------------------------------------------
    std::vector<Accumulator> accOldInNew(n), accNew(n);
    std::vector<Figure> figOldInNew(n), figNew(n);
    Accumulator provinceNew;
    int unplacedNew = 0;
    std::vector<std::string> orphanCommunes;
    for (const FeatureValue& fv : featureValues) {
        const int o = fv.links.oldUnit, w = fv.links.newUnit;
        if (w >= 0) {
            // Covered by its 2023 commune's own report, which is carried through the crosswalk.
            if (o >= 0 && own[static_cast<std::size_t>(o)].present) continue;
            accNew[static_cast<std::size_t>(w)].add(fv.figure);
        } else if (o >= 0) {
            accOldInNew[static_cast<std::size_t>(o)].add(fv.figure);
        } else {
            provinceNew.add(fv.figure);
            ++unplacedNew;
        }
    }
    for (int u : oldOrder) {
        const std::size_t i = static_cast<std::size_t>(u);
        if (units[i].level == UnitLevel::District || units[i].level == UnitLevel::Province) continue;
        figOldInNew[i] = resolve(u, accOldInNew[i], lastPart[i], false);
        const Figure& f = figOldInNew[i];
        const auto& links = successors[i];
        if (links.empty()) {
            const int p = units[i].parent;
            if (p >= 0 && units[static_cast<std::size_t>(p)].tree == Tree::Old
                && units[static_cast<std::size_t>(p)].level != UnitLevel::District) {
                accOldInNew[static_cast<std::size_t>(p)].add(f); // a village of a 2023 commune
            } else if (f.present && (f.value || f.numerator)) {
                provinceNew.add(f);
                orphanCommunes.push_back(units[i].label);
            }
            continue;
        }
        if (!f.present || (!f.value && !f.numerator)) continue;
        double allocated = 0;
        std::vector<std::int64_t> candidates;
        const bool canShare = additive(rule, f);
        for (const Successor& link : links) {
            const std::size_t to = static_cast<std::size_t>(link.unit);
            if (link.whole) {
                accNew[to].add(f, predecessorLinks[to] == 1);
                if (predecessorLinks[to] == 1) lastPart[to] = f;
                allocated = 1.0;
            } else if (link.share && canShare) {
                accNew[to].add(scaled(f, *link.share, rule));
                allocated += *link.share;
            } else {
                candidates.push_back(units[to].id);
            }
        }
        const double left = std::max(0.0, 1.0 - allocated);
        if (left <= 1e-9) continue;
        const Figure rest = canShare ? scaled(f, left, rule) : f;
        SplitShare split;
        split.oldUnitId = units[i].id;
        split.candidateUnitIds = candidates;
        split.fraction = left;
        split.value = rest.value;
        split.numerator = rest.numerator;
        split.denominator = rest.denominator;
        std::string namesVi, namesEn;
        for (std::int64_t id : candidates) {
            const std::string& label = units[static_cast<std::size_t>(unitIndex.at(id))].label;
            namesVi += (namesVi.empty() ? "" : ", ") + label;
            namesEn += (namesEn.empty() ? "" : ", ") + label;
        }
        const std::string part = left < 1.0 - 1e-9 ? " (phần " + numberVi(100 * left, 1) + "%)" : "";
        const std::string partEn = left < 1.0 - 1e-9 ? " (" + numberPlain(100 * left, 1) + "% of it)" : "";
        split.note = note(NoteKind::UnallocatedSplit,
                          units[i].label + " (trước 2025) đã chia cho " + namesVi + "; số liệu " + figureVi(rest) + part
                              + " chưa phân bổ được cho xã mới nào, không tính vào xã nào, chỉ tính một lần ở cấp tỉnh",
                          units[i].label + " (before 2025) was split between " + namesEn + "; its figure " + figureEn(rest)
                              + partEn + " cannot be attributed to one new commune: counted in none of them, once at the province");
        // A candidate with its own report covers its part of the split (a
        // cumulative total of its whole territory): counting the split again
        // at the province could count that part twice, so it is left out.
        std::string covering;
        for (std::int64_t id : candidates)
            if (own[static_cast<std::size_t>(unitIndex.at(id))].present)
                covering += (covering.empty() ? "" : ", ") + units[static_cast<std::size_t>(unitIndex.at(id))].label;
        if (!covering.empty()) {
            split.note = note(NoteKind::UnallocatedSplit,
                              units[i].label + " (trước 2025) đã chia cho " + namesVi + "; " + covering
                                  + " có số liệu tự báo cáo có thể đã gồm một phần của nó, nên số liệu " + figureVi(rest)
                                  + " không tính ở cấp tỉnh để tránh tính hai lần",
                              units[i].label + " (before 2025) was split between " + namesEn + "; " + covering
                                  + " reports its own total, which may include part of it, so its figure " + figureEn(rest)
                                  + " is left out of the province total rather than counted twice");
        }
        if (candidates.empty()) {
            split.note = note(NoteKind::UnallocatedSplit,
                              units[i].label + ": tỷ lệ chia trong bảng chuyển đổi cộng lại chưa đủ 100%; phần còn lại "
                                  + figureVi(rest) + " chỉ tính ở cấp tỉnh",
                              units[i].label + ": the crosswalk shares add up to less than 100%; the rest " + figureEn(rest)
                                  + " is counted at the province only");
        }
        for (std::int64_t id : candidates) unallocatedAt[unitIndex.at(id)].push_back(split);
        if (covering.empty()) provinceNew.add(rest);
        else provinceNotesNew.push_back(split.note);
        result.unallocated.push_back(std::move(split));
    }
    for (int u : newOrder) {
        const std::size_t i = static_cast<std::size_t>(u);
        figNew[i] = resolve(u, accNew[i], lastPart[i], true);
        const int p = units[i].parent;
        if (p >= 0 && p != province && units[static_cast<std::size_t>(p)].tree == Tree::New) {
            accNew[static_cast<std::size_t>(p)].add(figNew[i]);
        } else {
            provinceNew.add(figNew[i]);
        }
    }
    if (unplacedNew > 0)
        provinceNotesNew.push_back(note(NoteKind::Unplaced,
                                        std::to_string(unplacedNew) + " đối tượng không gắn với xã: chỉ tính ở cấp tỉnh",
                                        std::to_string(unplacedNew) + " features without a commune are counted at the province only"));
    if (!orphanCommunes.empty()) {
        std::string list;
        for (const auto& name : orphanCommunes) list += (list.empty() ? "" : ", ") + name;
        provinceNotesNew.push_back(note(NoteKind::Unplaced,
                                        "Không có trong bảng chuyển đổi 2025, chỉ tính ở cấp tỉnh: " + list,
                                        "not in the 2025 crosswalk, counted at the province only: " + list));
    }

    // ---- the province ---------------------------------------------------------------------
    bool useNew = options.provinceBasis == ProvinceBasis::Gen2025
        || (options.provinceBasis == ProvinceBasis::Auto && anyNewUnitEntry);
    result.provinceGeneration = std::string(useNew ? kGeneration2025 : kGenerationPre2025);
    Figure figProvince;
    std::vector<RollupNote> provinceNotes;
    if (province >= 0) {
        const std::size_t p = static_cast<std::size_t>(province);
        Figure none;
        figProvince = resolve(province, useNew ? provinceNew : provinceOld, none, true);
        auto& pn = notes[province];
        const auto& extra = useNew ? provinceNotesNew : provinceNotesOld;
        pn.insert(pn.end(), extra.begin(), extra.end());
        if (!own[p].present) {
            if (useNew && !oldDistrictsEntered.empty()) {
                std::string list;
                for (int d : oldDistrictsEntered) list += (list.empty() ? "" : ", ") + units[static_cast<std::size_t>(d)].label;
                pn.push_back(note(NoteKind::NotCarried,
                                  "Tổng tỉnh theo xã mới (2025): số liệu tự báo cáo của cấp huyện không chuyển sang xã mới được: " + list,
                                  "province total over the 2025 communes: district reports cannot be carried into them: " + list));
            } else if (!useNew && !newUnitsEntered.empty()) {
                pn.push_back(note(NoteKind::NotCarried,
                                  "Tổng tỉnh theo đơn vị trước 2025: " + std::to_string(newUnitsEntered.size())
                                      + " số liệu của xã mới (2025) không tính",
                                  "province total over the 2023 units: " + std::to_string(newUnitsEntered.size())
                                      + " entries at 2025 communes are left out"));
            }
            if (figProvince.present)
                pn.push_back(note(NoteKind::Basis,
                                  useNew ? "Tổng tỉnh tính từ các xã, phường sau sắp xếp (từ 01/7/2025)"
                                         : "Tổng tỉnh tính từ các huyện, xã trước sắp xếp (trước 01/7/2025)",
                                  useNew ? "province total from the communes of 1 July 2025"
                                         : "province total from the districts and communes before 1 July 2025"));
        }
    }

    // ---- output ---------------------------------------------------------------------------
    const bool intensive = rule != Aggregation::Sum;
    for (std::size_t i = 0; i < n; ++i) {
        const int u = static_cast<int>(i);
        const Figure& f = u == province ? figProvince : units[i].tree == Tree::New ? figNew[i] : figOld[i];
        UnitRollup r;
        r.unitId = units[i].id;
        if (f.present && (f.value || f.numerator)) {
            r.origin = f.origin;
            r.value = f.value;
            r.numerator = f.numerator;
            r.denominator = f.denominator;
            r.asOf = f.newest;
            if (f.origin == ValueOrigin::RolledUp) r.oldestAsOf = f.oldest;
            r.entryId = f.entryId;
            r.entries = f.entries;
            r.illustrative = f.illustrative;
        }
        r.partsValue = partsValue[i];
        // Target.
        if (const auto it = allocations.find(allocationKey(indicator, u)); it != allocations.end()) {
            r.targetSource = TargetSource::Allocation;
            r.targetNumerator = it->second.numerator;
            r.targetDenominator = it->second.denominator;
            r.target = it->second.value;
        } else if (u == province && rule != Aggregation::None) {
            r.targetSource = TargetSource::Indicator;
            r.target = info.targetValue;
            r.targetNumerator = info.targetNumerator;
            r.targetDenominator = info.targetDenominator;
        } else if (intensive && u != province) {
            r.targetSource = TargetSource::IndicatorNorm;
            r.target = info.targetValue;
            r.targetNumerator = info.targetNumerator;
            r.targetDenominator = info.targetDenominator;
        }
        if (!r.target && r.targetNumerator && r.targetDenominator && *r.targetDenominator > 0)
            r.target = 100.0 * *r.targetNumerator / *r.targetDenominator;
        if (!r.target) r.targetSource = TargetSource::None;
        if (r.value && r.target && *r.target != 0) r.percentOfTarget = 100.0 * *r.value / *r.target;
        if (auto it = notes.find(u); it != notes.end()) r.notes = std::move(it->second);
        if (auto it = unallocatedAt.find(u); it != unallocatedAt.end()) {
            r.unallocated = std::move(it->second);
            for (const SplitShare& s : r.unallocated) r.notes.push_back(s.note);
        }
        if (r.origin == ValueOrigin::None && !r.target && r.notes.empty()) continue;
        result.units.push_back(std::move(r));
    }
    return result;
}

// ---------------------------------------------------------------------------------------------

const UnitRollup* IndicatorRollup::at(std::int64_t unitId) const
{
    const auto it = std::lower_bound(units.begin(), units.end(), unitId,
                                     [](const UnitRollup& r, std::int64_t id) { return r.unitId < id; });
    return it != units.end() && it->unitId == unitId ? &*it : nullptr;
}

const UnitRollup* IndicatorRollup::province() const
{
    return provinceUnitId ? at(*provinceUnitId) : nullptr;
}

RollupEngine::RollupEngine(Connection& connection) : connection_(&connection), model_(std::make_unique<Model>())
{
    reloadStructure();
}

RollupEngine::~RollupEngine() = default;
RollupEngine::RollupEngine(RollupEngine&&) noexcept = default;
RollupEngine& RollupEngine::operator=(RollupEngine&&) noexcept = default;

void RollupEngine::reloadStructure()
{
    try {
        model_->load(*connection_);
    } catch (...) {
        rethrowWithContext("reading units, crosswalk and plan for the roll-up");
    }
}

std::vector<std::int64_t> RollupEngine::indicatorIds() const
{
    std::vector<std::int64_t> ids;
    ids.reserve(model_->indicators.size());
    for (const auto& i : model_->indicators) ids.push_back(i.id);
    return ids;
}

std::vector<CurrentValue> RollupEngine::currentValues(const RollupOptions& options,
                                                      const std::optional<std::int64_t>& indicatorId)
{
    std::string sql =
        "SELECT p.id, p.indicator_id, p.unit_id, p.feature_id, p.value, p.numerator, p.denominator, p.as_of, "
        "p.entered_at, p.illustrative FROM progress_entries p WHERE p.retraction = 0 "
        "AND NOT EXISTS (SELECT 1 FROM progress_entries s WHERE s.supersedes_id = p.id)";
    if (options.asOf) sql += " AND p.as_of <= ?";
    if (!options.includeIllustrative) sql += " AND p.illustrative = 0";
    if (indicatorId) sql += " AND p.indicator_id = ?";
    auto s = connection_->cached(sql);
    int index = 1;
    if (options.asOf) s->bindText(index++, toIsoDate(*options.asOf));
    if (indicatorId) s->bindInt(index++, *indicatorId);

    struct Key {
        std::int64_t indicator, unit, feature;
        bool operator==(const Key&) const = default;
    };
    struct KeyHash {
        std::size_t operator()(const Key& k) const
        {
            return std::hash<std::int64_t>()(k.indicator * 1000003 + k.unit * 7919 + k.feature);
        }
    };
    struct Newest {
        std::string asOf, enteredAt;
        std::int64_t id = 0;
        std::size_t slot = 0;
    };
    std::unordered_map<Key, Newest, KeyHash> newest;
    std::vector<CurrentValue> values;
    while (s->step()) {
        const Key key{s->columnInt(1), s->optionalInt(2).value_or(0), s->optionalInt(3).value_or(0)};
        std::string asOf = s->columnText(7), enteredAt = s->columnText(8);
        const std::int64_t id = s->columnInt(0);
        auto it = newest.find(key);
        if (it != newest.end()) {
            const Newest& n = it->second;
            if (std::tie(asOf, enteredAt, id) < std::tie(n.asOf, n.enteredAt, n.id)) continue;
        }
        CurrentValue v;
        v.entryId = id;
        v.indicatorId = key.indicator;
        v.unitId = s->optionalInt(2);
        v.featureId = s->optionalInt(3);
        v.value = s->optionalDouble(4);
        v.numerator = s->optionalDouble(5);
        v.denominator = s->optionalDouble(6);
        v.asOf = parseIsoDate(asOf);
        v.illustrative = s->columnBool(9);
        if (it == newest.end()) {
            newest.emplace(key, Newest{std::move(asOf), std::move(enteredAt), id, values.size()});
            values.push_back(v);
        } else {
            it->second.asOf = std::move(asOf);
            it->second.enteredAt = std::move(enteredAt);
            it->second.id = id;
            values[it->second.slot] = v;
        }
    }
    return values;
}

std::vector<IndicatorRollup> RollupEngine::compute(std::span<const CurrentValue> values,
                                                   const RollupOptions& options) const
{
    std::vector<std::vector<const CurrentValue*>> byIndicator(model_->indicators.size());
    for (const CurrentValue& v : values) {
        if (options.asOf && v.asOf > *options.asOf) continue;
        if (auto it = model_->indicatorIndex.find(v.indicatorId); it != model_->indicatorIndex.end())
            byIndicator[static_cast<std::size_t>(it->second)].push_back(&v);
    }
    std::vector<IndicatorRollup> result;
    result.reserve(model_->indicators.size());
    for (std::size_t i = 0; i < model_->indicators.size(); ++i)
        result.push_back(model_->compute(static_cast<int>(i), byIndicator[i], options));
    return result;
}

IndicatorRollup RollupEngine::computeOne(std::int64_t indicatorId, std::span<const CurrentValue> values,
                                         const RollupOptions& options) const
{
    const auto it = model_->indicatorIndex.find(indicatorId);
    if (it == model_->indicatorIndex.end())
        throw NotFoundError("indicator " + std::to_string(indicatorId) + " does not exist (roll-up)");
    std::vector<const CurrentValue*> mine;
    for (const CurrentValue& v : values)
        if (v.indicatorId == indicatorId && (!options.asOf || v.asOf <= *options.asOf)) mine.push_back(&v);
    return model_->compute(it->second, mine, options);
}

IndicatorRollup RollupEngine::rollup(std::int64_t indicatorId, const RollupOptions& options)
{
    if (!model_->indicatorIndex.contains(indicatorId)) reloadStructure();
    const auto values = currentValues(options, indicatorId);
    return computeOne(indicatorId, values, options);
}

std::vector<IndicatorRollup> RollupEngine::rollupAll(const RollupOptions& options)
{
    const auto values = currentValues(options);
    return compute(values, options);
}

std::unordered_map<std::int64_t, ProvinceFigure> provinceFigures(Connection& connection, const RollupOptions& options)
{
    RollupEngine engine(connection);
    std::unordered_map<std::int64_t, ProvinceFigure> figures;
    for (const IndicatorRollup& r : engine.rollupAll(options)) {
        const UnitRollup* p = r.province();
        if (!p || !p->value) continue;
        figures[r.indicatorId] = {p->value, p->percentOfTarget, p->asOf, p->illustrative};
    }
    return figures;
}

} // namespace planmap::layers::progress
