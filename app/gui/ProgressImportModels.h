#pragma once

#include "planmap/layers/progress/Import.h"

#include <QAbstractTableModel>

namespace planmap::gui {

/// The rows an import would write (ImportPreview::rows), for the preview table.
class ImportPreviewModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Row, Indicator, Unit, Value, Date, Source, Action, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    void setPreview(const layers::progress::ImportPreview* preview);
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const layers::progress::ImportPreview* preview_ = nullptr;
};

/// The validation report (ImportPreview::issues) in the user's language,
/// errors first, then warnings, then the rows skipped.
class ImportIssueModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Severity, Sheet, Row, Column, Message, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    void setPreview(const layers::progress::ImportPreview* preview);
    const layers::progress::ImportIssue& issue(int row) const { return *issues_.at(static_cast<std::size_t>(row)); }
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<const layers::progress::ImportIssue*> issues_;
};

} // namespace planmap::gui
