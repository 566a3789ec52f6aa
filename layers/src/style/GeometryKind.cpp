#include "planmap/layers/style/GeometryKind.h"

#include <stdexcept>

namespace planmap::layers {

QString geometryKindName(GeometryKind kind)
{
    switch (kind) {
    case GeometryKind::Point: return QStringLiteral("point");
    case GeometryKind::Line: return QStringLiteral("line");
    case GeometryKind::Polygon: return QStringLiteral("polygon");
    }
    return {};
}

GeometryKind geometryKindFromName(const QString& name)
{
    if (name == QLatin1String("point")) return GeometryKind::Point;
    if (name == QLatin1String("line")) return GeometryKind::Line;
    if (name == QLatin1String("polygon")) return GeometryKind::Polygon;
    throw std::invalid_argument("unknown geometry kind '" + name.toStdString() + "'");
}

} // namespace planmap::layers
