#include "ProgressImportDialog.h"

#include "ProgressImportController.h"
#include "ProgressImportText.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace planmap::gui {

namespace pg = layers::progress;

namespace {

QString fieldLabel(const std::string& field)
{
    if (field == "indicator") return ProgressImportDialog::tr("Chỉ tiêu (mã hoặc tên):");
    if (field == "unit") return ProgressImportDialog::tr("Đơn vị hành chính:");
    if (field == "value") return ProgressImportDialog::tr("Giá trị thực hiện:");
    if (field == "date") return ProgressImportDialog::tr("Ngày số liệu:");
    if (field == "source") return ProgressImportDialog::tr("Nguồn số liệu:");
    return QString::fromStdString(field);
}

QTableView* makeTable(QWidget* parent)
{
    auto* t = new QTableView(parent);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setAlternatingRowColors(true);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    t->setWordWrap(false);
    return t;
}

} // namespace

ProgressImportDialog::ProgressImportDialog(layers::ProjectStore& store, QWidget* parent)
    : QDialog(parent), controller_(new ProgressImportController(store, this))
{
    setWindowTitle(tr("Nhập báo cáo tiến độ"));
    auto* layout = new QVBoxLayout(this);

    // File and sheet.
    auto* fileRow = new QHBoxLayout;
    file_ = new QLineEdit(this);
    file_->setReadOnly(true);
    file_->setPlaceholderText(tr("Báo cáo của huyện: XLSX, ODS hoặc CSV"));
    auto* browse = new QPushButton(tr("Chọn tệp…"), this);
    sheet_ = new QComboBox(this);
    sheet_->setMinimumContentsLength(16);
    fileRow->addWidget(new QLabel(tr("Tệp:"), this));
    fileRow->addWidget(file_, 1);
    fileRow->addWidget(browse);
    fileRow->addWidget(new QLabel(tr("Trang tính:"), this));
    fileRow->addWidget(sheet_);
    layout->addLayout(fileRow);
    proposal_ = new QLabel(this);
    proposal_->setWordWrap(true);
    layout->addWidget(proposal_);

    // Mapping and constants side by side.
    auto* top = new QHBoxLayout;
    auto* mappingBox = new QGroupBox(tr("Ghép cột"), this);
    auto* mappingForm = new QFormLayout(mappingBox);
    for (const std::string& field : ProgressImportController::fields()) {
        auto* combo = new QComboBox(mappingBox);
        combo->setMinimumContentsLength(28);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        columns_[field] = combo;
        mappingForm->addRow(fieldLabel(field), combo);
        connect(combo, &QComboBox::activated, this, [this, field, combo](int index) {
            if (updating_) return;
            controller_->setColumn(field, index <= 0 ? QString() : combo->itemText(index));
        });
    }
    mappingName_ = new QLineEdit(mappingBox);
    mappingName_->setPlaceholderText(tr("ví dụ: Báo cáo tiến độ cấp huyện"));
    mappingForm->addRow(tr("Lưu cách ghép với tên:"), mappingName_);
    top->addWidget(mappingBox, 3);

    auto* constBox = new QGroupBox(tr("Thông tin chung của báo cáo"), this);
    auto* constForm = new QFormLayout(constBox);
    district_ = new QLineEdit(constBox);
    district_->setPlaceholderText(tr("mã hoặc tên huyện, ví dụ 180 hoặc Tràng Định"));
    constForm->addRow(tr("Huyện (tra tên xã):"), district_);
    unit_ = new QLineEdit(constBox);
    unit_->setPlaceholderText(tr("khi bảng không có cột đơn vị"));
    constForm->addRow(tr("Đơn vị của cả báo cáo:"), unit_);
    auto* dateRow = new QHBoxLayout;
    hasDate_ = new QCheckBox(tr("Ngày báo cáo:"), constBox);
    asOf_ = new QDateEdit(QDate::currentDate(), constBox);
    asOf_->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    asOf_->setCalendarPopup(true);
    asOf_->setEnabled(false);
    dateRow->addWidget(hasDate_);
    dateRow->addWidget(asOf_, 1);
    constForm->addRow(dateRow);
    source_ = new QLineEdit(constBox);
    source_->setPlaceholderText(tr("ví dụ: Báo cáo số 123/BC-UBND"));
    constForm->addRow(tr("Văn bản nguồn:"), source_);
    illustrative_ = new QCheckBox(tr("Số liệu minh họa (không phải số liệu thật)"), constBox);
    constForm->addRow(illustrative_);
    top->addWidget(constBox, 2);
    layout->addLayout(top);

    // Preview and validation report.
    tabs_ = new QTabWidget(this);
    rows_ = makeTable(tabs_);
    rows_->setModel(controller_->rowsModel());
    rows_->setObjectName(QStringLiteral("previewTable"));
    issues_ = makeTable(tabs_);
    issues_->setModel(controller_->issuesModel());
    issues_->setObjectName(QStringLiteral("issuesTable"));
    tabs_->addTab(rows_, tr("Xem trước"));
    tabs_->addTab(issues_, tr("Kiểm tra"));
    layout->addWidget(tabs_, 1);

    summary_ = new QLabel(this);
    summary_->setWordWrap(true);
    layout->addWidget(summary_);
    auto* note = new QLabel(tr("Nhập là trọn gói: có lỗi thì không ghi gì. Nhập lại cùng một tệp không tính trùng: "
                               "dòng đã có cùng số liệu được bỏ qua, dòng có số liệu khác được ghi thành bản sửa."),
                            this);
    note->setWordWrap(true);
    note->setStyleSheet(QStringLiteral("color: #555;"));
    layout->addWidget(note);

    auto* buttons = new QDialogButtonBox(this);
    import_ = buttons->addButton(tr("Nhập"), QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Close)->setText(tr("Đóng"));
    layout->addWidget(buttons);
    resize(1100, 720);

    connect(browse, &QPushButton::clicked, this, &ProgressImportDialog::chooseFile);
    connect(sheet_, &QComboBox::activated, this, [this](int) {
        if (!updating_) controller_->setSheet(sheet_->currentText());
    });
    connect(district_, &QLineEdit::editingFinished, this, [this] { controller_->setDistrict(district_->text()); });
    connect(unit_, &QLineEdit::editingFinished, this, [this] { controller_->setUnit(unit_->text()); });
    connect(source_, &QLineEdit::editingFinished, this, [this] { controller_->setSource(source_->text()); });
    connect(hasDate_, &QCheckBox::toggled, this, [this](bool on) {
        asOf_->setEnabled(on);
        if (!updating_) controller_->setAsOf(on ? std::optional(asOf_->date()) : std::nullopt);
    });
    connect(asOf_, &QDateEdit::dateChanged, this, [this](const QDate& d) {
        if (!updating_ && hasDate_->isChecked()) controller_->setAsOf(d);
    });
    connect(illustrative_, &QCheckBox::toggled, this, [this](bool on) { controller_->setIllustrative(on); });
    connect(mappingName_, &QLineEdit::textChanged, this, [this](const QString& t) { controller_->setMappingName(t); });
    connect(import_, &QPushButton::clicked, this, &ProgressImportDialog::runImport);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(controller_, &ProgressImportController::previewChanged, this, &ProgressImportDialog::updateFromController);
    updateFromController();
}

