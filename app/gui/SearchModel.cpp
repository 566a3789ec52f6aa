#include "SearchModel.h"

namespace planmap::gui {

SearchModel::SearchModel(QObject* parent) : QAbstractListModel(parent) {}

void SearchModel::setQuery(const QString& text)
{
    beginResetModel();
    query_ = text;
    hits_.clear();
    if (search_ && text.trimmed().size() >= 2) {
        try {
            hits_ = search_(text.trimmed(), kLimit);
        } catch (const std::exception&) {
            hits_.clear();
        }
    }
    endResetModel();
}

int SearchModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(hits_.size());
}

QVariant SearchModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const SearchHit& h = hits_[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole: return h.detail.isEmpty() ? h.title : h.title + QStringLiteral("  —  ") + h.detail;
    // The text the completer puts into the box: the current query, so that
    // browsing the popup does not change what was typed.
    case Qt::EditRole: return query_;
    case Qt::ToolTipRole: return h.detail;
    case Qt::ForegroundRole: return h.layerKey.isEmpty() ? QVariant(QColor(120, 120, 120)) : QVariant();
    default: return {};
    }
}

} // namespace planmap::gui
