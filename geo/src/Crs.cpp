#include "planmap/geo/Crs.h"

#include "ProjSupport.h"

#include <algorithm>
#include <cctype>
#include <memory>

namespace planmap::geo {
namespace detail {

namespace {
void logToString(void* appData, int level, const char* message) {
    if (level > PJ_LOG_ERROR || message == nullptr) return;
    auto* sink = static_cast<std::string*>(appData);
    if (!sink->empty()) sink->append("; ");
    sink->append(message);
}
} // namespace

void captureProjLog(PJ_CONTEXT* ctx, std::string* sink) {
    proj_log_level(ctx, PJ_LOG_ERROR);
    proj_log_func(ctx, sink, logToString);
}

std::string projErrorText(PJ_CONTEXT* ctx, std::string& logged) {
    std::string text = std::move(logged);
    logged.clear();
    const int err = proj_context_errno(ctx);
    if (text.empty() && err != 0) {
        const char* s = proj_context_errno_string(ctx, err);
        text = s ? s : "unknown PROJ error";
    }
    return text.empty() ? std::string("unknown PROJ error") : text;
}

ProjCrsContext::ProjCrsContext() : ctx_(proj_context_create()) {
    captureProjLog(ctx_, &lastLog_);
}

ProjCrsContext& ProjCrsContext::instance() {
    // Deliberately never destroyed: Crs values may outlive static destruction order.
    static auto* self = new ProjCrsContext();
    return *self;
}

std::string ProjCrsContext::takeError() { return projErrorText(ctx_, lastLog_); }

} // namespace detail

namespace {

using detail::ProjCrsContext;

struct PjDeleter {
    void operator()(PJ* p) const { proj_destroy(p); }
};
using PjPtr = std::unique_ptr<PJ, PjDeleter>;

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

bool isAllDigits(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

bool looksLikeWkt(const std::string& s) {
    std::size_t i = 0;
    while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '_')) ++i;
    return i > 0 && i < s.size() && (s[i] == '[' || s[i] == '(');
}

bool isCrsType(PJ_TYPE t) {
    switch (t) {
    case PJ_TYPE_CRS:
    case PJ_TYPE_GEODETIC_CRS:
    case PJ_TYPE_GEOCENTRIC_CRS:
    case PJ_TYPE_GEOGRAPHIC_CRS:
    case PJ_TYPE_GEOGRAPHIC_2D_CRS:
    case PJ_TYPE_GEOGRAPHIC_3D_CRS:
    case PJ_TYPE_VERTICAL_CRS:
    case PJ_TYPE_PROJECTED_CRS:
    case PJ_TYPE_COMPOUND_CRS:
    case PJ_TYPE_TEMPORAL_CRS:
    case PJ_TYPE_ENGINEERING_CRS:
    case PJ_TYPE_BOUND_CRS:
    case PJ_TYPE_OTHER_CRS:
        return true;
    default:
        return false;
    }
}

/// The horizontal component's type: a BoundCRS or CompoundCRS is looked through.
PJ_TYPE horizontalType(PJ_CONTEXT* ctx, PJ* pj) {
    const PJ_TYPE t = proj_get_type(pj);
    if (t == PJ_TYPE_BOUND_CRS) {
        PjPtr base(proj_get_source_crs(ctx, pj));
        return base ? horizontalType(ctx, base.get()) : t;
    }
    if (t == PJ_TYPE_COMPOUND_CRS) {
        PjPtr horizontal(proj_crs_get_sub_crs(ctx, pj, 0));
        return horizontal ? horizontalType(ctx, horizontal.get()) : t;
    }
    return t;
}

std::optional<int> parseCode(const char* code) {
    if (code == nullptr || !isAllDigits(code)) return std::nullopt;
    return std::stoi(code);
}

/// Fills the cached properties; called with the context locked.
std::shared_ptr<Crs::Impl> describe(PJ_CONTEXT* ctx, PjPtr pj) {
    auto impl = std::make_shared<Crs::Impl>();
    const char* name = proj_get_name(pj.get());
    impl->name = name ? name : "";
    impl->type = proj_get_type(pj.get());
    const PJ_TYPE h = horizontalType(ctx, pj.get());
    impl->geographic = h == PJ_TYPE_GEOGRAPHIC_2D_CRS || h == PJ_TYPE_GEOGRAPHIC_3D_CRS;
    impl->projected = h == PJ_TYPE_PROJECTED_CRS;

    const char* auth = proj_get_id_auth_name(pj.get(), 0);
    const char* code = proj_get_id_code(pj.get(), 0);
    if (auth && code) {
        impl->authorityId = std::string(auth) + ":" + code;
        if (std::string(auth) == "EPSG") impl->epsg = parseCode(code);
    } else {
        // No identifier (e.g. an ESRI .prj): accept PROJ's identification only
        // when it is certain.
        int* confidence = nullptr;
        PJ_OBJ_LIST* matches = proj_identify(ctx, pj.get(), "EPSG", nullptr, &confidence);
        if (matches) {
            const int n = proj_list_get_count(matches);
            for (int i = 0; i < n && !impl->epsg; ++i) {
                if (confidence[i] < 100) continue;
                PjPtr match(proj_list_get(ctx, matches, i));
                if (match) impl->epsg = parseCode(proj_get_id_code(match.get(), 0));
            }
            proj_int_list_destroy(confidence);
            proj_list_destroy(matches);
        }
        proj_errno_reset(pj.get());
    }

    double w = 0, s = 0, e = 0, n = 0;
    const char* areaName = nullptr;
    if (proj_get_area_of_use(ctx, pj.get(), &w, &s, &e, &n, &areaName) && w > -1000 && s > -1000) {
        impl->area = AreaOfUse{w, s, e, n, areaName ? areaName : ""};
    }
    proj_errno_reset(pj.get());
    impl->pj = pj.release();
    return impl;
}


} // namespace

