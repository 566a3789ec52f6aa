#include "PlanTreeModel.h"

#include "Formats.h"
#include "Language.h"
#include "PlanSession.h"
#include "SearchText.h"

#include "planmap/layers/store/ProjectStore.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace planmap::gui {

namespace L = planmap::layers;
namespace P = planmap::layers::progress;

namespace {

/// Higher is worse; statuses without judgement rank lowest.
int severity(P::Status s)
{
    switch (s) {
    case P::Status::Behind: return 4;
    case P::Status::AtRisk: return 3;
    case P::Status::OnTrack: return 2;
    case P::Status::Achieved: return 1;
    default: return 0;
    }
}

bool judged(P::Status s)
{
    return severity(s) > 0;
}

} // namespace

PlanTreeModel::PlanTreeModel(QObject* parent) : QAbstractItemModel(parent) {}

PlanTreeModel::~PlanTreeModel() = default;

QString PlanTreeModel::statusText(P::Status status)
{
    switch (status) {
    case P::Status::Achieved: return tr("Đã đạt");
    case P::Status::OnTrack: return tr("Đúng tiến độ");
    case P::Status::AtRisk: return tr("Có nguy cơ chậm");
    case P::Status::Behind: return tr("Chậm tiến độ");
    case P::Status::NoData: return tr("Chưa có số liệu");
    case P::Status::NoTarget: return tr("Không có chỉ tiêu");
    }
    return {};
}

QString PlanTreeModel::targetText(const L::IndicatorSpec& spec)
{
    if (spec.targetNumerator && spec.targetDenominator)
        return QStringLiteral("%1/%2").arg(formatNumber(*spec.targetNumerator), formatNumber(*spec.targetDenominator));
    return spec.targetValue ? formatNumber(*spec.targetValue) : QString();
}

QString PlanTreeModel::achievedText(const P::UnitRollup& r, L::Aggregation aggregation)
{
    if (!r.value) return {};
    QString text;
    if (aggregation == L::Aggregation::Ratio && r.numerator && r.denominator)
        text = QStringLiteral("%1/%2").arg(formatNumber(*r.numerator), formatNumber(*r.denominator));
    else
        text = formatNumber(*r.value);
    return text;
}

void PlanTreeModel::clear()
{
    beginResetModel();
    items_.clear();
    roots_.clear();
    byId_.clear();
    figures_.clear();
    marked_.clear();
    endResetModel();
}

void PlanTreeModel::load(L::ProjectStore& store, P::RollupEngine& rollup, const QDate& statusDate)
{
    beginResetModel();
    items_.clear();
    roots_.clear();
    byId_.clear();
    figures_.clear();
    const std::vector<L::PlanTreeNode> tree = store.plan().tree();
    addItems(tree, nullptr);
    const L::Date date = toDate(statusDate);
    for (const P::IndicatorRollup& r : rollup.rollupAll()) {
        Figures f;
        f.aggregation = r.aggregation;
        f.year = r.year;
        f.unallocatedSplits = int(r.unallocated.size());
        std::optional<double> value, target;
        if (const P::UnitRollup* p = r.province()) {
            f.province = *p;
            value = p->value;
            target = p->target;
        }
        if (!target) {
            if (const auto it = byId_.find(r.indicatorId); it != byId_.end() && it->second->spec)
                target = it->second->spec->targetValue;
        }
        f.status = P::assessStatus(value, target, r.aggregation, r.year, date);
        figures_.emplace(r.indicatorId, std::move(f));
    }
    for (Item* root : roots_) summarise(root);
    // Marks survive a reload (the map selection has not changed).
    for (const auto& [id, item] : byId_) item->marked = false;
    const QSet<qint64> keep = marked_;
    marked_.clear();
    endResetModel();
    if (!keep.isEmpty()) setMarked(keep);
}

