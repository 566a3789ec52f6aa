#include "AttributeTableModel.h"

#include "MapProject.h"
#include "SearchText.h"

#include <QCollator>

namespace planmap::gui {

AttributeTableModel::AttributeTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void AttributeTableModel::setLayer(const MapLayer& layer)
{
    beginResetModel();
    layer_ = layer;
    columns_.clear();
    if (layer_.cache) {
        const auto& names = layer_.cache->fieldNames();
        for (std::size_t i = 0; i < names.size(); ++i)
            if (!layer_.hiddenFields.contains(names[i])) columns_.push_back(int(i));
    }
    endResetModel();
}

int AttributeTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !layer_.cache ? 0 : int(layer_.cache->featureCount());
}

int AttributeTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(columns_.size());
}

QVariant AttributeTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !layer_.cache) return {};
    const std::size_t row = std::size_t(index.row());
    const int field = columns_.at(std::size_t(index.column()));
    const QVariant& v = layer_.cache->attribute(row, field);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return layer_.valueText(layer_.cache->fieldNames()[std::size_t(field)], v);
    case Qt::TextAlignmentRole: {
        const int t = v.typeId();
        const bool numeric = t == QMetaType::Int || t == QMetaType::LongLong || t == QMetaType::Double ||
                             t == QMetaType::UInt || t == QMetaType::ULongLong || t == QMetaType::Float;
        return QVariant::fromValue<Qt::Alignment>((numeric ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    }
    case SortRole: return v;
    case FeatureIdRole: return qint64(layer_.cache->featureId(row));
    default: return {};
    }
}

QVariant AttributeTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) return {};
    if (orientation == Qt::Vertical) return section + 1;
    if (!layer_.cache || section < 0 || section >= columnCount()) return {};
    const QString name = layer_.cache->fieldNames()[std::size_t(columns_[std::size_t(section)])];
    return role == Qt::ToolTipRole ? name : layer_.fieldTitle(name);
}

qint64 AttributeTableModel::featureId(int row) const
{
    return layer_.cache ? layer_.cache->featureId(std::size_t(row)) : 0;
}

int AttributeTableModel::rowOf(qint64 id) const
{
    return layer_.cache ? featureRow(*layer_.cache, id) : -1;
}

// ---------------------------------------------------------------------------

AttributeFilterProxy::AttributeFilterProxy(QObject* parent)
    : QSortFilterProxyModel(parent), fold_(&foldForSearch)
{
    setSortRole(AttributeTableModel::SortRole);
}

void AttributeFilterProxy::setFold(std::function<QString(const QString&)> fold)
{
    fold_ = std::move(fold);
    setFilterText(text_);
}

void AttributeFilterProxy::setFilterText(const QString& text)
{
    text_ = text;
    words_ = fold_(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateRowsFilter();
}

void AttributeFilterProxy::setOnlyIds(std::optional<QSet<qint64>> ids)
{
    only_ = std::move(ids);
    invalidateRowsFilter();
}

bool AttributeFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QAbstractItemModel* m = sourceModel();
    if (only_) {
        const qint64 id = m->index(sourceRow, 0, sourceParent).data(AttributeTableModel::FeatureIdRole).toLongLong();
        if (!only_->contains(id)) return false;
    }
    if (words_.isEmpty()) return true;
    QString row;
    for (int c = 0; c < m->columnCount(sourceParent); ++c) {
        row += fold_(m->index(sourceRow, c, sourceParent).data(Qt::DisplayRole).toString());
        row += QLatin1Char('\n');
    }
    for (const QString& w : words_)
        if (!row.contains(w)) return false;
    return true;
}

bool AttributeFilterProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    const QVariant a = left.data(sortRole());
    const QVariant b = right.data(sortRole());
    // Nulls last; numbers as numbers; text in Vietnamese collation.
    if (a.isNull() || b.isNull()) return !a.isNull() && b.isNull();
    const int ta = a.typeId(), tb = b.typeId();
    const auto numeric = [](int t) {
        return t == QMetaType::Int || t == QMetaType::LongLong || t == QMetaType::Double || t == QMetaType::UInt ||
               t == QMetaType::ULongLong || t == QMetaType::Float || t == QMetaType::Bool;
    };
    if (numeric(ta) && numeric(tb)) return a.toDouble() < b.toDouble();
    static const QCollator collator = [] {
        QCollator c{QLocale(QLocale::Vietnamese, QLocale::Vietnam)};
        c.setNumericMode(true);
        c.setCaseSensitivity(Qt::CaseInsensitive);
        return c;
    }();
    return collator.compare(left.data(Qt::DisplayRole).toString(), right.data(Qt::DisplayRole).toString()) < 0;
}

} // namespace planmap::gui
