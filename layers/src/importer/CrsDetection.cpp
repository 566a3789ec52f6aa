#include "planmap/layers/importer/CrsDetection.h"

#include "planmap/geo/PreparedGeometry.h"
#include "planmap/geo/Transform.h"
#include "planmap/layers/store/ProjectStore.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

namespace planmap::layers::importer {

namespace {

const geo::Crs& wgs84()
{
    static const geo::Crs crs = geo::Crs::fromEpsg(4326);
    return crs;
}

std::string percentText(double share)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.0f %%", std::floor(share * 100.0));
    return buf;
}

std::string marginText(double degrees)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f km", degrees * 111.0);
    return buf;
}

} // namespace

std::optional<ReferenceArea> projectReferenceArea(ProjectStore& store, double marginDegrees)
{
    std::vector<geo::Geometry> outlines;
    std::string names;
    for (const AdminUnit& u : store.units().list(UnitLevel::Province, std::nullopt, std::nullopt, true)) {
        if (u.geometry.empty()) continue;
        outlines.push_back(geo::Geometry::fromWkb(u.geometry));
        names += (names.empty() ? "" : ", ") + u.fullName.value_or(u.name) + (u.code ? " (code " + *u.code + ")" : "");
    }
    ReferenceArea result;
    std::optional<geo::Geometry> area;
    if (!outlines.empty()) {
        area = outlines.size() == 1 ? outlines.front() : geo::Geometry::unaryUnion(outlines);
        result.description = "the outline of " + names;
    } else {
        // No outline: the envelope of the units that have a geometry.
        geo::Envelope e;
        for (UnitLevel level : {UnitLevel::District, UnitLevel::Commune})
            for (const AdminUnit& u : store.units().list(level, std::nullopt, std::nullopt, true))
                if (!u.geometry.empty()) e.expand(geo::Geometry::fromWkb(u.geometry).envelope());
        if (!e.isEmpty()) {
            area = geo::Geometry::rectangle(e);
            result.description = "the extent of the project's units";
        } else {
            try {
                const geo::Crs crs = geo::Crs::fromUserInput(store.metadata().defaultCrs);
                if (const auto a = crs.areaOfUse()) {
                    area = geo::Geometry::rectangle(geo::Envelope(a->west, a->south, a->east, a->north));
                    result.description = "the area of use of the project's CRS " + crs.label() + " (" + a->name + ")";
                }
            } catch (const std::exception&) {
            }
        }
    }
    if (!area) return std::nullopt;
    // Simplify before buffering: the margin dwarfs the detail of the outline.
    geo::Geometry simple = area->simplifiedPreservingTopology(marginDegrees / 20.0);
    result.area = simple.buffer(marginDegrees, 4);
    result.description += " with a margin of about " + marginText(marginDegrees);
    return result;
}

std::string CrsCandidate::describe() const
{
    std::string text = crs.label() + ": " + percentText(share()) + " inside (" + std::to_string(inside) + " of "
        + std::to_string(sampled) + ")";
    if (failed) text += ", " + std::to_string(failed) + " not transformable";
    if (!plausible && inside) text += "; its area of use does not cover the data";
    return text;
}

std::vector<geo::Crs> defaultCrsCandidates()
{
    std::vector<geo::Crs> out;
    std::set<int> seen;  // PROJ lists a CRS once per area of use
    for (const geo::CrsInfo& info : geo::vn2000Candidates())
        if (seen.insert(info.epsg).second) out.push_back(geo::Crs::fromEpsg(info.epsg));
    out.push_back(wgs84());
    return out;
}

std::vector<geo::XY> samplePoints(std::span<const geo::Geometry* const> geometries, std::size_t limit)
{
    std::vector<const geo::Geometry*> present;
    for (const geo::Geometry* g : geometries)
        if (g && !g->isEmpty()) present.push_back(g);
    std::vector<geo::XY> out;
    if (present.empty() || limit == 0) return out;
    const std::size_t n = std::min(limit, present.size());
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        const geo::Geometry* g = present[i * present.size() / n];
        out.push_back(g->envelope().center());
    }
    return out;
}

