#include "planmap/layers/illustrative/IllustrativeGenerator.h"

#include "Workspace.h"

#include "planmap/layers/store/ProjectStore.h"

#include <chrono>
#include <stdexcept>

namespace planmap::layers::illustrative {

const std::vector<RoleInfo>& roles()
{
    static const std::vector<RoleInfo> all = {
        {Role::VillageRoads, "village-roads",
         "ratio of villages with a hardened road to the centre: its denominator is the number of villages", "ratio"},
        {Role::CommuneRoads, "commune-roads", "ratio of communes with a hardened road to the commune centre", "ratio"},
        {Role::ForestProtectionContract, "forest-protection-contract",
         "hectares of special-use and protection forest contracted for protection", "ha"},
        {Role::ForestNaturalAssigned, "forest-natural-assigned",
         "hectares of natural forest assigned to communities and households", "ha"},
        {Role::ForestRegeneration, "forest-regeneration", "hectares of regeneration with supplementary planting", "ha"},
        {Role::ForestProductionPlanting, "forest-production-planting", "hectares of production forest planted", "ha"},
        {Role::ForestProtectionPlanting, "forest-protection-planting", "hectares of protection forest planted", "ha"},
        {Role::WaterWorks, "water-works", "centralised domestic water works built", "works"},
        {Role::HealthStationNew, "health-station-new", "commune health stations newly built", "works"},
        {Role::HealthStationUpgrade, "health-station-upgrade", "health stations upgraded to the standard", "works"},
        {Role::RoadHardeningKm, "road-hardening-km", "km of roads to commune centres hardened", "km"},
        {Role::VillageCulture, "village-culture", "cultural and sports facilities built in villages", "works"},
    };
    return all;
}

std::string_view toString(Role role)
{
    for (const RoleInfo& info : roles())
        if (info.role == role) return info.name;
    return "unknown";
}

std::optional<Role> parseRole(std::string_view name)
{
    for (const RoleInfo& info : roles())
        if (info.name == name) return info.role;
    return std::nullopt;
}

double defaultScale(Role role)
{
    switch (role) {
    case Role::VillageRoads: return 0.75;
    case Role::CommuneRoads: return 0.95;
    // Shares of the program area, close to those of a northern mountain province.
    case Role::ForestProtectionContract: return 0.032;
    case Role::ForestNaturalAssigned: return 0.088;
    case Role::ForestRegeneration: return 0.0008;
    case Role::ForestProductionPlanting: return 0.007;
    case Role::ForestProtectionPlanting: return 0.0008;
    case Role::WaterWorks: return 5;
    case Role::HealthStationNew: return 1;
    case Role::HealthStationUpgrade: return 10;
    case Role::RoadHardeningKm: return 40;
    case Role::VillageCulture: return 20;
    }
    return 0;
}

std::string illustrativeSource(std::uint64_t seed)
{
    return "minh họa (planmap generate, seed " + std::to_string(seed) + ") — không phải số liệu thật";
}

namespace {

/// Refuses a project that already holds generated data: progress entries
/// cannot be deleted, so generating twice would mix two sets.
void requireNotGenerated(ProjectStore& store)
{
    Connection& c = store.connection();
    for (const std::string_view layer : {builtin_layers::kVillages, builtin_layers::kRoads, builtin_layers::kForests,
                                         builtin_layers::kFacilities, builtin_layers::kMarkets, builtin_layers::kProjects}) {
        auto s = c.prepare("SELECT count(*) FROM " + quoteIdentifier(store.features().layer(layer).table)
                           + " WHERE user_key LIKE '" + std::string(kKeyPrefix) + "%'");
        if (s->step() && s->columnInt(0) > 0)
            throw std::runtime_error(store.path().string() + ": the project already holds illustrative data made by the generator ("
                                     + std::to_string(s->columnInt(0)) + " features of layer '" + std::string(layer)
                                     + "' with keys '" + std::string(kKeyPrefix)
                                     + "…'); generate into a project that has none (progress entries cannot be removed)");
    }
    auto s = c.prepare("SELECT count(*) FROM progress_entries WHERE author = ?");
    s->bindText(1, kProgressAuthor);
    if (s->step() && s->columnInt(0) > 0)
        throw std::runtime_error(store.path().string() + ": the project already holds " + std::to_string(s->columnInt(0))
                                 + " progress entries made by the generator; generate into a project that has none");
}

} // namespace

Report generate(ProjectStore& store, const Options& options)
{
    const auto started = std::chrono::steady_clock::now();
    Report report;
    report.seed = options.seed;
    requireNotGenerated(store);

    Transaction transaction(store.connection());
    detail::Workspace ws(store, options, report);
    detail::loadProject(ws);
    report.year = ws.year;
    detail::placeVillages(ws);
    detail::describeVillages(ws);
    detail::buildRoads(ws);
    detail::placeFacilities(ws);
    detail::plantForests(ws);
    detail::planProjects(ws);
    detail::writeAll(ws);
    transaction.commit();

    report.elapsedSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return report;
}

} // namespace planmap::layers::illustrative
