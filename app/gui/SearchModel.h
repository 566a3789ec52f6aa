#pragma once

#include "ProjectData.h"

#include <QAbstractListModel>

#include <functional>

namespace planmap::gui {

/// The results of the search box for the current query: a list model the
/// completer popup shows (DisplayRole = name and where it is; EditRole = name).
class SearchModel : public QAbstractListModel {
    Q_OBJECT
public:
    using SearchFunction = std::function<std::vector<SearchHit>(const QString& text, int limit)>;

    explicit SearchModel(QObject* parent = nullptr);

    void setSearchFunction(SearchFunction search) { search_ = std::move(search); }
    /// Runs the search (queries shorter than 2 characters clear the list).
    void setQuery(const QString& text);
    const QString& query() const { return query_; }

    const SearchHit& hit(int row) const { return hits_.at(std::size_t(row)); }
    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;

    static constexpr int kLimit = 30;

private:
    SearchFunction search_;
    QString query_;
    std::vector<SearchHit> hits_;
};

} // namespace planmap::gui
