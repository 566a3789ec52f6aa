#pragma once

#include "MapProject.h"

#include <QAbstractListModel>

namespace planmap::gui {

/// The layers of a MapProject as a list model for the layer panel: title,
/// visibility check box, a symbol icon, the "illustrative" mark, and
/// reordering by drag and drop (row 0 = drawn on top).
class LayerTreeModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        KeyRole = Qt::UserRole + 1,
        IllustrativeRole,     ///< bool
        InScaleRole,          ///< bool: visible at the canvas' current scale
    };

    explicit LayerTreeModel(MapProject* project, QObject* parent = nullptr);

    /// The scale the "in scale" state is computed for (the canvas' scale).
    void setScaleDenominator(double denominator);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    Qt::DropActions supportedDropActions() const override { return Qt::MoveAction; }
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    bool canDropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                         const QModelIndex& parent) const override;
    /// Moves the dragged layer to the drop position. Returns false on
    /// purpose once the move is done, so the view does not delete the source row.
    bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                      const QModelIndex& parent) override;

    static QString illustrativeTooltip();
    static QString illustrativeBadge();

private:
    MapProject* project_;
    double scale_ = 0.0;
};

} // namespace planmap::gui
