#include "MainWindow.h"

#include "AttributeTable.h"
#include "CoordinateFormatter.h"
#include "Formats.h"
#include "IdentifyPanel.h"
#include "LayerPanel.h"
#include "LayerSettings.h"
#include "LegendWidget.h"
#include "SearchBox.h"
#include "StoreProjectData.h"
#include "StyleDialog.h"
#include "WindowTools.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QShowEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QScrollArea>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>

#include <cmath>

namespace planmap::gui {

namespace {

/// A toolbar icon drawn from a few strokes, so the app needs no icon files.
QIcon drawnIcon(const std::function<void(QPainter&)>& draw)
{
    QPixmap pm(48, 48);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(QColor(50, 60, 70), 4, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    draw(p);
    return QIcon(pm);
}

QIcon magnifier(int sign)
{
    return drawnIcon([sign](QPainter& p) {
        p.drawEllipse(QPointF(20, 20), 13, 13);
        p.drawLine(QPointF(30, 30), QPointF(43, 43));
        p.drawLine(QPointF(13, 20), QPointF(27, 20));
        if (sign > 0) p.drawLine(QPointF(20, 13), QPointF(20, 27));
    });
}

QIcon frameIcon(const QColor& inner)
{
    return drawnIcon([inner](QPainter& p) {
        p.drawRect(QRectF(6, 6, 36, 36));
        p.setBrush(inner);
        p.setPen(Qt::NoPen);
        p.drawRect(QRectF(14, 14, 20, 20));
    });
}

QIcon arrowIcon(bool left)
{
    return drawnIcon([left](QPainter& p) {
        const double d = left ? 1 : -1;
        p.drawLine(QPointF(24 + 14 * d, 24), QPointF(24 - 14 * d, 24));
        p.drawLine(QPointF(24 - 14 * d, 24), QPointF(24 - 4 * d, 14));
        p.drawLine(QPointF(24 - 14 * d, 24), QPointF(24 - 4 * d, 34));
    });
}

QIcon handIcon()
{
    return drawnIcon([](QPainter& p) {
        // Four arrows: "move the map".
        p.drawLine(QPointF(24, 4), QPointF(24, 44));
        p.drawLine(QPointF(4, 24), QPointF(44, 24));
        for (const auto& [a, b, c] : {std::tuple{QPointF(24, 4), QPointF(18, 10), QPointF(30, 10)},
                                      std::tuple{QPointF(24, 44), QPointF(18, 38), QPointF(30, 38)},
                                      std::tuple{QPointF(4, 24), QPointF(10, 18), QPointF(10, 30)},
                                      std::tuple{QPointF(44, 24), QPointF(38, 18), QPointF(38, 30)}}) {
            p.drawLine(a, b);
            p.drawLine(a, c);
        }
    });
}

QIcon infoIcon()
{
    return drawnIcon([](QPainter& p) {
        p.setPen(QPen(QColor(30, 100, 190), 4));
        p.drawEllipse(QPointF(24, 24), 19, 19);
        p.drawLine(QPointF(24, 21), QPointF(24, 35));
        p.setBrush(QColor(30, 100, 190));
        p.drawEllipse(QPointF(24, 13), 2.5, 2.5);
    });
}

QIcon selectIcon()
{
    return drawnIcon([](QPainter& p) {
        p.setPen(QPen(QColor(50, 60, 70), 3, Qt::DashLine));
        p.drawRect(QRectF(6, 6, 28, 28));
        p.setPen(QPen(QColor(50, 60, 70), 3));
        p.setBrush(QColor(255, 200, 0));
        const QPointF arrow[] = {{22, 22}, {42, 30}, {33, 33}, {30, 42}};
        p.drawPolygon(arrow, 4);
    });
}

struct CrsChoice {
    int epsg;
    const char* label;
};
constexpr CrsChoice kCrsChoices[] = {
    {9215, "VN-2000 / TM-3 107°15′ (EPSG:9215)"},
    {4326, "WGS 84 (EPSG:4326)"},
    {3405, "VN-2000 / UTM 48N (EPSG:3405)"},
    {3857, "Web Mercator (EPSG:3857)"},
};

} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent), project_(new MapProject(this))
{
    setWindowTitle(tr("planmap — Bản đồ kế hoạch"));
    canvas_ = new MapCanvas(project_, this);
    setCentralWidget(canvas_);
    createDocks();
    createActions();
    createStatusBar();
    installPlanTools(*this);
    installProgressTools(*this);
    installAnalysisTools(*this);
    installPrintTools(*this);
    installImportTools(*this);

    saveTimer_.setSingleShot(true);
    saveTimer_.setInterval(800);
    connect(&saveTimer_, &QTimer::timeout, this, &MainWindow::saveLayerSettings);
    connect(project_, &MapProject::layerChanged, this, [this] { saveTimer_.start(); });
    connect(project_, &MapProject::layersChanged, this, [this] { saveTimer_.start(); });
    connect(canvas_, &MapCanvas::identifyRequested, this, &MainWindow::identify);
    connect(canvas_, &MapCanvas::scaleChanged, this, &MainWindow::updateScaleBox);
    connect(canvas_, &MapCanvas::cursorMoved, this, &MainWindow::showCursorCoordinates);
    connect(canvas_, &MapCanvas::cursorLeft, this, [this] {
        wgs84_->clear();
        vn2000_->clear();
    });
    connect(canvas_, &MapCanvas::renderFinished, this, [this](double ms) {
        renderTime_->setText(tr("vẽ %1 ms").arg(formatNumber(ms, 0)));
    });
    connect(canvas_->controller(), &ViewController::historyChanged, this, &MainWindow::updateHistoryActions);
    connect(project_, &MapProject::displayCrsChanged, this, [this] {
        onDisplayCrsChanged();
        statusBar()->clearMessage();
    });
    connect(project_, &MapProject::displayCrsFailed, this, [this](const QString& message) {
        onDisplayCrsChanged();
        statusBar()->showMessage(tr("Không chuyển được hệ tọa độ: %1").arg(message), 8000);
    });
    connect(project_, &MapProject::layerChanged, this, &MainWindow::updateUnitsActions);

    QSettings settings;
    resize(1400, 900);
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    layoutRestored_ = restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    canvas_->setFocus();
}

MainWindow::~MainWindow() = default;

void MainWindow::createDocks()
{
    setDockNestingEnabled(true);
    auto* layerDock = new QDockWidget(tr("Lớp bản đồ"), this);
    layerDock->setObjectName(QStringLiteral("layers"));
    layerPanel_ = new LayerPanel(project_, layerDock);
    layerDock->setWidget(layerPanel_);
    addDockWidget(Qt::LeftDockWidgetArea, layerDock);

    auto* legendDock = new QDockWidget(tr("Chú giải"), this);
    legendDock->setObjectName(QStringLiteral("legend"));
    legend_ = new LegendWidget(project_, legendDock);
    auto* scroll = new QScrollArea(legendDock);
    scroll->setWidget(legend_);
    scroll->setWidgetResizable(true);
    legendDock->setWidget(scroll);
    addDockWidget(Qt::LeftDockWidgetArea, legendDock);
    splitDockWidget(layerDock, legendDock, Qt::Vertical);

    identifyDock_ = new QDockWidget(tr("Thông tin đối tượng"), this);
    identifyDock_->setObjectName(QStringLiteral("identify"));
    identify_ = new IdentifyPanel(identifyDock_);
    identifyDock_->setWidget(identify_);
    addDockWidget(Qt::RightDockWidgetArea, identifyDock_);
    resizeDocks({layerDock, identifyDock_}, {300, 380}, Qt::Horizontal);

    connect(layerPanel_, &LayerPanel::styleRequested, this, &MainWindow::editStyle);
    connect(layerPanel_, &LayerPanel::attributeTableRequested, this, &MainWindow::showAttributeTable);
    connect(layerPanel_, &LayerPanel::zoomToLayerRequested, canvas_, &MapCanvas::zoomToLayer);
    connect(canvas_, &MapCanvas::scaleChanged, layerPanel_, &LayerPanel::setScaleDenominator);
    connect(canvas_, &MapCanvas::scaleChanged, legend_, &LegendWidget::setScaleDenominator);
}

void MainWindow::createActions()
{
    // --- File ----------------------------------------------------------
    QMenu* file = fileMenu_ = menuBar()->addMenu(tr("&Tệp"));
    file->addAction(tr("&Mở dự án…"), QKeySequence::Open, this, &MainWindow::openProjectDialog);
    file->addAction(tr("&Xuất ảnh bản đồ…"), this, &MainWindow::exportMapImage);
    file->addSeparator();
    QAction* quit = file->addAction(tr("T&hoát"), QKeySequence::Quit, this, &QWidget::close);
    // Tools insert their actions above "Thoát".
    file->insertSeparator(quit);

    // --- Tools and navigation ------------------------------------------
    QToolBar* nav = addToolBar(tr("Điều hướng"));
    nav->setObjectName(QStringLiteral("navigation"));
    nav->setIconSize(QSize(22, 22));
    auto* tools = new QActionGroup(this);
    QAction* pan = nav->addAction(handIcon(), tr("Di chuyển"));
    QAction* info = nav->addAction(infoIcon(), tr("Xem thông tin"));
    QAction* select = nav->addAction(selectIcon(), tr("Chọn đối tượng"));
    pan->setToolTip(tr("Kéo để di chuyển bản đồ, lăn chuột để phóng to/thu nhỏ"));
    info->setToolTip(tr("Nhấn vào đối tượng để xem thuộc tính, đơn vị hành chính và chỉ tiêu kế hoạch"));
    select->setToolTip(tr("Nhấn để chọn; giữ Shift để chọn thêm"));
    for (QAction* a : {pan, info, select}) {
        a->setCheckable(true);
        tools->addAction(a);
    }
    info->setChecked(true);
    canvas_->setTool(MapCanvas::Tool::Identify);
    connect(pan, &QAction::triggered, this, [this] { canvas_->setTool(MapCanvas::Tool::Pan); });
    connect(info, &QAction::triggered, this, [this] { canvas_->setTool(MapCanvas::Tool::Identify); });
    connect(select, &QAction::triggered, this, [this] { canvas_->setTool(MapCanvas::Tool::Select); });
    // A tool panel may switch the tool (the what-if pick pans): the toolbar shows the tool in use.
    connect(canvas_, &MapCanvas::toolChanged, this, [pan, info, select](MapCanvas::Tool tool) {
        (tool == MapCanvas::Tool::Pan ? pan : tool == MapCanvas::Tool::Identify ? info : select)->setChecked(true);
    });
    nav->addSeparator();

    ViewController* vc = canvas_->controller();
    QAction* zin = nav->addAction(magnifier(+1), tr("Phóng to"), vc, &ViewController::zoomIn);
    zin->setShortcut(QKeySequence::ZoomIn);
    QAction* zout = nav->addAction(magnifier(-1), tr("Thu nhỏ"), vc, &ViewController::zoomOut);
    zout->setShortcut(QKeySequence::ZoomOut);
    QAction* full = nav->addAction(frameIcon(QColor(120, 170, 90)), tr("Toàn tỉnh"), vc, &ViewController::zoomToFullExtent);
    full->setToolTip(tr("Phóng tới toàn bộ dự án"));
    full->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_F);
    QAction* toLayer = nav->addAction(frameIcon(QColor(90, 130, 200)), tr("Phóng tới lớp"), this,
                                      [this] { canvas_->zoomToLayer(layerPanel_->currentRow()); });
    QAction* toSel = nav->addAction(frameIcon(QColor(255, 200, 0)), tr("Phóng tới vùng chọn"), canvas_,
                                    &MapCanvas::zoomToSelection);
    back_ = nav->addAction(arrowIcon(true), tr("Khung nhìn trước"), vc, &ViewController::back);
    forward_ = nav->addAction(arrowIcon(false), tr("Khung nhìn sau"), vc, &ViewController::forward);
    back_->setShortcut(QKeySequence::Back);
    forward_->setShortcut(QKeySequence::Forward);
    updateHistoryActions();

