#include "PrintDesigner.h"

#include "PrintDesignerView.h"

#include "planmap/layers/print/LayoutStore.h"
#include "planmap/layers/print/Templates.h"
#include "planmap/layers/store/ProjectStore.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QEventLoop>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressDialog>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QThread>
#include <QToolBar>
#include <QVBoxLayout>

#include <atomic>
#include <cmath>

namespace planmap::gui {

namespace {

QString unitLabel(const print::PrintUnit& u)
{
    return u.fullName.isEmpty() ? u.name : u.fullName;
}

std::filesystem::path toPath(const QString& file)
{
    return std::filesystem::path(file.toStdString());
}

} // namespace

QString itemKindTitle(print::ItemKind kind)
{
    switch (kind) {
    case print::ItemKind::Map: return PrintDesigner::tr("Khung bản đồ");
    case print::ItemKind::Text: return PrintDesigner::tr("Chữ");
    case print::ItemKind::Legend: return PrintDesigner::tr("Chú giải");
    case print::ItemKind::ScaleBar: return PrintDesigner::tr("Thước tỷ lệ");
    case print::ItemKind::NorthArrow: return PrintDesigner::tr("Mũi tên chỉ hướng bắc");
    case print::ItemKind::Inset: return PrintDesigner::tr("Bản đồ vị trí");
    case print::ItemKind::IndicatorTable: return PrintDesigner::tr("Bảng chỉ tiêu");
    case print::ItemKind::Notice: return PrintDesigner::tr("Ghi chú dữ liệu minh họa");
    }
    return {};
}

PrintDesigner::PrintDesigner(std::shared_ptr<const print::PrintContext> context, layers::ProjectStore* store,
                             QWidget* parent)
    : QMainWindow(parent), context_(std::move(context)), store_(store), model_(new PrintDesignerModel(this))
{
    setWindowTitle(tr("Thiết kế trang in"));
    view_ = new PrintDesignerView(model_, this);
    buildUi();
    view_->setContext(context_.get());
    fillTemplates();
    fillUnits();
    refreshSavedLayouts();
    connect(model_, &PrintDesignerModel::layoutReplaced, this, &PrintDesigner::refreshItemList);
    connect(model_, &PrintDesignerModel::changed, this, &PrintDesigner::showProperties);
    connect(model_, &PrintDesignerModel::selectionChanged, this, [this](const QString& id) {
        for (int i = 0; i < itemList_->count(); ++i)
            if (itemList_->item(i)->data(Qt::UserRole).toString() == id) {
                if (itemList_->currentRow() != i) itemList_->setCurrentRow(i);
                break;
            }
        if (id.isEmpty()) itemList_->clearSelection();
        showProperties();
    });
    applyTemplate(QStringLiteral("briefing-a4"), print::Orientation::Landscape);
    resize(1280, 820);
}

PrintDesigner::~PrintDesigner()
{
    cancelExport();
}

void PrintDesigner::setContext(std::shared_ptr<const print::PrintContext> context, layers::ProjectStore* store)
{
    const QString unitCode = previewUnit_ ? previewUnit_->code : QString();
    context_ = std::move(context);
    store_ = store;
    refreshSavedLayouts();
    previewUnit_ = nullptr;
    fillUnits();
    if (!unitCode.isEmpty()) setPreviewUnit(context_->findUnit(unitCode));
    view_->setContext(context_.get());
}

// ------------------------------------------------------------------- UI
void PrintDesigner::buildUi()
{
    QToolBar* bar = addToolBar(tr("Trang in"));
    bar->setObjectName(QStringLiteral("printToolbar"));
    bar->setMovable(false);
    bar->addWidget(new QLabel(tr("Mẫu:"), bar));
    templateBox_ = new QComboBox(bar);
    templateBox_->setObjectName(QStringLiteral("templateBox"));
    bar->addWidget(templateBox_);
    orientationBox_ = new QComboBox(bar);
    orientationBox_->setObjectName(QStringLiteral("orientationBox"));
    orientationBox_->addItem(tr("Khổ ngang"), int(print::Orientation::Landscape));
    orientationBox_->addItem(tr("Khổ dọc"), int(print::Orientation::Portrait));
    bar->addWidget(orientationBox_);
    QAction* apply = bar->addAction(tr("Dùng mẫu"));
    apply->setToolTip(tr("Thay trang đang thiết kế bằng mẫu đã chọn"));
    connect(apply, &QAction::triggered, this, [this] {
        applyTemplate(templateBox_->currentData().toString(),
                      print::Orientation(orientationBox_->currentData().toInt()));
    });
    bar->addSeparator();
    bar->addWidget(new QLabel(tr("Trang của:"), bar));
    unitBox_ = new QComboBox(bar);
    unitBox_->setObjectName(QStringLiteral("unitBox"));
    unitBox_->setMinimumContentsLength(18);
    bar->addWidget(unitBox_);
    connect(unitBox_, &QComboBox::activated, this, [this](int index) {
        const QString code = unitBox_->itemData(index).toString();
        setPreviewUnit(code.isEmpty() ? nullptr : context_->findUnit(code));
    });
    bar->addSeparator();
    savedBox_ = new QComboBox(bar);
    savedBox_->setObjectName(QStringLiteral("savedBox"));
    savedBox_->setMinimumContentsLength(14);
    savedBox_->setToolTip(tr("Các trang in đã lưu trong dự án"));
    bar->addWidget(savedBox_);
    QAction* open = bar->addAction(tr("Mở"));
    connect(open, &QAction::triggered, this, [this] {
        if (savedBox_->currentIndex() >= 0 && !openLayout(savedBox_->currentText()))
            showError(tr("Không mở được trang in"));
    });
    QAction* save = bar->addAction(tr("Lưu vào dự án…"));
    connect(save, &QAction::triggered, this, &PrintDesigner::saveLayoutDialog);
    bar->addSeparator();
    QAction* addText = bar->addAction(tr("Thêm chữ"));
    addText->setToolTip(tr("Thêm một ô chữ tự do vào giữa trang"));
    connect(addText, &QAction::triggered, this, [this] { model_->addTextItem(tr("Ghi chú")); });
    QAction* remove = bar->addAction(tr("Xóa mục"));
    remove->setToolTip(tr("Xóa mục đang chọn khỏi trang"));
    connect(remove, &QAction::triggered, this, [this] {
        const QString id = model_->selectedId();
        if (!id.isEmpty() && !model_->removeItem(id))
            QMessageBox::information(this, tr("Xóa mục"),
                                     tr("Không xóa được khung bản đồ khi còn chú giải, thước tỷ lệ hay bản đồ vị trí "
                                        "thuộc về nó."));
    });
    bar->addSeparator();
    QAction* exportAction = bar->addAction(tr("Xuất trang…"));
    connect(exportAction, &QAction::triggered, this, &PrintDesigner::exportDialog);
    QAction* atlas = bar->addAction(tr("Xuất tập bản đồ…"));
    connect(atlas, &QAction::triggered, this, &PrintDesigner::atlasDialog);

    // Items | page | properties.
    auto* splitter = new QSplitter(this);
    itemList_ = new QListWidget(splitter);
    itemList_->setObjectName(QStringLiteral("itemList"));
    itemList_->setMinimumWidth(170);
    connect(itemList_, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0) model_->select(itemList_->item(row)->data(Qt::UserRole).toString());
    });
    splitter->addWidget(itemList_);
    splitter->addWidget(view_);

    auto* paneWidget = new QWidget;
    auto* pane = new QVBoxLayout(paneWidget);
    geometryGroup_ = new QGroupBox(tr("Vị trí và kích thước (mm)"), paneWidget);
    auto* gf = new QFormLayout(geometryGroup_);
    auto mmBox = [this](const char* name) {
        auto* b = new QDoubleSpinBox(geometryGroup_);
        b->setObjectName(QString::fromLatin1(name));
        b->setRange(0, 420);
        b->setDecimals(1);
        b->setSingleStep(1);
        b->setLocale(QLocale(QLocale::Vietnamese, QLocale::Vietnam));
        connect(b, &QDoubleSpinBox::valueChanged, this, &PrintDesigner::applyGeometryFromPane);
        return b;
    };
    xBox_ = mmBox("xBox");
    yBox_ = mmBox("yBox");
    wBox_ = mmBox("widthBox");
    hBox_ = mmBox("heightBox");
    gf->addRow(tr("Trái"), xBox_);
    gf->addRow(tr("Trên"), yBox_);
    gf->addRow(tr("Rộng"), wBox_);
    gf->addRow(tr("Cao"), hBox_);
    frameBox_ = new QCheckBox(tr("Viền quanh"), geometryGroup_);
    connect(frameBox_, &QCheckBox::toggled, this, [this](bool on) {
        if (!updatingPane_) model_->setFrame(model_->selectedId(), on);
    });
    gf->addRow(frameBox_);
    pane->addWidget(geometryGroup_);

    textGroup_ = new QGroupBox(tr("Chữ"), paneWidget);
    auto* tf = new QFormLayout(textGroup_);
    textEdit_ = new QPlainTextEdit(textGroup_);
    textEdit_->setObjectName(QStringLiteral("textEdit"));
    textEdit_->setMaximumHeight(110);
    textEdit_->setToolTip(tr("Có thể dùng {plan}, {program}, {province}, {unit}, {date}, {page}, {pages}, {scale}, "
                             "{crs}, {sources}"));
    connect(textEdit_, &QPlainTextEdit::textChanged, this, &PrintDesigner::applyTextFromPane);
    tf->addRow(textEdit_);
    fontSizeBox_ = new QDoubleSpinBox(textGroup_);
    fontSizeBox_->setObjectName(QStringLiteral("fontSizeBox"));
    fontSizeBox_->setRange(4, 72);
    fontSizeBox_->setDecimals(1);
    fontSizeBox_->setSuffix(QStringLiteral(" pt"));
    connect(fontSizeBox_, &QDoubleSpinBox::valueChanged, this, &PrintDesigner::applyTextFromPane);
    tf->addRow(tr("Cỡ chữ"), fontSizeBox_);
    boldBox_ = new QCheckBox(tr("Đậm"), textGroup_);
    connect(boldBox_, &QCheckBox::toggled, this, &PrintDesigner::applyTextFromPane);
    tf->addRow(boldBox_);
    alignBox_ = new QComboBox(textGroup_);
    alignBox_->addItem(tr("Trái"), QStringLiteral("left"));
    alignBox_->addItem(tr("Giữa"), QStringLiteral("center"));
    alignBox_->addItem(tr("Phải"), QStringLiteral("right"));
    connect(alignBox_, &QComboBox::currentIndexChanged, this, &PrintDesigner::applyTextFromPane);
    tf->addRow(tr("Căn lề"), alignBox_);
    pane->addWidget(textGroup_);

    mapGroup_ = new QGroupBox(tr("Khung bản đồ"), paneWidget);
    auto* mf = new QFormLayout(mapGroup_);
    extentModeBox_ = new QComboBox(mapGroup_);
    extentModeBox_->setObjectName(QStringLiteral("extentModeBox"));
    extentModeBox_->addItem(tr("Theo đơn vị của trang"), int(print::ExtentMode::Page));
    extentModeBox_->addItem(tr("Khóa phạm vi"), int(print::ExtentMode::Fixed));
    extentModeBox_->addItem(tr("Theo bản đồ chính"), int(print::ExtentMode::Canvas));
    connect(extentModeBox_, &QComboBox::currentIndexChanged, this, &PrintDesigner::applyMapFromPane);
    mf->addRow(tr("Phạm vi"), extentModeBox_);
    takeCanvasButton_ = new QPushButton(tr("Khóa theo bản đồ chính hiện tại"), mapGroup_);
    connect(takeCanvasButton_, &QPushButton::clicked, this, [this] {
        const print::LayoutItem* item = model_->selectedItem();
        if (!item || item->kind != print::ItemKind::Map || model_->canvasExtent().isEmpty()) return;
        print::MapSettings m = item->map;
        m.extentMode = print::ExtentMode::Fixed;
        m.extent = model_->canvasExtent();
        model_->setMapSettings(item->id, m);
    });
    mf->addRow(takeCanvasButton_);
    scaleBox_ = new QDoubleSpinBox(mapGroup_);
    scaleBox_->setObjectName(QStringLiteral("scaleBox"));
    scaleBox_->setRange(0, 50'000'000);
    scaleBox_->setDecimals(0);
    scaleBox_->setSingleStep(5000);
    scaleBox_->setPrefix(QStringLiteral("1:"));
    scaleBox_->setSpecialValueText(tr("vừa khung"));
    scaleBox_->setGroupSeparatorShown(true);
    scaleBox_->setLocale(QLocale(QLocale::Vietnamese, QLocale::Vietnam));
    connect(scaleBox_, &QDoubleSpinBox::valueChanged, this, &PrintDesigner::applyMapFromPane);
    mf->addRow(tr("Tỷ lệ"), scaleBox_);
    gridBox_ = new QComboBox(mapGroup_);
    gridBox_->setObjectName(QStringLiteral("gridBox"));
    gridBox_->addItem(tr("Không"), int(print::GridKind::None));
    gridBox_->addItem(tr("Lưới tọa độ (mét, VN-2000)"), int(print::GridKind::Projected));
    gridBox_->addItem(tr("Lưới kinh vĩ độ"), int(print::GridKind::Graticule));
    connect(gridBox_, &QComboBox::currentIndexChanged, this, &PrintDesigner::applyMapFromPane);
    mf->addRow(tr("Lưới"), gridBox_);
    gridIntervalBox_ = new QDoubleSpinBox(mapGroup_);
    gridIntervalBox_->setRange(0, 1'000'000);
    gridIntervalBox_->setDecimals(0);
    gridIntervalBox_->setSpecialValueText(tr("tự động"));
    gridIntervalBox_->setToolTip(tr("Mét (lưới tọa độ) hoặc phút (lưới kinh vĩ độ)"));
    connect(gridIntervalBox_, &QDoubleSpinBox::valueChanged, this, &PrintDesigner::applyMapFromPane);
    mf->addRow(tr("Khoảng lưới"), gridIntervalBox_);
    labelsBox_ = new QCheckBox(tr("Nhãn"), mapGroup_);
    connect(labelsBox_, &QCheckBox::toggled, this, &PrintDesigner::applyMapFromPane);
    mf->addRow(labelsBox_);
    highlightBox_ = new QCheckBox(tr("Làm nổi đơn vị của trang"), mapGroup_);
    connect(highlightBox_, &QCheckBox::toggled, this, &PrintDesigner::applyMapFromPane);
    mf->addRow(highlightBox_);
    mapInfo_ = new QLabel(mapGroup_);
    mapInfo_->setWordWrap(true);
    mf->addRow(mapInfo_);
    pane->addWidget(mapGroup_);
    pane->addStretch(1);

    auto* scroll = new QScrollArea(splitter);
    scroll->setWidget(paneWidget);
    scroll->setWidgetResizable(true);
    scroll->setMinimumWidth(280);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setStretchFactor(2, 0);
    splitter->setSizes({190, 800, 300});
    setCentralWidget(splitter);
}