CrsCandidate testCrs(std::span<const geo::XY> samples, const ReferenceArea& area, const geo::Crs& crs)
{
    CrsCandidate c{crs, 0, 0, 0, false, geo::Envelope()};
    c.sampled = static_cast<std::int64_t>(samples.size());
    std::vector<double> xs, ys;
    xs.reserve(samples.size());
    ys.reserve(samples.size());
    for (const geo::XY& p : samples) {
        xs.push_back(p.x);
        ys.push_back(p.y);
    }
    if (!(crs == wgs84())) {
        try {
            const geo::Transform t(crs, wgs84());
            t.forward(xs.data(), ys.data(), xs.size());
        } catch (const std::exception&) {
            c.failed = c.sampled;
            return c;
        }
    }
    const geo::PreparedGeometry prepared(area.area);
    std::optional<geo::AreaOfUse> use = crs.areaOfUse();
    std::int64_t inUse = 0;
    for (std::size_t i = 0; i < xs.size(); ++i) {
        const double x = xs[i], y = ys[i];
        if (!std::isfinite(x) || !std::isfinite(y)) {
            ++c.failed;
            continue;
        }
        c.transformedExtent.expand(x, y);
        if (prepared.covers(x, y)) ++c.inside;
        const double margin = 0.1;
        if (!use || (x >= use->west - margin && x <= use->east + margin && y >= use->south - margin
                     && y <= use->north + margin))
            ++inUse;
    }
    c.plausible = c.sampled > 0 && static_cast<double>(inUse) >= kCrsFitShare * static_cast<double>(c.sampled);
    return c;
}

CrsDetection detectCrs(std::span<const geo::XY> samples, const ReferenceArea& area, const std::vector<geo::Crs>& candidates)
{
    CrsDetection d;
    d.areaDescription = area.description;
    for (const geo::Crs& crs : candidates) d.candidates.push_back(testCrs(samples, area, crs));
    std::stable_sort(d.candidates.begin(), d.candidates.end(), [](const CrsCandidate& a, const CrsCandidate& b) {
        if (a.inside != b.inside) return a.inside > b.inside;
        return a.plausible && !b.plausible;
    });
    std::vector<std::size_t> fits, plausibleFits;
    for (std::size_t i = 0; i < d.candidates.size(); ++i) {
        const CrsCandidate& c = d.candidates[i];
        if (c.sampled == 0 || c.share() < kCrsFitShare) continue;
        fits.push_back(i);
        if (c.plausible) plausibleFits.push_back(i);
    }
    const std::string where = " inside " + area.description;
    if (samples.empty()) {
        d.explanation = "there are no coordinates to test";
    } else if (fits.size() == 1) {
        d.chosen = fits.front();
        d.explanation = "only " + d.candidates[*d.chosen].crs.label() + " puts the data" + where + " ("
            + d.candidates[*d.chosen].describe() + ")";
    } else if (fits.size() > 1 && plausibleFits.size() == 1) {
        d.chosen = plausibleFits.front();
        std::string others;
        for (std::size_t i : fits)
            if (i != *d.chosen) others += (others.empty() ? "" : ", ") + d.candidates[i].crs.label();
        d.explanation = d.candidates[*d.chosen].crs.label() + " puts the data" + where
            + " and is defined for this area; " + others
            + " also put(s) the data inside but are defined for other areas (" + d.candidates[*d.chosen].describe() + ")";
    } else if (fits.empty()) {
        d.explanation = "no candidate CRS puts " + percentText(kCrsFitShare) + " of the data" + where;
    } else {
        d.explanation = std::to_string(fits.size()) + " candidate CRSs put the data" + where
            + " and cannot be told apart";
    }
    return d;
}

} // namespace planmap::layers::importer