    QToolBar* searchBar = addToolBar(tr("Tìm kiếm"));
    searchBar->setObjectName(QStringLiteral("search"));
    search_ = new SearchBox(searchBar);
    searchBar->addWidget(search_);
    connect(search_, &SearchBox::hitChosen, this, &MainWindow::showSearchHit);
    auto* findShortcut = new QAction(this);
    findShortcut->setShortcut(QKeySequence::Find);
    connect(findShortcut, &QAction::triggered, search_, [this] {
        search_->setFocus();
        search_->selectAll();
    });
    addAction(findShortcut);

    // --- View -------------------------------------------------------------
    QMenu* view = menuBar()->addMenu(tr("&Xem"));
    for (QAction* a : {pan, info, select}) view->addAction(a);
    view->addSeparator();
    for (QAction* a : {zin, zout, full, toLayer, toSel, back_, forward_}) view->addAction(a);
    view->addSeparator();
    auto* units = new QActionGroup(this);
    unitsBoth_ = view->addAction(tr("Xã, phường 2025 và ranh giới huyện 2023"));
    units2025_ = view->addAction(tr("Đơn vị hành chính 2025 (xã, phường)"));
    units2023_ = view->addAction(tr("Đơn vị hành chính 2023 (huyện, thành phố)"));
    for (QAction* a : {unitsBoth_, units2025_, units2023_}) {
        a->setCheckable(true);
        units->addAction(a);
    }
    unitsBoth_->setChecked(true);
    connect(unitsBoth_, &QAction::triggered, this, [this] { showUnits(Units::Both); });
    connect(units2025_, &QAction::triggered, this, [this] { showUnits(Units::Communes2025); });
    connect(units2023_, &QAction::triggered, this, [this] { showUnits(Units::Districts2023); });
    view->addSeparator();
    for (QDockWidget* d : findChildren<QDockWidget*>()) view->addAction(d->toggleViewAction());

