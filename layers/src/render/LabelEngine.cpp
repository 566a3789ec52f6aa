#include "planmap/layers/render/LabelEngine.h"

#include <QPainter>
#include <QPainterPath>
#include <QGlyphRun>
#include <QTextLayout>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <cstring>
#include <cmath>
#include <numeric>

namespace planmap::layers::render {

LabelEngine::LabelEngine(const QRectF& view, double cellSize) : view_(view), cell_(std::max(4.0, cellSize))
{
    cols_ = std::max(1, int(std::ceil(view.width() / cell_)));
    rows_ = std::max(1, int(std::ceil(view.height() / cell_)));
    grid_.resize(std::size_t(cols_) * std::size_t(rows_));
}

void LabelEngine::cellRange(const QRectF& box, int& c0, int& r0, int& c1, int& r1) const
{
    c0 = std::clamp(int(std::floor((box.left() - view_.left()) / cell_)), 0, cols_ - 1);
    c1 = std::clamp(int(std::floor((box.right() - view_.left()) / cell_)), 0, cols_ - 1);
    r0 = std::clamp(int(std::floor((box.top() - view_.top()) / cell_)), 0, rows_ - 1);
    r1 = std::clamp(int(std::floor((box.bottom() - view_.top()) / cell_)), 0, rows_ - 1);
}

bool LabelEngine::fits(const QRectF& box) const
{
    if (!box.isValid() || box.left() < view_.left() || box.top() < view_.top() || box.right() > view_.right() ||
        box.bottom() > view_.bottom())
        return false;
    int c0, r0, c1, r1;
    cellRange(box, c0, r0, c1, r1);
    for (int r = r0; r <= r1; ++r)
        for (int c = c0; c <= c1; ++c)
            for (std::uint32_t i : grid_[std::size_t(r) * std::size_t(cols_) + std::size_t(c)])
                if (boxes_[i].intersects(box)) return false;
    return true;
}

void LabelEngine::occupy(const QRectF& box)
{
    const auto id = std::uint32_t(boxes_.size());
    boxes_.push_back(box);
    int c0, r0, c1, r1;
    cellRange(box, c0, r0, c1, r1);
    for (int r = r0; r <= r1; ++r)
        for (int c = c0; c <= c1; ++c) grid_[std::size_t(r) * std::size_t(cols_) + std::size_t(c)].push_back(id);
}

void LabelEngine::addObstacle(const QRectF& box)
{
    if (box.intersects(view_)) occupy(box);
}

std::vector<PlacedLabel> LabelEngine::place(const std::vector<LabelRequest>& requests)
{
    std::vector<std::size_t> order(requests.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (requests[a].priority != requests[b].priority) return requests[a].priority > requests[b].priority;
        return requests[a].featureSize > requests[b].featureSize;
    });
    std::vector<PlacedLabel> placed;
    for (std::size_t idx : order) {
        const LabelRequest& r = requests[idx];
        bool done = false;
        for (const QPointF& c : r.candidates) {
            const QRectF box(c, r.textSize);
            if (!fits(box)) continue;
            occupy(box);
            placed.push_back({r.text, r.style, box, idx});
            done = true;
            break;
        }
        if (!done) ++rejected_;
    }
    return placed;
}

namespace {

bool rasterTarget(const QPainter& painter)
{
    const QPaintDevice* d = painter.device();
    return d && (d->devType() == QInternal::Image || d->devType() == QInternal::Pixmap) &&
           painter.worldTransform().type() <= QTransform::TxTranslate;
}

// dst = max(dst, (src * weight) >> 8) over n bytes; weight 256 = plain max.
void maxWeighted(uchar* __restrict dst, const uchar* __restrict src, int n, int weight)
{
    int x = 0;
#if defined(__SSE2__)
    if (weight >= 256) {
        for (; x + 16 <= n; x += 16) {
            const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src + x));
            const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(dst + x));
            _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + x), _mm_max_epu8(a, b));
        }
    } else {
        const __m128i zero = _mm_setzero_si128();
        const __m128i w = _mm_set1_epi16(short(weight));
        for (; x + 16 <= n; x += 16) {
            const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src + x));
            const __m128i lo = _mm_srli_epi16(_mm_mullo_epi16(_mm_unpacklo_epi8(a, zero), w), 8);
            const __m128i hi = _mm_srli_epi16(_mm_mullo_epi16(_mm_unpackhi_epi8(a, zero), w), 8);
            const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(dst + x));
            _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + x), _mm_max_epu8(_mm_packus_epi16(lo, hi), b));
        }
    }
