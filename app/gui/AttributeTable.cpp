#include "AttributeTable.h"

#include "Formats.h"
#include "LayerTreeModel.h"

#include <QCheckBox>
#include <QEvent>
#include <QInputEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace planmap::gui {

AttributeTable::AttributeTable(MapProject* project, const QString& layerKey, QWidget* parent)
    : QWidget(parent), project_(project), key_(layerKey)
{
    setAttribute(Qt::WA_DeleteOnClose);
    resize(900, 480);
    proxy_.setSourceModel(&model_);

    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    filter_ = new QLineEdit(this);
    filter_->setPlaceholderText(tr("Lọc: gõ chữ có dấu hoặc không dấu…"));
    filter_->setClearButtonEnabled(true);
    selectedOnly_ = new QCheckBox(tr("Chỉ hiện đối tượng đang chọn"), this);
    auto* zoom = new QPushButton(tr("Phóng tới vùng chọn"), this);
    auto* clear = new QPushButton(tr("Bỏ chọn"), this);
    top->addWidget(filter_, 1);
    top->addWidget(selectedOnly_);
    top->addWidget(zoom);
    top->addWidget(clear);
    layout->addLayout(top);

    view_ = new QTableView(this);
    view_->setModel(&proxy_);
    view_->setSortingEnabled(true);
    view_->sortByColumn(-1, Qt::AscendingOrder);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view_->setAlternatingRowColors(true);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->horizontalHeader()->setSectionsMovable(true);
    view_->verticalHeader()->setDefaultSectionSize(22);
    layout->addWidget(view_, 1);
    count_ = new QLabel(this);
    layout->addWidget(count_);

    connect(filter_, &QLineEdit::textChanged, this, &AttributeTable::setFilterText);
    connect(selectedOnly_, &QCheckBox::toggled, this, [this](bool on) {
        refilter([&] { proxy_.setOnlyIds(on ? std::optional(project_->selection(key_)) : std::nullopt); });
    });
    connect(zoom, &QPushButton::clicked, this, &AttributeTable::zoomToSelectionRequested);
    // This layer's part only: the other layers' parts stay selected.
    connect(clear, &QPushButton::clicked, this, [this] { project_->setLayerSelection(key_, {}); });
    view_->installEventFilter(this);
    view_->viewport()->installEventFilter(this);
    connect(view_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AttributeTable::pushSelection);
    connect(project_, &MapProject::selectionChanged, this, &AttributeTable::pullSelection);
    connect(project_, &MapProject::layersChanged, this, &AttributeTable::reload);
    reload();
}

void AttributeTable::reload()
{
    const MapLayer* l = project_->findLayer(key_);
    if (!l) {
        close();
        return;
    }
    // The same cache: nothing to reload (e.g. the layers were only reordered).
    if (model_.layer().cache == l->cache && model_.layer().key == key_) return;
    QString title = tr("Bảng thuộc tính — %1").arg(l->title);
    if (l->illustrative) title += QStringLiteral(" (") + LayerTreeModel::illustrativeBadge() + QLatin1Char(')');
    setWindowTitle(title);
    model_.setLayer(*l);
    view_->resizeColumnsToContents();
    pullSelection();
    updateCount();
}

void AttributeTable::setFilterText(const QString& text)
{
    if (filter_->text() != text) filter_->setText(text);   // comes back here first
    if (proxy_.filterText() == text) return;
    refilter([&] { proxy_.setFilterText(text); });
}

void AttributeTable::refilter(const std::function<void()>& change)
{
    // Rows the filter hides leave the view's selection, not the map's; rows
    // it shows again are highlighted again.
    syncing_ = true;
    change();
    syncing_ = false;
    pullSelection();
}

void AttributeTable::pullSelection()
{
    if (syncing_) return;
    syncing_ = true;
    const QSet<qint64>& selected = project_->selection(key_);
    // "Only selected" first, so that the rows to highlight are all shown.
    if (selectedOnly_->isChecked()) proxy_.setOnlyIds(selected);
    QItemSelection sel;
    for (qint64 id : selected) {
        const int row = model_.rowOf(id);
        if (row < 0) continue;
        const QModelIndex p = proxy_.mapFromSource(model_.index(row, 0));
        if (p.isValid()) sel.select(p, p.siblingAtColumn(std::max(0, proxy_.columnCount() - 1)));
    }
    view_->selectionModel()->select(sel, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    if (!sel.isEmpty()) view_->scrollTo(sel.indexes().first());
    syncing_ = false;
    updateCount();
}

void AttributeTable::pushSelection()
{
    if (syncing_) return;
    syncing_ = true;
    QSet<qint64> ids;
    for (const QModelIndex& i : view_->selectionModel()->selectedRows())
        ids.insert(model_.featureId(proxy_.mapToSource(i).row()));
    if (modifiers_ & (Qt::ControlModifier | Qt::ShiftModifier)) {
        // Extending: the rows the filter hides keep their state.
        for (qint64 id : project_->selection(key_)) {
            const int row = model_.rowOf(id);
            if (row >= 0 && !proxy_.mapFromSource(model_.index(row, 0)).isValid()) ids.insert(id);
        }
        project_->setLayerSelection(key_, ids);
    } else {
        project_->setSelection(key_, ids);
    }
    syncing_ = false;
    updateCount();
}

void AttributeTable::updateCount()
{
    const int selected = int(project_->selection(key_).size());
    count_->setText(tr("Hiển thị %1 / %2 đối tượng, đang chọn %3")
                        .arg(formatInteger(proxy_.rowCount()), formatInteger(model_.rowCount()),
                             formatInteger(selected)));
}

bool AttributeTable::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonRelease:
    case QEvent::MouseMove:
    case QEvent::KeyPress:
    case QEvent::KeyRelease:
        modifiers_ = static_cast<QInputEvent*>(event)->modifiers();
        break;
    default: break;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace planmap::gui