    // --- Layer ------------------------------------------------------------
    QMenu* layerMenu = layerMenu_ = menuBar()->addMenu(tr("&Lớp"));
    layerMenu->addAction(tr("Kiểu hiển thị…"), this, [this] { editStyle(layerPanel_->currentRow()); });
    layerMenu->addAction(tr("Bảng thuộc tính"), this, [this] { showAttributeTable(layerPanel_->currentRow()); });
    layerMenu->addAction(toLayer);
    layerMenu->addSeparator();
    layerMenu->addAction(tr("Khôi phục kiểu mặc định của mọi lớp"), this, [this] {
        if (!data_) return;
        try {
            LayerSettings(*data_).reset();
            savedSettings_ = LayerSettings::settingsOf(*project_);   // nothing of the old look to save
        } catch (const std::exception& e) {
            statusBar()->showMessage(tr("Không ghi được thiết lập lớp vào dự án: %1").arg(QString::fromUtf8(e.what())), 8000);
        }
        reloadProject();
    });

    // --- Plan, analyses, print: filled by the tools (WindowTools.h) ----------
    planMenu_ = menuBar()->addMenu(tr("&Kế hoạch"));
    analysisMenu_ = menuBar()->addMenu(tr("&Phân tích"));
    printMenu_ = menuBar()->addMenu(tr("&In ấn"));

