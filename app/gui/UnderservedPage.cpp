#include "UnderservedPage.h"

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
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <map>
#include <set>

namespace planmap::gui {

using analysis::Service;

namespace {

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

QString serviceTitle(Service s)
{
    switch (s) {
    case Service::Market: return UnderservedModel::tr("Chợ");
    case Service::HealthStation: return UnderservedModel::tr("Trạm y tế");
    case Service::School: return UnderservedModel::tr("Trường học");
    case Service::HardenedRoad: return UnderservedModel::tr("Đường cứng hóa");
    }
    return {};
}

QString unitName(const analysis::UnitRef& u)
{
    return u.name.empty() ? UnderservedModel::tr("(không rõ)") : q(u.name);
}

QDoubleSpinBox* spin(double min, double max, int decimals, double step, const QString& suffix)
{
    auto* s = new QDoubleSpinBox;
    s->setLocale(numberLocale());
    s->setRange(min, max);
    s->setDecimals(decimals);
    s->setSingleStep(step);
    s->setSuffix(suffix);
    s->setKeyboardTracking(false);
    s->setMaximumWidth(s->fontMetrics().horizontalAdvance(QStringLiteral("000,00 km")) + 40);
    return s;
}

} // namespace

// --- UnderservedModel ------------------------------------------------------------------

UnderservedModel::UnderservedModel(QObject* parent) : QAbstractTableModel(parent) {}

void UnderservedModel::setResult(const analysis::UnderservedResult* result)
{
    beginResetModel();
    result_ = result;
    columns_.clear();
    using K = Column::Kind;
    columns_ = {{K::Rank}, {K::Village}, {K::Commune}, {K::CommuneOld}, {K::District}};
    const bool network = result && result->network.computed;
    for (Service s : analysis::kServices) {
        columns_.push_back({K::Straight, s});
        if (network && s != Service::HardenedRoad) columns_.push_back({K::Network, s});
    }
    columns_.push_back({K::Score});
    endResetModel();
}

const analysis::VillageNeed* UnderservedModel::village(int row) const
{
    if (!result_ || row < 0 || row >= int(result_->villages.size())) return nullptr;
    return &result_->villages[std::size_t(row)];
}

int UnderservedModel::rowOf(std::int64_t id) const
{
    if (!result_) return -1;
    for (std::size_t i = 0; i < result_->villages.size(); ++i)
        if (result_->villages[i].id == id) return int(i);
    return -1;
}

int UnderservedModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !result_ ? 0 : int(result_->villages.size());
}

int UnderservedModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(columns_.empty() ? 10 : columns_.size());
}

QVariant UnderservedModel::data(const QModelIndex& index, int role) const
{
    const analysis::VillageNeed* v = village(index.row());
    if (!v || index.column() >= int(columns_.size())) return {};
    const Column& c = columns_[std::size_t(index.column())];
    using K = Column::Kind;
    const analysis::ServiceDistance& d = v->distance(c.service);
    if (role == Qt::DisplayRole) {
        switch (c.kind) {
        case K::Rank: return qlonglong(v->rank);
        case K::Village: return q(v->name);
        case K::Commune: return unitName(v->commune);
        case K::CommuneOld: return unitName(v->communeOld);
        case K::District: return unitName(v->district);
        case K::Straight: return kmText(d.straightLineM);
        case K::Network: return kmText(d.networkM);
        case K::Score: return numberLocale().toString(v->score, 'f', 2);
        }
    }
    if (role == Qt::TextAlignmentRole) {
        if (c.kind == K::Rank || c.kind == K::Straight || c.kind == K::Network || c.kind == K::Score)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    if (role == Qt::FontRole) {
        // The distance the score used is bold when both kinds are shown.
        const bool network = result_ && result_->network.computed && c.service != Service::HardenedRoad;
        if (network && ((c.kind == K::Straight && d.scoredKind == analysis::DistanceKind::StraightLine) ||
                        (c.kind == K::Network && d.scoredKind == analysis::DistanceKind::Network))) {
            QFont f;
            f.setBold(true);
            return f;
        }
        if (c.kind == K::Score) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    }
    if (role == Qt::ToolTipRole) {
        if (c.kind == K::Score || c.kind == K::Village) return q(v->breakdownText());
        if ((c.kind == K::Straight || c.kind == K::Network)) {
            const std::string& name = c.kind == K::Straight ? d.nearestName : d.networkNearestName;
            return name.empty() ? QVariant() : tr("Gần nhất: %1").arg(q(name));
        }
        return {};
    }
    if (role == Qt::UserRole) return qlonglong(v->id);
    return {};
}

QVariant UnderservedModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= int(columns_.size())) return {};
    const Column& c = columns_[std::size_t(section)];
    using K = Column::Kind;
    if (role == Qt::DisplayRole) {
        switch (c.kind) {
        case K::Rank: return tr("Hạng");
        case K::Village: return tr("Thôn");
        case K::Commune: return tr("Xã (từ 01/7/2025)");
        case K::CommuneOld: return tr("Xã (trước 01/7/2025)");
        case K::District: return tr("Huyện (2023)");
        case K::Straight: return tr("%1, đường thẳng (km)").arg(serviceTitle(c.service));
        case K::Network: return tr("%1, theo đường (km)").arg(serviceTitle(c.service));
        case K::Score:
            return result_ && result_->illustrative ? tr("Điểm nhu cầu (MINH HỌA)") : tr("Điểm nhu cầu");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (c.kind) {
        case K::Straight:
            return tr("Khoảng cách trắc địa (WGS 84) đến %1 gần nhất").arg(serviceTitle(c.service).toLower());
        case K::Network:
            return tr("Khoảng cách theo mạng đường giao thông, kể cả đoạn từ thôn ra đường; "
                      "chữ đậm: khoảng cách dùng để tính điểm");
        case K::Score:
            return tr("Tổng các thành phần điểm; chọn một dòng để xem cách tính");
        default: return {};
        }
    }
    return {};
}

