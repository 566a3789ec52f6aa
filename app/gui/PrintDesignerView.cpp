#include "PrintDesignerView.h"

#include "planmap/layers/print/Export.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace planmap::gui {

namespace {
constexpr double kMarginPx = 16.0;
constexpr double kHandlePx = 7.0;
} // namespace

PrintDesignerView::PrintDesignerView(PrintDesignerModel* model, QWidget* parent) : QWidget(parent), model_(model)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setMinimumSize(320, 240);
    previewTimer_.setSingleShot(true);
    previewTimer_.setInterval(60);
    connect(&previewTimer_, &QTimer::timeout, this, &PrintDesignerView::renderPreview);
    connect(model_, &PrintDesignerModel::changed, this, &PrintDesignerView::schedulePreview);
    connect(model_, &PrintDesignerModel::selectionChanged, this, qOverload<>(&QWidget::update));
}

void PrintDesignerView::setContext(const print::PrintContext* context)
{
    context_ = context;
    schedulePreview();
}

void PrintDesignerView::setPage(const print::PageSpec& page)
{
    page_ = page;
    schedulePreview();
}

QRectF PrintDesignerView::pageRect() const
{
    const QSizeF page = model_->layout().page.sizeMm();
    const QRectF area = QRectF(rect()).adjusted(kMarginPx, kMarginPx, -kMarginPx, -kMarginPx);
    if (area.width() <= 0 || area.height() <= 0 || page.isEmpty()) return {};
    const double k = std::min(area.width() / page.width(), area.height() / page.height());
    const QSizeF size(page.width() * k, page.height() * k);
    return QRectF(area.center() - QPointF(size.width() / 2, size.height() / 2), size);
}

QPointF PrintDesignerView::toMm(QPointF p) const
{
    const QRectF r = pageRect();
    const QSizeF page = model_->layout().page.sizeMm();
    if (r.isEmpty()) return {};
    return QPointF((p.x() - r.left()) * page.width() / r.width(), (p.y() - r.top()) * page.height() / r.height());
}

QPointF PrintDesignerView::toWidget(QPointF mm) const
{
    const QRectF r = pageRect();
    const QSizeF page = model_->layout().page.sizeMm();
    if (page.isEmpty()) return {};
    return QPointF(r.left() + mm.x() * r.width() / page.width(), r.top() + mm.y() * r.height() / page.height());
}

double PrintDesignerView::handleToleranceMm() const
{
    const QRectF r = pageRect();
    const QSizeF page = model_->layout().page.sizeMm();
    return r.isEmpty() ? 2.0 : kHandlePx * page.width() / r.width();
}

void PrintDesignerView::schedulePreview()
{
    previewTimer_.start();
    update();
}

void PrintDesignerView::renderPreview()
{
    previewTimer_.stop();
    error_.clear();
    const QRectF r = pageRect();
    if (!context_ || r.isEmpty()) {
        preview_ = QImage();
        update();
        return;
    }
    const QSizeF page = model_->layout().page.sizeMm();
    const double dpi = r.width() * devicePixelRatioF() / page.width() * 25.4;
    try {
        preview_ = print::renderPageImage(model_->layout(), *context_, page_, dpi);
    } catch (const std::exception& e) {
        preview_ = QImage();
        error_ = QString::fromUtf8(e.what());
    }
    update();
}

void PrintDesignerView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    schedulePreview();
}

void PrintDesignerView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), QColor(128, 128, 128));
    const QRectF page = pageRect();
    if (page.isEmpty()) return;
    p.fillRect(page.translated(3, 3), QColor(90, 90, 90));
    p.fillRect(page, Qt::white);
    if (!preview_.isNull()) {
        p.setRenderHint(QPainter::SmoothPixmapTransform, true);
        p.drawImage(page, preview_);
    }
    if (!error_.isEmpty()) {
        p.setPen(QColor(170, 30, 30));
        p.drawText(page.adjusted(8, 8, -8, -8), Qt::AlignTop | Qt::AlignLeft | Qt::TextWordWrap, error_);
    }

    // Every item's place, dotted; the selection with its handles.
    p.setRenderHint(QPainter::Antialiasing, false);
    QPen dotted(QColor(0, 110, 200, 110), 1, Qt::DotLine);
    p.setBrush(Qt::NoBrush);
    for (const print::LayoutItem& item : model_->layout().items) {
        p.setPen(dotted);
        p.drawRect(QRectF(toWidget(item.rectMm.topLeft()), toWidget(item.rectMm.bottomRight())));
    }
    const print::LayoutItem* selected = model_->selectedItem();
    if (!selected) return;
    const QRectF rmm = dragging_ && dragId_ == selected->id ? dragRect_ : selected->rectMm;
    const QRectF r(toWidget(rmm.topLeft()), toWidget(rmm.bottomRight()));
    p.setPen(QPen(QColor(0, 110, 200), 1.5, dragging_ ? Qt::DashLine : Qt::SolidLine));
    p.drawRect(r);
    p.setPen(QPen(QColor(0, 90, 170), 1));
    p.setBrush(Qt::white);
    const double h = kHandlePx / 2 + 1;
    for (const QPointF& c : {r.topLeft(), r.topRight(), r.bottomLeft(), r.bottomRight(), QPointF(r.center().x(), r.top()),
                             QPointF(r.center().x(), r.bottom()), QPointF(r.left(), r.center().y()),
                             QPointF(r.right(), r.center().y())})
        p.drawRect(QRectF(c.x() - h, c.y() - h, 2 * h, 2 * h));
    if (dragging_) {
        // The size and place in mm while dragging.
        const QString text = QStringLiteral("%1 × %2 mm @ %3, %4")
                                 .arg(rmm.width(), 0, 'f', 0)
                                 .arg(rmm.height(), 0, 'f', 0)
                                 .arg(rmm.left(), 0, 'f', 0)
                                 .arg(rmm.top(), 0, 'f', 0);
        const QRectF box(r.left(), r.top() - 20, std::max(150.0, r.width()), 18);
        p.fillRect(QRectF(box.topLeft(), QSizeF(150, 18)), QColor(0, 90, 170));
        p.setPen(Qt::white);
        p.drawText(QRectF(box.topLeft(), QSizeF(150, 18)).adjusted(4, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft, text);
    }
}