void PrintDesigner::fillTemplates()
{
    templateBox_->clear();
    for (const print::TemplateInfo& t : print::templates()) templateBox_->addItem(t.titleVi, t.name);
}

void PrintDesigner::fillUnits()
{
    unitBox_->clear();
    unitBox_->addItem(context_->province ? unitLabel(*context_->province) : tr("Toàn tỉnh"), QString());
    for (const print::PrintUnit& u : context_->districts)
        unitBox_->addItem(unitLabel(u) + tr(" (2023)"), u.code);
    for (const print::PrintUnit& u : context_->communes)
        unitBox_->addItem(unitLabel(u) + tr(" (2025)"), u.code);
}

void PrintDesigner::refreshSavedLayouts()
{
    const QString current = savedBox_->currentText();
    savedBox_->clear();
    savedBox_->addItems(savedLayouts());
    const int i = savedBox_->findText(current);
    if (i >= 0) savedBox_->setCurrentIndex(i);
}

void PrintDesigner::refreshItemList()
{
    const QSignalBlocker block(itemList_);
    itemList_->clear();
    for (const print::LayoutItem& item : model_->layout().items) {
        auto* row = new QListWidgetItem(QStringLiteral("%1 — %2").arg(itemKindTitle(item.kind), item.id), itemList_);
        row->setData(Qt::UserRole, item.id);
        if (item.id == model_->selectedId()) itemList_->setCurrentItem(row);
    }
    const int t = templateBox_->findData(model_->layout().templateName);
    if (t >= 0) templateBox_->setCurrentIndex(t);
    const int o = orientationBox_->findData(int(model_->layout().page.orientation));
    if (o >= 0) orientationBox_->setCurrentIndex(o);
    showProperties();
}

