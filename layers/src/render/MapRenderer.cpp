#include "planmap/layers/render/MapRenderer.h"

#include "planmap/layers/render/LabelEngine.h"
#include "planmap/layers/render/SymbolPainter.h"

#include "GeometryOps.h"

#include <QElapsedTimer>
#include <QFontMetricsF>
#include <QHash>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPaintDevice>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <mutex>
#include <span>
#include <thread>

namespace planmap::layers::render {

namespace {

using style::Symbol;

// Pixel coordinates of map coordinates: px = (x - x0) * k, py = (y0 - y) * k.
struct PixelMapper {
    double x0, y0, k;
    explicit PixelMapper(const MapViewport& v)
    {
        const Extent e = v.extent();
        x0 = e.minx;
        y0 = e.maxy;
        k = 1.0 / v.mapUnitsPerPixel();
    }
    QPointF operator()(double x, double y) const { return {(x - x0) * k, (y0 - y) * k}; }
};

// Marks pixels already holding a dot (sub-pixel features) or a marker blit
// of the current symbol, so that each is drawn at most once.
class PixelMask {
public:
    PixelMask(int w, int h) : w_(w), h_(h), bits_((std::size_t(w) * std::size_t(h) + 63) / 64, 0) {}
    // Returns true the first time (x, y) is tested; false when outside or already set.
    bool testAndSet(int x, int y)
    {
        if (x < 0 || y < 0 || x >= w_ || y >= h_) return false;
        const std::size_t i = std::size_t(y) * std::size_t(w_) + std::size_t(x);
        const std::uint64_t bit = std::uint64_t(1) << (i & 63);
        if (bits_[i >> 6] & bit) return false;
        bits_[i >> 6] |= bit;
        return true;
    }
    void clear() { std::fill(bits_.begin(), bits_.end(), 0); }

private:
    int w_, h_;
    std::vector<std::uint64_t> bits_;
};

bool cancelled(const RenderOptions& o)
{
    return o.cancel && o.cancel->load(std::memory_order_relaxed);
}

// Converts one ring to pixels, dropping points closer than `minStep` pixels
// to the last kept one (the last point is always kept).
void ringToPixels(const GeometryView& g, std::uint32_t r, const PixelMapper& m, double minStep,
                  std::vector<QPointF>& out)
{
    out.clear();
    const std::uint32_t n = g.pointCount(r);
    const double* xy = g.ringXY(r);
    const double min2 = minStep * minStep;
    QPointF last;
    for (std::uint32_t i = 0; i < n; ++i) {
        const QPointF p = m(xy[2 * i], xy[2 * i + 1]);
        if (i > 0 && i + 1 < n) {
            const double dx = p.x() - last.x(), dy = p.y() - last.y();
            if (dx * dx + dy * dy < min2) continue;
        }
        out.push_back(p);
        last = p;
    }
}

// Very large pixel coordinates (deep zoom into a big polygon) are clipped to
// a generous rectangle around the view before they reach the rasteriser.
constexpr double kClipMargin = 2048.0;

struct LayerFrame {
    const RenderLayer* layer;
    std::vector<std::uint32_t> visible;
    std::shared_ptr<const std::vector<std::int32_t>> symbols;
    int level = 0;
};

class LayerPainter {
public:
    LayerPainter(const MapViewport& vp, QPainter& p, const RenderOptions& o, RenderStats& s, bool rasterTarget)
        : vp_(vp), p_(p), opt_(o), stats_(s), map_(vp), raster_(rasterTarget),
          w_(vp.outputSize().width()), h_(vp.outputSize().height()), dots_(w_, h_)
    {
    }

    // Returns false if cancelled.
    bool draw(const LayerFrame& f)
    {
        const LayerCache& cache = *f.layer->cache;
        const style::FeatureStyle& fs = f.layer->style.features;
        const int nSymbols = fs.symbolCount();
        // Features grouped by symbol, each group in feature order.
        std::vector<std::vector<std::uint32_t>> groups(std::size_t(std::max(0, nSymbols)));
        for (std::uint32_t i : f.visible) {
            const std::int32_t s = (*f.symbols)[i];
            if (s >= 0 && s < nSymbols) groups[std::size_t(s)].push_back(i);
        }
        dots_.clear();
        for (int s = 0; s < nSymbols; ++s) {
            if (groups[std::size_t(s)].empty()) continue;
            const Symbol& sym = fs.symbolAt(s);
            bool ok = true;
            switch (cache.kind()) {
            case GeometryKind::Polygon: ok = drawPolygons(cache, f.level, groups[std::size_t(s)], sym); break;
            case GeometryKind::Line: ok = drawLines(cache, f.level, groups[std::size_t(s)], sym); break;
            case GeometryKind::Point: ok = drawPoints(cache, groups[std::size_t(s)], sym); break;
            }
            if (!ok) return false;
        }
        return true;
    }

private:
    // Sub-pixel feature: one dot, at most one per pixel per layer.
    bool subPixel(const Extent& b, std::vector<QPoint>& dots)
    {
        const double wpx = b.width() * map_.k, hpx = b.height() * map_.k;
        if (std::max(wpx, hpx) >= opt_.subPixelSize) return false;
        const QPointF c = map_(b.center().x, b.center().y);
        const int x = int(std::floor(c.x())), y = int(std::floor(c.y()));
        if (dots_.testAndSet(x, y)) {
            dots.emplace_back(x, y);
            ++stats_.featuresAsPixel;
        } else {
            ++stats_.featuresSkipped;
        }
        return true;
    }

