#include "planmap/layers/print/LayoutRenderer.h"

#include "planmap/layers/render/MapViewport.h"
#include "planmap/layers/render/SymbolPainter.h"

#include <QFontMetricsF>
#include <QPaintDevice>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <set>

namespace planmap::layers::print {

namespace {

using render::MapViewport;

double px(double mm, double dpi)
{
    return mm * dpi / 25.4;
}

QRectF pxRect(const QRectF& mm, double dpi)
{
    return QRectF(px(mm.x(), dpi), px(mm.y(), dpi), px(mm.width(), dpi), px(mm.height(), dpi));
}

/// A font of `pt` typographic points on the painter's device drawn at `dpi`.
QFont makeFont(const QPainter& painter, double dpi, const QString& family, double pt, bool bold = false,
               bool italic = false)
{
    QFont f(family);
    const int deviceDpi = painter.device() ? painter.device()->logicalDpiY() : 72;
    f.setPointSizeF(pt * dpi / std::max(1, deviceDpi));
    f.setBold(bold);
    f.setItalic(italic);
    f.setHintingPreference(QFont::PreferNoHinting);
    return f;
}

QPen mmPen(const QColor& c, double widthMm, double dpi, Qt::PenStyle style = Qt::SolidLine)
{
    QPen p(c, px(widthMm, dpi), style, Qt::FlatCap, Qt::MiterJoin);
    return p;
}

QString lowerFirst(QString s)
{
    if (!s.isEmpty()) s[0] = s[0].toLower();
    return s;
}

bool isSingleSymbol(const style::FeatureStyle& fs)
{
    return fs.kind == style::StyleKind::SingleSymbol;
}

/// A frame ready to draw: its viewport at the output DPI and what it shows.
struct Frame {
    const LayoutItem* item = nullptr;
    MapViewport viewport;           // in pixels of `dpi`
    double dpi = 0.0;               // of the map drawing (≤ the page's on vector targets)
    QRectF rectPx;                  // on the page, in page pixels
    MapFrameReport report;
    std::vector<render::RenderLayer> layers;       // draw order
    std::vector<const PrintLayer*> printLayers;     // same order
    std::vector<std::vector<int>> usedSymbols;      // per layer, ascending
};

/// The polygon of a unit as a painter path in the viewport's pixels,
/// simplified to `tolerancePx`: vertices closer than that to the last one
/// kept are dropped (the outline is drawn with a pen much wider than that).
QPainterPath unitPath(const PrintContext& ctx, const PrintUnit& unit, const MapViewport& vp, double tolerancePx)
{
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);
    const PrintLayer* l = ctx.layer(unit.layerKey);
    if (!l || !l->layer.cache) return path;
    const render::LayerCache& cache = *l->layer.cache;
    const double tol2 = tolerancePx * tolerancePx;
    for (std::size_t i = 0; i < cache.featureCount(); ++i) {
        if (cache.featureId(i) != unit.id) continue;
        const render::GeometryView g = cache.geometry(i, cache.levelFor(0.5 * tolerancePx * vp.mapUnitsPerPixel()));
        for (std::uint32_t r = g.firstRing; r < g.lastRing; ++r) {
            const double* xy = g.ringXY(r);
            const std::uint32_t n = g.pointCount(r);
            if (n < 3) continue;
            QPointF last = vp.toPixel(xy[0], xy[1]);
            path.moveTo(last);
            for (std::uint32_t k = 1; k < n; ++k) {
                const QPointF q = vp.toPixel(xy[2 * k], xy[2 * k + 1]);
                const QPointF d = q - last;
                if (k + 1 < n && d.x() * d.x() + d.y() * d.y() < tol2) continue;
                path.lineTo(q);
                last = q;
            }
            path.closeSubpath();
        }
        break;
    }
    return path;
}

/// Where a polyline (pixels) crosses the edges of `r`: (edge, point) with
/// edge 0 = top, 1 = bottom, 2 = left, 3 = right.
std::vector<std::pair<int, QPointF>> edgeCrossings(const std::vector<QPointF>& line, const QRectF& r)
{
    std::vector<std::pair<int, QPointF>> out;
    for (std::size_t i = 1; i < line.size(); ++i) {
        const QPointF a = line[i - 1], b = line[i];
        const auto crossY = [&](int edge, double y) {
            if ((a.y() - y) * (b.y() - y) > 0 || a.y() == b.y()) return;
            const double t = (y - a.y()) / (b.y() - a.y());
            const double x = a.x() + t * (b.x() - a.x());
            if (t >= 0 && t < 1 && x >= r.left() && x <= r.right()) out.emplace_back(edge, QPointF(x, y));
        };
        const auto crossX = [&](int edge, double x) {
            if ((a.x() - x) * (b.x() - x) > 0 || a.x() == b.x()) return;
            const double t = (x - a.x()) / (b.x() - a.x());
            const double y = a.y() + t * (b.y() - a.y());
            if (t >= 0 && t < 1 && y >= r.top() && y <= r.bottom()) out.emplace_back(edge, QPointF(x, y));
        };
        crossY(0, r.top());
        crossY(1, r.bottom());
        crossX(2, r.left());
        crossX(3, r.right());
    }
    return out;
}

class PageDrawer {
public:
    PageDrawer(const LayoutRenderer& renderer, const PrintContext& ctx, const Layout& layout, const PageSpec& page,
               QPainter& painter, double dpi)
        : renderer_(renderer), ctx_(ctx), layout_(layout), page_(page), p_(painter), dpi_(dpi)
    {
    }

