#pragma once

#include "planmap/geo/Crs.h"
#include "planmap/layers/render/Extent.h"

#include <QPointF>
#include <QString>

#include <vector>

/// \file
/// The measured parts of a map frame: scale bar, north arrow, coordinate
/// grid and graticule. Pure functions of the frame's CRS, centre and scale,
/// every distance geodesic (WGS 84 through geo::Geodesic) and every
/// coordinate operation through PROJ (geo::Transform).

namespace planmap::layers::print {

/// Ground metres per map unit of `crs` along the x axis at (x, y): the
/// geodesic length of a short segment centred there, divided by its
/// length in map units.
double groundMetresPerMapUnit(const geo::Crs& crs, double x, double y);

/// A scale bar: `groundMetres` on the ground drawn `lengthMm` long, in
/// `segments` equal parts, labelled in `unit` ("km" or "m").
struct ScaleBar {
    double groundMetres = 0.0;        ///< 1, 2 or 5 × 10^n
    double lengthMm = 0.0;
    int segments = 4;
    QString unit;                     ///< "km" or "m"
    double unitMetres = 1000.0;       ///< metres of `unit`
    /// The label of tick i of 0…segments: "0", "2,5", "5", …, the last with the unit.
    QString tickLabel(int i) const;
};

/// The longest nice bar (1-2-5 steps) not longer than `maxLengthMm`, for a
/// frame showing `mapUnitsPerMm` map units per millimetre of paper. Its map
/// length is fitted so that the bar laid across the centre (cx, cy) spans
/// exactly `groundMetres` on the ellipsoid. Throws std::invalid_argument for
/// a non-positive scale.
ScaleBar niceScaleBar(const geo::Crs& crs, double cx, double cy, double mapUnitsPerMm, double maxLengthMm);

/// The direction of true north at (x, y) in the map of `crs`: degrees
/// clockwise from the map's up direction (grid north); the negated grid
/// convergence. Computed by projecting a short step north from the point.
double trueNorthAngle(const geo::Crs& crs, double x, double y);

/// The 1-2-2.5-5 step nearest to `span` / `targetLines` (map units).
double niceGridInterval(double span, int targetLines);
/// Graticule steps in minutes of arc (1, 2, 5, 10, 15, 20, 30, 60, 120, …)
/// nearest to `spanDegrees` / `targetLines`.
double niceGraticuleMinutes(double spanDegrees, int targetLines);

/// "21°50′" (degrees and minutes; seconds shown only when not zero).
QString formatDegreesMinutes(double degrees);

/// One grid line in map coordinates (a polyline: straight for the projected
/// grid, densified for meridians and parallels).
struct GridLine {
    bool vertical = true;             ///< constant x (easting / longitude)
    double value = 0.0;               ///< metres, or degrees for a graticule
    std::vector<QPointF> points;      ///< display-CRS coordinates
};

/// Lines of constant easting and northing every `interval` map units across `extent`.
std::vector<GridLine> projectedGrid(const render::Extent& extent, double interval);
/// Meridians and parallels every `minutes` across `extent` of `crs`, each
/// densified to `pointsPerLine` points and projected into `crs`.
std::vector<GridLine> graticule(const geo::Crs& crs, const render::Extent& extent, double minutes,
                                int pointsPerLine = 48);

} // namespace planmap::layers::print
