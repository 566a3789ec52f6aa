#pragma once

#include "MapProject.h"
#include "ViewController.h"

#include "planmap/layers/render/MapRenderer.h"

#include <QImage>
#include <QThreadPool>
#include <QTimer>
#include <QWidget>

#include <atomic>
#include <memory>

namespace planmap::gui {

/// The map: draws the project's layers for the current view. Rendering runs
/// on a worker thread; a new pan or zoom cancels the running render, and
/// until the next image is ready the canvas shows the last one moved and
/// scaled to the new view, so the UI thread only ever paints an image.
class MapCanvas : public QWidget {
    Q_OBJECT
public:
    enum class Tool { Pan, Identify, Select };

    explicit MapCanvas(MapProject* project, QWidget* parent = nullptr);
    ~MapCanvas() override;

    ViewController* controller() { return &controller_; }
    const ViewController* controller() const { return &controller_; }
    MapProject* project() const { return project_; }

    Tool tool() const { return tool_; }
    void setTool(Tool tool);

    /// Switches the display CRS, keeping the same area in view. The layer
    /// caches are rebuilt in the background (MapProject::switchDisplayCrs);
    /// meanwhile the map stays usable in the current CRS, and when the new
    /// caches are ready the last image is shown reprojected until the new
    /// one is drawn.
    void setDisplayCrs(const geo::Crs& crs);

    void zoomToLayer(int row);
    void zoomToSelection();
    /// Outlines a feature (e.g. a search result) until the next highlight.
    void setHighlight(const QString& layerKey, qint64 featureId);
    void clearHighlight();

    /// The first feature under a pixel: the topmost visible layer wins.
    /// Returns false if nothing is there.
    bool featureAt(QPointF pixel, QString* layerKey, qint64* featureId) const;

    /// Renders the current view in the calling thread and shows it (for
    /// screenshots and tests).
    void renderNow();
    /// A render is running or due (the view changed since the last image).
    bool isRendering() const { return running_ != nullptr || pending_; }
    /// Viewport (logical pixels) of the image on screen.
    const render::MapViewport& imageViewport() const { return imageViewport_; }
    const QImage& image() const { return image_; }
    const render::RenderStats& lastStats() const { return lastStats_; }

    static QColor backgroundColor() { return QColor(0xf4, 0xf2, 0xec); }

signals:
    /// The cursor is over the map point (display CRS).
    void cursorMoved(QPointF mapPoint);
    void cursorLeft();
    void scaleChanged(double denominator);
    /// A click with the identify tool on a feature (or on nothing: empty key).
    void identifyRequested(const QString& layerKey, qint64 featureId);
    void renderFinished(double milliseconds);
    /// setTool() changed the tool (from a toolbar action or from a tool panel).
    void toolChanged(MapCanvas::Tool tool);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    struct Job;
    void onViewportChanged();
    /// The project's display CRS changed: the view and the image follow.
    void onDisplayCrsChanged(const geo::Crs& previous);
    void scheduleRender();
    void startRender();
    void onRenderDone(quint64 generation, const QImage& image, const render::MapViewport& viewport,
                      const render::RenderStats& stats);
    void onClicked(QPointF pixel, Qt::KeyboardModifiers modifiers);
    void updateCursor();
    render::MapViewport deviceViewport(const render::MapViewport& logical) const;
    void drawFeatureOutline(QPainter& p, const MapLayer& layer, qint64 id, const QColor& color, double width) const;

    MapProject* project_;
    ViewController controller_;
    Tool tool_ = Tool::Pan;

    QThreadPool pool_;
    QTimer renderTimer_;
    std::shared_ptr<std::atomic<bool>> running_;  ///< cancel flag of the running render
    bool pending_ = false;
    quint64 generation_ = 0;

    QImage image_;
    render::MapViewport imageViewport_;
    /// Image pixel (logical) → map point in the display CRS; after a CRS
    /// switch, fitted to the reprojected corners of the old image.
    QTransform imageToMap_;
    render::RenderStats lastStats_;

    QString highlightLayer_;
    qint64 highlightId_ = 0;
};

} // namespace planmap::gui
