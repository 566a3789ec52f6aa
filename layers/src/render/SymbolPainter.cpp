#include "planmap/layers/render/SymbolPainter.h"

#include <QPainter>

#include <cmath>
#include <numbers>

namespace planmap::layers::render {

using style::MarkerShape;
using style::StrokeStyle;

QPen strokePen(const style::Symbol& s, double dpi)
{
    if (s.strokeStyle == StrokeStyle::NoStroke || s.strokeColor.alpha() == 0) return QPen(Qt::NoPen);
    const double w = mmToPixels(s.strokeWidthMm, dpi);
    QPen pen(s.strokeColor);
    // Widths under one device pixel are drawn as one-pixel (cosmetic) lines:
    // thinner lines would only fade, and Qt's cosmetic stroker is much faster.
    if (w <= 1.0) {
        pen.setWidthF(1.0);
        pen.setCosmetic(true);
    } else {
        pen.setWidthF(w);
    }
    // Bevel joins: round joins make the stroker flatten an arc at every
    // vertex (3-4x slower on boundaries of thousands of vertices) for a
    // difference invisible at map line widths.
    pen.setJoinStyle(Qt::BevelJoin);
    pen.setCapStyle(Qt::RoundCap);
    switch (s.strokeStyle) {
    case StrokeStyle::Dash: pen.setDashPattern({4.0, 2.0}); pen.setCapStyle(Qt::FlatCap); break;
    case StrokeStyle::Dot: pen.setDashPattern({1.0, 2.0}); pen.setCapStyle(Qt::FlatCap); break;
    case StrokeStyle::DashDot: pen.setDashPattern({4.0, 2.0, 1.0, 2.0}); pen.setCapStyle(Qt::FlatCap); break;
    default: break;
    }
    return pen;
}

QBrush fillBrush(const style::Symbol& s)
{
    if (s.fillColor.alpha() == 0) return QBrush(Qt::NoBrush);
    return QBrush(s.fillColor);
}

QPainterPath markerPath(MarkerShape shape, double size)
{
    QPainterPath p;
    const double r = size / 2;
    switch (shape) {
    case MarkerShape::Circle: p.addEllipse(QPointF(0, 0), r, r); break;
    case MarkerShape::Square: p.addRect(QRectF(-r, -r, size, size)); break;
    case MarkerShape::Triangle: {
        // Equilateral, centred on its circumcentre, point up.
        const double h = r * 1.5;
        p.moveTo(0, -r);
        p.lineTo(r * std::sqrt(3.0) / 2, -r + h);
        p.lineTo(-r * std::sqrt(3.0) / 2, -r + h);
        p.closeSubpath();
        break;
    }
    case MarkerShape::Diamond:
        p.moveTo(0, -r);
        p.lineTo(r, 0);
        p.lineTo(0, r);
        p.lineTo(-r, 0);
        p.closeSubpath();
        break;
    case MarkerShape::Cross: {
        const double t = size / 6;  // arm half-thickness
        p.addRect(QRectF(-r, -t, size, 2 * t));
        p.addRect(QRectF(-t, -r, 2 * t, size));
        p.setFillRule(Qt::WindingFill);
        p = p.simplified();
        break;
    }
    case MarkerShape::Star: {
        const double inner = r * 0.45;
        for (int i = 0; i < 10; ++i) {
            const double a = -std::numbers::pi / 2 + i * std::numbers::pi / 5;
            const double rr = (i % 2 == 0) ? r : inner;
            const QPointF q(rr * std::cos(a), rr * std::sin(a));
            if (i == 0) p.moveTo(q); else p.lineTo(q);
        }
        p.closeSubpath();
        break;
    }
    }
    return p;
}

void drawLegendPatch(QPainter& painter, const QRectF& box, const style::Symbol& s, GeometryKind kind, double dpi)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QPen pen = strokePen(s, dpi);
    switch (kind) {
    case GeometryKind::Polygon: {
        painter.setPen(pen);
        painter.setBrush(fillBrush(s));
        const double inset = pen.style() == Qt::NoPen ? 0.0 : pen.widthF() / 2;
        painter.drawRect(box.adjusted(inset, inset, -inset, -inset));
        break;
    }
    case GeometryKind::Line: {
        painter.setPen(pen);
        painter.drawLine(QPointF(box.left(), box.center().y()), QPointF(box.right(), box.center().y()));
        break;
    }
    case GeometryKind::Point: {
        const double size = std::min(mmToPixels(s.markerSizeMm, dpi), std::min(box.width(), box.height()));
        painter.translate(box.center());
        painter.setPen(pen);
        painter.setBrush(fillBrush(s));
        painter.drawPath(markerPath(s.markerShape, size));
        break;
    }
    }
    painter.restore();
}

} // namespace planmap::layers::render