    // --- Settings -----------------------------------------------------------
    QMenu* settingsMenu = menuBar()->addMenu(tr("&Cài đặt"));
    QMenu* lang = settingsMenu->addMenu(tr("Ngôn ngữ / Language"));
    auto* langs = new QActionGroup(this);
    QAction* vi = lang->addAction(QStringLiteral("Tiếng Việt"));
    QAction* en = lang->addAction(QStringLiteral("English"));
    for (QAction* a : {vi, en}) {
        a->setCheckable(true);
        langs->addAction(a);
    }
    (uiLanguage() == Language::English ? en : vi)->setChecked(true);
    connect(vi, &QAction::triggered, this, [this] { emit languageChangeRequested(Language::Vietnamese); });
    connect(en, &QAction::triggered, this, [this] { emit languageChangeRequested(Language::English); });
    QMenu* crsMenu = settingsMenu->addMenu(tr("Hệ tọa độ hiển thị"));
    auto* crsGroup = new QActionGroup(this);
    for (const CrsChoice& c : kCrsChoices) {
        QAction* a = crsMenu->addAction(QString::fromUtf8(c.label));
        a->setCheckable(true);
        a->setData(c.epsg);
        a->setChecked(c.epsg == 9215);
        crsGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, epsg = c.epsg] { setDisplayCrs(epsg); });
    }
}