void PrintDesigner::showProperties()
{
    const print::LayoutItem* item = model_->selectedItem();
    updatingPane_ = true;
    geometryGroup_->setEnabled(item != nullptr);
    textGroup_->setVisible(item && item->kind == print::ItemKind::Text);
    mapGroup_->setVisible(item && item->kind == print::ItemKind::Map);
    if (item) {
        const QSizeF page = model_->layout().page.sizeMm();
        xBox_->setMaximum(page.width());
        yBox_->setMaximum(page.height());
        wBox_->setMaximum(page.width());
        hBox_->setMaximum(page.height());
        xBox_->setValue(item->rectMm.left());
        yBox_->setValue(item->rectMm.top());
        wBox_->setValue(item->rectMm.width());
        hBox_->setValue(item->rectMm.height());
        frameBox_->setChecked(item->frame);
        if (item->kind == print::ItemKind::Text) {
            if (textEdit_->toPlainText() != item->text.text) textEdit_->setPlainText(item->text.text);
            fontSizeBox_->setValue(item->text.fontSizePt);
            boldBox_->setChecked(item->text.bold);
            alignBox_->setCurrentIndex(std::max(0, alignBox_->findData(item->text.align)));
        }
        if (item->kind == print::ItemKind::Map) {
            const print::MapSettings& m = item->map;
            extentModeBox_->setCurrentIndex(std::max(0, extentModeBox_->findData(int(m.extentMode))));
            scaleBox_->setValue(m.scaleDenominator);
            gridBox_->setCurrentIndex(std::max(0, gridBox_->findData(int(m.grid))));
            gridIntervalBox_->setValue(m.gridInterval);
            gridIntervalBox_->setSuffix(m.grid == print::GridKind::Graticule ? tr(" phút") : tr(" m"));
            labelsBox_->setChecked(m.labels);
            highlightBox_->setChecked(m.highlightUnit);
            takeCanvasButton_->setEnabled(!model_->canvasExtent().isEmpty());
            const print::LayoutRenderer renderer(*context_);
            const layers::render::Extent e = renderer.frameExtent(*item, previewPage());
            // The scale the frame has on the page (as printed).
            const double mmPerUnit = item->rectMm.width() / std::max(1e-9, e.width());
            const double groundPerMm = std::max(1e-12, 1.0 / mmPerUnit) * (context_->displayCrs.isGeographic() ? 111320.0 : 1.0);
            mapInfo_->setText(tr("Trên trang: 1:%1")
                                  .arg(print::formatNumberVi(std::round(groundPerMm * 1000.0), 0)));
        }
    }
    updatingPane_ = false;
}

