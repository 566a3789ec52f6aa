#include "MapCanvas.h"

#include "FeaturePicker.h"

#include "planmap/geo/Transform.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>
#include <QThread>
#include <QWheelEvent>

#include <cmath>

namespace planmap::gui {

MapCanvas::MapCanvas(MapProject* project, QWidget* parent) : QWidget(parent), project_(project)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(200, 150);
    pool_.setMaxThreadCount(1);

    renderTimer_.setSingleShot(true);
    renderTimer_.setInterval(15);
    connect(&renderTimer_, &QTimer::timeout, this, &MapCanvas::startRender);

    controller_.setUnits(render::mapUnitsOf(project_->displayCrs()));
    connect(&controller_, &ViewController::viewportChanged, this, &MapCanvas::onViewportChanged);
    connect(&controller_, &ViewController::clicked, this, &MapCanvas::onClicked);

    connect(project_, &MapProject::layersChanged, this, [this] {
        controller_.setFullExtent(project_->fullExtent());
        scheduleRender();
    });
    connect(project_, &MapProject::layerChanged, this, &MapCanvas::scheduleRender);
    connect(project_, &MapProject::displayCrsChanged, this, &MapCanvas::onDisplayCrsChanged);
    connect(project_, &MapProject::selectionChanged, this, qOverload<>(&QWidget::update));
    controller_.setFullExtent(project_->fullExtent());
    updateCursor();
}

MapCanvas::~MapCanvas()
{
    if (running_) running_->store(true);
    pool_.waitForDone();
}

void MapCanvas::setTool(Tool tool)
{
    const bool changed = tool != tool_;
    tool_ = tool;
    updateCursor();
    if (changed) emit toolChanged(tool);
}

void MapCanvas::updateCursor()
{
    if (controller_.isDragging()) setCursor(Qt::ClosedHandCursor);
    else if (tool_ == Tool::Pan) setCursor(Qt::OpenHandCursor);
    else setCursor(Qt::CrossCursor);
}

void MapCanvas::setDisplayCrs(const geo::Crs& crs)
{
    project_->switchDisplayCrs(crs);
}

namespace {

/// Image pixel → map point for an image drawn for `v`.
QTransform pixelToMap(const render::MapViewport& v)
{
    const render::Extent e = v.extent();
    const double m = v.mapUnitsPerPixel();
    return QTransform(m, 0, 0, -m, e.minx, e.maxy);
}

/// Map point → pixel of the view `v`.
QTransform mapToPixel(const render::MapViewport& v)
{
    const render::Extent e = v.extent();
    const double m = v.mapUnitsPerPixel();
    return QTransform(1 / m, 0, 0, -1 / m, -e.minx / m, e.maxy / m);
}

} // namespace

void MapCanvas::onDisplayCrsChanged(const geo::Crs& previous)
{
    (void)previous;
    const render::MapViewport shown = controller_.viewport();
    const geo::Transform* t = project_->crsChangeTransform();
    render::Extent target;
    bool placed = false;
    if (t) {
        try {
            target = t->transformBounds(shown.extent());
            placed = !target.isEmpty() && std::isfinite(target.width()) && std::isfinite(target.height());
        } catch (const std::exception&) {
        }
    }
    if (!placed) target = project_->fullExtent();

    // Keep the old image, bent onto the new CRS by its four corners, until
    // the new one is drawn; a render still running is in the old CRS.
    if (running_) running_->store(true);
    running_.reset();
    ++generation_;
    bool kept = false;
    if (!image_.isNull() && t) {
        const QSizeF size = imageViewport_.outputSize();
        const QPolygonF pixels({QPointF(0, 0), QPointF(size.width(), 0), QPointF(size.width(), size.height()),
                                QPointF(0, size.height())});
        const QTransform toMap = pixelToMap(imageViewport_);
        std::vector<double> xy;
        for (const QPointF& p : pixels) {
            const QPointF m = toMap.map(p);
            xy.push_back(m.x());
            xy.push_back(m.y());
        }
        if (t->forwardInterleaved(xy.data(), 4) == 0) {
            const QPolygonF mapped({QPointF(xy[0], xy[1]), QPointF(xy[2], xy[3]), QPointF(xy[4], xy[5]),
                                    QPointF(xy[6], xy[7])});
            kept = QTransform::quadToQuad(pixels, mapped, imageToMap_);
        }
    }
    if (!kept) image_ = QImage();
    controller_.setUnits(render::mapUnitsOf(project_->displayCrs()));
    controller_.setFullExtent(project_->fullExtent());
    controller_.resetHistory();
    controller_.zoomToExtent(target, 0.0);
    update();
}

