#pragma once

#include "MapLayer.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

#include <functional>

namespace planmap::gui {

/// The attributes of one layer's features as a table: one row per feature,
/// one column per shown field. Display text is formatted (Vietnamese
/// numbers, dates, labels of coded values); SortRole gives the raw value so
/// numbers sort as numbers.
class AttributeTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        SortRole = Qt::UserRole + 1,
        FeatureIdRole,
    };

    explicit AttributeTableModel(QObject* parent = nullptr);

    /// Shows the features of `layer` (a copy of its description; the cache is shared).
    void setLayer(const MapLayer& layer);
    const MapLayer& layer() const { return layer_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    qint64 featureId(int row) const;
    /// Row of a feature id, -1 if absent.
    int rowOf(qint64 featureId) const;
    /// Cache field index of column `column`.
    int fieldOf(int column) const { return columns_.at(std::size_t(column)); }

private:
    MapLayer layer_;
    std::vector<int> columns_;
};

/// Sorting and filtering of an AttributeTableModel. The filter text matches
/// a row when every word of it appears in some cell, compared through
/// `fold` (accent- and case-insensitive by default).
class AttributeFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit AttributeFilterProxy(QObject* parent = nullptr);

    void setFilterText(const QString& text);
    const QString& filterText() const { return text_; }
    /// Limits the rows to these feature ids (empty optional = no limit).
    void setOnlyIds(std::optional<QSet<qint64>> ids);

    /// The text normalisation used for matching.
    void setFold(std::function<QString(const QString&)> fold);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    std::function<QString(const QString&)> fold_;
    QString text_;
    QStringList words_;
    std::optional<QSet<qint64>> only_;
};

} // namespace planmap::gui