void PrintDesigner::applyGeometryFromPane()
{
    if (updatingPane_ || model_->selectedId().isEmpty()) return;
    model_->setItemRect(model_->selectedId(), QRectF(xBox_->value(), yBox_->value(), wBox_->value(), hBox_->value()));
}

void PrintDesigner::applyTextFromPane()
{
    const print::LayoutItem* item = model_->selectedItem();
    if (updatingPane_ || !item || item->kind != print::ItemKind::Text) return;
    print::TextSettings t = item->text;
    t.text = textEdit_->toPlainText();
    t.fontSizePt = fontSizeBox_->value();
    t.bold = boldBox_->isChecked();
    t.align = alignBox_->currentData().toString();
    model_->setTextSettings(item->id, t);
}

void PrintDesigner::applyMapFromPane()
{
    const print::LayoutItem* item = model_->selectedItem();
    if (updatingPane_ || !item || item->kind != print::ItemKind::Map) return;
    print::MapSettings m = item->map;
    const auto mode = print::ExtentMode(extentModeBox_->currentData().toInt());
    if (mode == print::ExtentMode::Fixed && m.extentMode != print::ExtentMode::Fixed) {
        // Locking keeps what the frame shows now.
        m.extent = print::LayoutRenderer(*context_).frameExtent(*item, previewPage());
        m.marginFraction = 0.0;
    }
    m.extentMode = mode;
    m.scaleDenominator = scaleBox_->value();
    m.grid = print::GridKind(gridBox_->currentData().toInt());
    m.gridInterval = gridIntervalBox_->value();
    m.labels = labelsBox_->isChecked();
    m.highlightUnit = highlightBox_->isChecked();
    model_->setMapSettings(item->id, m);
}