ProgressImportDialog::~ProgressImportDialog() = default;

void ProgressImportDialog::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Chọn báo cáo tiến độ"), QFileInfo(file_->text()).path(),
                                                      tr("Bảng tính (*.xlsx *.ods *.csv);;Tất cả các tệp (*)"));
    if (!path.isEmpty()) openFile(path);
}

void ProgressImportDialog::openFile(const QString& path)
{
    file_->setText(path);
    controller_->setFile(path);
}

void ProgressImportDialog::updateFromController()
{
    updating_ = true;
    const pg::ImportMapping& m = controller_->mapping();
    sheet_->clear();
    sheet_->addItems(controller_->sheets());
    sheet_->setCurrentText(controller_->sheet());
    const QStringList choices = controller_->columnChoices();
    for (auto& [field, combo] : columns_) {
        combo->clear();
        combo->addItem(tr("(tự nhận theo tiêu đề)"));
        combo->addItems(choices);
        const int used = controller_->usedChoice(field);
        combo->setCurrentIndex(used >= 0 ? used + 1 : 0);
    }
    if (mappingName_->text() != controller_->mappingName()) mappingName_->setText(controller_->mappingName());
    district_->setText(m.district ? QString::fromStdString(*m.district) : QString());
    unit_->setText(m.unit ? QString::fromStdString(*m.unit) : QString());
    source_->setText(m.source ? QString::fromStdString(*m.source) : QString());
    hasDate_->setChecked(m.asOf.has_value());
    asOf_->setEnabled(m.asOf.has_value());
    if (m.asOf) asOf_->setDate(QDate(int(m.asOf->year()), int(unsigned(m.asOf->month())), int(unsigned(m.asOf->day()))));
    illustrative_->setChecked(m.illustrative);
    proposal_->setText(controller_->proposedMapping().isEmpty()
                           ? QString()
                           : tr("Dùng cách ghép cột đã lưu \"%1\" (tiêu đề của bảng khớp).").arg(controller_->proposedMapping()));
    proposal_->setVisible(!controller_->proposedMapping().isEmpty());
    summary_->setText(controller_->summary());
    const auto* p = controller_->preview();
    const bool errors = p && p->hasErrors();
    summary_->setStyleSheet(errors ? QStringLiteral("color: #b2182b; font-weight: bold;") : QString());
    tabs_->setTabText(1, p ? tr("Kiểm tra (%1)").arg(p->issues.size()) : tr("Kiểm tra"));
    tabs_->setCurrentIndex(errors ? 1 : 0);
    import_->setEnabled(controller_->canImport());
    rows_->resizeColumnsToContents();
    issues_->resizeColumnsToContents();
    updating_ = false;
}

void ProgressImportDialog::runImport()
{
    const auto* p = controller_->preview();
    if (!p) return;
    QProgressDialog progress(tr("Đang nhập báo cáo tiến độ…"), tr("Hủy"), 0, int(p->rows.size()), this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    const auto outcome = controller_->runImport(
        [&](std::size_t done, std::size_t total) {
            progress.setMaximum(int(total));
            progress.setValue(int(done));
            QApplication::processEvents();
        },
        [&] { return progress.wasCanceled(); });
    progress.reset();
    if (outcome.imported) {
        if (outcome.result.appended + outcome.result.corrected > 0) emit imported();
        QMessageBox::information(this, windowTitle(), outcome.message);
    } else if (outcome.cancelled) {
        QMessageBox::information(this, windowTitle(), outcome.message);
    } else {
        QMessageBox::warning(this, windowTitle(), outcome.message);
    }
}

} // namespace planmap::gui
