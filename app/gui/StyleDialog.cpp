#include "StyleDialog.h"

#include "ScaleRangeEdit.h"

#include "planmap/layers/render/SymbolPainter.h"
#include "planmap/layers/style/StyleError.h"

#include <QCheckBox>
#include <QCollator>
#include <QColorDialog>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <cmath>
#include <set>

namespace planmap::gui {

namespace {

QIcon rampIcon(const style::ColorRamp& ramp)
{
    QPixmap pm(64, 14);
    QPainter p(&pm);
    for (int x = 0; x < 64; ++x) {
        p.setPen(ramp.colorAt(x / 63.0));
        p.drawLine(x, 0, x, 13);
    }
    return QIcon(pm);
}

void setButtonColor(QPushButton* b, const QColor& c)
{
    QPixmap pm(32, 14);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.fillRect(QRect(0, 0, 32, 14), QBrush(Qt::white, Qt::DiagCrossPattern));
    p.fillRect(QRect(0, 0, 32, 14), c);
    p.setPen(Qt::black);
    p.drawRect(QRect(0, 0, 31, 13));
    b->setIcon(QIcon(pm));
    b->setIconSize(pm.size());
    b->setProperty("color", c);
}

QColor buttonColor(const QPushButton* b)
{
    return b->property("color").value<QColor>();
}

bool isNumeric(const QVariant& v)
{
    const int t = v.typeId();
    return t == QMetaType::Int || t == QMetaType::LongLong || t == QMetaType::Double || t == QMetaType::UInt ||
           t == QMetaType::ULongLong || t == QMetaType::Float;
}

} // namespace

StyleDialog::StyleDialog(const MapLayer& layer, QWidget* parent) : QDialog(parent), layer_(layer)
{
    setWindowTitle(tr("Kiểu hiển thị — %1").arg(layer.title));
    features_ = layer.style.features;
    auto* root = new QVBoxLayout(this);

    // --- symbology ------------------------------------------------------
    auto* symGroup = new QGroupBox(tr("Ký hiệu"), this);
    auto* symForm = new QFormLayout(symGroup);
    kind_ = new QComboBox(symGroup);
    kind_->addItem(tr("Một ký hiệu"), int(style::StyleKind::SingleSymbol));
    kind_->addItem(tr("Phân loại theo trường"), int(style::StyleKind::Categorized));
    kind_->addItem(tr("Phân cấp theo giá trị số"), int(style::StyleKind::Graduated));
    symForm->addRow(tr("Kiểu"), kind_);
    field_ = new QComboBox(symGroup);
    symForm->addRow(tr("Trường"), field_);
    method_ = new QComboBox(symGroup);
    method_->addItem(tr("Khoảng đều"), int(style::ClassificationMethod::EqualInterval));
    method_->addItem(tr("Phân vị (số lượng bằng nhau)"), int(style::ClassificationMethod::Quantile));
    method_->addItem(tr("Ngắt tự nhiên (Jenks)"), int(style::ClassificationMethod::NaturalBreaks));
    symForm->addRow(tr("Phương pháp"), method_);
    classes_ = new QSpinBox(symGroup);
    classes_->setRange(2, 9);
    classes_->setValue(5);
    symForm->addRow(tr("Số cấp"), classes_);
    auto* rampRow = new QHBoxLayout;
    ramp_ = new QComboBox(symGroup);
    ramp_->setIconSize(QSize(64, 14));
    for (const QString& name : style::ColorRamp::names()) ramp_->addItem(rampIcon(style::ColorRamp::named(name)), name, name);
    invertRamp_ = new QCheckBox(tr("Đảo ngược"), symGroup);
    rampRow->addWidget(ramp_, 1);
    rampRow->addWidget(invertRamp_);
    symForm->addRow(tr("Dải màu"), rampRow);

    auto* baseRow = new QHBoxLayout;
    fillColor_ = new QPushButton(symGroup);
    strokeColor_ = new QPushButton(symGroup);
    fillColor_->setToolTip(tr("Màu nền"));
    strokeColor_->setToolTip(tr("Màu viền"));
    strokeWidth_ = new QDoubleSpinBox(symGroup);
    strokeWidth_->setRange(0.0, 5.0);
    strokeWidth_->setSingleStep(0.1);
    strokeWidth_->setSuffix(QStringLiteral(" mm"));
    strokeWidth_->setToolTip(tr("Độ rộng nét"));
    baseRow->addWidget(new QLabel(tr("Nền"), symGroup));
    baseRow->addWidget(fillColor_);
    baseRow->addWidget(new QLabel(tr("Viền"), symGroup));
    baseRow->addWidget(strokeColor_);
    baseRow->addWidget(strokeWidth_);
    symForm->addRow(tr("Ký hiệu gốc"), baseRow);
    auto* markerRow = new QHBoxLayout;
    markerShape_ = new QComboBox(symGroup);
    markerShape_->addItem(tr("Tròn"), int(style::MarkerShape::Circle));
    markerShape_->addItem(tr("Vuông"), int(style::MarkerShape::Square));
    markerShape_->addItem(tr("Tam giác"), int(style::MarkerShape::Triangle));
    markerShape_->addItem(tr("Thoi"), int(style::MarkerShape::Diamond));
    markerShape_->addItem(tr("Chữ thập"), int(style::MarkerShape::Cross));
    markerShape_->addItem(tr("Sao"), int(style::MarkerShape::Star));
    markerSize_ = new QDoubleSpinBox(symGroup);
    markerSize_->setRange(0.5, 12.0);
    markerSize_->setSingleStep(0.2);
    markerSize_->setSuffix(QStringLiteral(" mm"));
    markerRow->addWidget(markerShape_, 1);
    markerRow->addWidget(markerSize_);
    symForm->addRow(tr("Điểm"), markerRow);
    if (layer_.kind() != layers::GeometryKind::Point) {
        markerShape_->setEnabled(false);
        markerSize_->setEnabled(false);
    }

    classifyButton_ = new QPushButton(tr("Phân loại lại"), symGroup);
    preview_ = new QTreeWidget(symGroup);
    preview_->setHeaderLabels({tr("Ký hiệu"), tr("Số đối tượng")});
    preview_->setRootIsDecorated(false);
    preview_->setIconSize(QSize(18, 18));
    preview_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    preview_->setMinimumHeight(150);
    summary_ = new QLabel(symGroup);
    symForm->addRow(classifyButton_);
    symForm->addRow(preview_);
    symForm->addRow(summary_);
    root->addWidget(symGroup);

    // --- labels -----------------------------------------------------------
    auto* labGroup = new QGroupBox(tr("Nhãn"), this);
    auto* labForm = new QFormLayout(labGroup);
    labelsOn_ = new QCheckBox(tr("Hiện nhãn"), labGroup);
    labelField_ = new QComboBox(labGroup);
    labelSize_ = new QDoubleSpinBox(labGroup);
    labelSize_->setRange(5, 24);
    labelSize_->setSuffix(QStringLiteral(" pt"));
    labelBold_ = new QCheckBox(tr("Chữ đậm"), labGroup);
    auto* labRow = new QHBoxLayout;
    labRow->addWidget(labelField_, 1);
    labRow->addWidget(labelSize_);
    labRow->addWidget(labelBold_);
    labForm->addRow(labelsOn_);
    labForm->addRow(tr("Trường nhãn"), labRow);
    root->addWidget(labGroup);

    // --- rendering --------------------------------------------------------
    auto* visGroup = new QGroupBox(tr("Hiển thị"), this);
    auto* visForm = new QFormLayout(visGroup);
    opacity_ = new QSlider(Qt::Horizontal, visGroup);
    opacity_->setRange(0, 100);
    visForm->addRow(tr("Độ đục"), opacity_);
    scaleRange_ = new ScaleRangeEdit(visGroup);
    visForm->addRow(scaleRange_);
    root->addWidget(visGroup);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Apply | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Đồng ý"));
    buttons->button(QDialogButtonBox::Apply)->setText(tr("Áp dụng"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Hủy"));
    root->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this,
            [this] { emit applied(layerStyle()); });

    // --- initial values ---------------------------------------------------
    const style::Symbol& s = features_.symbol;
    setButtonColor(fillColor_, s.fillColor);
    setButtonColor(strokeColor_, s.strokeColor);
    strokeWidth_->setValue(s.strokeWidthMm);
    markerShape_->setCurrentIndex(markerShape_->findData(int(s.markerShape)));
    markerSize_->setValue(s.markerSizeMm);
    kind_->setCurrentIndex(kind_->findData(int(features_.kind)));
    if (features_.kind == style::StyleKind::Graduated) {
        method_->setCurrentIndex(std::max(0, method_->findData(int(features_.method))));
        classes_->setValue(std::max(2, int(features_.ranges.size())));
    }
    if (const int r = ramp_->findData(features_.rampName); r >= 0) ramp_->setCurrentIndex(r);
    updateControls();
    if (!features_.field.isEmpty()) field_->setCurrentIndex(std::max(0, field_->findData(features_.field)));

    const style::LabelSettings& ls = layer_.style.labels;
    labelsOn_->setChecked(ls.enabled);
    for (const QString& f : allFields()) labelField_->addItem(layer_.fieldTitle(f), f);
    labelField_->setCurrentIndex(std::max(0, labelField_->findData(ls.field.isEmpty() ? QStringLiteral("name") : ls.field)));
    labelSize_->setValue(ls.sizePt);
    labelBold_->setChecked(ls.bold);
    opacity_->setValue(int(std::lround(layer_.style.opacity * 100)));
    scaleRange_->setRange(layer_.style.minScaleDenominator, layer_.style.maxScaleDenominator);
    updatePreview();

    connect(kind_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        updateControls();
        classify();
    });
    connect(field_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] { classify(); });
    connect(method_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] { classify(); });
    connect(classes_, qOverload<int>(&QSpinBox::valueChanged), this, [this] { classify(); });
    connect(ramp_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] { classify(); });
    connect(invertRamp_, &QCheckBox::toggled, this, [this] { classify(); });
    connect(classifyButton_, &QPushButton::clicked, this, [this] { classify(); });
    connect(fillColor_, &QPushButton::clicked, this, [this] { pickColor(fillColor_); });
    connect(strokeColor_, &QPushButton::clicked, this, [this] { pickColor(strokeColor_); });
    for (QDoubleSpinBox* sb : {strokeWidth_, markerSize_})
        connect(sb, qOverload<double>(&QDoubleSpinBox::valueChanged), this, [this] { classify(); });
    connect(markerShape_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] { classify(); });
}