// ------------------------------------------------------------- actions
void PrintDesigner::applyTemplate(const QString& name, print::Orientation orientation)
{
    try {
        model_->setLayout(print::makeTemplate(name, orientation));
        lastError_.clear();
    } catch (const std::exception& e) {
        lastError_ = QString::fromUtf8(e.what());
        showError(tr("Không dùng được mẫu"));
    }
}

void PrintDesigner::setCanvasExtent(const layers::render::Extent& extent)
{
    model_->setCanvasExtent(extent);
    if (takeCanvasButton_) takeCanvasButton_->setEnabled(!extent.isEmpty());
}

void PrintDesigner::setPreviewUnit(const print::PrintUnit* unit)
{
    previewUnit_ = unit;
    const int i = unitBox_->findData(unit ? unit->code : QString());
    if (i >= 0 && unitBox_->currentIndex() != i) unitBox_->setCurrentIndex(i);
    view_->setPage(previewPage());
    showProperties();
}

print::PageSpec PrintDesigner::previewPage() const
{
    return print::PageSpec{previewUnit_, 1, 1};
}

QStringList PrintDesigner::savedLayouts() const
{
    QStringList names;
    if (!store_) return names;
    try {
        print::LayoutStore layouts(store_->connection());
        if (!layouts.available()) return names;
        for (const QString& n : layouts.names()) names << n;
    } catch (const std::exception&) {
    }
    return names;
}

