#include "planmap/layers/progress/Status.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace planmap::layers::progress {

namespace {

struct StatusInfo {
    Status status;
    const char* code;
    const char* vi;
    const char* en;
    std::uint32_t color;
};

constexpr StatusInfo kStatuses[] = {
    {Status::Achieved, "achieved", "Đã đạt", "achieved", 0x1b7837},
    {Status::OnTrack, "on_track", "Đúng tiến độ", "on track", 0x5aae61},
    {Status::AtRisk, "at_risk", "Có nguy cơ chậm", "at risk", 0xf1a340},
    {Status::Behind, "behind", "Chậm tiến độ", "behind", 0xd73027},
    {Status::NoData, "no_data", "Chưa có số liệu", "no data", 0x999999},
    {Status::NoTarget, "no_target", "Không có chỉ tiêu", "no target", 0xd9d9d9},
};

const StatusInfo& infoOf(Status status)
{
    for (const auto& info : kStatuses)
        if (info.status == status) return info;
    return kStatuses[5];
}

/// a ≥ b, tolerant of rounding in the last bits.
bool atLeast(double a, double b)
{
    return a >= b - 1e-9 * std::max({1.0, std::fabs(a), std::fabs(b)});
}

bool accumulates(Aggregation aggregation)
{
    return aggregation == Aggregation::Sum || aggregation == Aggregation::PercentPoint;
}

} // namespace

double elapsedFraction(int year, Date date)
{
    using namespace std::chrono;
    const auto y = std::chrono::year{year};
    if (date.year() < y) return 0.0;
    if (date.year() > y) return 1.0;
    const sys_days first{y / January / 1};
    const sys_days next{(y + years{1}) / January / 1};
    const double days = static_cast<double>((next - first).count());
    const double elapsed = static_cast<double>((sys_days{date} - first).count() + 1);
    return std::clamp(elapsed / days, 0.0, 1.0);
}

StatusAssessment assessStatus(const std::optional<double>& achieved, const std::optional<double>& target,
                              Aggregation aggregation, const std::optional<int>& year, Date date,
                              const StatusOptions& options)
{
    const auto& t = options.thresholds;
    if (!(t.atRisk > 0 && t.atRisk <= t.onTrack && t.onTrack <= 1))
        throw std::invalid_argument("status thresholds must satisfy 0 < at-risk <= on-track <= 1 (got at-risk "
                                    + std::to_string(t.atRisk) + ", on-track " + std::to_string(t.onTrack) + ")");
    StatusAssessment a;
    const int y = year.value_or(options.defaultYear.value_or(static_cast<int>(date.year())));
    a.elapsedFraction = elapsedFraction(y, date);
    if (!target || !std::isfinite(*target) || *target <= 0) {
        a.status = Status::NoTarget;
        return a;
    }
    const bool proRata = accumulates(aggregation) || options.proRataLevels;
    a.expected = proRata ? *target * a.elapsedFraction : *target;
    if (!achieved) {
        a.status = Status::NoData;
        return a;
    }
    if (*a.expected > 0) a.ratioToExpected = *achieved / *a.expected;
    if (atLeast(*achieved, *target)) a.status = Status::Achieved;
    else if (atLeast(*achieved, t.onTrack * *a.expected)) a.status = Status::OnTrack;
    else if (atLeast(*achieved, t.atRisk * *a.expected)) a.status = Status::AtRisk;
    else a.status = Status::Behind;
    return a;
}

std::string_view statusCode(Status status) { return infoOf(status).code; }
std::string_view statusLabelVi(Status status) { return infoOf(status).vi; }
std::string_view statusLabelEn(Status status) { return infoOf(status).en; }

std::optional<Status> parseStatus(std::string_view code)
{
    for (const auto& info : kStatuses)
        if (code == info.code) return info.status;
    return std::nullopt;
}

std::uint32_t statusColor(Status status) { return infoOf(status).color; }

std::string statusColorHex(Status status)
{
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "#%06x", static_cast<unsigned>(statusColor(status)));
    return buffer;
}

} // namespace planmap::layers::progress
