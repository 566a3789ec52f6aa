#include "ProgressImportModels.h"

#include "Formats.h"
#include "ProgressImportText.h"

#include <QBrush>
#include <QColor>
#include <QDate>

#include <algorithm>

namespace planmap::gui {

namespace pg = layers::progress;

namespace {

QString valueText(const pg::PlannedRow& r)
{
    if (r.numerator && r.denominator) return formatNumber(*r.numerator, 3) + QStringLiteral("/") + formatNumber(*r.denominator, 3);
    return r.value ? formatNumber(*r.value, 3) : QStringLiteral("–");
}

QString dateText(const layers::Date& d)
{
    return formatDate(QDate(int(d.year()), int(unsigned(d.month())), int(unsigned(d.day()))));
}

} // namespace

void ImportPreviewModel::setPreview(const pg::ImportPreview* preview)
{
    beginResetModel();
    preview_ = preview;
    endResetModel();
}

int ImportPreviewModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !preview_ ? 0 : static_cast<int>(preview_->rows.size());
}

int ImportPreviewModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ImportPreviewModel::data(const QModelIndex& index, int role) const
{
    if (!preview_ || !index.isValid()) return {};
    const pg::PlannedRow& r = preview_->rows.at(static_cast<std::size_t>(index.row()));
    if (role == Qt::TextAlignmentRole && (index.column() == Value || index.column() == Row))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && index.column() == Action && r.action == pg::PlannedAction::Unchanged)
        return QBrush(QColor(0x77, 0x77, 0x77));
    if (role == Qt::ToolTipRole && index.column() == Action && r.existingValue)
        return ProgressImportText::tr("Số liệu đang có: %1").arg(formatNumber(*r.existingValue, 3));
    if (role != Qt::DisplayRole) return {};
    switch (index.column()) {
    case Row: return QVariant::fromValue(r.row);
    case Indicator: return QString::fromStdString(r.indicatorCode);
    case Unit: return QString::fromStdString(r.unitLabel);
    case Value: return valueText(r);
    case Date: return dateText(r.asOf);
    case Source: return r.source ? QString::fromStdString(*r.source) : QString();
    case Action: return ProgressImportText::action(r.action);
    }
    return {};
}

QVariant ImportPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Row: return tr("Dòng");
    case Indicator: return tr("Chỉ tiêu");
    case Unit: return tr("Đơn vị hành chính");
    case Value: return tr("Giá trị");
    case Date: return tr("Ngày số liệu");
    case Source: return tr("Nguồn");
    case Action: return tr("Sẽ ghi");
    }
    return {};
}

void ImportIssueModel::setPreview(const pg::ImportPreview* preview)
{
    beginResetModel();
    issues_.clear();
    if (preview)
        for (const auto& i : preview->issues) issues_.push_back(&i);
    std::stable_sort(issues_.begin(), issues_.end(),
                     [](const pg::ImportIssue* a, const pg::ImportIssue* b) { return int(a->severity) < int(b->severity); });
    endResetModel();
}

int ImportIssueModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(issues_.size()); }

int ImportIssueModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ImportIssueModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid()) return {};
    const pg::ImportIssue& i = issue(index.row());
    if (role == Qt::ForegroundRole && index.column() == Severity) {
        switch (i.severity) {
        case pg::IssueSeverity::Error: return QBrush(QColor(0xb2, 0x18, 0x2b));
        case pg::IssueSeverity::Warning: return QBrush(QColor(0x9a, 0x5b, 0x00));
        case pg::IssueSeverity::Info: return QBrush(QColor(0x55, 0x55, 0x55));
        }
    }
    if (role == Qt::ToolTipRole) return ProgressImportText::full(i);
    if (role != Qt::DisplayRole) return {};
    switch (index.column()) {
    case Severity: return ProgressImportText::severity(i.severity);
    case Sheet: return QString::fromStdString(i.sheet);
    case Row: return i.row > 0 ? QVariant::fromValue(i.row) : QVariant();
    case Column: return QString::fromStdString(i.column);
    case Message: return ProgressImportText::message(i);
    }
    return {};
}

QVariant ImportIssueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Severity: return tr("Mức độ");
    case Sheet: return tr("Trang tính");
    case Row: return tr("Dòng");
    case Column: return tr("Cột");
    case Message: return tr("Nội dung");
    }
    return {};
}

} // namespace planmap::gui
