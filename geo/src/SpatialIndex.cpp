#include "planmap/geo/SpatialIndex.h"

#include "GeosSupport.h"

#include <cmath>
#include <cstdint>

namespace planmap::geo {

using detail::GeosGeometryPtr;
using detail::geosHandle;

namespace {

/// A geometry whose envelope is `e`: a point, or the envelope's diagonal. GEOS's
/// tree copies the envelope on insert, so the geometry can go right after.
GeosGeometryPtr envelopeProxy(GEOSContextHandle_t h, const Envelope& e) {
    if (e.minx == e.maxx && e.miny == e.maxy) {
        return GeosGeometryPtr(detail::checked(GEOSGeom_createPointFromXY_r(h, e.minx, e.miny), "Cannot build a point"));
    }
    const double xy[4] = {e.minx, e.miny, e.maxx, e.maxy};
    GEOSCoordSequence* seq = GEOSCoordSeq_copyFromBuffer_r(h, xy, 2, 0, 0);
    if (!seq) detail::throwGeosError("Cannot build an envelope");
    return GeosGeometryPtr(detail::checked(GEOSGeom_createLineString_r(h, seq), "Cannot build an envelope"));
}

void* itemOf(std::size_t index) { return reinterpret_cast<void*>(static_cast<std::uintptr_t>(index + 1)); }
std::size_t indexOf(const void* item) { return static_cast<std::size_t>(reinterpret_cast<std::uintptr_t>(item)) - 1; }

const char queryItemTag = 0;  // address identifies the query item in distance callbacks

struct NearestContext {
    const std::vector<SpatialIndex::Entry>* entries;
    double (*thunk)(const SpatialIndex::Entry&, void*);
    void* fn;
};

int distanceCallback(const void* a, const void* b, double* distance, void* userdata) {
    const auto* ctx = static_cast<const NearestContext*>(userdata);
    const void* item = (a == &queryItemTag) ? b : a;
    if (item == &queryItemTag) {  // never expected: both sides are the query
        *distance = 0.0;
        return 1;
    }
    const std::size_t index = indexOf(item);
    *distance = ctx->thunk((*ctx->entries)[index], ctx->fn);
    return 1;
}

} // namespace

SpatialIndex::SpatialIndex(int nodeCapacity) : nodeCapacity_(nodeCapacity < 2 ? 2 : nodeCapacity) {}

SpatialIndex::~SpatialIndex() {
    if (tree_) GEOSSTRtree_destroy_r(detail::geosHandleForCleanup(), tree_);
}

SpatialIndex::SpatialIndex(SpatialIndex&& o) noexcept
    : nodeCapacity_(o.nodeCapacity_), entries_(std::move(o.entries_)), tree_(o.tree_) {
    o.tree_ = nullptr;
    o.entries_.clear();
}

SpatialIndex& SpatialIndex::operator=(SpatialIndex&& o) noexcept {
    if (this != &o) {
        if (tree_) GEOSSTRtree_destroy_r(detail::geosHandleForCleanup(), tree_);
        nodeCapacity_ = o.nodeCapacity_;
        entries_ = std::move(o.entries_);
        tree_ = o.tree_;
        o.tree_ = nullptr;
        o.entries_.clear();
    }
    return *this;
}

void SpatialIndex::insert(std::int64_t id, const Envelope& envelope) {
    if (envelope.isEmpty()) return;
    if (tree_) {  // a packed GEOS tree takes no more items: rebuild on next query
        GEOSSTRtree_destroy_r(detail::geosHandleForCleanup(), tree_);
        tree_ = nullptr;
    }
    entries_.push_back({envelope, id});
}

void SpatialIndex::clear() {
    if (tree_) GEOSSTRtree_destroy_r(detail::geosHandleForCleanup(), tree_);
    tree_ = nullptr;
    entries_.clear();
}

void SpatialIndex::build() const {
    if (tree_ || entries_.empty()) return;
    GEOSContextHandle_t h = geosHandle();
    GEOSSTRtree* tree = GEOSSTRtree_create_r(h, static_cast<std::size_t>(nodeCapacity_));
    if (!tree) detail::throwGeosError("Cannot create a spatial index");
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        const GeosGeometryPtr proxy = envelopeProxy(h, entries_[i].envelope);
        GEOSSTRtree_insert_r(h, tree, proxy.get(), itemOf(i));
    }
    // Pack now: an empty-window query makes GEOS build the tree.
    const GeosGeometryPtr probe(detail::checked(GEOSGeom_createPointFromXY_r(h, 0, 0), "Cannot build a point"));
    GEOSSTRtree_query_r(h, tree, probe.get(), [](void*, void*) {}, nullptr);
    tree_ = tree;
}

void SpatialIndex::query(const Envelope& window, std::vector<std::int64_t>& out) const {
    if (entries_.empty() || window.isEmpty()) return;
    build();
    GEOSContextHandle_t h = geosHandle();
    const GeosGeometryPtr proxy = envelopeProxy(h, window);
    struct Sink {
        const std::vector<Entry>* entries;
        std::vector<std::int64_t>* out;
    } sink{&entries_, &out};
    GEOSSTRtree_query_r(
        h, tree_, proxy.get(),
        [](void* item, void* userdata) {
            auto* s = static_cast<Sink*>(userdata);
            s->out->push_back((*s->entries)[indexOf(item)].id);
        },
        &sink);
}

std::vector<std::int64_t> SpatialIndex::query(const Envelope& window) const {
    std::vector<std::int64_t> out;
    query(window, out);
    return out;
}

std::optional<SpatialIndex::Neighbour> SpatialIndex::nearestImpl(const Envelope& query, DistanceThunk thunk,
                                                                  void* fn) const {
    if (entries_.empty() || query.isEmpty()) return std::nullopt;
    build();
    GEOSContextHandle_t h = geosHandle();
    const GeosGeometryPtr proxy = envelopeProxy(h, query);
    NearestContext ctx{&entries_, thunk, fn};
    const void* found = GEOSSTRtree_nearest_generic_r(h, tree_, &queryItemTag, proxy.get(), distanceCallback, &ctx);
    if (!found) {
        const std::string e = detail::GeosThreadState::current().takeError();
        throw GeometryError("Nearest-neighbour search failed: " + e);
    }
    const Entry& entry = entries_[indexOf(found)];
    return Neighbour{entry.id, thunk(entry, fn)};
}

std::optional<SpatialIndex::Neighbour> SpatialIndex::nearestByEnvelope(double x, double y) const {
    const XY p{x, y};
    return nearestImpl(
        Envelope(x, y, x, y),
        [](const Entry& e, void* point) {
            const XY& q = *static_cast<const XY*>(point);
            const double dx = q.x < e.envelope.minx ? e.envelope.minx - q.x : (q.x > e.envelope.maxx ? q.x - e.envelope.maxx : 0.0);
            const double dy = q.y < e.envelope.miny ? e.envelope.miny - q.y : (q.y > e.envelope.maxy ? q.y - e.envelope.maxy : 0.0);
            return std::sqrt(dx * dx + dy * dy);
        },
        const_cast<XY*>(&p));
}

} // namespace planmap::geo
