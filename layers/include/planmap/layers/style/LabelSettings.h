#pragma once

#include <QColor>
#include <QJsonObject>
#include <QString>

namespace planmap::layers::style {

/// How (and whether) the features of a layer are labelled.
struct LabelSettings {
    bool enabled = false;
    QString field;                       ///< attribute whose text is the label
    QString fontFamily = QStringLiteral("Noto Sans");
    double sizePt = 9.0;                 ///< typographic points on the output
    bool bold = false;
    bool italic = false;
    QColor color{20, 20, 20};
    QColor haloColor{255, 255, 255, 220};
    double haloWidthMm = 0.5;            ///< 0 = no halo
    int priority = 5;                    ///< 0 (lowest) … 10 (placed first)
    /// Polygons smaller than this (pixel bbox, larger side) get no label.
    double minFeatureSizePx = 12.0;
    /// Points: distance of the text from the marker edge, millimetres.
    double pointOffsetMm = 0.8;
    /// Hidden when the view's scale denominator is larger than this (0 = no limit).
    double maxScaleDenominator = 0.0;

    QJsonObject toJson() const;
    static LabelSettings fromJson(const QJsonObject& o);  ///< throws StyleError
    bool operator==(const LabelSettings&) const = default;
};

} // namespace planmap::layers::style
