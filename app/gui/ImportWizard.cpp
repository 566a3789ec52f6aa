#include "ImportWizard.h"

#include "Formats.h"
#include "ImportNotes.h"

#include "planmap/geo/TextEncoding.h"
#include "planmap/geo/VectorReader.h"
#include "planmap/layers/store/ProjectStore.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPainter>
#include <QPainterPath>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace planmap::gui {

namespace imp = layers::importer;

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

/// Encodings the user can choose (names as the engine takes them).
const std::vector<std::pair<const char*, const char*>>& encodingNames()
{
    static const std::vector<std::pair<const char*, const char*>> names = {
        {"utf-8", "UTF-8 (Unicode)"}, {"tcvn3", "TCVN3 (ABC)"}, {"vni", "VNI"},
        {"viscii", "VISCII"},          {"cp1258", "Windows-1258"}, {"latin1", "Latin-1"}};
    return names;
}

QString stageText(imp::ImportProgress::Stage stage)
{
    switch (stage) {
    case imp::ImportProgress::Stage::Reading: return QObject::tr("Đang đọc tệp");
    case imp::ImportProgress::Stage::Checking: return QObject::tr("Đang kiểm tra");
    case imp::ImportProgress::Stage::Writing: return QObject::tr("Đang ghi vào dự án");
    }
    return {};
}

/// "TCVN3 (ABC) — tự nhận biết".
QString encodingText(const imp::EncodingDecision& e)
{
    const QString name = QString::fromUtf8(geo::encodingDisplayName(e.encoding).data(),
                                           static_cast<qsizetype>(geo::encodingDisplayName(e.encoding).size()));
    switch (e.basis) {
    case imp::EncodingBasis::UnicodeFormat: return name + QStringLiteral(" — ") + QObject::tr("định dạng lưu Unicode");
    case imp::EncodingBasis::Given: return name + QStringLiteral(" — ") + QObject::tr("do người dùng chọn");
    case imp::EncodingBasis::Cpg: return name + QStringLiteral(" — ") + QObject::tr("theo tệp .cpg");
    case imp::EncodingBasis::Detected:
        return name + QStringLiteral(" — ")
            + (e.confident ? QObject::tr("tự nhận biết") : QObject::tr("tự nhận biết, chưa chắc chắn"));
    }
    return name;
}

/// "VN-2000 / TM-3 107-15 (EPSG:9215) — tự nhận biết".
QString crsText(const imp::CrsResolution& c)
{
    if (!c.crs) return QObject::tr("không có tọa độ");
    const QString label = QString::fromStdString(c.crs->label());
    switch (c.basis) {
    case imp::CrsResolution::Basis::None: return label;
    case imp::CrsResolution::Basis::File: return label + QStringLiteral(" — ") + QObject::tr("theo tệp");
    case imp::CrsResolution::Basis::Given: return label + QStringLiteral(" — ") + QObject::tr("do người dùng chọn");
    case imp::CrsResolution::Basis::Detected: return label + QStringLiteral(" — ") + QObject::tr("tự nhận biết");
    }
    return label;
}

QString bulletList(const std::vector<imp::ImportMessage>& messages, std::size_t limit = 200)
{
    QString text;
    for (std::size_t i = 0; i < messages.size() && i < limit; ++i)
        text += QStringLiteral("  • ") + importMessageText(messages[i]) + QLatin1Char('\n');
    if (messages.size() > limit)
        text += QObject::tr("  … và %1 dòng nữa").arg(formatInteger(static_cast<qint64>(messages.size() - limit))) + QLatin1Char('\n');
    return text;
}

} // namespace

// --- preview map -----------------------------------------------------------------------------

ImportPreviewMap::ImportPreviewMap(QWidget* parent) : QWidget(parent)
{
    setMinimumSize(220, 180);
    setAutoFillBackground(true);
}

void ImportPreviewMap::setGeometries(std::vector<geo::Geometry> features, std::vector<geo::Geometry> context)
{
    features_ = std::move(features);
    context_ = std::move(context);
    update();
}

