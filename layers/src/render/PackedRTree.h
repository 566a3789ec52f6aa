#pragma once
// A static, packed Hilbert R-tree over feature boxes.
//
// Why not geo::SpatialIndex (GEOS STRtree)? The render cache is built once and
// queried every frame, possibly from two render threads at once. GEOS's
// STRtree builds itself lazily on the first query (a data race when two
// threads query a fresh tree), hands results back one by one through a C
// callback with void* items, and needs a GEOS geometry per item just to carry
// its envelope (for the million road segments of the national benchmark that
// is a million heap objects). This tree is four flat arrays, immutable after
// construction, so concurrent queries need no locks; bench/render_bench.cpp
// prints the query time of both on the same boxes.

#include "planmap/layers/render/Extent.h"

#include <cstdint>
#include <vector>

namespace planmap::layers::render {

class PackedRTree {
public:
    /// Indexes boxes[i] as item i. Empty boxes are never returned.
    explicit PackedRTree(const std::vector<Extent>& boxes, int nodeSize = 16);

    /// Appends the items whose box intersects `e` (unordered).
    void query(const Extent& e, std::vector<std::uint32_t>& out) const;
    std::size_t size() const { return numItems_; }
    std::size_t memoryBytes() const;

private:
    struct Box {
        double minx, miny, maxx, maxy;
    };
    std::size_t numItems_ = 0;
    int nodeSize_ = 16;
    std::vector<Box> boxes_;             // all levels, leaves first
    std::vector<std::uint32_t> index_;   // leaves: item id; inner nodes: first child position
    std::vector<std::size_t> levelEnd_;  // end position of each level in boxes_
};

} // namespace planmap::layers::render
