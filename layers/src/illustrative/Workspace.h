#pragma once
// The generator's working state, shared by its stages (Villages.cpp,
// Roads.cpp, Forests.cpp, Facilities.cpp, Projects.cpp, Writer.cpp).
//
// All geometry work happens in a projected CRS in metres (the project's
// default CRS when it is projected, else the UTM zone of the program area);
// geometries go back to longitude/latitude only when written.

#include "planmap/geo/Crs.h"
#include "planmap/geo/Geodesic.h"
#include "planmap/geo/Geometry.h"
#include "planmap/geo/PreparedGeometry.h"
#include "planmap/geo/SpatialIndex.h"
#include "planmap/geo/Transform.h"
#include "planmap/layers/illustrative/IllustrativeGenerator.h"
#include "planmap/layers/plan/PlanCatalogue.h"
#include "planmap/layers/store/Value.h"
#include "planmap/layers/units/AdminUnits.h"

#include "Random.h"

#include <cmath>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace planmap::layers {
class ProjectStore;
}

namespace planmap::layers::illustrative::detail {

/// A point in the working (projected) CRS, metres.
struct Pt {
    double x = 0;
    double y = 0;
};
inline double distance(Pt a, Pt b) { return std::hypot(a.x - b.x, a.y - b.y); }

struct NewCommune {
    std::int64_t id = 0;
    std::string code;
    std::string name;      ///< "Thống Nhất"
    std::string fullName;  ///< "Xã Thống Nhất"
    UnitType type = UnitType::Commune;
    geo::Geometry geom = geo::Geometry::empty(geo::GeometryType::MultiPolygon); ///< projected
    std::shared_ptr<geo::PreparedGeometry> prepared;
    /// The polygon shrunk inwards (by up to 150 m): villages and facilities
    /// are placed inside it, so they stay clear of the boundary.
    geo::Geometry inset = geo::Geometry::empty(geo::GeometryType::MultiPolygon);
    std::shared_ptr<geo::PreparedGeometry> insetPrepared;
    /// The polygon as stored (longitude/latitude), for filing features the
    /// way the project's checks locate them.
    geo::Geometry lonlat = geo::Geometry::empty(geo::GeometryType::MultiPolygon);
    std::shared_ptr<geo::PreparedGeometry> lonlatPrepared;
    double areaM2 = 0;
    Pt centre;                    ///< the commune centre (a road hub)
    bool program = false;         ///< in the program area
    std::vector<int> predecessors; ///< indices into Workspace::olds (crosswalk), by code
    std::vector<int> villages;    ///< indices into Workspace::villages
};

struct OldCommune {
    std::int64_t id = 0;
    std::string code;
    std::string name;
    int district = -1;            ///< index into Workspace::districts
    std::vector<int> villages;
    int centreVillage = -1;       ///< the village that serves as the commune centre
    int area = 1;                 ///< ethnic-minority area (khu vực) 1, 2, 3
    double remoteness = 0;        ///< 0 (near a district seat) .. 1
    bool hardenedCentre = false;  ///< hardened road from its centre to the commune hub
    /// Not a unit of the project: a stand-in for a 2025 commune without
    /// predecessors (no crosswalk); written as NULL commune_old_id.
    bool synthetic = false;
    int newCommune = -1;          ///< for synthetic ones: the 2025 commune
};

struct District {
    std::int64_t id = 0;
    std::string code;
    std::string name;
    std::optional<geo::Geometry> geom; ///< projected
    std::shared_ptr<geo::PreparedGeometry> prepared;
};

struct Seat {
    Pt p;
    std::string name;
    int district = -1;
    int commune = -1;             ///< the 2025 commune containing it, -1 if none
};

struct Village {
    Pt p;
    int commune = -1;             ///< index into communes
    int old = -1;                 ///< index into olds, -1 when the project has no crosswalk
    int number = 0;               ///< 1-based, in the name "Thôn MH-0001"
    int node = -1;                ///< road network node
    bool dbkk = false;
    int area = 1;
    std::string roadStatus = "unhardened"; ///< hardened | unhardened | none
    bool gridPower = true;
    int households = 0;
    int population = 0;
    int poorHouseholds = 0;
};

enum class NodeKind { Seat, Centre, Village };
struct Node {
    Pt p;
    NodeKind kind = NodeKind::Village;
    int ref = -1;                 ///< seat, commune or village index
    int parent = -1;              ///< village nodes: next node towards the commune centre
    int parentEdge = -1;
    int depth = 0;
};

struct RoadEdge {
    int a = -1;                   ///< node indices; a is the parent side for village roads
    int b = -1;
    std::string roadClass;        ///< provincial | district | commune | village
    bool hardened = true;
    double widthM = 3.5;
    int commune = -1;
    int old = -1;
    std::vector<Pt> line;         ///< from node a to node b, endpoints exactly the node points
    double lengthKm = 0;          ///< geodesic, set when written
    int number = 0;
};

struct ForestPlot {
    geo::Geometry geom = geo::Geometry::empty(geo::GeometryType::Polygon); ///< projected
    Role role = Role::ForestNaturalAssigned;
    int commune = -1;
    int old = -1;
    bool crossing = false;        ///< extends over a commune boundary
    std::string forestType;       ///< special_use | protection | production
    std::string origin;           ///< natural | planted
    std::string holder;
    int contractYear = 0;
    double ha = 0;                ///< geodesic
    int number = 0;
    std::string subZone, compartment, plot;
};

struct Facility {
    Pt p;
    std::string kind;             ///< a code of facilities.kind
    int commune = -1;
    int old = -1;
    bool meetsStandard = true;
    int number = 0;               ///< per kind
};

struct Market {
    Pt p;
    int commune = -1;
    int old = -1;
    int marketClass = 3;
    int number = 0;
};

struct Project {
    std::optional<geo::Geometry> line; ///< projected; for works along a road
    Pt p;                          ///< for point works
    std::string type;              ///< a code of projects.project_type
    std::string action;            ///< the name's first words, e.g. "Nâng cấp trạm y tế"
    std::string status;            ///< planned | in_progress | completed
    double budget = 0;             ///< million VND
    std::optional<std::string> start, end;
    int commune = -1;
    int old = -1;
    std::optional<Role> role;      ///< the indicator it serves, if any
    double km = 0;                 ///< road works: length
    double completedShare = 0;     ///< share done at the last progress date
    int number = 0;
};

/// A role's indicator, when one was given.
struct RoleIndicator {
    Indicator indicator;
    double scale = 0;             ///< ratio share, hectares or count
    std::optional<double> numerator, denominator;
};

struct Workspace {
    Workspace(ProjectStore& store, const Options& options, Report& report);