void MapCanvas::zoomToLayer(int row)
{
    if (row < 0 || row >= project_->layerCount()) return;
    const MapLayer& l = project_->layer(row);
    if (l.cache) controller_.zoomToExtent(l.cache->extent());
}

void MapCanvas::zoomToSelection()
{
    controller_.zoomToExtent(project_->selectionExtent());
}

void MapCanvas::setHighlight(const QString& layerKey, qint64 featureId)
{
    highlightLayer_ = layerKey;
    highlightId_ = featureId;
    update();
}

void MapCanvas::clearHighlight()
{
    highlightLayer_.clear();
    update();
}

render::MapViewport MapCanvas::deviceViewport(const render::MapViewport& logical) const
{
    const double dpr = devicePixelRatioF();
    render::MapViewport v = logical;
    if (dpr != 1.0) {
        v.setOutputSize(QSize(int(std::lround(logical.outputSize().width() * dpr)),
                              int(std::lround(logical.outputSize().height() * dpr))));
        v.setMapUnitsPerPixel(logical.mapUnitsPerPixel() / dpr);
        v.setDpi(logical.dpi() * dpr);
    }
    return v;
}

void MapCanvas::onViewportChanged()
{
    update();
    emit scaleChanged(controller_.viewport().scaleDenominator());
    scheduleRender();
}

void MapCanvas::scheduleRender()
{
    pending_ = true;
    if (running_) running_->store(true);   // the image being drawn is already outdated
    if (!running_ && !renderTimer_.isActive()) renderTimer_.start();
}

struct MapCanvas::Job {
    std::vector<render::RenderLayer> layers;
    render::MapViewport logical;
    render::MapViewport device;
    double dpr = 1.0;
};

void MapCanvas::startRender()
{
    if (running_ || !pending_) return;
    const render::MapViewport logical = controller_.viewport();
    if (!logical.isValid() || logical.outputSize() == QSize(1, 1)) return;
    pending_ = false;

    auto job = std::make_shared<Job>();
    job->logical = logical;
    job->device = deviceViewport(logical);
    job->dpr = devicePixelRatioF();
    job->layers = project_->renderLayers(logical.scaleDenominator());
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    running_ = cancel;
    const quint64 generation = ++generation_;

    pool_.start([this, job, cancel, generation] {
        render::RenderOptions options;
        options.background = backgroundColor();
        options.cancel = cancel.get();
        // A frame may use two cores; the UI thread stays free either way.
        options.threads = std::clamp(QThread::idealThreadCount(), 1, 2);
        render::RenderStats stats;
        QImage image;
        try {
            image = render::MapRenderer::renderImage(job->layers, job->device, options, &stats);
        } catch (const std::exception&) {
            stats.cancelled = true;
        }
        image.setDevicePixelRatio(job->dpr);
        // Queued to the canvas; dropped if the canvas is gone by then.
        QMetaObject::invokeMethod(
            this, [this, generation, image, job, stats] { onRenderDone(generation, image, job->logical, stats); },
            Qt::QueuedConnection);
    });
}