std::vector<QString> StyleDialog::allFields() const
{
    std::vector<QString> out;
    if (!layer_.cache) return out;
    for (const QString& f : layer_.cache->fieldNames())
        if (!layer_.hiddenFields.contains(f)) out.push_back(f);
    return out;
}

std::vector<QString> StyleDialog::numericFields() const
{
    std::vector<QString> out;
    if (!layer_.cache) return out;
    for (const QString& f : allFields()) {
        const int idx = layer_.cache->fieldIndex(f);
        bool numeric = false, other = false;
        for (std::size_t i = 0; i < layer_.cache->featureCount(); ++i) {
            const QVariant& v = layer_.cache->attribute(i, idx);
            if (v.isNull()) continue;
            if (isNumeric(v)) numeric = true;
            else other = true;
        }
        if (numeric && !other) out.push_back(f);
    }
    return out;
}

void StyleDialog::updateControls()
{
    const auto kind = style::StyleKind(kind_->currentData().toInt());
    const QSignalBlocker block(field_);
    const QString current = field_->currentData().toString();
    field_->clear();
    const std::vector<QString> fields =
        kind == style::StyleKind::Graduated ? numericFields() : allFields();
    for (const QString& f : fields) field_->addItem(layer_.fieldTitle(f), f);
    if (const int i = field_->findData(current); i >= 0) field_->setCurrentIndex(i);
    field_->setEnabled(kind != style::StyleKind::SingleSymbol);
    method_->setEnabled(kind == style::StyleKind::Graduated);
    classes_->setEnabled(kind == style::StyleKind::Graduated);
    ramp_->setEnabled(kind != style::StyleKind::SingleSymbol);
    invertRamp_->setEnabled(kind != style::StyleKind::SingleSymbol);
    classifyButton_->setEnabled(kind != style::StyleKind::SingleSymbol);
}