    ProjectStore& store;
    const Options& options;
    Report& report;

    geo::Crs storageCrs;
    std::optional<geo::Crs> workCrs;
    std::unique_ptr<geo::Transform> toWork; ///< forward: lon/lat → working CRS
    geo::Geodesic geodesic;
    int year = 2023;

    std::map<Role, RoleIndicator> roleIndicators;

    std::vector<NewCommune> communes; ///< every 2025 commune-level unit with geometry, by code
    std::vector<OldCommune> olds;     ///< pre-2025 communes, by code
    std::vector<District> districts;  ///< pre-2025 districts, by code
    std::vector<Seat> seats;
    std::vector<int> program;         ///< indices of program-area communes
    geo::SpatialIndex communeIndex;   ///< id = index into communes

    std::vector<Village> villages;
    std::vector<Node> nodes;
    std::vector<RoadEdge> edges;
    std::vector<ForestPlot> plots;
    std::vector<Facility> facilities;
    std::vector<Market> markets;
    std::vector<Project> projects;

    /// The scale of a role: the indicator's when given, else defaultScale().
    double scale(Role role) const;
    bool hasIndicator(Role role) const { return roleIndicators.count(role) != 0; }

    Pt toWorkPoint(double lon, double lat) const;
    /// A projected geometry in storage coordinates (lon/lat) as WKB.
    Wkb toStorageWkb(const geo::Geometry& projected) const;
    geo::Geometry toStorage(const geo::Geometry& projected) const;
    /// The 2025 commune whose polygon covers the point (the first by code
    /// where polygons overlap), or -1.
    int communeAt(Pt p) const;
    /// Tells Options::onStage, if set.
    void announce(std::string_view stage) const;
};

// --- stages, in the order generate() runs them ---------------------------------
void loadProject(Workspace& ws);      ///< Workspace.cpp: units, crosswalk, seats, indicators
void placeVillages(Workspace& ws);    ///< Villages.cpp: positions and old communes
void describeVillages(Workspace& ws); ///< Villages.cpp: area, ĐBKK, people (before roads)
void buildRoads(Workspace& ws);       ///< Roads.cpp: network, hardened villages
void placeFacilities(Workspace& ws);  ///< Facilities.cpp: health stations, schools, cultural houses, markets
void plantForests(Workspace& ws);     ///< Forests.cpp
void planProjects(Workspace& ws);     ///< Projects.cpp
void writeAll(Workspace& ws);         ///< Writer.cpp: features, links, progress, layer summaries

/// How much a place looks like forest land, 0..1 (smooth noise with
/// features of about 9 km). Villages prefer low values, forests high ones.
double forestAffinity(const Workspace& ws, Pt p);

/// A random point of the commune's inset polygon within `radius` metres of
/// `around` (anywhere in it when radius <= 0); falls back to `around`.
Pt randomPointIn(const NewCommune& commune, Rng& rng, Pt around, double radius);

/// Vietnamese thousands separators: 1478 → "1.478".
std::string formatCount(std::int64_t value);

} // namespace planmap::layers::illustrative::detail
