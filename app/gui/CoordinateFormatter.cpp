#include "CoordinateFormatter.h"

#include "Formats.h"

#include <QCoreApplication>

#include <cmath>
#include <limits>

namespace planmap::gui {

CoordinateFormatter::CoordinateFormatter(const geo::Crs& displayCrs)
    : toWgs84_(std::make_unique<geo::Transform>(displayCrs, geo::Crs::fromEpsg(4326))),
      toVn2000_(std::make_unique<geo::Transform>(displayCrs, geo::Crs::fromEpsg(9215)))
{
}

QPointF CoordinateFormatter::toLonLat(QPointF p) const
{
    try {
        const geo::XY ll = toWgs84_->forward(p.x(), p.y());
        if (std::isfinite(ll.x) && std::isfinite(ll.y)) return {ll.x, ll.y};
    } catch (const std::exception&) {
    }
    return {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN()};
}

QString CoordinateFormatter::wgs84(QPointF p) const
{
    const QPointF ll = toLonLat(p);
    if (!std::isfinite(ll.x()) || std::abs(ll.y()) > 90.0) return {};
    const QLocale l = numberLocale();
    const QString ns = ll.y() >= 0 ? QCoreApplication::translate("planmap::gui::CoordinateFormatter", "B")
                                   : QCoreApplication::translate("planmap::gui::CoordinateFormatter", "N");
    const QString ew = ll.x() >= 0 ? QCoreApplication::translate("planmap::gui::CoordinateFormatter", "Đ")
                                   : QCoreApplication::translate("planmap::gui::CoordinateFormatter", "T");
    return l.toString(std::abs(ll.y()), 'f', 5) + QStringLiteral("° ") + ns + QStringLiteral("  ") +
           l.toString(std::abs(ll.x()), 'f', 5) + QStringLiteral("° ") + ew;
}

QString CoordinateFormatter::vn2000(QPointF p) const
{
    try {
        const geo::XY en = toVn2000_->forward(p.x(), p.y());
        if (!std::isfinite(en.x) || !std::isfinite(en.y)) return {};
        return QStringLiteral("E ") + formatInteger(std::llround(en.x)) + QStringLiteral(" m  N ") +
               formatInteger(std::llround(en.y)) + QStringLiteral(" m");
    } catch (const std::exception&) {
        return {};
    }
}

} // namespace planmap::gui
