#pragma once

#include "planmap/layers/style/FeatureStyle.h"
#include "planmap/layers/style/LabelSettings.h"

#include <QByteArray>
#include <QJsonObject>

namespace planmap::layers::style {

/// Everything about how one layer looks, as saved in the project:
/// symbology, labels, opacity and the scale range where it is shown.
struct LayerStyle {
    FeatureStyle features;
    LabelSettings labels;
    double opacity = 1.0;               ///< 0 … 1, applied to the whole layer
    /// Shown only when the view's scale denominator N (1:N) satisfies
    /// minScaleDenominator <= N <= maxScaleDenominator; 0 = no limit.
    /// maxScaleDenominator is the "zoomed-out" limit (e.g. 250000 hides the
    /// layer when showing the whole province at 1:500000).
    double minScaleDenominator = 0.0;
    double maxScaleDenominator = 0.0;

    bool visibleAtScale(double denominator) const;

    QJsonObject toJson() const;
    static LayerStyle fromJson(const QJsonObject& o);  ///< throws StyleError
    /// Compact JSON text (QJsonDocument) / parse; throws StyleError naming the parse error.
    QByteArray toJsonText() const;
    static LayerStyle fromJsonText(const QByteArray& text);

    bool operator==(const LayerStyle&) const = default;
};

} // namespace planmap::layers::style