bool PrintDesigner::saveLayout(const QString& name)
{
    lastError_.clear();
    if (!store_) {
        lastError_ = tr("Không có dự án để lưu trang in.");
        return false;
    }
    try {
        print::LayoutStore layouts(store_->connection());
        if (!layouts.available()) {
            lastError_ = tr("Dự án chỉ mở để đọc hoặc thuộc phiên bản cũ: không lưu được trang in.");
            return false;
        }
        print::Layout l = model_->layout();
        l.name = name.trimmed();
        layouts.save(l);
        model_->setLayout(std::move(l));
    } catch (const std::exception& e) {
        lastError_ = QString::fromUtf8(e.what());
        return false;
    }
    refreshSavedLayouts();
    savedBox_->setCurrentIndex(savedBox_->findText(name.trimmed()));
    return true;
}

bool PrintDesigner::openLayout(const QString& name)
{
    lastError_.clear();
    if (!store_) return false;
    try {
        print::LayoutStore layouts(store_->connection());
        std::optional<print::Layout> l = layouts.available() ? layouts.load(name) : std::nullopt;
        if (!l) {
            lastError_ = tr("Dự án không có trang in “%1”.").arg(name);
            return false;
        }
        model_->setLayout(std::move(*l));
    } catch (const std::exception& e) {
        lastError_ = QString::fromUtf8(e.what());
        return false;
    }
    return true;
}

