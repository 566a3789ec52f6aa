#include "PackedRTree.h"

#include <algorithm>
#include <numeric>

namespace planmap::layers::render {

namespace {

// Position of (x, y) on a Hilbert curve over a 2^16 × 2^16 grid
// (iterative quadrant rotation).
std::uint32_t hilbert(std::uint32_t x, std::uint32_t y)
{
    std::uint32_t d = 0;
    for (std::uint32_t s = 1u << 15; s > 0; s >>= 1) {
        const std::uint32_t rx = (x & s) ? 1 : 0;
        const std::uint32_t ry = (y & s) ? 1 : 0;
        d += s * s * ((3 * rx) ^ ry);
        if (ry == 0) {
            if (rx == 1) {
                x = s - 1 - x;
                y = s - 1 - y;
            }
            std::swap(x, y);
        }
    }
    return d;
}

} // namespace

PackedRTree::PackedRTree(const std::vector<Extent>& boxes, int nodeSize) : nodeSize_(std::max(2, nodeSize))
{
    std::vector<std::uint32_t> items;
    items.reserve(boxes.size());
    Extent all;
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        if (boxes[i].isEmpty()) continue;
        items.push_back(std::uint32_t(i));
        all.expand(boxes[i]);
    }
    numItems_ = items.size();
    if (items.empty()) return;

    // Sort the items along the Hilbert curve of their box centres.
    const double w = all.width() > 0 ? all.width() : 1.0;
    const double h = all.height() > 0 ? all.height() : 1.0;
    std::vector<std::uint32_t> keys(boxes.size());
    for (std::uint32_t i : items) {
        const Extent& b = boxes[i];
        const auto gx = std::uint32_t(65535.0 * ((b.minx + b.maxx) * 0.5 - all.minx) / w);
        const auto gy = std::uint32_t(65535.0 * ((b.miny + b.maxy) * 0.5 - all.miny) / h);
        keys[i] = hilbert(gx, gy);
    }
    std::stable_sort(items.begin(), items.end(), [&](std::uint32_t a, std::uint32_t b) { return keys[a] < keys[b]; });

    // Leaves.
    std::size_t total = numItems_;
    for (std::size_t n = numItems_; n > 1;) {
        n = (n + std::size_t(nodeSize_) - 1) / std::size_t(nodeSize_);
        total += n;
    }
    boxes_.reserve(total);
    index_.reserve(total);
    for (std::uint32_t i : items) {
        const Extent& b = boxes[i];
        boxes_.push_back({b.minx, b.miny, b.maxx, b.maxy});
        index_.push_back(i);
    }
    levelEnd_.push_back(boxes_.size());

    // Inner levels: each node covers nodeSize_ consecutive nodes below.
    std::size_t levelStart = 0;
    while (levelEnd_.back() - levelStart > 1) {
        const std::size_t end = levelEnd_.back();
        for (std::size_t pos = levelStart; pos < end; pos += std::size_t(nodeSize_)) {
            Box nb{boxes_[pos].minx, boxes_[pos].miny, boxes_[pos].maxx, boxes_[pos].maxy};
            const std::size_t last = std::min(end, pos + std::size_t(nodeSize_));
            for (std::size_t c = pos + 1; c < last; ++c) {
                nb.minx = std::min(nb.minx, boxes_[c].minx);
                nb.miny = std::min(nb.miny, boxes_[c].miny);
                nb.maxx = std::max(nb.maxx, boxes_[c].maxx);
                nb.maxy = std::max(nb.maxy, boxes_[c].maxy);
            }
            boxes_.push_back(nb);
            index_.push_back(std::uint32_t(pos));
        }
        levelStart = end;
        levelEnd_.push_back(boxes_.size());
    }
}

void PackedRTree::query(const Extent& e, std::vector<std::uint32_t>& out) const
{
    if (numItems_ == 0 || e.isEmpty()) return;
    // Stack of (node position, level).
    std::vector<std::pair<std::size_t, std::size_t>> stack;
    stack.reserve(64);
    stack.emplace_back(boxes_.size() - 1, levelEnd_.size() - 1);
    while (!stack.empty()) {
        const auto [nodePos, level] = stack.back();
        stack.pop_back();
        // Children of nodePos are at index_[nodePos] … (+nodeSize_) in the level below;
        // the root "children" of a single-level tree are the leaves themselves.
        std::size_t begin, end;
        std::size_t childLevel;
        if (level == 0) {
            // Only when the tree is a single leaf.
            begin = nodePos;
            end = nodePos + 1;
            childLevel = 0;
            const Box& b = boxes_[nodePos];
            if (!(b.minx > e.maxx || b.maxx < e.minx || b.miny > e.maxy || b.maxy < e.miny)) out.push_back(index_[nodePos]);
            continue;
        }
        childLevel = level - 1;
        begin = index_[nodePos];
        end = std::min(begin + std::size_t(nodeSize_), levelEnd_[childLevel]);
        for (std::size_t pos = begin; pos < end; ++pos) {
            const Box& b = boxes_[pos];
            if (b.minx > e.maxx || b.maxx < e.minx || b.miny > e.maxy || b.maxy < e.miny) continue;
            if (childLevel == 0)
                out.push_back(index_[pos]);
            else
                stack.emplace_back(pos, childLevel);
        }
    }
}

std::size_t PackedRTree::memoryBytes() const
{
    return boxes_.capacity() * sizeof(Box) + index_.capacity() * sizeof(std::uint32_t);
}

} // namespace planmap::layers::render
