#include "planmap/layers/render/LabelEngine.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
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

void drawLabels(QPainter& painter, const std::vector<PlacedLabel>& labels, const std::vector<LabelTextStyle>& styles)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    for (const PlacedLabel& l : labels) {
        const LabelTextStyle& st = styles.at(std::size_t(l.style));
        const QFontMetricsF fm(st.font, painter.device());
        const QPointF baseline(l.box.left(), l.box.top() + fm.ascent());
        if (st.haloWidthPx > 0 && st.haloColor.alpha() > 0) {
            QPainterPath path;
            path.addText(baseline, st.font, l.text);
            QPen halo(st.haloColor, 2 * st.haloWidthPx, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
            painter.strokePath(path, halo);
            painter.fillPath(path, st.color);
        } else {
            painter.setFont(st.font);
            painter.setPen(st.color);
            painter.drawText(baseline, l.text);
        }
    }
    painter.restore();
}

} // namespace planmap::layers::render
