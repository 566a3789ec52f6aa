#include "planmap/layers/analysis/RoadNetwork.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <numeric>
#include <queue>
#include <unordered_map>

namespace planmap::layers::analysis {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

struct CellKey {
    std::int64_t x;
    std::int64_t y;
    bool operator==(const CellKey&) const = default;
};
struct CellHash {
    std::size_t operator()(const CellKey& k) const {
        return std::hash<std::int64_t>()(k.x * 73856093LL ^ k.y * 19349663LL);
    }
};

} // namespace

RoadNetwork::RoadNetwork(const GeodesicLineIndex& lines, const LowerBoundPlane& plane, const geo::Geodesic& geodesic,
                         double snapTolerance)
    : lines_(lines) {
    const double tolerance = std::max(snapTolerance, 0.0);
    // Snap end points: a grid of cells of the tolerance's size in the lower-bound
    // plane; two points within `tolerance` geodesically are within it in the
    // plane, hence in the same or a neighbouring cell.
    const double cell = std::max(tolerance, 1e-3);
    std::unordered_map<CellKey, std::vector<std::size_t>, CellHash> grid;
    std::vector<geo::XY> nodePoints;
    auto nodeFor = [&](geo::XY p) {
        const geo::XY q = plane.toPlane(p.x, p.y);
        const CellKey key{static_cast<std::int64_t>(std::floor(q.x / cell)), static_cast<std::int64_t>(std::floor(q.y / cell))};
        std::size_t best = std::numeric_limits<std::size_t>::max();
        double bestDistance = kInfinity;
        for (std::int64_t dx = -1; dx <= 1; ++dx) {
            for (std::int64_t dy = -1; dy <= 1; ++dy) {
                const auto it = grid.find({key.x + dx, key.y + dy});
                if (it == grid.end()) continue;
                for (const std::size_t n : it->second) {
                    const double d = (nodePoints[n] == p) ? 0.0 : geodesic.distance(p.x, p.y, nodePoints[n].x, nodePoints[n].y);
                    if (d <= tolerance && (d < bestDistance || (d == bestDistance && n < best))) {
                        best = n;
                        bestDistance = d;
                    }
                }
            }
        }
        if (bestDistance < kInfinity) return best;
        nodePoints.push_back(p);
        grid[key].push_back(nodePoints.size() - 1);
        return nodePoints.size() - 1;
    };

    const std::size_t n = lines.lineCount();
    lineStart_.resize(n);
    lineEnd_.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        lineStart_[i] = nodeFor(lines.lineStart(i));
        lineEnd_[i] = nodeFor(lines.lineEnd(i));
    }
    nodeCount_ = nodePoints.size();
    nodeLines_.assign(nodeCount_, {});
    for (std::size_t i = 0; i < n; ++i) {
        nodeLines_[lineStart_[i]].push_back(i);
        if (lineEnd_[i] != lineStart_[i]) nodeLines_[lineEnd_[i]].push_back(i);
    }
    junctions_ = static_cast<std::size_t>(
        std::count_if(nodeLines_.begin(), nodeLines_.end(), [](const auto& l) { return l.size() >= 2; }));

    // Components (union-find over lines' end nodes).
    std::vector<std::size_t> parent(nodeCount_);
    std::iota(parent.begin(), parent.end(), std::size_t{0});
    std::function<std::size_t(std::size_t)> root = [&](std::size_t x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    };
    for (std::size_t i = 0; i < n; ++i) parent[root(lineStart_[i])] = root(lineEnd_[i]);
    for (std::size_t i = 0; i < nodeCount_; ++i)
        if (root(i) == i) ++components_;
}

std::optional<RoadNetwork::Access> RoadNetwork::access(double lon, double lat) const {
    const auto hit = lines_.nearest(lon, lat);
    if (!hit) return std::nullopt;
    return Access{hit->line, hit->offset, hit->distance};
}

RoadNetwork::Field RoadNetwork::shortestFrom(std::span<const Access> sources) const {
    Field field;
    field.network_ = this;
    field.sources_.assign(sources.begin(), sources.end());
    field.nodeDistance_.assign(nodeCount_, kInfinity);
    field.nodeSource_.assign(nodeCount_, std::numeric_limits<std::size_t>::max());
    field.sourcesOnLine_.assign(lineStart_.size(), {});

    using Item = std::pair<double, std::size_t>;  // distance, node
    std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
    auto relax = [&](std::size_t node, double d, std::size_t source) {
        if (d < field.nodeDistance_[node] || (d == field.nodeDistance_[node] && source < field.nodeSource_[node])) {
            field.nodeDistance_[node] = d;
            field.nodeSource_[node] = source;
            queue.push({d, node});
        }
    };
    for (std::size_t s = 0; s < sources.size(); ++s) {
        const Access& a = sources[s];
        const double length = lines_.lineLength(a.line);
        field.sourcesOnLine_[a.line].push_back(s);
        relax(lineStart_[a.line], a.leg + a.offset, s);
        relax(lineEnd_[a.line], a.leg + (length - a.offset), s);
    }
    while (!queue.empty()) {
        const auto [d, node] = queue.top();
        queue.pop();
        if (d > field.nodeDistance_[node]) continue;
        for (const std::size_t line : nodeLines_[node]) {
            const std::size_t other = lineStart_[line] == node ? lineEnd_[line] : lineStart_[line];
            relax(other, d + lines_.lineLength(line), field.nodeSource_[node]);
        }
    }
    return field;
}

std::optional<RoadNetwork::Field::Reach> RoadNetwork::Field::reach(const Access& target) const {
    const RoadNetwork& net = *network_;
    const double length = net.lines_.lineLength(target.line);
    Reach best{kInfinity, 0};
    auto consider = [&best](double d, std::size_t source) {
        if (d < best.distance || (d == best.distance && source < best.source)) best = {d, source};
    };
    const std::size_t start = net.lineStart_[target.line], end = net.lineEnd_[target.line];
    if (nodeDistance_[start] < kInfinity) consider(nodeDistance_[start] + target.offset, nodeSource_[start]);
    if (nodeDistance_[end] < kInfinity) consider(nodeDistance_[end] + (length - target.offset), nodeSource_[end]);
    for (const std::size_t s : sourcesOnLine_[target.line])
        consider(sources_[s].leg + std::abs(sources_[s].offset - target.offset), s);
    if (!(best.distance < kInfinity)) return std::nullopt;
    best.distance += target.leg;
    return best;
}

} // namespace planmap::layers::analysis
