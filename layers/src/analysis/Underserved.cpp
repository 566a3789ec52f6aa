#include "planmap/layers/analysis/Underserved.h"

#include "planmap/layers/analysis/GeodesicIndex.h"
#include "planmap/layers/analysis/RoadNetwork.h"

#include "Parallel.h"
#include "ViFormat.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

namespace planmap::layers::analysis {

namespace {

std::string countText(std::size_t part, std::size_t whole) {
    return std::to_string(part) + "/" + std::to_string(whole);
}

/// What one run works on: the included services and roads, their indexes.
struct AccessModel {
    geo::Geodesic geodesic;
    std::unique_ptr<LowerBoundPlane> plane;
    std::array<std::vector<const ServicePoint*>, 3> points;
    std::array<std::unique_ptr<GeodesicPointIndex>, 3> pointIndex;
    std::vector<const RoadLine*> hardened;
    std::unique_ptr<GeodesicLineIndex> hardenedIndex;
    std::vector<const RoadLine*> network;
    std::unique_ptr<GeodesicLineIndex> networkIndex;
    std::unique_ptr<RoadNetwork> roadNetwork;
    std::array<std::optional<RoadNetwork::Field>, 3> fields;
    std::array<std::vector<std::size_t>, 3> sourceService;  ///< field source -> index into points[k]
};

} // namespace

std::string_view distanceKindLabelVi(DistanceKind kind) {
    return kind == DistanceKind::Network ? "theo đường giao thông" : "đường thẳng";
}

void NeedScoreSettings::validate() const {
    for (const Service s : kServices) {
        const ServiceRule& r = rule(s);
        const std::string name(serviceKey(s));
        if (!(r.thresholdMetres > 0.0) || !std::isfinite(r.thresholdMetres))
            throw AnalysisError("Setting '" + name + " threshold' must be a positive distance in metres");
        if (!(r.weight >= 0.0) || !std::isfinite(r.weight))
            throw AnalysisError("Setting '" + name + " weight' must be a number >= 0");
    }
    const std::pair<const char*, double> others[] = {
        {"cap", cap}, {"dbkk weight", dbkkWeight}, {"area III weight", areaIIIWeight}, {"area II weight", areaIIWeight}};
    for (const auto& [name, v] : others)
        if (!(v >= 0.0) || !std::isfinite(v)) throw AnalysisError(std::string("Setting '") + name + "' must be a number >= 0");
}

std::string VillageNeed::breakdownText() const {
    std::string out;
    for (const ScoreTerm& t : breakdown) {
        if (!out.empty()) out += "; ";
        out += t.labelVi;
        if (!t.detail.empty()) out += " " + t.detail;
        out += ": +" + detail::formatVi(t.points, 2);
    }
    return out;
}

void scoreVillage(VillageNeed& need, const NeedScoreSettings& settings) {
    need.breakdown.clear();
    for (const Service s : kServices) {
        ServiceDistance& d = need.distances[serviceIndex(s)];
        const ServiceRule& rule = settings.rule(s);
        d.scoredKind = (settings.preferNetworkDistance && s != Service::HardenedRoad && d.networkM)
                           ? DistanceKind::Network
                           : DistanceKind::StraightLine;
        const std::optional<double> metres = d.scoredM();
        ScoreTerm term{std::string(serviceKey(s)), std::string(serviceLabelVi(s)), 0.0, {}};
        if (!metres) {
            term.points = rule.weight * settings.cap;
            term.detail = "(không có)";
        } else if (*metres > rule.thresholdMetres) {
            term.points = rule.weight * std::min(*metres / rule.thresholdMetres, settings.cap);
            term.detail = detail::formatKm(*metres) + " > " + detail::formatVi(rule.thresholdMetres / 1000.0, 1) +
                          " km (" + std::string(distanceKindLabelVi(d.scoredKind)) + ")";
        }
        if (term.points > 0.0) {
            need.breakdown.push_back(std::move(term));
        }
    }
    if (need.dbkk.value_or(false) && settings.dbkkWeight > 0.0) {
        need.breakdown.push_back({"dbkk", "Đặc biệt khó khăn", settings.dbkkWeight, {}});
    }
    if (need.ethnicArea) {
        const double w = *need.ethnicArea == 3 ? settings.areaIIIWeight : *need.ethnicArea == 2 ? settings.areaIIWeight : 0.0;
        if (w > 0.0) {
            need.breakdown.push_back({"ethnic_area", "Vùng DTTS", w, *need.ethnicArea == 3 ? "khu vực III" : "khu vực II"});
        }
    }
    // The score is the sum of the listed terms, in the listed order.
    need.score = 0.0;
    for (const ScoreTerm& t : need.breakdown) need.score += t.points;
}

namespace {

void rank(std::vector<VillageNeed>& villages) {
    std::stable_sort(villages.begin(), villages.end(), [](const VillageNeed& a, const VillageNeed& b) {
        return a.score != b.score ? a.score > b.score : a.id < b.id;
    });
    for (std::size_t i = 0; i < villages.size(); ++i) villages[i].rank = i + 1;
}

} // namespace

void rescore(UnderservedResult& result, const NeedScoreSettings& settings) {
    settings.validate();
    result.settings.score = settings;
    for (VillageNeed& v : result.villages) scoreVillage(v, settings);
    rank(result.villages);
}

UnderservedResult analyzeUnderserved(const AccessInputs& in, const UnderservedSettings& settings,
                                     const RunControl& control) {
    settings.score.validate();
    if (!(settings.snapToleranceMetres >= 0.0)) throw AnalysisError("Setting 'snap tolerance' must be >= 0 metres");
    UnderservedResult result;
    result.settings = settings;
    result.notes = in.notes;

    AccessModel m;
    geo::Envelope extent;
    for (const VillageInput& v : in.villages) extent.expand(v.lon, v.lat);
    for (const Service s : kPointServices) {
        for (const ServicePoint& p : in.servicePoints(s)) {
            if (p.planned && !settings.countPlannedWorks) continue;
            m.points[serviceIndex(s)].push_back(&p);
            extent.expand(p.lon, p.lat);
        }
    }
    for (const RoadLine& r : in.roads) {
        if (r.planned && !settings.countPlannedWorks) continue;
        if (r.lonLat.size() < 4) continue;
        for (std::size_t i = 0; i + 1 < r.lonLat.size(); i += 2) extent.expand(r.lonLat[i], r.lonLat[i + 1]);
        if (r.hardened) m.hardened.push_back(&r);
        m.network.push_back(&r);
    }
    for (const Service s : kPointServices) result.serviceCounts[serviceIndex(s)] = m.points[serviceIndex(s)].size();
    result.serviceCounts[serviceIndex(Service::HardenedRoad)] = m.hardened.size();

    // Illustrative inputs make the result illustrative; say which.
    std::size_t illustrativeVillages = 0;
    for (const VillageInput& v : in.villages) illustrativeVillages += v.illustrative ? 1 : 0;
    if (illustrativeVillages > 0)
        result.illustrativeSources.push_back("thôn: " + countText(illustrativeVillages, in.villages.size()) + " minh họa");
    std::array<bool, 4> serviceIllustrative{};
    for (const Service s : kPointServices) {
        const auto& list = m.points[serviceIndex(s)];
        const auto n = std::size_t(std::count_if(list.begin(), list.end(), [](const ServicePoint* p) { return p->illustrative; }));
        serviceIllustrative[serviceIndex(s)] = n > 0;
        if (n > 0)
            result.illustrativeSources.push_back(std::string(serviceLabelVi(s)) + ": " + countText(n, list.size()) + " minh họa");
    }
    const auto illustrativeRoads = [](const std::vector<const RoadLine*>& list) {
        return std::size_t(std::count_if(list.begin(), list.end(), [](const RoadLine* r) { return r->illustrative; }));
    };
    const std::size_t hardenedIllustrative = illustrativeRoads(m.hardened);
    serviceIllustrative[serviceIndex(Service::HardenedRoad)] = hardenedIllustrative > 0;
    if (hardenedIllustrative > 0)
        result.illustrativeSources.push_back("đường đã cứng hóa: " + countText(hardenedIllustrative, m.hardened.size()) +
                                             " đoạn minh họa");

    if (in.villages.empty()) {
        result.network.note = "không có thôn nào";
        result.illustrative = !result.illustrativeSources.empty();
        return result;
    }

    m.plane = std::make_unique<LowerBoundPlane>(extent, m.geodesic);
    for (const Service s : kPointServices) {
        auto& index = m.pointIndex[serviceIndex(s)];
        index = std::make_unique<GeodesicPointIndex>(*m.plane, m.geodesic);
        index->reserve(m.points[serviceIndex(s)].size());
        for (const ServicePoint* p : m.points[serviceIndex(s)]) index->add(p->lon, p->lat);
        index->build();
    }
    m.hardenedIndex = std::make_unique<GeodesicLineIndex>(*m.plane, m.geodesic);
    for (const RoadLine* r : m.hardened) m.hardenedIndex->addLine(r->lonLat);
    m.hardenedIndex->build();

    // The road network, when asked for and when the roads connect.
    bool useNetwork = false;
    if (settings.network == NetworkMode::Off) {
        result.network.note = "không tính khoảng cách theo đường giao thông (đã tắt)";
    } else if (m.network.empty()) {
        result.network.note = "không có đường giao thông";
    } else {
        m.networkIndex = std::make_unique<GeodesicLineIndex>(*m.plane, m.geodesic);
        for (const RoadLine* r : m.network) m.networkIndex->addLine(r->lonLat);
        m.networkIndex->build();
        m.roadNetwork = std::make_unique<RoadNetwork>(*m.networkIndex, *m.plane, m.geodesic, settings.snapToleranceMetres);
        result.network.lines = m.roadNetwork->lineCount();
        result.network.nodes = m.roadNetwork->nodeCount();
        result.network.junctions = m.roadNetwork->junctionCount();
        result.network.components = m.roadNetwork->componentCount();
        if (!m.roadNetwork->hasConnectivity()) {
            result.network.note = "các đoạn đường không nối với nhau ở đầu mút: chỉ tính đường thẳng";
        } else {
            useNetwork = true;
            result.network.computed = true;
            result.network.note = std::to_string(result.network.lines) + " đoạn đường, " +
                                  std::to_string(result.network.junctions) + " nút giao, " +
                                  std::to_string(result.network.components) + " mạng liên thông";
            if (const std::size_t n = illustrativeRoads(m.network); n > 0)
                result.illustrativeSources.push_back("mạng đường: " + countText(n, m.network.size()) + " đoạn minh họa");
        }
    }
    if (useNetwork) {
        for (const Service s : kPointServices) {
            const auto& services = m.points[serviceIndex(s)];
            std::vector<std::optional<RoadNetwork::Access>> access(services.size());
            detail::parallelFor(services.size(), control, "Nối " + std::string(serviceLabelVi(s)) + " vào mạng đường",
                                [&](std::size_t begin, std::size_t end, int) {
                                    for (std::size_t i = begin; i < end; ++i)
                                        access[i] = m.roadNetwork->access(services[i]->lon, services[i]->lat);
                                });
            std::vector<RoadNetwork::Access> sources;
            auto& sourceService = m.sourceService[serviceIndex(s)];
            for (std::size_t i = 0; i < services.size(); ++i) {
                if (!access[i]) continue;
                sources.push_back(*access[i]);
                sourceService.push_back(i);
            }
            m.fields[serviceIndex(s)] = m.roadNetwork->shortestFrom(sources);
        }
    }

    // Distances of every village.
    result.villages.resize(in.villages.size());
    detail::parallelFor(in.villages.size(), control, "Tính khoảng cách từ thôn đến dịch vụ",
                        [&](std::size_t begin, std::size_t end, int) {
        for (std::size_t i = begin; i < end; ++i) {
            const VillageInput& v = in.villages[i];
            VillageNeed& need = result.villages[i];
            need.id = v.id;
            need.name = v.name;
            need.lon = v.lon;
            need.lat = v.lat;
            need.commune = v.commune;
            need.communeOld = v.communeOld;
            need.district = v.district;
            need.dbkk = v.dbkk;
            need.ethnicArea = v.ethnicArea;
            need.population = v.population;
            need.illustrative = v.illustrative;

            std::optional<RoadNetwork::Access> villageAccess;
            if (useNetwork) villageAccess = m.roadNetwork->access(v.lon, v.lat);
            for (const Service s : kPointServices) {
                const std::size_t k = serviceIndex(s);
                ServiceDistance& d = need.distances[k];
                d.illustrative = serviceIllustrative[k];
                if (const auto hit = m.pointIndex[k]->nearest(v.lon, v.lat)) {
                    const ServicePoint& p = *m.points[k][hit->index];
                    d.straightLineM = hit->distance;
                    d.nearestId = p.id;
                    d.nearestName = p.name;
                }
                if (villageAccess && m.fields[k]) {
                    if (const auto reach = m.fields[k]->reach(*villageAccess)) {
                        const ServicePoint& p = *m.points[k][m.sourceService[k][reach->source]];
                        d.networkM = reach->distance;
                        d.networkNearestId = p.id;
                        d.networkNearestName = p.name;
                    }
                }
            }
            ServiceDistance& road = need.distances[serviceIndex(Service::HardenedRoad)];
            road.illustrative = serviceIllustrative[serviceIndex(Service::HardenedRoad)];
            if (const auto hit = m.hardenedIndex->nearest(v.lon, v.lat)) {
                const RoadLine& r = *m.hardened[hit->line];
                road.straightLineM = hit->distance;
                road.nearestId = r.id;
                road.nearestName = r.name;
            }
            for (const ServiceDistance& d : need.distances) need.illustrative = need.illustrative || d.illustrative;
            scoreVillage(need, settings.score);
        }
    }, 64);

    if (useNetwork && illustrativeRoads(m.network) > 0)
        for (VillageNeed& v : result.villages) v.illustrative = true;
    rank(result.villages);
    result.illustrative = !result.illustrativeSources.empty();
    return result;
}

UnderservedResult filterVillages(const UnderservedResult& result, const VillageFilter& filter) {
    UnderservedResult out = result;
    out.villages.clear();
    for (const VillageNeed& v : result.villages) {
        if (filter.districtId && v.district.id != filter.districtId) continue;
        if (filter.communeId && v.commune.id != filter.communeId) continue;
        if (filter.communeOldId && v.communeOld.id != filter.communeOldId) continue;
        out.villages.push_back(v);
    }
    return out;
}

std::vector<ThresholdSummary> summarize(const UnderservedResult& result, SummaryLevel level) {
    struct Key {
        std::string code;
        std::string name;
        std::int64_t id;
        bool operator<(const Key& o) const {
            return std::tie(code, name, id) < std::tie(o.code, o.name, o.id);
        }
    };
    std::map<Key, ThresholdSummary> groups;
    for (const VillageNeed& v : result.villages) {
        const UnitRef& unit = level == SummaryLevel::Commune2025 ? v.commune
                              : level == SummaryLevel::CommuneOld ? v.communeOld
                                                                  : v.district;
        ThresholdSummary& s = groups[Key{unit.code, unit.name, unit.id.value_or(-1)}];
        s.unit = unit;
        ++s.villages;
        for (const Service svc : kServices) {
            const auto metres = v.distance(svc).scoredM();
            if (!metres || *metres > result.settings.score.rule(svc).thresholdMetres) ++s.beyond[serviceIndex(svc)];
        }
        s.meanScore += v.score;
        s.maxScore = std::max(s.maxScore, v.score);
        s.illustrative = s.illustrative || v.illustrative;
    }
    std::vector<ThresholdSummary> out;
    out.reserve(groups.size());
    for (auto& [key, s] : groups) {
        if (s.villages > 0) s.meanScore /= double(s.villages);
        out.push_back(std::move(s));
    }
    return out;
}

} // namespace planmap::layers::analysis