void PrintDesignerView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) return QWidget::mousePressEvent(event);
    setFocus(Qt::MouseFocusReason);
    const QPointF mm = toMm(event->position());
    const double tol = handleToleranceMm();
    LayoutHandle handle = model_->handleAt(model_->selectedId(), mm, tol);
    QString id = model_->selectedId();
    // A click inside the selected item on another item drawn over it picks that one.
    const QString top = model_->itemAt(mm);
    if (handle == LayoutHandle::None || (handle == LayoutHandle::Move && !top.isEmpty() && top != id)) {
        id = top;
        handle = id.isEmpty() ? LayoutHandle::None : LayoutHandle::Move;
    }
    model_->select(id);
    dragId_ = id;
    dragHandle_ = handle;
    dragging_ = false;
    dragStartMm_ = mm;
    if (const print::LayoutItem* item = model_->layout().item(id)) dragStartRect_ = dragRect_ = item->rectMm;
    update();
}

void PrintDesignerView::mouseMoveEvent(QMouseEvent* event)
{
    if (!(event->buttons() & Qt::LeftButton) || dragHandle_ == LayoutHandle::None) {
        updateCursor(event->position());
        return;
    }
    const QPointF mm = toMm(event->position());
    dragRect_ = model_->draggedRect(dragStartRect_, dragHandle_, mm - dragStartMm_);
    dragging_ = dragging_ || dragRect_ != dragStartRect_;
    update();
}

void PrintDesignerView::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) return QWidget::mouseReleaseEvent(event);
    if (dragHandle_ != LayoutHandle::None && !dragId_.isEmpty()) {
        const QPointF mm = toMm(event->position());
        const QRectF r = model_->draggedRect(dragStartRect_, dragHandle_, mm - dragStartMm_);
        if (r != dragStartRect_) model_->setItemRect(dragId_, r);
    }
    dragging_ = false;
    dragHandle_ = LayoutHandle::None;
    update();
}

void PrintDesignerView::keyPressEvent(QKeyEvent* event)
{
    const QString id = model_->selectedId();
    const double step = std::max(0.5, model_->snapMm()) * (event->modifiers() & Qt::ShiftModifier ? 10.0 : 1.0);
    QPointF d;
    switch (event->key()) {
    case Qt::Key_Left: d = QPointF(-step, 0); break;
    case Qt::Key_Right: d = QPointF(step, 0); break;
    case Qt::Key_Up: d = QPointF(0, -step); break;
    case Qt::Key_Down: d = QPointF(0, step); break;
    default: return QWidget::keyPressEvent(event);
    }
    if (!id.isEmpty()) model_->moveItem(id, d);
}

void PrintDesignerView::updateCursor(QPointF widgetPoint)
{
    const QPointF mm = toMm(widgetPoint);
    LayoutHandle h = model_->handleAt(model_->selectedId(), mm, handleToleranceMm());
    if (h == LayoutHandle::None && !model_->itemAt(mm).isEmpty()) h = LayoutHandle::Move;
    switch (h) {
    case LayoutHandle::TopLeft:
    case LayoutHandle::BottomRight: setCursor(Qt::SizeFDiagCursor); break;
    case LayoutHandle::TopRight:
    case LayoutHandle::BottomLeft: setCursor(Qt::SizeBDiagCursor); break;
    case LayoutHandle::Top:
    case LayoutHandle::Bottom: setCursor(Qt::SizeVerCursor); break;
    case LayoutHandle::Left:
    case LayoutHandle::Right: setCursor(Qt::SizeHorCursor); break;
    case LayoutHandle::Move: setCursor(Qt::SizeAllCursor); break;
    case LayoutHandle::None: unsetCursor(); break;
    }
}

} // namespace planmap::gui
