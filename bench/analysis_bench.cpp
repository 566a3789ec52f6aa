// Benchmarks of the planner analyses on deterministic synthetic data (fixed
// seeds; nothing read from disk):
//  1. underserved villages: 100,000 villages x 10,000 facilities (markets,
//     health stations, schools) plus a hardened road grid; target < 1 s;
//  2. forest overlay: 50,000 plots x 10,600 communes (and 700 districts);
//     target < 5 s.
// Prints the time of each and whether the target is met.

#include "planmap/layers/analysis/ForestProtection.h"
#include "planmap/layers/analysis/Underserved.h"

#include <chrono>
#include <ctime>
#include <fstream>
#include <string>
#include <cstring>
#include <cmath>
#include <cstdio>
#include <random>
#include <thread>

using namespace planmap::layers::analysis;
namespace geo = planmap::geo;

namespace {

// Lạng Sơn's extent, roughly.
constexpr double kWest = 106.1, kEast = 107.4, kSouth = 21.3, kNorth = 22.5;

double uniform(std::mt19937_64& rng, double lo, double hi) {
    return lo + (hi - lo) * (double(rng() >> 11) * (1.0 / 9007199254740992.0));
}

AccessInputs syntheticAccess(std::size_t villages, std::size_t facilities, std::size_t roadRows) {
    std::mt19937_64 rng(20230305);
    AccessInputs in;
    in.villages.reserve(villages);
    for (std::size_t i = 0; i < villages; ++i) {
        VillageInput v;
        v.id = std::int64_t(i + 1);
        v.name = "Thôn MH-" + std::to_string(i + 1);
        v.lon = uniform(rng, kWest, kEast);
        v.lat = uniform(rng, kSouth, kNorth);
        v.illustrative = true;
        v.dbkk = (rng() % 4) == 0;
        v.ethnicArea = int(1 + rng() % 3);
        in.villages.push_back(std::move(v));
    }
    // 10 % markets, 30 % health stations, 60 % schools.
    for (std::size_t i = 0; i < facilities; ++i) {
        const std::size_t r = i % 10;
        const Service s = r == 0 ? Service::Market : r <= 3 ? Service::HealthStation : Service::School;
        ServicePoint p;
        p.id = std::int64_t(1000000 + i);
        p.layer = s == Service::Market ? "markets" : "facilities";
        p.name = "MH-" + std::to_string(i);
        p.lon = uniform(rng, kWest, kEast);
        p.lat = uniform(rng, kSouth, kNorth);
        p.illustrative = true;
        in.servicePoints(s).push_back(std::move(p));
    }
    // A grid of roads (rows and columns of polylines with jittered vertices),
    // every other one hardened; lines end where they meet so the network connects.
    const std::size_t n = roadRows;
    std::int64_t id = 2000000;
    for (std::size_t k = 0; k <= n; ++k) {
        for (int horizontal = 0; horizontal < 2; ++horizontal) {
            for (std::size_t seg = 0; seg < n; ++seg) {
                RoadLine line;
                line.id = id++;
                line.layer = "roads";
                line.hardened = (k + seg) % 2 == 0;
                line.illustrative = true;
                const double t0 = double(seg) / double(n), t1 = double(seg + 1) / double(n), c = double(k) / double(n);
                for (int j = 0; j <= 10; ++j) {
                    const double t = t0 + (t1 - t0) * j / 10.0;
                    const double jitter = (j == 0 || j == 10) ? 0.0 : uniform(rng, -0.002, 0.002);
                    const double u = horizontal ? t : c + jitter, w = horizontal ? c + jitter : t;
                    line.lonLat.push_back(kWest + (kEast - kWest) * u);
                    line.lonLat.push_back(kSouth + (kNorth - kSouth) * w);
                }
                in.roads.push_back(std::move(line));
            }
        }
    }
    return in;
}

/// A polygon ring around (cx, cy) with `vertices` jittered vertices of radius r (degrees).
std::vector<double> blob(std::mt19937_64& rng, double cx, double cy, double rx, double ry, int vertices, double jitter) {
    std::vector<double> ring;
    for (int i = 0; i < vertices; ++i) {
        const double a = 2.0 * M_PI * i / vertices;
        const double f = 1.0 + uniform(rng, -jitter, jitter);
        ring.push_back(cx + rx * f * std::cos(a));
        ring.push_back(cy + ry * f * std::sin(a));
    }
    ring.push_back(ring[0]);
    ring.push_back(ring[1]);
    return ring;
}

/// A cell of a jittered grid: its 4 corners are shared with its neighbours
/// and each edge has `perEdge` extra vertices, so cells tile without gaps.
geo::Geometry gridCell(std::size_t i, std::size_t j, std::size_t cols, std::size_t rows, double w, double h,
                       double x0, double y0, int perEdge) {
    auto corner = [&](std::size_t a, std::size_t b) {
        std::mt19937_64 r(a * 100003 + b);
        const bool inner = a > 0 && a < cols && b > 0 && b < rows;
        return std::pair{x0 + w * (double(a) + (inner ? uniform(r, -0.2, 0.2) : 0.0)),
                         y0 + h * (double(b) + (inner ? uniform(r, -0.2, 0.2) : 0.0))};
    };
    auto edge = [&](std::pair<double, double> p, std::pair<double, double> q, std::uint64_t seed, std::vector<double>& ring) {
        std::mt19937_64 r(seed);
        for (int k = 0; k < perEdge; ++k) {
            const double t = double(k + 1) / double(perEdge + 1);
            const double off = uniform(r, -0.05, 0.05);
            ring.push_back(p.first + (q.first - p.first) * t + off * (q.second - p.second));
            ring.push_back(p.second + (q.second - p.second) * t - off * (q.first - p.first));
        }
    };
    const auto c00 = corner(i, j), c10 = corner(i + 1, j), c11 = corner(i + 1, j + 1), c01 = corner(i, j + 1);
    // Edges are generated from a seed of the edge itself (so neighbours agree) in one canonical direction.
    auto hEdge = [&](std::size_t a, std::size_t b, bool forward, std::vector<double>& ring) {
        std::vector<double> pts;
        edge(corner(a, b), corner(a + 1, b), 7'000'000'000ULL + a * 100003 + b, pts);
        if (!forward) {
            for (std::size_t k = pts.size(); k >= 2; k -= 2) ring.insert(ring.end(), {pts[k - 2], pts[k - 1]});
        } else {
            ring.insert(ring.end(), pts.begin(), pts.end());
        }
    };
    auto vEdge = [&](std::size_t a, std::size_t b, bool forward, std::vector<double>& ring) {
        std::vector<double> pts;
        edge(corner(a, b), corner(a, b + 1), 9'000'000'000ULL + a * 100003 + b, pts);
        if (!forward) {
            for (std::size_t k = pts.size(); k >= 2; k -= 2) ring.insert(ring.end(), {pts[k - 2], pts[k - 1]});
        } else {
            ring.insert(ring.end(), pts.begin(), pts.end());
        }
    };
    std::vector<double> ring{c00.first, c00.second};
    hEdge(i, j, true, ring);
    ring.insert(ring.end(), {c10.first, c10.second});
    vEdge(i + 1, j, true, ring);
    ring.insert(ring.end(), {c11.first, c11.second});
    hEdge(i, j + 1, false, ring);
    ring.insert(ring.end(), {c01.first, c01.second});
    vEdge(i, j, false, ring);
    ring.insert(ring.end(), {c00.first, c00.second});
    std::vector<std::vector<double>> rings{ring};
    return geo::Geometry::polygon(rings);
}

ForestInputs syntheticForest(std::size_t plots, std::size_t communeCols, std::size_t communeRows, std::size_t districtCols,
                             std::size_t districtRows) {
    // Vietnam-sized area: 10,600 communes on a 106 x 100 grid over 8 x 7.5 degrees.
    const double x0 = 102.5, y0 = 10.0, width = 8.0, height = 7.5;
    ForestInputs in;
    const double cw = width / double(communeCols), ch = height / double(communeRows);
    for (std::size_t j = 0; j < communeRows; ++j) {
        for (std::size_t i = 0; i < communeCols; ++i) {
            UnitPolygon u;
            u.id = std::int64_t(j * communeCols + i + 1);
            u.code = std::to_string(10000 + u.id);
            u.name = "Xã MH-" + std::to_string(u.id);
            u.geometry = gridCell(i, j, communeCols, communeRows, cw, ch, x0, y0, 10);
            in.communes.push_back(std::move(u));
        }
    }
    const double dw = width / double(districtCols), dh = height / double(districtRows);
    for (std::size_t j = 0; j < districtRows; ++j) {
        for (std::size_t i = 0; i < districtCols; ++i) {
            UnitPolygon u;
            u.id = std::int64_t(100000 + j * districtCols + i);
            u.code = std::to_string(u.id);
            u.name = "Huyện MH-" + std::to_string(u.id);
            u.geometry = gridCell(i, j, districtCols, districtRows, dw, dh, x0, y0, 30);
            in.districts.push_back(std::move(u));
        }
    }
    std::mt19937_64 rng(1719);
    const char* types[] = {"special_use", "protection", "production"};
    const char* holders[] = {"community", "household", "management_board", "enterprise"};
    for (std::size_t k = 0; k < plots; ++k) {
        ForestPlot p;
        p.id = std::int64_t(k + 1);
        p.key = "MH-" + std::to_string(k + 1);
        const double cx = uniform(rng, x0 + 0.05, x0 + width - 0.05), cy = uniform(rng, y0 + 0.05, y0 + height - 0.05);
        const double r = uniform(rng, 0.002, 0.008);  // a few hundred metres
        std::vector<std::vector<double>> rings{blob(rng, cx, cy, r, r * 0.8, 12, 0.3)};
        p.geometry = geo::Geometry::polygon(rings);
        p.forestType = types[rng() % 3];
        p.origin = (rng() % 3 == 0) ? "planted" : "natural";
        p.holder = holders[rng() % 4];
        p.contractYear = 2015 + int(rng() % 9);
        p.illustrative = true;
        in.plots.push_back(std::move(p));
    }
    return in;
}

double millisecondsSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

/// CPU time of the whole process (all threads), in ms: on a busy machine the
/// wall time says little, CPU time / threads says what an idle machine would take.
double processCpuMs() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

/// The machine's load average over the last minute (/proc/loadavg), -1 if unknown:
/// with more runnable processes than cores, wall times say more about the others.
double loadAverage() {
    std::ifstream in("/proc/loadavg");
    double one = -1.0;
    if (!(in >> one)) return -1.0;
    return one;
}

struct Timer {
    std::chrono::steady_clock::time_point wall0 = std::chrono::steady_clock::now();
    double cpu0 = processCpuMs();
    double wallMs() const { return millisecondsSince(wall0); }
    double cpuMs() const { return processCpuMs() - cpu0; }
};

void printLine(const char* what, const Timer& t, double targetMs) {
    const double wall = t.wallMs(), cpu = t.cpuMs();
    std::printf("  %-52s %8.0f ms wall, %8.0f ms CPU", what, wall, cpu);
    if (targetMs > 0.0) std::printf("  target < %.0f ms: %s", targetMs, wall < targetMs ? "MET" : "NOT MET");
    std::printf("  (load %.2f)\n", loadAverage());
}

} // namespace

int main(int argc, char** argv) {
    const bool all = argc < 2;
    const bool runAccess = all || std::strcmp(argv[1], "underserved") == 0;
    const bool runForest = all || std::strcmp(argv[1], "forest") == 0;
    const int threads = argc >= 3 ? std::atoi(argv[2]) : 2;
    std::printf("planmap analysis benchmark (synthetic, deterministic data; %d threads; %u hardware threads)\n",
                threads, std::thread::hardware_concurrency());
    std::printf("Wall time is the target; on a busy machine CPU time / threads shows what an idle one would take.\n");
    std::printf("Machine load (1-minute average) at the start: %.2f\n\n", loadAverage());

    RunControl control;
    control.threads = threads;
    if (runAccess) {
        const AccessInputs in = syntheticAccess(100000, 10000, 40);
        AccessInputs pointsOnly = in;
        pointsOnly.roads.clear();
        UnderservedSettings straight;
        straight.network = NetworkMode::Off;
        std::printf("Underserved villages: %zu villages x %zu facilities\n", in.villages.size(),
                    in.services[0].size() + in.services[1].size() + in.services[2].size());
        Timer t0;
        const UnderservedResult r0 = analyzeUnderserved(pointsOnly, straight, control);
        printLine("markets, health stations, schools (straight line)", t0, 1000.0);
        Timer t1;
        const UnderservedResult r1 = analyzeUnderserved(in, straight, control);
        char what[128];
        std::snprintf(what, sizeof what, "+ nearest point on %zu hardened road lines", r1.serviceCounts[3]);
        printLine(what, t1, 0.0);
        Timer t2;
        const UnderservedResult r2 = analyzeUnderserved(in, UnderservedSettings{}, control);
        std::snprintf(what, sizeof what, "+ network distances (%zu lines, %zu junctions)", r2.network.lines,
                      r2.network.junctions);
        printLine(what, t2, 0.0);
        std::printf("  most in need: %s, score %.2f\n\n", r2.villages.front().name.c_str(), r2.villages.front().score);
    }
    if (runForest) {
        const ForestInputs in = syntheticForest(50000, 106, 100, 28, 25);
        std::printf("Forest overlay: %zu plots x %zu communes + %zu districts\n", in.plots.size(), in.communes.size(),
                    in.districts.size());
        ForestSettings settings;
        settings.checkOverlaps = false;
        Timer t0;
        const ForestResult r = analyzeForest(in, settings, control);
        printLine("split by communes and districts, areas, totals", t0, 5000.0);
        std::size_t crossing = 0;
        for (const PlotResult& p : r.plots) crossing += p.communePieces.size() > 1 ? 1 : 0;
        std::printf("  %zu plots cross a commune boundary; total %.1f ha\n", crossing, r.total.ha);
        settings.checkOverlaps = true;
        Timer t1;
        const ForestResult r2 = analyzeForest(in, settings, control);
        char what[128];
        std::snprintf(what, sizeof what, "same + overlap check (%zu overlapping pairs)", r2.overlaps.size());
        printLine(what, t1, 0.0);
    }
    return 0;
}
