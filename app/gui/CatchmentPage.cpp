#include "CatchmentPage.h"

#include "AnalysisLayers.h"
#include "AnalysisRunner.h"
#include "AnalysisWidgets.h"
#include "Formats.h"
#include "MainWindow.h"
#include "StoreProjectData.h"

#include "planmap/geo/Transform.h"
#include "planmap/layers/analysis/AccessInputs.h"
#include "planmap/layers/analysis/ResultExport.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <map>

namespace planmap::gui {

namespace {

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

QString coordText(double lon, double lat)
{
    return CatchmentPage::tr("%1° Đ, %2° B")
        .arg(numberLocale().toString(lon, 'f', 5), numberLocale().toString(lat, 'f', 5));
}

} // namespace

CatchmentPage::CatchmentPage(MainWindow& window, ResultLayers& layers, QWidget* parent)
    : AnalysisPage(window, layers, tr("vung_phuc_vu_cho"), parent)
{
    // Settings and the what-if tool.
    radius_ = new QDoubleSpinBox;
    radius_->setLocale(numberLocale());
    radius_->setRange(0.1, 100.0);
    radius_->setDecimals(1);
    radius_->setSingleStep(0.5);
    radius_->setSuffix(tr(" km"));
    radius_->setValue(analysis::CatchmentSettings{}.radiusMetres / 1000.0);
    radius_->setMaximumWidth(radius_->fontMetrics().horizontalAdvance(QStringLiteral("000,0 km")) + 40);
    planned_ = new QCheckBox(tr("Coi chợ theo kế hoạch (xây mới) là đã có"));
    auto* settingsBox = new QGroupBox(tr("Vùng phục vụ"));
    auto* settingsForm = new QFormLayout(settingsBox);
    settingsForm->addRow(tr("Bán kính phục vụ của chợ:"), radius_);
    settingsForm->addRow(planned_);

    pick_ = new QPushButton(tr("Đặt chợ giả định trên bản đồ"));
    pick_->setCheckable(true);
    pick_->setEnabled(false);
    pick_->setToolTip(tr("Bấm nút rồi bấm vào bản đồ: xem ngay số thôn chưa có chợ mà chợ ở đó sẽ phục vụ"));
    clearPick_ = new QPushButton(tr("Xóa điểm giả định"));
    clearPick_->setEnabled(false);
    whatIfText_ = new QLabel(tr("Chạy phân tích trước, rồi đặt một chợ giả định."));
    whatIfText_->setWordWrap(true);
    whatIfText_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    whatIfText_->setStyleSheet(QStringLiteral("QLabel { background: #f8f6fb; border: 1px solid #b0acd4; "
                                              "border-radius: 3px; padding: 3px 6px; }"));
    auto* whatIfBox = new QGroupBox(tr("Giả định: thêm một chợ"));
    auto* whatIfLayout = new QVBoxLayout(whatIfBox);
    auto* pickButtons = new QHBoxLayout;
    pickButtons->addWidget(pick_);
    pickButtons->addWidget(clearPick_);
    whatIfLayout->addLayout(pickButtons);

    auto* form = new QWidget;
    QVBoxLayout* formColumn = formLayout(form);
    formColumn->addWidget(settingsBox);
    formColumn->addWidget(runBar_);
    formColumn->addWidget(whatIfBox);
    formColumn->addStretch();

    // Results.
    auto* top = new QHBoxLayout;
    top->addWidget(summaryLine_, 1);
    top->addWidget(export_);

    markets_ = makeResultTable({tr("Chợ"), tr("Lớp"), tr("Số thôn trong bán kính"), tr("Dân số các thôn")});
    marketVillages_ = makeResultTable({tr("Thôn trong bán kính"), tr("Xã (từ 01/7/2025)"), tr("Khoảng cách (km)")});
    auto* marketSplit = new QSplitter(Qt::Horizontal);
    marketSplit->addWidget(markets_);
    marketSplit->addWidget(marketVillages_);
    unserved_ = makeResultTable({tr("Thôn"), tr("Xã (từ 01/7/2025)"), tr("Huyện (2023)"), tr("Đến chợ gần nhất (km)"),
                                 tr("Dân số")});
    planned_markets_ = makeResultTable({tr("Chợ theo kế hoạch"), tr("Số thôn được phục vụ thêm"), tr("Dân số")});
    auto* tabs = new QTabWidget;
    tabs->addTab(marketSplit, tr("Chợ và thôn được phục vụ"));
    tabs->addTab(unserved_, tr("Thôn chưa có chợ trong bán kính"));
    tabs->addTab(planned_markets_, tr("Chợ theo kế hoạch"));

    auto* results = new QWidget;
    QVBoxLayout* resultsColumn = resultsLayout(results);
    resultsColumn->addLayout(top);
    resultsColumn->addWidget(whatIfText_);
    resultsColumn->addWidget(tabs, 1);
    setContent(form, results);

    connect(markets_, &QTableWidget::itemSelectionChanged, this, &CatchmentPage::onMarketSelected);
    connect(pick_, &QPushButton::toggled, this, &CatchmentPage::setPicking);
    connect(clearPick_, &QPushButton::clicked, this, &CatchmentPage::clearWhatIf);
}

CatchmentPage::~CatchmentPage()
{
    if (clickConnection_) disconnect(clickConnection_);
}

analysis::CatchmentSettings CatchmentPage::settings() const
{
    analysis::CatchmentSettings s;
    s.radiusMetres = radius_->value() * 1000.0;
    s.countPlannedMarkets = planned_->isChecked();
    return s;
}

analysis::ResultTables CatchmentPage::exportTables() const
{
    if (!result_) return {};
    return analysis::toTables(*result_);
}

bool CatchmentPage::run()
{
    const std::optional<std::filesystem::path> file = projectFileForRun();
    if (!file) return false;
    clearResult();
    const analysis::CatchmentSettings s = settings();
    auto out = std::make_shared<analysis::CatchmentResult>();
    pending_ = out;
    return runner_->start([file = *file, s, out](const analysis::RunControl& control) {
        *out = analysis::analyzeCatchments(readAccessInputs(file, control), s, control);
    });
}

void CatchmentPage::onFinished()
{
    if (!pending_) return;
    result_ = std::make_unique<analysis::CatchmentResult>(std::move(*pending_));
    pending_.reset();
    runBar_->setMessage(tr("Xong."));
    showResult();
}

void CatchmentPage::dropPending()
{
    pending_.reset();
}

void CatchmentPage::clearResult()
{
    setPicking(false);
    clearWhatIf();
    clearCommon(kCatchmentLayer);
    result_.reset();
    for (QTableWidget* t : {markets_, marketVillages_, unserved_, planned_markets_}) t->setRowCount(0);
    pick_->setEnabled(false);
    whatIfText_->setText(tr("Chạy phân tích trước, rồi đặt một chợ giả định."));
}

void CatchmentPage::showResult()
{
    if (!result_) return;
    const analysis::CatchmentResult& r = *result_;
    banner_->showFor(r.illustrative, r.illustrativeSources);
    summaryLine_->setText(tr("Bán kính %1 km: %2 chợ đang hoạt động; %3 thôn có chợ trong bán kính, "
                             "<b>%4 thôn chưa có</b>.")
                              .arg(numberLocale().toString(r.settings.radiusMetres / 1000.0, 'f', 1),
                                   formatInteger(qint64(r.markets.size())), formatInteger(qint64(r.served)),
                                   formatInteger(qint64(r.unserved))));
    export_->setEnabled(true);
    pick_->setEnabled(true);
    whatIfText_->setText(tr("Bấm «Đặt chợ giả định trên bản đồ», rồi bấm vào một điểm trên bản đồ."));

    // Markets by number of villages served.
    std::vector<std::size_t> order(r.markets.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&r](std::size_t a, std::size_t b) {
        return r.markets[a].villages.size() > r.markets[b].villages.size();
    });
    std::vector<QStringList> rows;
    for (std::size_t i : order) {
        const analysis::MarketCatchment& m = r.markets[i];
        rows.push_back({q(m.name) + (m.illustrative ? tr(" (minh họa)") : QString()), q(m.layer),
                        formatInteger(qint64(m.villages.size())), formatInteger(m.population)});
    }
    {
        const QSignalBlocker block(markets_);
        fillTable(markets_, rows, {2, 3});
        for (int row = 0; row < int(order.size()); ++row) markets_->item(row, 0)->setData(Qt::UserRole, qulonglong(order[std::size_t(row)]));
    }
    marketVillages_->setRowCount(0);