// --- UnderservedPage -------------------------------------------------------------------

UnderservedPage::UnderservedPage(MainWindow& window, ResultLayers& layers, QWidget* parent)
    : AnalysisPage(window, layers, tr("thon_kho_tiep_can"), parent)
{
    auto* form = new QWidget;
    buildForm(form);

    // Results: banner, summary line, filters and export, then tabs.
    summaryLine_->setText(tr("Chưa có kết quả. Đặt ngưỡng và trọng số rồi bấm «Chạy phân tích»."));
    districtFilter_ = new QComboBox;
    communeFilter_ = new QComboBox;
    districtFilter_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    communeFilter_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto* filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Huyện:")));
    filters->addWidget(districtFilter_);
    filters->addWidget(new QLabel(tr("Xã:")));
    filters->addWidget(communeFilter_);
    filters->addStretch();
    filters->addWidget(export_);

    model_ = new UnderservedModel(this);
    model_->setResult(nullptr);
    table_ = new QTableView;
    table_->setModel(model_);
    setUpResultView(table_);
    breakdown_ = new QTextBrowser;
    breakdown_->setPlaceholderText(tr("Chọn một thôn trong bảng để xem điểm được tính thế nào."));
    auto* rankSplit = new QSplitter(Qt::Horizontal);
    rankSplit->addWidget(table_);
    rankSplit->addWidget(breakdown_);
    rankSplit->setStretchFactor(0, 3);
    rankSplit->setStretchFactor(1, 1);

    summaryLevel_ = new QComboBox;
    summaryLevel_->addItem(tr("Theo huyện (2023)"), int(analysis::SummaryLevel::District2023));
    summaryLevel_->addItem(tr("Theo xã (từ 01/7/2025)"), int(analysis::SummaryLevel::Commune2025));
    summaryLevel_->addItem(tr("Theo xã (trước 01/7/2025)"), int(analysis::SummaryLevel::CommuneOld));
    QStringList headers{tr("Đơn vị"), tr("Số thôn")};
    for (Service s : analysis::kServices) headers << tr("Xa %1 quá ngưỡng").arg(serviceTitle(s).toLower());
    headers << tr("Điểm trung bình") << tr("Điểm cao nhất");
    summary_ = makeResultTable(headers);
    auto* summaryPage = new QWidget;
    auto* summaryLayout = new QVBoxLayout(summaryPage);
    summaryLayout->setContentsMargins(0, 4, 0, 0);
    summaryLayout->addWidget(summaryLevel_, 0, Qt::AlignLeft);
    summaryLayout->addWidget(summary_);

    auto* tabs = new QTabWidget;
    tabs->addTab(rankSplit, tr("Xếp hạng thôn"));
    tabs->addTab(summaryPage, tr("Tổng hợp theo đơn vị"));

    auto* results = new QWidget;
    QVBoxLayout* resultsColumn = resultsLayout(results);
    resultsColumn->addWidget(summaryLine_);
    resultsColumn->addLayout(filters);
    resultsColumn->addWidget(tabs, 1);
    setContent(form, results);

    rescoreTimer_.setSingleShot(true);
    rescoreTimer_.setInterval(150);
    connect(&rescoreTimer_, &QTimer::timeout, this, &UnderservedPage::rescoreNow);
    connect(districtFilter_, &QComboBox::activated, this, [this] {
        fillCommuneFilter();
        applyFilters();
    });
    connect(communeFilter_, &QComboBox::activated, this, &UnderservedPage::applyFilters);
    connect(summaryLevel_, &QComboBox::currentIndexChanged, this, &UnderservedPage::fillSummary);
    connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &UnderservedPage::onRowSelected);
    fillFilters();
}