    void flushDots(std::vector<QPoint>& dots, const QColor& color)
    {
        if (dots.empty()) return;
        p_.save();
        p_.setRenderHint(QPainter::Antialiasing, false);
        p_.setPen(QPen(color, 0));  // cosmetic one-pixel points
        p_.drawPoints(dots.data(), int(dots.size()));
        p_.restore();
        dots.clear();
    }

    // Wide solid strokes go out in pieces of kChunk segments. Qt fills the
    // outline of a wide stroke as one complex path whose cost grows faster
    // than its length; pieces with round caps join seamlessly and are about
    // twice as fast on long boundaries. Dashed pens keep one piece so the
    // dash pattern runs on.
    static constexpr int kChunk = 32;
    void strokePolyline(const QPointF* pts, int n, bool chunked)
    {
        if (n < 2) return;
        if (!chunked || n <= kChunk + 1) {
            p_.drawPolyline(pts, n);
            return;
        }
        // Pieces wholly outside the output (e.g. another band's) are skipped.
        const double reach = p_.pen().widthF();
        for (int s = 0; s + 1 < n; s += kChunk) {
            const int m = std::min(kChunk + 1, n - s);
            double x0 = pts[s].x(), x1 = x0, y0 = pts[s].y(), y1 = y0;
            for (int k = s + 1; k < s + m; ++k) {
                x0 = std::min(x0, pts[k].x());
                x1 = std::max(x1, pts[k].x());
                y0 = std::min(y0, pts[k].y());
                y1 = std::max(y1, pts[k].y());
            }
            if (x1 < -reach || y1 < -reach || x0 > w_ + reach || y0 > h_ + reach) continue;
            p_.drawPolyline(pts + s, m);
        }
    }

    static bool isWideSolid(const QPen& pen)
    {
        return pen.style() == Qt::SolidLine && !pen.isCosmetic() && pen.widthF() > 1.0;
    }

