#pragma once

#include "MapProject.h"

#include <QWidget>

namespace planmap::gui {

/// The legend dock: for each visible layer (in map order, top first) its
/// title and one patch per symbol, drawn as the map draws it. Illustrative
/// layers are marked.
class LegendWidget : public QWidget {
    Q_OBJECT
public:
    explicit LegendWidget(MapProject* project, QWidget* parent = nullptr);

    /// The scale the layers' visibility ranges are checked against.
    void setScaleDenominator(double denominator);
    QSize sizeHint() const override;
    /// Rows (titles + items) currently shown.
    int rowCount() const;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    struct Row {
        bool title = false;
        QString text;
        bool italic = false;
        bool indent = false;   ///< an item under its layer's title
        int layer = -1;
        style::LegendItem item;
    };
    std::vector<Row> rows() const;
    void relayout();

    MapProject* project_;
    double scale_ = 0.0;
};

} // namespace planmap::gui
