#pragma once

#include <QColor>
#include <QFont>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>

#include <cstdint>
#include <vector>

class QPainter;

namespace planmap::layers::render {

/// A request for one label: where it may go, in order of preference.
struct LabelRequest {
    QString text;
    int style = 0;              ///< index into the styles passed to draw()
    int priority = 5;           ///< higher first
    double featureSize = 0.0;   ///< tie-break: bigger features first
    QSizeF textSize;            ///< box of the text, pixels
    /// Candidate positions of the box's top-left corner, best first.
    std::vector<QPointF> candidates;
};

struct PlacedLabel {
    QString text;
    int style = 0;
    QRectF box;                 ///< where the text box is, pixels
    std::size_t request = 0;    ///< index of the LabelRequest
};

/// Greedy label placement without overlaps: requests are taken by
/// priority (then feature size, then order), each at its first candidate
/// that lies fully inside the view and overlaps no placed label or
/// obstacle. A uniform occupancy grid keeps the tests local, so placing n
/// labels costs about O(n) box tests.
class LabelEngine {
public:
    /// `view` = the area labels must stay inside (pixels); `cellSize` of the grid.
    explicit LabelEngine(const QRectF& view, double cellSize = 48.0);

    /// Something labels must not cover (e.g. a marker). Call before place().
    void addObstacle(const QRectF& box);
    /// Places the requests; returns the placed labels (in placement order).
    std::vector<PlacedLabel> place(const std::vector<LabelRequest>& requests);

    /// Whether `box` is inside the view and free.
    bool fits(const QRectF& box) const;
    /// Marks `box` as taken.
    void occupy(const QRectF& box);

    std::size_t rejectedCount() const { return rejected_; }

private:
    void cellRange(const QRectF& box, int& c0, int& r0, int& c1, int& r1) const;

    QRectF view_;
    double cell_;
    int cols_ = 0;
    int rows_ = 0;
    std::vector<QRectF> boxes_;
    std::vector<std::vector<std::uint32_t>> grid_;
    std::size_t rejected_ = 0;
};

/// Text drawing of labels: font, colour and halo, for one device.
struct LabelTextStyle {
    QFont font;                 ///< sized for the target device already
    QColor color;
    QColor haloColor;
    double haloWidthPx = 0.0;
};

/// Draws placed labels (text fitted in its box, halo first).
void drawLabels(QPainter& painter, const std::vector<PlacedLabel>& labels,
                const std::vector<LabelTextStyle>& styles);

} // namespace planmap::layers::render
