#include "planmap/layers/io/UnitOutline.h"

#include "GeometrySupport.h"
#include "planmap/geo/Geodesic.h"
#include "planmap/geo/GeometryValidity.h"
#include "planmap/layers/store/ProjectStore.h"

#include <stdexcept>

namespace planmap::layers::io {

OutlineReport deriveOutlineFromChildren(ProjectStore& store, std::int64_t unitId,
                                        const std::optional<std::string>& childGeneration)
{
    AdminUnits& units = store.units();
    const auto unit = units.get(unitId, false);
    if (!unit) throw std::runtime_error("no unit with id " + std::to_string(unitId));
    const std::string label = unit->fullName.value_or(unit->name) + " (" + unit->code.value_or("no code") + ")";

    OutlineReport report;
    std::vector<geo::Geometry> parts;
    for (const AdminUnit& child : units.children(unitId, true)) {
        if (childGeneration && child.generation != *childGeneration) continue;
        if (child.geometry.empty()) continue;
        parts.push_back(geo::Geometry::fromWkb(child.geometry));
        ++report.children;
    }
    if (parts.empty())
        throw std::runtime_error("no child of " + label + (childGeneration ? " in generation " + *childGeneration : "")
                                 + " has a geometry to derive its outline from");
    geo::Geometry outline = geo::Geometry::unaryUnion(parts);
    if (!outline.isValid()) {
        const geo::RepairResult r = geo::repair(outline);
        if (!r.geometry) throw std::runtime_error("the union of the children of " + label + " is invalid: " + r.report.text);
        report.repair = r.report.text;
        outline = *r.geometry;
    }
    std::string reason;
    auto fitted = detail::fitToColumn(outline, GeometryType::MultiPolygon, reason);
    if (!fitted) throw std::runtime_error("the union of the children of " + label + " is " + reason);
    report.parts = fitted->numGeometries();
    for (const auto& part : fitted->coordinates().parts) report.holes += part.kind == geo::PartKind::InteriorRing;
    report.areaHectares = geo::Geodesic().areaHectares(*fitted);

    Transaction transaction(store.connection());
    units.setGeometry(unitId, detail::toStorageWkb(*fitted));
    transaction.commit();
    return report;
}

} // namespace planmap::layers::io