void ImportPreviewMap::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), QColor(250, 250, 246));
    p.setPen(QColor(180, 180, 180));
    p.drawRect(rect().adjusted(0, 0, -1, -1));
    geo::Envelope e;
    for (const auto& g : context_) e.expand(g.envelope());
    for (const auto& g : features_) e.expand(g.envelope());
    if (e.isEmpty()) {
        p.setPen(QColor(120, 120, 120));
        p.drawText(rect(), Qt::AlignCenter, tr("Không có hình để xem trước"));
        return;
    }
    // Equirectangular at the middle latitude: good enough for a province.
    const double k = std::cos((e.miny + e.maxy) / 2 * M_PI / 180.0);
    const double w = std::max((e.maxx - e.minx) * k, 1e-6), h = std::max(e.maxy - e.miny, 1e-6);
    const double scale = std::min((width() - 16) / w, (height() - 16) / h);
    const double ox = (width() - w * scale) / 2, oy = (height() - h * scale) / 2;
    const auto at = [&](double x, double y) { return QPointF(ox + (x - e.minx) * k * scale, oy + (e.maxy - y) * scale); };
    p.setRenderHint(QPainter::Antialiasing);
    const auto draw = [&](const geo::Geometry& g, const QPen& pen, const QBrush& brush) {
        QPainterPath path;
        path.setFillRule(Qt::OddEvenFill);
        std::vector<QPointF> points;
        g.forEachPart([&](geo::PartKind kind, const double* xy, std::size_t n) {
            if (kind == geo::PartKind::Point) {
                for (std::size_t i = 0; i < n; ++i) points.push_back(at(xy[2 * i], xy[2 * i + 1]));
                return;
            }
            for (std::size_t i = 0; i < n; ++i) {
                const QPointF pt = at(xy[2 * i], xy[2 * i + 1]);
                if (i == 0) path.moveTo(pt);
                else path.lineTo(pt);
            }
            if (kind != geo::PartKind::Line) path.closeSubpath();
        });
        p.setPen(pen);
        p.setBrush(brush);
        if (!path.isEmpty()) p.drawPath(path);
        for (const QPointF& pt : points) p.drawEllipse(pt, 3, 3);
    };
    for (const auto& g : context_) draw(g, QPen(QColor(150, 40, 40), 1.2), Qt::NoBrush);
    for (const auto& g : features_) draw(g, QPen(QColor(20, 70, 160), 1.0), QColor(60, 120, 220, 120));
}

// --- the wizard ---------------------------------------------------------------------------------

