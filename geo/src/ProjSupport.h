#pragma once
// Internal PROJ glue shared by Crs.cpp and Transform.cpp (not installed API).

#include "planmap/geo/Crs.h"

#include <proj.h>

#include <mutex>
#include <optional>
#include <string>

namespace planmap::geo::detail {

/// The process-wide PROJ context that owns every Crs object. PROJ contexts and
/// the objects made in them must not be used by two threads at once: every
/// use of this context, or of a PJ made in it, holds lock().
class ProjCrsContext {
public:
    static ProjCrsContext& instance();
    PJ_CONTEXT* ctx() const { return ctx_; }
    std::unique_lock<std::mutex> lock() { return std::unique_lock<std::mutex>(mutex_); }
    /// The last error PROJ logged on this context (then cleared), or its errno text.
    std::string takeError();

private:
    ProjCrsContext();
    PJ_CONTEXT* ctx_;
    std::mutex mutex_;
    std::string lastLog_;  ///< written by PROJ's log callback, under lock()
};

/// Installs a log callback on `ctx` that stores error messages into *sink.
void captureProjLog(PJ_CONTEXT* ctx, std::string* sink);

/// Human-readable text for the current error of `ctx`, preferring the logged message.
std::string projErrorText(PJ_CONTEXT* ctx, std::string& logged);

} // namespace planmap::geo::detail

namespace planmap::geo {

struct Crs::Impl {
    PJ* pj = nullptr;  ///< made in ProjCrsContext; use under its lock
    std::string name;
    std::optional<int> epsg;
    std::optional<std::string> authorityId;
    PJ_TYPE type = PJ_TYPE_UNKNOWN;
    bool geographic = false;
    bool projected = false;
    std::optional<AreaOfUse> area;

    Impl() = default;
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;
    ~Impl();

    /// A copy of the CRS object made in `ctx` (for a Transform's own context).
    PJ* cloneInto(PJ_CONTEXT* ctx) const;
};

} // namespace planmap::geo
