#include "LayerTreeModel.h"

#include "Formats.h"

#include "planmap/layers/render/SymbolPainter.h"

#include <QFont>
#include <QIcon>
#include <QMimeData>
#include <QPainter>
#include <QPixmap>

namespace planmap::gui {

namespace {
const QString kMime = QStringLiteral("application/x-planmap-layer-key");

QIcon symbolIcon(const MapLayer& layer)
{
    QPixmap pm(18, 18);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    const style::FeatureStyle& fs = layer.style.features;
    if (fs.kind == style::StyleKind::SingleSymbol || fs.symbolCount() <= 1) {
        render::drawLegendPatch(p, QRectF(1, 1, 16, 16), fs.symbolCount() > 0 ? fs.symbolAt(0) : fs.symbol,
                                layer.kind(), 96.0);
    } else {
        // Several classes: a small 2x2 sample of the first symbols.
        const int n = std::min(fs.symbolCount(), 4);
        for (int i = 0; i < n; ++i)
            render::drawLegendPatch(p, QRectF(1 + 8 * (i % 2), 1 + 8 * (i / 2), 8, 8), fs.symbolAt(i),
                                    layer.kind(), 96.0);
    }
    return QIcon(pm);
}
} // namespace

LayerTreeModel::LayerTreeModel(MapProject* project, QObject* parent) : QAbstractListModel(parent), project_(project)
{
    connect(project_, &MapProject::layersChanged, this, [this] {
        beginResetModel();
        endResetModel();
    });
    connect(project_, &MapProject::layerChanged, this, [this](int row) {
        emit dataChanged(index(row), index(row));
    });
}

QString LayerTreeModel::illustrativeTooltip()
{
    return tr("Dữ liệu minh họa, không phải số liệu thật");
}

QString LayerTreeModel::illustrativeBadge()
{
    return tr("minh họa");
}

void LayerTreeModel::setScaleDenominator(double denominator)
{
    scale_ = denominator;
    if (rowCount() > 0) emit dataChanged(index(0), index(rowCount() - 1), {InScaleRole, Qt::ForegroundRole});
}

int LayerTreeModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : project_->layerCount();
}

QVariant LayerTreeModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= project_->layerCount()) return {};
    const MapLayer& l = project_->layer(index.row());
    const bool inScale = scale_ <= 0 || l.style.visibleAtScale(scale_);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole: return l.title;
    case Qt::CheckStateRole: return l.visible ? Qt::Checked : Qt::Unchecked;
    case Qt::DecorationRole: return symbolIcon(l);
    case Qt::FontRole: {
        QFont f;
        f.setItalic(l.illustrative);
        return f;
    }
    case Qt::ForegroundRole:
        return inScale ? QVariant() : QVariant(QColor(140, 140, 140));
    case Qt::ToolTipRole: {
        QString tip = l.title;
        if (l.cache) tip += QStringLiteral("\n") + tr("%1 đối tượng").arg(formatInteger(qint64(l.cache->featureCount())));
        if (!inScale) tip += QStringLiteral("\n") + tr("Không hiển thị ở tỉ lệ hiện tại");
        if (l.illustrative) tip += QStringLiteral("\n") + illustrativeTooltip();
        return tip;
    }
    case KeyRole: return l.key;
    case IllustrativeRole: return l.illustrative;
    case InScaleRole: return inScale;
    default: return {};
    }
}

bool LayerTreeModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || role != Qt::CheckStateRole) return false;
    project_->setVisible(index.row(), value.toInt() == Qt::Checked);
    return true;
}

Qt::ItemFlags LayerTreeModel::flags(const QModelIndex& index) const
{
    if (!index.isValid()) return Qt::ItemIsDropEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable | Qt::ItemIsDragEnabled;
}

QStringList LayerTreeModel::mimeTypes() const
{
    return {kMime};
}

QMimeData* LayerTreeModel::mimeData(const QModelIndexList& indexes) const
{
    if (indexes.isEmpty()) return nullptr;
    auto* m = new QMimeData;
    m->setData(kMime, project_->layer(indexes.first().row()).key.toUtf8());
    return m;
}

bool LayerTreeModel::canDropMimeData(const QMimeData* data, Qt::DropAction action, int, int,
                                     const QModelIndex&) const
{
    return action == Qt::MoveAction && data && data->hasFormat(kMime);
}

bool LayerTreeModel::dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int,
                                  const QModelIndex& parent)
{
    if (!canDropMimeData(data, action, row, 0, parent)) return false;
    const int from = project_->indexOf(QString::fromUtf8(data->data(kMime)));
    if (from < 0) return false;
    // Dropped on an item: take its place; between items: insert there.
    int to;
    if (row >= 0) {
        to = row > from ? row - 1 : row;
    } else {
        to = parent.isValid() ? parent.row() : project_->layerCount() - 1;
    }
    to = std::clamp(to, 0, project_->layerCount() - 1);
    project_->moveLayer(from, to);
    return false;
}

} // namespace planmap::gui