ImportWizard::ImportWizard(layers::ProjectStore& store, QWidget* parent)
    : QWizard(parent), controller_(store), worker_(new ImportWorker(this))
{
    connect(worker_, &ImportWorker::progressed, this, &ImportWizard::showProgress);
    connect(worker_, &ImportWorker::finished, this, &ImportWizard::importFinished);
    setWindowTitle(tr("Nhập dữ liệu"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage, false);
    setPage(FilePage, makeFilePage());
    setPage(PreviewPage, makePreviewPage());
    setPage(TargetPage, makeTargetPage());
    setPage(CommitPage, makeCommitPage());
    setButtonText(QWizard::NextButton, tr("Tiếp >"));
    setButtonText(QWizard::BackButton, tr("< Quay lại"));
    setButtonText(QWizard::FinishButton, tr("Đóng"));
    setButtonText(QWizard::CancelButton, tr("Hủy"));
    resize(980, 680);
}

ImportWizard::~ImportWizard() = default;

QWizardPage* ImportWizard::makeFilePage()
{
    auto* page = new QWizardPage;
    page->setTitle(tr("Chọn tệp"));
    page->setSubTitle(tr("Shapefile, GeoPackage, GeoJSON, KML/KMZ, hoặc bảng CSV/XLSX có cột tọa độ hay cột mã xã."));
    auto* layout = new QVBoxLayout(page);
    auto* row = new QHBoxLayout;
    fileEdit_ = new QLineEdit;
    fileEdit_->setObjectName(QStringLiteral("importFile"));
    auto* browse = new QPushButton(tr("Chọn…"));
    connect(browse, &QPushButton::clicked, this, &ImportWizard::browse);
    row->addWidget(fileEdit_, 1);
    row->addWidget(browse);
    layout->addLayout(row);
    auto* table = new QFormLayout;
    sourceLayer_ = new QComboBox;
    sourceLayer_->setObjectName(QStringLiteral("importSourceLayer"));
    table->addRow(tr("Lớp trong tệp:"), sourceLayer_);
    connect(fileEdit_, &QLineEdit::textChanged, this, [this](const QString& path) {
        sourceLayer_->clear();
        if (!QFileInfo(path).isFile()) return;
        try {
            geo::VectorReader reader(path.toStdString());
            for (const std::string& name : reader.layerNames())
                if (!(reader.driverName() == "GPKG" && name == "layer_styles"))  // QGIS's styles, not data
                    sourceLayer_->addItem(QString::fromStdString(name));
        } catch (const std::exception&) {
            // Not readable: the Next button says why.
        }
        sourceLayer_->setEnabled(sourceLayer_->count() > 1);
    });
    xColumn_ = new QLineEdit;
    yColumn_ = new QLineEdit;
    unitColumn_ = new QLineEdit;
    xColumn_->setPlaceholderText(tr("tự tìm (x, lon, kinh_do…)"));
    yColumn_->setPlaceholderText(tr("tự tìm (y, lat, vi_do…)"));
    unitColumn_->setPlaceholderText(tr("không có"));
    table->addRow(tr("Cột X / kinh độ (bảng):"), xColumn_);
    table->addRow(tr("Cột Y / vĩ độ (bảng):"), yColumn_);
    table->addRow(tr("Cột mã xã (đặt dòng tại xã):"), unitColumn_);
    layout->addLayout(table);
    auto* hint = new QLabel(tr("Bảng không có tọa độ có thể dùng cột mã xã: mỗi dòng được đặt tại một điểm trong xã "
                               "và được đánh dấu là vị trí gần đúng."));
    hint->setWordWrap(true);
    layout->addWidget(hint);
    layout->addStretch(1);
    return page;
}

QWizardPage* ImportWizard::makePreviewPage()
{
    auto* page = new QWizardPage;
    page->setTitle(tr("Xem trước"));
    page->setSubTitle(tr("Kiểm tra bảng mã chữ và hệ tọa độ: tên phải đọc được, các đối tượng phải nằm trong tỉnh."));
    auto* layout = new QVBoxLayout(page);
    auto* grid = new QGridLayout;
    encoding_ = new QComboBox;
    encoding_->setObjectName(QStringLiteral("importEncoding"));
    encoding_->addItem(tr("Tự nhận biết"), QString());
    for (const auto& [name, label] : encodingNames()) encoding_->addItem(QString::fromUtf8(label), QString::fromLatin1(name));
    encodingInfo_ = new QLabel;
    encodingInfo_->setObjectName(QStringLiteral("importEncodingInfo"));
    encodingInfo_->setWordWrap(true);
    crs_ = new QComboBox;
    crs_->setObjectName(QStringLiteral("importCrs"));
    crs_->setEditable(true);
    crs_->setInsertPolicy(QComboBox::NoInsert);
    crsInfo_ = new QLabel;
    crsInfo_->setObjectName(QStringLiteral("importCrsInfo"));
    crsInfo_->setWordWrap(true);
    grid->addWidget(new QLabel(tr("Bảng mã chữ:")), 0, 0);
    grid->addWidget(encoding_, 0, 1);
    grid->addWidget(encodingInfo_, 0, 2);
    grid->addWidget(new QLabel(tr("Hệ tọa độ:")), 1, 0);
    grid->addWidget(crs_, 1, 1);
    grid->addWidget(crsInfo_, 1, 2);
    grid->setColumnStretch(2, 1);
    layout->addLayout(grid);
    connect(encoding_, qOverload<int>(&QComboBox::activated), this, [this] {
        const QString name = encoding_->currentData().toString();
        controller_.setEncoding(name.isEmpty() ? std::nullopt : std::optional<std::string>(name.toStdString()));
        refreshPreview();
    });
    connect(crs_, qOverload<int>(&QComboBox::activated), this, [this](int index) {
        QString text = crs_->itemData(index).toString();
        if (text.isEmpty()) text = crs_->currentText().trimmed();
        controller_.setCrs(text.isEmpty() ? std::nullopt : std::optional<std::string>(text.toStdString()));
        refreshPreview();
    });
    previewInfo_ = new QLabel;
    previewInfo_->setWordWrap(true);
    layout->addWidget(previewInfo_);
    auto* split = new QSplitter;
    previewMap_ = new ImportPreviewMap;
    previewTable_ = new QTableWidget;
    previewTable_->setObjectName(QStringLiteral("importPreviewTable"));
    previewTable_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    previewTable_->verticalHeader()->setDefaultSectionSize(22);
    split->addWidget(previewMap_);
    split->addWidget(previewTable_);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);
    return page;
}