void PlanTreeModel::addItems(const std::vector<L::PlanTreeNode>& nodes, Item* parent)
{
    int row = 0;
    for (const L::PlanTreeNode& n : nodes) {
        auto item = std::make_unique<Item>();
        item->node = n.node;
        item->spec = n.indicator;
        item->parent = parent;
        item->row = row++;
        item->searchText = foldForSearch(planText(n.node.code) + QLatin1Char(' ') + planText(n.node.name));
        Item* raw = item.get();
        byId_[n.node.id] = raw;
        items_.push_back(std::move(item));
        if (parent) parent->children.push_back(raw);
        else roots_.push_back(raw);
        addItems(n.children, raw);
    }
}

void PlanTreeModel::summarise(Item* item)
{
    item->indicators = item->onTrack = item->judged = 0;
    item->worst = P::Status::NoTarget;
    for (Item* c : item->children) {
        summarise(c);
        item->indicators += c->indicators;
        item->onTrack += c->onTrack;
        item->judged += c->judged;
        if (severity(c->worst) > severity(item->worst)) item->worst = c->worst;
    }
    if (item->spec) {
        ++item->indicators;
        if (const Figures* f = figures(item->node.id)) {
            const P::Status s = f->status.status;
            if (judged(s)) {
                ++item->judged;
                if (s == P::Status::Achieved || s == P::Status::OnTrack) ++item->onTrack;
            }
            if (severity(s) > severity(item->worst)) item->worst = s;
        }
    }
}

int PlanTreeModel::indicatorCount() const
{
    int n = 0;
    for (const auto& item : items_) n += item->spec.has_value();
    return n;
}

const PlanTreeModel::Figures* PlanTreeModel::figures(qint64 indicatorId) const
{
    const auto it = figures_.find(indicatorId);
    return it == figures_.end() ? nullptr : &it->second;
}

const std::optional<L::IndicatorSpec>* PlanTreeModel::spec(qint64 nodeId) const
{
    const auto it = byId_.find(nodeId);
    return it == byId_.end() ? nullptr : &it->second->spec;
}

QModelIndex PlanTreeModel::indexOfNode(qint64 nodeId, int column) const
{
    const auto it = byId_.find(nodeId);
    if (it == byId_.end()) return {};
    return createIndex(it->second->row, column, it->second);
}

const L::PlanNode* PlanTreeModel::node(const QModelIndex& index) const
{
    const Item* item = itemOf(index);
    return item ? &item->node : nullptr;
}

void PlanTreeModel::setMarked(const QSet<qint64>& indicatorIds)
{
    marked_ = indicatorIds;
    for (const auto& item : items_) item->marked = false;
    for (qint64 id : indicatorIds) {
        const auto it = byId_.find(id);
        if (it == byId_.end()) continue;
        for (Item* i = it->second; i; i = i->parent) i->marked = true;
    }
    if (!items_.empty()) emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    // dataChanged over the top rows does not reach the children in every view: say it per level.
    for (const auto& item : items_)
        if (!item->children.empty())
            emit dataChanged(createIndex(0, 0, item->children.front()),
                             createIndex(int(item->children.size()) - 1, ColumnCount - 1, item->children.back()));
}

PlanTreeModel::Item* PlanTreeModel::itemOf(const QModelIndex& index) const
{
    return index.isValid() ? static_cast<Item*>(index.internalPointer()) : nullptr;
}

QModelIndex PlanTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount) return {};
    const Item* p = itemOf(parent);
    const std::vector<Item*>& list = p ? p->children : roots_;
    if (row >= int(list.size())) return {};
    return createIndex(row, column, list[std::size_t(row)]);
}

QModelIndex PlanTreeModel::parent(const QModelIndex& child) const
{
    const Item* item = itemOf(child);
    if (!item || !item->parent) return {};
    return createIndex(item->parent->row, 0, item->parent);
}

int PlanTreeModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() && parent.column() != 0) return 0;
    const Item* p = itemOf(parent);
    return int(p ? p->children.size() : roots_.size());
}

int PlanTreeModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant PlanTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case NameColumn: return tr("Nội dung / chỉ tiêu");
    case UnitColumn: return tr("Đơn vị tính");
    case TargetColumn: return tr("Chỉ tiêu");
    case AchievedColumn: return tr("Lũy kế đạt");
    case PercentColumn: return tr("% đạt");
    case StatusColumn: return tr("Tình trạng");
    case AgencyColumn: return tr("Cơ quan chủ trì");
    default: return {};
    }
}

