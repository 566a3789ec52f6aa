#include "ProgressEntryDialog.h"

#include "Formats.h"
#include "IndicatorHistoryModel.h"
#include "PlanSession.h"

#include "planmap/layers/store/Errors.h"
#include "planmap/layers/store/ProjectStore.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>

namespace planmap::gui {

namespace L = planmap::layers;
namespace P = planmap::layers::progress;

namespace {

std::optional<std::string> textOrNone(const QLineEdit* edit)
{
    const QString t = edit->text().trimmed();
    if (t.isEmpty()) return std::nullopt;
    return t.toStdString();
}

QLabel* errorLabel(QWidget* parent)
{
    auto* l = new QLabel(parent);
    l->setStyleSheet(QStringLiteral("color: #b2182b;"));
    l->setWordWrap(true);
    l->hide();
    return l;
}

} // namespace

std::optional<double> ProgressEntryDialog::parseNumber(const QString& input)
{
    QString t = input.trimmed();
    t.remove(QChar(0x00a0));
    t.remove(QChar(0x202f));
    t.remove(QLatin1Char(' '));
    if (t.isEmpty()) return std::nullopt;
    bool ok = false;
    double v = 0;
    static const QRegularExpression thousands(QStringLiteral("^-?\\d{1,3}(\\.\\d{3})+$"));
    if (t.contains(QLatin1Char(',')) || thousands.match(t).hasMatch()) {
        // Vietnamese: '.' groups thousands, ',' is the decimal separator.
        QString v2 = t;
        v2.remove(QLatin1Char('.'));
        v2.replace(QLatin1Char(','), QLatin1Char('.'));
        if (v2.count(QLatin1Char('.')) > 1) return std::nullopt;
        v = v2.toDouble(&ok);
    } else {
        v = t.toDouble(&ok);
    }
    if (!ok || !std::isfinite(v)) return std::nullopt;
    return v;
}

ProgressEntryDialog::ProgressEntryDialog(PlanSession& session, QWidget* parent) : QDialog(parent), session_(session)
{
    setWindowTitle(tr("Nhập tiến độ thực hiện"));
    buildUi();
    connect(&session_, &PlanSession::progressChanged, this, &ProgressEntryDialog::refreshHistory);
    connect(&session_, &PlanSession::linksChanged, this, &ProgressEntryDialog::loadFeatures);
}

void ProgressEntryDialog::buildUi()
{
    auto* layout = new QVBoxLayout(this);
    title_ = new QLabel(this);
    title_->setWordWrap(true);
    title_->setTextFormat(Qt::RichText);
    layout->addWidget(title_);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    // Where: a unit or a feature.
    auto* placeBox = new QWidget(this);
    auto* placeLayout = new QVBoxLayout(placeBox);
    placeLayout->setContentsMargins(0, 0, 0, 0);
    auto* modeRow = new QHBoxLayout;
    atUnit_ = new QRadioButton(tr("Đơn vị hành chính"), placeBox);
    atFeature_ = new QRadioButton(tr("Đối tượng trên bản đồ"), placeBox);
    atUnit_->setChecked(true);
    auto* modes = new QButtonGroup(placeBox);
    modes->addButton(atUnit_);
    modes->addButton(atFeature_);
    modeRow->addWidget(atUnit_);
    modeRow->addWidget(atFeature_);
    modeRow->addStretch();
    placeLayout->addLayout(modeRow);
    auto* unitRow = new QHBoxLayout;
    unit_ = new QLineEdit(placeBox);
    unit_->setPlaceholderText(tr("Mã hoặc tên: 20, 189, 06622, Xã Lộc Bình…"));
    generation_ = new QComboBox(placeBox);
    generation_->addItem(tr("Theo ngày số liệu"), int(Generation::ByDate));
    generation_->addItem(tr("Trước 01/7/2025"), int(Generation::Pre2025));
    generation_->addItem(tr("Từ 01/7/2025"), int(Generation::Gen2025));
    unitRow->addWidget(unit_, 1);
    unitRow->addWidget(generation_);
    placeLayout->addLayout(unitRow);
    feature_ = new QComboBox(placeBox);
    feature_->setEnabled(false);
    placeLayout->addWidget(feature_);
    errors_[Field::Place] = errorLabel(placeBox);
    placeLayout->addWidget(errors_[Field::Place]);
    form->addRow(tr("Nơi thực hiện"), placeBox);
    connect(atUnit_, &QRadioButton::toggled, this, [this](bool unit) {
        unit_->setEnabled(unit);
        generation_->setEnabled(unit);
        feature_->setEnabled(!unit);
    });

    auto fieldWithError = [this](QWidget* field, Field which) {
        auto* box = new QWidget(this);
        auto* l = new QHBoxLayout(box);
        l->setContentsMargins(0, 0, 0, 0);
        l->addWidget(field, 1);
        errors_[which] = errorLabel(box);
        l->addWidget(errors_[which], 1);
        return box;
    };
    value_ = new QLineEdit(this);
    value_->setPlaceholderText(tr("ví dụ 1.234,5"));
    valueLabel_ = new QLabel(tr("Giá trị lũy kế"), this);
    form->addRow(valueLabel_, fieldWithError(value_, Field::Value));

    fractionRow_ = new QWidget(this);
    auto* fr = new QHBoxLayout(fractionRow_);
    fr->setContentsMargins(0, 0, 0, 0);
    numerator_ = new QLineEdit(fractionRow_);
    numerator_->setPlaceholderText(tr("tử số"));
    denominator_ = new QLineEdit(fractionRow_);
    denominator_->setPlaceholderText(tr("mẫu số"));
    errors_[Field::Numerator] = errorLabel(fractionRow_);
    errors_[Field::Denominator] = errorLabel(fractionRow_);
    fr->addWidget(numerator_);
    fr->addWidget(errors_[Field::Numerator]);
    fr->addWidget(new QLabel(QStringLiteral("/"), fractionRow_));
    fr->addWidget(denominator_);
    fr->addWidget(errors_[Field::Denominator]);
    fractionLabel_ = new QLabel(tr("Tử số / mẫu số"), this);
    form->addRow(fractionLabel_, fractionRow_);

    asOf_ = new QDateEdit(QDate::currentDate(), this);
    asOf_->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    asOf_->setCalendarPopup(true);
    form->addRow(tr("Số liệu đến ngày"), fieldWithError(asOf_, Field::AsOf));
    source_ = new QLineEdit(this);
    source_->setPlaceholderText(tr("số, ký hiệu văn bản: 125/BC-UBND"));
    form->addRow(tr("Văn bản nguồn"), source_);
    note_ = new QLineEdit(this);
    form->addRow(tr("Ghi chú"), note_);
    layout->addLayout(form);

    errors_[Field::General] = errorLabel(this);
    layout->addWidget(errors_[Field::General]);
    warnings_ = new QLabel(this);
    warnings_->setStyleSheet(QStringLiteral("color: #8c510a;"));
    warnings_->setWordWrap(true);
    warnings_->hide();
    layout->addWidget(warnings_);

    auto* buttons = new QHBoxLayout;
    record_ = new QPushButton(tr("Ghi số liệu"), this);
    record_->setDefault(true);
    cancelCorrection_ = new QPushButton(tr("Thôi sửa"), this);
    cancelCorrection_->hide();
    status_ = new QLabel(this);
    buttons->addWidget(record_);
    buttons->addWidget(cancelCorrection_);
    buttons->addWidget(status_, 1);
    layout->addLayout(buttons);
    connect(record_, &QPushButton::clicked, this, [this] { submit(); });
    connect(cancelCorrection_, &QPushButton::clicked, this, &ProgressEntryDialog::cancelCorrection);

    layout->addWidget(new QLabel(tr("Lịch sử số liệu của chỉ tiêu (không mục nào bị xóa; mục sửa thay thế mục cũ):"), this));
    history_ = new IndicatorHistoryModel(this);
    historyView_ = new QTableView(this);
    historyView_->setModel(history_);
    historyView_->setSelectionBehavior(QAbstractItemView::SelectRows);
    historyView_->setSelectionMode(QAbstractItemView::SingleSelection);
    historyView_->verticalHeader()->hide();
    historyView_->horizontalHeader()->setStretchLastSection(true);
    historyView_->setWordWrap(false);
    layout->addWidget(historyView_, 1);
    auto* historyButtons = new QHBoxLayout;
    correctSelected_ = new QPushButton(tr("Sửa mục đã chọn…"), this);
    withdrawSelected_ = new QPushButton(tr("Rút mục đã chọn"), this);
    historyButtons->addWidget(correctSelected_);
    historyButtons->addWidget(withdrawSelected_);
    historyButtons->addStretch();
    auto* close = new QPushButton(tr("Đóng"), this);
    historyButtons->addWidget(close);
    layout->addLayout(historyButtons);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    connect(correctSelected_, &QPushButton::clicked, this, [this] {
        if (auto id = selectedEntry()) beginCorrection(*id);
    });
    connect(withdrawSelected_, &QPushButton::clicked, this, [this] {
        if (auto id = selectedEntry()) withdraw(*id);
    });
    resize(820, 640);
}

std::optional<qint64> ProgressEntryDialog::selectedEntry() const
{
    const QModelIndexList rows = historyView_->selectionModel()->selectedRows();
    if (rows.isEmpty()) return std::nullopt;
    return history_->data(rows.front(), IndicatorHistoryModel::EntryIdRole).toLongLong();
}

void ProgressEntryDialog::setIndicator(qint64 indicatorId)
{
    indicator_ = indicatorId;
    correcting_.reset();
    updateForIndicator();
    loadFeatures();
    refreshHistory();
}

void ProgressEntryDialog::updateForIndicator()
{
    clearErrors();
    cancelCorrection_->hide();
    record_->setText(tr("Ghi số liệu"));
    const auto ind = indicator_ ? session_.store().plan().indicator(*indicator_) : std::nullopt;
    if (!ind) {
        title_->setText(tr("Chưa chọn chỉ tiêu."));
        record_->setEnabled(false);
        return;
    }
    record_->setEnabled(true);
    ratio_ = ind->spec.aggregation == L::Aggregation::Ratio;
    fraction_ = ratio_ || ind->spec.aggregation == L::Aggregation::Percent;
    valueLabel_->setVisible(!ratio_);
    value_->setVisible(!ratio_);
    value_->parentWidget()->setVisible(!ratio_);
    fractionRow_->setVisible(fraction_);
    fractionLabel_->setVisible(fraction_);
    fractionLabel_->setText(ratio_ ? tr("Tử số / mẫu số") : tr("Tử số / mẫu số (trọng số, không bắt buộc)"));
    QString unit = planText(ind->spec.unitOfMeasure);
    title_->setText(QStringLiteral("<b>%1</b> — %2<br/><small>%3</small>")
                        .arg(QString::fromStdString(ind->node.code).toHtmlEscaped(),
                             QString::fromStdString(ind->node.name).toHtmlEscaped(),
                             (unit.isEmpty() ? QString() : tr("Đơn vị tính: %1. ").arg(unit.toHtmlEscaped()))
                                 + tr("Số liệu là lũy kế đến ngày số liệu, không phải số tăng thêm.")));
}

void ProgressEntryDialog::loadFeatures()
{
    const QVariant current = feature_->currentData();
    feature_->clear();
    if (!indicator_) return;
    try {
        for (const L::IndicatorLink& link : session_.links().links(*indicator_)) {
            if (link.kind != L::LinkKind::Feature) continue;
            feature_->addItem(QStringLiteral("%1 (%2)").arg(QString::fromStdString(link.name), session_.featureLayerTitle(link.layer)),
                              qint64(link.id));
        }
    } catch (const std::exception&) {
        // The indicator went away (project reloaded): nothing to list.
    }
    const int i = feature_->findData(current);
    if (i >= 0) feature_->setCurrentIndex(i);
}

void ProgressEntryDialog::refreshHistory()
{
    if (!history_) return;
    history_->load(session_, indicator_);
    historyView_->resizeColumnsToContents();
    if (history_->rowCount() > 0) historyView_->scrollToBottom();
}

void ProgressEntryDialog::setUnitText(const QString& codeOrName, Generation generation)
{
    atUnit_->setChecked(true);
    unit_->setText(codeOrName);
    generation_->setCurrentIndex(generation_->findData(int(generation)));
}

void ProgressEntryDialog::setFeature(qint64 featureId)
{
    int i = feature_->findData(featureId);
    if (i < 0) {
        const auto f = session_.store().features().get(featureId);
        if (!f) return;
        feature_->addItem(QStringLiteral("%1 (%2)").arg(f->name ? QString::fromStdString(*f->name)
                                                                : QStringLiteral("#%1").arg(featureId),
                                                        session_.featureLayerTitle(f->layer)),
                          featureId);
        i = feature_->count() - 1;
    }
    feature_->setCurrentIndex(i);
    atFeature_->setChecked(true);
}

void ProgressEntryDialog::setValueText(const QString& text)
{
    value_->setText(text);
}

void ProgressEntryDialog::setFractionText(const QString& numerator, const QString& denominator)
{
    numerator_->setText(numerator);
    denominator_->setText(denominator);
}

void ProgressEntryDialog::setAsOf(const QDate& date)
{
    asOf_->setDate(date);
}

void ProgressEntryDialog::setSourceDocument(const QString& text)
{
    source_->setText(text);
}

void ProgressEntryDialog::setNote(const QString& text)
{
    note_->setText(text);
}

void ProgressEntryDialog::clearErrors()
{
    for (auto& [field, label] : errors_) {
        label->clear();
        label->hide();
    }
    warnings_->clear();
    warnings_->hide();
}

void ProgressEntryDialog::showError(Field field, const QString& message)
{
    QLabel* label = errors_.at(field);
    label->setText(label->text().isEmpty() ? message : label->text() + QLatin1Char('\n') + message);
    label->show();
}

QString ProgressEntryDialog::fieldError(Field field) const
{
    const auto it = errors_.find(field);
    return it == errors_.end() ? QString() : it->second->text();
}

QString ProgressEntryDialog::warningText() const
{
    return warnings_->text();
}

QString ProgressEntryDialog::statusText() const
{
    return status_->text();
}

ProgressEntryDialog::Field ProgressEntryDialog::issueField(P::CheckKind kind) const
{
    switch (kind) {
    case P::CheckKind::UnknownUnit:
    case P::CheckKind::UnknownFeature:
    case P::CheckKind::UnitNotInForce: return Field::Place;
    case P::CheckKind::MissingValue:
    case P::CheckKind::NotFinite:
    case P::CheckKind::Negative:
    case P::CheckKind::AboveTarget:
    case P::CheckKind::AbovePercent: return ratio_ ? Field::Numerator : Field::Value;
    case P::CheckKind::RatioNeedsFraction:
    case P::CheckKind::NumeratorAboveDenominator: return Field::Numerator;
    case P::CheckKind::BadDenominator: return Field::Denominator;
    case P::CheckKind::BadDate: return Field::AsOf;
    default: return Field::General;
    }
}

QString ProgressEntryDialog::issueText(const P::CheckIssue& issue) const
{
    switch (issue.kind) {
    case P::CheckKind::UnknownIndicator: return tr("Chỉ tiêu không còn trong dự án.");
    case P::CheckKind::UnknownUnit: return tr("Không có đơn vị hành chính này trong dự án.");
    case P::CheckKind::UnknownFeature: return tr("Không có đối tượng này trong dự án.");
    case P::CheckKind::UnitNotInForce:
        return tr("Đơn vị không còn (hoặc chưa) hiệu lực vào ngày số liệu; chọn đúng thế hệ đơn vị.");
    case P::CheckKind::MissingValue: return tr("Chưa nhập giá trị.");
    case P::CheckKind::NotFinite: return tr("Giá trị phải là một số.");
    case P::CheckKind::Negative: return tr("Giá trị không được âm.");
    case P::CheckKind::RatioNeedsFraction: return tr("Cần nhập cả tử số và mẫu số.");
    case P::CheckKind::NumeratorAboveDenominator: return tr("Tử số không được lớn hơn mẫu số.");
    case P::CheckKind::BadDenominator: return tr("Mẫu số phải lớn hơn 0.");
    case P::CheckKind::AboveTarget: return tr("Lưu ý: giá trị vượt chỉ tiêu được giao.");
    case P::CheckKind::AbovePercent: return tr("Lưu ý: tỷ lệ trên 100 %.");
    case P::CheckKind::BadDate: return tr("Ngày số liệu không hợp lệ.");
    case P::CheckKind::Other: break;
    }
    return tr("Không ghi được: %1").arg(QString::fromStdString(issue.message));
}

std::optional<qint64> ProgressEntryDialog::submit()
{
    clearErrors();
    status_->clear();
    if (!indicator_) return std::nullopt;
    P::RecordInput input;
    input.indicatorId = *indicator_;
    input.asOf = toDate(asOf_->date());
    bool ok = true;

    if (!correcting_) {
        if (atFeature_->isChecked()) {
            if (feature_->currentIndex() < 0) {
                showError(Field::Place, tr("Chưa chọn đối tượng (chọn trên bản đồ hoặc liên kết đối tượng với chỉ tiêu)."));
                ok = false;
            } else {
                input.featureId = feature_->currentData().toLongLong();
            }
        } else {
            const QString text = unit_->text().trimmed();
            if (text.isEmpty()) {
                showError(Field::Place, tr("Chưa nhập đơn vị (mã hoặc tên)."));
                ok = false;
            } else {
                std::optional<std::string> generation;
                const auto g = Generation(generation_->currentData().toInt());
                if (g == Generation::Pre2025) generation = std::string(L::kGenerationPre2025);
                if (g == Generation::Gen2025) generation = std::string(L::kGeneration2025);
                try {
                    const L::AdminUnit& unit = session_.unitLookup().resolve(text.toStdString(), input.asOf, generation);
                    input.unitId = unit.id;
                    // A generation the user chose is a deliberate choice of unit.
                    input.allowUnitOutOfForce = generation.has_value();
                } catch (const L::InvalidDataError& e) {
                    const bool ambiguous = QString::fromUtf8(e.what()).startsWith(QLatin1String("ambiguous"));
                    showError(Field::Place, ambiguous
                                                ? tr("“%1” ứng với nhiều đơn vị; hãy nhập mã đơn vị.").arg(text)
                                                : tr("Không tìm thấy đơn vị “%1” (theo ngày số liệu hoặc thế hệ đã chọn).").arg(text));
                    errors_.at(Field::Place)->setToolTip(QString::fromUtf8(e.what()));
                    ok = false;
                }
            }
        }
    }

    auto readNumber = [&](QLineEdit* edit, Field field, bool required) -> std::optional<double> {
        const QString text = edit->text().trimmed();
        if (text.isEmpty()) {
            if (required) {
                showError(field, tr("Chưa nhập giá trị."));
                ok = false;
            }
            return std::nullopt;
        }
        const auto v = parseNumber(text);
        if (!v) {
            showError(field, tr("“%1” không phải là số (ví dụ 1.234,5).").arg(text));
            ok = false;
        }
        return v;
    };
    if (!ratio_) input.value = readNumber(value_, Field::Value, true);
    if (fraction_) {
        input.numerator = readNumber(numerator_, Field::Numerator, ratio_);
        input.denominator = readNumber(denominator_, Field::Denominator, ratio_);
    }
    input.sourceDocument = textOrNone(source_);
    input.note = textOrNone(note_);
    if (!ok) return std::nullopt;

    if (correcting_) {
        // The correction keeps the place of the entry it corrects.
        if (const auto entry = session_.store().progress().get(*correcting_)) {
            input.unitId = entry->unitId;
            input.featureId = entry->featureId;
            input.allowUnitOutOfForce = true;
        }
    }
    {
        const P::CheckResult checked = session_.recorder().check(input);
        QStringList warnings;
        for (const P::CheckIssue& issue : checked.issues) {
            if (issue.error) showError(issueField(issue.kind), issueText(issue));
            else warnings << issueText(issue);
        }
        if (!checked.ok()) return std::nullopt;
        if (!warnings.isEmpty()) {
            warnings_->setText(warnings.join(QLatin1Char('\n')));
            warnings_->show();
        }
    }
    try {
        const std::int64_t id = correcting_ ? session_.correct(*correcting_, input) : session_.record(input);
        const QString done = correcting_ ? tr("Đã ghi mục số %1, thay thế mục số %2.").arg(id).arg(*correcting_)
                                         : tr("Đã ghi mục số %1.").arg(id);
        cancelCorrection();
        status_->setText(done);
        value_->clear();
        numerator_->clear();
        denominator_->clear();
        const int row = history_->rowOf(id);
        if (row >= 0) historyView_->selectRow(row);
        return id;
    } catch (const L::InvalidDataError& e) {
        // The recorder re-checks; a correction is checked here.
        showError(Field::General, tr("Không ghi được: %1").arg(QString::fromUtf8(e.what())));
    } catch (const std::exception& e) {
        showError(Field::General, tr("Không ghi được: %1").arg(QString::fromUtf8(e.what())));
    }
    return std::nullopt;
}

bool ProgressEntryDialog::beginCorrection(qint64 entryId)
{
    clearErrors();
    const auto entry = session_.store().progress().get(entryId);
    if (!entry || entry->retraction || session_.store().progress().supersededBy(entryId)) {
        showError(Field::General, tr("Mục số %1 không còn hiệu lực; hãy sửa mục đang có hiệu lực.").arg(entryId));
        return false;
    }
    if (!indicator_ || entry->indicatorId != *indicator_) setIndicator(entry->indicatorId);
    correcting_ = entryId;
    if (entry->featureId) setFeature(*entry->featureId);
    else if (entry->unitId) {
        if (const auto u = session_.store().units().get(*entry->unitId, false))
            setUnitText(planText(u->code).isEmpty() ? QString::fromStdString(u->fullName.value_or(u->name)) : planText(u->code),
                        u->generation == L::kGeneration2025 ? Generation::Gen2025 : Generation::Pre2025);
    }
    atUnit_->setEnabled(false);
    atFeature_->setEnabled(false);
    unit_->setEnabled(false);
    generation_->setEnabled(false);
    feature_->setEnabled(false);
    value_->setText(entry->value ? formatNumber(*entry->value, 6) : QString());
    numerator_->setText(entry->numerator ? formatNumber(*entry->numerator, 6) : QString());
    denominator_->setText(entry->denominator ? formatNumber(*entry->denominator, 6) : QString());
    asOf_->setDate(toQDate(entry->asOf));
    source_->setText(planText(entry->sourceDocument));
    note_->setText(planText(entry->note));
    record_->setText(tr("Ghi bản sửa"));
    cancelCorrection_->show();
    status_->setText(tr("Đang sửa mục số %1: bản sửa sẽ thay thế mục này, mục cũ vẫn được giữ.").arg(entryId));
    return true;
}

void ProgressEntryDialog::cancelCorrection()
{
    correcting_.reset();
    cancelCorrection_->hide();
    record_->setText(tr("Ghi số liệu"));
    atUnit_->setEnabled(true);
    atFeature_->setEnabled(true);
    unit_->setEnabled(atUnit_->isChecked());
    generation_->setEnabled(atUnit_->isChecked());
    feature_->setEnabled(atFeature_->isChecked());
    status_->clear();
}

std::optional<qint64> ProgressEntryDialog::withdraw(qint64 entryId)
{
    clearErrors();
    try {
        const std::int64_t id = session_.withdraw(entryId, textOrNone(note_));
        status_->setText(tr("Đã rút mục số %1 (mục rút số %2).").arg(entryId).arg(id));
        return id;
    } catch (const std::exception& e) {
        showError(Field::General, tr("Không rút được mục số %1: %2").arg(entryId).arg(QString::fromUtf8(e.what())));
        return std::nullopt;
    }
}

} // namespace planmap::gui
