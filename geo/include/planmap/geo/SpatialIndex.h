#pragma once
// A static R-tree of integer ids by envelope (GEOS's STRtree, reentrant API).
//
// Insert everything, then query. The tree is packed on the first query (or
// build()); inserting afterwards is allowed and simply re-packs the tree on the
// next query. After build(), concurrent queries from several threads are safe;
// build(), insert() and clear() must not run concurrently with anything else.

#include "planmap/geo/Envelope.h"
#include "planmap/geo/Geometry.h"

#include <cstdint>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

struct GEOSSTRtree_t;

namespace planmap::geo {

class SpatialIndex {
public:
    /// `nodeCapacity`: children per tree node (GEOS's default is 10).
    explicit SpatialIndex(int nodeCapacity = 10);
    ~SpatialIndex();
    SpatialIndex(SpatialIndex&&) noexcept;
    SpatialIndex& operator=(SpatialIndex&&) noexcept;
    SpatialIndex(const SpatialIndex&) = delete;
    SpatialIndex& operator=(const SpatialIndex&) = delete;

    /// Adds `id` with the given envelope (empty envelopes are ignored).
    void insert(std::int64_t id, const Envelope& envelope);
    /// Adds `id` with the envelope of `g` (empty geometries are ignored).
    void insert(std::int64_t id, const Geometry& g) { insert(id, g.envelope()); }
    void reserve(std::size_t n) { entries_.reserve(n); }
    void clear();
    [[nodiscard]] std::size_t size() const { return entries_.size(); }
    [[nodiscard]] bool isEmpty() const { return entries_.empty(); }
    /// Packs the tree now (otherwise done by the first query).
    void build() const;

    /// Ids whose envelope intersects `window`, in no particular order.
    [[nodiscard]] std::vector<std::int64_t> query(const Envelope& window) const;
    /// Appends the ids to `out` (no clearing; reuse `out` to avoid allocations).
    void query(const Envelope& window, std::vector<std::int64_t>& out) const;

    /// An inserted item.
    struct Entry {
        Envelope envelope;
        std::int64_t id = 0;
    };
    /// All inserted items, in insertion order.
    [[nodiscard]] const std::vector<Entry>& entries() const { return entries_; }

    struct Neighbour {
        std::int64_t id = 0;
        double distance = 0.0;
    };

    /// The item nearest to a query whose envelope is `query`, by the caller's
    /// distance: `distanceTo(std::int64_t id) -> double`. The tree prunes with
    /// the planar distance between envelopes, so the caller's distance must
    /// never be less than that (e.g. the planar GEOS distance between the
    /// geometries, or the distance to the exact shape). Ties go to any of the
    /// tied items. Returns nothing for an empty index.
    template <class DistanceFn>
    [[nodiscard]] std::optional<Neighbour> nearest(const Envelope& query, DistanceFn&& distanceTo) const {
        using Fn = std::remove_reference_t<DistanceFn>;
        return nearestImpl(
            query,
            [](const Entry& e, void* fn) -> double { return static_cast<double>((*static_cast<Fn*>(fn))(e.id)); },
            const_cast<void*>(static_cast<const void*>(&distanceTo)));
    }
    /// Same, for a query point.
    template <class DistanceFn>
    [[nodiscard]] std::optional<Neighbour> nearest(double x, double y, DistanceFn&& distanceTo) const {
        return nearest(Envelope(x, y, x, y), std::forward<DistanceFn>(distanceTo));
    }
    /// Nearest by planar distance from (x, y) to the items' envelopes (exact
    /// for items inserted as points).
    [[nodiscard]] std::optional<Neighbour> nearestByEnvelope(double x, double y) const;


private:
    using DistanceThunk = double (*)(const Entry& entry, void* fn);
    std::optional<Neighbour> nearestImpl(const Envelope& query, DistanceThunk thunk, void* fn) const;

    int nodeCapacity_;
    std::vector<Entry> entries_;
    mutable GEOSSTRtree_t* tree_ = nullptr;  ///< built lazily from entries_
};

} // namespace planmap::geo