void MainWindow::createStatusBar()
{
    QStatusBar* sb = statusBar();
    scaleBox_ = new QComboBox(sb);
    scaleBox_->setEditable(true);
    scaleBox_->setToolTip(tr("Tỉ lệ bản đồ; gõ tỉ lệ mới rồi nhấn Enter"));
    scaleBox_->setMinimumWidth(130);
    for (double d : {10000.0, 25000.0, 50000.0, 100000.0, 250000.0, 500000.0, 1000000.0})
        scaleBox_->addItem(formatScale(d), d);
    scaleBox_->setInsertPolicy(QComboBox::NoInsert);
    connect(scaleBox_, qOverload<int>(&QComboBox::activated), this, [this](int i) {
        canvas_->controller()->setScaleDenominator(scaleBox_->itemData(i).toDouble());
    });
    connect(scaleBox_->lineEdit(), &QLineEdit::returnPressed, this, [this] {
        const double d = parseScale(scaleBox_->currentText());
        if (d > 0) canvas_->controller()->setScaleDenominator(d);
    });
    wgs84_ = new QLabel(sb);
    vn2000_ = new QLabel(sb);
    wgs84_->setToolTip(tr("Tọa độ con trỏ theo WGS 84 (vĩ độ, kinh độ)"));
    vn2000_->setToolTip(tr("Tọa độ con trỏ theo VN-2000 / TM-3 kinh tuyến trục 107°15′ (EPSG:9215)"));
    wgs84_->setMinimumWidth(220);
    vn2000_->setMinimumWidth(230);
    crsBox_ = new QComboBox(sb);
    crsBox_->setToolTip(tr("Hệ tọa độ hiển thị bản đồ"));
    for (const CrsChoice& c : kCrsChoices) crsBox_->addItem(QString::fromUtf8(c.label), c.epsg);
    connect(crsBox_, qOverload<int>(&QComboBox::activated), this,
            [this](int i) { setDisplayCrs(crsBox_->itemData(i).toInt()); });
    renderTime_ = new QLabel(sb);
    // The selection count, on the left (a passing message covers it for a while).
    auto* selected = new QLabel(sb);
    selected->setObjectName(QStringLiteral("selectionCount"));
    selected->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    sb->addWidget(selected, 1);
    connect(project_, &MapProject::selectionChanged, selected, [this, selected] {
        selected->setText(project_->selectionSummary());
        selected->setToolTip(selected->text());
    });
    readOnly_ = new QLabel(tr("Chỉ đọc"), sb);
    readOnly_->setToolTip(tr("Tệp dự án chỉ đọc: thay đổi kiểu hiển thị, thứ tự và bật/tắt lớp chỉ được giữ "
                             "đến khi đóng dự án"));
    readOnly_->setStyleSheet(QStringLiteral("QLabel { color: #8a4b00; font-weight: bold; }"));
    readOnly_->hide();
    sb->addPermanentWidget(readOnly_);
    sb->addPermanentWidget(new QLabel(tr("Tỉ lệ"), sb));
    sb->addPermanentWidget(scaleBox_);
    sb->addPermanentWidget(wgs84_);
    sb->addPermanentWidget(vn2000_);
    sb->addPermanentWidget(crsBox_);
    sb->addPermanentWidget(renderTime_);
}