UnderservedPage::~UnderservedPage() = default;

void UnderservedPage::buildForm(QWidget* form)
{
    const analysis::UnderservedSettings defaults;
    auto* services = new QGroupBox(tr("Ngưỡng và trọng số theo dịch vụ"));
    auto* grid = new QGridLayout(services);
    grid->addWidget(new QLabel(tr("Dịch vụ")), 0, 0);
    grid->addWidget(new QLabel(tr("Ngưỡng")), 0, 1);
    grid->addWidget(new QLabel(tr("Trọng số")), 0, 2);
    for (Service s : analysis::kServices) {
        const std::size_t i = analysis::serviceIndex(s);
        threshold_[i] = spin(0.1, 100.0, 1, 0.5, tr(" km"));
        weight_[i] = spin(0.0, 10.0, 2, 0.25, QString());
        threshold_[i]->setObjectName(QStringLiteral("threshold_") + QString::fromLatin1(analysis::serviceKey(s)));
        weight_[i]->setObjectName(QStringLiteral("weight_") + QString::fromLatin1(analysis::serviceKey(s)));
        threshold_[i]->setToolTip(tr("Thôn xa %1 gần nhất hơn ngưỡng này thì được cộng điểm").arg(serviceTitle(s).toLower()));
        const int row = int(i) + 1;
        grid->addWidget(new QLabel(serviceTitle(s)), row, 0);
        grid->addWidget(threshold_[i], row, 1);
        grid->addWidget(weight_[i], row, 2);
    }

    auto* flags = new QGroupBox(tr("Điểm cộng theo đối tượng"));
    auto* flagForm = new QFormLayout(flags);
    dbkk_ = spin(0.0, 10.0, 2, 0.25, QString());
    area3_ = spin(0.0, 10.0, 2, 0.25, QString());
    area2_ = spin(0.0, 10.0, 2, 0.25, QString());
    cap_ = spin(0.0, 20.0, 1, 0.5, QString());
    flagForm->addRow(tr("Thôn/xã đặc biệt khó khăn (ĐBKK):"), dbkk_);
    flagForm->addRow(tr("Vùng dân tộc thiểu số khu vực III:"), area3_);
    flagForm->addRow(tr("Vùng dân tộc thiểu số khu vực II:"), area2_);
    flagForm->addRow(tr("Mỗi dịch vụ tối đa (× trọng số):"), cap_);

    network_ = new QCheckBox(tr("Khoảng cách theo đường giao thông"));
    network_->setToolTip(tr("Tính cả khoảng cách theo đường giao thông (khi các tuyến đường nối nhau)"));
    scoreNetwork_ = new QCheckBox(tr("Tính điểm theo đường giao thông"));
    scoreNetwork_->setToolTip(tr("Tính điểm theo khoảng cách đường giao thông khi có"));
    planned_ = new QCheckBox(tr("Tính cả công trình theo kế hoạch"));
    planned_->setToolTip(tr("Tính cả công trình theo kế hoạch (chợ mới, dự án chưa hoàn thành)"));

    QVBoxLayout* layout = formLayout(form);
    layout->addWidget(services);
    layout->addWidget(flags);
    layout->addWidget(network_);
    layout->addWidget(scoreNetwork_);
    layout->addWidget(planned_);
    layout->addWidget(runBar_);
    layout->addStretch();
    setSettings(defaults);

    for (QDoubleSpinBox* s : threshold_) connect(s, &QDoubleSpinBox::valueChanged, this, &UnderservedPage::onSettingsEdited);
    for (QDoubleSpinBox* s : weight_) connect(s, &QDoubleSpinBox::valueChanged, this, &UnderservedPage::onSettingsEdited);
    for (QDoubleSpinBox* s : {dbkk_, area3_, area2_, cap_})
        connect(s, &QDoubleSpinBox::valueChanged, this, &UnderservedPage::onSettingsEdited);
    for (QCheckBox* c : {network_, scoreNetwork_, planned_})
        connect(c, &QCheckBox::toggled, this, &UnderservedPage::onSettingsEdited);
}

