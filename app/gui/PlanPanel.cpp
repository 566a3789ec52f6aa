#include "PlanPanel.h"

#include "Formats.h"
#include "Language.h"
#include "PlanSession.h"
#include "PlanTreeModel.h"
#include "SearchText.h"

#include "planmap/layers/store/ProjectStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>

namespace planmap::gui {

namespace L = planmap::layers;
namespace P = planmap::layers::progress;

namespace {

QString esc(const QString& s)
{
    return s.toHtmlEscaped();
}

QString aggregationText(L::Aggregation a)
{
    switch (a) {
    case L::Aggregation::Sum: return PlanPanel::tr("cộng giá trị của các đơn vị");
    case L::Aggregation::Ratio: return PlanPanel::tr("tỷ lệ: cộng riêng tử số và mẫu số của các đơn vị");
    case L::Aggregation::Percent: return PlanPanel::tr("tỷ lệ %: bình quân gia quyền khi mọi đơn vị có tử số, mẫu số; nếu không, chỉ tính nơi đã nhập");
    case L::Aggregation::PercentPoint: return PlanPanel::tr("điểm phần trăm: không cộng, chỉ tính nơi đã nhập");
    case L::Aggregation::Max: return PlanPanel::tr("lấy giá trị lớn nhất của các đơn vị");
    case L::Aggregation::None: return PlanPanel::tr("không tổng hợp, chỉ tính nơi đã nhập");
    }
    return {};
}

QString originText(P::ValueOrigin o)
{
    switch (o) {
    case P::ValueOrigin::Entered: return PlanPanel::tr("tự báo cáo");
    case P::ValueOrigin::RolledUp: return PlanPanel::tr("tổng hợp từ cấp dưới");
    case P::ValueOrigin::None: break;
    }
    return {};
}

QString noteText(const P::RollupNote& n)
{
    return planText(uiLanguage() == Language::English ? n.en : n.vi);
}

} // namespace

// --- PlanFilterModel -------------------------------------------------------

PlanFilterModel::PlanFilterModel(QObject* parent) : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
}

void PlanFilterModel::setText(const QString& text)
{
    folded_ = foldForSearch(text.trimmed());
    invalidateFilter();
}

void PlanFilterModel::setOnlyMarked(bool only)
{
    onlyMarked_ = only;
    invalidateFilter();
}

bool PlanFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (onlyMarked_ && !index.data(PlanTreeModel::MarkedRole).toBool()) return false;
    if (folded_.isEmpty()) return true;
    for (QModelIndex i = index; i.isValid(); i = i.parent())
        if (i.data(PlanTreeModel::SearchTextRole).toString().contains(folded_)) return true;
    return false;
}

// --- PlanPanel ---------------------------------------------------------------