void PrintDesigner::saveLayoutDialog()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Lưu trang in"), tr("Tên trang in trong dự án:"),
                                               QLineEdit::Normal, model_->layout().name, &ok);
    if (!ok || name.trimmed().isEmpty()) return;
    if (savedLayouts().contains(name.trimmed()) &&
        QMessageBox::question(this, tr("Lưu trang in"), tr("Đã có trang in “%1”. Thay thế?").arg(name.trimmed())) !=
            QMessageBox::Yes)
        return;
    if (!saveLayout(name)) showError(tr("Không lưu được trang in"));
}

bool PrintDesigner::exportPage(const std::filesystem::path& file, double dpi)
{
    lastError_.clear();
    lastFiles_.clear();
    try {
        print::ExportOptions options;
        options.dpi = dpi;
        const print::ExportResult r = print::exportLayout(model_->layout(), *context_, {previewPage()}, file, options);
        lastFiles_ = r.files;
        return true;
    } catch (const std::exception& e) {
        lastError_ = QString::fromUtf8(e.what());
        return false;
    }
}

bool PrintDesigner::exportAtlas(print::AtlasLevel level, const std::filesystem::path& file, double dpi, bool onePerFile)
{
    lastError_.clear();
    lastFiles_.clear();
    const std::vector<print::PageSpec> pages = print::atlasPages(*context_, level);
    if (pages.empty()) {
        lastError_ = tr("Dự án không có đơn vị nào cho tập bản đồ này.");
        return false;
    }
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    cancel_ = cancel;
    QProgressDialog progress(tr("Đang xuất tập bản đồ…"), tr("Hủy"), 0, int(pages.size()), this);
    progress.setObjectName(QStringLiteral("atlasProgress"));
    progress.setWindowTitle(tr("Xuất tập bản đồ"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    progress.setAutoClose(false);
    progress.setAutoReset(false);
    progress.setValue(0);
    connect(&progress, &QProgressDialog::canceled, this, [cancel] { *cancel = true; });

    // The worker draws from a copy of the layout and the shared (immutable) context.
    const print::Layout layout = model_->layout();
    const std::shared_ptr<const print::PrintContext> context = context_;
    print::ExportOptions options;
    options.dpi = dpi;
    options.onePerFile = onePerFile;
    QPointer<QProgressDialog> dialog(&progress);
    const QString labelPattern = tr("Đang xuất trang %1/%2…");
    options.progress = [cancel, dialog, labelPattern](int done, int total) {
        QMetaObject::invokeMethod(
            qApp,
            [dialog, done, total, labelPattern] {
                if (!dialog) return;
                dialog->setValue(done);
                dialog->setLabelText(labelPattern.arg(std::min(done + 1, total)).arg(total));
            },
            Qt::QueuedConnection);
        return !*cancel;
    };
    print::ExportResult result;
    QString error;
    bool cancelled = false;
    QEventLoop loop;
    QThread* worker = QThread::create([&] {
        try {
            result = print::exportLayout(layout, *context, pages, file, options);
        } catch (const print::ExportCancelled& e) {
            cancelled = true;
            error = QString::fromUtf8(e.what());
        } catch (const std::exception& e) {
            error = QString::fromUtf8(e.what());
        }
    });
    connect(worker, &QThread::finished, &loop, &QEventLoop::quit);
    QApplication::setOverrideCursor(Qt::BusyCursor);
    worker->start();
    loop.exec();
    worker->wait();
    delete worker;
    QApplication::restoreOverrideCursor();
    QApplication::processEvents();  // the last progress messages
    cancel_.reset();
    progress.close();
    if (!error.isEmpty()) {
        lastError_ = cancelled ? tr("Đã hủy xuất tập bản đồ.") : error;
        return false;
    }
    lastFiles_ = result.files;
    return true;
}

void PrintDesigner::cancelExport()
{
    if (cancel_) *cancel_ = true;
}

void PrintDesigner::showError(const QString& title)
{
    QMessageBox::warning(this, title, lastError_);
}

void PrintDesigner::exportDialog()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Xuất trang in"));
    auto* form = new QFormLayout(&dialog);
    auto* dpi = new QDoubleSpinBox(&dialog);
    dpi->setRange(10, 2400);
    dpi->setDecimals(0);
    dpi->setValue(300);
    dpi->setSuffix(QStringLiteral(" dpi"));
    form->addRow(tr("Độ phân giải"), dpi);
    form->addRow(new QLabel(tr("Định dạng theo phần mở rộng của tệp: .pdf (vector), .png, .svg"), &dialog));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted) return;
    const QString file = QFileDialog::getSaveFileName(this, tr("Xuất trang in"), model_->layout().name + QStringLiteral(".pdf"),
                                                      tr("PDF (*.pdf);;Ảnh PNG (*.png);;SVG (*.svg)"));
    if (file.isEmpty()) return;
    QApplication::setOverrideCursor(Qt::BusyCursor);
    const bool ok = exportPage(toPath(file), dpi->value());
    QApplication::restoreOverrideCursor();
    if (!ok) showError(tr("Không xuất được trang in"));
    else statusBar()->showMessage(tr("Đã ghi %1").arg(file), 8000);
}

