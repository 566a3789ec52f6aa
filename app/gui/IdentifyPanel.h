#pragma once

#include "ProjectData.h"

#include <QWidget>

class QLabel;
class QTableWidget;
class QTreeWidget;

namespace planmap::gui {

/// The identify dock: the clicked feature's attributes, its administrative
/// units (old and new), and the plan indicators linked to it with target,
/// achieved, percentage and a progress bar.
class IdentifyPanel : public QWidget {
    Q_OBJECT
public:
    explicit IdentifyPanel(QWidget* parent = nullptr);

    void showDetails(const FeatureDetails& details);
    /// "Click a feature on the map" hint.
    void clear();

    /// For tests: the attribute rows and indicator rows shown.
    int attributeCount() const;
    int indicatorCount() const;
    QString titleText() const;

private:
    QLabel* title_;
    QLabel* note_;
    QTreeWidget* info_;
    QLabel* indicatorsTitle_;
    QTableWidget* indicators_;
};

} // namespace planmap::gui
