#pragma once

#include <QWidget>

class QComboBox;

namespace planmap::gui {

/// Two editable scale boxes: the layer shows between "phóng to nhất" (min
/// denominator) and "thu nhỏ nhất" (max denominator); "Không giới hạn" = 0.
class ScaleRangeEdit : public QWidget {
    Q_OBJECT
public:
    explicit ScaleRangeEdit(QWidget* parent = nullptr);

    void setRange(double minDenominator, double maxDenominator);
    double minDenominator() const;
    double maxDenominator() const;

signals:
    void rangeChanged();

private:
    static QComboBox* makeBox(QWidget* parent);
    static double value(const QComboBox* box);
    static void setValue(QComboBox* box, double denominator);

    QComboBox* min_;
    QComboBox* max_;
};

} // namespace planmap::gui
