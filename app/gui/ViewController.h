#pragma once

#include "planmap/layers/render/MapViewport.h"

#include <QObject>
#include <QPointF>
#include <QSize>
#include <QTransform>

#include <optional>
#include <utility>
#include <vector>

class QKeyEvent;
class QMouseEvent;
class QWheelEvent;

namespace planmap::gui {

namespace render = layers::render;

/// The navigation logic of the map canvas, without any widget: turns mouse,
/// wheel and key events into changes of a MapViewport and keeps the history
/// of extents (previous / next). The canvas forwards its events here, so the
/// pan and zoom math is testable with synthetic events.
class ViewController : public QObject {
    Q_OBJECT
public:
    explicit ViewController(QObject* parent = nullptr);

    const render::MapViewport& viewport() const { return viewport_; }

    /// Output size in (logical) pixels; keeps the centre and the pixel size.
    void resize(QSize size);
    void setUnits(render::MapUnits units);
    /// Replaces the view without touching the history (e.g. after a CRS switch).
    void setViewport(const render::MapViewport& viewport);

    /// The extent shown by zoomToFullExtent().
    void setFullExtent(const render::Extent& extent) { fullExtent_ = extent; }
    const render::Extent& fullExtent() const { return fullExtent_; }

    // --- navigation commands (each recorded in the history) ---------------
    void zoomToExtent(const render::Extent& extent, double marginFraction = 0.05);
    void zoomToFullExtent();
    void zoomIn();
    void zoomOut();
    void zoomBy(double factor, QPointF anchorPixel);
    void panByPixels(double dx, double dy);
    void setScaleDenominator(double denominator);

    // --- history --------------------------------------------------------
    bool canGoBack() const { return current_ > 0; }
    bool canGoForward() const { return current_ + 1 < history_.size(); }
    void back();
    void forward();
    /// Forgets the history (e.g. its extents are in a CRS no longer shown).
    void resetHistory();

    // --- events: return true when consumed ------------------------------
    bool mousePress(const QMouseEvent& event);
    bool mouseMove(const QMouseEvent& event);
    bool mouseRelease(const QMouseEvent& event);
    bool wheel(const QWheelEvent& event);
    bool key(const QKeyEvent& event);
    bool isDragging() const { return dragging_; }

    /// Zoom factor of one wheel notch (120 eighths of a degree).
    static constexpr double kWheelNotchFactor = 1.4142135623730951;
    /// Zoom factor of the keyboard and the zoom buttons.
    static constexpr double kStepFactor = 2.0;
    /// Fraction of the view moved by an arrow key.
    static constexpr double kKeyPanFraction = 0.25;

    /// Where an image rendered for `imageViewport` must be drawn in the
    /// pixels of `current` (scale and offset; no rotation).
    static QTransform imageToView(const render::MapViewport& imageViewport,
                                  const render::MapViewport& current);

signals:
    /// The viewport changed (continuously during a drag).
    void viewportChanged();
    /// Press and release without dragging: a click at `pixel`.
    void clicked(QPointF pixel, Qt::KeyboardModifiers modifiers);
    void historyChanged();

private:
    struct View {
        double cx;
        double cy;
        double mupp;
    };
    View currentView() const;
    void applyView(const View& v);
    /// Makes the current state a history entry (drops the "next" entries).
    void record();
    void changed();

    render::MapViewport viewport_{QSize(1, 1)};
    render::Extent fullExtent_;
    /// An extent asked for before the view had a size: shown at the first resize.
    std::optional<std::pair<render::Extent, double>> pendingExtent_;
    std::vector<View> history_;
    std::size_t current_ = 0;

    bool pressed_ = false;
    bool dragging_ = false;
    QPointF pressPos_;
    QPointF lastPos_;
    qint64 lastWheelMs_ = -1;
};

} // namespace planmap::gui