    rows.clear();
    std::vector<std::int64_t> unservedIds;
    for (const analysis::VillageMarketAccess& v : r.villages) {
        if (v.served) continue;
        rows.push_back({q(v.name) + (v.illustrative ? tr(" (minh họa)") : QString()), q(v.commune.name),
                        q(v.district.name), kmText(v.nearestMarketMetres),
                        v.population ? formatInteger(*v.population) : QStringLiteral("—")});
        unservedIds.push_back(v.villageId);
    }
    fillTable(unserved_, rows, {3, 4});
    for (int row = 0; row < int(unservedIds.size()); ++row) unserved_->item(row, 0)->setData(Qt::UserRole, qlonglong(unservedIds[std::size_t(row)]));

    rows.clear();
    for (const analysis::CandidateGain& g : r.plannedMarkets)
        rows.push_back({q(g.point.label), formatInteger(qint64(g.newlyServed)), formatInteger(g.population)});
    fillTable(planned_markets_, rows, {1, 2});

    showResultLayer([&r] { return catchmentLayer(r); });
}

void CatchmentPage::onMarketSelected()
{
    marketVillages_->setRowCount(0);
    if (!result_) return;
    const QList<QTableWidgetItem*> items = markets_->selectedItems();
    if (items.isEmpty()) return;
    QTableWidgetItem* first = markets_->item(items.front()->row(), 0);
    const std::size_t index = std::size_t(first->data(Qt::UserRole).toULongLong());
    if (index >= result_->markets.size()) return;
    const analysis::MarketCatchment& m = result_->markets[index];
    std::map<std::int64_t, const analysis::VillageMarketAccess*> byId;
    for (const analysis::VillageMarketAccess& v : result_->villages) byId[v.villageId] = &v;
    std::vector<QStringList> rows;
    QSet<qint64> ids;
    for (const analysis::CatchmentVillage& cv : m.villages) {
        const auto it = byId.find(cv.villageId);
        rows.push_back({it == byId.end() ? QString::number(cv.villageId) : q(it->second->name),
                        it == byId.end() ? QString() : q(it->second->commune.name),
                        kmText(cv.distanceMetres)});
        ids.insert(cv.villageId);
    }
    fillTable(marketVillages_, rows, {2});
    const QString key = QString::fromLatin1(kCatchmentLayer);
    if (window_.project()->indexOf(key) >= 0) window_.project()->setSelection(key, ids);
    if (window_.project()->indexOf(q(m.layer)) >= 0) window_.canvas()->setHighlight(q(m.layer), m.marketId);
}

