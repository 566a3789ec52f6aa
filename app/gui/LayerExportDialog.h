#pragma once
// Lớp → Xuất lớp…: writes a layer of the project to GeoPackage (with its
// style for QGIS), Shapefile, KML, GeoJSON, CSV or XLSX through
// io::exportLayer.

#include <QDialog>

class QComboBox;
class QLineEdit;
class QLabel;

namespace planmap::layers {
class ProjectStore;
}

namespace planmap::gui {

class LayerExportDialog : public QDialog {
    Q_OBJECT
public:
    /// `layer`: the layer to preselect (a layer key), may be empty.
    LayerExportDialog(layers::ProjectStore& store, const QString& layer, QWidget* parent = nullptr);

    /// Exports with the dialog's choices; false (and a message shown) on failure.
    bool exportNow();
    QString lastMessage() const { return message_; }

    void setLayer(const QString& key);
    void setFormat(const QString& extension);  ///< "gpkg", "shp", "kml", "geojson", "csv", "xlsx"
    void setFile(const QString& path);

private:
    void browse();
    void formatChanged();

    layers::ProjectStore& store_;
    QComboBox* layer_ = nullptr;
    QComboBox* format_ = nullptr;
    QLineEdit* file_ = nullptr;
    QLineEdit* crs_ = nullptr;
    QLabel* note_ = nullptr;
    QString message_;
};

} // namespace planmap::gui
