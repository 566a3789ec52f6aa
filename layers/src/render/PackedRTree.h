#pragma once
// A static, packed Hilbert R-tree over feature boxes.
//
// Why not geo::SpatialIndex (GEOS STRtree)? Measured by
// bench/render_bench.cpp on the 1,000,000 road-segment boxes of the national
// set (2 cores, loaded machine): 2,000 province-sized windows take 350-580 ms
// here against 470-820 ms for the STRtree with its hits sorted into draw
// order, and the STRtree's own build (insert + pack) adds 430-740 ms on top
// of the cache build. The renderer wants 32-bit feature indices in feature
// order, not int64 ids through a C callback; and this tree is four flat
// arrays, immutable after construction, so render threads query it
// concurrently without locks.

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