void StyleDialog::pickColor(QPushButton* button)
{
    const QColor c = QColorDialog::getColor(buttonColor(button), this, tr("Chọn màu"), QColorDialog::ShowAlphaChannel);
    if (!c.isValid()) return;
    setButtonColor(button, c);
    classify();
}

style::Symbol StyleDialog::baseSymbol() const
{
    style::Symbol s = features_.symbol;
    s.fillColor = buttonColor(fillColor_);
    s.strokeColor = buttonColor(strokeColor_);
    s.strokeWidthMm = strokeWidth_->value();
    s.markerShape = style::MarkerShape(markerShape_->currentData().toInt());
    s.markerSizeMm = markerSize_->value();
    return s;
}

void StyleDialog::setKind(style::StyleKind kind)
{
    kind_->setCurrentIndex(kind_->findData(int(kind)));
}

void StyleDialog::setField(const QString& field)
{
    field_->setCurrentIndex(field_->findData(field));
}

void StyleDialog::setMethod(style::ClassificationMethod method)
{
    method_->setCurrentIndex(method_->findData(int(method)));
}

void StyleDialog::setClassCount(int classes)
{
    classes_->setValue(classes);
}

void StyleDialog::setRamp(const QString& rampName)
{
    ramp_->setCurrentIndex(ramp_->findData(rampName));
}