std::optional<analysis::CandidateGain> CatchmentPage::setWhatIf(double lon, double lat)
{
    if (!result_) return std::nullopt;
    analysis::CandidatePoint point;
    point.lon = lon;
    point.lat = lat;
    point.label = tr("Chợ giả định (%1)").arg(coordText(lon, lat)).toStdString();
    analysis::CandidateGain gain;
    try {
        gain = analysis::whatIf(*result_, point);
    } catch (const std::exception& e) {
        whatIfText_->setText(tr("Không đánh giá được điểm này: %1").arg(QString::fromUtf8(e.what())));
        return std::nullopt;
    }
    whatIf_ = gain;
    const std::size_t before = result_->unserved;
    const std::size_t after = before - std::min(before, gain.newlyServed);
    whatIfText_->setText(tr("Chợ giả định tại %1 sẽ phục vụ thêm <b>%2</b> thôn chưa có chợ (dân số %3).<br>"
                            "Số thôn chưa có chợ trong bán kính: %4 → <b>%5</b>.")
                             .arg(coordText(lon, lat), formatInteger(qint64(gain.newlyServed)),
                                  formatInteger(gain.population), formatInteger(qint64(before)),
                                  formatInteger(qint64(after))));
    clearPick_->setEnabled(true);
    try {
        layers_.set(whatIfLayer(gain, result_->illustrative));
    } catch (const std::exception&) {
        // The text says it all; the star is a convenience.
    }
    const QString key = QString::fromLatin1(kCatchmentLayer);
    QSet<qint64> ids;
    for (std::int64_t id : gain.villageIds) ids.insert(id);
    if (window_.project()->indexOf(key) >= 0) window_.project()->setSelection(key, ids);
    return gain;
}

void CatchmentPage::clearWhatIf()
{
    whatIf_.reset();
    layers_.remove(QString::fromLatin1(kWhatIfLayer));
    if (window_.project()->selectionLayer() == QString::fromLatin1(kCatchmentLayer)) window_.project()->clearSelection();
    clearPick_->setEnabled(false);
    if (result_) whatIfText_->setText(tr("Bấm «Đặt chợ giả định trên bản đồ», rồi bấm vào một điểm trên bản đồ."));
}

bool CatchmentPage::isPicking() const
{
    return bool(clickConnection_);
}

void CatchmentPage::setPicking(bool on)
{
    MapCanvas* canvas = window_.canvas();
    if (on == isPicking()) return;
    if (on) {
        // The canvas's pan tool ignores clicks; the click goes to the what-if.
        previousTool_ = int(canvas->tool());
        canvas->setTool(MapCanvas::Tool::Pan);
        canvas->setCursor(Qt::CrossCursor);
        clickConnection_ = connect(canvas->controller(), &ViewController::clicked, this,
                                   [this](QPointF pixel, Qt::KeyboardModifiers) { onMapClicked(pixel); });
        whatIfText_->setText(tr("Bấm vào bản đồ để đặt chợ giả định."));
    } else {
        disconnect(clickConnection_);
        clickConnection_ = {};
        canvas->setTool(MapCanvas::Tool(previousTool_));
    }
    const QSignalBlocker block(pick_);
    pick_->setChecked(on);
}

void CatchmentPage::onMapClicked(QPointF pixel)
{
    const QPointF map = window_.canvas()->controller()->viewport().toMap(pixel);
    try {
        geo::Transform toLonLat(window_.project()->displayCrs(), geo::Crs::fromEpsg(4326));
        const geo::XY ll = toLonLat.forward(map.x(), map.y());
        setWhatIf(ll.x, ll.y);
    } catch (const std::exception& e) {
        whatIfText_->setText(tr("Không đổi được tọa độ điểm đã bấm: %1").arg(QString::fromUtf8(e.what())));
    }
    window_.canvas()->setCursor(Qt::CrossCursor);
}

} // namespace planmap::gui
