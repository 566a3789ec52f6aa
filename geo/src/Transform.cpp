#include "planmap/geo/Transform.h"

#include "ProjSupport.h"

#include <cmath>
#include <sstream>

namespace planmap::geo {

struct Transform::Impl {
    Crs from;
    Crs to;
    PJ_CONTEXT* ctx = nullptr;
    PJ* op = nullptr;  ///< normalised for visualisation; nullptr for an identity
    std::string log;   ///< PROJ error messages of ctx
    std::string description;

    Impl(const Crs& f, const Crs& t) : from(f), to(t) {}
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;
    ~Impl() {
        proj_destroy(op);
        if (ctx) proj_context_destroy(ctx);
    }

    void build() {
        if (from == to) {
            description = "identity (" + from.label() + ")";
            return;
        }
        ctx = proj_context_create();
        detail::captureProjLog(ctx, &log);
        PJ* src = from.impl().cloneInto(ctx);
        PJ* dst = to.impl().cloneInto(ctx);
        PJ* raw = (src && dst) ? proj_create_crs_to_crs_from_pj(ctx, src, dst, nullptr, nullptr) : nullptr;
        proj_destroy(src);
        proj_destroy(dst);
        if (raw) {
            op = proj_normalize_for_visualization(ctx, raw);
            proj_destroy(raw);
        }
        if (!op) {
            const std::string why = detail::projErrorText(ctx, log);
            throw TransformError("No coordinate operation from " + from.label() + " to " + to.label() +
                                 " (" + why + ")");
        }
        const char* name = proj_get_name(op);
        description = name ? name : "";
        if (description.empty() && proj_get_type(op) == PJ_TYPE_UNKNOWN) {
            // PROJ kept several candidate operations and picks one per point
            // (lastOperationUsed() names it after a point).
            description = "one of the EPSG operations from " + from.label() + " to " + to.label()
                + ", chosen by PROJ per point by area of use";
        }
        if (description.empty()) description = proj_pj_info(op).description ? proj_pj_info(op).description : "";
    }

    std::string pointError(Direction dir, double x, double y) {
        const std::string why = detail::projErrorText(ctx, log);
        proj_errno_reset(op);
        std::ostringstream s;
        s.precision(15);
        const Crs& a = dir == Direction::Forward ? from : to;
        const Crs& b = dir == Direction::Forward ? to : from;
        s << "Coordinate (" << x << " " << y << ") cannot be transformed from " << a.label() << " to "
          << b.label() << " (" << why << ")";
        return s.str();
    }
};

Transform::Transform(const Crs& from, const Crs& to) : d_(std::make_unique<Impl>(from, to)) { d_->build(); }
Transform::Transform(std::unique_ptr<Impl> d) : d_(std::move(d)) {}
Transform::~Transform() = default;
Transform::Transform(Transform&&) noexcept = default;
Transform& Transform::operator=(Transform&&) noexcept = default;

Transform Transform::clone() const { return Transform(d_->from, d_->to); }

const Crs& Transform::source() const { return d_->from; }
const Crs& Transform::target() const { return d_->to; }
bool Transform::isIdentity() const { return d_->op == nullptr; }
std::string Transform::description() const { return d_->description; }

std::string Transform::lastOperationUsed() const {
    if (!d_->op) return d_->description;
    PJ* last = proj_trans_get_last_used_operation(d_->op);
    if (!last) return d_->description;
    const char* name = proj_get_name(last);
    std::string text = name && *name ? name : d_->description;
    proj_destroy(last);
    return text;
}

XY Transform::apply(Direction dir, double x, double y) const {
    if (!d_->op) return {x, y};
    PJ_COORD c = proj_coord(x, y, 0, 0);
    const PJ_COORD r = proj_trans(d_->op, dir == Direction::Forward ? PJ_FWD : PJ_INV, c);
    if (!std::isfinite(r.xy.x) || !std::isfinite(r.xy.y)) throw TransformError(d_->pointError(dir, x, y));
    return {r.xy.x, r.xy.y};
}

XY Transform::forward(double x, double y) const { return apply(Direction::Forward, x, y); }
XY Transform::inverse(double x, double y) const { return apply(Direction::Inverse, x, y); }

std::size_t Transform::apply(Direction dir, double* xs, double* ys, std::size_t stride, std::size_t n) const {
    if (!d_->op || n == 0) return 0;
    const std::size_t step = stride * sizeof(double);
    proj_trans_generic(d_->op, dir == Direction::Forward ? PJ_FWD : PJ_INV, xs, step, n, ys, step, n, nullptr, 0,
                       0, nullptr, 0, 0);
    std::size_t failed = 0;
    for (std::size_t i = 0; i < n; ++i) {
        double& x = xs[i * stride];
        double& y = ys[i * stride];
        if (!std::isfinite(x) || !std::isfinite(y)) {
            x = y = HUGE_VAL;
            ++failed;
        }
    }
    if (failed) {
        proj_errno_reset(d_->op);
        d_->log.clear();
    }
    return failed;
}

std::size_t Transform::forward(double* xs, double* ys, std::size_t n) const {
    return apply(Direction::Forward, xs, ys, 1, n);
}
std::size_t Transform::inverse(double* xs, double* ys, std::size_t n) const {
    return apply(Direction::Inverse, xs, ys, 1, n);
}
std::size_t Transform::forwardInterleaved(double* xy, std::size_t n) const {
    return apply(Direction::Forward, xy, xy + 1, 2, n);
}
std::size_t Transform::inverseInterleaved(double* xy, std::size_t n) const {
    return apply(Direction::Inverse, xy, xy + 1, 2, n);
}

Envelope Transform::transformBounds(const Envelope& e, Direction dir, int densifyPoints) const {
    if (e.isEmpty() || !d_->op) return e;
    double xmin = 0, ymin = 0, xmax = 0, ymax = 0;
    const int ok = proj_trans_bounds(d_->ctx, d_->op, dir == Direction::Forward ? PJ_FWD : PJ_INV, e.minx, e.miny,
                                     e.maxx, e.maxy, &xmin, &ymin, &xmax, &ymax, densifyPoints);
    if (!ok) {
        std::ostringstream s;
        s.precision(15);
        const Crs& a = dir == Direction::Forward ? d_->from : d_->to;
        const Crs& b = dir == Direction::Forward ? d_->to : d_->from;
        s << "Bounds (" << e.minx << " " << e.miny << ", " << e.maxx << " " << e.maxy
          << ") cannot be transformed from " << a.label() << " to " << b.label() << " ("
          << detail::projErrorText(d_->ctx, d_->log) << ")";
        proj_errno_reset(d_->op);
        throw TransformError(s.str());
    }
    return {xmin, ymin, xmax, ymax};
}

} // namespace planmap::geo
