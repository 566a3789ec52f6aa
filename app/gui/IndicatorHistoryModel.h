#pragma once

#include "planmap/layers/progress/Recorder.h"

#include <QAbstractTableModel>
#include <QHash>

#include <vector>

namespace planmap::gui {

class PlanSession;

/// The progress history of one indicator: every entry, oldest first, with
/// superseded entries and withdrawals kept and marked (by whom and when they
/// were corrected). Nothing in the log is ever deleted.
class IndicatorHistoryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { IdColumn, PlaceColumn, ValueColumn, AsOfColumn, SourceColumn, StateColumn, EnteredAtColumn,
                  AuthorColumn, NoteColumn, ColumnCount };
    enum Role { EntryIdRole = Qt::UserRole + 1, InForceRole };

    explicit IndicatorHistoryModel(QObject* parent = nullptr);

    /// Reads the history of `indicatorId` (none: empty) and the titles of the
    /// project's feature layers.
    void load(PlanSession& session, std::optional<qint64> indicatorId);
    const layers::progress::HistoryRow* row(int r) const;
    /// The row of an entry, -1 if not listed.
    int rowOf(qint64 entryId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// "Xã Lộc Bình (06100, từ 2025)", or a feature's name and its layer's
    /// map title: "Chợ Lộc Bình (Chợ)".
    QString placeText(const layers::progress::HistoryRow& row) const;
    static QString valueText(const layers::ProgressEntry& entry);

private:
    QString stateText(const layers::progress::HistoryRow& row) const;

    std::vector<layers::progress::HistoryRow> rows_;
    QHash<QString, QString> layerTitles_;   ///< feature layer key → title in the UI language
};

} // namespace planmap::gui