    PageReport run()
    {
        for (const LayoutItem& item : layout_.items)
            if (item.kind == ItemKind::Map) frames_.push_back(prepareFrame(item));
        for (const Frame& f : frames_) report_.maps.push_back(f.report);
        collectNotice();

        bool noticeDrawn = false;
        for (const LayoutItem& item : layout_.items) {
            switch (item.kind) {
            case ItemKind::Map: drawMap(*frame(item.id)); break;
            case ItemKind::Text: drawText(item); break;
            case ItemKind::Legend: drawLegend(item); break;
            case ItemKind::ScaleBar: drawScaleBar(item); break;
            case ItemKind::NorthArrow: drawNorthArrow(item); break;
            case ItemKind::Inset: drawInset(item); break;
            case ItemKind::IndicatorTable: drawTable(item); break;
            case ItemKind::Notice:
                drawNotice(pxRect(item.rectMm, dpi_), false);
                noticeDrawn = true;
                break;
            }
            if (item.frame) {
                p_.save();
                p_.setPen(mmPen(QColor(60, 60, 60), 0.2, dpi_));
                p_.setBrush(Qt::NoBrush);
                p_.drawRect(pxRect(item.rectMm, dpi_));
                p_.restore();
            }
        }
        // The notice is automatic: a layout without a place for it gets it on its main map.
        if (!noticeDrawn && !report_.notice.isEmpty() && !frames_.empty()) {
            const QRectF r = frames_.front().rectPx;
            const double w = std::min(r.width() - px(4, dpi_), px(120, dpi_));
            drawNotice(QRectF(r.left() + px(2, dpi_), r.bottom() - px(14, dpi_), w, px(12, dpi_)), true);
        }
        return report_;
    }

private:
    static constexpr double kVectorMapDpi = 150.0;

    bool isRasterDevice() const
    {
        const QPaintDevice* d = p_.device();
        return d && (d->devType() == QInternal::Image || d->devType() == QInternal::Pixmap);
    }
    /// The resolution maps are drawn at (see prepareFrame).
    double mapDpi() const { return isRasterDevice() ? dpi_ : std::min(dpi_, kVectorMapDpi); }

    const Frame* frame(const QString& id) const
    {
        for (const Frame& f : frames_)
            if (f.item->id == id) return &f;
        return nullptr;
    }

    const PrintUnit* pageUnit() const
    {
        if (page_.unit) return page_.unit;
        return ctx_.province ? &*ctx_.province : nullptr;
    }

    std::map<QString, QString> pageValues() const
    {
        std::map<QString, QString> v;
        if (const PrintUnit* u = pageUnit()) v[QStringLiteral("unit")] = u->fullName;
        v[QStringLiteral("page")] = QString::number(page_.number);
        v[QStringLiteral("pages")] = QString::number(page_.count);
        if (!frames_.empty())
            v[QStringLiteral("scale")] =
                QStringLiteral("1:") + formatNumberVi(std::round(frames_.front().report.scaleDenominator), 0);
        return v;
    }

    Frame prepareFrame(const LayoutItem& item) const
    {
        Frame f;
        f.item = &item;
        const QRectF r = pxRect(item.rectMm, dpi_);
        f.rectPx = QRectF(std::round(r.left()), std::round(r.top()), std::max(1.0, std::round(r.width())),
                          std::max(1.0, std::round(r.height())));
        const render::Extent e = renderer_.frameExtent(item, page_);
        // On vector targets (PDF, SVG) the map is drawn at no more than
        // kVectorMapDpi: the renderer simplifies to half a pixel of its
        // viewport, so coordinates keep 0.1 mm (finer detail cannot be seen
        // under strokes of 0.2 mm and more) and the file stays lean. Images
        // keep the full resolution.
        f.dpi = mapDpi();
        const QSize size(std::max(1, int(std::lround(f.rectPx.width() * f.dpi / dpi_))),
                         std::max(1, int(std::lround(f.rectPx.height() * f.dpi / dpi_))));
        f.viewport = MapViewport(size, f.dpi, render::mapUnitsOf(ctx_.displayCrs));
        f.viewport.zoomToExtent(e);
        f.report.itemId = item.id;
        f.report.extent = f.viewport.extent();
        f.report.scaleDenominator = f.viewport.scaleDenominator();
        f.report.mapUnitsPerMm = f.viewport.mapUnitsPerPixel() * f.dpi / 25.4;

        const double scale = f.report.scaleDenominator;
        std::vector<std::uint32_t> ids;
        for (const PrintLayer& l : ctx_.layers) {
            if (!l.layer.visible || !l.layer.cache || item.map.hiddenLayers.contains(l.key)) continue;
            if (!l.layer.style.visibleAtScale(scale) || l.layer.style.opacity <= 0) continue;
            render::RenderLayer rl = l.layer;
            if (!item.map.labels) rl.style.labels.enabled = false;
            // An opaque halo: the PDF engine strokes a glyph outline with an
            // opaque pen natively, but turns a translucent one into a filled
            // outline of the stroke (several times the bytes and the time).
            // On paper the difference of a 220/255 white halo does not show.
            if (rl.style.labels.haloColor.alpha() > 0) rl.style.labels.haloColor.setAlpha(255);
            ids.clear();
            l.layer.cache->query(f.report.extent, ids);
            const auto symbols = l.layer.cache->symbolIndices(l.layer.style.features);
            std::set<int> used;
            bool illustrative = false;
            for (std::uint32_t i : ids) {
                const int s = (*symbols)[i];
                if (s < 0) continue;
                used.insert(s);
                if (l.illustrativeField >= 0 && l.layer.cache->attribute(i, l.illustrativeField).toBool())
                    illustrative = true;
            }
            f.layers.push_back(std::move(rl));
            f.printLayers.push_back(&l);
            f.usedSymbols.emplace_back(used.begin(), used.end());
            if (!used.empty()) {
                f.report.layersInView.prepend(l.key);
                if (illustrative) f.report.illustrativeLayers.prepend(l.key);
            }
        }
        return f;
    }