QWizardPage* ImportWizard::makeTargetPage()
{
    auto* page = new QWizardPage;
    page->setTitle(tr("Nhập vào đâu"));
    page->setSubTitle(tr("Một lớp có sẵn (ghép các cột của tệp với các trường của lớp) hoặc một lớp tham chiếu mới."));
    auto* layout = new QVBoxLayout(page);
    auto* form = new QGridLayout;
    newLayer_ = new QRadioButton(tr("Lớp tham chiếu mới"));
    existingLayer_ = new QRadioButton(tr("Lớp có sẵn"));
    newName_ = new QLineEdit;
    newTitle_ = new QLineEdit;
    layers_ = new QComboBox;
    savedMapping_ = new QComboBox;
    saveMappingAs_ = new QLineEdit;
    saveMappingAs_->setPlaceholderText(tr("không lưu"));
    form->addWidget(newLayer_, 0, 0);
    form->addWidget(new QLabel(tr("Tên (mã):")), 0, 1);
    form->addWidget(newName_, 0, 2);
    form->addWidget(new QLabel(tr("Tiêu đề:")), 0, 3);
    form->addWidget(newTitle_, 0, 4);
    form->addWidget(existingLayer_, 1, 0);
    form->addWidget(layers_, 1, 2);
    form->addWidget(new QLabel(tr("Cách ghép đã lưu:")), 1, 3);
    form->addWidget(savedMapping_, 1, 4);
    form->addWidget(new QLabel(tr("Lưu cách ghép với tên:")), 2, 3);
    form->addWidget(saveMappingAs_, 2, 4);
    form->setColumnStretch(4, 1);
    layout->addLayout(form);
    mapping_ = new QTableWidget(0, 3);
    mapping_->setObjectName(QStringLiteral("importMapping"));
    mapping_->setHorizontalHeaderLabels({tr("Trường của lớp"), tr("Kiểu"), tr("Cột của tệp")});
    mapping_->horizontalHeader()->setStretchLastSection(true);
    mapping_->verticalHeader()->hide();
    layout->addWidget(mapping_, 1);
    skipInvalid_ = new QCheckBox(tr("Bỏ qua các dòng có hình không dùng được (và liệt kê chúng)"));
    layout->addWidget(skipInvalid_);

    const auto retarget = [this] {
        if (newLayer_->isChecked()) {
            controller_.setNewLayer(newName_->text().trimmed().toStdString(), newTitle_->text().trimmed().toStdString());
        } else {
            const QString mapping = savedMapping_->currentData().toString();
            controller_.setExistingLayer(layers_->currentData().toString().toStdString(),
                                         mapping.isEmpty() ? std::nullopt : std::optional<std::string>(mapping.toStdString()));
        }
        controller_.refreshPreview();
        fillMappingTable();
    };
    connect(newLayer_, &QRadioButton::toggled, this, retarget);
    connect(layers_, qOverload<int>(&QComboBox::activated), this, [this, retarget] {
        existingLayer_->setChecked(true);
        retarget();
    });
    connect(savedMapping_, qOverload<int>(&QComboBox::activated), this, [this, retarget] {
        if (!savedMapping_->currentData().toString().isEmpty()) existingLayer_->setChecked(true);
        retarget();
    });
    connect(newName_, &QLineEdit::editingFinished, this, [this, retarget] {
        if (newLayer_->isChecked()) retarget();
    });
    return page;
}

QWizardPage* ImportWizard::makeCommitPage()
{
    auto* page = new QWizardPage;
    page->setTitle(tr("Kiểm tra và nhập"));
    page->setSubTitle(tr("Mọi dòng được kiểm tra trước; hình không hợp lệ được sửa bằng MakeValid và liệt kê ở đây. "
                         "Chưa có gì được ghi cho đến khi bấm Nhập."));
    auto* layout = new QVBoxLayout(page);
    report_ = new QPlainTextEdit;
    report_->setObjectName(QStringLiteral("importReport"));
    report_->setReadOnly(true);
    layout->addWidget(report_, 1);
    progress_ = new QProgressBar;
    progress_->setRange(0, 100);
    progress_->setValue(0);
    status_ = new QLabel;
    layout->addWidget(status_);
    layout->addWidget(progress_);
    auto* buttons = new QHBoxLayout;
    importButton_ = new QPushButton(tr("Nhập"));
    importButton_->setObjectName(QStringLiteral("importRun"));
    cancelButton_ = new QPushButton(tr("Dừng"));
    undoButton_ = new QPushButton(tr("Hoàn tác lần nhập gần nhất"));
    cancelButton_->setEnabled(false);
    buttons->addWidget(importButton_);
    buttons->addWidget(cancelButton_);
    buttons->addStretch(1);
    buttons->addWidget(undoButton_);
    layout->addLayout(buttons);
    connect(importButton_, &QPushButton::clicked, this, &ImportWizard::runImport);
    connect(cancelButton_, &QPushButton::clicked, worker_, &ImportWorker::cancel);
    connect(undoButton_, &QPushButton::clicked, this, &ImportWizard::undoLast);
    return page;
}

