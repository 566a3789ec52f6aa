#include "IdentifyPanel.h"

#include "Formats.h"
#include "LayerTreeModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QSplitter>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <cmath>

namespace planmap::gui {

IdentifyPanel::IdentifyPanel(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    title_ = new QLabel(this);
    title_->setWordWrap(true);
    title_->setTextFormat(Qt::PlainText);
    QFont f = title_->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.15);
    title_->setFont(f);
    note_ = new QLabel(this);
    note_->setWordWrap(true);
    note_->setStyleSheet(QStringLiteral("color: #a04000;"));

    info_ = new QTreeWidget(this);
    info_->setColumnCount(2);
    info_->setHeaderLabels({tr("Mục"), tr("Giá trị")});
    info_->setRootIsDecorated(true);
    info_->setAlternatingRowColors(true);
    info_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    info_->setWordWrap(true);

    auto* bottom = new QWidget(this);
    auto* bl = new QVBoxLayout(bottom);
    bl->setContentsMargins(0, 0, 0, 0);
    indicatorsTitle_ = new QLabel(tr("Chỉ tiêu kế hoạch liên quan"), bottom);
    indicatorsTitle_->setFont(f);
    indicators_ = new QTableWidget(0, 5, bottom);
    indicators_->setHorizontalHeaderLabels({tr("Chỉ tiêu"), tr("Kế hoạch"), tr("Đạt được"), tr("Tỉ lệ"), tr("Tiến độ")});
    indicators_->verticalHeader()->hide();
    indicators_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    indicators_->setSelectionBehavior(QAbstractItemView::SelectRows);
    indicators_->setWordWrap(true);
    indicators_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < 5; ++c) indicators_->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    bl->addWidget(indicatorsTitle_);
    bl->addWidget(indicators_);

    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(info_);
    split->addWidget(bottom);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    layout->addWidget(title_);
    layout->addWidget(note_);
    layout->addWidget(split, 1);
    clear();
}

void IdentifyPanel::clear()
{
    title_->setText(tr("Nhấn vào một đối tượng trên bản đồ (công cụ Xem thông tin) để xem thông tin."));
    note_->hide();
    info_->clear();
    indicators_->setRowCount(0);
}

void IdentifyPanel::showDetails(const FeatureDetails& d)
{
    title_->setText(d.title.isEmpty() ? d.layerTitle : d.title + QStringLiteral(" — ") + d.layerTitle);
    if (d.illustrative) {
        note_->setText(QStringLiteral("⚠ ") + LayerTreeModel::illustrativeTooltip());
        note_->show();
    } else {
        note_->hide();
    }

    info_->clear();
    auto* attrs = new QTreeWidgetItem(info_, {tr("Thuộc tính")});
    for (const auto& [name, value] : d.attributes) new QTreeWidgetItem(attrs, {name, value});
    attrs->setExpanded(true);
    auto* units = new QTreeWidgetItem(info_, {tr("Đơn vị hành chính")});
    for (const UnitLink& u : d.units) new QTreeWidgetItem(units, {u.relation, u.name});
    if (d.units.empty()) new QTreeWidgetItem(units, {tr("(không có)"), QString()});
    units->setExpanded(true);
    QFont bold = info_->font();
    bold.setBold(true);
    attrs->setFont(0, bold);
    units->setFont(0, bold);

    indicators_->setRowCount(int(d.indicators.size()));
    for (int r = 0; r < int(d.indicators.size()); ++r) {
        const IndicatorRow& ind = d.indicators[std::size_t(r)];
        QString name = ind.name;
        if (!ind.unitOfMeasure.isEmpty()) name += QStringLiteral(" (") + ind.unitOfMeasure + QLatin1Char(')');
        auto* nameItem = new QTableWidgetItem(name);
        QString tip = ind.code + QStringLiteral(": ") + ind.name;
        if (ind.asOf.isValid()) tip += QStringLiteral("\n") + tr("Số liệu đến ngày %1").arg(formatDate(ind.asOf));
        if (ind.illustrative) {
            tip += QStringLiteral("\n") + LayerTreeModel::illustrativeTooltip();
            QFont it = nameItem->font();
            it.setItalic(true);
            nameItem->setFont(it);
        }
        nameItem->setToolTip(tip);
        indicators_->setItem(r, 0, nameItem);
        auto* target = new QTableWidgetItem(ind.target.isEmpty() ? QStringLiteral("–") : ind.target);
        target->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        indicators_->setItem(r, 1, target);
        auto* achieved = new QTableWidgetItem(ind.achieved.isEmpty() ? tr("chưa có") : ind.achieved);
        achieved->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        indicators_->setItem(r, 2, achieved);
        auto* pct = new QTableWidgetItem(ind.percent ? formatPercent(*ind.percent) : QStringLiteral("–"));
        pct->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        indicators_->setItem(r, 3, pct);
        auto* bar = new QProgressBar(indicators_);
        bar->setRange(0, 100);
        bar->setValue(ind.percent ? int(std::lround(std::clamp(*ind.percent, 0.0, 100.0))) : 0);
        bar->setTextVisible(false);
        bar->setMaximumHeight(14);
        bar->setEnabled(ind.percent.has_value());
        indicators_->setCellWidget(r, 4, bar);
    }
    indicators_->resizeRowsToContents();
    indicatorsTitle_->setText(d.indicators.empty() ? tr("Không có chỉ tiêu kế hoạch liên quan")
                                                   : tr("Chỉ tiêu kế hoạch liên quan (%1)").arg(d.indicators.size()));
}

int IdentifyPanel::attributeCount() const
{
    return info_->topLevelItemCount() > 0 ? info_->topLevelItem(0)->childCount() : 0;
}

int IdentifyPanel::indicatorCount() const
{
    return indicators_->rowCount();
}

QString IdentifyPanel::titleText() const
{
    return title_->text();
}

} // namespace planmap::gui
