#include "LayerExportDialog.h"

#include "Formats.h"

#include "planmap/layers/io/LayerExport.h"
#include "planmap/layers/io/UnitLayers.h"
#include "planmap/layers/store/ProjectStore.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace planmap::gui {

namespace {

struct Format {
    const char* extension;
    const char* name;
};

const std::vector<Format>& formats()
{
    static const std::vector<Format> list = {{"gpkg", "GeoPackage (.gpkg)"}, {"shp", "Shapefile (.shp)"},
                                             {"kml", "KML (.kml)"},          {"geojson", "GeoJSON (.geojson)"},
                                             {"csv", "CSV (.csv)"},          {"xlsx", "Excel (.xlsx)"}};
    return list;
}

} // namespace

LayerExportDialog::LayerExportDialog(layers::ProjectStore& store, const QString& layer, QWidget* parent)
    : QDialog(parent), store_(store)
{
    setWindowTitle(tr("Xuất lớp"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    layer_ = new QComboBox;
    for (const layers::io::UnitLayer& u : layers::io::unitLayers())
        if (store_.units().count(u.level, u.generation) > 0)
            layer_->addItem(QString::fromStdString(u.titleVi) + QStringLiteral(" (") + QString::fromStdString(u.name) + QLatin1Char(')'),
                            QString::fromStdString(u.name));
    for (const layers::LayerInfo& l : store_.features().layers())
        layer_->addItem(QString::fromStdString(l.titleVi) + QStringLiteral(" (") + QString::fromStdString(l.name) + QLatin1Char(')'),
                        QString::fromStdString(l.name));
    format_ = new QComboBox;
    for (const Format& f : formats()) format_->addItem(QString::fromUtf8(f.name), QString::fromLatin1(f.extension));
    file_ = new QLineEdit;
    auto* browse = new QPushButton(tr("Chọn…"));
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(file_, 1);
    fileRow->addWidget(browse);
    crs_ = new QLineEdit;
    crs_->setPlaceholderText(tr("EPSG:4326 (WGS 84); ví dụ EPSG:9215 cho VN-2000 Lạng Sơn"));
    form->addRow(tr("Lớp:"), layer_);
    form->addRow(tr("Định dạng:"), format_);
    form->addRow(tr("Tệp:"), fileRow);
    form->addRow(tr("Hệ tọa độ:"), crs_);
    layout->addLayout(form);
    note_ = new QLabel;
    note_->setWordWrap(true);
    layout->addWidget(note_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Xuất"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Hủy"));
    layout->addWidget(buttons);
    connect(browse, &QPushButton::clicked, this, &LayerExportDialog::browse);
    connect(format_, qOverload<int>(&QComboBox::currentIndexChanged), this, &LayerExportDialog::formatChanged);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (exportNow()) accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setLayer(layer);
    formatChanged();
    resize(560, sizeHint().height());
}

void LayerExportDialog::setLayer(const QString& key)
{
    const int i = layer_->findData(key);
    if (i >= 0) layer_->setCurrentIndex(i);
}

void LayerExportDialog::setFormat(const QString& extension)
{
    const int i = format_->findData(extension);
    if (i >= 0) format_->setCurrentIndex(i);
}

void LayerExportDialog::setFile(const QString& path) { file_->setText(path); }

void LayerExportDialog::formatChanged()
{
    const QString ext = format_->currentData().toString();
    static const QHash<QString, const char*> notes = {
        {QStringLiteral("gpkg"), QT_TR_NOOP("GeoPackage mang theo kiểu hiển thị của lớp (bảng layer_styles, QML và SLD): QGIS mở ra sẽ vẽ giống planmap.")},
        {QStringLiteral("shp"), QT_TR_NOOP("Shapefile kèm .prj và .cpg UTF-8; tên trường bị cắt còn 10 ký tự.")},
        {QStringLiteral("kml"), QT_TR_NOOP("KML luôn ở WGS 84 (kinh độ/vĩ độ).")},
        {QStringLiteral("geojson"), QT_TR_NOOP("GeoJSON, tọa độ theo hệ đã chọn.")},
        {QStringLiteral("csv"), QT_TR_NOOP("CSV UTF-8: hình ở cột WKT, hoặc cột X/Y cho lớp điểm.")},
        {QStringLiteral("xlsx"), QT_TR_NOOP("Bảng Excel: các thuộc tính, hình ở cột WKT hoặc X/Y cho lớp điểm.")}};
    note_->setText(tr(notes.value(ext, "")));
    crs_->setEnabled(ext != QLatin1String("kml"));
    QString path = file_->text();
    if (!path.isEmpty()) {
        QFileInfo info(path);
        file_->setText(info.path() + QLatin1Char('/') + info.completeBaseName() + QLatin1Char('.') + ext);
    }
}

void LayerExportDialog::browse()
{
    const QString ext = format_->currentData().toString();
    QString suggested = file_->text();
    if (suggested.isEmpty()) suggested = layer_->currentData().toString() + QLatin1Char('.') + ext;
    const QString file = QFileDialog::getSaveFileName(this, tr("Xuất lớp ra tệp"), suggested,
                                                      format_->currentText() + QStringLiteral(" (*.") + ext + QLatin1Char(')'));
    if (!file.isEmpty()) file_->setText(file);
}

bool LayerExportDialog::exportNow()
{
    const QString ext = format_->currentData().toString();
    QString path = file_->text().trimmed();
    if (path.isEmpty()) {
        message_ = tr("Chưa chọn tệp.");
        QMessageBox::warning(this, windowTitle(), message_);
        return false;
    }
    if (QFileInfo(path).suffix().toLower() != ext) path += QLatin1Char('.') + ext;
    layers::io::ExportOptions options;
    options.layer = layer_->currentData().toString().toStdString();
    if (crs_->isEnabled() && !crs_->text().trimmed().isEmpty()) options.crs = crs_->text().trimmed().toStdString();
    QApplication::setOverrideCursor(Qt::WaitCursor);
    try {
        const layers::io::ExportReport r = layers::io::exportLayer(store_, path.toStdString(), options);
        QApplication::restoreOverrideCursor();
        message_ = tr("Đã xuất %1 đối tượng ra %2 (%3).")
                       .arg(formatInteger(r.features), QString::fromStdString(r.file.string()), QString::fromStdString(r.crs));
        if (r.styleName) message_ += QLatin1Char(' ') + tr("Kèm kiểu hiển thị “%1” cho QGIS.").arg(QString::fromStdString(*r.styleName));
        return true;
    } catch (const std::exception& e) {
        QApplication::restoreOverrideCursor();
        message_ = QString::fromStdString(e.what());
        QMessageBox::warning(this, windowTitle(), message_);
        return false;
    }
}

} // namespace planmap::gui