void ImportWizard::browse()
{
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Chọn tệp để nhập"), fileEdit_->text(),
        tr("Dữ liệu bản đồ (*.shp *.gpkg *.geojson *.json *.kml *.kmz *.csv *.xlsx *.ods);;Tất cả (*)"));
    if (!file.isEmpty()) fileEdit_->setText(file);
}

bool ImportWizard::openFile(const QString& path)
{
    fileEdit_->setText(path);
    if (currentId() != FilePage) return false;
    next();  // validates the page: reads and previews the file
    return currentId() == PreviewPage;
}

void ImportWizard::initializePage(int id)
{
    QWizard::initializePage(id);
    if (id == PreviewPage) showPreview();
    if (id == TargetPage) fillTargetPage();
    if (id == CommitPage) runCheck();
}

bool ImportWizard::validateCurrentPage()
{
    if (worker_->isRunning()) return false;
    switch (currentId()) {
    case FilePage: {
        const QString path = fileEdit_->text().trimmed();
        if (path.isEmpty() || !QFileInfo::exists(path)) {
            QMessageBox::warning(this, windowTitle(), tr("Không tìm thấy tệp “%1”.").arg(path));
            return false;
        }
        controller_.setFile(path.toStdString());
        auto& r = controller_.request();
        const auto opt = [](QLineEdit* e) {
            const QString t = e->text().trimmed();
            return t.isEmpty() ? std::nullopt : std::optional<std::string>(t.toStdString());
        };
        r.xColumn = opt(xColumn_);
        r.yColumn = opt(yColumn_);
        r.unitColumn = opt(unitColumn_);
        if (sourceLayer_->count() > 1) r.sourceLayer = sourceLayer_->currentText().toStdString();
        QApplication::setOverrideCursor(Qt::WaitCursor);
        const bool ok = controller_.refreshPreview();
        QApplication::restoreOverrideCursor();
        if (!ok) {
            QMessageBox::warning(this, windowTitle(), controller_.error());
            return false;
        }
        return true;
    }
    case PreviewPage:
        if (!controller_.preview()) {
            QMessageBox::warning(this, windowTitle(), controller_.error());
            return false;
        }
        return true;
    case TargetPage:
        if (newLayer_->isChecked())
            controller_.setNewLayer(newName_->text().trimmed().toStdString(), newTitle_->text().trimmed().toStdString());
        controller_.request().skipInvalid = skipInvalid_->isChecked();
        controller_.request().saveMappingAs = saveMappingAs_->text().trimmed().isEmpty()
            ? std::nullopt
            : std::optional<std::string>(saveMappingAs_->text().trimmed().toStdString());
        if (!controller_.refreshPreview()) {
            QMessageBox::warning(this, windowTitle(), controller_.error());
            return false;
        }
        return true;
    default: return true;
    }
}

void ImportWizard::refreshPreview()
{
    QApplication::setOverrideCursor(Qt::WaitCursor);
    controller_.refreshPreview();
    QApplication::restoreOverrideCursor();
    showPreview();
}