    bool drawPolygons(const LayerCache& cache, int level, const std::vector<std::uint32_t>& ids, const Symbol& sym)
    {
        const QPen pen = strokePen(sym, vp_.dpi());
        const QBrush brush = fillBrush(sym);
        if (pen.style() == Qt::NoPen && brush.style() == Qt::NoBrush) return true;
        // Thin (cosmetic) outlines are drawn with the fill in one call; wide
        // ones after the fill, in pieces.
        const bool wide = isWideSolid(pen);
        QPen chunkPen = pen;
        chunkPen.setCapStyle(Qt::RoundCap);
        p_.setPen(wide ? QPen(Qt::NoPen) : pen);
        p_.setBrush(brush);
        auto strokeRings = [&](const detail::RingSet& rings) {
            if (!wide) return;
            p_.setPen(chunkPen);
            p_.setBrush(Qt::NoBrush);
            for (std::size_t r = 0; r + 1 < rings.ringStart.size(); ++r) {
                const std::size_t a = rings.ringStart[r], b = rings.ringStart[r + 1];
                ringPts_.clear();
                for (std::size_t k = a; k < b; ++k) ringPts_.emplace_back(rings.xy[2 * k], rings.xy[2 * k + 1]);
                if (ringPts_.size() > 1 && ringPts_.front() != ringPts_.back()) ringPts_.push_back(ringPts_.front());
                strokePolyline(ringPts_.data(), int(ringPts_.size()), true);
            }
            p_.setPen(Qt::NoPen);
            p_.setBrush(brush);
        };
        const QColor dotColor = brush.style() != Qt::NoBrush ? sym.fillColor : sym.strokeColor;
        const QRectF guard = guardRect();
        std::vector<QPoint> dots;
        std::size_t n = 0;
        detail::RingSet rings, clipped;
        for (std::uint32_t i : ids) {
            if ((++n & 255) == 0 && cancelled(opt_)) return false;
            const Extent& b = cache.featureBounds(i);
            if (subPixel(b, dots)) continue;
            const GeometryView g = cache.geometry(i, level);
            if (g.ringCount() == 0) continue;
            const QPointF tl = map_(b.minx, b.maxy), br = map_(b.maxx, b.miny);
            const bool needClip = !guard.contains(QRectF(tl, br));
            if (g.ringCount() == 1 && !needClip && !wide) {
                ringToPixels(g, g.firstRing, map_, 0.3, buf_);
                if (buf_.size() < 3) continue;
                p_.drawPolygon(buf_.data(), int(buf_.size()), Qt::OddEvenFill);
                stats_.verticesDrawn += buf_.size();
                ++stats_.featuresDrawn;
                continue;
            }
            // Rings in pixels (clipped to the guard rectangle when huge).
            rings.xy.clear();
            rings.ringStart.assign(1, 0);
            for (std::uint32_t r = g.firstRing; r < g.lastRing; ++r) {
                ringToPixels(g, r, map_, 0.3, buf_);
                if (buf_.size() < 3) continue;
                for (const QPointF& q : buf_) {
                    rings.xy.push_back(q.x());
                    rings.xy.push_back(q.y());
                }
                rings.ringStart.push_back(std::uint32_t(rings.xy.size() / 2));
            }
            const detail::RingSet* use = &rings;
            if (needClip) {
                detail::clipRings(rings, guard, clipped);
                use = &clipped;
            }
            if (use->ringStart.size() < 2) continue;
            if (brush.style() != Qt::NoBrush || !wide) {
                if (use->ringStart.size() == 2) {
                    ringPts_.clear();
                    for (std::size_t k = 0; k < use->xy.size(); k += 2) ringPts_.emplace_back(use->xy[k], use->xy[k + 1]);
                    p_.drawPolygon(ringPts_.data(), int(ringPts_.size()), Qt::OddEvenFill);
                } else {
                    QPainterPath path;
                    path.setFillRule(Qt::OddEvenFill);
                    for (std::size_t r = 0; r + 1 < use->ringStart.size(); ++r) {
                        const std::size_t s0 = use->ringStart[r], e0 = use->ringStart[r + 1];
                        path.moveTo(use->xy[2 * s0], use->xy[2 * s0 + 1]);
                        for (std::size_t k = s0 + 1; k < e0; ++k) path.lineTo(use->xy[2 * k], use->xy[2 * k + 1]);
                        path.closeSubpath();
                    }
                    p_.drawPath(path);
                }
            }
            strokeRings(*use);
            stats_.verticesDrawn += use->xy.size() / 2;
            ++stats_.featuresDrawn;
        }
        flushDots(dots, dotColor);
        return true;
    }

    QRectF guardRect() const
    {
        const double m = opt_.clipMarginPx > 0 ? opt_.clipMarginPx : kClipMargin;
        return QRectF(-m, -m, w_ + 2 * m, h_ + 2 * m);
    }

    // Keeps the runs of segments of buf_ that touch `guard` (a segment wholly
    // outside it cannot show), each as one polyline in runs_ / runStart_.
    void cutToGuard(const QRectF& guard)
    {
        runs_.clear();
        runStart_.clear();
        bool open = false;
        for (std::size_t k = 1; k < buf_.size(); ++k) {
            const QPointF a = buf_[k - 1], b = buf_[k];
            const bool touches = std::max(a.x(), b.x()) >= guard.left() && std::min(a.x(), b.x()) <= guard.right() &&
                                 std::max(a.y(), b.y()) >= guard.top() && std::min(a.y(), b.y()) <= guard.bottom();
            if (!touches) {
                open = false;
                continue;
            }
            if (!open) {
                runStart_.push_back(runs_.size());
                runs_.push_back(a);
                open = true;
            }
            runs_.push_back(b);
        }
        runStart_.push_back(runs_.size());
    }