    void collectNotice()
    {
        QStringList keys;
        for (const Frame& f : frames_)
            for (const QString& k : f.report.illustrativeLayers)
                if (!keys.contains(k)) keys << k;
        bool progress = false;
        for (const LayoutItem& item : layout_.items)
            if (item.kind == ItemKind::IndicatorTable)
                for (const IndicatorLine& l : tableLines(item).first) progress = progress || l.illustrative;
        report_.notice = renderer_.noticeText(keys, progress);
    }

    // ------------------------------------------------------------------ map
    void drawMap(const Frame& f)
    {
        const LayoutItem& item = *f.item;
        p_.save();
        p_.setClipRect(f.rectPx);
        p_.translate(f.rectPx.topLeft());
        p_.fillRect(QRectF(QPointF(0, 0), f.rectPx.size()), Qt::white);
        // From here on the frame's own pixels (f.dpi).
        p_.scale(f.rectPx.width() / f.viewport.outputSize().width(), f.rectPx.height() / f.viewport.outputSize().height());
        const QSizeF frameSize = f.viewport.outputSize();
        render::RenderOptions options;
        options.drawLabels = item.map.labels;
        // Only what can show in the frame goes into the file: 5 mm beyond it
        // covers the widest stroke.
        options.clipMarginPx = px(5.0, f.dpi);
        render::MapRenderer::render(f.layers, f.viewport, p_, options);

        const PrintUnit* unit = page_.unit;
        if (unit && item.map.highlightUnit && item.map.extentMode == ExtentMode::Page) {
            // Outline and paling follow the unit to a tenth of a millimetre;
            // the broad translucent band only to half a millimetre (Qt turns
            // a translucent stroke into a filled outline: few vertices and
            // bevel joins keep that outline small in a PDF).
            const QPainterPath path = unitPath(ctx_, *unit, f.viewport, px(0.1, f.dpi));
            if (!path.isEmpty()) {
                QPainterPath outside;
                outside.setFillRule(Qt::OddEvenFill);
                outside.addRect(QRectF(QPointF(-10, -10), frameSize + QSizeF(20, 20)));
                outside.addPath(path);
                p_.fillPath(outside, QColor(255, 255, 255, 150));
                p_.setRenderHint(QPainter::Antialiasing, true);
                // A broad translucent band, unlike any layer's boundary symbol.
                p_.strokePath(unitPath(ctx_, *unit, f.viewport, px(0.5, f.dpi)),
                              QPen(QColor(255, 140, 0, 110), px(2.0, f.dpi), Qt::SolidLine, Qt::FlatCap, Qt::BevelJoin));
                p_.strokePath(path, QPen(QColor(200, 90, 0), px(0.45, f.dpi), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            }
        }
        drawGrid(f);
        p_.restore();
        p_.save();
        p_.setPen(mmPen(Qt::black, 0.35, dpi_));
        p_.setBrush(Qt::NoBrush);
        p_.drawRect(f.rectPx);
        p_.restore();
    }

    void drawGrid(const Frame& f)
    {
        const MapSettings& m = f.item->map;
        if (m.grid == GridKind::None) return;
        const render::Extent& e = f.report.extent;
        std::vector<GridLine> lines;
        bool degrees = false;
        if (m.grid == GridKind::Projected && !ctx_.displayCrs.isGeographic()) {
            const double interval = m.gridInterval > 0 ? m.gridInterval : niceGridInterval(std::min(e.width(), e.height()), 5);
            lines = projectedGrid(e, interval);
        } else {
            degrees = true;
            double minutes = m.gridInterval;
            if (!(minutes > 0)) {
                const double spanDeg = std::min(e.width(), e.height()) /
                                       (ctx_.displayCrs.isGeographic() ? 1.0 : 111320.0);
                minutes = niceGraticuleMinutes(spanDeg, 5);
            }
            lines = graticule(ctx_.displayCrs, e, minutes);
        }
        report_.gridLines += int(lines.size());
        const QRectF r(QPointF(0, 0), QSizeF(f.viewport.outputSize()));
        p_.save();
        p_.setRenderHint(QPainter::Antialiasing, true);
        // Opaque (the look of 40,70,140 at 2/3 over white): a PDF strokes an
        // opaque pen natively, a translucent one becomes a filled outline.
        QPen pen = mmPen(QColor(112, 132, 178), 0.15, f.dpi);
        p_.setPen(pen);
        p_.setBrush(Qt::NoBrush);
        std::vector<std::vector<QPointF>> pixelLines;
        for (const GridLine& g : lines) {
            std::vector<QPointF> pts;
            pts.reserve(g.points.size());
            for (const QPointF& q : g.points) pts.push_back(f.viewport.toPixel(q.x(), q.y()));
            p_.drawPolyline(pts.data(), int(pts.size()));
            pixelLines.push_back(std::move(pts));
        }
        // Labels where the lines leave the frame: eastings / longitudes on
        // the top and bottom edges, northings / latitudes on the sides.
        const QFont font = makeFont(p_, f.dpi, QStringLiteral("Noto Sans"), 5.5);
        p_.setFont(font);
        const QFontMetricsF fm(font, p_.device());
        const double pad = px(0.6, f.dpi);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const GridLine& g = lines[i];
            const QString text = degrees ? formatDegreesMinutes(g.value) : formatNumberVi(g.value, 0);
            const double w = fm.horizontalAdvance(text), h = fm.height();
            for (const auto& [edge, at] : edgeCrossings(pixelLines[i], r)) {
                if (g.vertical != (edge <= 1)) continue;
                p_.save();
                p_.translate(at);
                if (edge >= 2) p_.rotate(-90);
                QRectF box;
                switch (edge) {
                case 0: box = QRectF(-w / 2, pad, w, h); break;
                case 1: box = QRectF(-w / 2, -pad - h, w, h); break;
                case 2: box = QRectF(-w / 2, pad, w, h); break;
                default: box = QRectF(-w / 2, -pad - h, w, h); break;
                }
                p_.fillRect(box.adjusted(-pad / 2, 0, pad / 2, 0), QColor(255, 255, 255, 210));
                p_.setPen(QColor(30, 50, 110));
                p_.drawText(box, Qt::AlignCenter, text);
                p_.restore();
            }
        }
        p_.restore();
    }

    // ----------------------------------------------------------------- text
    void drawText(const LayoutItem& item)
    {
        const TextSettings& t = item.text;
        const QString text = ctx_.expand(t.text, pageValues());
        report_.texts << text;
        if (text.isEmpty()) return;
        QRectF r = pxRect(item.rectMm, dpi_);
        QFont font = makeFont(p_, dpi_, t.fontFamily, t.fontSizePt, t.bold, t.italic);
        int align = Qt::AlignTop | Qt::TextWordWrap;
        align |= t.align == QLatin1String("center") ? Qt::AlignHCenter
               : t.align == QLatin1String("right")  ? Qt::AlignRight
                                                    : Qt::AlignLeft;
        // Shrink (down to 60 %) rather than lose words off the item.
        for (int step = 0; step < 8; ++step) {
            const QRectF need = QFontMetricsF(font, p_.device()).boundingRect(r, align, text);
            if (need.height() <= r.height() + 0.5 && need.width() <= r.width() + 0.5) break;
            font.setPointSizeF(font.pointSizeF() * 0.94);
        }
        p_.save();
        p_.setFont(font);
        p_.setPen(t.color);
        p_.drawText(r, align, text);
        p_.restore();
    }

    // --------------------------------------------------------------- legend
    struct LegendEntry {
        LegendRow row;
        const style::Symbol* symbol = nullptr;
        GeometryKind kind = GeometryKind::Polygon;
    };

    std::vector<LegendEntry> legendEntries(const Frame& f) const
    {
        std::vector<LegendEntry> out;
        for (std::size_t n = f.layers.size(); n-- > 0;) {
            const PrintLayer& pl = *f.printLayers[n];
            const std::vector<int>& used = f.usedSymbols[n];
            if (used.empty()) continue;
            const style::FeatureStyle& fs = f.layers[n].style.features;
            const GeometryKind kind = pl.layer.cache->kind();
            QString title = pl.title;
            if (f.report.illustrativeLayers.contains(pl.key)) title += QStringLiteral(" (minh họa)");
            if (isSingleSymbol(fs)) {
                out.push_back({{pl.key, title, false}, &fs.symbolAt(0), kind});
                continue;
            }
            out.push_back({{pl.key, title, true}, nullptr, kind});
            const std::vector<style::LegendItem> items = fs.legend(kind);
            for (int s : used) {
                const auto it = std::find_if(items.begin(), items.end(),
                                             [&](const style::LegendItem& li) { return li.symbolIndex == s; });
                if (it == items.end()) continue;
                out.push_back({{pl.key, it->label, false}, &fs.symbolAt(s), kind});
            }
        }
        return out;
    }

    void drawLegend(const LayoutItem& item)
    {
        const Frame* f = frame(item.mapId);
        if (!f) return;
        const std::vector<LegendEntry> entries = legendEntries(*f);
        for (const LegendEntry& e : entries) report_.legend.push_back(e.row);
        const QRectF r = pxRect(item.rectMm, dpi_).adjusted(px(1.5, dpi_), px(1.5, dpi_), -px(1.5, dpi_), -px(1.5, dpi_));
        double pt = item.legend.fontSizePt;
        // Fit: smaller type, then two columns.
        int columns = 1;
        double rowH = 0, titleH = 0;
        for (int attempt = 0; attempt < 12; ++attempt) {
            const QFont font = makeFont(p_, dpi_, QStringLiteral("Noto Sans"), pt);
            rowH = QFontMetricsF(font, p_.device()).height() * 1.35;
            titleH = item.legend.title.isEmpty() ? 0.0 : rowH * 1.3;
            const int perColumn = std::max(1, int((r.height() - titleH) / rowH));
            columns = (int(entries.size()) + perColumn - 1) / perColumn;
            if (columns <= 1 || (columns <= 2 && pt <= item.legend.fontSizePt * 0.8)) break;
            if (pt <= 5.0) break;
            pt *= 0.92;
        }
        columns = std::max(1, columns);
        p_.save();
        p_.setRenderHint(QPainter::Antialiasing, true);
        double y = r.top();
        if (!item.legend.title.isEmpty()) {
            p_.setFont(makeFont(p_, dpi_, QStringLiteral("Noto Sans"), pt * 1.15, true));
            p_.setPen(Qt::black);
            p_.drawText(QRectF(r.left(), y, r.width(), titleH), Qt::AlignLeft | Qt::AlignVCenter, item.legend.title);
            y += titleH;
        }
        const QFont font = makeFont(p_, dpi_, QStringLiteral("Noto Sans"), pt);
        const QFont bold = makeFont(p_, dpi_, QStringLiteral("Noto Sans"), pt, true);
        const double colW = r.width() / columns;
        const double patchW = rowH * 1.5, patchH = rowH * 0.7;
        const int perColumn = std::max(1, int((r.bottom() - y) / rowH));
        for (std::size_t i = 0; i < entries.size(); ++i) {
            const int col = int(i) / perColumn;
            if (col >= columns) break;
            const double x = r.left() + col * colW;
            const double top = y + (int(i) % perColumn) * rowH;
            const LegendEntry& e = entries[i];
            const bool lastFitting = int(i) == columns * perColumn - 1 && i + 1 < entries.size();
            QRectF textBox;
            if (e.row.heading) {
                textBox = QRectF(x, top, colW, rowH);
                p_.setFont(bold);
            } else {
                const double indent = isCategory(entries, i) ? patchW * 0.25 : 0.0;
                const QRectF patch(x + indent, top + (rowH - patchH) / 2, patchW, patchH);
                if (e.symbol) render::drawLegendPatch(p_, patch, *e.symbol, e.kind, dpi_);
                textBox = QRectF(patch.right() + rowH * 0.4, top, colW - (patch.right() - x) - rowH * 0.4, rowH);
                p_.setFont(font);
            }
            p_.setPen(Qt::black);
            const QString text = lastFitting ? QStringLiteral("…") : e.row.text;
            const QString shown = QFontMetricsF(p_.font(), p_.device()).elidedText(text, Qt::ElideRight, textBox.width());
            p_.drawText(textBox, Qt::AlignLeft | Qt::AlignVCenter, shown);
            if (lastFitting) break;
        }
        p_.restore();
    }

    static bool isCategory(const std::vector<LegendEntry>& entries, std::size_t i)
    {
        // A class row follows its layer's heading (possibly after other classes).
        for (std::size_t k = i; k-- > 0;) {
            if (entries[k].row.layerKey != entries[i].row.layerKey) return false;
            if (entries[k].row.heading) return true;
        }
        return false;
    }

    // ------------------------------------------------------------ scale bar
    void drawScaleBar(const LayoutItem& item)
    {
        const Frame* f = frame(item.mapId);
        if (!f) return;
        const QRectF r = pxRect(item.rectMm, dpi_);
        const QFont font = makeFont(p_, dpi_, QStringLiteral("Noto Sans"), item.scaleBar.fontSizePt);
        const QFontMetricsF fm(font, p_.device());
        const double unitRoom = fm.horizontalAdvance(QStringLiteral(" 000 km")) * 25.4 / dpi_;
        const double maxLen = std::max(5.0, item.rectMm.width() - 4.0 - unitRoom);
        const render::Extent& e = f->report.extent;
        const geo::XY c = e.center();
        const ScaleBar bar = niceScaleBar(ctx_.displayCrs, c.x, c.y, f->report.mapUnitsPerMm, maxLen);
        ScaleBarReport rep;
        rep.bar = bar;
        rep.mapId = f->item->id;
        const double halfMap = bar.lengthMm * f->report.mapUnitsPerMm / 2.0;
        rep.mapStart = QPointF(c.x - halfMap, c.y);
        rep.mapEnd = QPointF(c.x + halfMap, c.y);
        report_.scaleBar = rep;

        const double x0 = r.left() + px(2, dpi_);
        const double len = px(bar.lengthMm, dpi_);
        const double barH = px(1.6, dpi_);
        const double textH = fm.height();
        const double yBar = r.top() + textH + px(0.8, dpi_);
        p_.save();
        p_.setFont(font);
        p_.setPen(mmPen(Qt::black, 0.15, dpi_));
        for (int i = 0; i < bar.segments; ++i) {
            const QRectF seg(x0 + len * i / bar.segments, yBar, len / bar.segments, barH);
            p_.setBrush(i % 2 == 0 ? QBrush(Qt::black) : QBrush(Qt::white));
            p_.drawRect(seg);
        }
        p_.setPen(Qt::black);
        // Tick labels centred on their ticks (the last one's number on its
        // tick, the unit after it), left to right, skipping any that would
        // touch the previous one; the last label always shows.
        const double gapPx = fm.horizontalAdvance(QStringLiteral("  "));
        std::vector<std::pair<QRectF, QString>> labels;
        for (int i = 0; i <= bar.segments; ++i) {
            const QString label = bar.tickLabel(i);
            const QString number = label.section(QLatin1Char(' '), 0, 0);
            const double x = x0 + len * i / bar.segments;
            const QRectF box(x - fm.horizontalAdvance(number) / 2, r.top(), fm.horizontalAdvance(label), textH);
            if (i == bar.segments)
                while (!labels.empty() && labels.back().first.right() + gapPx > box.left() && labels.size() > 1) labels.pop_back();
            else if (!labels.empty() && labels.back().first.right() + gapPx > box.left())
                continue;
            labels.emplace_back(box, label);
        }
        for (const auto& [box, label] : labels) p_.drawText(box, Qt::AlignLeft | Qt::AlignBottom, label);
        const QString scaleText = QStringLiteral("Tỷ lệ 1:") + formatNumberVi(std::round(f->report.scaleDenominator), 0);
        p_.drawText(QRectF(x0, yBar + barH + px(0.6, dpi_), r.width(), textH), Qt::AlignLeft | Qt::AlignTop, scaleText);
        p_.restore();
    }

    // ---------------------------------------------------------- north arrow
    void drawNorthArrow(const LayoutItem& item)
    {
        const Frame* f = frame(item.mapId);
        if (!f) return;
        const geo::XY c = f->report.extent.center();
        const double angle = trueNorthAngle(ctx_.displayCrs, c.x, c.y);
        report_.northAngle = angle;
        const QRectF r = pxRect(item.rectMm, dpi_);
        const QFont font = makeFont(p_, dpi_, QStringLiteral("Noto Sans"), 9, true);
        const double textH = QFontMetricsF(font, p_.device()).height();
        const double h = std::max(1.0, r.height() - textH) * 0.9;
        const double w = std::min(r.width() * 0.5, h * 0.45);
        p_.save();
        p_.setRenderHint(QPainter::Antialiasing, true);
        p_.translate(r.center().x(), r.top() + textH + h / 2);
        p_.rotate(angle);
        QPainterPath left, right;
        left.moveTo(0, -h / 2);
        left.lineTo(-w / 2, h / 2);
        left.lineTo(0, h / 4);
        left.closeSubpath();
        right.moveTo(0, -h / 2);
        right.lineTo(w / 2, h / 2);
        right.lineTo(0, h / 4);
        right.closeSubpath();
        p_.setPen(mmPen(Qt::black, 0.2, dpi_));
        p_.setBrush(Qt::black);
        p_.drawPath(left);
        p_.setBrush(Qt::white);
        p_.drawPath(right);
        p_.setFont(font);
        p_.setPen(Qt::black);
        // "B" (Bắc, north) above the tip, upright in the arrow's frame.
        p_.drawText(QRectF(-w, -h / 2 - textH, 2 * w, textH), Qt::AlignHCenter | Qt::AlignBottom, QStringLiteral("B"));
        p_.restore();
    }

    // ---------------------------------------------------------------- inset
    void drawInset(const LayoutItem& item)
    {
        const Frame* f = frame(item.mapId);
        if (!f) return;
        const QRectF rf = pxRect(item.rectMm, dpi_);
        const QRectF r(std::round(rf.left()), std::round(rf.top()), std::max(1.0, std::round(rf.width())),
                       std::max(1.0, std::round(rf.height())));
        std::vector<render::RenderLayer> layers;
        render::Extent all;
        for (const QString& key : ctx_.insetLayers) {
            const PrintLayer* l = ctx_.layer(key);
            if (!l || !l->layer.cache) continue;
            render::RenderLayer rl = l->layer;
            rl.visible = true;
            style::Symbol s;
            const bool outline = key == QLatin1String("province");
            s.fillColor = outline ? QColor(238, 236, 228) : QColor(Qt::transparent);
            s.strokeColor = outline ? QColor(90, 90, 90) : QColor(150, 150, 150);
            s.strokeWidthMm = outline ? 0.3 : 0.12;
            rl.style = style::LayerStyle{};
            rl.style.features = style::FeatureStyle::singleSymbol(s);
            all.expand(l->layer.cache->extent());
            layers.push_back(std::move(rl));
        }
        // The province outline under the districts.
        std::stable_sort(layers.begin(), layers.end(), [](const render::RenderLayer& a, const render::RenderLayer& b) {
            return a.style.features.symbol.fillColor.alpha() > b.style.features.symbol.fillColor.alpha();
        });
        if (all.isEmpty()) all = f->report.extent;
        const double dpi = mapDpi();
        const QSize size(std::max(1, int(std::lround(r.width() * dpi / dpi_))),
                         std::max(1, int(std::lround(r.height() * dpi / dpi_))));
        MapViewport vp(size, dpi, render::mapUnitsOf(ctx_.displayCrs));
        vp.zoomToExtent(all, 0.06);
        p_.save();
        p_.setClipRect(r);
        p_.translate(r.topLeft());
        p_.fillRect(QRectF(QPointF(0, 0), r.size()), Qt::white);
        p_.scale(r.width() / size.width(), r.height() / size.height());
        render::RenderOptions options;
        options.drawLabels = false;
        options.clipMarginPx = px(5.0, dpi);
        render::MapRenderer::render(layers, vp, p_, options);
        const render::Extent& e = f->report.extent;
        const QRectF box = QRectF(vp.toPixel(e.minx, e.maxy), vp.toPixel(e.maxx, e.miny)).normalized();
        p_.setRenderHint(QPainter::Antialiasing, true);
        // A frame covering most of the locator is only outlined.
        const bool large = box.width() * box.height() > 0.25 * size.width() * size.height();
        p_.setBrush(large ? QBrush(Qt::NoBrush) : QBrush(QColor(200, 30, 30, 40)));
        p_.setPen(mmPen(QColor(200, 30, 30), 0.45, dpi));
        p_.drawRect(box);
        if (box.width() < px(2.5, dpi) && box.height() < px(2.5, dpi)) {
            p_.setBrush(Qt::NoBrush);
            p_.drawEllipse(box.center(), px(2.5, dpi), px(2.5, dpi));
        }
        p_.restore();
        p_.save();
        p_.setPen(mmPen(QColor(60, 60, 60), 0.25, dpi_));
        p_.setBrush(Qt::NoBrush);
        p_.drawRect(r);
        p_.restore();
    }

    // ---------------------------------------------------------------- table
    /// The lines to show (at most maxRows, those with progress first when
    /// some must be left out) and how many were left out.
    std::pair<std::vector<IndicatorLine>, int> tableLines(const LayoutItem& item) const
    {
        if (!ctx_.indicators) return {};
        std::optional<std::int64_t> unitId;
        if (page_.unit && (!ctx_.province || page_.unit->id != ctx_.province->id)) unitId = page_.unit->id;
        std::vector<IndicatorLine> lines = ctx_.indicators->indicators(unitId);
        const int max = std::max(1, item.table.maxRows);
        if (int(lines.size()) <= max) return {lines, 0};
        std::vector<std::size_t> order(lines.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::stable_partition(order.begin(), order.end(), [&](std::size_t i) { return lines[i].achieved.has_value(); });
        order.resize(std::size_t(max - 1));
        std::sort(order.begin(), order.end());
        std::vector<IndicatorLine> kept;
        for (std::size_t i : order) kept.push_back(lines[i]);
        return {kept, int(lines.size() - kept.size())};
    }

    static QString figure(const std::optional<double>& v, const std::optional<double>& num,
                          const std::optional<double>& den)
    {
        if (num && den) return formatNumberVi(*num, 2) + QLatin1Char('/') + formatNumberVi(*den, 2);
        return v ? formatNumberVi(*v, 2) : QString();
    }

    void drawTable(const LayoutItem& item)
    {
        const auto [lines, omitted] = tableLines(item);
        const QRectF r = pxRect(item.rectMm, dpi_);
        const double pt = item.table.fontSizePt;
        const QFont font = makeFont(p_, dpi_, QStringLiteral("Noto Sans"), pt);
        const QFont bold = makeFont(p_, dpi_, QStringLiteral("Noto Sans"), pt, true);
        const QFont titleFont = makeFont(p_, dpi_, QStringLiteral("Noto Sans"), pt * 1.2, true);
        const QFontMetricsF fm(font, p_.device());
        const double rowH = fm.height() * 1.45;
        const double cell = px(0.8, dpi_);
        p_.save();
        double y = r.top();
        const QString title = ctx_.expand(item.table.title, pageValues());
        if (!title.isEmpty()) {
            const double h = QFontMetricsF(titleFont, p_.device()).height() * 1.4;
            p_.setFont(titleFont);
            p_.setPen(Qt::black);
            const QString shown = QFontMetricsF(titleFont, p_.device()).elidedText(title, Qt::ElideRight, r.width());
            p_.drawText(QRectF(r.left(), y, r.width(), h), Qt::AlignLeft | Qt::AlignVCenter, shown);
            y += h;
        }
        if (lines.empty()) {
            p_.setFont(font);
            p_.setPen(QColor(90, 90, 90));
            p_.drawText(QRectF(r.left(), y, r.width(), r.bottom() - y), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                        QStringLiteral("Đơn vị này không có chỉ tiêu được giao hoặc số liệu tiến độ."));
            p_.restore();
            return;
        }
        // Columns: name, unit, target, achieved, percent.
        const QString headers[] = {QStringLiteral("Chỉ tiêu"), QStringLiteral("ĐVT"), QStringLiteral("Kế hoạch"),
                                   QStringLiteral("Thực hiện"), QStringLiteral("%")};
        const double fractions[] = {0.50, 0.10, 0.15, 0.15, 0.10};
        double xs[6];
        xs[0] = r.left();
        for (int c = 0; c < 5; ++c) xs[c + 1] = xs[c] + r.width() * fractions[c];
        const auto cellRect = [&](int c, double top) {
            return QRectF(xs[c] + cell, top, xs[c + 1] - xs[c] - 2 * cell, rowH);
        };
        const double footH = rowH;
        const int fitting = std::max(0, int((r.bottom() - y - rowH - footH) / rowH));
        const int shown = std::min(int(lines.size()), fitting);
        const int leftOut = omitted + int(lines.size()) - shown;

        p_.fillRect(QRectF(r.left(), y, r.width(), rowH), QColor(228, 232, 238));
        p_.setFont(bold);
        p_.setPen(Qt::black);
        for (int c = 0; c < 5; ++c)
            p_.drawText(cellRect(c, y), (c == 0 ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter, headers[c]);
        y += rowH;
        p_.setFont(font);
        bool anyIllustrative = false;
        std::optional<QDate> newest;
        for (int i = 0; i < shown; ++i) {
            const IndicatorLine& l = lines[std::size_t(i)];
            if (i % 2 == 1) p_.fillRect(QRectF(r.left(), y, r.width(), rowH), QColor(246, 246, 246));
            QString achieved = figure(l.achieved, l.numerator, l.denominator);
            if (l.illustrative && !achieved.isEmpty()) {
                achieved += QLatin1Char('*');
                anyIllustrative = true;
            }
            if (l.asOf && (!newest || *l.asOf > *newest)) newest = l.asOf;
            const QString cells[] = {l.name, l.unitOfMeasure, figure(l.target, l.targetNumerator, l.targetDenominator),
                                     achieved, l.percent ? formatNumberVi(*l.percent, 1) : QString()};
            p_.setPen(Qt::black);
            for (int c = 0; c < 5; ++c) {
                const QRectF cr = cellRect(c, y);
                const QString text = fm.elidedText(cells[c], Qt::ElideRight, cr.width());
                p_.drawText(cr, (c == 0 ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter, text);
            }
            y += rowH;
        }
        report_.indicatorRows = shown;
        p_.setPen(mmPen(QColor(150, 150, 150), 0.15, dpi_));
        p_.drawLine(QPointF(r.left(), y), QPointF(r.right(), y));
        QStringList foot;
        if (leftOut > 0) foot << QStringLiteral("… và %1 chỉ tiêu khác (xem báo cáo tiến độ)").arg(leftOut);
        if (newest) foot << QStringLiteral("Số liệu đến ngày ") + formatDateVi(*newest);
        if (anyIllustrative) foot << QStringLiteral("* tiến độ minh họa");
        if (!foot.isEmpty()) {
            const QFont small = makeFont(p_, dpi_, QStringLiteral("Noto Sans"), pt * 0.9, false, true);
            p_.setFont(small);
            p_.setPen(QColor(70, 70, 70));
            const QString text = QFontMetricsF(small, p_.device()).elidedText(foot.join(QStringLiteral(" · ")),
                                                                               Qt::ElideRight, r.width());
            p_.drawText(QRectF(r.left(), y, r.width(), footH), Qt::AlignLeft | Qt::AlignVCenter, text);
        }
        p_.restore();
    }

    // --------------------------------------------------------------- notice
    void drawNotice(const QRectF& r, bool overMap)
    {
        if (report_.notice.isEmpty()) return;
        QFont font = makeFont(p_, dpi_, QStringLiteral("Noto Sans"), 7.5, true);
        const double pad = px(1.2, dpi_);
        QRectF inner = r.adjusted(pad, pad, -pad, -pad);
        const int flags = Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap;
        for (int step = 0; step < 8; ++step) {
            const QRectF need = QFontMetricsF(font, p_.device()).boundingRect(inner, flags, report_.notice);
            if (need.height() <= inner.height() + 0.5) break;
            font.setPointSizeF(font.pointSizeF() * 0.92);
        }
        p_.save();
        QRectF box = r;
        if (overMap) {
            // Only as tall as the text needs, at the bottom of the given area.
            const QRectF need = QFontMetricsF(font, p_.device()).boundingRect(inner, flags, report_.notice);
            box = QRectF(r.left(), r.bottom() - need.height() - 2 * pad, r.width(), need.height() + 2 * pad);
            inner = box.adjusted(pad, pad, -pad, -pad);
        }
        p_.setPen(mmPen(QColor(180, 60, 20), 0.35, dpi_));
        p_.setBrush(QColor(255, 244, 230, 235));
        p_.drawRect(box);
        p_.setFont(font);
        p_.setPen(QColor(150, 40, 10));
        p_.drawText(inner, flags, report_.notice);
        p_.restore();
    }

    const LayoutRenderer& renderer_;
    const PrintContext& ctx_;
    const Layout& layout_;
    const PageSpec& page_;
    QPainter& p_;
    double dpi_;
    std::vector<Frame> frames_;
    PageReport report_;
};

} // namespace

render::Extent LayoutRenderer::frameExtent(const LayoutItem& map, const PageSpec& page) const
{
    render::Extent e;
    if (map.map.extentMode == ExtentMode::Page) {
        if (page.unit) e = page.unit->extent;
        else if (ctx_.province) e = ctx_.province->extent;
    } else {
        e = map.map.extent;
    }
    if (e.isEmpty()) e = ctx_.fullExtent();
    if (e.isEmpty()) e = render::Extent(0, 0, 1, 1);
    // At 10 pixels per millimetre; the extent does not depend on the DPI.
    const double dpi = 254.0;
    const QSize size(std::max(1, int(std::lround(px(map.rectMm.width(), dpi)))),
                     std::max(1, int(std::lround(px(map.rectMm.height(), dpi)))));
    MapViewport vp(size, dpi, render::mapUnitsOf(ctx_.displayCrs));
    vp.zoomToExtent(e, map.map.marginFraction);
    if (map.map.scaleDenominator > 0) vp.setScaleDenominator(map.map.scaleDenominator);
    return vp.extent();
}

QString LayoutRenderer::noticeText(const QStringList& layerKeys, bool illustrativeProgress) const
{
    QStringList what;
    for (const QString& key : layerKeys) {
        const PrintLayer* l = ctx_.layer(key);
        what << lowerFirst(l ? l->title : key);
    }
    if (illustrativeProgress) what << QStringLiteral("số liệu tiến độ");
    if (what.isEmpty()) return {};
    return QStringLiteral("Dữ liệu minh họa: ") + what.join(QStringLiteral("; ")) +
           QStringLiteral(" — không phải số liệu thật, chỉ dùng để trình diễn phần mềm.");
}

PageReport LayoutRenderer::render(const Layout& layout, const PageSpec& page, QPainter& painter, double dpi) const
{
    PageDrawer drawer(*this, ctx_, layout, page, painter, dpi);
    return drawer.run();
}

} // namespace planmap::layers::print
