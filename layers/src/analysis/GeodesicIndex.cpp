#include "planmap/layers/analysis/GeodesicIndex.h"

#include "planmap/layers/analysis/AnalysisRun.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <sstream>

namespace planmap::layers::analysis {

namespace {

constexpr double kDegree = std::numbers::pi / 180.0;

std::string formatPoint(double lon, double lat) {
    std::ostringstream s;
    s.precision(10);
    s << "(" << lon << ", " << lat << ")";
    return s.str();
}

/// Planar distance from p to the segment ab.
double pointSegmentDistance(const geo::XY& p, double ax, double ay, double bx, double by) {
    const double dx = bx - ax, dy = by - ay;
    const double len2 = dx * dx + dy * dy;
    double t = 0.0;
    if (len2 > 0.0) t = std::clamp(((p.x - ax) * dx + (p.y - ay) * dy) / len2, 0.0, 1.0);
    const double ex = ax + t * dx - p.x, ey = ay + t * dy - p.y;
    return std::sqrt(ex * ex + ey * ey);
}

} // namespace

// --- LowerBoundPlane -----------------------------------------------------------------

LowerBoundPlane::LowerBoundPlane(const geo::Envelope& e, const geo::Geodesic& geodesic) {
    if (e.isEmpty()) throw AnalysisError("Lower-bound plane: the data has no extent (no coordinates)");
    if (e.width() > 180.0)
        throw AnalysisError("The data spans more than 180 degrees of longitude (crosses the antimeridian?): "
                            "distance analyses do not support that");
    // Geodesics between points of the extent bulge poleward by about
    // sigma^2 tan(phi) / 8 (sigma the angular distance); take 4 times that plus half a degree.
    const double phiMax = std::max(std::abs(e.miny), std::abs(e.maxy));
    const double sigma = std::hypot(e.width(), e.height()) * kDegree;  // an upper bound of the angular distances
    const double bulge = 0.5 * sigma * sigma * std::tan(std::min(phiMax + 0.5, 85.0) * kDegree) / kDegree;
    const double margin = 0.5 + bulge;
    minLat_ = e.miny - margin;
    maxLat_ = e.maxy + margin;
    if (minLat_ < -89.0 || maxLat_ > 89.0)
        throw AnalysisError("The data reaches within a degree of a pole: distance analyses do not support that");

    const double phiFar = std::max(std::abs(minLat_), std::abs(maxLat_)) * kDegree;
    const double phiNear = (minLat_ <= 0.0 && maxLat_ >= 0.0) ? 0.0 : std::min(std::abs(minLat_), std::abs(maxLat_)) * kDegree;
    const double a = geodesic.semiMajorAxis();
    const double f = geodesic.flattening();
    const double e2 = f * (2.0 - f);
    const auto w = [e2](double phi) { return std::sqrt(1.0 - e2 * std::sin(phi) * std::sin(phi)); };
    const double meridional = a * (1.0 - e2) / std::pow(w(phiNear), 3.0);  // M at the band's equator-most latitude
    const double primeVertical = a / w(phiFar);                              // N at the pole-most latitude
    // A hair below the true radii so that round-off never breaks the bound.
    constexpr double kSafety = 1.0 - 1e-9;
    yScale_ = meridional * kDegree * kSafety;
    xScale_ = primeVertical * std::cos(phiFar) * kDegree * kSafety;
}

void LowerBoundPlane::checkInBand(double lon, double lat) const {
    if (!std::isfinite(lon) || !std::isfinite(lat) || !inBand(lat))
        throw AnalysisError("Point " + formatPoint(lon, lat) +
                            " lies outside the area the distance index was built for");
}

// --- GeodesicPointIndex --------------------------------------------------------------

GeodesicPointIndex::GeodesicPointIndex(const LowerBoundPlane& plane, const geo::Geodesic& geodesic)
    : plane_(plane), geodesic_(geodesic) {}

std::size_t GeodesicPointIndex::add(double lon, double lat) {
    plane_.checkInBand(lon, lat);
    const std::size_t index = size();
    lonLat_.push_back(lon);
    lonLat_.push_back(lat);
    const geo::XY p = plane_.toPlane(lon, lat);
    planeXY_.push_back(p.x);
    planeXY_.push_back(p.y);
    tree_.insert(static_cast<std::int64_t>(index), geo::Envelope(p.x, p.y, p.x, p.y));
    return index;
}

void GeodesicPointIndex::reserve(std::size_t n) {
    lonLat_.reserve(2 * n);
    planeXY_.reserve(2 * n);
    tree_.reserve(n);
}

void GeodesicPointIndex::build() { tree_.build(); }

std::optional<GeodesicPointIndex::Hit> GeodesicPointIndex::nearest(double lon, double lat) const {
    if (lonLat_.empty()) return std::nullopt;
    plane_.checkInBand(lon, lat);
    const geo::XY q = plane_.toPlane(lon, lat);
    const auto candidate = tree_.nearestByEnvelope(q.x, q.y);
    if (!candidate) return std::nullopt;
    Hit best{static_cast<std::size_t>(candidate->id), 0.0};
    best.distance = geodesic_.distance(lon, lat, lonLat_[2 * best.index], lonLat_[2 * best.index + 1]);

    thread_local std::vector<std::int64_t> ids;
    ids.clear();
    const double g = best.distance;
    tree_.query(geo::Envelope(q.x - g, q.y - g, q.x + g, q.y + g), ids);
    for (const std::int64_t id : ids) {
        const auto i = static_cast<std::size_t>(id);
        if (i == best.index) continue;
        const double px = planeXY_[2 * i] - q.x, py = planeXY_[2 * i + 1] - q.y;
        const double planar = std::sqrt(px * px + py * py);
        if (planar > best.distance) continue;  // geodesic >= planar > best
        const double d = geodesic_.distance(lon, lat, lonLat_[2 * i], lonLat_[2 * i + 1]);
        if (d < best.distance || (d == best.distance && i < best.index)) best = {i, d};
    }
    return best;
}

void GeodesicPointIndex::within(double lon, double lat, double radius, std::vector<Hit>& out) const {
    out.clear();
    if (lonLat_.empty() || !(radius >= 0.0)) return;
    plane_.checkInBand(lon, lat);
    const geo::XY q = plane_.toPlane(lon, lat);
    thread_local std::vector<std::int64_t> ids;
    ids.clear();
    tree_.query(geo::Envelope(q.x - radius, q.y - radius, q.x + radius, q.y + radius), ids);
    for (const std::int64_t id : ids) {
        const auto i = static_cast<std::size_t>(id);
        const double px = planeXY_[2 * i] - q.x, py = planeXY_[2 * i + 1] - q.y;
        if (std::sqrt(px * px + py * py) > radius) continue;
        const double d = geodesic_.distance(lon, lat, lonLat_[2 * i], lonLat_[2 * i + 1]);
        if (d <= radius) out.push_back({i, d});
    }
    std::sort(out.begin(), out.end(), [](const Hit& a, const Hit& b) {
        return a.distance != b.distance ? a.distance < b.distance : a.index < b.index;
    });
}

std::vector<GeodesicPointIndex::Hit> GeodesicPointIndex::within(double lon, double lat, double radius) const {
    std::vector<Hit> out;
    within(lon, lat, radius, out);
    return out;
}

// --- GeodesicLineIndex ---------------------------------------------------------------

GeodesicLineIndex::GeodesicLineIndex(const LowerBoundPlane& plane, const geo::Geodesic& geodesic)
    : plane_(plane), geodesic_(geodesic) {}

std::size_t GeodesicLineIndex::addLine(std::span<const double> lonLat) {
    if (lonLat.size() < 4 || lonLat.size() % 2 != 0)
        throw AnalysisError("A line needs at least two points (got " + std::to_string(lonLat.size() / 2) + ")");
    const std::size_t lineIndex = lines_.size();
    Line line;
    const std::size_t n = lonLat.size() / 2;
    line.lonLat.assign(lonLat.begin(), lonLat.end());
    line.planeXY.resize(2 * n);
    line.cumulative.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        plane_.checkInBand(lonLat[2 * i], lonLat[2 * i + 1]);
        const geo::XY p = plane_.toPlane(lonLat[2 * i], lonLat[2 * i + 1]);
        line.planeXY[2 * i] = p.x;
        line.planeXY[2 * i + 1] = p.y;
    }
    line.cumulative[0] = 0.0;
    for (std::size_t i = 0; i + 1 < n; ++i) {
        const double L = geodesic_.distance(lonLat[2 * i], lonLat[2 * i + 1], lonLat[2 * i + 2], lonLat[2 * i + 3]);
        line.cumulative[i + 1] = line.cumulative[i] + L;
        const double ax = line.planeXY[2 * i], ay = line.planeXY[2 * i + 1];
        const double bx = line.planeXY[2 * i + 2], by = line.planeXY[2 * i + 3];
        const double c = std::hypot(bx - ax, by - ay);
        const double slack = 0.5 * std::sqrt(std::max(0.0, L * L - c * c)) + 1e-9 * L + 1e-9;
        geo::Envelope env(std::min(ax, bx), std::min(ay, by), std::max(ax, bx), std::max(ay, by));
        tree_.insert(static_cast<std::int64_t>(segments_.size()), env.buffered(slack));
        segments_.push_back(Segment{lineIndex, i, slack, geo::Geometry::lineString(lonLat.subspan(2 * i, 4))});
    }
    lines_.push_back(std::move(line));
    return lineIndex;
}

