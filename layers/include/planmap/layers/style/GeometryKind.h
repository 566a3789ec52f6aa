#pragma once

#include <QString>

namespace planmap::layers {

/// The dimension of a layer's geometries (multi-geometries count as their kind).
enum class GeometryKind { Point, Line, Polygon };

/// "point", "line", "polygon".
QString geometryKindName(GeometryKind kind);
/// Inverse of geometryKindName(); throws std::invalid_argument on an unknown name.
GeometryKind geometryKindFromName(const QString& name);

} // namespace planmap::layers
