#include "PrintDesignerModel.h"

#include <algorithm>
#include <cmath>

namespace planmap::gui {

PrintDesignerModel::PrintDesignerModel(QObject* parent) : QObject(parent) {}

void PrintDesignerModel::setLayout(print::Layout layout)
{
    layout_ = std::move(layout);
    followCanvas();
    if (!selected_.isEmpty() && !layout_.item(selected_)) {
        selected_.clear();
        emit selectionChanged(selected_);
    }
    emit layoutReplaced();
    emit changed();
}

const print::LayoutItem* PrintDesignerModel::selectedItem() const
{
    return selected_.isEmpty() ? nullptr : layout_.item(selected_);
}

void PrintDesignerModel::select(const QString& id)
{
    const QString next = layout_.item(id) ? id : QString();
    if (next == selected_) return;
    selected_ = next;
    emit selectionChanged(selected_);
}

QString PrintDesignerModel::itemAt(QPointF p) const
{
    for (auto it = layout_.items.rbegin(); it != layout_.items.rend(); ++it)
        if (it->rectMm.contains(p)) return it->id;
    return {};
}

LayoutHandle PrintDesignerModel::handleAt(const QString& id, QPointF p, double tol) const
{
    const print::LayoutItem* item = layout_.item(id);
    if (!item) return LayoutHandle::None;
    const QRectF r = item->rectMm;
    if (!r.adjusted(-tol, -tol, tol, tol).contains(p)) return LayoutHandle::None;
    const bool left = std::abs(p.x() - r.left()) <= tol, right = std::abs(p.x() - r.right()) <= tol;
    const bool top = std::abs(p.y() - r.top()) <= tol, bottom = std::abs(p.y() - r.bottom()) <= tol;
    if (top && left) return LayoutHandle::TopLeft;
    if (top && right) return LayoutHandle::TopRight;
    if (bottom && right) return LayoutHandle::BottomRight;
    if (bottom && left) return LayoutHandle::BottomLeft;
    if (top) return LayoutHandle::Top;
    if (bottom) return LayoutHandle::Bottom;
    if (left) return LayoutHandle::Left;
    if (right) return LayoutHandle::Right;
    return LayoutHandle::Move;
}

double PrintDesignerModel::snap(double v) const
{
    return snapMm_ > 0 ? std::round(v / snapMm_) * snapMm_ : v;
}

QRectF PrintDesignerModel::onPage(QRectF r) const
{
    const QSizeF page = layout_.page.sizeMm();
    r.setWidth(std::clamp(r.width(), kMinSizeMm, page.width()));
    r.setHeight(std::clamp(r.height(), kMinSizeMm, page.height()));
    r.moveLeft(std::clamp(r.left(), 0.0, page.width() - r.width()));
    r.moveTop(std::clamp(r.top(), 0.0, page.height() - r.height()));
    return r;
}

QRectF PrintDesignerModel::draggedRect(const QRectF& start, LayoutHandle h, QPointF d) const
{
    if (h == LayoutHandle::None) return start;
    if (h == LayoutHandle::Move) {
        QRectF r = start;
        r.moveTopLeft(QPointF(snap(start.left() + d.x()), snap(start.top() + d.y())));
        return onPage(r);
    }
    const QSizeF page = layout_.page.sizeMm();
    double l = start.left(), t = start.top(), r = start.right(), b = start.bottom();
    const bool moveLeft = h == LayoutHandle::TopLeft || h == LayoutHandle::Left || h == LayoutHandle::BottomLeft;
    const bool moveRight = h == LayoutHandle::TopRight || h == LayoutHandle::Right || h == LayoutHandle::BottomRight;
    const bool moveTop = h == LayoutHandle::TopLeft || h == LayoutHandle::Top || h == LayoutHandle::TopRight;
    const bool moveBottom = h == LayoutHandle::BottomLeft || h == LayoutHandle::Bottom || h == LayoutHandle::BottomRight;
    if (moveLeft) l = std::clamp(snap(l + d.x()), 0.0, r - kMinSizeMm);
    if (moveRight) r = std::clamp(snap(r + d.x()), l + kMinSizeMm, page.width());
    if (moveTop) t = std::clamp(snap(t + d.y()), 0.0, b - kMinSizeMm);
    if (moveBottom) b = std::clamp(snap(b + d.y()), t + kMinSizeMm, page.height());
    return onPage(QRectF(QPointF(l, t), QPointF(r, b)));
}

bool PrintDesignerModel::setItemRect(const QString& id, const QRectF& rectMm)
{
    print::LayoutItem* item = layout_.item(id);
    if (!item) return false;
    const QRectF r = onPage(rectMm.normalized());
    if (r == item->rectMm) return true;
    item->rectMm = r;
    emit changed();
    return true;
}

bool PrintDesignerModel::moveItem(const QString& id, QPointF deltaMm)
{
    const print::LayoutItem* item = layout_.item(id);
    return item && setItemRect(id, draggedRect(item->rectMm, LayoutHandle::Move, deltaMm));
}

bool PrintDesignerModel::resizeItem(const QString& id, LayoutHandle handle, QPointF deltaMm)
{
    const print::LayoutItem* item = layout_.item(id);
    return item && setItemRect(id, draggedRect(item->rectMm, handle, deltaMm));
}

QString PrintDesignerModel::addTextItem(const QString& text)
{
    QString id = QStringLiteral("text");
    for (int n = 2; layout_.item(id); ++n) id = QStringLiteral("text%1").arg(n);
    print::LayoutItem item;
    item.id = id;
    item.kind = print::ItemKind::Text;
    item.text.text = text;
    const QSizeF page = layout_.page.sizeMm();
    item.rectMm = onPage(QRectF(std::round(page.width() / 2 - 40), std::round(page.height() / 2 - 6), 80, 12));
    layout_.items.push_back(item);
    emit layoutReplaced();
    emit changed();
    select(id);
    return id;
}

bool PrintDesignerModel::removeItem(const QString& id)
{
    const auto it = std::find_if(layout_.items.begin(), layout_.items.end(),
                                 [&](const print::LayoutItem& i) { return i.id == id; });
    if (it == layout_.items.end()) return false;
    for (const print::LayoutItem& other : layout_.items)
        if (other.mapId == id && other.id != id) return false;
    layout_.items.erase(it);
    if (selected_ == id) {
        selected_.clear();
        emit selectionChanged(selected_);
    }
    emit layoutReplaced();
    emit changed();
    return true;
}

bool PrintDesignerModel::setText(const QString& id, const QString& text)
{
    print::LayoutItem* item = layout_.item(id);
    if (!item) return false;
    print::TextSettings t = item->text;
    t.text = text;
    return setTextSettings(id, t);
}

bool PrintDesignerModel::setTextSettings(const QString& id, const print::TextSettings& settings)
{
    print::LayoutItem* item = layout_.item(id);
    if (!item) return false;
    if (item->text == settings) return true;
    item->text = settings;
    emit changed();
    return true;
}

bool PrintDesignerModel::setMapSettings(const QString& id, const print::MapSettings& settings)
{
    print::LayoutItem* item = layout_.item(id);
    if (!item || item->kind != print::ItemKind::Map) return false;
    if (item->map == settings) return true;
    item->map = settings;
    followCanvas();
    emit changed();
    return true;
}

bool PrintDesignerModel::setFrame(const QString& id, bool frame)
{
    print::LayoutItem* item = layout_.item(id);
    if (!item) return false;
    if (item->frame == frame) return true;
    item->frame = frame;
    emit changed();
    return true;
}

void PrintDesignerModel::setCanvasExtent(const layers::render::Extent& extent)
{
    canvasExtent_ = extent;
    bool any = false;
    for (const print::LayoutItem& item : layout_.items)
        any = any || (item.kind == print::ItemKind::Map && item.map.extentMode == print::ExtentMode::Canvas);
    if (!any) return;
    followCanvas();
    emit changed();
}

void PrintDesignerModel::followCanvas()
{
    if (canvasExtent_.isEmpty()) return;
    for (print::LayoutItem& item : layout_.items)
        if (item.kind == print::ItemKind::Map && item.map.extentMode == print::ExtentMode::Canvas)
            item.map.extent = canvasExtent_;
}

} // namespace planmap::gui
