#include "planmap/layers/analysis/Catchment.h"

#include "planmap/layers/analysis/GeodesicIndex.h"

#include "Parallel.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <numbers>

namespace planmap::layers::analysis {

namespace {

bool betterCandidate(const CandidateGain& a, const CandidateGain& b) {
    if (a.newlyServed != b.newlyServed) return a.newlyServed > b.newlyServed;
    if (a.population != b.population) return a.population > b.population;
    return a.point.label < b.point.label;
}

/// Gain of a candidate against the unserved villages (indexes into result.villages).
CandidateGain gainOf(const CandidatePoint& point, const GeodesicPointIndex& unservedIndex,
                     const std::vector<std::size_t>& unservedVillage, const std::vector<VillageMarketAccess>& villages,
                     double radius, std::vector<GeodesicPointIndex::Hit>& hits) {
    CandidateGain g;
    g.point = point;
    unservedIndex.within(point.lon, point.lat, radius, hits);
    for (const auto& h : hits) {
        const VillageMarketAccess& v = villages[unservedVillage[h.index]];
        g.villageIds.push_back(v.villageId);
        g.population += v.population.value_or(0);
        g.illustrative = g.illustrative || v.illustrative;
    }
    g.newlyServed = g.villageIds.size();
    return g;
}

} // namespace

CatchmentResult analyzeCatchments(const AccessInputs& in, const CatchmentSettings& settings, const RunControl& control) {
    if (!(settings.radiusMetres > 0.0) || !std::isfinite(settings.radiusMetres))
        throw AnalysisError("Setting 'radius' must be a positive distance in metres");
    if (!(settings.gridSpacingMetres > 0.0) || !std::isfinite(settings.gridSpacingMetres))
        throw AnalysisError("Setting 'grid spacing' must be a positive distance in metres");
    for (const CandidatePoint& c : settings.extraCandidates)
        if (!std::isfinite(c.lon) || !std::isfinite(c.lat) || std::abs(c.lat) > 90.0 || std::abs(c.lon) > 180.0)
            throw AnalysisError("Candidate '" + c.label + "' has no valid longitude/latitude");

    CatchmentResult result;
    result.settings = settings;
    result.notes = in.notes;
    const double radius = settings.radiusMetres;

    std::vector<const ServicePoint*> markets, planned;
    for (const ServicePoint& p : in.servicePoints(Service::Market))
        (p.planned && !settings.countPlannedMarkets ? planned : markets).push_back(&p);
    std::sort(markets.begin(), markets.end(), [](const ServicePoint* a, const ServicePoint* b) { return a->id < b->id; });
    std::sort(planned.begin(), planned.end(), [](const ServicePoint* a, const ServicePoint* b) { return a->id < b->id; });

    std::size_t illustrativeVillages = 0, illustrativeMarkets = 0;
    for (const VillageInput& v : in.villages) illustrativeVillages += v.illustrative ? 1 : 0;
    for (const ServicePoint* m : markets) illustrativeMarkets += m->illustrative ? 1 : 0;
    if (illustrativeVillages > 0)
        result.illustrativeSources.push_back("thôn: " + std::to_string(illustrativeVillages) + "/" +
                                             std::to_string(in.villages.size()) + " minh họa");
    if (illustrativeMarkets > 0)
        result.illustrativeSources.push_back("chợ: " + std::to_string(illustrativeMarkets) + "/" +
                                             std::to_string(markets.size()) + " minh họa");
    result.illustrative = !result.illustrativeSources.empty();
    const bool marketsIllustrative = illustrativeMarkets > 0;
    if (in.villages.empty()) {
        result.notes.push_back("không có thôn nào");
        return result;
    }

    // The area: villages, markets, candidates, and a radius around them for grid points.
    geo::Envelope extent;
    for (const VillageInput& v : in.villages) extent.expand(v.lon, v.lat);
    for (const ServicePoint& p : in.servicePoints(Service::Market)) extent.expand(p.lon, p.lat);
    for (const CandidatePoint& c : settings.extraCandidates) extent.expand(c.lon, c.lat);
    const double margin = radius / 100000.0 + 0.01;  // degrees; a degree is more than 100 km here
    extent = extent.buffered(std::min(margin, 5.0));
    const geo::Geodesic geodesic;
    const LowerBoundPlane plane(extent, geodesic);

    GeodesicPointIndex villageIndex(plane, geodesic);
    villageIndex.reserve(in.villages.size());
    for (const VillageInput& v : in.villages) villageIndex.add(v.lon, v.lat);
    villageIndex.build();
    GeodesicPointIndex marketIndex(plane, geodesic);
    for (const ServicePoint* m : markets) marketIndex.add(m->lon, m->lat);
    marketIndex.build();

    // Catchment of every market.
    result.markets.resize(markets.size());
    detail::parallelFor(markets.size(), control, "Tìm các thôn trong vùng phục vụ của chợ",
                        [&](std::size_t begin, std::size_t end, int) {
        std::vector<GeodesicPointIndex::Hit> hits;
        for (std::size_t i = begin; i < end; ++i) {
            const ServicePoint& m = *markets[i];
            MarketCatchment& c = result.markets[i];
            c.marketId = m.id;
            c.name = m.name;
            c.layer = m.layer;
            c.lon = m.lon;
            c.lat = m.lat;
            c.planned = m.planned;
            c.illustrative = m.illustrative;
            villageIndex.within(m.lon, m.lat, radius, hits);
            for (const auto& h : hits) {
                const VillageInput& v = in.villages[h.index];
                c.villages.push_back({v.id, h.distance});
                c.population += v.population.value_or(0);
                c.illustrative = c.illustrative || v.illustrative;
            }
        }
    });

    // Every village: nearest market, served or not.
    std::map<std::int64_t, std::size_t> marketsPerVillage;
    for (const MarketCatchment& c : result.markets)
        for (const CatchmentVillage& v : c.villages) ++marketsPerVillage[v.villageId];
    result.villages.resize(in.villages.size());
    detail::parallelFor(in.villages.size(), control, "Tính khoảng cách từ thôn đến chợ gần nhất",
                        [&](std::size_t begin, std::size_t end, int) {
        for (std::size_t i = begin; i < end; ++i) {
            const VillageInput& v = in.villages[i];
            VillageMarketAccess& a = result.villages[i];
            a.villageId = v.id;
            a.name = v.name;
            a.commune = v.commune;
            a.district = v.district;
            a.lon = v.lon;
            a.lat = v.lat;
            a.population = v.population;
            a.illustrative = v.illustrative || marketsIllustrative;
            if (const auto hit = marketIndex.nearest(v.lon, v.lat)) {
                a.nearestMarketMetres = hit->distance;
                a.nearestMarketId = markets[hit->index]->id;
                a.served = hit->distance <= radius;
            }
            if (const auto it = marketsPerVillage.find(v.id); it != marketsPerVillage.end())
                a.marketsWithinRadius = it->second;
        }
    }, 256);

    std::vector<std::size_t> unservedVillage;
    GeodesicPointIndex unservedIndex(plane, geodesic);
    geo::Envelope unservedExtent;
    for (std::size_t i = 0; i < result.villages.size(); ++i) {
        if (result.villages[i].served) {
            ++result.served;
            continue;
        }
        ++result.unserved;
        unservedVillage.push_back(i);
        unservedIndex.add(result.villages[i].lon, result.villages[i].lat);
        unservedExtent.expand(result.villages[i].lon, result.villages[i].lat);
    }
    unservedIndex.build();

    // What-if of the planned markets and of the user's points.
    std::vector<GeodesicPointIndex::Hit> hits;
    for (const ServicePoint* m : planned) {
        CandidateGain g = gainOf(CandidatePoint{m->name + " (kế hoạch)", m->lon, m->lat, m->id}, unservedIndex,
                                 unservedVillage, result.villages, radius, hits);
        g.illustrative = g.illustrative || m->illustrative;
        result.plannedMarkets.push_back(std::move(g));
    }
    for (const CandidatePoint& c : settings.extraCandidates)
        result.whatIf.push_back(gainOf(c, unservedIndex, unservedVillage, result.villages, radius, hits));

    // Candidates.
    std::vector<CandidatePoint> candidates;
    if (settings.candidates != CandidateSource::Grid) {
        for (const std::size_t i : unservedVillage) {
            const VillageMarketAccess& v = result.villages[i];
            candidates.push_back({v.name, v.lon, v.lat, v.villageId});
        }
    }
    if (settings.candidates != CandidateSource::UnservedVillages && !unservedExtent.isEmpty()) {
        const double lat0 = unservedExtent.center().y * std::numbers::pi / 180.0;
        const double a = geodesic.semiMajorAxis(), f = geodesic.flattening(), e2 = f * (2.0 - f);
        const double w = std::sqrt(1.0 - e2 * std::sin(lat0) * std::sin(lat0));
        const double metresPerDegreeLat = a * (1.0 - e2) / (w * w * w) * std::numbers::pi / 180.0;
        const double metresPerDegreeLon = a / w * std::cos(lat0) * std::numbers::pi / 180.0;
        const double dLat = settings.gridSpacingMetres / metresPerDegreeLat;
        const double dLon = settings.gridSpacingMetres / metresPerDegreeLon;
        const std::size_t rows = std::size_t(unservedExtent.height() / dLat) + 1;
        const std::size_t cols = std::size_t(unservedExtent.width() / dLon) + 1;
        if (rows * cols > 2'000'000)
            throw AnalysisError("Setting 'grid spacing' is too small for the area: " + std::to_string(rows * cols) +
                                " grid points (at most 2,000,000)");
        for (std::size_t r = 0; r < rows; ++r)
            for (std::size_t c = 0; c < cols; ++c)
                candidates.push_back({"Ô lưới " + std::to_string(r + 1) + "-" + std::to_string(c + 1),
                                      unservedExtent.minx + (double(c) + 0.5) * dLon,
                                      unservedExtent.miny + (double(r) + 0.5) * dLat, std::nullopt});
    }
    std::vector<CandidateGain> gains(candidates.size());
    detail::parallelFor(candidates.size(), control, "Đánh giá các vị trí chợ đề xuất",
                        [&](std::size_t begin, std::size_t end, int) {
        std::vector<GeodesicPointIndex::Hit> local;
        for (std::size_t i = begin; i < end; ++i)
            gains[i] = gainOf(candidates[i], unservedIndex, unservedVillage, result.villages, radius, local);
    });
    gains.erase(std::remove_if(gains.begin(), gains.end(), [](const CandidateGain& g) { return g.newlyServed == 0; }),
                gains.end());

    // Greedy: each step takes the candidate that serves most of the villages still unserved.
    if (settings.greedySteps > 0) {
        std::map<std::int64_t, bool> covered;
        std::map<std::int64_t, std::int64_t> populationOf;
        for (const VillageMarketAccess& v : result.villages) populationOf[v.villageId] = v.population.value_or(0);
        std::vector<bool> used(gains.size(), false);
        for (std::size_t step = 0; step < settings.greedySteps; ++step) {
            control.checkCancelled();
            std::optional<std::size_t> best;
            CandidateGain bestGain;
            for (std::size_t i = 0; i < gains.size(); ++i) {
                if (used[i]) continue;
                CandidateGain marginal;
                marginal.point = gains[i].point;
                marginal.illustrative = gains[i].illustrative;
                for (const std::int64_t id : gains[i].villageIds) {
                    if (covered.count(id)) continue;
                    marginal.villageIds.push_back(id);
                }
                marginal.newlyServed = marginal.villageIds.size();
                if (marginal.newlyServed == 0) continue;
                for (const std::int64_t id : marginal.villageIds) marginal.population += populationOf[id];
                if (!best || betterCandidate(marginal, bestGain)) {
                    best = i;
                    bestGain = std::move(marginal);
                }
            }
            if (!best) break;
            used[*best] = true;
            for (const std::int64_t id : bestGain.villageIds) covered[id] = true;
            result.greedy.push_back(std::move(bestGain));
        }
    }

    std::sort(gains.begin(), gains.end(), betterCandidate);
    if (gains.size() > settings.maxRanked) gains.resize(settings.maxRanked);
    result.ranking = std::move(gains);
    return result;
}

CandidateGain whatIf(const CatchmentResult& result, const CandidatePoint& point) {
    if (!std::isfinite(point.lon) || !std::isfinite(point.lat) || std::abs(point.lat) > 90.0 || std::abs(point.lon) > 180.0)
        throw AnalysisError("Candidate '" + point.label + "' has no valid longitude/latitude");
    const geo::Geodesic geodesic;
    CandidateGain g;
    g.point = point;
    std::vector<std::pair<double, const VillageMarketAccess*>> hits;
    for (const VillageMarketAccess& v : result.villages) {
        if (v.served) continue;
        const double d = geodesic.distance(point.lon, point.lat, v.lon, v.lat);
        if (d <= result.settings.radiusMetres) hits.push_back({d, &v});
    }
    std::sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first < b.first : a.second->villageId < b.second->villageId;
    });
    for (const auto& [d, v] : hits) {
        g.villageIds.push_back(v->villageId);
        g.population += v->population.value_or(0);
        g.illustrative = g.illustrative || v->illustrative;
    }
    g.newlyServed = g.villageIds.size();
    return g;
}

} // namespace planmap::layers::analysis