void ImportWizard::showPreview()
{
    const auto& preview = controller_.preview();
    // Encoding.
    const QString asked = controller_.request().encoding ? q(*controller_.request().encoding) : QString();
    encoding_->setCurrentIndex(std::max(0, encoding_->findData(asked)));
    // CRS choices, best first.
    crs_->clear();
    for (const CrsChoice& c : controller_.crsChoices()) {
        const QString share = c.share > 0 && c.share < 1.0001 ? QStringLiteral(" — %1").arg(formatPercent(c.share * 100)) : QString();
        crs_->addItem(q(c.label) + share, q(c.crs));
        crs_->setItemData(crs_->count() - 1, crsChoiceText(c), Qt::ToolTipRole);
    }
    if (controller_.chosenCrs() >= 0) crs_->setCurrentIndex(controller_.chosenCrs());
    if (!preview) {
        previewInfo_->setText(controller_.error());
        previewTable_->clear();
        previewTable_->setRowCount(0);
        return;
    }
    const imp::EncodingDecision& enc = preview->encoding;
    QString encText = encodingText(enc);
    if (const QString evidence = encodingEvidenceText(enc); !evidence.isEmpty()) encText += QLatin1Char('\n') + evidence;
    encodingInfo_->setText(encText);
    encoding_->setEnabled(enc.basis != imp::EncodingBasis::UnicodeFormat);
    QString crsInfo = crsText(preview->crs);
    if (controller_.crsNeedsConfirmation())
        crsInfo += QStringLiteral("\n") + tr("Nhiều hệ tọa độ khớp; hệ phù hợp với Lạng Sơn đã được chọn sẵn — hãy xác nhận.");
    if (const QString why = crsExplanationText(preview->crs, controller_.crsChoices()); !why.isEmpty())
        crsInfo += QLatin1Char('\n') + why;
    crsInfo_->setText(crsInfo);
    crs_->setEnabled(preview->crs.crs.has_value());

    previewInfo_->setText(tr("%1 dòng, định dạng %2, lớp nguồn “%3”. Xem trước %4 dòng đầu (tọa độ đã đổi sang WGS 84).")
                              .arg(formatInteger(preview->rowCount), q(preview->driver), q(preview->sourceLayer))
                              .arg(formatInteger(static_cast<qint64>(preview->rows.size()))));
    // Table: the columns of the target (or the file's columns for unit layers).
    QStringList headers;
    const bool byTarget = !preview->targets.empty();
    if (byTarget)
        for (const auto& t : preview->targets) headers << fieldTitleText(t.info);
    else
        for (const auto& c : preview->columns) headers << q(c);
    headers << tr("Vấn đề");
    previewTable_->clear();
    previewTable_->setColumnCount(headers.size());
    previewTable_->setHorizontalHeaderLabels(headers);
    if (byTarget)  // the field's name (what exports and expressions use) on hover
        for (std::size_t t = 0; t < preview->targets.size(); ++t)
            previewTable_->horizontalHeaderItem(static_cast<int>(t))->setToolTip(q(preview->targets[t].info.name));
    previewTable_->setRowCount(static_cast<int>(preview->rows.size()));
    std::vector<geo::Geometry> geometries;
    for (std::size_t r = 0; r < preview->rows.size(); ++r) {
        const auto& row = preview->rows[r];
        previewTable_->setVerticalHeaderItem(static_cast<int>(r), new QTableWidgetItem(sourcePlaceText(row.place)));
        for (std::size_t c = 0; c < row.values.size() && static_cast<int>(c) < headers.size() - 1; ++c)
            previewTable_->setItem(static_cast<int>(r), static_cast<int>(c), new QTableWidgetItem(q(row.values[c])));
        QString problems;
        for (const auto& m : row.messages)
            problems += (problems.isEmpty() ? QString() : QStringLiteral("; ")) + importMessageText(m, false);
        auto* problemItem = new QTableWidgetItem(problems);
        if (!problems.isEmpty()) problemItem->setForeground(QColor(180, 30, 30));
        previewTable_->setItem(static_cast<int>(r), headers.size() - 1, problemItem);
        if (row.geometryWkt) {
            try {
                geometries.push_back(geo::Geometry::fromWkt(*row.geometryWkt));
            } catch (const std::exception&) {
            }
        }
    }
    previewTable_->resizeColumnsToContents();
    std::vector<geo::Geometry> context;
    for (const layers::AdminUnit& u : controller_.store().units().list(layers::UnitLevel::Province, std::nullopt, std::nullopt, true))
        if (!u.geometry.empty()) context.push_back(geo::Geometry::fromWkb(u.geometry));
    previewMap_->setGeometries(std::move(geometries), std::move(context));
}

void ImportWizard::fillTargetPage()
{
    const QSignalBlocker b1(layers_), b2(savedMapping_), b3(newLayer_), b4(existingLayer_);
    layers_->clear();
    for (const auto& [name, title] : controller_.featureLayers()) layers_->addItem(q(title) + QStringLiteral(" (") + q(name) + QLatin1Char(')'), q(name));
    savedMapping_->clear();
    savedMapping_->addItem(tr("(không dùng)"), QString());
    for (const auto& m : controller_.savedMappings()) savedMapping_->addItem(q(m.name), q(m.name));
    const bool isNew = controller_.targetIsNew();
    newLayer_->setChecked(isNew);
    existingLayer_->setChecked(!isNew);
    existingLayer_->setEnabled(layers_->count() > 0);
    if (isNew) {
        newName_->setText(q(controller_.request().layer));
        newTitle_->setText(q(controller_.request().title.value_or(controller_.request().layer)));
    } else {
        layers_->setCurrentIndex(std::max(0, layers_->findData(q(controller_.request().layer))));
    }
    fillMappingTable();
}