void PrintDesigner::atlasDialog()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Xuất tập bản đồ"));
    auto* form = new QFormLayout(&dialog);
    auto* level = new QComboBox(&dialog);
    level->addItem(tr("Huyện, thành phố (2023) — %1 trang").arg(context_->districts.size()), int(print::AtlasLevel::District));
    level->addItem(tr("Xã, phường (2025) — %1 trang").arg(context_->communes.size()), int(print::AtlasLevel::Commune));
    form->addRow(tr("Mỗi trang một"), level);
    auto* onePdf = new QRadioButton(tr("Một tệp PDF nhiều trang"), &dialog);
    auto* perPage = new QRadioButton(tr("Mỗi trang một tệp"), &dialog);
    onePdf->setChecked(true);
    form->addRow(onePdf);
    form->addRow(perPage);
    auto* dpi = new QDoubleSpinBox(&dialog);
    dpi->setRange(10, 2400);
    dpi->setDecimals(0);
    dpi->setValue(300);
    dpi->setSuffix(QStringLiteral(" dpi"));
    form->addRow(tr("Độ phân giải"), dpi);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted) return;
    const auto lv = print::AtlasLevel(level->currentData().toInt());
    const QString suggested = lv == print::AtlasLevel::District ? QStringLiteral("tap-ban-do-huyen.pdf")
                                                                : QStringLiteral("tap-ban-do-xa.pdf");
    const QString file = QFileDialog::getSaveFileName(this, tr("Xuất tập bản đồ"), suggested,
                                                      tr("PDF (*.pdf);;Ảnh PNG (*.png);;SVG (*.svg)"));
    if (file.isEmpty()) return;
    if (!exportAtlas(lv, toPath(file), dpi->value(), perPage->isChecked())) {
        showError(tr("Tập bản đồ chưa được xuất"));
        return;
    }
    statusBar()->showMessage(tr("Đã ghi %1 tệp").arg(lastFiles_.size()), 8000);
}

} // namespace planmap::gui
