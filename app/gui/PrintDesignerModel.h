#pragma once

#include "planmap/layers/print/Layout.h"
#include "planmap/layers/render/Extent.h"

#include <QObject>
#include <QPointF>
#include <QRectF>
#include <QString>

namespace planmap::gui {

namespace print = layers::print;

/// The part of a layout item the mouse holds: its body (move) or one of
/// the eight handles on its corners and edges (resize).
enum class LayoutHandle { None, Move, TopLeft, Top, TopRight, Right, BottomRight, Bottom, BottomLeft, Left };

/// The layout being designed, without any widget: the selected item, and
/// every edit (move, resize, texts, map frame settings, page) in
/// millimetres on the page, snapped to a grid of `snapMm` and kept on the
/// page. The designer's view and properties pane only call this model, so
/// what the mouse does is testable with plain numbers.
class PrintDesignerModel : public QObject {
    Q_OBJECT
public:
    explicit PrintDesignerModel(QObject* parent = nullptr);

    const print::Layout& layout() const { return layout_; }
    /// Replaces the whole layout (a template, a saved layout); keeps the
    /// selection when the new layout has an item of that id.
    void setLayout(print::Layout layout);

    const QString& selectedId() const { return selected_; }
    const print::LayoutItem* selectedItem() const;
    void select(const QString& id);

    /// Grid the edges snap to (mm; 0 = no snapping). Default 1 mm.
    double snapMm() const { return snapMm_; }
    void setSnapMm(double mm) { snapMm_ = mm < 0 ? 0 : mm; }
    /// Items never get smaller than this (mm).
    static constexpr double kMinSizeMm = 3.0;

    /// The topmost item (drawn last) containing a point of the page (mm);
    /// empty when none.
    QString itemAt(QPointF pointMm) const;
    /// The handle of item `id` within `toleranceMm` of the point (corners
    /// first, then edges, then Move inside), None outside.
    LayoutHandle handleAt(const QString& id, QPointF pointMm, double toleranceMm) const;
    /// The rectangle `start` becomes when `handle` is dragged by `deltaMm`:
    /// moved edges snapped to the grid, at least kMinSizeMm, on the page.
    QRectF draggedRect(const QRectF& start, LayoutHandle handle, QPointF deltaMm) const;

    /// Sets an item's rectangle (clamped to the page). False for an unknown id.
    bool setItemRect(const QString& id, const QRectF& rectMm);
    /// Moves item `id` by `deltaMm` (snapped), as a mouse drag does.
    bool moveItem(const QString& id, QPointF deltaMm);
    /// Resizes item `id` by dragging `handle` by `deltaMm`.
    bool resizeItem(const QString& id, LayoutHandle handle, QPointF deltaMm);

    /// Adds a free text item (id "text", "text2", …) in the middle of the
    /// page, selects it and returns its id.
    QString addTextItem(const QString& text);
    /// Removes an item; false when unknown or when other items belong to it
    /// (a map frame with its legend, scale bar, …).
    bool removeItem(const QString& id);

    bool setText(const QString& id, const QString& text);
    bool setTextSettings(const QString& id, const print::TextSettings& settings);
    bool setMapSettings(const QString& id, const print::MapSettings& settings);
    bool setFrame(const QString& id, bool frame);

    /// The extent of the main map canvas (display CRS). Map frames in
    /// ExtentMode::Canvas take it at once and whenever it changes.
    void setCanvasExtent(const layers::render::Extent& extent);
    const layers::render::Extent& canvasExtent() const { return canvasExtent_; }

signals:
    /// Anything of the layout changed (geometry, texts, settings, page).
    void changed();
    /// The whole layout was replaced (template, saved layout).
    void layoutReplaced();
    void selectionChanged(const QString& id);

private:
    QRectF onPage(QRectF r) const;
    double snap(double v) const;
    void followCanvas();

    print::Layout layout_;
    QString selected_;
    double snapMm_ = 1.0;
    layers::render::Extent canvasExtent_;
};

} // namespace planmap::gui
