#include "planmap/layers/progress/UnitLookup.h"

#include "planmap/layers/store/Errors.h"
#include "planmap/layers/text/SearchKey.h"
#include "progress/TextSupport.h"

#include <algorithm>

namespace planmap::layers::progress {

namespace {

bool allDigits(std::string_view text)
{
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<UnitLevel> levelOfCode(std::size_t length)
{
    switch (length) {
    case 2: return UnitLevel::Province;
    case 3: return UnitLevel::District;
    case 5: return UnitLevel::Commune;
    default: return std::nullopt;
    }
}

std::string codeKey(std::string_view code, UnitLevel level)
{
    return std::string(code) + "|" + std::string(toString(level));
}

std::string validity(const AdminUnit& u)
{
    const std::string from = u.validFrom ? detail::dateVi(*u.validFrom) : "…";
    const std::string to = u.validTo ? detail::dateVi(*u.validTo) : "…";
    return from + "–" + to;
}

std::string generationLabel(const std::string& key)
{
    return key == kGenerationPre2025 ? "2023" : key;
}

} // namespace

UnitLookup::UnitLookup(AdminUnits& units)
{
    for (UnitLevel level : {UnitLevel::Province, UnitLevel::District, UnitLevel::Commune, UnitLevel::Village})
        for (AdminUnit& u : units.list(level, std::nullopt, std::nullopt, false)) units_.push_back(std::move(u));
    for (std::size_t i = 0; i < units_.size(); ++i) {
        const AdminUnit& u = units_[i];
        byId_.emplace(u.id, i);
        if (u.code) byCode_[codeKey(*u.code, u.level)].push_back(i);
        byName_[searchKey(u.name)].push_back(i);
        if (u.fullName && searchKey(*u.fullName) != searchKey(u.name)) byName_[searchKey(*u.fullName)].push_back(i);
    }
    for (const AdminUnit& u : units_) {
        if (u.generation == kGeneration2025) continue;
        for (const CrosswalkLink& link : units.successorsOf(u.id)) predecessors_[link.newUnitId].push_back(u.id);
    }
}

std::string UnitLookup::generationKey(std::string_view text)
{
    const std::string t = detail::trim(text);
    if (t == "2023" || t == kGenerationPre2025) return std::string(kGenerationPre2025);
    if (t == "2025") return std::string(kGeneration2025);
    throw InvalidDataError("generation '" + t + "' is not 2023 or 2025");
}

const AdminUnit* UnitLookup::get(std::int64_t unitId) const
{
    const auto it = byId_.find(unitId);
    return it == byId_.end() ? nullptr : &units_[it->second];
}

std::vector<std::int64_t> UnitLookup::ancestry(std::int64_t unitId) const
{
    std::vector<std::int64_t> chain;
    for (const AdminUnit* u = get(unitId); u && chain.size() < 16; u = u->parentId ? get(*u->parentId) : nullptr)
        chain.push_back(u->id);
    return chain;
}

std::string UnitLookup::describe(const AdminUnit& u) const
{
    std::string text = u.fullName.value_or(u.name);
    text += " (";
    if (u.code) text += *u.code + ", ";
    text += u.generation == kGeneration2025 ? "từ 2025" : u.generation == kGenerationPre2025 ? "trước 2025" : u.generation;
    return text + ")";
}

const AdminUnit& UnitLookup::byCode(std::string_view input, Date asOf, const std::optional<std::string>& generation) const
{
    std::string code = detail::trim(input);
    // A spreadsheet may have turned "06622" into the number 6622 (or 6622.0).
    if (code.size() > 2 && code.ends_with(".0")) code.resize(code.size() - 2);
    if (!allDigits(code))
        throw InvalidDataError("unit '" + code + "' is not a statistics office code (2 digits: province, 3: district, "
                               "5: commune)");
    if (code.size() == 4) code = "0" + code;
    const auto level = levelOfCode(code.size());
    if (!level)
        throw InvalidDataError("unit code '" + code + "' has " + std::to_string(code.size())
                               + " digits; a statistics office code has 2 (province), 3 (district) or 5 (commune)");
    const std::optional<std::string> key = generation ? std::optional(generationKey(*generation)) : std::nullopt;
    const auto it = byCode_.find(codeKey(code, *level));
    std::vector<const AdminUnit*> all;
    if (it != byCode_.end())
        for (std::size_t i : it->second) all.push_back(&units_[i]);
    // The province spans both generations, whatever validity it was given.
    for (const AdminUnit* u : all) {
        if (u->level == UnitLevel::Province || (key ? u->generation == *key : u->isValidAt(asOf))) return *u;
    }
    const std::string what = std::string(toString(*level)) + " with code " + code;
    if (all.empty()) throw InvalidDataError("unknown unit: no " + what + " in the project");
    std::string known;
    for (const AdminUnit* u : all)
        known += (known.empty() ? "" : "; ") + u->fullName.value_or(u->name) + " (generation "
            + generationLabel(u->generation) + ", in force " + validity(*u) + ")";
    if (key)
        throw InvalidDataError("no " + what + " in generation " + generationLabel(*key) + "; there is " + known);
    throw InvalidDataError("no " + what + " was in force on " + toIsoDate(asOf) + "; there is " + known
                           + ". Check the date, or force the generation (--generation 2023|2025)");
}

bool UnitLookup::inScope(const AdminUnit& unit, std::int64_t withinUnitId) const
{
    auto below = [&](std::int64_t id) {
        const auto chain = ancestry(id);
        return std::find(chain.begin(), chain.end(), withinUnitId) != chain.end();
    };
    if (below(unit.id)) return true;
    if (const auto it = predecessors_.find(unit.id); it != predecessors_.end())
        for (std::int64_t old : it->second)
            if (below(old)) return true;
    return false;
}

const AdminUnit& UnitLookup::resolve(std::string_view input, Date asOf, const std::optional<std::string>& generation,
                                     const std::optional<std::int64_t>& withinUnitId,
                                     const std::optional<UnitLevel>& level) const
{
    const std::string text = detail::trim(input);
    if (text.empty()) throw InvalidDataError("the unit is empty");
    std::string digits = text;
    if (digits.size() > 2 && digits.ends_with(".0")) digits.resize(digits.size() - 2);
    if (allDigits(digits)) return byCode(digits, asOf, generation);

    const std::optional<std::string> key = generation ? std::optional(generationKey(*generation)) : std::nullopt;
    std::string name = searchKey(text);
    std::vector<const AdminUnit*> candidates;
    auto collect = [&](const std::string& k) {
        if (const auto it = byName_.find(k); it != byName_.end())
            for (std::size_t i : it->second) {
                const AdminUnit* u = &units_[i];
                if (std::find(candidates.begin(), candidates.end(), u) == candidates.end()) candidates.push_back(u);
            }
    };
    collect(name);
    if (candidates.empty())
        if (auto split = splitUnitName(text)) collect(searchKey(split->name));
    std::vector<const AdminUnit*> matches;
    for (const AdminUnit* u : candidates) {
        if (u->level != UnitLevel::Province && (key ? u->generation != *key : !u->isValidAt(asOf))) continue;
        if (withinUnitId && !inScope(*u, *withinUnitId)) continue;
        if (level && u->level != *level) continue;
        // "Xã X" must not match "Phường X".
        if (auto split = splitUnitName(text); split && split->type != u->type && searchKey(split->name) == searchKey(u->name)
            && name != searchKey(u->fullName.value_or(u->name)))
            continue;
        matches.push_back(u);
    }
    if (matches.size() == 1) return *matches.front();
    std::string where = withinUnitId && get(*withinUnitId) ? " in " + get(*withinUnitId)->fullName.value_or(get(*withinUnitId)->name) : "";
    const std::string when = key ? " of generation " + generationLabel(*key) : " in force on " + toIsoDate(asOf);
    if (matches.empty()) {
        std::string others;
        for (const AdminUnit* u : candidates) others += (others.empty() ? "" : "; ") + describe(*u);
        throw InvalidDataError("unknown unit '" + text + "': no unit of that name" + where + when
                               + (others.empty() ? std::string() : " (units of that name: " + others + ")"));
    }
    std::string list;
    for (const AdminUnit* u : matches) {
        list += (list.empty() ? "" : "; ") + describe(*u);
        if (u->parentId)
            if (const AdminUnit* p = get(*u->parentId)) list += " in " + p->fullName.value_or(p->name);
    }
    throw InvalidDataError("ambiguous unit '" + text + "'" + where + when + ": " + list
                           + ". Give the code, or limit the names to a district");
}

} // namespace planmap::layers::progress
