#pragma once
// Internal GEOS glue: the per-thread context and error reporting (not installed API).

#include "planmap/geo/Errors.h"
#include "planmap/geo/GeosContext.h"

#include <geos_c.h>

#include <memory>
#include <string>

namespace planmap::geo::detail {

/// Per-thread GEOS state: the context handle, the last error message GEOS
/// reported on it, and lazily made WKB/WKT readers and writers.
class GeosThreadState {
public:
    static GeosThreadState& current();

    GEOSContextHandle_t handle() const { return handle_; }
    /// Takes (and clears) the last error GEOS reported on this thread.
    std::string takeError();

    GEOSWKBReader* wkbReader();
    GEOSWKBWriter* wkbWriter();
    GEOSWKTReader* wktReader();
    GEOSWKTWriter* wktWriter();

    GeosThreadState(const GeosThreadState&) = delete;
    GeosThreadState& operator=(const GeosThreadState&) = delete;
    ~GeosThreadState();

private:
    GeosThreadState();
    static void onError(const char* message, void* self);

    GEOSContextHandle_t handle_ = nullptr;
    std::string lastError_;
    GEOSWKBReader* wkbReader_ = nullptr;
    GEOSWKBWriter* wkbWriter_ = nullptr;
    GEOSWKTReader* wktReader_ = nullptr;
    GEOSWKTWriter* wktWriter_ = nullptr;
};

inline GEOSContextHandle_t geosHandle() { return GeosThreadState::current().handle(); }

/// A handle to free GEOS objects with: the thread's own, or, once the thread's
/// state is gone (objects destroyed during thread or process exit, e.g.
/// statics), a process-wide one that only ever frees objects.
GEOSContextHandle_t geosHandleForCleanup();

/// Throws GeometryError "<what>: <GEOS message>".
[[noreturn]] void throwGeosError(const std::string& what);

/// `result` unless it is null (GEOS failed), in which case throws.
inline GEOSGeometry* checked(GEOSGeometry* result, const char* what) {
    if (!result) throwGeosError(what);
    return result;
}

/// A GEOS predicate result (0, 1, or 2 = exception) as bool; throws on 2.
inline bool checkedPredicate(char result, const char* what) {
    if (result == 2) throwGeosError(what);
    return result == 1;
}

struct GeosGeometryDeleter {
    void operator()(GEOSGeometry* g) const { GEOSGeom_destroy_r(geosHandleForCleanup(), g); }
};
using GeosGeometryPtr = std::unique_ptr<GEOSGeometry, GeosGeometryDeleter>;

} // namespace planmap::geo::detail
