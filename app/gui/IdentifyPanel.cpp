#include "IdentifyPanel.h"

#include "Formats.h"
#include "LayerTreeModel.h"

#include <QGridLayout>
#include <QLabel>
#include <QProgressBar>
#include <QSplitter>
#include <QScrollArea>
#include <QVBoxLayout>

#include <cmath>

namespace planmap::gui {

namespace {

/// A label of the info area: wraps at word boundaries and, for values, can
/// be selected and copied. Its explicit minimum width lets the layout narrow
/// it below its longest word, so a long value never widens the dock.
QLabel* infoLabel(const QString& text, bool selectable, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    label->setMinimumWidth(1);
    if (selectable) {
        label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        label->setCursor(Qt::IBeamCursor);
    }
    return label;
}

} // namespace

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

    // The attributes and units: rows of wrapped labels in a vertical scroll
    // area as wide as the dock.
    info_ = new QScrollArea(this);
    info_->setWidgetResizable(true);
    info_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    info_->setFrameShape(QFrame::StyledPanel);

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
    // The rows get three fifths of the height whatever the first feature shown.
    split->setSizes({3000, 2000});

    layout->addWidget(title_);
    layout->addWidget(note_);
    layout->addWidget(split, 1);
    clear();
}

void IdentifyPanel::clear()
{
    title_->setText(tr("Nhấn vào một đối tượng trên bản đồ (công cụ Xem thông tin) để xem thông tin."));
    note_->hide();
    clearInfo();
    clearIndicators();
}

void IdentifyPanel::clearInfo()
{
    // A new body each time: a grid keeps its row count once rows are emptied.
    infoBody_ = new QWidget;
    infoGrid_ = new QGridLayout(infoBody_);
    infoGrid_->setContentsMargins(6, 4, 6, 4);
    infoGrid_->setHorizontalSpacing(10);
    infoGrid_->setVerticalSpacing(4);
    infoGrid_->setColumnStretch(0, 2);
    infoGrid_->setColumnStretch(1, 5);
    info_->setWidget(infoBody_); // deletes the previous body
    attributeCount_ = 0;
}

void IdentifyPanel::addSection(const QString& heading)
{
    auto* label = infoLabel(heading, false, infoBody_);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    const int row = infoGrid_->count() == 0 ? 0 : infoGrid_->rowCount();
    if (row > 0) label->setContentsMargins(0, 6, 0, 0);
    infoGrid_->addWidget(label, row, 0, 1, 2);
}

void IdentifyPanel::addRow(const QString& name, const QString& value)
{
    auto* nameLabel = infoLabel(name, false, infoBody_);
    nameLabel->setStyleSheet(QStringLiteral("color: #505050;"));
    auto* valueLabel = infoLabel(value, true, infoBody_);
    valueLabel->setObjectName(QStringLiteral("identifyValue"));
    const int row = infoGrid_->count() == 0 ? 0 : infoGrid_->rowCount();
    infoGrid_->addWidget(nameLabel, row, 0);
    infoGrid_->addWidget(valueLabel, row, 1);
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

    clearInfo();
    addSection(tr("Thuộc tính"));
    for (const auto& [name, value] : d.attributes) addRow(name, value);
    attributeCount_ = int(d.attributes.size());
    addSection(tr("Đơn vị hành chính"));
    for (const UnitLink& u : d.units) addRow(u.relation, u.name);
    if (d.units.empty()) addRow(tr("(không có)"), QString());
    // The rows from the top; what is left of the height stays empty below.
    infoGrid_->setRowStretch(infoGrid_->rowCount(), 1);

    clearIndicators();
    for (const IndicatorRow& ind : d.indicators) addIndicator(ind);
    indicatorsTitle_->setText(d.indicators.empty() ? tr("Không có chỉ tiêu kế hoạch liên quan")
                                                   : tr("Chỉ tiêu kế hoạch liên quan (%1)").arg(d.indicators.size()));
}

int IdentifyPanel::attributeCount() const
{
    return attributeCount_;
}

QList<QLabel*> IdentifyPanel::valueLabels() const
{
    QList<QLabel*> out;
    for (int i = 0; i < infoGrid_->count(); ++i) {
        auto* label = qobject_cast<QLabel*>(infoGrid_->itemAt(i)->widget());
        if (label && label->objectName() == QLatin1String("identifyValue")) out << label;
    }
    return out;
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
