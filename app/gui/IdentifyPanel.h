#pragma once

#include "ProjectData.h"

#include <QWidget>

class QLabel;
class QScrollArea;
class QVBoxLayout;
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
    void clearIndicators();
    void addIndicator(const IndicatorRow& indicator);

    QLabel* title_;
    QLabel* note_;
    QTreeWidget* info_;
    QLabel* indicatorsTitle_;
    QScrollArea* indicatorScroll_;
    QWidget* indicatorList_;
    QVBoxLayout* indicatorLayout_;
    int indicatorCount_ = 0;
};

} // namespace planmap::gui
