#pragma once

#include <QColor>
#include <QString>
#include <QStringList>

#include <vector>

namespace planmap::layers::style {

/// A colour ramp: sequential (light → dark), diverging (colour → neutral →
/// colour) or qualitative (distinct colours for categories). The built-in
/// ramps are planmap's own colours, chosen to be distinguishable on screen
/// and in print (names follow the usual conventions: YlOrRd, Greens, RdYlGn…).
class ColorRamp {
public:
    enum class Kind { Sequential, Diverging, Qualitative };

    ColorRamp(QString name, Kind kind, std::vector<QColor> stops);

    /// A built-in ramp by name; throws StyleError if unknown.
    static ColorRamp named(const QString& name);
    /// Names of the built-in ramps.
    static QStringList names();

    const QString& name() const { return name_; }
    Kind kind() const { return kind_; }
    const std::vector<QColor>& stops() const { return stops_; }

    /// Colour at t in [0,1] (clamped), interpolated linearly in RGB between
    /// equally spaced stops. Qualitative ramps return the nearest stop.
    QColor colorAt(double t) const;
    /// `n` colours: evenly spaced along the ramp (first and last stops
    /// included) or, for qualitative ramps, the stops in order, cycling.
    std::vector<QColor> colors(int n) const;
    /// The same ramp reversed.
    ColorRamp reversed() const;

private:
    QString name_;
    Kind kind_;
    std::vector<QColor> stops_;
};

} // namespace planmap::layers::style
