#include "planmap/geo/GeosContext.h"

#include "GeosSupport.h"

#include <cstdarg>

namespace planmap::geo {

GEOSContextHandle_HS* geosContext() { return detail::GeosThreadState::current().handle(); }

namespace detail {

namespace {
thread_local bool t_stateGone = false;  // trivially destructible: readable during thread exit

GEOSContextHandle_t orphanHandle() {
    static GEOSContextHandle_t handle = GEOS_init_r();  // never finished: used at exit only
    return handle;
}
} // namespace

GEOSContextHandle_t geosHandleForCleanup() {
    return t_stateGone ? orphanHandle() : GeosThreadState::current().handle();
}

GeosThreadState& GeosThreadState::current() {
    thread_local GeosThreadState state;
    return state;
}

GeosThreadState::GeosThreadState() : handle_(GEOS_init_r()) {
    GEOSContext_setErrorMessageHandler_r(handle_, &GeosThreadState::onError, this);
}

GeosThreadState::~GeosThreadState() {
    if (wkbReader_) GEOSWKBReader_destroy_r(handle_, wkbReader_);
    if (wkbWriter_) GEOSWKBWriter_destroy_r(handle_, wkbWriter_);
    if (wktReader_) GEOSWKTReader_destroy_r(handle_, wktReader_);
    if (wktWriter_) GEOSWKTWriter_destroy_r(handle_, wktWriter_);
    GEOS_finish_r(handle_);
    t_stateGone = true;
}

void GeosThreadState::onError(const char* message, void* self) {
    auto* state = static_cast<GeosThreadState*>(self);
    state->lastError_ = message ? message : "";
}

std::string GeosThreadState::takeError() {
    std::string e = std::move(lastError_);
    lastError_.clear();
    return e.empty() ? std::string("unknown GEOS error") : e;
}

GEOSWKBReader* GeosThreadState::wkbReader() {
    if (!wkbReader_) wkbReader_ = GEOSWKBReader_create_r(handle_);
    return wkbReader_;
}

GEOSWKBWriter* GeosThreadState::wkbWriter() {
    if (!wkbWriter_) {
        wkbWriter_ = GEOSWKBWriter_create_r(handle_);
        GEOSWKBWriter_setByteOrder_r(handle_, wkbWriter_, GEOS_WKB_NDR);
        GEOSWKBWriter_setFlavor_r(handle_, wkbWriter_, GEOS_WKB_ISO);
    }
    return wkbWriter_;
}

GEOSWKTReader* GeosThreadState::wktReader() {
    if (!wktReader_) wktReader_ = GEOSWKTReader_create_r(handle_);
    return wktReader_;
}

GEOSWKTWriter* GeosThreadState::wktWriter() {
    if (!wktWriter_) {
        wktWriter_ = GEOSWKTWriter_create_r(handle_);
        GEOSWKTWriter_setTrim_r(handle_, wktWriter_, 1);
    }
    return wktWriter_;
}

void throwGeosError(const std::string& what) {
    throw GeometryError(what + ": " + GeosThreadState::current().takeError());
}

} // namespace detail
} // namespace planmap::geo