    bool drawLines(const LayerCache& cache, int level, const std::vector<std::uint32_t>& ids, const Symbol& sym)
    {
        const QRectF guard = guardRect();
        const QPen pen = strokePen(sym, vp_.dpi());
        if (pen.style() == Qt::NoPen) return true;
        const bool wide = isWideSolid(pen);
        p_.setPen(pen);
        p_.setBrush(Qt::NoBrush);
        std::vector<QPoint> dots;
        std::vector<QLineF> segments;
        std::size_t n = 0;
        auto flushSegments = [&] {
            if (segments.empty()) return;
            p_.drawLines(segments.data(), int(segments.size()));
            segments.clear();
        };
        for (std::uint32_t i : ids) {
            if ((++n & 255) == 0) {
                if (cancelled(opt_)) return false;
            }
            const Extent& b = cache.featureBounds(i);
            if (subPixel(b, dots)) continue;
            const GeometryView g = cache.geometry(i, level);
            const bool needCut = !guard.contains(QRectF(map_(b.minx, b.maxy), map_(b.maxx, b.miny)).normalized());
            for (std::uint32_t r = g.firstRing; r < g.lastRing; ++r) {
                ringToPixels(g, r, map_, 0.3, buf_);
                if (buf_.size() < 2) continue;
                if (needCut && buf_.size() > 2) {
                    cutToGuard(guard);
                    for (std::size_t k = 0; k + 1 < runStart_.size(); ++k) {
                        const std::size_t s0 = runStart_[k], e0 = runStart_[k + 1];
                        stats_.verticesDrawn += e0 - s0;
                        strokePolyline(runs_.data() + s0, int(e0 - s0), wide);
                    }
                    continue;
                }
                stats_.verticesDrawn += buf_.size();
                if (buf_.size() == 2) {
                    // Two-point parts (road segments) go out in one drawLines call.
                    segments.emplace_back(buf_[0], buf_[1]);
                    if (segments.size() >= 4096) flushSegments();
                } else {
                    strokePolyline(buf_.data(), int(buf_.size()), wide);
                }
            }
            ++stats_.featuresDrawn;
        }
        flushSegments();
        flushDots(dots, sym.strokeColor);
        return true;
    }

    bool drawPoints(const LayerCache& cache, const std::vector<std::uint32_t>& ids, const Symbol& sym)
    {
        const double size = mmToPixels(sym.markerSizeMm, vp_.dpi());
        const QPen pen = strokePen(sym, vp_.dpi());
        const QBrush brush = fillBrush(sym);
        const QPainterPath marker = markerPath(sym.markerShape, size);
        // On raster targets every marker is a blit of one pre-rendered image,
        // at most once per pixel; vector targets (PDF, print) get real paths.
        QImage sprite;
        int half = 0;
        if (raster_) {
            const double extent = size + (pen.style() == Qt::NoPen ? 0.0 : pen.widthF()) + 2.0;
            const int side = int(std::ceil(extent)) | 1;  // odd: centre on a pixel centre
            half = side / 2;
            sprite = QImage(side, side, QImage::Format_ARGB32_Premultiplied);
            sprite.fill(Qt::transparent);
            QPainter sp(&sprite);
            sp.setRenderHint(QPainter::Antialiasing, opt_.antialiasing);
            sp.translate(half + 0.5, half + 0.5);
            sp.setPen(pen);
            sp.setBrush(brush);
            sp.drawPath(marker);
        } else {
            p_.setPen(pen);
            p_.setBrush(brush);
        }
        PixelMask seen(w_, h_);
        std::size_t n = 0;
        for (std::uint32_t i : ids) {
            if ((++n & 1023) == 0 && cancelled(opt_)) return false;
            const GeometryView g = cache.geometry(i, 0);
            for (std::uint32_t r = g.firstRing; r < g.lastRing; ++r) {
                const double* xy = g.ringXY(r);
                const QPointF px = map_(xy[0], xy[1]);
                if (raster_) {
                    const int x = int(std::floor(px.x())), y = int(std::floor(px.y()));
                    if (x < -half || y < -half || x >= w_ + half || y >= h_ + half) continue;
                    // Markers centred outside the image may still show; they are rare, draw them.
                    const bool inside = x >= 0 && y >= 0 && x < w_ && y < h_;
                    if (inside && !seen.testAndSet(x, y)) {
                        ++stats_.featuresSkipped;
                        continue;
                    }
                    p_.drawImage(QPoint(x - half, y - half), sprite);
                } else {
                    p_.drawPath(marker.translated(px));
                }
                ++stats_.verticesDrawn;
            }
            ++stats_.featuresDrawn;
        }
        return true;
    }

