#pragma once

#include "AttributeTableModel.h"
#include "MapProject.h"

#include <QWidget>

#include <functional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace planmap::gui {

/// The attribute table window of one layer: sortable columns, a filter box,
/// "selected only", and a row selection kept in step with the layer's part
/// of the map selection (whichever layer is the main one). Selecting rows
/// replaces the whole selection; with Ctrl (or Shift) held it sets only this
/// layer's part and keeps the other layers' parts, as in QGIS.
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

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void reload();
    /// Applies a change of the rows shown (filter text, "only selected").
    void refilter(const std::function<void()>& change);
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
    /// Keyboard modifiers of the last mouse or key event on the view: the
    /// row selection they make extends the map selection when Ctrl or Shift.
    Qt::KeyboardModifiers modifiers_;
};

} // namespace planmap::gui
