#pragma once

#include <QColor>
#include <QJsonObject>

namespace planmap::layers::style {

enum class MarkerShape { Circle, Square, Triangle, Diamond, Cross, Star };
enum class StrokeStyle { Solid, Dash, Dot, DashDot, NoStroke };

/// How one class of features is drawn. Sizes are in millimetres on the
/// output so that screen, PNG export and print agree at their DPI.
/// A fill colour with alpha 0 means "no fill".
struct Symbol {
    QColor fillColor{190, 207, 80};
    QColor strokeColor{35, 35, 35};
    double strokeWidthMm = 0.26;     ///< 0 = one device pixel (hairline)
    StrokeStyle strokeStyle = StrokeStyle::Solid;
    MarkerShape markerShape = MarkerShape::Circle;  ///< points only
    double markerSizeMm = 2.0;                      ///< points only: diameter / side

    QJsonObject toJson() const;
    /// Missing keys keep their defaults; throws StyleError on malformed values.
    static Symbol fromJson(const QJsonObject& o);

    bool operator==(const Symbol&) const = default;
};

QString markerShapeName(MarkerShape s);
MarkerShape markerShapeFromName(const QString& name);  ///< throws StyleError
QString strokeStyleName(StrokeStyle s);
StrokeStyle strokeStyleFromName(const QString& name);  ///< throws StyleError

} // namespace planmap::layers::style
