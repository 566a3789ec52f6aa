#include "LayerPanel.h"

#include "ScaleRangeEdit.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QPainter>
#include <QSlider>
#include <QStyledItemDelegate>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace planmap::gui {

namespace {

/// Draws the row as usual plus a "minh họa" badge at the right of illustrative layers.
class LayerItemDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* p, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        const bool illustrative = index.data(LayerTreeModel::IllustrativeRole).toBool();
        QStyleOptionViewItem opt = option;
        QRect badge;
        if (illustrative) {
            QFont f = option.font;
            f.setPointSizeF(f.pointSizeF() * 0.8);
            f.setItalic(false);
            const QString text = LayerTreeModel::illustrativeBadge();
            const int w = QFontMetrics(f).horizontalAdvance(text) + 10;
            badge = QRect(option.rect.right() - w - 4, option.rect.center().y() - 8, w, 16);
            opt.rect.setRight(badge.left() - 2);
            QStyledItemDelegate::paint(p, opt, index);
            p->save();
            p->setRenderHint(QPainter::Antialiasing);
            p->setPen(QColor(170, 90, 0));
            p->setBrush(QColor(255, 236, 200));
            p->drawRoundedRect(badge, 7, 7);
            p->setFont(f);
            p->drawText(badge, Qt::AlignCenter, text);
            p->restore();
        } else {
            QStyledItemDelegate::paint(p, opt, index);
        }
    }

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QSize s = QStyledItemDelegate::sizeHint(option, index);
        s.setHeight(std::max(s.height(), 24));
        if (index.data(LayerTreeModel::IllustrativeRole).toBool()) s.setWidth(s.width() + 70);
        return s;
    }
};

} // namespace

LayerPanel::LayerPanel(MapProject* project, QWidget* parent)
    : QWidget(parent), project_(project), model_(project)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);

    view_ = new QListView(this);
    view_->setModel(&model_);
    view_->setItemDelegate(new LayerItemDelegate(view_));
    view_->setDragDropMode(QAbstractItemView::DragDrop);
    view_->setDefaultDropAction(Qt::MoveAction);
    view_->setDragEnabled(true);
    view_->setAcceptDrops(true);
    view_->setDropIndicatorShown(true);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->setContextMenuPolicy(Qt::CustomContextMenu);
    view_->setIconSize(QSize(18, 18));
    layout->addWidget(view_, 1);

    auto* buttons = new QHBoxLayout;
    up_ = new QToolButton(this);
    up_->setArrowType(Qt::UpArrow);
    up_->setToolTip(tr("Đưa lớp lên trên"));
    down_ = new QToolButton(this);
    down_->setArrowType(Qt::DownArrow);
    down_->setToolTip(tr("Đưa lớp xuống dưới"));
    auto* styleButton = new QToolButton(this);
    styleButton->setText(tr("Kiểu hiển thị…"));
    auto* tableButton = new QToolButton(this);
    tableButton->setText(tr("Bảng thuộc tính"));
    buttons->addWidget(up_);
    buttons->addWidget(down_);
    buttons->addStretch();
    buttons->addWidget(styleButton);
    buttons->addWidget(tableButton);
    layout->addLayout(buttons);

    auto* form = new QFormLayout;
    opacity_ = new QSlider(Qt::Horizontal, this);
    opacity_->setRange(0, 100);
    form->addRow(tr("Độ đục"), opacity_);
    auto* labelRow = new QHBoxLayout;
    labels_ = new QCheckBox(tr("Nhãn"), this);
    labelField_ = new QComboBox(this);
    labelRow->addWidget(labels_);
    labelRow->addWidget(labelField_, 1);
    form->addRow(labelRow);
    layout->addLayout(form);
    scaleRange_ = new ScaleRangeEdit(this);
    layout->addWidget(scaleRange_);

    connect(view_->selectionModel(), &QItemSelectionModel::currentChanged, this, &LayerPanel::updateEditors);
    // Keep the current layer across model resets (reorder, CRS switch).
    connect(view_->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex& i) {
        if (i.isValid()) currentKey_ = i.data(LayerTreeModel::KeyRole).toString();
    });
    connect(&model_, &QAbstractItemModel::modelReset, this, [this] {
        const int row = project_->indexOf(currentKey_);
        if (row >= 0) setCurrentRow(row);
        updateEditors();
    });
    connect(view_, &QListView::doubleClicked, this, [this](const QModelIndex& i) { emit styleRequested(i.row()); });
    connect(up_, &QToolButton::clicked, this, [this] { moveCurrent(-1); });
    connect(down_, &QToolButton::clicked, this, [this] { moveCurrent(+1); });
    connect(styleButton, &QToolButton::clicked, this, [this] {
        if (currentRow() >= 0) emit styleRequested(currentRow());
    });
    connect(tableButton, &QToolButton::clicked, this, [this] {
        if (currentRow() >= 0) emit attributeTableRequested(currentRow());
    });
    connect(opacity_, &QSlider::valueChanged, this, [this](int v) {
        if (!updating_ && currentRow() >= 0) project_->setOpacity(currentRow(), v / 100.0);
    });
    const auto labelsChanged = [this] {
        const int row = currentRow();
        if (updating_ || row < 0) return;
        style::LayerStyle st = project_->layer(row).style;
        st.labels.enabled = labels_->isChecked();
        st.labels.field = labelField_->currentData().toString();
        project_->setStyle(row, st);
    };
    connect(labels_, &QCheckBox::toggled, this, labelsChanged);
    connect(labelField_, qOverload<int>(&QComboBox::currentIndexChanged), this, labelsChanged);
    connect(scaleRange_, &ScaleRangeEdit::rangeChanged, this, [this] {
        const int row = currentRow();
        if (updating_ || row < 0) return;
        style::LayerStyle st = project_->layer(row).style;
        st.minScaleDenominator = scaleRange_->minDenominator();
        st.maxScaleDenominator = scaleRange_->maxDenominator();
        project_->setStyle(row, st);
    });
    connect(view_, &QListView::customContextMenuRequested, this, [this](const QPoint& pos) {
        const QModelIndex i = view_->indexAt(pos);
        if (!i.isValid()) return;
        QMenu menu(this);
        menu.addAction(tr("Phóng tới lớp"), this, [this, i] { emit zoomToLayerRequested(i.row()); });
        menu.addAction(tr("Kiểu hiển thị…"), this, [this, i] { emit styleRequested(i.row()); });
        menu.addAction(tr("Bảng thuộc tính"), this, [this, i] { emit attributeTableRequested(i.row()); });
        menu.exec(view_->viewport()->mapToGlobal(pos));
    });
    updateEditors();
}

