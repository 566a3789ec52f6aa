#pragma once
// THE place that says which features count as each service of the
// underserved-villages and market-catchment analyses.
//
//  service         | layer      | features that count                                   | "planned" (counted only on request)
//  ----------------|------------|-------------------------------------------------------|------------------------------------
//  market          | markets    | every market                                          | status = new (not built yet)
//  market          | projects   | project_type = market                                 | status other than completed
//  health_station  | facilities | kind = health_station                                 | -
//  health_station  | projects   | project_type = health_station                         | status other than completed
//  school          | facilities | kind = primary_school, lower_secondary_school,        | -
//                  |            | upper_secondary_school, school, boarding_school,      |
//                  |            | semi_boarding_school (kindergartens do not count)     |
//  school          | projects   | project_type = school                                 | status other than completed
//  hardened_road   | roads      | surface = hardened                                    | -
//  hardened_road   | projects   | project_type = road, line geometry                    | status other than completed
//
// A market or project without a status counts as built for markets (a market
// in the layer is taken to exist) and as planned for projects (a project is
// taken to be built only when it says so). Point services given as lines or
// polygons (projects of any geometry) are represented by a point on their
// surface. The road network (network distances) is made of every road of the
// roads layer, hardened or not, plus built road projects.

#include <array>
#include <string_view>
#include <vector>

namespace planmap::layers::analysis {

enum class Service { Market, HealthStation, School, HardenedRoad };
inline constexpr std::array<Service, 4> kServices{Service::Market, Service::HealthStation, Service::School,
                                                  Service::HardenedRoad};
/// The point services (all but the hardened road).
inline constexpr std::array<Service, 3> kPointServices{Service::Market, Service::HealthStation, Service::School};

/// "market", "health_station", "school", "hardened_road" (column prefixes, CLI names).
std::string_view serviceKey(Service service);
/// "Chợ", "Trạm y tế", "Trường học", "Đường đã cứng hóa".
std::string_view serviceLabelVi(Service service);
inline constexpr std::size_t serviceIndex(Service s) { return static_cast<std::size_t>(s); }

/// One row of the table above.
struct ServiceSourceRule {
    Service service;
    std::string_view layer;
    std::string_view kindField;              ///< empty: every feature of the layer
    std::vector<std::string_view> kinds;     ///< accepted codes of kindField
    std::string_view statusField;            ///< empty: always built
    std::vector<std::string_view> builtStatuses;  ///< statuses meaning "in service now"
    bool missingStatusIsBuilt = false;
    bool linesOnly = false;                  ///< hardened_road from projects: line geometries only
};

/// The rules, in the order of the table.
const std::vector<ServiceSourceRule>& serviceSourceRules();

} // namespace planmap::layers::analysis
