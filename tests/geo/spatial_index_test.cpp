#include "planmap/geo/SpatialIndex.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

using namespace planmap::geo;

namespace {

struct Box {
    Envelope env;
};

std::vector<Box> randomBoxes(std::mt19937& rng, int n, double extent, double maxSize) {
    std::uniform_real_distribution<double> pos(0.0, extent), size(0.0, maxSize);
    std::vector<Box> boxes;
    for (int i = 0; i < n; ++i) {
        const double x = pos(rng), y = pos(rng);
        boxes.push_back({Envelope(x, y, x + size(rng), y + size(rng))});
    }
    return boxes;
}

double distanceToBox(const Envelope& e, double x, double y) {
    const double dx = std::max({e.minx - x, 0.0, x - e.maxx});
    const double dy = std::max({e.miny - y, 0.0, y - e.maxy});
    return std::hypot(dx, dy);
}

} // namespace

TEST(SpatialIndex, WindowQueriesMatchBruteForce) {
    std::mt19937 rng(7);
    const auto boxes = randomBoxes(rng, 3000, 1000.0, 20.0);
    SpatialIndex index;
    for (std::size_t i = 0; i < boxes.size(); ++i) index.insert(static_cast<std::int64_t>(i) * 10, boxes[i].env);
    EXPECT_EQ(index.size(), boxes.size());

    std::uniform_real_distribution<double> pos(-50.0, 1050.0), size(0.0, 120.0);
    std::vector<std::int64_t> got;
    for (int q = 0; q < 300; ++q) {
        const double x = pos(rng), y = pos(rng);
        const Envelope window(x, y, x + size(rng), y + size(rng));
        got.clear();
        index.query(window, got);
        std::sort(got.begin(), got.end());
        std::vector<std::int64_t> expected;
        for (std::size_t i = 0; i < boxes.size(); ++i) {
            if (boxes[i].env.intersects(window)) expected.push_back(static_cast<std::int64_t>(i) * 10);
        }
        EXPECT_EQ(got, expected) << "query " << q;
    }
}

TEST(SpatialIndex, NearestMatchesBruteForce) {
    std::mt19937 rng(11);
    const auto boxes = randomBoxes(rng, 2000, 1000.0, 5.0);
    SpatialIndex index;
    for (std::size_t i = 0; i < boxes.size(); ++i) index.insert(static_cast<std::int64_t>(i), boxes[i].env);

    std::uniform_real_distribution<double> pos(-100.0, 1100.0);
    for (int q = 0; q < 500; ++q) {
        const double x = pos(rng), y = pos(rng);
        int calls = 0;
        const auto found = index.nearest(x, y, [&](std::int64_t id) {
            ++calls;
            return distanceToBox(boxes[static_cast<std::size_t>(id)].env, x, y);
        });
        ASSERT_TRUE(found.has_value());
        double best = INFINITY;
        for (const Box& b : boxes) best = std::min(best, distanceToBox(b.env, x, y));
        EXPECT_DOUBLE_EQ(found->distance, best) << "query " << q;
        EXPECT_DOUBLE_EQ(distanceToBox(boxes[static_cast<std::size_t>(found->id)].env, x, y), best);
        EXPECT_LT(calls, 200) << "the tree should prune";

        const auto byEnvelope = index.nearestByEnvelope(x, y);
        ASSERT_TRUE(byEnvelope.has_value());
        EXPECT_DOUBLE_EQ(byEnvelope->distance, best);
    }
}

TEST(SpatialIndex, NearestWithExactGeometryDistance) {
    // Items are diagonal segments: their envelopes are much bigger than they
    // are, so the caller's exact distance matters.
    std::mt19937 rng(5);
    std::uniform_real_distribution<double> pos(0.0, 100.0);
    std::vector<Geometry> lines;
    SpatialIndex index;
    for (int i = 0; i < 400; ++i) {
        const double x = pos(rng), y = pos(rng);
        const std::vector<double> xy{x, y, x + 8, y + 8};
        lines.push_back(Geometry::lineString(xy));
        index.insert(i, lines.back());
    }
    for (int q = 0; q < 200; ++q) {
        const Geometry p = Geometry::point(pos(rng), pos(rng));
        const auto found = index.nearest(p.envelope(), [&](std::int64_t id) { return lines[id].distance(p); });
        ASSERT_TRUE(found.has_value());
        double best = INFINITY;
        for (const Geometry& l : lines) best = std::min(best, l.distance(p));
        EXPECT_DOUBLE_EQ(found->distance, best);
    }
}

TEST(SpatialIndex, InsertAfterQueryRebuilds) {
    SpatialIndex index;
    EXPECT_FALSE(index.nearestByEnvelope(0, 0).has_value());
    EXPECT_TRUE(index.query(Envelope(0, 0, 1, 1)).empty());
    index.insert(1, Envelope(0, 0, 1, 1));
    EXPECT_EQ(index.query(Envelope(0.5, 0.5, 2, 2)), std::vector<std::int64_t>{1});
    index.insert(2, Geometry::point(5, 5));
    index.insert(3, Envelope());  // empty: ignored
    EXPECT_EQ(index.size(), 2u);
    auto ids = index.query(Envelope(0, 0, 10, 10));
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(ids, (std::vector<std::int64_t>{1, 2}));
    EXPECT_EQ(index.nearestByEnvelope(6, 6)->id, 2);
    SpatialIndex moved = std::move(index);
    EXPECT_EQ(moved.query(Envelope(4, 4, 6, 6)), std::vector<std::int64_t>{2});
    moved.clear();
    EXPECT_TRUE(moved.isEmpty());
}
