#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

/// \file
/// The illustrative-data generator: invents, at the scale of a project's own
/// plan, the layers no open source holds — villages (thôn, bản), roads,
/// forest plots, markets, health stations and schools, infrastructure
/// projects, feature ↔ indicator links and progress entries — so that maps,
/// analyses and reports of a project can be shown before the province's own
/// files are imported.
///
/// Honesty: every row written carries illustrative = 1 and the source
/// text of illustrativeSource(seed); every name carries the marker "MH"
/// (minh họa) — "Thôn MH-0123", "Lô rừng MH-0042" — and every key starts with
/// "mh-"; progress entries name the generator as author and source
/// document; each layer's illustrative summary says how many of its features
/// are invented. Nothing generated looks like a real name.
///
/// Determinism: the output depends only on the project's units, crosswalk and
/// plan and on the options. The same inputs give byte-identical rows (same
/// ids, geometries, values, dates; progress entry times are derived from
/// their as-of dates, never from the clock). Random numbers come from
/// SplitMix64 streams named per part, no hash-map order is ever used.
///
/// Nothing here is specific to one province: the program area, the scale
/// (numbers of villages, hectares, works) and the indicators to link come
/// from the project and from Options::indicators.

namespace planmap::layers {
class ProjectStore;
}

namespace planmap::layers::illustrative {

/// What an indicator of the plan is used for. Each role, when given an
/// indicator, takes its scale from the indicator's target and links the
/// features it generates to the indicator.
enum class Role {
    VillageRoads,             ///< ratio "villages with a hardened road to the centre" (e.g. 1,108/1,478): number of villages and hardened share
    CommuneRoads,             ///< ratio "communes with a hardened road to the commune centre" (e.g. 174/181)
    ForestProtectionContract, ///< ha of special-use/protection forest contracted for protection
    ForestNaturalAssigned,    ///< ha of natural protection/production forest assigned to communities and households
    ForestRegeneration,       ///< ha of regeneration zoning with supplementary planting
    ForestProductionPlanting, ///< ha of production forest planting
    ForestProtectionPlanting, ///< ha of protection forest planting
    WaterWorks,               ///< number of centralised domestic water works
    HealthStationNew,         ///< number of new commune health stations
    HealthStationUpgrade,     ///< number of health stations upgraded to the standard
    RoadHardeningKm,          ///< km of roads to commune centres hardened
    VillageCulture,           ///< number of cultural/sports facilities built in villages
};

struct RoleInfo {
    Role role;
    std::string_view name;        ///< as on the command line: "village-roads"
    std::string_view description; ///< one line (English)
    std::string_view unit;        ///< what the target counts: "ratio", "ha", "works", "km"
};

/// Every role, in the order of the enum.
const std::vector<RoleInfo>& roles();
std::string_view toString(Role role);
std::optional<Role> parseRole(std::string_view name);

/// Which 2025 commune-level units villages are placed in.
enum class ProgramAreaKind {
    Rural, ///< the units of type xã (not phường, not đặc khu)
    All,   ///< every commune-level unit of the current generation
    Codes, ///< the units listed in Options::programAreaCodes
};

/// A district seat (district town), in longitude/latitude (EPSG:4326).
struct SeatPoint {
    double lon = 0;
    double lat = 0;
    std::string name;
};

struct Options {
    std::uint64_t seed = 1;
    /// Number of villages. Default: the denominator of the VillageRoads
    /// indicator, else one village per 5 km² of the program area.
    std::optional<int> villages;
    ProgramAreaKind programArea = ProgramAreaKind::Rural;
    std::vector<std::string> programAreaCodes; ///< with ProgramAreaKind::Codes: statistics office codes
    /// Indicator code for each role used. A role without an indicator gets a
    /// documented default scale (see defaultScale()) and no links.
    std::map<Role, std::string> indicators;
    /// Further indicators (by code) to write illustrative progress for, per
    /// district or per commune of the plan's generation.
    std::vector<std::string> progressIndicators;
    /// District seats, where the road network's trunk starts. Empty: a point
    /// on the surface of each district polygon of the pre-2025 generation.
    std::vector<SeatPoint> districtSeats;
    /// Also generate existing markets (besides the plan's own named ones).
    bool markets = true;
    /// The year progress entries are dated in. Default: the year of the
    /// first role indicator, else 2023.
    std::optional<int> year;
    /// Called with a short description of each stage as it starts.
    std::function<void(std::string_view stage)> onStage;
};

/// The scale a role gets when no indicator is given for it: for ratios the
/// share (0..1); for hectares the share of the program area; for counts the
/// number of works.
double defaultScale(Role role);

/// What was generated.
struct Report {
    std::uint64_t seed = 0;
    int year = 0;
    std::string projectedCrs;               ///< CRS the geometry was built in, e.g. "EPSG:9215"
    int programCommunes = 0;                ///< 2025 communes in the program area
    double programAreaKm2 = 0;
    int oldCommunesWithVillages = 0;        ///< pre-2025 communes that received villages
    int villages = 0;
    int villagesHardenedRoad = 0;
    int villagesUnhardenedRoad = 0;
    int villagesNoRoad = 0;
    int villagesDbkk = 0;
    std::map<int, int> villagesByArea;      ///< ethnic-minority area 1..3 → villages
    std::int64_t population = 0;
    std::int64_t households = 0;
    int oldCommunesHardenedCentre = 0;      ///< pre-2025 communes whose centre has a hardened road
    int roads = 0;
    double roadKm = 0;                      ///< geodesic
    double roadKmHardened = 0;
    int roadComponents = 0;                 ///< connected components of the road network (1 = connected)
    std::map<std::string, int> roadsByClass;
    int forestPlots = 0;
    int forestPlotsCrossingCommunes = 0;
    std::map<Role, double> forestHa;        ///< geodesic hectares by forest role
    std::map<Role, double> forestTargetHa;  ///< what each was aimed at
    std::map<Role, int> forestPlotsByRole;
    int markets = 0;
    std::map<std::string, int> facilitiesByKind;
    std::map<std::string, int> projectsByType;
    double projectBudgetMillionVnd = 0;
    int featureIndicatorLinks = 0;
    int progressEntries = 0;
    std::map<std::string, int> progressEntriesByIndicator;
    double elapsedSeconds = 0;
};

/// Generates the illustrative layers into `store` in one transaction (on any
/// error nothing is written). Throws std::runtime_error (with the unit, code
/// or role at fault) when the project lacks what is needed (2025 communes with
/// geometry), when an indicator of Options::indicators is unknown or of the
/// wrong kind, or when the project already holds generated illustrative data.
Report generate(ProjectStore& store, const Options& options);

/// The `source` text of every generated row:
/// "minh họa (planmap generate, seed N) — không phải số liệu thật".
std::string illustrativeSource(std::uint64_t seed);
/// The marker in every generated name ("MH", for minh họa).
inline constexpr std::string_view kNameMarker = "MH";
/// Every generated feature's key starts with this.
inline constexpr std::string_view kKeyPrefix = "mh-";
/// The author of generated progress entries.
inline constexpr std::string_view kProgressAuthor = "planmap generate (số liệu minh họa)";

} // namespace planmap::layers::illustrative