#endif
    for (; x < n; ++x) dst[x] = std::max(dst[x], uchar((unsigned(src[x]) * unsigned(std::min(weight, 256))) >> 8));
}

// Halos of all labels on a raster target, in one pass: every text's
// coverage is drawn into one 8-bit mask, each label's area is dilated by a
// disc of its halo radius (anti-aliased rim), tinted with its halo colour
// and blended under the texts. An order of magnitude faster than stroking
// glyph outlines as paths, with the same look.
// A label's text shaped once (HarfBuzz), drawn twice (halo mask, text).
struct ShapedText {
    QList<QGlyphRun> runs;
    QPointF origin;  // where to draw the runs so the baseline lands right
    void draw(QPainter& p, QPointF offset = {}) const
    {
        for (const QGlyphRun& r : runs) p.drawGlyphRun(origin + offset, r);
    }
};

ShapedText shape(const QString& text, const QFont& font, const QPaintDevice* device, QPointF baseline)
{
    QTextLayout layout(text, font, const_cast<QPaintDevice*>(device));
    layout.setCacheEnabled(false);
    layout.beginLayout();
    QTextLine line = layout.createLine();
    line.setLineWidth(1e6);
    layout.endLayout();
    ShapedText s;
    s.runs = line.glyphRuns();
    s.origin = QPointF(baseline.x(), baseline.y() - line.ascent());
    return s;
}

