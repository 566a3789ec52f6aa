#include "IdentifyPanel.h"

#include "Formats.h"
#include "LayerTreeModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QSplitter>
#include <QScrollArea>
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
    indicatorScroll_ = new QScrollArea(bottom);
    indicatorScroll_->setWidgetResizable(true);
    indicatorScroll_->setFrameShape(QFrame::StyledPanel);
    indicatorList_ = new QWidget(indicatorScroll_);
    indicatorLayout_ = new QVBoxLayout(indicatorList_);
    indicatorLayout_->setContentsMargins(4, 4, 4, 4);
    indicatorLayout_->setSpacing(6);
    indicatorLayout_->addStretch(1);
    indicatorScroll_->setWidget(indicatorList_);
    bl->addWidget(indicatorsTitle_);
    bl->addWidget(indicatorScroll_);

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
    clearIndicators();
}

void IdentifyPanel::clearIndicators()
{
    while (indicatorLayout_->count() > 1) {
        QLayoutItem* item = indicatorLayout_->takeAt(0);
        delete item->widget();
        delete item;
    }
    indicatorCount_ = 0;
}

void IdentifyPanel::addIndicator(const IndicatorRow& ind)
{
    auto* card = new QFrame(indicatorList_);
    card->setFrameShape(QFrame::StyledPanel);
    auto* cl = new QVBoxLayout(card);
    cl->setContentsMargins(6, 4, 6, 6);
    cl->setSpacing(3);
    auto* name = new QLabel(card);
    name->setWordWrap(true);
    name->setTextFormat(Qt::PlainText);
    QString text = ind.name;
    if (!ind.unitOfMeasure.isEmpty()) text += QStringLiteral(" (") + ind.unitOfMeasure + QLatin1Char(')');
    name->setText(text);
    QFont nf = name->font();
    nf.setItalic(ind.illustrative);
    name->setFont(nf);
    QString tip = ind.code;
    if (ind.illustrative) tip += QStringLiteral("\n") + LayerTreeModel::illustrativeTooltip();
    card->setToolTip(tip);

    QString figures = tr("Kế hoạch: %1").arg(ind.target.isEmpty() ? QStringLiteral("–") : ind.target);
    figures += QStringLiteral("   ·   ") + tr("Đạt được: %1").arg(ind.achieved.isEmpty() ? tr("chưa có") : ind.achieved);
    if (ind.asOf.isValid()) figures += QStringLiteral("   ·   ") + tr("đến %1").arg(formatDate(ind.asOf));
    auto* numbers = new QLabel(figures, card);
    numbers->setWordWrap(true);
    numbers->setStyleSheet(QStringLiteral("color: #505050;"));

    auto* bar = new QProgressBar(card);
    bar->setRange(0, 1000);
    bar->setValue(ind.percent ? int(std::lround(std::clamp(*ind.percent, 0.0, 100.0) * 10)) : 0);
    bar->setFormat(ind.percent ? formatPercent(*ind.percent) : tr("chưa có số liệu"));
    bar->setTextVisible(true);
    bar->setMaximumHeight(16);
    bar->setEnabled(ind.percent.has_value());

    auto* code = new QLabel(ind.via.isEmpty() ? ind.code : ind.code + QStringLiteral("   ·   ") + tr("chỉ tiêu của %1").arg(ind.via), card);
    code->setWordWrap(true);
    code->setStyleSheet(QStringLiteral("color: #707070;"));
    cl->addWidget(code);
    cl->addWidget(name);
    cl->addWidget(numbers);
    cl->addWidget(bar);
    indicatorLayout_->insertWidget(indicatorLayout_->count() - 1, card);
    ++indicatorCount_;
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

    clearIndicators();
    for (const IndicatorRow& ind : d.indicators) addIndicator(ind);
    indicatorsTitle_->setText(d.indicators.empty() ? tr("Không có chỉ tiêu kế hoạch liên quan")
                                                   : tr("Chỉ tiêu kế hoạch liên quan (%1)").arg(d.indicators.size()));
}

int IdentifyPanel::attributeCount() const
{
    return info_->topLevelItemCount() > 0 ? info_->topLevelItem(0)->childCount() : 0;
}

int IdentifyPanel::indicatorCount() const
{
    return indicatorCount_;
}

QString IdentifyPanel::titleText() const
{
    return title_->text();
}

} // namespace planmap::gui
