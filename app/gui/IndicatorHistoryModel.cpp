#include "IndicatorHistoryModel.h"

#include "Formats.h"
#include "PlanSession.h"

#include "planmap/layers/store/ProjectStore.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QFont>
#include <QTimeZone>

namespace planmap::gui {

namespace L = planmap::layers;
namespace P = planmap::layers::progress;

namespace {

QString timestampText(const std::optional<L::Timestamp>& t)
{
    if (!t) return {};
    const auto seconds = t->time_since_epoch().count();
    const QDateTime local = QDateTime::fromSecsSinceEpoch(qint64(seconds), QTimeZone::utc()).toLocalTime();
    return formatDate(local.date()) + QLatin1Char(' ') + local.time().toString(QStringLiteral("HH:mm"));
}

} // namespace

IndicatorHistoryModel::IndicatorHistoryModel(QObject* parent) : QAbstractTableModel(parent) {}

void IndicatorHistoryModel::load(PlanSession& session, std::optional<qint64> indicatorId)
{
    beginResetModel();
    rows_.clear();
    layerTitles_.clear();
    for (const L::LayerInfo& layer : session.store().features().layers())
        layerTitles_.insert(planText(layer.name), session.featureLayerTitle(layer.name));
    if (indicatorId) {
        L::ProgressFilter filter;
        filter.indicatorId = *indicatorId;
        rows_ = session.recorder().history(filter);
    }
    endResetModel();
}

const P::HistoryRow* IndicatorHistoryModel::row(int r) const
{
    return r >= 0 && r < int(rows_.size()) ? &rows_[std::size_t(r)] : nullptr;
}

int IndicatorHistoryModel::rowOf(qint64 entryId) const
{
    for (std::size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].entry.id == entryId) return int(i);
    return -1;
}

int IndicatorHistoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(rows_.size());
}

int IndicatorHistoryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IndicatorHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case IdColumn: return tr("Số");
    case PlaceColumn: return tr("Đơn vị / đối tượng");
    case ValueColumn: return tr("Giá trị");
    case AsOfColumn: return tr("Ngày số liệu");
    case SourceColumn: return tr("Văn bản nguồn");
    case NoteColumn: return tr("Ghi chú");
    case EnteredAtColumn: return tr("Nhập lúc");
    case AuthorColumn: return tr("Người nhập");
    case StateColumn: return tr("Tình trạng");
    default: return {};
    }
}

QString IndicatorHistoryModel::placeText(const P::HistoryRow& row) const
{
    if (row.entry.featureId) {
        const QString name = row.featureName ? planText(row.featureName) : QStringLiteral("#%1").arg(*row.entry.featureId);
        if (!row.featureLayer) return name;
        const QString layer = planText(row.featureLayer);
        return QStringLiteral("%1 (%2)").arg(name, layerTitles_.value(layer, layer));
    }
    QString text = planText(row.unitName);
    QStringList detail;
    if (row.unitCode) detail << planText(row.unitCode);
    if (row.unitGeneration)
        detail << (*row.unitGeneration == "2025" ? tr("từ 2025") : tr("trước 2025"));
    if (!detail.isEmpty()) text += QStringLiteral(" (") + detail.join(QStringLiteral(", ")) + QLatin1Char(')');
    return text;
}

QString IndicatorHistoryModel::valueText(const L::ProgressEntry& e)
{
    if (e.retraction) return tr("(rút số liệu)");
    if (e.numerator && e.denominator) {
        QString t = QStringLiteral("%1/%2").arg(formatNumber(*e.numerator), formatNumber(*e.denominator));
        if (e.value) t += QStringLiteral(" = ") + formatNumber(*e.value);
        return t;
    }
    return e.value ? formatNumber(*e.value) : QString();
}

QString IndicatorHistoryModel::stateText(const P::HistoryRow& row) const
{
    if (!row.supersededBy) return row.entry.retraction ? tr("Rút mục số %1").arg(row.entry.supersedesId.value_or(0))
                                                       : tr("Đang có hiệu lực");
    const int r = rowOf(*row.supersededBy);
    const P::HistoryRow* by = this->row(r);
    if (!by) return tr("Bị thay thế bởi mục số %1").arg(*row.supersededBy);
    const QString who = by->entry.author ? planText(by->entry.author) : tr("không rõ");
    const QString when = timestampText(by->entry.enteredAt);
    if (by->entry.retraction) return tr("Bị rút bởi mục số %1 (%2, %3)").arg(*row.supersededBy).arg(who, when);
    return tr("Bị thay thế bởi mục số %1 (%2, %3)").arg(*row.supersededBy).arg(who, when);
}

QVariant IndicatorHistoryModel::data(const QModelIndex& index, int role) const
{
    const P::HistoryRow* r = row(index.row());
    if (!r) return {};
    const L::ProgressEntry& e = r->entry;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case IdColumn: return qint64(e.id);
        case PlaceColumn: return placeText(*r);
        case ValueColumn: return valueText(e) + (e.illustrative ? QStringLiteral(" *") : QString());
        case AsOfColumn: return formatDate(toQDate(e.asOf));
        case SourceColumn: return planText(e.sourceDocument);
        case NoteColumn: return planText(e.note);
        case EnteredAtColumn: return timestampText(e.enteredAt);
        case AuthorColumn: return planText(e.author);
        case StateColumn: return stateText(*r);
        default: return {};
        }
    }
    if (role == Qt::ForegroundRole && (r->supersededBy || e.retraction)) return QBrush(QColor(120, 120, 120));
    if (role == Qt::FontRole && r->supersededBy && index.column() == ValueColumn) {
        QFont f;
        f.setStrikeOut(true);
        return f;
    }
    if (role == Qt::ToolTipRole && e.illustrative) return tr("* Số liệu minh họa, không phải số liệu thật.");
    if (role == Qt::TextAlignmentRole && index.column() == ValueColumn) return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == EntryIdRole) return qint64(e.id);
    if (role == InForceRole) return !r->supersededBy && !e.retraction;
    return {};
}

} // namespace planmap::gui
