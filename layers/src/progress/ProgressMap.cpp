#include "planmap/layers/progress/ProgressMap.h"

#include "planmap/layers/units/AdminUnits.h"

#include <QString>
#include <QVariant>

namespace planmap::layers::progress {

namespace {

QVariant number(const std::optional<double>& v)
{
    return v ? QVariant(*v) : QVariant();
}

QVariant joinedNotes(const std::vector<RollupNote>& notes, bool english)
{
    QString text;
    for (const RollupNote& n : notes) {
        if (!text.isEmpty()) text += QLatin1Char('\n');
        text += QString::fromStdString(english ? n.en : n.vi);
    }
    return text.isEmpty() ? QVariant() : QVariant(text);
}

} // namespace

const UnitProgress* ProgressMap::at(std::int64_t unitId) const
{
    for (const UnitProgress& u : units)
        if (u.unitId == unitId) return &u;
    return nullptr;
}

int ProgressMap::unitsWithPercent() const
{
    int n = 0;
    for (const UnitProgress& u : units) n += u.percent.has_value();
    return n;
}

int ProgressMap::unitsWithValue() const
{
    int n = 0;
    for (const UnitProgress& u : units) n += u.value.has_value();
    return n;
}

bool ProgressMap::illustrative() const
{
    for (const UnitProgress& u : units)
        if (u.illustrative) return true;
    return false;
}

ProgressMap buildProgressMap(Connection& connection, const IndicatorRollup& rollup, MapUnits which)
{
    namespace f = progress_map_fields;
    const UnitLevel level = which == MapUnits::Districts2023 ? UnitLevel::District : UnitLevel::Commune;
    const std::string generation(which == MapUnits::Districts2023 ? kGenerationPre2025 : kGeneration2025);

    ProgressMap map;
    map.source = std::make_shared<render::MemoryFeatureSource>(
        "EPSG:4326",
        std::vector<QString>{QString::fromLatin1(f::kCode), QString::fromLatin1(f::kName), QString::fromLatin1(f::kValue),
                             QString::fromLatin1(f::kTarget), QString::fromLatin1(f::kPercent),
                             QString::fromLatin1(f::kIllustrative), QString::fromLatin1(f::kNote),
                             QString::fromLatin1(f::kNoteEn)});
    AdminUnits units(connection);
    for (AdminUnit& unit : units.list(level, generation, std::nullopt, true)) {
        UnitProgress p;
        p.unitId = unit.id;
        p.code = unit.code.value_or("");
        p.name = unit.fullName.value_or(unit.name);
        if (const UnitRollup* r = rollup.at(unit.id)) {
            p.origin = r->origin;
            p.value = r->value;
            p.target = r->target;
            p.percent = r->percentOfTarget;
            p.illustrative = r->illustrative;
            p.unallocatedSplit = !r->unallocated.empty();
            p.notes = r->notes; // includes the explanation of each unallocated split
        }
        if (!unit.geometry.empty()) {
            map.source->add(unit.id, std::move(unit.geometry),
                            {QVariant(QString::fromStdString(p.code)), QVariant(QString::fromStdString(p.name)),
                             number(p.value), number(p.target), number(p.percent), QVariant(p.illustrative),
                             joinedNotes(p.notes, false), joinedNotes(p.notes, true)});
        }
        map.units.push_back(std::move(p));
    }
    return map;
}

} // namespace planmap::layers::progress