int LayerPanel::currentRow() const
{
    const QModelIndex i = view_->currentIndex();
    return i.isValid() ? i.row() : -1;
}

void LayerPanel::setCurrentRow(int row)
{
    view_->setCurrentIndex(model_.index(row));
}

void LayerPanel::setScaleDenominator(double denominator)
{
    model_.setScaleDenominator(denominator);
}

void LayerPanel::moveCurrent(int delta)
{
    const int row = currentRow();
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= project_->layerCount()) return;
    project_->moveLayer(row, to);
    setCurrentRow(to);
}

void LayerPanel::updateEditors()
{
    const int row = currentRow();
    const bool has = row >= 0 && row < project_->layerCount();
    for (QWidget* w : std::initializer_list<QWidget*>{opacity_, labels_, labelField_, scaleRange_, up_, down_})
        w->setEnabled(has);
    if (!has) return;
    updating_ = true;
    const MapLayer& l = project_->layer(row);
    opacity_->setValue(int(std::lround(l.style.opacity * 100)));
    labels_->setChecked(l.style.labels.enabled);
    labelField_->clear();
    if (l.cache)
        for (const QString& f : l.cache->fieldNames())
            if (!l.hiddenFields.contains(f)) labelField_->addItem(l.fieldTitle(f), f);
    const QString field = l.style.labels.field.isEmpty() ? QStringLiteral("name") : l.style.labels.field;
    labelField_->setCurrentIndex(std::max(0, labelField_->findData(field)));
    scaleRange_->setRange(l.style.minScaleDenominator, l.style.maxScaleDenominator);
    up_->setEnabled(row > 0);
    down_->setEnabled(row + 1 < project_->layerCount());
    updating_ = false;
}

} // namespace planmap::gui