Crs::Impl::~Impl() {
    if (!pj) return;
    auto& g = ProjCrsContext::instance();
    auto lock = g.lock();
    proj_destroy(pj);
}

PJ* Crs::Impl::cloneInto(PJ_CONTEXT* ctx) const {
    auto lock = ProjCrsContext::instance().lock();
    return proj_clone(ctx, pj);
}

Crs Crs::fromEpsg(int code) {
    auto& g = ProjCrsContext::instance();
    auto lock = g.lock();
    const std::string codeText = std::to_string(code);
    PjPtr pj(proj_create_from_database(g.ctx(), "EPSG", codeText.c_str(), PJ_CATEGORY_CRS, 0, nullptr));
    if (!pj) {
        g.takeError();
        throw CrsError("EPSG:" + codeText + " is not a coordinate reference system known to PROJ's database");
    }
    return Crs(describe(g.ctx(), std::move(pj)));
}

Crs Crs::fromUserInput(const std::string& input) {
    std::string text = trim(input);
    if (text.empty()) throw CrsError("No coordinate reference system given (the text is empty)");
    if (isAllDigits(text)) return fromEpsg(std::stoi(text));

    auto& g = ProjCrsContext::instance();
    auto lock = g.lock();
    PJ_CONTEXT* ctx = g.ctx();
    PjPtr pj;
    if (text.front() == '+' || text.rfind("proj=", 0) == 0) {
        if (text.find("type=crs") == std::string::npos) text += " +type=crs";
        pj.reset(proj_create(ctx, text.c_str()));
    } else if (looksLikeWkt(text)) {
        PROJ_STRING_LIST warnings = nullptr;
        PROJ_STRING_LIST grammarErrors = nullptr;
        const char* const options[] = {"STRICT=NO", nullptr};
        pj.reset(proj_create_from_wkt(ctx, text.c_str(), options, &warnings, &grammarErrors));
        std::string detail;
        for (auto list = grammarErrors; list && *list; ++list) {
            if (!detail.empty()) detail += "; ";
            detail += *list;
        }
        proj_string_list_destroy(warnings);
        proj_string_list_destroy(grammarErrors);
        if (!pj) {
            g.takeError();
            throw CrsError("The WKT text is not a valid coordinate reference system" +
                           (detail.empty() ? std::string() : ": " + detail));
        }
    } else {
        pj.reset(proj_create(ctx, text.c_str()));
    }
    if (!pj) {
        const std::string why = g.takeError();
        const std::string shown = text.size() > 80 ? text.substr(0, 77) + "..." : text;
        throw CrsError("'" + shown + "' is not a coordinate reference system PROJ understands (" + why + ")");
    }
    if (!isCrsType(proj_get_type(pj.get()))) {
        const std::string shown = text.size() > 80 ? text.substr(0, 77) + "..." : text;
        throw CrsError("'" + shown + "' describes a coordinate operation or datum, not a coordinate reference system");
    }
    return Crs(describe(ctx, std::move(pj)));
}