PlanPanel::PlanPanel(QWidget* parent) : QWidget(parent)
{
    model_ = new PlanTreeModel(this);
    filter_ = new PlanFilterModel(this);
    filter_->setSourceModel(model_);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* top = new QHBoxLayout;
    search_ = new QLineEdit(this);
    search_->setPlaceholderText(tr("Tìm nội dung, chỉ tiêu hoặc mã (DA04.1…)"));
    search_->setClearButtonEnabled(true);
    top->addWidget(search_, 1);
    onlyContext_ = new QCheckBox(tr("Chỉ hiện chỉ tiêu của đối tượng đang chọn"), this);
    top->addWidget(onlyContext_);
    top->addWidget(new QLabel(tr("Đánh giá đến"), this));
    statusDate_ = new QDateEdit(QDate::currentDate(), this);
    statusDate_->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    statusDate_->setCalendarPopup(true);
    statusDate_->setToolTip(tr("Tình trạng so với phần thời gian đã qua của năm kế hoạch tính đến ngày này."));
    top->addWidget(statusDate_);
    layout->addLayout(top);

    // The tree and, beside it, the detail of the selected row.
    auto* split = new QSplitter(Qt::Horizontal, this);
    view_ = new QTreeView(split);
    view_->setModel(filter_);
    view_->setUniformRowHeights(true);
    view_->setAlternatingRowColors(true);
    view_->header()->setStretchLastSection(false);
    view_->header()->setSectionResizeMode(PlanTreeModel::NameColumn, QHeaderView::Stretch);
    for (int c = PlanTreeModel::UnitColumn; c < PlanTreeModel::ColumnCount; ++c)
        view_->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    view_->header()->setMinimumSectionSize(60);
    detail_ = new QTextBrowser(split);
    detail_->setOpenLinks(false);
    split->addWidget(view_);
    split->addWidget(detail_);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);

    footnote_ = new QLabel(tr("* Số liệu minh họa (tự sinh để trình diễn), không phải số liệu thật."), this);
    footnote_->setStyleSheet(QStringLiteral("color: #8c510a;"));
    footnote_->hide();

    auto* buttons = new QHBoxLayout;
    record_ = new QPushButton(tr("Nhập tiến độ…"), this);
    link_ = new QPushButton(tr("Liên kết…"), this);
    map_ = new QPushButton(tr("Bản đồ tiến độ"), this);
    mapUnits_ = new QComboBox(this);
    mapUnits_->addItem(tr("theo huyện (2023)"), false);
    mapUnits_->addItem(tr("theo xã (2025)"), true);
    mapMeasure_ = new QComboBox(this);
    mapMeasure_->addItem(tr("% đạt"), true);
    mapMeasure_->addItem(tr("giá trị đạt"), false);
    context_ = new QLabel(tr("Chưa chọn đối tượng trên bản đồ."), this);
    context_->setStyleSheet(QStringLiteral("color: #555;"));
    buttons->addWidget(record_);
    buttons->addWidget(link_);
    buttons->addWidget(context_, 1);
    buttons->addWidget(footnote_);
    buttons->addWidget(map_);
    buttons->addWidget(mapUnits_);
    buttons->addWidget(mapMeasure_);
    layout->addLayout(buttons);

    connect(search_, &QLineEdit::textChanged, this, [this](const QString& t) {
        filter_->setText(t);
        if (!t.trimmed().isEmpty()) view_->expandAll();
    });
    connect(onlyContext_, &QCheckBox::toggled, this, [this](bool on) {
        filter_->setOnlyMarked(on);
        if (on) view_->expandAll();
    });
    connect(statusDate_, &QDateEdit::dateChanged, this, [this](const QDate& d) {
        if (session_) session_->setStatusDate(d);
    });
    connect(view_->selectionModel(), &QItemSelectionModel::currentChanged, this, &PlanPanel::onCurrentChanged);
    connect(record_, &QPushButton::clicked, this, [this] {
        if (auto id = currentIndicator()) emit recordRequested(*id);
    });
    connect(link_, &QPushButton::clicked, this, [this] { emit linkRequested(currentIndicator()); });
    connect(map_, &QPushButton::clicked, this, [this] {
        if (auto id = currentIndicator())
            emit mapRequested(*id, mapUnits_->currentData().toBool(), mapMeasure_->currentData().toBool());
    });
    updateButtons();
}

PlanPanel::~PlanPanel() = default;

void PlanPanel::setSession(PlanSession* session)
{
    if (session_) disconnect(session_, nullptr, this, nullptr);
    session_ = session;
    if (session_) {
        statusDate_->setDate(session_->statusDate());
        connect(session_, &PlanSession::progressChanged, this, &PlanPanel::reload);
        connect(session_, &PlanSession::linksChanged, this, &PlanPanel::reload);
        connect(session_, &PlanSession::statusDateChanged, this, [this] {
            const QSignalBlocker block(statusDate_);
            statusDate_->setDate(session_->statusDate());
            reload();
        });
    }
    reload();
    // Programme and projects open, the rest folded.
    view_->expandToDepth(0);
}

void PlanPanel::reload()
{
    const std::optional<qint64> current = currentNode();
    if (!session_) {
        model_->clear();
    } else {
        try {
            model_->load(session_->store(), session_->rollup(), session_->statusDate());
        } catch (const std::exception& e) {
            model_->clear();
            detail_->setPlainText(tr("Không đọc được kế hoạch: %1").arg(QString::fromUtf8(e.what())));
        }
    }
    bool illustrative = false;
    if (session_)
        for (const auto& ind : session_->store().plan().indicatorsUnder())
            if (const auto* f = model_->figures(ind.node.id); f && f->province && f->province->illustrative)
                illustrative = true;
    footnote_->setVisible(illustrative);
    if (current) selectNode(*current);
    else view_->expandToDepth(0);
    updateDetail();
    updateButtons();
}

std::optional<qint64> PlanPanel::currentNode() const
{
    const QModelIndex i = view_->currentIndex();
    if (!i.isValid()) return std::nullopt;
    return i.data(PlanTreeModel::NodeIdRole).toLongLong();
}

std::optional<qint64> PlanPanel::currentIndicator() const
{
    const QModelIndex i = view_->currentIndex();
    if (!i.isValid() || !i.data(PlanTreeModel::IsIndicatorRole).toBool()) return std::nullopt;
    return i.data(PlanTreeModel::NodeIdRole).toLongLong();
}

