#pragma once
// The inputs of the access analyses (underserved villages, market
// catchments): villages with their units and flags, the service features and
// the roads, as plain values in longitude/latitude (EPSG:4326). Load them
// from a project with loadAccessInputs() on the thread that owns the store
// connection (the GUI opens one of its own on the run's thread), or build
// them directly (tests, benchmarks, other sources).

#include "planmap/layers/analysis/AnalysisRun.h"
#include "planmap/layers/analysis/Services.h"
#include "planmap/layers/analysis/UnitRef.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace planmap::layers {
class ProjectStore;
}

namespace planmap::layers::analysis {

struct VillageInput {
    std::int64_t id = 0;             ///< feature id
    std::string name;
    double lon = 0.0;
    double lat = 0.0;
    bool illustrative = false;
    UnitRef commune;                 ///< commune of 2025 (new)
    UnitRef communeOld;              ///< commune before 2025 (old)
    UnitRef district;                ///< district of 2023
    std::optional<bool> dbkk;        ///< đặc biệt khó khăn
    std::string dbkkSource;          ///< "thôn" (the village's own flag) or "xã" (its commune's)
    std::optional<int> ethnicArea;   ///< khu vực 1, 2, 3
    std::string ethnicAreaSource;    ///< "thôn" or "xã"
    std::optional<std::int64_t> population;
};

/// A service feature represented by a point.
struct ServicePoint {
    std::int64_t id = 0;
    std::string layer;
    std::string name;
    double lon = 0.0;
    double lat = 0.0;
    bool illustrative = false;
    bool planned = false;            ///< not in service yet (see Services.h)
};

/// A road (one part of a MultiLineString per entry).
struct RoadLine {
    std::int64_t id = 0;
    std::string layer;
    std::string name;
    std::vector<double> lonLat;      ///< at least two points, interleaved
    bool hardened = false;
    bool illustrative = false;
    bool planned = false;
};

struct AccessInputs {
    std::vector<VillageInput> villages;
    /// Indexed by serviceIndex() of Market, HealthStation, School.
    std::array<std::vector<ServicePoint>, 3> services;
    std::vector<RoadLine> roads;
    /// Things the loader noticed (features skipped for lack of geometry, ...).
    std::vector<std::string> notes;

    [[nodiscard]] const std::vector<ServicePoint>& servicePoints(Service s) const { return services[serviceIndex(s)]; }
    std::vector<ServicePoint>& servicePoints(Service s) { return services[serviceIndex(s)]; }
};

/// Reads villages, services (by the rules of Services.h) and roads from a
/// project. A village without its commune or district gets them from the
/// unit polygons it lies in (2025 communes, 2023 districts); its ĐBKK and
/// ethnic-minority-area flags fall back to its old commune's, then its new
/// commune's. Throws AnalysisError naming the layer and feature for a
/// geometry that cannot be read. Reports the stage kReadStage (features read
/// of those to read) through `control` and throws AnalysisCancelled soon
/// after it is cancelled.
AccessInputs loadAccessInputs(ProjectStore& store, const RunControl& control = {});

} // namespace planmap::layers::analysis