analysis::UnderservedSettings UnderservedPage::settings() const
{
    analysis::UnderservedSettings s;
    for (Service svc : analysis::kServices) {
        const std::size_t i = analysis::serviceIndex(svc);
        s.score.rule(svc).thresholdMetres = threshold_[i]->value() * 1000.0;
        s.score.rule(svc).weight = weight_[i]->value();
    }
    s.score.dbkkWeight = dbkk_->value();
    s.score.areaIIIWeight = area3_->value();
    s.score.areaIIWeight = area2_->value();
    s.score.cap = cap_->value();
    s.network = network_->isChecked() ? analysis::NetworkMode::Auto : analysis::NetworkMode::Off;
    s.score.preferNetworkDistance = scoreNetwork_->isChecked();
    s.countPlannedWorks = planned_->isChecked();
    return s;
}

void UnderservedPage::setSettings(const analysis::UnderservedSettings& s)
{
    const QSignalBlocker block(this);
    for (Service svc : analysis::kServices) {
        const std::size_t i = analysis::serviceIndex(svc);
        threshold_[i]->setValue(s.score.rule(svc).thresholdMetres / 1000.0);
        weight_[i]->setValue(s.score.rule(svc).weight);
    }
    dbkk_->setValue(s.score.dbkkWeight);
    area3_->setValue(s.score.areaIIIWeight);
    area2_->setValue(s.score.areaIIWeight);
    cap_->setValue(s.score.cap);
    network_->setChecked(s.network == analysis::NetworkMode::Auto);
    scoreNetwork_->setChecked(s.score.preferNetworkDistance);
    planned_->setChecked(s.countPlannedWorks);
}

bool UnderservedPage::run()
{
    const std::optional<std::filesystem::path> file = projectFileForRun();
    if (!file) return false;
    const analysis::UnderservedSettings s = settings();
    if (!settingsValid([&s] { s.score.validate(); })) return false;
    clearResult();
    auto out = std::make_shared<analysis::UnderservedResult>();
    pending_ = out;
    return runner_->start([file = *file, s, out](const analysis::RunControl& control) {
        *out = analysis::analyzeUnderserved(readAccessInputs(file, control), s, control);
    });
}

void UnderservedPage::onFinished()
{
    if (!pending_) return;
    result_ = std::make_unique<analysis::UnderservedResult>(std::move(*pending_));
    pending_.reset();
    runBar_->setMessage(tr("Xong: %1 thôn được xếp hạng.").arg(formatInteger(qint64(result_->villages.size()))));
    fillFilters();
    showResult();
}

void UnderservedPage::dropPending()
{
    pending_.reset();
}

void UnderservedPage::onSettingsEdited()
{
    if (!result_ || runner_->isRunning()) return;
    const analysis::UnderservedSettings s = settings();
    if (s.network != result_->settings.network || s.countPlannedWorks != result_->settings.countPlannedWorks) {
        runBar_->setMessage(tr("Đã đổi cách tính khoảng cách: bấm «Chạy phân tích» để tính lại."));
        return;
    }
    rescoreTimer_.start();
}

void UnderservedPage::rescoreNow()
{
    if (!result_ || runner_->isRunning()) return;
    try {
        analysis::rescore(*result_, settings().score);
    } catch (const std::exception& e) {
        runBar_->setMessage(QString::fromUtf8(e.what()), true);
        return;
    }
    runBar_->setMessage(tr("Đã tính lại điểm với ngưỡng và trọng số mới (khoảng cách giữ nguyên)."));
    showResult();
}

void UnderservedPage::clearResult()
{
    rescoreTimer_.stop();
    clearCommon(kUnderservedLayer);
    model_->setResult(nullptr);
    shown_.reset();
    result_.reset();
    summary_->setRowCount(0);
    breakdown_->clear();
    fillFilters();
}

