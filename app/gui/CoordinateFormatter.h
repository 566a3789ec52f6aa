#pragma once

#include "planmap/geo/Crs.h"
#include "planmap/geo/Transform.h"

#include <QPointF>
#include <QString>

#include <memory>

namespace planmap::gui {

/// Turns a point of the display CRS into the texts of the status bar:
/// WGS 84 latitude/longitude and VN-2000 / TM-3 107°15' (EPSG:9215)
/// easting/northing, in Vietnamese number format. UI thread only.
class CoordinateFormatter {
public:
    explicit CoordinateFormatter(const geo::Crs& displayCrs);

    /// "21,85370° B  106,76150° Đ" (the letters follow the UI language); empty if out of range.
    QString wgs84(QPointF displayPoint) const;
    /// "E 449.314 m  N 2.417.550 m"; empty if out of range.
    QString vn2000(QPointF displayPoint) const;
    /// Longitude/latitude of a display point (NaN if it cannot be transformed).
    QPointF toLonLat(QPointF displayPoint) const;

private:
    std::unique_ptr<geo::Transform> toWgs84_;
    std::unique_ptr<geo::Transform> toVn2000_;
};

} // namespace planmap::gui
