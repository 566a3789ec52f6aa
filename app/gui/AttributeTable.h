#pragma once

#include "AttributeTableModel.h"
#include "MapProject.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace planmap::gui {

/// The attribute table window of one layer: sortable columns, a filter box,
/// "selected only", and a row selection kept in step with the map selection.
class AttributeTable : public QWidget {
    Q_OBJECT
public:
    AttributeTable(MapProject* project, const QString& layerKey, QWidget* parent = nullptr);

    const QString& layerKey() const { return key_; }
    AttributeTableModel* model() { return &model_; }
    AttributeFilterProxy* proxy() { return &proxy_; }
    QTableView* view() { return view_; }
    void setFilterText(const QString& text);

signals:
    void zoomToSelectionRequested();

private:
    void reload();
    void pullSelection();
    void pushSelection();
    void updateCount();

    MapProject* project_;
    QString key_;
    AttributeTableModel model_;
    AttributeFilterProxy proxy_;
    QLineEdit* filter_;
    QCheckBox* selectedOnly_;
    QTableView* view_;
    QLabel* count_;
    bool syncing_ = false;
};

} // namespace planmap::gui