void MainWindow::openProject(std::unique_ptr<ProjectData> data)
{
    for (const QPointer<AttributeTable>& t : tables_)
        if (t) t->close();
    tables_.clear();
    identify_->clear();
    project_->clear();
    data_ = std::move(data);
    if (!data_) return;
    populateLayers();
    coords_ = std::make_unique<CoordinateFormatter>(project_->displayCrs());
    setWindowTitle(tr("%1 — planmap").arg(data_->name()));
    search_->setSearchFunction([this](const QString& text, int limit) {
        return data_ ? data_->search(text, limit) : std::vector<SearchHit>();
    });
    updateUnitsActions();
    canvas_->controller()->resetHistory();
    canvas_->controller()->setFullExtent(project_->fullExtent());
    canvas_->controller()->zoomToFullExtent();
    if (layerPanel_->currentRow() < 0 && project_->layerCount() > 0) layerPanel_->setCurrentRow(0);
    emit projectOpened();
}

void MainWindow::populateLayers()
{
    QApplication::setOverrideCursor(Qt::WaitCursor);
    LayerSettings::Outcome outcome = LayerSettings::Outcome::Nothing;
    try {
        outcome = LayerSettings(*data_).populate(*project_);
    } catch (...) {
        QApplication::restoreOverrideCursor();
        throw;
    }
    QApplication::restoreOverrideCursor();
    savedSettings_ = LayerSettings::settingsOf(*project_);
    saveTimer_.stop();   // loading is not a change to save
    readOnly_->setVisible(data_->isReadOnly());
    if (data_->isReadOnly())
        statusBar()->showMessage(tr("Tệp dự án chỉ đọc: thay đổi về lớp bản đồ chỉ được giữ đến khi đóng dự án."));
    else if (outcome == LayerSettings::Outcome::Saved)
        statusBar()->showMessage(tr("Đã chuyển thiết lập lớp của phiên bản trước vào tệp dự án."), 8000);
}

QMenu* MainWindow::menu(Menu which) const
{
    switch (which) {
    case Menu::File: return fileMenu_;
    case Menu::Layer: return layerMenu_;
    case Menu::Plan: return planMenu_;
    case Menu::Analysis: return analysisMenu_;
    case Menu::Print: return printMenu_;
    }
    return nullptr;
}

StoreProjectData* MainWindow::storeData() const
{
    return dynamic_cast<StoreProjectData*>(data_.get());
}

void MainWindow::reloadProject()
{
    if (!data_) return;
    saveLayerSettings();
    const render::MapViewport view = canvas_->controller()->viewport();
    identify_->clear();
    project_->clear();
    populateLayers();
    canvas_->controller()->setFullExtent(project_->fullExtent());
    canvas_->controller()->setViewport(view);
    emit projectOpened();
}

void MainWindow::showUnits(Units units)
{
    const int communes = project_->indexOf(QString::fromLatin1(StoreProjectData::kCommunesLayer));
    const int districts = project_->indexOf(QString::fromLatin1(StoreProjectData::kDistrictsLayer));
    if (communes >= 0) project_->setVisible(communes, units != Units::Districts2023);
    if (districts >= 0) project_->setVisible(districts, units != Units::Communes2025);
    updateUnitsActions();
}

void MainWindow::updateUnitsActions()
{
    const MapLayer* communes = project_->findLayer(QString::fromLatin1(StoreProjectData::kCommunesLayer));
    const MapLayer* districts = project_->findLayer(QString::fromLatin1(StoreProjectData::kDistrictsLayer));
    const bool c = communes && communes->visible, d = districts && districts->visible;
    if (c && !d) units2025_->setChecked(true);
    else if (d && !c) units2023_->setChecked(true);
    else unitsBoth_->setChecked(true);
}

void MainWindow::setDisplayCrs(int epsg, bool wait)
{
    try {
        canvas_->setDisplayCrs(geo::Crs::fromEpsg(epsg));
    } catch (const std::exception& e) {
        statusBar()->showMessage(tr("Không chuyển được hệ tọa độ: %1").arg(QString::fromUtf8(e.what())), 8000);
        onDisplayCrsChanged();
        return;
    }
    if (project_->isSwitchingCrs()) {
        statusBar()->showMessage(tr("Đang chuyển hệ tọa độ hiển thị…"));
        crsBox_->setCurrentIndex(crsBox_->findData(epsg));
    } else {
        onDisplayCrsChanged();   // no switch (already in that CRS): the choosers show the current one
    }
    while (wait && project_->isSwitchingCrs()) QApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
}

