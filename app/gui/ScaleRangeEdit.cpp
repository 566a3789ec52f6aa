#include "ScaleRangeEdit.h"

#include "Formats.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>

namespace planmap::gui {

ScaleRangeEdit::ScaleRangeEdit(QWidget* parent) : QWidget(parent)
{
    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    max_ = makeBox(this);
    min_ = makeBox(this);
    form->addRow(tr("Ẩn khi thu nhỏ hơn"), max_);
    form->addRow(tr("Ẩn khi phóng to hơn"), min_);
    max_->setToolTip(tr("Lớp không hiển thị khi mẫu số tỉ lệ lớn hơn giá trị này"));
    min_->setToolTip(tr("Lớp không hiển thị khi mẫu số tỉ lệ nhỏ hơn giá trị này"));
    for (QComboBox* b : {min_, max_}) {
        connect(b, &QComboBox::currentTextChanged, this, &ScaleRangeEdit::rangeChanged);
    }
}

QComboBox* ScaleRangeEdit::makeBox(QWidget* parent)
{
    auto* b = new QComboBox(parent);
    b->setEditable(true);
    b->addItem(tr("Không giới hạn"), 0.0);
    for (double d : {5000.0, 10000.0, 25000.0, 50000.0, 100000.0, 250000.0, 500000.0, 1000000.0})
        b->addItem(formatScale(d), d);
    return b;
}

double ScaleRangeEdit::value(const QComboBox* box)
{
    const int i = box->findText(box->currentText());
    if (i >= 0) return box->itemData(i).toDouble();
    return parseScale(box->currentText());
}

void ScaleRangeEdit::setValue(QComboBox* box, double d)
{
    if (d <= 0) {
        box->setCurrentIndex(0);
        return;
    }
    const int i = box->findData(d);
    if (i >= 0) box->setCurrentIndex(i);
    else box->setEditText(formatScale(d));
}

void ScaleRangeEdit::setRange(double minDenominator, double maxDenominator)
{
    const QSignalBlocker b1(min_), b2(max_);
    setValue(min_, minDenominator);
    setValue(max_, maxDenominator);
}

double ScaleRangeEdit::minDenominator() const
{
    return value(min_);
}

double ScaleRangeEdit::maxDenominator() const
{
    return value(max_);
}

} // namespace planmap::gui