void UnderservedPage::showResult()
{
    if (!result_) return;
    banner_->showFor(result_->illustrative, result_->illustrativeSources);
    const auto& c = result_->serviceCounts;
    summaryLine_->setText(tr("%1 thôn; dịch vụ: %2 chợ, %3 trạm y tế, %4 trường học, %5 tuyến đường cứng hóa. "
                             "Mạng đường: %6")
                              .arg(formatInteger(qint64(result_->villages.size())), formatInteger(qint64(c[0])),
                                   formatInteger(qint64(c[1])), formatInteger(qint64(c[2])), formatInteger(qint64(c[3])),
                                   q(result_->network.note)));
    export_->setEnabled(true);
    showResultLayer([this] { return underservedLayer(*result_); });
    applyFilters();
    emit resultChanged();
}

void UnderservedPage::fillFilters()
{
    const QVariant current = districtFilter_->currentData();
    districtFilter_->clear();
    districtFilter_->addItem(tr("Tất cả"), QVariant());
    if (result_) {
        std::map<QString, std::int64_t> districts;
        for (const analysis::VillageNeed& v : result_->villages)
            if (v.district.id) districts.emplace(q(v.district.name), *v.district.id);
        for (const auto& [name, id] : districts) districtFilter_->addItem(name, qlonglong(id));
    }
    const int i = districtFilter_->findData(current);
    districtFilter_->setCurrentIndex(i < 0 ? 0 : i);
    fillCommuneFilter();
}

void UnderservedPage::fillCommuneFilter()
{
    const QVariant current = communeFilter_->currentData();
    const QVariant district = districtFilter_->currentData();
    communeFilter_->clear();
    communeFilter_->addItem(tr("Tất cả"), QVariant());
    if (result_) {
        std::map<QString, std::int64_t> communes;
        for (const analysis::VillageNeed& v : result_->villages) {
            if (district.isValid() && (!v.district.id || *v.district.id != district.toLongLong())) continue;
            if (v.commune.id) communes.emplace(q(v.commune.name), *v.commune.id);
        }
        for (const auto& [name, id] : communes) communeFilter_->addItem(name, qlonglong(id));
    }
    const int i = communeFilter_->findData(current);
    communeFilter_->setCurrentIndex(i < 0 ? 0 : i);
}

void UnderservedPage::applyFilters()
{
    if (!result_) return;
    const std::int64_t selected = [this] {
        const auto* v = model_->village(table_->currentIndex().row());
        return v ? v->id : std::int64_t(-1);
    }();
    analysis::VillageFilter filter;
    if (districtFilter_->currentData().isValid()) filter.districtId = districtFilter_->currentData().toLongLong();
    if (communeFilter_->currentData().isValid()) filter.communeId = communeFilter_->currentData().toLongLong();
    model_->setResult(nullptr);
    shown_ = std::make_unique<analysis::UnderservedResult>(analysis::filterVillages(*result_, filter));
    model_->setResult(shown_.get());
    table_->resizeColumnsToContents();
    fillSummary();
    const int row = model_->rowOf(selected);
    if (row >= 0) table_->selectRow(row);
    else showBreakdown(nullptr);
}

void UnderservedPage::fillSummary()
{
    summary_->setRowCount(0);
    if (!shown_) return;
    const auto level = analysis::SummaryLevel(summaryLevel_->currentData().toInt());
    std::vector<QStringList> rows;
    for (const analysis::ThresholdSummary& s : analysis::summarize(*shown_, level)) {
        QStringList r{unitName(s.unit) + (s.illustrative ? tr(" (minh họa)") : QString()),
                      formatInteger(qint64(s.villages))};
        for (Service svc : analysis::kServices)
            r << tr("%1 (%2)").arg(formatInteger(qint64(s.beyond[analysis::serviceIndex(svc)])),
                                   formatPercent(100.0 * s.share(svc)));
        r << numberLocale().toString(s.meanScore, 'f', 2) << numberLocale().toString(s.maxScore, 'f', 2);
        rows.push_back(r);
    }
    fillTable(summary_, rows, {1, 2, 3, 4, 5, 6, 7});
}

