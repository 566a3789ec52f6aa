#pragma once

#include "planmap/layers/render/Extent.h"

namespace planmap::geo { class Crs; }

#include <QPointF>
#include <QSize>
#include <QTransform>

namespace planmap::layers::render {

/// Units of the display CRS's horizontal axes.
enum class MapUnits {
    Metres,   ///< projected CRS in metres (e.g. EPSG:9215 VN-2000 / TM-3 107-15)
    Degrees,  ///< geographic CRS, x = longitude, y = latitude (visualisation order)
};

/// Degrees for a geographic CRS, Metres otherwise.
MapUnits mapUnitsOf(const geo::Crs& crs);

/// The view math of a map: which part of the display CRS lands on which pixel.
///
/// The state is the centre (map units), the map units per pixel, the output
/// size in pixels and the DPI; no rotation. Pixel (0,0) is the top-left corner
/// of the top-left pixel; y grows downwards in pixels and upwards in map units.
/// Pure value type: cheap to copy, no Qt GUI dependency beyond QTransform.
class MapViewport {
public:
    /// An empty 0x0 viewport (isValid() == false).
    MapViewport() = default;
    /// `size` in pixels, `dpi` of the output device, `units` of the display CRS.
    MapViewport(QSize size, double dpi = 96.0, MapUnits units = MapUnits::Metres);

    bool isValid() const { return size_.width() > 0 && size_.height() > 0 && mupp_ > 0; }

    QSize outputSize() const { return size_; }
    double dpi() const { return dpi_; }
    MapUnits units() const { return units_; }
    double centerX() const { return cx_; }
    double centerY() const { return cy_; }
    /// Map units per pixel (the ground size of a pixel in display-CRS units).
    double mapUnitsPerPixel() const { return mupp_; }

    /// The part of the map the output shows (exactly size × mapUnitsPerPixel).
    Extent extent() const;

    /// Shows all of `e` (plus `marginFraction` of its size on each side),
    /// centred, keeping square pixels: the other axis gets more room.
    /// Throws std::invalid_argument if `e` is empty or the size is 0.
    void zoomToExtent(const Extent& e, double marginFraction = 0.0);
    void setCenter(double x, double y) { cx_ = x; cy_ = y; }
    void setMapUnitsPerPixel(double mupp);
    /// Changes the output size keeping the centre and the pixel size.
    void setOutputSize(QSize size);
    void setDpi(double dpi);
    void setUnits(MapUnits units) { units_ = units; }

    /// Pixel position (sub-pixel, pixel centres at .5) of a map point.
    QPointF toPixel(double x, double y) const;
    /// Map coordinates of a pixel position.
    QPointF toMap(QPointF pixel) const;
    /// map → pixel as an affine transform (for QPainter when coordinates are small).
    QTransform mapToPixelTransform() const;

    /// Scale denominator N of 1:N for this DPI: the ground distance of one
    /// centimetre on the output. For a geographic CRS the ground size of a
    /// degree of longitude is taken along the parallel of the centre latitude
    /// on the WGS 84 ellipsoid.
    double scaleDenominator() const;
    /// Zooms about the centre so that scaleDenominator() == denominator.
    void setScaleDenominator(double denominator);
    /// Metres on the ground per map unit at the centre (1 for Metres).
    double metresPerMapUnit() const;

    /// Multiplies the pixel size by 1/factor (factor > 1 zooms in) keeping the
    /// map point under `anchorPixel` where it is.
    void zoomBy(double factor, QPointF anchorPixel);
    /// Zooms about the centre of the output.
    void zoomBy(double factor);
    /// Moves the content by (dx, dy) pixels, as when the map is dragged.
    void panByPixels(double dx, double dy);

    /// The viewport covering the pixel rectangle (x, y, w, h) of this one, with
    /// the same pixel size and DPI (used to render tiles of one frame).
    MapViewport subViewport(int x, int y, int w, int h) const;

    bool operator==(const MapViewport&) const = default;

private:
    QSize size_;
    double dpi_ = 96.0;
    MapUnits units_ = MapUnits::Metres;
    double cx_ = 0.0;
    double cy_ = 0.0;
    double mupp_ = 1.0;
};

} // namespace planmap::layers::render
