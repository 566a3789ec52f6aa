#include "LegendWidget.h"

#include "LayerTreeModel.h"

#include "planmap/layers/render/SymbolPainter.h"

#include <QPainter>

namespace planmap::gui {

namespace {
constexpr int kRowHeight = 22;
constexpr int kPatch = 18;
constexpr int kIndent = 10;
} // namespace

LegendWidget::LegendWidget(MapProject* project, QWidget* parent) : QWidget(parent), project_(project)
{
    connect(project_, &MapProject::layersChanged, this, &LegendWidget::relayout);
    connect(project_, &MapProject::layerChanged, this, &LegendWidget::relayout);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
}

void LegendWidget::setScaleDenominator(double denominator)
{
    scale_ = denominator;
    relayout();
}

void LegendWidget::relayout()
{
    setMinimumHeight(int(rows().size()) * kRowHeight + 8);
    updateGeometry();
    update();
}

std::vector<LegendWidget::Row> LegendWidget::rows() const
{
    std::vector<Row> out;
    for (int i = 0; i < project_->layerCount(); ++i) {
        const MapLayer& l = project_->layer(i);
        if (!l.visible || !l.cache) continue;
        if (scale_ > 0 && !l.style.visibleAtScale(scale_)) continue;
        Row t;
        t.title = true;
        t.layer = i;
        t.text = l.title;
        t.italic = l.illustrative;
        if (l.illustrative) t.text += QStringLiteral(" (") + LayerTreeModel::illustrativeBadge() + QLatin1Char(')');
        const std::vector<style::LegendItem> items = l.style.features.legend(l.kind());
        if (items.size() == 1) {
            // One symbol: the patch goes on the title row.
            t.item = items.front();
            t.title = false;
            out.push_back(t);
            continue;
        }
        out.push_back(t);
        for (const style::LegendItem& item : items) {
            Row r;
            r.layer = i;
            r.text = item.label;
            r.italic = l.illustrative;
            r.indent = true;
            r.item = item;
            out.push_back(r);
        }
    }
    return out;
}

int LegendWidget::rowCount() const
{
    return int(rows().size());
}

QSize LegendWidget::sizeHint() const
{
    return QSize(220, int(rows().size()) * kRowHeight + 8);
}

void LegendWidget::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    int y = 4;
    const QFont base = font();
    for (const Row& r : rows()) {
        const MapLayer& l = project_->layer(r.layer);
        QFont f = base;
        f.setItalic(r.italic);
        int x = 6;
        if (r.title) {
            f.setBold(true);
        } else {
            if (r.indent) x += kIndent;
            p.save();
            p.setOpacity(l.style.opacity);
            render::drawLegendPatch(p, QRectF(x, y + (kRowHeight - kPatch) / 2.0, kPatch, kPatch), r.item.symbol,
                                    r.item.kind, logicalDpiX());
            p.restore();
            x += kPatch + 6;
            if (!r.indent) f.setBold(true);
        }
        p.setFont(f);
        p.setPen(palette().color(QPalette::Text));
        p.drawText(QRect(x, y, width() - x - 4, kRowHeight), Qt::AlignVCenter | Qt::AlignLeft, r.text);
        y += kRowHeight;
    }
}

} // namespace planmap::gui
