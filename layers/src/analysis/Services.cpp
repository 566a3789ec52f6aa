#include "planmap/layers/analysis/Services.h"

namespace planmap::layers::analysis {

std::string_view serviceKey(Service service) {
    switch (service) {
    case Service::Market: return "market";
    case Service::HealthStation: return "health_station";
    case Service::School: return "school";
    case Service::HardenedRoad: return "hardened_road";
    }
    return "unknown";
}

std::string_view serviceLabelVi(Service service) {
    switch (service) {
    case Service::Market: return "Chợ";
    case Service::HealthStation: return "Trạm y tế";
    case Service::School: return "Trường học";
    case Service::HardenedRoad: return "Đường đã cứng hóa";
    }
    return "?";
}

const std::vector<ServiceSourceRule>& serviceSourceRules() {
    static const std::vector<ServiceSourceRule> rules{
        {Service::Market, "markets", "", {}, "status", {"existing", "upgrade"}, true, false},
        {Service::Market, "projects", "project_type", {"market"}, "status", {"completed"}, false, false},
        {Service::HealthStation, "facilities", "kind", {"health_station"}, "", {}, true, false},
        {Service::HealthStation, "projects", "project_type", {"health_station"}, "status", {"completed"}, false, false},
        {Service::School, "facilities", "kind",
         {"primary_school", "lower_secondary_school", "upper_secondary_school", "school", "boarding_school",
          "semi_boarding_school"},
         "", {}, true, false},
        {Service::School, "projects", "project_type", {"school"}, "status", {"completed"}, false, false},
        {Service::HardenedRoad, "roads", "surface", {"hardened"}, "", {}, true, false},
        {Service::HardenedRoad, "projects", "project_type", {"road"}, "status", {"completed"}, false, true},
    };
    return rules;
}

} // namespace planmap::layers::analysis