void MapCanvas::onRenderDone(quint64 generation, const QImage& image, const render::MapViewport& viewport,
                             const render::RenderStats& stats)
{
    if (generation != generation_) {
        // Outdated (a CRS switch or renderNow() came in between).
        if (pending_ && !running_) renderTimer_.start();
        return;
    }
    running_.reset();
    if (!stats.cancelled && !image.isNull()) {
        image_ = image;
        imageViewport_ = viewport;
        imageToMap_ = pixelToMap(viewport);
        lastStats_ = stats;
        update();
        emit renderFinished(stats.milliseconds);
    }
    if (pending_ && !running_) renderTimer_.start();
}

void MapCanvas::renderNow()
{
    if (running_) running_->store(true);
    pool_.waitForDone();
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
    running_.reset();
    renderTimer_.stop();
    pending_ = false;
    const render::MapViewport logical = controller_.viewport();
    if (!logical.isValid()) return;
    render::RenderOptions options;
    options.background = backgroundColor();
    render::RenderStats stats;
    QImage image = render::MapRenderer::renderImage(project_->renderLayers(logical.scaleDenominator()),
                                                    deviceViewport(logical), options, &stats);
    image.setDevicePixelRatio(devicePixelRatioF());
    ++generation_;
    image_ = image;
    imageViewport_ = logical;
    imageToMap_ = pixelToMap(logical);
    lastStats_ = stats;
    update();
    emit renderFinished(stats.milliseconds);
}

bool MapCanvas::featureAt(QPointF pixel, QString* layerKey, qint64* featureId) const
{
    const render::MapViewport& v = controller_.viewport();
    const QPointF m = v.toMap(pixel);
    const double scale = v.scaleDenominator();
    for (int row = 0; row < project_->layerCount(); ++row) {
        const MapLayer& l = project_->layer(row);
        if (!l.visible || !l.cache || !l.style.visibleAtScale(scale)) continue;
        // Points are hit within their marker, lines and polygons within 3 px.
        double tolPx = 3.0;
        if (l.kind() == layers::GeometryKind::Point)
            tolPx = std::max(4.0, 0.5 * l.style.features.symbol.markerSizeMm * v.dpi() / 25.4 + 2.0);
        const std::vector<std::size_t> hits = pickFeatures(*l.cache, m.x(), m.y(), tolPx * v.mapUnitsPerPixel());
        for (std::size_t i : hits) {
            // Features the style does not draw cannot be clicked.
            const style::FeatureStyle& fs = l.style.features;
            int symbol = 0;
            if (fs.kind != style::StyleKind::SingleSymbol) {
                const int field = l.cache->fieldIndex(fs.field);
                if (field >= 0) symbol = fs.symbolIndex(l.cache->attribute(i, field));
                if (symbol < 0) continue;
            }
            // A polygon drawn as an outline only is hit on its outline, so
            // what shows through it (e.g. communes under district borders) can be clicked.
            if (l.kind() == layers::GeometryKind::Polygon && symbol < fs.symbolCount() &&
                fs.symbolAt(symbol).fillColor.alpha() == 0 &&
                distanceTo(l.cache->geometry(i, 0), m.x(), m.y()) > tolPx * v.mapUnitsPerPixel())
                continue;
            if (layerKey) *layerKey = l.key;
            if (featureId) *featureId = l.cache->featureId(i);
            return true;
        }
    }
    return false;
}

void MapCanvas::onClicked(QPointF pixel, Qt::KeyboardModifiers modifiers)
{
    if (tool_ == Tool::Pan) return;
    QString key;
    qint64 id = 0;
    const bool hit = featureAt(pixel, &key, &id);
    if (tool_ == Tool::Select) {
        if (!hit) {
            if (!(modifiers & (Qt::ShiftModifier | Qt::ControlModifier))) project_->clearSelection();
            return;
        }
        // Ctrl (or Shift) toggles the feature in its own layer's part and
        // keeps the other layers' parts; a plain click replaces everything.
        if (!(modifiers & (Qt::ShiftModifier | Qt::ControlModifier))) {
            project_->setSelection(key, {id});
            return;
        }
        QSet<qint64> ids = project_->selection(key);
        if (ids.contains(id)) ids.remove(id);
        else ids.insert(id);
        project_->setLayerSelection(key, ids);
        return;
    }
    if (hit) project_->setSelection(key, {id});
    else project_->clearSelection();
    emit identifyRequested(hit ? key : QString(), id);
}