void PlanPanel::selectNode(qint64 nodeId)
{
    const QModelIndex source = model_->indexOfNode(nodeId);
    QModelIndex index = filter_->mapFromSource(source);
    if (!index.isValid()) {
        // Hidden by the filters: clear them so the node shows.
        search_->clear();
        onlyContext_->setChecked(false);
        index = filter_->mapFromSource(source);
    }
    if (!index.isValid()) return;
    for (QModelIndex p = index.parent(); p.isValid(); p = p.parent()) view_->expand(p);
    view_->setCurrentIndex(index);
    view_->scrollTo(index);
}

void PlanPanel::setMapContext(const QString& title, const QSet<qint64>& indicatorIds)
{
    model_->setMarked(indicatorIds);
    if (title.isEmpty()) context_->setText(tr("Chưa chọn đối tượng trên bản đồ."));
    else if (indicatorIds.isEmpty()) context_->setText(tr("%1: chưa liên kết chỉ tiêu nào.").arg(title));
    else context_->setText(tr("%1: %2 chỉ tiêu (tô vàng).").arg(title).arg(indicatorIds.size()));
    filter_->invalidate();
    if (onlyContext_->isChecked()) view_->expandAll();
    else
        for (qint64 id : indicatorIds) {
            const QModelIndex index = filter_->mapFromSource(model_->indexOfNode(id));
            for (QModelIndex p = index.parent(); p.isValid(); p = p.parent()) view_->expand(p);
        }
}

void PlanPanel::setOnlyMapContext(bool only)
{
    onlyContext_->setChecked(only);
}

QString PlanPanel::contextText() const
{
    return context_->text();
}

QString PlanPanel::detailHtml() const
{
    return detail_->toHtml();
}

bool PlanPanel::mapByCommunes2025() const
{
    return mapUnits_->currentData().toBool();
}

void PlanPanel::onCurrentChanged()
{
    updateDetail();
    updateButtons();
    if (const auto node = currentNode()) emit nodeSelected(*node);
    if (const auto id = currentIndicator()) emit indicatorSelected(*id);
}

void PlanPanel::updateButtons()
{
    const bool indicator = currentIndicator().has_value();
    record_->setEnabled(session_ && indicator);
    link_->setEnabled(session_ != nullptr);
    map_->setEnabled(session_ && indicator);
}