    const MapViewport& vp_;
    QPainter& p_;
    const RenderOptions& opt_;
    RenderStats& stats_;
    PixelMapper map_;
    bool raster_;
    int w_, h_;
    PixelMask dots_;
    std::vector<QPointF> buf_;
    std::vector<QPointF> ringPts_;
    std::vector<QPointF> runs_;
    std::vector<std::size_t> runStart_;
};

bool isRasterDevice(QPainter& p)
{
    const QPaintDevice* d = p.device();
    if (!d) return false;
    const int t = d->devType();
    const QTransform& tr = p.worldTransform();
    return (t == QInternal::Image || t == QInternal::Pixmap) && tr.type() <= QTransform::TxTranslate;
}

// Layers visible at this scale, with their visible features.
std::vector<LayerFrame> prepareLayers(const std::vector<RenderLayer>& layers, const MapViewport& vp)
{
    std::vector<LayerFrame> frames;
    const double scale = vp.scaleDenominator();
    const double mupp = vp.mapUnitsPerPixel();
    for (const RenderLayer& l : layers) {
        if (!l.visible || !l.cache || l.style.opacity <= 0.0 || !l.style.visibleAtScale(scale)) continue;
        LayerFrame f;
        f.layer = &l;
        // Query a little beyond the view: strokes and markers reach over the edge.
        double reachPx = 4.0;
        const style::FeatureStyle& fs = l.style.features;
        for (int s = 0; s < fs.symbolCount(); ++s) {
            const Symbol& sym = fs.symbolAt(s);
            reachPx = std::max(reachPx, mmToPixels(std::max(sym.strokeWidthMm, sym.markerSizeMm), vp.dpi()));
        }
        l.cache->query(vp.extent().buffered(reachPx * mupp), f.visible);
        f.symbols = l.cache->symbolIndices(fs);
        // Coarsest level whose error stays under half a pixel.
        f.level = l.cache->levelFor(0.5 * mupp);
        frames.push_back(std::move(f));
    }
    return frames;
}

// Draws the geometries of all layers (no labels). Returns false if cancelled.
bool drawGeometries(std::span<const LayerFrame> frames, const MapViewport& vp, QPainter& painter,
                    const RenderOptions& opt, RenderStats& stats)
{
    const bool raster = isRasterDevice(painter);
    for (const LayerFrame& f : frames) {
        if (cancelled(opt)) return false;
        const double opacity = f.layer->style.opacity;
        if (opacity < 1.0 && raster) {
            // Composite the layer as a whole so fills and strokes do not show through each other.
            QImage layerImage(vp.outputSize(), QImage::Format_ARGB32_Premultiplied);
            layerImage.fill(Qt::transparent);
            QPainter lp(&layerImage);
            lp.setRenderHint(QPainter::Antialiasing, opt.antialiasing);
            LayerPainter draw(vp, lp, opt, stats, true);
            const bool ok = draw.draw(f);
            lp.end();
            painter.save();
            painter.setOpacity(opacity);
            painter.drawImage(QPoint(0, 0), layerImage);
            painter.restore();
            if (!ok) return false;
        } else {
            painter.save();
            painter.setOpacity(opacity);
            painter.setRenderHint(QPainter::Antialiasing, opt.antialiasing);
            LayerPainter draw(vp, painter, opt, stats, raster);
            const bool ok = draw.draw(f);
            painter.restore();
            if (!ok) return false;
        }
    }
    return true;
}

// Widths of label texts, remembered across frames and threads: shaping a
// string (HarfBuzz) costs microseconds and a frame measures thousands of
// candidates, mostly the same ones as the previous frame. Keyed by the
// font's key, the device DPI and the text; bounded.
class TextWidths {
public:
    static double width(const QFontMetricsF& fm, const QString& fontKey, const QString& text)
    {
        const QString key = fontKey + QLatin1Char('\x1f') + text;
        {
            std::lock_guard lock(mutex());
            auto it = map().constFind(key);
            if (it != map().constEnd()) return *it;
        }
        const double w = fm.horizontalAdvance(text);
        std::lock_guard lock(mutex());
        if (map().size() > 200000) map().clear();
        map().insert(key, w);
        return w;
    }

private:
    static std::mutex& mutex()
    {
        static std::mutex m;
        return m;
    }
    static QHash<QString, double>& map()
    {
        static QHash<QString, double> m;
        return m;
    }
};

QString labelText(const QVariant& v)
{
    if (!v.isValid() || v.isNull()) return {};
    static const QLocale vi(QLocale::Vietnamese, QLocale::Vietnam);
    switch (v.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong: return vi.toString(v.toLongLong());
    case QMetaType::Double:
    case QMetaType::Float: return vi.toString(v.toDouble(), 'g', 6);
    default: return v.toString();
    }
}

// Places and draws the labels of all layers together.
void drawAllLabels(const std::vector<LayerFrame>& frames, const MapViewport& vp, QPainter& painter,
                   const RenderOptions& opt, RenderStats& stats)
{
    struct Pending {
        std::size_t frame;
        std::uint32_t feature;
        QPointF anchor;      // pixels
        double markerHalf;   // points: marker radius + offset; else 0
        int priority;
        double size;
    };
    const double scale = vp.scaleDenominator();
    const PixelMapper map(vp);
    const QRectF view(0, 0, vp.outputSize().width(), vp.outputSize().height());
    QPaintDevice* device = painter.device();
    const double deviceDpi = device ? device->logicalDpiY() : vp.dpi();

    std::vector<LabelTextStyle> styles(frames.size());
    std::vector<Pending> pending;
    std::vector<QPointF> buf;
    for (std::size_t fi = 0; fi < frames.size(); ++fi) {
        const RenderLayer& l = *frames[fi].layer;
        const style::LabelSettings& ls = l.style.labels;
        if (!ls.enabled || ls.field.isEmpty()) continue;
        if (ls.maxScaleDenominator > 0 && scale > ls.maxScaleDenominator) continue;
        const int field = l.cache->fieldIndex(ls.field);
        if (field < 0) continue;
        LabelTextStyle& st = styles[fi];
        st.font = QFont(ls.fontFamily);
        // Point size for this device such that the text is sizePt at the viewport's DPI.
        st.font.setPointSizeF(ls.sizePt * vp.dpi() / deviceDpi);
        st.font.setBold(ls.bold);
        st.font.setItalic(ls.italic);
        st.font.setHintingPreference(QFont::PreferNoHinting);
        st.color = ls.color;
        st.haloColor = ls.haloColor;
        st.haloWidthPx = mmToPixels(ls.haloWidthMm, vp.dpi());

        const LayerCache& cache = *l.cache;
        const auto& symbols = *frames[fi].symbols;
        for (std::uint32_t i : frames[fi].visible) {
            if (symbols[i] < 0) continue;
            const Extent& b = cache.featureBounds(i);
            const double sizePx = std::max(b.width(), b.height()) * map.k;
            Pending p{fi, i, map(cache.labelPoint(i).x(), cache.labelPoint(i).y()), 0.0, ls.priority, sizePx};
            if (cache.kind() == GeometryKind::Polygon) {
                if (sizePx < ls.minFeatureSizePx) continue;
                if (!view.contains(p.anchor)) {
                    // The feature's pole is off screen: use the pole of its
                    // visible part, searched on a coarser copy (2 px error is
                    // invisible for an anchor) to a precision of 2 px.
                    const GeometryView g = cache.geometry(i, cache.levelFor(2.0 / map.k));
                    detail::RingSet rings, clipped;
                    rings.ringStart.push_back(0);
                    for (std::uint32_t r = g.firstRing; r < g.lastRing; ++r) {
                        ringToPixels(g, r, map, 1.5, buf);
                        for (const QPointF& q : buf) {
                            rings.xy.push_back(q.x());
                            rings.xy.push_back(q.y());
                        }
                        rings.ringStart.push_back(std::uint32_t(rings.xy.size() / 2));
                    }
                    detail::clipRings(rings, view, clipped);
                    QPointF pole;
                    double dist = 0;
                    if (!detail::poleOfInaccessibility(clipped, 2.0, pole, &dist) || dist < 3.0) continue;
                    p.anchor = pole;
                }
            } else if (cache.kind() == GeometryKind::Point) {
                if (!view.contains(p.anchor)) continue;
                const Symbol& sym = l.style.features.symbolAt(symbols[i]);
                p.markerHalf = mmToPixels(sym.markerSizeMm / 2 + ls.pointOffsetMm, vp.dpi());
            } else {
                if (!view.contains(p.anchor)) continue;
            }
            pending.push_back(p);
        }
    }
    if (pending.empty()) return;

    std::stable_sort(pending.begin(), pending.end(), [](const Pending& a, const Pending& b) {
        if (a.priority != b.priority) return a.priority > b.priority;
        return a.size > b.size;
    });

    LabelEngine engine(view);
    // Markers of labelled point layers are obstacles: labels do not cover
    // them (skipped for very dense layers, where they would block everything).
    for (std::size_t fi = 0; fi < frames.size(); ++fi) {
        const RenderLayer& l = *frames[fi].layer;
        if (l.cache->kind() != GeometryKind::Point || !l.style.labels.enabled || frames[fi].visible.size() > 50000) continue;
        const auto& symbols = *frames[fi].symbols;
        for (std::uint32_t i : frames[fi].visible) {
            if (symbols[i] < 0) continue;
            const double half = mmToPixels(l.style.features.symbolAt(symbols[i]).markerSizeMm, vp.dpi()) / 2;
            const QPointF c = map(l.cache->labelPoint(i).x(), l.cache->labelPoint(i).y());
            engine.addObstacle(QRectF(c.x() - half, c.y() - half, 2 * half, 2 * half));
        }
    }
    std::vector<PlacedLabel> placed;
    std::vector<std::unique_ptr<QFontMetricsF>> metrics(frames.size());
    std::vector<QString> fontKeys(frames.size());
    std::size_t attempts = 0;
    for (const Pending& p : pending) {
        if ((++attempts & 63) == 0 && cancelled(opt)) return;
        const RenderLayer& l = *frames[p.frame].layer;
        const QString text = labelText(l.cache->attribute(p.feature, l.cache->fieldIndex(l.style.labels.field)));
        if (text.isEmpty()) continue;
        auto& fm = metrics[p.frame];
        if (!fm) {
            fm = std::make_unique<QFontMetricsF>(styles[p.frame].font, device);
            fontKeys[p.frame] = styles[p.frame].font.key() + QLatin1Char('@') + QString::number(deviceDpi);
        }
        const double tw = TextWidths::width(*fm, fontKeys[p.frame], text);
        const double halo = styles[p.frame].haloWidthPx;
        const QSizeF size(tw + 2 * halo, fm->ascent() + fm->descent() + 2 * halo);
        const double w = size.width(), h = size.height();
        const QPointF a = p.anchor;
        QPointF cands[8];
        int nc = 0;
        if (frames[p.frame].layer->cache->kind() == GeometryKind::Point) {
            const double d = p.markerHalf;
            const double dd = d * 0.7071;
            cands[nc++] = {a.x() + dd, a.y() - dd - h};   // top right
            cands[nc++] = {a.x() - dd - w, a.y() - dd - h}; // top left
            cands[nc++] = {a.x() + dd, a.y() + dd};       // bottom right
            cands[nc++] = {a.x() - dd - w, a.y() + dd};   // bottom left
            cands[nc++] = {a.x() + d, a.y() - h / 2};     // right
            cands[nc++] = {a.x() - d - w, a.y() - h / 2}; // left
            cands[nc++] = {a.x() - w / 2, a.y() - d - h}; // above
            cands[nc++] = {a.x() - w / 2, a.y() + d};     // below
        } else {
            // Centred on the anchor, then shifted up/down/sideways as far as
            // the feature's size allows (a quarter of it), nearest first.
            const double reach = 0.25 * p.size;
            cands[nc++] = {a.x() - w / 2, a.y() - h / 2};
            for (double dy : {1.1 * h, 2.2 * h}) {
                if (dy > reach) break;
                cands[nc++] = {a.x() - w / 2, a.y() - h / 2 - dy};
                cands[nc++] = {a.x() - w / 2, a.y() - h / 2 + dy};
            }
            if (0.6 * w <= reach && nc + 2 <= 8) {
                cands[nc++] = {a.x() - w / 2 - 0.6 * w, a.y() - h / 2};
                cands[nc++] = {a.x() - w / 2 + 0.6 * w, a.y() - h / 2};
            }
        }
        bool done = false;
        for (int c = 0; c < nc; ++c) {
            const QRectF box(cands[c], size);
            if (!engine.fits(box)) continue;
            engine.occupy(box);
            // The text box proper (inside the halo margin).
            placed.push_back({text, int(p.frame), box.adjusted(halo, halo, -halo, -halo), placed.size()});
            done = true;
            break;
        }
        if (done) ++stats.labelsPlaced; else ++stats.labelsRejected;
    }
    drawLabels(painter, placed, styles);
}

} // namespace

RenderStats MapRenderer::render(const std::vector<RenderLayer>& layers, const MapViewport& viewport,
                                QPainter& painter, const RenderOptions& options)
{
    QElapsedTimer timer;
    timer.start();
    RenderStats stats;
    if (!viewport.isValid()) return stats;
    const std::vector<LayerFrame> frames = prepareLayers(layers, viewport);
    if (!drawGeometries(frames, viewport, painter, options, stats)) {
        stats.cancelled = true;
    } else if (options.drawLabels) {
        QElapsedTimer labelTimer;
        labelTimer.start();
        drawAllLabels(frames, viewport, painter, options, stats);
        stats.labelMilliseconds = double(labelTimer.nsecsElapsed()) / 1e6;
        stats.cancelled = cancelled(options);
    }
    stats.milliseconds = double(timer.nsecsElapsed()) / 1e6;
    return stats;
}

namespace {

void addStats(RenderStats& to, const RenderStats& s)
{
    to.cancelled = to.cancelled || s.cancelled;
    to.featuresDrawn += s.featuresDrawn;
    to.featuresAsPixel += s.featuresAsPixel;
    to.featuresSkipped += s.featuresSkipped;
    to.verticesDrawn += s.verticesDrawn;
}

QImage newImage(QSize size, int dpm)
{
    QImage img(size, QImage::Format_ARGB32_Premultiplied);
    img.setDotsPerMeterX(dpm);
    img.setDotsPerMeterY(dpm);
    return img;
}

// Rough drawing cost of a layer in this frame, for sharing work between
// threads: visible features plus their vertices at the frame's level, wide
// strokes weighted by what they cost Qt.
double estimatedCost(const LayerFrame& f, const MapViewport& vp)
{
    const LayerCache& c = *f.layer->cache;
    const double n = double(f.visible.size());
    if (c.featureCount() == 0) return 0.0;
    const double perFeature = double(c.vertexCount(f.level)) / double(c.featureCount());
    double wide = 1.0;
    const style::FeatureStyle& fs = f.layer->style.features;
    for (int s = 0; s < fs.symbolCount(); ++s)
        if (c.kind() != GeometryKind::Point && mmToPixels(fs.symbolAt(s).strokeWidthMm, vp.dpi()) > 1.0) wide = 4.0;
    if (c.kind() == GeometryKind::Point) return n * 0.5;
    return n * 2.0 + n * perFeature * wide;
}

} // namespace

QImage MapRenderer::renderImage(const std::vector<RenderLayer>& layers, const MapViewport& viewport,
                                const RenderOptions& options, RenderStats* statsOut)
{
    QElapsedTimer timer;
    timer.start();
    const QSize size = viewport.outputSize();
    const int dpm = int(std::lround(viewport.dpi() / 0.0254));
    QImage image = newImage(size, dpm);
    image.fill(options.background);
    RenderStats stats;
    if (!viewport.isValid()) {
        if (statsOut) *statsOut = stats;
        return image;
    }
    if (options.threads <= 1) {
        QPainter p(&image);
        stats = render(layers, viewport, p, options);
        if (statsOut) *statsOut = stats;
        return image;
    }

    const std::vector<LayerFrame> frames = prepareLayers(layers, viewport);
    // Two ways to use a second core, both giving the single-thread image:
    //  - split the layer stack: the lower layers are drawn onto the frame,
    //    the upper ones onto a transparent image composited on top;
    //  - split the frame into horizontal bands on the same pixel grid.
    // The stack split wins when no single layer dominates (no work is done
    // twice); bands when one layer holds most of the work.
    std::vector<double> cost;
    double total = 0.0, largest = 0.0;
    for (const LayerFrame& f : frames) {
        cost.push_back(estimatedCost(f, viewport));
        total += cost.back();
        largest = std::max(largest, cost.back());
    }
    const bool splitStack = frames.size() >= 2 &&
                            (options.parallel == RenderOptions::Parallel::LayerStack ||
                             (options.parallel == RenderOptions::Parallel::Auto && total > 0 && largest <= 0.7 * total));
    if (splitStack) {
        std::size_t split = 1;
        double best = total, below = 0.0;
        for (std::size_t k = 1; k < frames.size(); ++k) {
            below += cost[k - 1];
            const double worst = std::max(below, total - below);
            if (worst < best) {
                best = worst;
                split = k;
            }
        }
        const std::span<const LayerFrame> all(frames);
        QImage upper = newImage(size, dpm);
        upper.fill(Qt::transparent);
        RenderStats upperStats;
        std::thread worker([&] {
            QPainter p(&upper);
            upperStats.cancelled = !drawGeometries(all.subspan(split), viewport, p, options, upperStats);
        });
        {
            QPainter p(&image);
            stats.cancelled = !drawGeometries(all.first(split), viewport, p, options, stats);
        }
        worker.join();
        addStats(stats, upperStats);
        QPainter p(&image);
        p.drawImage(QPoint(0, 0), upper);
    } else {
        const int bands = std::clamp(options.threads, 1, std::max(1, size.height() / 64));
        std::vector<QImage> images(static_cast<std::size_t>(bands));
        std::vector<RenderStats> bandStats(static_cast<std::size_t>(bands));
        std::vector<int> y0(std::size_t(bands) + 1);
        for (int b = 0; b <= bands; ++b) y0[std::size_t(b)] = int(std::lround(double(size.height()) * b / bands));
        auto work = [&](int b) {
            const int top = y0[std::size_t(b)], h = y0[std::size_t(b) + 1] - top;
            const MapViewport sub = viewport.subViewport(0, top, size.width(), h);
            QImage& img = images[std::size_t(b)];
            img = newImage(QSize(size.width(), h), dpm);
            img.fill(options.background);
            QPainter p(&img);
            const std::vector<LayerFrame> bandFrames = prepareLayers(layers, sub);
            bandStats[std::size_t(b)].cancelled = !drawGeometries(bandFrames, sub, p, options, bandStats[std::size_t(b)]);
        };
        std::vector<std::thread> threads;
        for (int b = 1; b < bands; ++b) threads.emplace_back(work, b);
        work(0);
        for (auto& t : threads) t.join();
        for (int b = 0; b < bands; ++b) {
            const QImage& img = images[std::size_t(b)];
            const int top = y0[std::size_t(b)];
            for (int y = 0; y < img.height(); ++y)
                std::memcpy(image.scanLine(top + y), img.constScanLine(y), std::size_t(img.bytesPerLine()));
            addStats(stats, bandStats[std::size_t(b)]);
        }
    }
    if (!stats.cancelled && options.drawLabels) {
        QElapsedTimer labelTimer;
        labelTimer.start();
        QPainter p(&image);
        drawAllLabels(frames, viewport, p, options, stats);
        stats.cancelled = cancelled(options);
        stats.labelMilliseconds = double(labelTimer.nsecsElapsed()) / 1e6;
    }
    stats.milliseconds = double(timer.nsecsElapsed()) / 1e6;
    if (statsOut) *statsOut = stats;
    return image;
}

} // namespace planmap::layers::render