void ImportWizard::fillMappingTable()
{
    const auto& preview = controller_.preview();
    mapping_->setRowCount(0);
    if (!preview) return;
    const bool isNew = preview->newLayer;
    mapping_->setRowCount(static_cast<int>(preview->targets.size()));
    for (std::size_t t = 0; t < preview->targets.size(); ++t) {
        const auto& target = preview->targets[t];
        const int row = static_cast<int>(t);
        mapping_->setItem(row, 0, new QTableWidgetItem(fieldTitleText(target.info) + QStringLiteral(" (") + q(target.info.name) + QLatin1Char(')')));
        mapping_->setItem(row, 1, new QTableWidgetItem(fieldTypeText(target.info.type)));
        const std::string column = t < preview->mappedColumns.size() ? preview->mappedColumns[t] : std::string();
        if (isNew && !target.common) {  // a new layer's own fields are the file's columns
            mapping_->setItem(row, 2, new QTableWidgetItem(q(column)));
            continue;
        }
        auto* combo = new QComboBox;
        combo->addItem(tr("(không)"), QString());
        for (const auto& c : preview->columns) combo->addItem(q(c), q(c));
        combo->setCurrentIndex(std::max(0, combo->findData(q(column))));
        const std::string name = target.info.name;
        connect(combo, qOverload<int>(&QComboBox::activated), this, [this, combo, name] {
            controller_.setField(name, combo->currentData().toString().toStdString());
        });
        mapping_->setCellWidget(row, 2, combo);
    }
    mapping_->resizeColumnsToContents();
}

void ImportWizard::runCheck()
{
    imported_ = false;
    importButton_->setEnabled(true);
    progress_->setValue(0);
    status_->clear();
    QApplication::setOverrideCursor(Qt::WaitCursor);
    QString text;
    try {
        const ImportWizardController::Check check = controller_.checkAll();
        const auto& r = controller_.request();
        text += tr("Tệp: %1\n").arg(q(r.file.string()));
        text += controller_.targetIsNew() ? tr("Nhập vào lớp tham chiếu mới: %1\n").arg(q(r.layer))
                                          : tr("Nhập vào lớp: %1\n").arg(q(r.layer));
        text += tr("Số dòng: %1; dòng có vấn đề: %2\n").arg(formatInteger(check.rows), formatInteger(check.rowsWithProblems));
        text += tr("Bảng mã chữ: %1\n").arg(encodingText(check.encoding));
        if (const QString evidence = encodingEvidenceText(check.encoding); !evidence.isEmpty())
            text += QStringLiteral("  ") + evidence.split(QLatin1Char('\n')).join(QStringLiteral("\n  ")) + QLatin1Char('\n');
        if (check.crs.crs) {
            text += tr("Hệ tọa độ: %1\n").arg(crsText(check.crs));
            if (const QString why = crsExplanationText(check.crs, controller_.crsChoices()); !why.isEmpty())
                text += QStringLiteral("  ") + why.split(QLatin1Char('\n')).join(QStringLiteral("\n  ")) + QLatin1Char('\n');
        }
        text += tr("\nSửa hình (MakeValid): %1\n").arg(formatInteger(static_cast<qint64>(check.repairs.size())));
        text += bulletList(check.repairs);
        if (!check.problems.empty()) text += tr("\nVấn đề:\n") + bulletList(check.problems);
        if (!check.warnings.empty()) text += tr("\nCảnh báo:\n") + bulletList(check.warnings);
        if (!check.notes.empty()) text += tr("\nGhi chú:\n") + bulletList(check.notes);
        if (!check.problems.empty() && !r.skipInvalid) {
            text += tr("\nCó dòng không nhập được: sửa tệp hoặc các lựa chọn rồi thử lại.");
            importButton_->setEnabled(false);
        }
    } catch (const std::exception& e) {
        text += q(e.what());
        importButton_->setEnabled(false);
    }
    QApplication::restoreOverrideCursor();
    report_->setPlainText(text);
    if (auto last = controller_.lastUndoable())
        undoButton_->setToolTip(tr("Lần nhập %1: %2").arg(last->batch.id).arg(q(last->batch.filePath)));
    undoButton_->setEnabled(controller_.lastUndoable().has_value());
}

