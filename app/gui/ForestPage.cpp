#include "ForestPage.h"

#include "AnalysisLayers.h"
#include "AnalysisRunner.h"
#include "AnalysisWidgets.h"
#include "Formats.h"
#include "MainWindow.h"
#include "StoreProjectData.h"

#include "planmap/layers/analysis/ResultExport.h"
#include "planmap/layers/store/ProjectStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <map>

namespace planmap::gui {

namespace {

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

} // namespace

struct ForestPage::Pending {
    std::shared_ptr<const analysis::ForestInputs> inputs;
    analysis::ForestResult result;
};

ForestPage::ForestPage(MainWindow& window, ResultLayers& layers, QWidget* parent)
    : AnalysisPage(window, layers, tr("dien_tich_rung"), parent)
{
    overlaps_ = new QCheckBox(tr("Kiểm tra các lô rừng chồng lấn nhau"));
    overlaps_->setChecked(true);
    record_ = new QPushButton(tr("Ghi nhận vào tiến độ…"));
    record_->setToolTip(tr("Ghi diện tích theo từng chỉ tiêu và từng đơn vị vào sổ tiến độ của kế hoạch"));
    record_->setEnabled(false);
    auto* settingsBox = new QGroupBox(tr("Diện tích rừng được bảo vệ"));
    auto* settingsLayout = new QVBoxLayout(settingsBox);
    auto* note = new QLabel(tr("Diện tích trắc địa (WGS 84) của các lô rừng, chia theo xã (từ 01/7/2025) và "
                               "huyện (2023), so với các chỉ tiêu rừng của kế hoạch."));
    note->setWordWrap(true);
    settingsLayout->addWidget(note);
    settingsLayout->addWidget(overlaps_);

    auto* form = new QWidget;
    QVBoxLayout* formColumn = formLayout(form);
    formColumn->addWidget(settingsBox);
    formColumn->addWidget(runBar_);
    auto* actions = new QHBoxLayout;
    actions->addWidget(record_);
    actions->addWidget(export_);
    actions->addStretch();
    formColumn->addLayout(actions);
    formColumn->addStretch();

    indicators_ = makeResultTable({tr("Mã chỉ tiêu"), tr("Chỉ tiêu"), tr("Kế hoạch (ha)"), tr("Tính từ bản đồ (ha)"),
                                   tr("Đạt (%)"), tr("Số lô")});
    types_ = makeResultTable({tr("Loại rừng"), tr("Diện tích (ha)"), tr("Số lô"), tr("Tỷ lệ")});
    holders_ = makeResultTable({tr("Chủ rừng"), tr("Diện tích (ha)"), tr("Số lô"), tr("Tỷ lệ")});
    auto* byKind = new QSplitter(Qt::Horizontal);
    byKind->addWidget(types_);
    byKind->addWidget(holders_);
    unitLevel_ = new QComboBox;
    unitLevel_->addItem(tr("Theo xã (từ 01/7/2025)"), int(analysis::ProgressUnitLevel::Commune2025));
    unitLevel_->addItem(tr("Theo huyện (2023)"), int(analysis::ProgressUnitLevel::District2023));
    units_ = makeResultTable({tr("Đơn vị"), tr("Diện tích (ha)"), tr("Số lô")});
    auto* unitPage = new QWidget;
    auto* unitLayout = new QVBoxLayout(unitPage);
    unitLayout->setContentsMargins(0, 4, 0, 0);
    unitLayout->addWidget(unitLevel_, 0, Qt::AlignLeft);
    unitLayout->addWidget(units_);
    overlapTable_ = makeResultTable({tr("Lô rừng"), tr("Chồng lấn với lô"), tr("Diện tích chồng lấn (ha)")});
    auto* tabs = new QTabWidget;
    tabs->addTab(indicators_, tr("So với chỉ tiêu kế hoạch"));
    tabs->addTab(byKind, tr("Theo loại rừng và chủ rừng"));
    tabs->addTab(unitPage, tr("Theo đơn vị hành chính"));
    tabs->addTab(overlapTable_, tr("Lô chồng lấn"));

    auto* results = new QWidget;
    QVBoxLayout* resultsColumn = resultsLayout(results);
    resultsColumn->addWidget(summaryLine_);
    resultsColumn->addWidget(tabs, 1);
    setContent(form, results);

    connect(unitLevel_, &QComboBox::currentIndexChanged, this, &ForestPage::fillUnits);
    connect(record_, &QPushButton::clicked, this, &ForestPage::recordProgressInteractively);
}

ForestPage::~ForestPage() = default;

analysis::ResultTables ForestPage::exportTables() const
{
    if (!result_) return {};
    return analysis::toTables(*result_, inputs_.get());
}

bool ForestPage::run()
{
    const std::optional<std::filesystem::path> file = projectFileForRun();
    if (!file) return false;
    analysis::ForestSettings settings;
    settings.checkOverlaps = overlaps_->isChecked();
    clearResult();
    auto pending = std::make_shared<Pending>();
    pending_ = pending;
    return runner_->start([file = *file, pending, settings](const analysis::RunControl& control) {
        readProject(file, control, layers::builtin_layers::kForests, [&](layers::ProjectStore& store) {
            pending->inputs = std::make_shared<const analysis::ForestInputs>(
                analysis::loadForestInputs(store, settings.rules, control));
        });
        pending->result = analysis::analyzeForest(*pending->inputs, settings, control);
    });
}

void ForestPage::onFinished()
{
    if (!pending_) return;
    result_ = std::make_unique<analysis::ForestResult>(std::move(pending_->result));
    inputs_ = pending_->inputs;
    pending_.reset();
    runBar_->setMessage(tr("Xong."));
    showResult();
}

void ForestPage::dropPending()
{
    pending_.reset();
}

void ForestPage::clearResult()
{
    clearCommon(kForestLayer);
    result_.reset();
    inputs_.reset();
    for (QTableWidget* t : {indicators_, types_, holders_, units_, overlapTable_}) t->setRowCount(0);
    record_->setEnabled(false);
}

QString ForestPage::label(const std::string& field, const std::string& code) const
{
    if (result_) {
        const auto f = result_->labels.find(field);
        if (f != result_->labels.end())
            if (const auto l = f->second.find(code); l != f->second.end()) return q(l->second);
    }
    return code.empty() ? tr("(không rõ)") : q(code);
}

void ForestPage::showResult()
{
    if (!result_) return;
    const analysis::ForestResult& r = *result_;
    banner_->showFor(r.illustrative, r.illustrativeSources);
    QString summary = tr("%1 lô rừng, %2 ha (diện tích trắc địa).")
                          .arg(formatInteger(qint64(r.total.plots)), haText(r.total.ha));
    if (r.overlapsChecked)
        summary += QLatin1Char(' ') + tr("%1 cặp lô chồng lấn, %2 ha bị tính hai lần.")
                                          .arg(formatInteger(qint64(r.overlaps.size())), haText(r.doubleCountedHa));
    if (r.outsideCommunesHa > 0.005)
        summary += QLatin1Char(' ') + tr("%1 ha nằm ngoài mọi xã.").arg(haText(r.outsideCommunesHa));
    summaryLine_->setText(summary);

    std::vector<QStringList> rows;
    for (const analysis::IndicatorComparison& c : r.indicators) {
        QString name = q(c.indicator.name.empty() ? c.ruleVi : c.indicator.name);
        if (!c.inCatalogue) name += tr(" (không có trong kế hoạch)");
        QString target = c.indicator.target ? formatNumber(*c.indicator.target, 2) : QStringLiteral("—");
        if (c.indicator.target && c.indicator.year) target += tr(" (năm %1)").arg(*c.indicator.year);
        rows.push_back({q(c.indicator.code), name, target,
                        haText(c.computed.ha) + (c.computed.illustrative ? tr(" (minh họa)") : QString()),
                        c.percentOfTarget ? formatPercent(*c.percentOfTarget) : QStringLiteral("—"),
                        formatInteger(qint64(c.computed.plots))});
    }
    fillTable(indicators_, rows, {2, 3, 4, 5});
    for (int row = 0; row < int(r.indicators.size()); ++row)
        for (int col = 0; col < indicators_->columnCount(); ++col)
            indicators_->item(row, col)->setToolTip(q(r.indicators[std::size_t(row)].ruleVi));

    auto share = [&r](double ha) { return r.total.ha > 0 ? formatPercent(100.0 * ha / r.total.ha) : QStringLiteral("—"); };
    rows.clear();
    for (const auto& [code, a] : r.byForestType)
        rows.push_back({label("forest_type", code), haText(a.ha), formatInteger(qint64(a.plots)), share(a.ha)});
    fillTable(types_, rows, {1, 2, 3});
    rows.clear();
    for (const auto& [code, a] : r.byHolder)
        rows.push_back({label("holder", code), haText(a.ha), formatInteger(qint64(a.plots)), share(a.ha)});
    fillTable(holders_, rows, {1, 2, 3});
    fillUnits();

    std::map<std::int64_t, const analysis::PlotResult*> plots;
    for (const analysis::PlotResult& p : r.plots) plots[p.id] = &p;
    auto plotName = [&plots](std::int64_t id) {
        const auto it = plots.find(id);
        if (it == plots.end()) return QString::number(id);
        const analysis::PlotResult& p = *it->second;
        return p.name.empty() ? q(p.key) : q(p.key) + QStringLiteral(" · ") + q(p.name);
    };
    rows.clear();
    for (const analysis::PlotOverlap& o : r.overlaps)
        rows.push_back({plotName(o.plotA), plotName(o.plotB), numberLocale().toString(o.overlapHa, 'f', 4)});
    fillTable(overlapTable_, rows, {2});

    record_->setEnabled(progressEntryCount(analysis::ProgressUnitLevel::Commune2025) > 0 ||
                        progressEntryCount(analysis::ProgressUnitLevel::District2023) > 0);
    export_->setEnabled(true);
    if (inputs_) showResultLayer([&] { return forestCommuneLayer(r, *inputs_); });
}

void ForestPage::fillUnits()
{
    units_->setRowCount(0);
    if (!result_) return;
    const bool communes = analysis::ProgressUnitLevel(unitLevel_->currentData().toInt()) ==
                          analysis::ProgressUnitLevel::Commune2025;
    const auto& units = communes ? result_->communes : result_->districts;
    QStringList headers{tr("Đơn vị"), tr("Diện tích (ha)"), tr("Số lô")};
    std::vector<std::string> types;
    for (const auto& [code, a] : result_->byForestType) {
        types.push_back(code);
        headers << tr("%1 (ha)").arg(label("forest_type", code));
    }
    units_->setColumnCount(int(headers.size()));
    units_->setHorizontalHeaderLabels(headers);
    std::vector<QStringList> rows;
    std::vector<int> numeric;
    for (int c = 1; c < int(headers.size()); ++c) numeric.push_back(c);
    for (const analysis::UnitForestTotal& u : units) {
        QStringList row{q(u.unit.name) + (u.total.illustrative ? tr(" (minh họa)") : QString()), haText(u.total.ha),
                        formatInteger(qint64(u.total.plots))};
        for (const std::string& t : types) {
            const auto it = u.byForestType.find(t);
            row << (it == u.byForestType.end() ? QStringLiteral("0,00") : haText(it->second.ha));
        }
        rows.push_back(row);
    }
    fillTable(units_, rows, numeric);
}

std::size_t ForestPage::progressEntryCount(analysis::ProgressUnitLevel level) const
{
    if (!result_) return 0;
    const auto& units = level == analysis::ProgressUnitLevel::Commune2025 ? result_->communes : result_->districts;
    std::size_t n = 0;
    for (const analysis::IndicatorComparison& c : result_->indicators) {
        if (!c.inCatalogue) continue;
        for (const analysis::UnitForestTotal& u : units) {
            const auto it = u.byIndicator.find(c.indicator.code);
            if (it != u.byIndicator.end() && it->second.ha > 0.0 && u.unit.id) ++n;
        }
    }
    return n;
}

std::vector<std::int64_t> ForestPage::recordProgress(const analysis::ForestProgressOptions& options)
{
    StoreProjectData* data = window_.storeData();
    if (!result_ || !data) return {};
    return analysis::recordForestProgress(data->store().progress(), *result_, options);
}

void ForestPage::recordProgressInteractively()
{
    if (!result_) return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Ghi nhận diện tích rừng vào tiến độ"));
    auto* date = new QDateEdit(QDate::currentDate());
    date->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    date->setCalendarPopup(true);
    auto* level = new QComboBox;
    level->addItem(tr("Xã (từ 01/7/2025)"), int(analysis::ProgressUnitLevel::Commune2025));
    level->addItem(tr("Huyện (2023)"), int(analysis::ProgressUnitLevel::District2023));
    auto* author = new QLineEdit;
    author->setPlaceholderText(tr("Người ghi (không bắt buộc)"));
    auto* info = new QLabel;
    info->setWordWrap(true);
    auto updateInfo = [this, level, info] {
        const std::size_t n = progressEntryCount(analysis::ProgressUnitLevel(level->currentData().toInt()));
        QString text = tr("Sẽ ghi %1 mục tiến độ: diện tích (ha) của mỗi chỉ tiêu rừng có trong kế hoạch, "
                          "cho mỗi đơn vị có diện tích.")
                           .arg(formatInteger(qint64(n)));
        if (result_->illustrative)
            text += QStringLiteral("<br><b style='color:#b01b26'>") +
                    tr("Kết quả tính từ dữ liệu minh họa: các mục sẽ được đánh dấu là minh họa.") +
                    QStringLiteral("</b>");
        info->setText(text);
    };
    updateInfo();
    connect(level, &QComboBox::currentIndexChanged, &dialog, updateInfo);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Ghi nhận"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Hủy"));
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* form = new QFormLayout(&dialog);
    form->addRow(tr("Số liệu tính đến ngày:"), date);
    form->addRow(tr("Ghi theo đơn vị:"), level);
    form->addRow(tr("Người ghi:"), author);
    form->addRow(info);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted) return;

    analysis::ForestProgressOptions options;
    const QDate d = date->date();
    options.asOf = layers::makeDate(d.year(), unsigned(d.month()), unsigned(d.day()));
    options.level = analysis::ProgressUnitLevel(level->currentData().toInt());
    if (!author->text().trimmed().isEmpty()) options.author = author->text().trimmed().toStdString();
    try {
        const std::vector<std::int64_t> ids = recordProgress(options);
        // The plan panel, dashboard and identify panel follow the project: let them read the new entries.
        if (!ids.empty()) window_.reloadProject();
        QMessageBox::information(this, tr("Ghi nhận tiến độ"),
                                 tr("Đã ghi %1 mục tiến độ, tính đến ngày %2.")
                                     .arg(formatInteger(qint64(ids.size())), formatDate(d)));
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Ghi nhận tiến độ"),
                             tr("Không ghi được tiến độ:\n%1").arg(QString::fromUtf8(e.what())));
    }
}

} // namespace planmap::gui
