#pragma once

#include "MapLayer.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;
class QTreeWidget;

namespace planmap::gui {

class ScaleRangeEdit;

/// Edits the look of one layer: single symbol, categories of a field, or
/// classes of a numeric field (equal interval, quantile, natural breaks)
/// coloured from a ramp; labels; opacity; the scale range where it shows.
class StyleDialog : public QDialog {
    Q_OBJECT
public:
    StyleDialog(const MapLayer& layer, QWidget* parent = nullptr);

    /// The style as currently set in the dialog.
    style::LayerStyle layerStyle() const;

    // Programmatic control (tests, scripting the dialog).
    void setKind(style::StyleKind kind);
    void setField(const QString& field);
    void setMethod(style::ClassificationMethod method);
    void setClassCount(int classes);
    void setRamp(const QString& rampName);
    /// Rebuilds the categories / classes from the layer's values.
    void classify();

signals:
    /// "Apply" pressed: the style to show now.
    void applied(const planmap::layers::style::LayerStyle& style);

private:
    void updateControls();
    void updatePreview();
    void pickColor(QPushButton* button);
    style::Symbol baseSymbol() const;
    std::vector<QString> numericFields() const;
    std::vector<QString> allFields() const;

    MapLayer layer_;
    style::FeatureStyle features_;

    QComboBox* kind_;
    QComboBox* field_;
    QComboBox* method_;
    QSpinBox* classes_;
    QComboBox* ramp_;
    QCheckBox* invertRamp_;
    QPushButton* classifyButton_;
    QPushButton* fillColor_;
    QPushButton* strokeColor_;
    QDoubleSpinBox* strokeWidth_;
    QComboBox* markerShape_;
    QDoubleSpinBox* markerSize_;
    QTreeWidget* preview_;
    QLabel* summary_;

    QCheckBox* labelsOn_;
    QComboBox* labelField_;
    QDoubleSpinBox* labelSize_;
    QCheckBox* labelBold_;

    QSlider* opacity_;
    ScaleRangeEdit* scaleRange_;
};

} // namespace planmap::gui
