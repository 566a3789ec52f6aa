#include "ViewController.h"

#include <QApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QWheelEvent>

#include <cmath>
#include <stdexcept>

namespace planmap::gui {

ViewController::ViewController(QObject* parent) : QObject(parent) {}

void ViewController::resize(QSize size)
{
    if (size.width() <= 0 || size.height() <= 0) return;
    const bool first = viewport_.outputSize() == QSize(1, 1) && history_.empty();
    viewport_.setOutputSize(size);
    if (pendingExtent_) {
        const auto [extent, margin] = *pendingExtent_;
        pendingExtent_.reset();
        zoomToExtent(extent, margin);
        return;
    }
    if (first && !fullExtent_.isEmpty()) {
        viewport_.zoomToExtent(fullExtent_, 0.05);
        record();
    }
    changed();
}

void ViewController::setUnits(render::MapUnits units)
{
    viewport_.setUnits(units);
}

void ViewController::setViewport(const render::MapViewport& viewport)
{
    viewport_ = viewport;
    changed();
}

ViewController::View ViewController::currentView() const
{
    return {viewport_.centerX(), viewport_.centerY(), viewport_.mapUnitsPerPixel()};
}

void ViewController::applyView(const View& v)
{
    viewport_.setCenter(v.cx, v.cy);
    viewport_.setMapUnitsPerPixel(v.mupp);
}

void ViewController::record()
{
    if (!history_.empty()) history_.resize(current_ + 1);
    history_.push_back(currentView());
    // A bounded history: the oldest entries go first.
    constexpr std::size_t kMaxHistory = 100;
    if (history_.size() > kMaxHistory) history_.erase(history_.begin());
    current_ = history_.size() - 1;
    emit historyChanged();
}

void ViewController::changed()
{
    emit viewportChanged();
}

void ViewController::zoomToExtent(const render::Extent& extent, double marginFraction)
{
    if (extent.isEmpty()) return;
    if (viewport_.outputSize() == QSize(1, 1)) {
        // Not laid out yet: zooming now would fit the extent into one pixel.
        pendingExtent_ = std::make_pair(extent, marginFraction);
        return;
    }
    if (history_.empty()) record();
    lastWheelMs_ = -1;
    if (extent.width() <= 0 && extent.height() <= 0) {
        // A point: centre on it at a useful scale (1:25 000 or closer).
        viewport_.setCenter(extent.center().x, extent.center().y);
        if (viewport_.scaleDenominator() > 25000) viewport_.setScaleDenominator(25000);
    } else {
        viewport_.zoomToExtent(extent, marginFraction);
    }
    record();
    changed();
}

void ViewController::zoomToFullExtent()
{
    zoomToExtent(fullExtent_);
}

void ViewController::zoomIn()
{
    zoomBy(kStepFactor, QPointF(0.5 * viewport_.outputSize().width(), 0.5 * viewport_.outputSize().height()));
}

void ViewController::zoomOut()
{
    zoomBy(1.0 / kStepFactor,
           QPointF(0.5 * viewport_.outputSize().width(), 0.5 * viewport_.outputSize().height()));
}

void ViewController::zoomBy(double factor, QPointF anchorPixel)
{
    if (history_.empty()) record();
    lastWheelMs_ = -1;
    viewport_.zoomBy(factor, anchorPixel);
    record();
    changed();
}

void ViewController::panByPixels(double dx, double dy)
{
    if (history_.empty()) record();
    lastWheelMs_ = -1;
    viewport_.panByPixels(dx, dy);
    record();
    changed();
}

void ViewController::setScaleDenominator(double denominator)
{
    if (!(denominator > 0)) return;
    if (history_.empty()) record();
    viewport_.setScaleDenominator(denominator);
    record();
    changed();
}

void ViewController::back()
{
    if (!canGoBack()) return;
    --current_;
    applyView(history_[current_]);
    lastWheelMs_ = -1;
    emit historyChanged();
    changed();
}

void ViewController::forward()
{
    if (!canGoForward()) return;
    ++current_;
    applyView(history_[current_]);
    lastWheelMs_ = -1;
    emit historyChanged();
    changed();
}

void ViewController::resetHistory()
{
    pendingExtent_.reset();
    history_.clear();
    current_ = 0;
    lastWheelMs_ = -1;
    emit historyChanged();
}

bool ViewController::mousePress(const QMouseEvent& event)
{
    if (event.button() != Qt::LeftButton && event.button() != Qt::MiddleButton) return false;
    pressed_ = true;
    dragging_ = false;
    pressPos_ = event.position();
    lastPos_ = event.position();
    return true;
}

bool ViewController::mouseMove(const QMouseEvent& event)
{
    if (!pressed_) return false;
    const QPointF pos = event.position();
    if (!dragging_) {
        const int threshold = QApplication::startDragDistance();
        if ((pos - pressPos_).manhattanLength() < threshold) return true;
        dragging_ = true;
        if (history_.empty()) record();
    }
    viewport_.panByPixels(pos.x() - lastPos_.x(), pos.y() - lastPos_.y());
    lastPos_ = pos;
    changed();
    return true;
}

bool ViewController::mouseRelease(const QMouseEvent& event)
{
    if (!pressed_) return false;
    pressed_ = false;
    if (dragging_) {
        const QPointF pos = event.position();
        viewport_.panByPixels(pos.x() - lastPos_.x(), pos.y() - lastPos_.y());
        dragging_ = false;
        lastWheelMs_ = -1;
        record();
        changed();
    } else if (event.button() == Qt::LeftButton) {
        emit clicked(event.position(), event.modifiers());
    }
    return true;
}

bool ViewController::wheel(const QWheelEvent& event)
{
    const int delta = event.angleDelta().y();
    if (delta == 0) return false;
    if (history_.empty()) record();
    const double factor = std::pow(kWheelNotchFactor, delta / 120.0);
    viewport_.zoomBy(factor, event.position());
    // A burst of wheel steps (< 0.5 s apart) is one history entry.
    const qint64 t = qint64(event.timestamp());
    const bool sameBurst = lastWheelMs_ >= 0 && t >= lastWheelMs_ && t - lastWheelMs_ < 500 && current_ > 0;
    if (sameBurst) {
        history_.resize(current_ + 1);
        history_[current_] = currentView();
        emit historyChanged();
    } else {
        record();
    }
    lastWheelMs_ = t;
    changed();
    return true;
}

bool ViewController::key(const QKeyEvent& event)
{
    const QSize s = viewport_.outputSize();
    const double px = kKeyPanFraction * s.width();
    const double py = kKeyPanFraction * s.height();
    switch (event.key()) {
    // An arrow moves the view that way: the content goes the other way.
    case Qt::Key_Left: panByPixels(px, 0); return true;
    case Qt::Key_Right: panByPixels(-px, 0); return true;
    case Qt::Key_Up: panByPixels(0, py); return true;
    case Qt::Key_Down: panByPixels(0, -py); return true;
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomIn(); return true;
    case Qt::Key_Minus:
    case Qt::Key_Underscore: zoomOut(); return true;
    case Qt::Key_Home: zoomToFullExtent(); return true;
    default: return false;
    }
}

QTransform ViewController::imageToView(const render::MapViewport& image, const render::MapViewport& current)
{
    // A map point p is at image pixel (p - image.topLeft) / image.mupp and at
    // view pixel (p - current.topLeft) / current.mupp (y flipped in both).
    const double s = image.mapUnitsPerPixel() / current.mapUnitsPerPixel();
    const render::Extent ei = image.extent();
    const render::Extent ec = current.extent();
    const double dx = (ei.minx - ec.minx) / current.mapUnitsPerPixel();
    const double dy = (ec.maxy - ei.maxy) / current.mapUnitsPerPixel();
    return QTransform(s, 0, 0, s, dx, dy);
}

} // namespace planmap::gui
