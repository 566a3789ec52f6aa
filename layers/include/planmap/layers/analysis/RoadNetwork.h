#pragma once
// Distances along a road network.
//
// The graph: every road line (one part of a road) is an edge between its two
// end points, weighted by its geodesic length; end points closer than the
// snapping tolerance are one node. Lines meet only at their end points (a
// crossing without a shared end point is a bridge or an overpass). A point
// reaches the network at the nearest point of any road (its "access": a line,
// the offset along it, and the straight-line geodesic "leg" to it).
//
// Network distance between two points = leg of the first + the shortest path
// along the roads between the two access points + leg of the second. It is
// computed from many sources at once (multi-source Dijkstra): one run per
// service kind gives every village its network-nearest service.

#include "planmap/layers/analysis/GeodesicIndex.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace planmap::layers::analysis {

class RoadNetwork {
public:
    /// Builds the graph of the lines of `lines` (which must outlive it).
    RoadNetwork(const GeodesicLineIndex& lines, const LowerBoundPlane& plane, const geo::Geodesic& geodesic,
                double snapToleranceMetres = 1.0);

    [[nodiscard]] std::size_t nodeCount() const { return nodeCount_; }
    [[nodiscard]] std::size_t lineCount() const { return lineStart_.size(); }
    /// Nodes where the ends of two or more lines meet.
    [[nodiscard]] std::size_t junctionCount() const { return junctions_; }
    /// Connected parts of the network.
    [[nodiscard]] std::size_t componentCount() const { return components_; }
    /// True when some lines meet at their end points: network distances mean something.
    [[nodiscard]] bool hasConnectivity() const { return junctions_ > 0; }

    struct Access {
        std::size_t line = 0;
        double offset = 0.0;  ///< metres from the line's first point
        double leg = 0.0;     ///< straight-line metres from the point to the road
    };
    /// Where a point reaches the network (nothing if there are no roads).
    [[nodiscard]] std::optional<Access> access(double lon, double lat) const;

    /// Shortest network distances from the nearest of several sources.
    class Field {
    public:
        struct Reach {
            double distance = 0.0;   ///< metres, legs included
            std::size_t source = 0;  ///< index into the sources given to shortestFrom()
        };
        /// Distance from the network-nearest source to a point with this access;
        /// nothing when no source is connected to it.
        [[nodiscard]] std::optional<Reach> reach(const Access& target) const;

    private:
        friend class RoadNetwork;
        const RoadNetwork* network_ = nullptr;
        std::vector<Access> sources_;
        std::vector<double> nodeDistance_;
        std::vector<std::size_t> nodeSource_;
        std::vector<std::vector<std::size_t>> sourcesOnLine_;
    };
    [[nodiscard]] Field shortestFrom(std::span<const Access> sources) const;

private:
    const GeodesicLineIndex& lines_;
    std::vector<std::size_t> lineStart_;  ///< node of each line's first point
    std::vector<std::size_t> lineEnd_;    ///< node of each line's last point
    std::vector<std::vector<std::size_t>> nodeLines_;  ///< lines touching each node
    std::size_t nodeCount_ = 0;
    std::size_t junctions_ = 0;
    std::size_t components_ = 0;
};

} // namespace planmap::layers::analysis