void PlanPanel::updateDetail()
{
    const auto nodeId = currentNode();
    if (!session_ || !nodeId) {
        detail_->setHtml(tr("<p>Chọn một nội dung hoặc chỉ tiêu để xem chi tiết.</p>"));
        return;
    }
    const QModelIndex index = model_->indexOfNode(*nodeId);
    const L::PlanNode* node = model_->node(index);
    if (!node) return;
    QString html = QStringLiteral("<p><b>%1</b> — %2</p>").arg(esc(planText(node->code)), esc(planText(node->name)));
    QStringList facts;
    if (node->planReference) facts << tr("Căn cứ: %1").arg(esc(planText(*node->planReference)));
    if (node->responsibleAgency) facts << tr("Cơ quan chủ trì: %1").arg(esc(planText(*node->responsibleAgency)));
    const auto* specRef = model_->spec(*nodeId);
    const PlanTreeModel::Figures* f = model_->figures(*nodeId);
    if (!specRef || !*specRef || !f) {
        if (!facts.isEmpty()) html += QStringLiteral("<p>") + facts.join(QStringLiteral("<br/>")) + QStringLiteral("</p>");
        html += QStringLiteral("<p>") + esc(index.siblingAtColumn(PlanTreeModel::StatusColumn).data().toString())
                + QStringLiteral("</p>");
        detail_->setHtml(html);
        return;
    }
    const L::IndicatorSpec& spec = **specRef;
    const QString unit = spec.unitOfMeasure ? esc(planText(*spec.unitOfMeasure)) : QString();
    facts << tr("Chỉ tiêu: %1 %2%3").arg(PlanTreeModel::targetText(spec), unit,
                                          spec.year ? tr(" (năm %1)").arg(*spec.year) : QString());
    facts << tr("Cách tổng hợp: %1").arg(aggregationText(spec.aggregation));
    if (f->province && f->province->value) {
        const bool ratio = spec.aggregation == L::Aggregation::Ratio;
        QString figure = PlanTreeModel::achievedText(*f->province, spec.aggregation);
        figure += ratio ? QStringLiteral(" (") + formatNumber(*f->province->value) + QStringLiteral(" %)") : QLatin1Char(' ') + unit;
        if (f->province->illustrative) figure += QStringLiteral(" *");
        QString achieved = tr("Lũy kế đạt (toàn tỉnh): %1").arg(figure);
        if (f->province->percentOfTarget) achieved += QStringLiteral(" = ") + formatPercent(*f->province->percentOfTarget);
        if (f->province->asOf) achieved += tr(", đến ngày %1").arg(formatDate(toQDate(*f->province->asOf)));
        facts << achieved;
    }
    QString status = tr("Tình trạng: <b>%1</b>").arg(PlanTreeModel::statusText(f->status.status));
    if (f->status.expected)
        status += tr(" (đến %1 cần khoảng %2, tức %3 thời gian của năm)")
                      .arg(formatDate(session_->statusDate()), formatNumber(*f->status.expected),
                           formatPercent(100.0 * f->status.elapsedFraction));
    facts << status;
    html += QStringLiteral("<p>") + facts.join(QStringLiteral("<br/>")) + QStringLiteral("</p>");
    if (f->province && f->province->illustrative)
        html += QStringLiteral("<p style='color:#8c510a'>") + esc(tr("* Số liệu minh họa (tự sinh để trình diễn), không phải số liệu thật."))
                + QStringLiteral("</p>");
    if (f->province && !f->province->notes.empty()) {
        html += QStringLiteral("<p><b>") + tr("Giải thích tổng hợp") + QStringLiteral("</b></p><ul>");
        for (const P::RollupNote& n : f->province->notes) html += QStringLiteral("<li>") + esc(noteText(n)) + QStringLiteral("</li>");
        html += QStringLiteral("</ul>");
    }

    // Per unit: the roll-up at every unit that has a value or a note.
    try {
        const P::IndicatorRollup rollup = session_->rollup().rollup(*nodeId);
        const P::UnitLookup& lookup = session_->unitLookup();
        QString rows;
        int shown = 0, total = 0;
        for (const P::UnitRollup& u : rollup.units) {
            if (!u.value && u.notes.empty()) continue;
            if (rollup.provinceUnitId && u.unitId == *rollup.provinceUnitId) continue;
            ++total;
            if (shown >= 80) continue;
            ++shown;
            const L::AdminUnit* a = lookup.get(u.unitId);
            QString name = a ? esc(planText(lookup.describe(*a))) : QStringLiteral("#%1").arg(u.unitId);
            QString value = u.value ? formatNumber(*u.value) : QString();
            if (u.illustrative && !value.isEmpty()) value += QStringLiteral(" *");
            QString notes;
            for (const P::RollupNote& n : u.notes) notes += QStringLiteral("<br/><small>") + esc(noteText(n)) + QStringLiteral("</small>");
            rows += QStringLiteral("<tr><td>%1%2</td><td align='right'>%3</td><td align='right'>%4</td><td align='right'>%5</td><td>%6</td></tr>")
                        .arg(name, notes, value, u.target ? formatNumber(*u.target) : QString(),
                             u.percentOfTarget ? formatPercent(*u.percentOfTarget) : QString(), originText(u.origin));
        }
        if (total > 0) {
            html += QStringLiteral("<p><b>") + tr("Theo đơn vị") + QStringLiteral("</b></p>");
            html += QStringLiteral("<table cellspacing='0' cellpadding='2' border='1' style='border-collapse:collapse'>"
                                   "<tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th><th>%5</th></tr>")
                        .arg(tr("Đơn vị"), tr("Đạt"), tr("Chỉ tiêu"), tr("% đạt"), tr("Nguồn số liệu"));
            html += rows + QStringLiteral("</table>");
            if (total > shown) html += QStringLiteral("<p>") + tr("… và %1 đơn vị khác.").arg(total - shown) + QStringLiteral("</p>");
        }
        if (!rollup.unallocated.empty()) {
            html += QStringLiteral("<p><b>") + tr("Xã cũ bị chia khi sắp xếp năm 2025") + QStringLiteral("</b></p><ul>");
            for (const P::SplitShare& s : rollup.unallocated)
                html += QStringLiteral("<li>") + esc(noteText(s.note)) + QStringLiteral("</li>");
            html += QStringLiteral("</ul>");
        }
        const std::vector<L::IndicatorLink> links = session_->links().links(*nodeId);
        int features = 0, units = 0;
        for (const L::IndicatorLink& l : links) (l.kind == L::LinkKind::Feature ? features : units)++;
        html += QStringLiteral("<p>") + tr("Liên kết: %1 đối tượng, %2 đơn vị.").arg(features).arg(units) + QStringLiteral("</p>");
    } catch (const std::exception& e) {
        html += QStringLiteral("<p>") + esc(QString::fromUtf8(e.what())) + QStringLiteral("</p>");
    }
    detail_->setHtml(html);
}

} // namespace planmap::gui
