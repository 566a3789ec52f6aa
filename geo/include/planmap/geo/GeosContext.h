#pragma once
// The calling thread's GEOS context handle.
//
// planmap uses only GEOS's reentrant C API (the *_r functions). Each thread
// gets its own context on first use; it is finished when the thread ends.
// GEOS errors raised on this context are turned into GeometryError by the
// library's wrappers.

struct GEOSContextHandle_HS;

namespace planmap::geo {

/// The GEOS context of the calling thread (GEOSContextHandle_t).
GEOSContextHandle_HS* geosContext();

} // namespace planmap::geo