void UnderservedPage::onRowSelected()
{
    const QModelIndexList rows = table_->selectionModel()->selectedRows();
    const analysis::VillageNeed* v = rows.isEmpty() ? nullptr : model_->village(rows.front().row());
    showBreakdown(v);
    if (!v) return;
    const QString key = QString::fromLatin1(kUnderservedLayer);
    MapProject* project = window_.project();
    if (project->indexOf(key) < 0) return;
    project->setSelection(key, {qint64(v->id)});
    window_.canvas()->setHighlight(key, v->id);
    // Zoom to about 6 km around the village, unless it is already well in view at a close scale.
    try {
        geo::Transform toDisplay(geo::Crs::fromEpsg(4326), project->displayCrs());
        render::Extent e;
        for (const auto& [dlon, dlat] : {std::pair{-0.03, -0.027}, std::pair{0.03, 0.027}}) {
            const geo::XY p = toDisplay.forward(v->lon + dlon, v->lat + dlat);
            e.expand(p.x, p.y);
        }
        const render::Extent view = window_.canvas()->controller()->viewport().extent();
        const geo::XY here = toDisplay.forward(v->lon, v->lat);
        const bool closeAndInView = view.width() <= 4.0 * e.width() && view.contains(render::Extent(here.x, here.y, here.x, here.y));
        if (!closeAndInView) window_.canvas()->controller()->zoomToExtent(e, 0.0);
    } catch (const std::exception&) {
        // A village outside the display CRS's domain: highlighted, not zoomed.
    }
}

void UnderservedPage::showBreakdown(const analysis::VillageNeed* v)
{
    if (!v) {
        breakdown_->clear();
        return;
    }
    QString html = QStringLiteral("<p><b>%1</b>%2<br>%3 · %4<br>%5</p>")
                       .arg(q(v->name).toHtmlEscaped(),
                            v->illustrative ? QStringLiteral(" <span style='color:#b01b26'>") + tr("(minh họa)") +
                                                  QStringLiteral("</span>")
                                            : QString(),
                            unitName(v->commune).toHtmlEscaped(), unitName(v->district).toHtmlEscaped(),
                            tr("Hạng %1 / %2 · điểm <b>%3</b>")
                                .arg(formatInteger(qint64(v->rank)),
                                     formatInteger(qint64(result_ ? result_->villages.size() : 0)),
                                     numberLocale().toString(v->score, 'f', 2)));
    html += QStringLiteral("<table cellspacing='0' cellpadding='2' width='100%'>");
    html += QStringLiteral("<tr><th align='left'>%1</th><th align='left'>%2</th><th align='right'>%3</th></tr>")
                .arg(tr("Thành phần"), tr("Chi tiết"), tr("Điểm"));
    for (const analysis::ScoreTerm& t : v->breakdown)
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td align='right'>+%3</td></tr>")
                    .arg(q(t.labelVi).toHtmlEscaped(), q(t.detail).toHtmlEscaped(),
                         numberLocale().toString(t.points, 'f', 2));
    if (v->breakdown.empty())
        html += QStringLiteral("<tr><td colspan='3'>%1</td></tr>").arg(tr("Không có thành phần nào: mọi dịch vụ trong ngưỡng."));
    html += QStringLiteral("<tr><td colspan='2'><b>%1</b></td><td align='right'><b>%2</b></td></tr></table>")
                .arg(tr("Tổng"), numberLocale().toString(v->score, 'f', 2));
    html += QStringLiteral("<p><b>%1</b></p><table cellspacing='0' cellpadding='2'>").arg(tr("Khoảng cách"));
    for (Service s : analysis::kServices) {
        const analysis::ServiceDistance& d = v->distance(s);
        QString text = tr("%1 km đường thẳng").arg(kmText(d.straightLineM));
        if (!d.nearestName.empty()) text += QStringLiteral(" (") + q(d.nearestName).toHtmlEscaped() + QStringLiteral(")");
        if (d.networkM) text += tr("; %1 km theo đường").arg(kmText(d.networkM));
        html += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>").arg(serviceTitle(s), text);
    }
    html += QStringLiteral("</table><p>");
    html += tr("ĐBKK: %1").arg(v->dbkk ? (*v->dbkk ? tr("có") : tr("không")) : tr("không rõ"));
    html += QStringLiteral(" · ");
    html += tr("Khu vực dân tộc thiểu số: %1").arg(v->ethnicArea ? QString::number(*v->ethnicArea) : tr("không rõ"));
    if (v->population) html += QStringLiteral(" · ") + tr("Dân số: %1").arg(formatInteger(*v->population));
    html += QStringLiteral("</p>");
    breakdown_->setHtml(html);
}

void UnderservedPage::selectVillage(std::int64_t id)
{
    const int row = model_->rowOf(id);
    if (row >= 0) table_->selectRow(row);
}

analysis::ResultTables UnderservedPage::exportTables() const
{
    if (!shown_) return {};
    return analysis::toTables(*shown_);
}

} // namespace planmap::gui
