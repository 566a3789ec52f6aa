#include "planmap/layers/render/MapViewport.h"

#include "planmap/geo/Crs.h"

#include <cmath>
#include <numbers>
#include <stdexcept>

namespace planmap::layers::render {

namespace {
constexpr double kInchMetres = 0.0254;
// WGS 84 ellipsoid, for the ground length of a degree of longitude.
constexpr double kWgs84A = 6378137.0;
constexpr double kWgs84F = 1.0 / 298.257223563;
} // namespace

MapUnits mapUnitsOf(const geo::Crs& crs)
{
    return crs.isGeographic() ? MapUnits::Degrees : MapUnits::Metres;
}

MapViewport::MapViewport(QSize size, double dpi, MapUnits units) : size_(size), dpi_(dpi), units_(units)
{
    if (!(dpi > 0)) throw std::invalid_argument("MapViewport: dpi must be positive");
}

Extent MapViewport::extent() const
{
    const double hw = 0.5 * size_.width() * mupp_;
    const double hh = 0.5 * size_.height() * mupp_;
    return {cx_ - hw, cy_ - hh, cx_ + hw, cy_ + hh};
}

void MapViewport::zoomToExtent(const Extent& e, double marginFraction)
{
    if (e.isEmpty()) throw std::invalid_argument("MapViewport::zoomToExtent: empty extent");
    if (size_.width() <= 0 || size_.height() <= 0)
        throw std::invalid_argument("MapViewport::zoomToExtent: output size is 0");
    double w = e.width() * (1.0 + 2.0 * marginFraction);
    double h = e.height() * (1.0 + 2.0 * marginFraction);
    if (w <= 0 && h <= 0) {
        // A point: keep the current pixel size.
        cx_ = e.center().x;
        cy_ = e.center().y;
        return;
    }
    cx_ = e.center().x;
    cy_ = e.center().y;
    mupp_ = std::max(w / size_.width(), h / size_.height());
}

void MapViewport::setMapUnitsPerPixel(double mupp)
{
    if (!(mupp > 0) || !std::isfinite(mupp))
        throw std::invalid_argument("MapViewport: map units per pixel must be positive");
    mupp_ = mupp;
}

void MapViewport::setOutputSize(QSize size)
{
    size_ = size;
}

void MapViewport::setDpi(double dpi)
{
    if (!(dpi > 0)) throw std::invalid_argument("MapViewport: dpi must be positive");
    dpi_ = dpi;
}

QPointF MapViewport::toPixel(double x, double y) const
{
    return {(x - cx_) / mupp_ + 0.5 * size_.width(), (cy_ - y) / mupp_ + 0.5 * size_.height()};
}

QPointF MapViewport::toMap(QPointF p) const
{
    return {cx_ + (p.x() - 0.5 * size_.width()) * mupp_, cy_ - (p.y() - 0.5 * size_.height()) * mupp_};
}

QTransform MapViewport::mapToPixelTransform() const
{
    const double k = 1.0 / mupp_;
    return QTransform(k, 0, 0, -k, -cx_ * k + 0.5 * size_.width(), cy_ * k + 0.5 * size_.height());
}

double MapViewport::metresPerMapUnit() const
{
    if (units_ == MapUnits::Metres) return 1.0;
    // Radius of the parallel at the centre latitude on WGS 84, times one degree.
    const double e2 = kWgs84F * (2.0 - kWgs84F);
    const double lat = std::clamp(cy_, -90.0, 90.0) * std::numbers::pi / 180.0;
    const double s = std::sin(lat);
    const double parallelRadius = kWgs84A * std::cos(lat) / std::sqrt(1.0 - e2 * s * s);
    return parallelRadius * std::numbers::pi / 180.0;
}

double MapViewport::scaleDenominator() const
{
    const double pixelMetres = kInchMetres / dpi_;
    return mupp_ * metresPerMapUnit() / pixelMetres;
}

void MapViewport::setScaleDenominator(double denominator)
{
    if (!(denominator > 0)) throw std::invalid_argument("MapViewport: scale denominator must be positive");
    const double mpu = metresPerMapUnit();
    if (!(mpu > 0)) throw std::invalid_argument("MapViewport: no scale at the pole");
    setMapUnitsPerPixel(denominator * (kInchMetres / dpi_) / mpu);
}

void MapViewport::zoomBy(double factor, QPointF anchor)
{
    if (!(factor > 0)) throw std::invalid_argument("MapViewport::zoomBy: factor must be positive");
    const QPointF before = toMap(anchor);
    mupp_ /= factor;
    // Keep `before` under the anchor: solve toMap(anchor) == before for the centre.
    cx_ = before.x() - (anchor.x() - 0.5 * size_.width()) * mupp_;
    cy_ = before.y() + (anchor.y() - 0.5 * size_.height()) * mupp_;
}

void MapViewport::zoomBy(double factor)
{
    zoomBy(factor, QPointF(0.5 * size_.width(), 0.5 * size_.height()));
}

void MapViewport::panByPixels(double dx, double dy)
{
    cx_ -= dx * mupp_;
    cy_ += dy * mupp_;
}

MapViewport MapViewport::subViewport(int x, int y, int w, int h) const
{
    MapViewport v = *this;
    v.size_ = QSize(w, h);
    const QPointF c = toMap(QPointF(x + 0.5 * w, y + 0.5 * h));
    v.cx_ = c.x();
    v.cy_ = c.y();
    return v;
}

} // namespace planmap::layers::render
