#include "planmap/layers/print/Cartography.h"

#include "planmap/layers/print/PrintContext.h"

#include "planmap/geo/Geodesic.h"
#include "planmap/geo/Transform.h"

#include <cmath>
#include <stdexcept>

namespace planmap::layers::print {

namespace {

constexpr double kPi = 3.14159265358979323846;

const geo::Crs& wgs84()
{
    static const geo::Crs crs = geo::Crs::fromEpsg(4326);
    return crs;
}

/// map → lon/lat of the CRS's own geographic datum through WGS 84 (PROJ picks the operation).
geo::Transform toLonLat(const geo::Crs& crs)
{
    return geo::Transform(crs, wgs84());
}

/// The largest 1, 2 or 5 × 10^n not above `value` (> 0).
double niceFloor125(double value)
{
    const double p = std::pow(10.0, std::floor(std::log10(value)));
    for (double m : {5.0, 2.0, 1.0})
        if (m * p <= value * (1 + 1e-12)) return m * p;
    return p / 2.0;
}

} // namespace

double groundMetresPerMapUnit(const geo::Crs& crs, double x, double y)
{
    const double half = crs.isGeographic() ? 5e-4 : 50.0;
    const geo::Transform t = toLonLat(crs);
    const geo::XY a = t.forward(x - half, y);
    const geo::XY b = t.forward(x + half, y);
    return geo::Geodesic().distance(a.x, a.y, b.x, b.y) / (2.0 * half);
}

QString ScaleBar::tickLabel(int i) const
{
    const double v = groundMetres * i / segments / unitMetres;
    QString s = formatNumberVi(v, 2);
    if (i == segments) s += QLatin1Char(' ') + unit;
    return s;
}

ScaleBar niceScaleBar(const geo::Crs& crs, double cx, double cy, double mapUnitsPerMm, double maxLengthMm)
{
    if (!(mapUnitsPerMm > 0) || !(maxLengthMm > 0))
        throw std::invalid_argument("scale bar: the scale and the length must be positive");
    const double groundPerMm = mapUnitsPerMm * groundMetresPerMapUnit(crs, cx, cy);
    ScaleBar bar;
    bar.groundMetres = niceFloor125(maxLengthMm * groundPerMm);
    // The scale of a projection varies along a long bar: fit the bar's map
    // length so that its two ends, laid across the centre, lie exactly the
    // claimed geodesic distance apart (two secant steps suffice).
    const geo::Transform t = toLonLat(crs);
    const geo::Geodesic geodesic;
    const auto span = [&](double mapLength) {
        const geo::XY a = t.forward(cx - mapLength / 2, cy), b = t.forward(cx + mapLength / 2, cy);
        return geodesic.distance(a.x, a.y, b.x, b.y);
    };
    for (int attempt = 0; attempt < 3; ++attempt) {
        double mapLength = bar.groundMetres / groundPerMm * mapUnitsPerMm;
        for (int i = 0; i < 3; ++i) mapLength *= bar.groundMetres / span(mapLength);
        bar.lengthMm = mapLength / mapUnitsPerMm;
        if (bar.lengthMm <= maxLengthMm) break;
        bar.groundMetres = niceFloor125(bar.groundMetres * 0.999);  // the next smaller step
    }
    const double lead = bar.groundMetres / std::pow(10.0, std::floor(std::log10(bar.groundMetres) + 1e-12));
    bar.segments = std::lround(lead) == 2 ? 4 : 5;
    if (bar.groundMetres >= 1000.0) {
        bar.unit = QStringLiteral("km");
        bar.unitMetres = 1000.0;
    } else {
        bar.unit = QStringLiteral("m");
        bar.unitMetres = 1.0;
    }
    return bar;
}

double trueNorthAngle(const geo::Crs& crs, double x, double y)
{
    const geo::Transform t = toLonLat(crs);
    const geo::XY ll = t.forward(x, y);
    const double step = 1e-3;  // degrees of latitude, about 110 m
    const geo::XY north = t.inverse(ll.x, ll.y + step);
    const geo::XY here = t.inverse(ll.x, ll.y);
    return std::atan2(north.x - here.x, north.y - here.y) * 180.0 / kPi;
}

double niceGridInterval(double span, int targetLines)
{
    if (!(span > 0) || targetLines < 1) throw std::invalid_argument("grid interval: span and line count must be positive");
    const double raw = span / targetLines;
    const double p = std::pow(10.0, std::floor(std::log10(raw)));
    double best = p;
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (std::abs(std::log(m * p / raw)) < std::abs(std::log(best / raw))) best = m * p;
    return best;
}

double niceGraticuleMinutes(double spanDegrees, int targetLines)
{
    if (!(spanDegrees > 0) || targetLines < 1)
        throw std::invalid_argument("graticule interval: span and line count must be positive");
    const double raw = spanDegrees * 60.0 / targetLines;
    double best = 1.0;
    for (double m : {1.0, 2.0, 5.0, 10.0, 15.0, 20.0, 30.0, 60.0, 120.0, 300.0, 600.0, 1200.0, 1800.0, 3600.0})
        if (std::abs(std::log(m / raw)) < std::abs(std::log(best / raw))) best = m;
    return best;
}

QString formatDegreesMinutes(double degrees)
{
    const long long total = std::llround(std::abs(degrees) * 3600.0);
    const long long d = total / 3600, m = (total % 3600) / 60, s = total % 60;
    QString out = (degrees < 0 && total > 0 ? QStringLiteral("-") : QString()) + QString::number(d) + QChar(0x00B0) +
                  QStringLiteral("%1").arg(m, 2, 10, QLatin1Char('0')) + QChar(0x2032);
    if (s != 0) out += QStringLiteral("%1").arg(s, 2, 10, QLatin1Char('0')) + QChar(0x2033);
    return out;
}

std::vector<GridLine> projectedGrid(const render::Extent& extent, double interval)
{
    std::vector<GridLine> lines;
    if (extent.isEmpty() || !(interval > 0)) return lines;
    if (extent.width() / interval > 1000 || extent.height() / interval > 1000) return lines;
    for (double x = std::ceil(extent.minx / interval) * interval; x <= extent.maxx; x += interval)
        lines.push_back({true, x, {QPointF(x, extent.miny), QPointF(x, extent.maxy)}});
    for (double y = std::ceil(extent.miny / interval) * interval; y <= extent.maxy; y += interval)
        lines.push_back({false, y, {QPointF(extent.minx, y), QPointF(extent.maxx, y)}});
    return lines;
}

std::vector<GridLine> graticule(const geo::Crs& crs, const render::Extent& extent, double minutes, int pointsPerLine)
{
    std::vector<GridLine> lines;
    if (extent.isEmpty() || !(minutes > 0) || pointsPerLine < 2) return lines;
    const geo::Transform t = toLonLat(crs);
    const render::Extent ll = t.transformBounds(extent, geo::Direction::Forward);
    const double step = minutes / 60.0;
    if (ll.width() / step > 500 || ll.height() / step > 500) return lines;
    // Lines run a little beyond the frame; the frame clips them.
    const double pad = step;
    const auto add = [&](bool vertical, double value) {
        GridLine g{vertical, value, {}};
        const auto n = static_cast<std::size_t>(pointsPerLine);
        std::vector<double> xs(n), ys(n);
        for (int i = 0; i < pointsPerLine; ++i) {
            const double f = double(i) / (pointsPerLine - 1);
            if (vertical) {
                xs[std::size_t(i)] = value;
                ys[std::size_t(i)] = ll.miny - pad + f * (ll.height() + 2 * pad);
            } else {
                xs[std::size_t(i)] = ll.minx - pad + f * (ll.width() + 2 * pad);
                ys[std::size_t(i)] = value;
            }
        }
        t.inverse(xs.data(), ys.data(), xs.size());
        for (std::size_t i = 0; i < xs.size(); ++i)
            if (std::isfinite(xs[i]) && std::isfinite(ys[i])) g.points.emplace_back(xs[i], ys[i]);
        if (g.points.size() >= 2) lines.push_back(std::move(g));
    };
    // Whole multiples of the step, computed from integers to avoid drift.
    const long long lon0 = std::llround(std::ceil(ll.minx / step - 1e-9)), lon1 = std::llround(std::floor(ll.maxx / step + 1e-9));
    for (long long k = lon0; k <= lon1; ++k) add(true, double(k) * minutes / 60.0);
    const long long lat0 = std::llround(std::ceil(ll.miny / step - 1e-9)), lat1 = std::llround(std::floor(ll.maxy / step + 1e-9));
    for (long long k = lat0; k <= lat1; ++k) add(false, double(k) * minutes / 60.0);
    return lines;
}

} // namespace planmap::layers::print