void drawHalos(QPainter& painter, const std::vector<PlacedLabel>& labels, const std::vector<LabelTextStyle>& styles,
               const std::vector<ShapedText>& shaped)
{
    // The area all halos fall in (logical coordinates, whole pixels).
    QRect area;
    auto radiusOf = [](const LabelTextStyle& st) { return int(std::ceil(st.haloWidthPx + 0.5)); };
    for (const PlacedLabel& l : labels) {
        const LabelTextStyle& st = styles[std::size_t(l.style)];
        if (st.haloWidthPx <= 0 || st.haloColor.alpha() == 0) continue;
        const int R = radiusOf(st) + 2;
        area |= l.box.toAlignedRect().adjusted(-R, -R, R, R);
    }
    if (area.isEmpty()) return;
    const QPoint origin = area.topLeft();
    QImage mask(area.size(), QImage::Format_Alpha8);
    mask.fill(0);
    {
        QPainter mp(&mask);
        mp.translate(-origin);
        mp.setPen(QColor(0, 0, 0, 255));
        for (std::size_t i = 0; i < labels.size(); ++i) {
            const LabelTextStyle& st = styles[std::size_t(labels[i].style)];
            if (st.haloWidthPx <= 0 || st.haloColor.alpha() == 0) continue;
            shaped[i].draw(mp);
        }
    }
    QImage grown(area.size(), QImage::Format_Alpha8);
    QImage halo(area.size(), QImage::Format_ARGB32_Premultiplied);
    struct Tap {
        int dx, dy, weight;
    };
    std::vector<Tap> taps;
    double tapsRadius = -1;
    QRgb lutColor = 0;
    QRgb lut[256];
    bool lutValid = false;
    for (const PlacedLabel& l : labels) {
        const LabelTextStyle& st = styles[std::size_t(l.style)];
        if (st.haloWidthPx <= 0 || st.haloColor.alpha() == 0) continue;
        const int R = radiusOf(st);
        if (st.haloWidthPx != tapsRadius) {
            tapsRadius = st.haloWidthPx;
            taps.clear();
            for (int dy = -R; dy <= R; ++dy)
                for (int dx = -R; dx <= R; ++dx) {
                    const double w = std::clamp(tapsRadius + 0.5 - std::hypot(dx, dy), 0.0, 1.0);
                    if (w > 0) taps.push_back({dx, dy, int(std::lround(w * 256))});
                }
        }
        if (!lutValid || lutColor != st.haloColor.rgba()) {
            lutColor = st.haloColor.rgba();
            lutValid = true;
            for (int g = 0; g < 256; ++g) {
                const int a = (g * qAlpha(lutColor) + 127) / 255;
                lut[g] = qRgba((qRed(lutColor) * a + 127) / 255, (qGreen(lutColor) * a + 127) / 255,
                               (qBlue(lutColor) * a + 127) / 255, a);
            }
        }
        // This label's region in mask coordinates.
        const QRect r = l.box.toAlignedRect().adjusted(-R - 1, -R - 1, R + 1, R + 1).translated(-origin) &
                        QRect(QPoint(0, 0), area.size());
        if (r.isEmpty()) continue;
        for (int y = r.top(); y <= r.bottom(); ++y) std::memset(grown.scanLine(y) + r.left(), 0, std::size_t(r.width()));
        for (const Tap& t : taps) {
            const int x0 = std::max(r.left(), -t.dx), x1 = std::min(r.right() + 1, area.width() - t.dx);
            if (x1 <= x0) continue;
            const int y0 = std::max(r.top(), -t.dy), y1 = std::min(r.bottom() + 1, area.height() - t.dy);
            for (int y = y0; y < y1; ++y)
                maxWeighted(grown.scanLine(y) + x0, mask.constScanLine(y + t.dy) + x0 + t.dx, x1 - x0, t.weight);
        }
        for (int y = r.top(); y <= r.bottom(); ++y) {
            const uchar* g = grown.constScanLine(y);
            auto* out = reinterpret_cast<QRgb*>(halo.scanLine(y));
            for (int x = r.left(); x <= r.right(); ++x) out[x] = lut[g[x]];
        }
        painter.drawImage(r.topLeft() + origin, halo, r);
    }
}

} // namespace

void drawLabels(QPainter& painter, const std::vector<PlacedLabel>& labels, const std::vector<LabelTextStyle>& styles)
{
    if (labels.empty()) return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    std::vector<QPointF> baselines;
    baselines.reserve(labels.size());
    std::vector<double> ascents(styles.size(), -1.0);
    for (const PlacedLabel& l : labels) {
        double& ascent = ascents.at(std::size_t(l.style));
        if (ascent < 0) ascent = QFontMetricsF(styles[std::size_t(l.style)].font, painter.device()).ascent();
        baselines.emplace_back(l.box.left(), l.box.top() + ascent);
    }
    const bool raster = rasterTarget(painter);
    std::vector<ShapedText> shaped;
    if (raster) {
        shaped.reserve(labels.size());
        for (std::size_t i = 0; i < labels.size(); ++i)
            shaped.push_back(shape(labels[i].text, styles[std::size_t(labels[i].style)].font, painter.device(), baselines[i]));
        drawHalos(painter, labels, styles, shaped);
    }
    int current = -1;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const PlacedLabel& l = labels[i];
        const LabelTextStyle& st = styles[std::size_t(l.style)];
        if (!raster && st.haloWidthPx > 0 && st.haloColor.alpha() > 0) {
            // Vector targets (PDF, printer): a real outline stroke under
            // the text, which stays text (searchable in a PDF).
            QPainterPath path;
            path.addText(baselines[i], st.font, l.text);
            QPen pen(st.haloColor, 2 * st.haloWidthPx, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
            painter.strokePath(path, pen);
        }
        if (l.style != current) {
            painter.setFont(st.font);
            painter.setPen(st.color);
            current = l.style;
        }
        if (raster)
            shaped[i].draw(painter);
        else
            painter.drawText(baselines[i], l.text);
    }
    painter.restore();
}

} // namespace planmap::layers::render
