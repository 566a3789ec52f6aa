#include "UnitLocator.h"

#include <algorithm>

namespace planmap::layers::io::detail {

UnitLocator::UnitLocator(AdminUnits& units, UnitLevel level, const std::string& generation)
{
    for (AdminUnit& u : units.list(level, generation, std::nullopt, true)) {
        if (u.geometry.empty()) continue;
        geo::Geometry g = geo::Geometry::fromWkb(u.geometry);
        u.geometry.clear();
        index_.insert(static_cast<std::int64_t>(entries_.size()), g);
        entries_.push_back({std::move(u), std::make_unique<geo::PreparedGeometry>(std::move(g))});
    }
    index_.build();
}

geo::Geometry UnitLocator::representativePoint(const geo::Geometry& g)
{
    if (g.type() == geo::GeometryType::Point) return g;
    return g.pointOnSurface();
}

std::optional<std::int64_t> UnitLocator::locate(double x, double y) const
{
    if (entries_.empty()) return std::nullopt;
    std::vector<std::int64_t> candidates = index_.query(geo::Envelope(x, y, x, y));
    // Units come ordered by code: the first match is the lowest code.
    std::sort(candidates.begin(), candidates.end());
    for (std::int64_t i : candidates)
        if (entries_[static_cast<std::size_t>(i)].prepared->covers(x, y)) return entries_[static_cast<std::size_t>(i)].unit.id;
    return std::nullopt;
}

std::optional<std::int64_t> UnitLocator::locate(const geo::Geometry& g) const
{
    if (g.isEmpty()) return std::nullopt;
    const geo::Geometry p = representativePoint(g);
    if (p.isEmpty()) return std::nullopt;
    const geo::Envelope e = p.envelope();
    return locate(e.minx, e.miny);
}

const AdminUnit* UnitLocator::unit(std::int64_t id) const
{
    for (const Entry& e : entries_)
        if (e.unit.id == id) return &e.unit;
    return nullptr;
}

const geo::PreparedGeometry* UnitLocator::prepared(std::int64_t id) const
{
    for (const Entry& e : entries_)
        if (e.unit.id == id) return e.prepared.get();
    return nullptr;
}

} // namespace planmap::layers::io::detail
