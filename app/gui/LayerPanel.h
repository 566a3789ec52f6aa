#pragma once

#include "LayerTreeModel.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QListView;
class QSlider;
class QToolButton;

namespace planmap::gui {

class ScaleRangeEdit;

/// The layer dock: the layer list (visibility, drag to reorder, the
/// "minh họa" badge on illustrative layers) and, for the current layer,
/// opacity, labels on/off with their field, and the scale range.
class LayerPanel : public QWidget {
    Q_OBJECT
public:
    LayerPanel(MapProject* project, QWidget* parent = nullptr);

    LayerTreeModel* model() { return &model_; }
    /// Row of the current layer, -1 if none.
    int currentRow() const;
    void setCurrentRow(int row);
    void setScaleDenominator(double denominator);

signals:
    void styleRequested(int row);
    void attributeTableRequested(int row);
    void zoomToLayerRequested(int row);

private:
    void updateEditors();
    void moveCurrent(int delta);

    MapProject* project_;
    LayerTreeModel model_;
    QListView* view_;
    QSlider* opacity_;
    QCheckBox* labels_;
    QComboBox* labelField_;
    ScaleRangeEdit* scaleRange_;
    QToolButton* up_;
    QToolButton* down_;
    bool updating_ = false;
    QString currentKey_;
};

} // namespace planmap::gui