void MainWindow::onDisplayCrsChanged()
{
    const geo::Crs& crs = project_->displayCrs();
    coords_ = std::make_unique<CoordinateFormatter>(crs);
    const int epsg = crs.epsgCode().value_or(0);
    crsBox_->setCurrentIndex(crsBox_->findData(epsg));
    for (QAction* a : findChildren<QAction*>())
        if (a->isCheckable() && a->data().isValid() && a->data().typeId() == QMetaType::Int)
            a->setChecked(a->data().toInt() == epsg);
}

void MainWindow::updateHistoryActions()
{
    back_->setEnabled(canvas_->controller()->canGoBack());
    forward_->setEnabled(canvas_->controller()->canGoForward());
}

void MainWindow::updateScaleBox(double denominator)
{
    if (!scaleBox_->lineEdit()->hasFocus()) scaleBox_->setEditText(formatScale(denominator));
}

void MainWindow::showCursorCoordinates(QPointF p)
{
    if (!coords_) return;
    wgs84_->setText(coords_->wgs84(p));
    vn2000_->setText(coords_->vn2000(p));
}

void MainWindow::identify(const QString& layerKey, qint64 featureId)
{
    const MapLayer* layer = project_->findLayer(layerKey);
    if (!layer || (!data_ && !layer->toolLayer)) {
        identify_->clear();
        return;
    }
    FeatureDetails plain;
    plain.layerTitle = layer->title;
    plain.illustrative = layer->illustrative;
    try {
        // A tool's layer is not the store's: only the tool knows its features.
        if (layer->toolLayer && layer->toolDetails) identify_->showDetails(layer->toolDetails(featureId));
        else if (layer->toolLayer) {
            plain.attributes = cachedAttributes(*layer, featureId);
            identify_->showDetails(plain);
        } else {
            identify_->showDetails(data_->details(*layer, featureId));
        }
    } catch (const std::exception& e) {
        plain.attributes = cachedAttributes(*layer, featureId);
        identify_->showDetails(plain);
        statusBar()->showMessage(tr("Không đọc được thông tin liên quan: %1").arg(QString::fromUtf8(e.what())), 8000);
    }
    identifyDock_->show();
    identifyDock_->raise();
}

void MainWindow::showSearchHit(const SearchHit& hit)
{
    const int row = project_->indexOf(hit.layerKey);
    if (row < 0) {
        statusBar()->showMessage(tr("\"%1\" không có hình trên bản đồ (đơn vị cũ chưa có ranh giới).").arg(hit.title), 8000);
        return;
    }
    const MapLayer& layer = project_->layer(row);
    if (!layer.cache) return;
    const int f = featureRow(*layer.cache, hit.featureId);
    if (f < 0) return;
    if (!layer.visible) {
        if (hit.layerKey == QLatin1String(StoreProjectData::kCommunesLayer)) showUnits2025(true);
        else if (hit.layerKey == QLatin1String(StoreProjectData::kDistrictsLayer)) showUnits2025(false);
        else project_->setVisible(row, true);
    }
    canvas_->controller()->zoomToExtent(layer.cache->featureBounds(std::size_t(f)), 0.15);
    // Keep a scale where the layer shows.
    const double scale = canvas_->controller()->viewport().scaleDenominator();
    if (layer.style.maxScaleDenominator > 0 && scale > layer.style.maxScaleDenominator)
        canvas_->controller()->setScaleDenominator(layer.style.maxScaleDenominator * 0.9);
    if (layer.style.minScaleDenominator > 0 && scale < layer.style.minScaleDenominator)
        canvas_->controller()->setScaleDenominator(layer.style.minScaleDenominator * 1.1);
    canvas_->setHighlight(hit.layerKey, hit.featureId);
    project_->setSelection(hit.layerKey, {hit.featureId});
    identify(hit.layerKey, hit.featureId);
}