void MapCanvas::drawFeatureOutline(QPainter& p, const MapLayer& layer, qint64 id, const QColor& color,
                                   double width) const
{
    if (!layer.cache) return;
    const int row = featureRow(*layer.cache, id);
    if (row < 0) return;
    const render::MapViewport& v = controller_.viewport();
    const int level = layer.cache->levelFor(0.5 * v.mapUnitsPerPixel());
    const render::GeometryView g = layer.cache->geometry(std::size_t(row), level);
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);
    const bool point = layer.kind() == layers::GeometryKind::Point;
    const double r = std::max(6.0, layer.style.features.symbol.markerSizeMm * v.dpi() / 25.4);
    for (std::uint32_t ring = g.firstRing; ring < g.lastRing; ++ring) {
        const double* xy = g.ringXY(ring);
        const std::uint32_t n = g.pointCount(ring);
        if (point || n == 1) {
            path.addEllipse(v.toPixel(xy[0], xy[1]), r, r);
            continue;
        }
        path.moveTo(v.toPixel(xy[0], xy[1]));
        for (std::uint32_t i = 1; i < n; ++i) path.lineTo(v.toPixel(xy[2 * i], xy[2 * i + 1]));
        if (layer.kind() == layers::GeometryKind::Polygon) path.closeSubpath();
    }
    QColor fill = color;
    fill.setAlpha(layer.kind() == layers::GeometryKind::Line ? 0 : 50);
    p.setBrush(layer.kind() == layers::GeometryKind::Line ? QBrush(Qt::NoBrush) : QBrush(fill));
    p.setPen(QPen(color, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.drawPath(path);
}

void MapCanvas::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), backgroundColor());
    if (!image_.isNull()) {
        p.save();
        p.setRenderHint(QPainter::SmoothPixmapTransform,
                        !controller_.isDragging() && image_.size() == size() * devicePixelRatioF());
        p.setTransform(imageToMap_ * mapToPixel(controller_.viewport()));
        p.drawImage(QPointF(0, 0), image_);
        p.restore();
    }
    p.setRenderHint(QPainter::Antialiasing);
    for (const auto& [key, ids] : project_->selections()) {
        if (const MapLayer* l = project_->findLayer(key))
            for (qint64 id : ids) drawFeatureOutline(p, *l, id, QColor(255, 200, 0), 3.0);
    }
    if (const MapLayer* l = project_->findLayer(highlightLayer_))
        drawFeatureOutline(p, *l, highlightId_, QColor(0, 160, 255), 3.0);
}

void MapCanvas::resizeEvent(QResizeEvent*)
{
    controller_.resize(size());
}

void MapCanvas::mousePressEvent(QMouseEvent* event)
{
    if (controller_.mousePress(*event)) event->accept();
}

void MapCanvas::mouseMoveEvent(QMouseEvent* event)
{
    const bool wasDragging = controller_.isDragging();
    controller_.mouseMove(*event);
    if (wasDragging != controller_.isDragging()) updateCursor();
    emit cursorMoved(controller_.viewport().toMap(event->position()));
}

void MapCanvas::mouseReleaseEvent(QMouseEvent* event)
{
    controller_.mouseRelease(*event);
    updateCursor();
}

void MapCanvas::wheelEvent(QWheelEvent* event)
{
    if (controller_.wheel(*event)) event->accept();
}

void MapCanvas::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Escape) {
        project_->clearSelection();
        clearHighlight();
        return;
    }
    if (!controller_.key(*event)) QWidget::keyPressEvent(event);
}

void MapCanvas::leaveEvent(QEvent*)
{
    emit cursorLeft();
}

} // namespace planmap::gui