QVariant PlanTreeModel::displayData(const Item& item, int column) const
{
    const Figures* f = item.spec ? figures(item.node.id) : nullptr;
    switch (column) {
    case NameColumn: return planText(item.node.name);
    case UnitColumn: return item.spec ? planText(item.spec->unitOfMeasure) : QString();
    case TargetColumn: return item.spec ? targetText(*item.spec) : QString();
    case AchievedColumn:
        if (!f || !f->province || !f->province->value) return QString();
        return achievedText(*f->province, f->aggregation) + (f->province->illustrative ? QStringLiteral(" *") : QString());
    case PercentColumn:
        return f && f->province && f->province->percentOfTarget ? formatPercent(*f->province->percentOfTarget)
                                                                : QString();
    case StatusColumn:
        if (f) return statusText(f->status.status);
        if (item.judged == 0) return item.indicators ? tr("Chưa có số liệu") : QString();
        return tr("%1/%2 đạt hoặc đúng tiến độ").arg(item.onTrack).arg(item.judged);
    case AgencyColumn: return planText(item.node.responsibleAgency);
    default: return {};
    }
}

QVariant PlanTreeModel::toolTip(const Item& item, int column) const
{
    const Figures* f = item.spec ? figures(item.node.id) : nullptr;
    if (column == NameColumn) {
        QString tip = planText(item.node.code) + QStringLiteral(": ") + planText(item.node.name);
        if (item.node.planReference) tip += QLatin1Char('\n') + tr("Căn cứ: %1").arg(planText(item.node.planReference));
        return tip;
    }
    if (!f) return {};
    QStringList lines;
    if (column == StatusColumn && f->status.expected) {
        lines << tr("Đến ngày đánh giá cần đạt khoảng %1 (%2 thời gian của năm %3).")
                     .arg(formatNumber(*f->status.expected),
                          formatPercent(100.0 * f->status.elapsedFraction),
                          f->year ? QString::number(*f->year) : tr("kế hoạch"));
    }
    if (f->province) {
        if (f->province->illustrative) lines << tr("* Số liệu minh họa (tự sinh để trình diễn), không phải số liệu thật.");
        if (f->province->asOf) lines << tr("Số liệu đến ngày %1.").arg(formatDate(toQDate(*f->province->asOf)));
        const bool english = uiLanguage() == Language::English;
        for (const P::RollupNote& n : f->province->notes) lines << planText(english ? n.en : n.vi);
    }
    return lines.isEmpty() ? QVariant() : QVariant(lines.join(QLatin1Char('\n')));
}

QVariant PlanTreeModel::data(const QModelIndex& index, int role) const
{
    const Item* item = itemOf(index);
    if (!item) return {};
    const Figures* f = item->spec ? figures(item->node.id) : nullptr;
    switch (role) {
    case Qt::DisplayRole: return displayData(*item, index.column());
    case Qt::ToolTipRole: return toolTip(*item, index.column());
    case Qt::DecorationRole:
        if (index.column() == StatusColumn) {
            const P::Status s = f ? f->status.status : item->worst;
            if (!f && !judged(s)) return {};
            return QColor(QRgb(P::statusColor(s)));
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == TargetColumn || index.column() == AchievedColumn || index.column() == PercentColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::FontRole:
        if (item->marked || (!item->spec && !item->parent)) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::BackgroundRole:
        if (item->marked && item->spec) return QBrush(QColor(255, 243, 176));
        return {};
    case NodeIdRole: return qint64(item->node.id);
    case IsIndicatorRole: return item->spec.has_value();
    case StatusRole: return f ? QVariant(int(f->status.status)) : QVariant();
    case MarkedRole: return item->marked;
    case SearchTextRole: return item->searchText;
    case PercentRole:
        return f && f->province && f->province->percentOfTarget ? QVariant(*f->province->percentOfTarget) : QVariant();
    default: return {};
    }
}

} // namespace planmap::gui