void StyleDialog::classify()
{
    const auto kind = style::StyleKind(kind_->currentData().toInt());
    const style::Symbol base = baseSymbol();
    const QString field = field_->currentData().toString();
    const int idx = layer_.cache ? layer_.cache->fieldIndex(field) : -1;
    summary_->clear();
    try {
        style::ColorRamp ramp = style::ColorRamp::named(ramp_->currentData().toString());
        if (invertRamp_->isChecked()) ramp = ramp.reversed();
        if (kind == style::StyleKind::SingleSymbol || idx < 0) {
            features_ = style::FeatureStyle::singleSymbol(base);
        } else if (kind == style::StyleKind::Categorized) {
            std::vector<QVariant> values;
            std::set<QString> seen;
            for (std::size_t i = 0; i < layer_.cache->featureCount(); ++i) {
                const QVariant& v = layer_.cache->attribute(i, idx);
                if (v.isNull() || !seen.insert(v.toString()).second) continue;
                values.push_back(v);
            }
            QCollator collator{QLocale(QLocale::Vietnamese, QLocale::Vietnam)};
            collator.setNumericMode(true);
            std::sort(values.begin(), values.end(), [&](const QVariant& a, const QVariant& b) {
                if (isNumeric(a) && isNumeric(b)) return a.toDouble() < b.toDouble();
                return collator.compare(layer_.valueText(field, a), layer_.valueText(field, b)) < 0;
            });
            constexpr std::size_t kMaxCategories = 60;
            if (values.size() > kMaxCategories) {
                values.resize(kMaxCategories);
                summary_->setText(tr("Chỉ lấy %1 giá trị đầu tiên; các giá trị khác vẽ bằng ký hiệu \"Khác\".")
                                      .arg(kMaxCategories));
            }
            features_ = style::FeatureStyle::categorized(field, values, ramp, base);
            for (style::Category& c : features_.categories) c.label = layer_.valueText(field, c.value);
        } else {
            std::vector<double> values;
            for (std::size_t i = 0; i < layer_.cache->featureCount(); ++i) {
                const QVariant& v = layer_.cache->attribute(i, idx);
                values.push_back(v.isNull() ? std::nan("") : v.toDouble());
            }
            features_ = style::FeatureStyle::graduated(
                field, values, classes_->value(), style::ClassificationMethod(method_->currentData().toInt()), ramp,
                base, 0);
        }
    } catch (const std::exception& e) {
        features_ = style::FeatureStyle::singleSymbol(base);
        summary_->setText(tr("Không phân loại được: %1").arg(QString::fromUtf8(e.what())));
    }
    updatePreview();
}

void StyleDialog::updatePreview()
{
    preview_->clear();
    // How many features each symbol draws.
    std::vector<int> counts(std::size_t(std::max(1, features_.symbolCount())), 0);
    int hidden = 0;
    if (layer_.cache) {
        const int idx = layer_.cache->fieldIndex(features_.field);
        for (std::size_t i = 0; i < layer_.cache->featureCount(); ++i) {
            const int s = features_.kind == style::StyleKind::SingleSymbol
                              ? 0
                              : features_.symbolIndex(idx >= 0 ? layer_.cache->attribute(i, idx) : QVariant());
            if (s >= 0 && s < int(counts.size())) ++counts[std::size_t(s)];
            else ++hidden;
        }
    }
    for (const style::LegendItem& item : features_.legend(layer_.kind())) {
        QPixmap pm(18, 18);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        render::drawLegendPatch(p, QRectF(1, 1, 16, 16), item.symbol, item.kind, 96.0);
        p.end();
        const QString label = item.label.isEmpty() ? layer_.title : item.label;
        auto* it = new QTreeWidgetItem(preview_, {label, QString::number(counts[std::size_t(item.symbolIndex)])});
        it->setIcon(0, QIcon(pm));
        it->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    }
    if (hidden > 0 && summary_->text().isEmpty())
        summary_->setText(tr("%1 đối tượng không có ký hiệu (không vẽ).").arg(hidden));
}

style::LayerStyle StyleDialog::layerStyle() const
{
    style::LayerStyle st = layer_.style;
    st.features = features_;
    st.labels.enabled = labelsOn_->isChecked();
    st.labels.field = labelField_->currentData().toString();
    st.labels.sizePt = labelSize_->value();
    st.labels.bold = labelBold_->isChecked();
    st.opacity = opacity_->value() / 100.0;
    st.minScaleDenominator = scaleRange_->minDenominator();
    st.maxScaleDenominator = scaleRange_->maxDenominator();
    return st;
}

} // namespace planmap::gui