void ImportWizard::runImport()
{
    if (worker_->isRunning() || imported_) return;
    importButton_->setEnabled(false);
    cancelButton_->setEnabled(true);
    button(QWizard::BackButton)->setEnabled(false);
    progress_->setValue(0);
    const layers::ProjectStore& store = controller_.store();
    if (!worker_->start(store.path(), controller_.request(), store.connection().isReadOnly())) return;
}

void ImportWizard::showProgress(const imp::ImportProgress& p)
{
    status_->setText(stageText(p.stage) + (p.total > 0 ? QStringLiteral(" (%1 / %2)").arg(formatInteger(p.done), formatInteger(p.total))
                                                       : QString()));
    const int base = p.stage == imp::ImportProgress::Stage::Reading ? 0 : p.stage == imp::ImportProgress::Stage::Checking ? 30 : 70;
    const int span = p.stage == imp::ImportProgress::Stage::Reading ? 30 : p.stage == imp::ImportProgress::Stage::Checking ? 40 : 30;
    progress_->setValue(base + (p.total > 0 ? static_cast<int>(span * p.done / p.total) : 0));
}

void ImportWizard::importFinished()
{
    QString text = report_->toPlainText() + QStringLiteral("\n————\n");
    if (const auto& result = worker_->result()) {
        imported_ = true;
        changed_ = true;
        progress_->setValue(100);
        status_->setText(tr("Đã nhập."));
        text += tr("Đã nhập %1 dòng mới, cập nhật %2 dòng vào lớp %3 (lần nhập %4).\n")
                    .arg(formatInteger(result->report.inserted), formatInteger(result->report.updated), q(result->report.target))
                    .arg(result->report.importBatchId);
        text += tr("Bảng mã chữ: %1\nHệ tọa độ: %2\n").arg(encodingText(result->encoding), crsText(result->crs));
        if (!result->rejected.empty()) {
            std::vector<imp::ImportMessage> lines;
            for (const auto& r : result->rejected) lines.push_back(r.message);
            text += tr("Dòng bị bỏ qua:\n") + bulletList(lines);
        }
    } else if (worker_->cancelled()) {
        progress_->setValue(0);
        status_->setText(tr("Đã dừng; không có gì được ghi."));
        text += tr("Đã dừng việc nhập; dự án không thay đổi.\n");
        importButton_->setEnabled(true);
    } else {
        status_->setText(tr("Không nhập được."));
        text += worker_->error() + QLatin1Char('\n');
        importButton_->setEnabled(true);
    }
    report_->setPlainText(text);
    cancelButton_->setEnabled(false);
    button(QWizard::BackButton)->setEnabled(!imported_);
    undoButton_->setEnabled(controller_.lastUndoable().has_value());
    if (worker_->result()) emit projectWritten();
}

void ImportWizard::reject()
{
    if (worker_->isRunning()) {
        worker_->cancel();
        worker_->wait();  // it may have committed just before: importFinished() tells the window
    }
    QWizard::reject();
}

void ImportWizard::undoLast()
{
    const auto last = controller_.lastUndoable();
    if (!last) return;
    const QString what = tr("Hoàn tác lần nhập %1 (%2, vào %3)?")
                             .arg(last->batch.id)
                             .arg(q(last->batch.filePath), q(last->batch.target.value_or("")));
    if (QMessageBox::question(this, windowTitle(), what) != QMessageBox::Yes) return;
    try {
        const imp::UndoResult u = controller_.undo(last->batch.id);
        QString text = tr("Đã hoàn tác lần nhập %1: bỏ %2 dòng, khôi phục %3 dòng.")
                           .arg(u.batchId)
                           .arg(formatInteger(u.removed), formatInteger(u.restored));
        if (u.droppedLayer) text += QLatin1Char(' ') + tr("Đã xóa lớp %1.").arg(q(*u.droppedLayer));
        report_->appendPlainText(text);
        changed_ = true;
        imported_ = false;
        importButton_->setEnabled(true);
        emit projectWritten();
    } catch (const std::exception& e) {
        QMessageBox::warning(this, windowTitle(), q(e.what()));
    }
    undoButton_->setEnabled(controller_.lastUndoable().has_value());
}

} // namespace planmap::gui
