#pragma once
// A layer's planmap style as documents other GIS read: QGIS's QML (QGIS 3)
// and OGC SLD 1.1 (Symbology Encoding), and the `layer_styles` table of a
// GeoPackage, where QGIS finds the default style of a layer when it opens it.
//
// Covered: single symbol, categorized (the "other values" symbol as QGIS's
// catch-all category / SLD ElseFilter) and graduated styles; fill, stroke
// (colour, width in millimetres, dash pattern), markers (shape, size), layer
// opacity, the layer's scale range, and labels (field, font, size, weight,
// colour, halo, priority, scale limit). Sizes stay in millimetres in QML; SLD
// has pixels, converted at OGC's standard 0.28 mm per pixel.

#include "planmap/layers/style/GeometryKind.h"
#include "planmap/layers/style/LayerStyle.h"

#include <QHash>
#include <QString>

#include <filesystem>
#include <string>

namespace planmap::layers {
class ProjectStore;
}

namespace planmap::layers::io {

/// Field names of the map (ProjectLayer) that the exported file calls
/// otherwise, e.g. unit_type → type; fields not listed keep their name.
using FieldRenames = QHash<QString, QString>;

/// The QML document (QGIS 3 layer style file) of a style.
std::string qgisQml(const style::LayerStyle& style, GeometryKind kind, const FieldRenames& renames = {});

/// The SLD 1.1 document of a style for the layer `layerName`.
std::string styleSld(const style::LayerStyle& style, GeometryKind kind, const std::string& layerName,
                     const FieldRenames& renames = {});

/// One row of a GeoPackage's layer_styles table.
struct GeoPackageStyle {
    std::string table;               ///< f_table_name: the layer it styles
    std::string geometryColumn;      ///< f_geometry_column ("geom" for planmap's GeoPackages)
    std::string name;                ///< styleName
    std::string qml;                 ///< styleQML
    std::string sld;                 ///< styleSLD
    std::string description;
    bool useAsDefault = true;
};

/// Writes `style` into the layer_styles table of the GeoPackage `file`
/// (created if missing, as QGIS creates it; a previous default style of the
/// same layer stops being the default). Throws geo::IoError naming the file.
void writeGeoPackageStyle(const std::filesystem::path& file, const GeoPackageStyle& style);

/// The style a layer of the project is drawn with (saved in the project, or
/// its default) and the kind of its geometries. Throws std::runtime_error for
/// an unknown layer.
struct ProjectLayerStyle {
    style::LayerStyle style;
    GeometryKind kind = GeometryKind::Polygon;
    QString title;
};
ProjectLayerStyle projectLayerStyle(ProjectStore& store, const std::string& layer);

} // namespace planmap::layers::io