std::optional<int> Crs::epsgCode() const { return d_->epsg; }
std::optional<std::string> Crs::authorityId() const { return d_->authorityId; }
const std::string& Crs::name() const { return d_->name; }
bool Crs::isGeographic() const { return d_->geographic; }
bool Crs::isProjected() const { return d_->projected; }
std::optional<AreaOfUse> Crs::areaOfUse() const { return d_->area; }

std::string Crs::toWkt(WktVersion version) const {
    auto& g = ProjCrsContext::instance();
    auto lock = g.lock();
    PJ_WKT_TYPE type = PJ_WKT2_2019;
    const char* const esriOptions[] = {"MULTILINE=NO", nullptr};
    const char* const* options = nullptr;
    switch (version) {
    case WktVersion::Wkt2_2019: type = PJ_WKT2_2019; break;
    case WktVersion::Wkt1_Gdal: type = PJ_WKT1_GDAL; break;
    case WktVersion::Wkt1_Esri:
        type = PJ_WKT1_ESRI;
        options = esriOptions;
        break;
    }
    const char* wkt = proj_as_wkt(g.ctx(), d_->pj, type, options);
    if (!wkt) {
        const std::string why = g.takeError();
        throw CrsError("'" + d_->name + "' cannot be written as this WKT version (" + why + ")");
    }
    return wkt;
}

std::string Crs::toProjString() const {
    auto& g = ProjCrsContext::instance();
    auto lock = g.lock();
    const char* s = proj_as_proj_string(g.ctx(), d_->pj, PJ_PROJ_5, nullptr);
    if (!s) {
        const std::string why = g.takeError();
        throw CrsError("'" + d_->name + "' cannot be written as a PROJ string (" + why + ")");
    }
    return s;
}

std::string Crs::label() const {
    if (d_->authorityId) return d_->name + " (" + *d_->authorityId + ")";
    if (d_->epsg) return d_->name + " (EPSG:" + std::to_string(*d_->epsg) + ")";
    return d_->name;
}

bool operator==(const Crs& a, const Crs& b) {
    if (a.d_ == b.d_) return true;
    auto& g = ProjCrsContext::instance();
    auto lock = g.lock();
    // Axis order of geographic CRSs is ignored: planmap always works in
    // longitude/latitude order (see Transform).
    return proj_is_equivalent_to_with_ctx(g.ctx(), a.d_->pj, b.d_->pj,
                                          PJ_COMP_EQUIVALENT_EXCEPT_AXIS_ORDER_GEOGCRS) != 0;
}

std::vector<CrsInfo> vn2000Candidates() {
    static const std::vector<CrsInfo> candidates = [] {
        std::vector<CrsInfo> out;
        auto& g = ProjCrsContext::instance();
        auto lock = g.lock();
        PROJ_CRS_LIST_PARAMETERS* params = proj_get_crs_list_parameters_create();
        PJ_TYPE types[] = {PJ_TYPE_PROJECTED_CRS};
        params->types = types;
        params->typesCount = 1;
        params->allow_deprecated = 0;
        int count = 0;
        PROJ_CRS_INFO** list = proj_get_crs_info_list_from_database(g.ctx(), "EPSG", params, &count);
        proj_get_crs_list_parameters_destroy(params);
        for (int i = 0; list && i < count; ++i) {
            const PROJ_CRS_INFO* info = list[i];
            const std::string name = info->name ? info->name : "";
            const bool tm3 = name.rfind("VN-2000 / TM-3 ", 0) == 0;
            const bool utm = name == "VN-2000 / UTM zone 48N" || name == "VN-2000 / UTM zone 49N";
            if ((!tm3 && !utm) || info->deprecated) continue;
            const auto code = parseCode(info->code);
            if (!code) continue;
            CrsInfo entry{*code, name, std::nullopt};
            if (info->bbox_valid) {
                entry.area = AreaOfUse{info->west_lon_degree, info->south_lat_degree, info->east_lon_degree,
                                       info->north_lat_degree, info->area_name ? info->area_name : ""};
            }
            out.push_back(std::move(entry));
        }
        proj_crs_info_list_destroy(list);
        g.takeError();
        std::sort(out.begin(), out.end(), [](const CrsInfo& a, const CrsInfo& b) { return a.epsg < b.epsg; });
        return out;
    }();
    return candidates;
}

} // namespace planmap::geo
