#pragma once

#include "ProjectData.h"

#include <QWidget>

class QGridLayout;
class QLabel;
class QScrollArea;
class QVBoxLayout;

namespace planmap::gui {

/// The identify dock: the clicked feature's attributes, its administrative
/// units (old and new), and the plan indicators linked to it with target,
/// achieved, percentage and a progress bar. Values wrap at word boundaries
/// within the width of the dock (never widening it) and can be selected
/// and copied.
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
    /// The labels of the values of the attribute and unit rows (object name
    /// "identifyValue"), in the order shown.
    QList<QLabel*> valueLabels() const;

private:
    void clearInfo();
    /// A bold heading over the rows that follow.
    void addSection(const QString& heading);
    /// A row "name: value" of the info area.
    void addRow(const QString& name, const QString& value);
    void clearIndicators();
    void addIndicator(const IndicatorRow& indicator);

    QLabel* title_;
    QLabel* note_;
    QScrollArea* info_;
    QWidget* infoBody_;
    QGridLayout* infoGrid_;
    int attributeCount_ = 0;
    QLabel* indicatorsTitle_;
    QScrollArea* indicatorScroll_;
    QWidget* indicatorList_;
    QVBoxLayout* indicatorLayout_;
    int indicatorCount_ = 0;
};

} // namespace planmap::gui