void GeodesicLineIndex::build() { tree_.build(); }

std::span<const double> GeodesicLineIndex::lineCoordinates(std::size_t line) const { return lines_[line].lonLat; }

geo::XY GeodesicLineIndex::lineStart(std::size_t line) const {
    const auto& c = lines_[line].lonLat;
    return {c[0], c[1]};
}

geo::XY GeodesicLineIndex::lineEnd(std::size_t line) const {
    const auto& c = lines_[line].lonLat;
    return {c[c.size() - 2], c[c.size() - 1]};
}

double GeodesicLineIndex::planarLowerBound(const Segment& segment, const geo::XY& p) const {
    const double* xy = lines_[segment.line].planeXY.data() + 2 * segment.vertex;
    return std::max(0.0, pointSegmentDistance(p, xy[0], xy[1], xy[2], xy[3]) - segment.slack);
}

std::optional<GeodesicLineIndex::Hit> GeodesicLineIndex::nearest(double lon, double lat) const {
    if (segments_.empty()) return std::nullopt;
    plane_.checkInBand(lon, lat);
    const geo::XY q = plane_.toPlane(lon, lat);
    const auto candidate = tree_.nearest(q.x, q.y, [this, &q](std::int64_t id) {
        return planarLowerBound(segments_[static_cast<std::size_t>(id)], q);
    });
    if (!candidate) return std::nullopt;
    std::size_t bestSegment = static_cast<std::size_t>(candidate->id);
    geo::Geodesic::ClosestPoint best = geodesic_.closestPoint(lon, lat, segments_[bestSegment].geometry);

    thread_local std::vector<std::int64_t> ids;
    ids.clear();
    const double g = best.distance;
    tree_.query(geo::Envelope(q.x - g, q.y - g, q.x + g, q.y + g), ids);
    std::sort(ids.begin(), ids.end());  // deterministic tie-breaking: lowest segment
    for (const std::int64_t id : ids) {
        const auto s = static_cast<std::size_t>(id);
        if (s == bestSegment) continue;
        if (planarLowerBound(segments_[s], q) >= best.distance) continue;
        const geo::Geodesic::ClosestPoint cp = geodesic_.closestPoint(lon, lat, segments_[s].geometry);
        if (cp.distance < best.distance || (cp.distance == best.distance && s < bestSegment)) {
            best = cp;
            bestSegment = s;
        }
    }
    const Segment& segment = segments_[bestSegment];
    const Line& line = lines_[segment.line];
    const double* a = line.lonLat.data() + 2 * segment.vertex;
    const double along = geodesic_.distance(a[0], a[1], best.point.x, best.point.y);
    const double length = line.cumulative[segment.vertex + 1] - line.cumulative[segment.vertex];
    return Hit{segment.line, best.distance, best.point, line.cumulative[segment.vertex] + std::min(along, length)};
}

} // namespace planmap::layers::analysis
