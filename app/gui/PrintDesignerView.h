#pragma once

#include "PrintDesignerModel.h"

#include "planmap/layers/print/LayoutRenderer.h"

#include <QImage>
#include <QTimer>
#include <QWidget>

namespace planmap::gui {

/// The page of the layout being designed: a live preview drawn by
/// layers/print (the same code as the PDF) with the items' outlines over
/// it. Click selects an item; dragging it moves it, dragging one of the
/// eight handles of the selected item resizes it (snapped to the model's
/// grid); arrow keys move the selection by the grid step (Shift: 10×).
class PrintDesignerView : public QWidget {
    Q_OBJECT
public:
    explicit PrintDesignerView(PrintDesignerModel* model, QWidget* parent = nullptr);

    /// What the preview draws from; null shows the outlines only.
    void setContext(const print::PrintContext* context);
    /// The page the preview shows (its unit for page-following frames).
    void setPage(const print::PageSpec& page);

    /// Where the page lies in the widget (logical pixels), and the mapping
    /// between widget pixels and page millimetres.
    QRectF pageRect() const;
    QPointF toMm(QPointF widgetPoint) const;
    QPointF toWidget(QPointF mm) const;

    /// Redraws the preview now (otherwise shortly after a change).
    void renderPreview();
    const QImage& preview() const { return preview_; }
    /// The last preview's problem (e.g. an invalid layout), empty if none.
    const QString& previewError() const { return error_; }

    QSize sizeHint() const override { return {820, 600}; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void schedulePreview();
    double handleToleranceMm() const;
    void updateCursor(QPointF widgetPoint);

    PrintDesignerModel* model_;
    const print::PrintContext* context_ = nullptr;
    print::PageSpec page_;
    QImage preview_;
    QString error_;
    QTimer previewTimer_;

    QString dragId_;
    LayoutHandle dragHandle_ = LayoutHandle::None;
    QPointF dragStartMm_;
    QRectF dragStartRect_;
    QRectF dragRect_;
    bool dragging_ = false;
};

} // namespace planmap::gui
