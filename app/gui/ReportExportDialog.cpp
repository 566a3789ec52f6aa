#include "ReportExportDialog.h"

#include "Formats.h"

#include "planmap/layers/store/ProjectStore.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace planmap::gui {

namespace L = planmap::layers;
namespace pg = planmap::layers::progress;

std::size_t exportProgressReport(L::ProjectStore& store, const std::optional<std::string>& districtCode,
                                 pg::ReportFormat format, const QDate& date, const std::filesystem::path& file)
{
    pg::ReportOptions options;
    if (date.isValid()) options.date = L::makeDate(date.year(), date.month(), date.day());
    options.district = districtCode;
    const pg::ProgressReport report = pg::buildReport(store, options);
    pg::writeReport(report, format, file);
    return report.sections.size();
}

ReportExportDialog::ReportExportDialog(L::ProjectStore& store, QWidget* parent) : QDialog(parent), store_(store)
{
    setWindowTitle(tr("Xuất báo cáo tiến độ"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    scope_ = new QComboBox(this);
    scope_->addItem(tr("Toàn tỉnh và các huyện"), QString());
    std::vector<L::AdminUnit> districts = store.units().list(L::UnitLevel::District, std::string(L::kGenerationPre2025));
    std::sort(districts.begin(), districts.end(), [](const L::AdminUnit& a, const L::AdminUnit& b) {
        return QString::localeAwareCompare(QString::fromStdString(a.name), QString::fromStdString(b.name)) < 0;
    });
    for (const L::AdminUnit& d : districts)
        if (d.code)
            scope_->addItem(QString::fromStdString(d.fullName.value_or(d.name)), QString::fromStdString(*d.code));
    form->addRow(tr("Phạm vi:"), scope_);
    date_ = new QDateEdit(QDate::currentDate(), this);
    date_->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    date_->setCalendarPopup(true);
    form->addRow(tr("Số liệu đến ngày:"), date_);
    format_ = new QComboBox(this);
    format_->addItem(tr("Excel (XLSX), tiếng Việt"), int(pg::ReportFormat::Xlsx));
    format_->addItem(tr("CSV (số liệu thô, cho xử lý tiếp)"), int(pg::ReportFormat::Csv));
    form->addRow(tr("Định dạng:"), format_);
    layout->addLayout(form);
    auto* note = new QLabel(tr("Mỗi chỉ tiêu: kế hoạch, thực hiện, tỷ lệ đạt và tình trạng. Số liệu minh họa được đánh dấu."), this);
    note->setWordWrap(true);
    layout->addWidget(note);
    status_ = new QLabel(this);
    status_->setWordWrap(true);
    layout->addWidget(status_);
    auto* buttons = new QDialogButtonBox(this);
    auto* save = buttons->addButton(tr("Xuất…"), QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Close)->setText(tr("Đóng"));
    layout->addWidget(buttons);
    connect(save, &QPushButton::clicked, this, &ReportExportDialog::chooseFileAndExport);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

std::optional<std::string> ReportExportDialog::district() const
{
    const QString code = scope_->currentData().toString();
    return code.isEmpty() ? std::nullopt : std::optional(code.toStdString());
}

pg::ReportFormat ReportExportDialog::format() const { return pg::ReportFormat(format_->currentData().toInt()); }

QDate ReportExportDialog::date() const { return date_->date(); }

bool ReportExportDialog::exportTo(const QString& file)
{
    try {
        const std::size_t sections = exportProgressReport(store_, district(), format(), date(), file.toStdString());
        status_->setStyleSheet(QString());
        status_->setText(tr("Đã xuất %1 (%2 phần).").arg(file).arg(sections));
        return true;
    } catch (const std::exception& e) {
        status_->setStyleSheet(QStringLiteral("color: #b2182b;"));
        status_->setText(tr("Không xuất được báo cáo: %1").arg(QString::fromUtf8(e.what())));
        return false;
    }
}

void ReportExportDialog::chooseFileAndExport()
{
    const bool xlsx = format() == pg::ReportFormat::Xlsx;
    const QString suggested = QStringLiteral("bao_cao_tien_do_%1.%2")
                                  .arg(date().toString(QStringLiteral("yyyyMMdd")), xlsx ? QStringLiteral("xlsx") : QStringLiteral("csv"));
    const QString file = QFileDialog::getSaveFileName(this, tr("Lưu báo cáo tiến độ"), suggested,
                                                      xlsx ? tr("Excel (*.xlsx)") : tr("CSV (*.csv)"));
    if (!file.isEmpty()) exportTo(file);
}

} // namespace planmap::gui