AttributeTable* MainWindow::showAttributeTable(int row)
{
    if (row < 0 || row >= project_->layerCount()) return nullptr;
    const QString key = project_->layer(row).key;
    for (const QPointer<AttributeTable>& t : tables_) {
        if (t && t->layerKey() == key) {
            t->show();
            t->raise();
            t->activateWindow();
            return t;
        }
    }
    auto* table = new AttributeTable(project_, key, this);
    table->setWindowFlag(Qt::Window);
    connect(table, &AttributeTable::zoomToSelectionRequested, canvas_, &MapCanvas::zoomToSelection);
    tables_.emplace_back(table);
    table->show();
    return table;
}

void MainWindow::editStyle(int row)
{
    if (row < 0 || row >= project_->layerCount()) return;
    const QString key = project_->layer(row).key;
    StyleDialog dialog(project_->layer(row), this);
    const auto apply = [this, key](const style::LayerStyle& st) {
        const int r = project_->indexOf(key);
        if (r >= 0) project_->setStyle(r, st);
    };
    connect(&dialog, &StyleDialog::applied, this, apply);
    const style::LayerStyle before = project_->layer(row).style;
    if (dialog.exec() == QDialog::Accepted) apply(dialog.layerStyle());
    else apply(before);
}

bool MainWindow::saveScreenshot(const QString& file)
{
    canvas_->renderNow();
    QApplication::processEvents();
    return grab().save(file, "PNG");
}

void MainWindow::saveLayerSettings()
{
    if (!data_) return;
    std::vector<layers::project::LayerSetting> now = LayerSettings::settingsOf(*project_);
    if (now == savedSettings_) return;
    try {
        if (LayerSettings(*data_).save(*project_) == LayerSettings::Outcome::InMemory)
            statusBar()->showMessage(tr("Tệp dự án chỉ đọc: thay đổi về lớp bản đồ chỉ được giữ đến khi đóng dự án."), 8000);
        savedSettings_ = std::move(now);
    } catch (const std::exception& e) {
        statusBar()->showMessage(tr("Không ghi được thiết lập lớp vào dự án: %1").arg(QString::fromUtf8(e.what())), 8000);
    }
}

void MainWindow::openProjectDialog()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Mở dự án"), QString(),
                                                      tr("Dự án planmap (*.planmap);;Mọi tệp (*)"));
    if (file.isEmpty()) return;
    try {
        saveLayerSettings();
        openProject(std::make_unique<StoreProjectData>(file.toStdString()));
    } catch (const std::exception& e) {
        QMessageBox::critical(this, tr("Mở dự án"), tr("Không mở được dự án:\n%1").arg(QString::fromUtf8(e.what())));
    }
}

void MainWindow::exportMapImage()
{
    const QString file = QFileDialog::getSaveFileName(this, tr("Xuất ảnh bản đồ"), QStringLiteral("ban-do.png"),
                                                      tr("Ảnh PNG (*.png)"));
    if (file.isEmpty()) return;
    const render::MapViewport v = canvas_->controller()->viewport();
    render::RenderOptions options;
    options.background = MapCanvas::backgroundColor();
    const QImage image =
        render::MapRenderer::renderImage(project_->renderLayers(v.scaleDenominator()), v, options, nullptr);
    if (!image.save(file, "PNG"))
        QMessageBox::warning(this, tr("Xuất ảnh bản đồ"), tr("Không ghi được tệp %1").arg(file));
}

void MainWindow::saveSettings()
{
    saveLayerSettings();
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
}

void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    if (layoutRestored_ || docksArranged_) return;
    docksArranged_ = true;
    // A first start: the map keeps most of the window; docks of the tools
    // at the bottom (plan, progress…) get about a quarter of its height.
    QList<QDockWidget*> bottom;
    for (QDockWidget* d : findChildren<QDockWidget*>())
        if (dockWidgetArea(d) == Qt::BottomDockWidgetArea && !d->isFloating() && !d->isHidden()) bottom << d;
    if (!bottom.isEmpty()) {
        QList<int> heights;
        for (int i = 0; i < bottom.size(); ++i) heights << std::max(180, height() / 4);
        resizeDocks(bottom, heights, Qt::Vertical);
    }
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

} // namespace planmap::gui
