#include "ProgressImportController.h"

#include "Formats.h"
#include "ProgressImportText.h"

#include "planmap/layers/store/ProjectStore.h"

#include <QRegularExpression>

namespace planmap::gui {

namespace pg = layers::progress;

namespace {

std::optional<std::string>* mappingColumn(pg::ImportMapping& m, const std::string& field)
{
    if (field == "indicator") return &m.indicatorColumn;
    if (field == "unit") return &m.unitColumn;
    if (field == "value") return &m.valueColumn;
    if (field == "date") return &m.dateColumn;
    if (field == "source") return &m.sourceColumn;
    if (field == "numerator") return &m.numeratorColumn;
    if (field == "denominator") return &m.denominatorColumn;
    if (field == "note") return &m.noteColumn;
    return nullptr;
}

std::optional<std::string> nonEmpty(const QString& text)
{
    const QString t = text.trimmed();
    return t.isEmpty() ? std::nullopt : std::optional(t.toStdString());
}

/// "E (Kết quả thực hiện / Thực hiện)" → {"E", "Thực hiện"}.
std::pair<QString, QString> splitChoice(const QString& choice)
{
    static const QRegularExpression re(QStringLiteral("^([A-Z]{1,3})(?: \\((.*)\\))?$"));
    const auto m = re.match(choice.trimmed());
    if (!m.hasMatch()) return {QString(), choice.trimmed()};
    QString header = m.captured(2);
    const int slash = header.lastIndexOf(QStringLiteral(" / "));
    if (slash >= 0) header = header.mid(slash + 3);
    return {m.captured(1), header};
}

} // namespace

const std::vector<std::string>& ProgressImportController::fields()
{
    static const std::vector<std::string> f{"indicator", "unit", "value", "date", "source"};
    return f;
}

ProgressImportController::ProgressImportController(layers::ProjectStore& store, QObject* parent)
    : QObject(parent), store_(store), rows_(this), issues_(this)
{
}

ProgressImportController::~ProgressImportController() = default;

void ProgressImportController::setFile(const QString& path)
{
    file_ = path;
    sheets_.clear();
    proposed_.clear();
    const std::filesystem::path file = path.toStdString();
    try {
        for (const auto& s : pg::sheetNames(file)) sheets_ << QString::fromStdString(s);
    } catch (const std::exception&) {
        // The preview reports that the file cannot be read.
    }
    // Keep the constants the user gave (district, date, source); the columns
    // come from a saved mapping that fits, or are found automatically.
    pg::ImportMapping next;
    if (auto saved = pg::ImportMappings(store_.connection()).proposeFor(file)) {
        next = *saved;
        proposed_ = QString::fromStdString(saved->name);
        // The date and source document belong to a report, not to its form.
        if (!next.asOf) next.asOf = mapping_.asOf;
        if (!next.source) next.source = mapping_.source;
    } else {
        next.name = mapping_.name;
        next.unit = mapping_.unit;
        next.district = mapping_.district;
        next.asOf = mapping_.asOf;
        next.source = mapping_.source;
        next.illustrative = mapping_.illustrative;
    }
    if (next.sheet && !sheets_.contains(QString::fromStdString(*next.sheet))) next.sheet.reset();
    mapping_ = std::move(next);
    refreshPreview();
}

void ProgressImportController::setSheet(const QString& sheet)
{
    mapping_.sheet = nonEmpty(sheet);
    refreshPreview();
}

QString ProgressImportController::sheet() const
{
    if (preview_ && !preview_->sheet.empty()) return QString::fromStdString(preview_->sheet);
    return mapping_.sheet ? QString::fromStdString(*mapping_.sheet) : QString();
}

QStringList ProgressImportController::columnChoices() const
{
    QStringList out;
    if (preview_)
        for (const auto& h : preview_->headers) out << QString::fromStdString(h);
    return out;
}

void ProgressImportController::setColumn(const std::string& field, const QString& choice)
{
    auto* column = mappingColumn(mapping_, field);
    if (!column) return;
    if (choice.trimmed().isEmpty()) {
        column->reset();
    } else {
        // A header text the sheet has once is kept (the mapping then fits the
        // next report even if its columns move); otherwise the letter.
        auto [letter, header] = splitChoice(choice);
        int sameHeader = 0;
        for (const QString& c : columnChoices())
            if (!header.isEmpty() && splitChoice(c).second.compare(header, Qt::CaseInsensitive) == 0) ++sameHeader;
        *column = (sameHeader == 1 || letter.isEmpty()) ? header.toStdString() : letter.toStdString();
    }
    refreshPreview();
}

QString ProgressImportController::usedColumn(const std::string& field) const
{
    if (!preview_) return {};
    for (const auto& [f, column] : preview_->columns)
        if (f == field) return QString::fromStdString(column);
    return {};
}

int ProgressImportController::usedChoice(const std::string& field) const
{
    const QString used = usedColumn(field);
    if (used.isEmpty()) return -1;
    const QString letter = splitChoice(used).first;
    const QStringList choices = columnChoices();
    for (int i = 0; i < choices.size(); ++i)
        if (splitChoice(choices[i]).first == letter) return i;
    return -1;
}

void ProgressImportController::setUnit(const QString& unit)
{
    mapping_.unit = nonEmpty(unit);
    refreshPreview();
}

void ProgressImportController::setDistrict(const QString& district)
{
    mapping_.district = nonEmpty(district);
    refreshPreview();
}

void ProgressImportController::setAsOf(const std::optional<QDate>& date)
{
    if (date && date->isValid()) mapping_.asOf = layers::makeDate(date->year(), date->month(), date->day());
    else mapping_.asOf.reset();
    refreshPreview();
}

void ProgressImportController::setSource(const QString& source)
{
    mapping_.source = nonEmpty(source);
    refreshPreview();
}

void ProgressImportController::setIllustrative(bool illustrative)
{
    mapping_.illustrative = illustrative;
    if (preview_) preview_->mapping.illustrative = illustrative;
}

void ProgressImportController::setMappingName(const QString& name) { mapping_.name = name.trimmed().toStdString(); }

QString ProgressImportController::mappingName() const { return QString::fromStdString(mapping_.name); }

void ProgressImportController::refreshPreview()
{
    rows_.setPreview(nullptr);
    issues_.setPreview(nullptr);
    if (file_.isEmpty()) {
        preview_.reset();
    } else {
        pg::ProgressImporter importer(store_);
        preview_ = importer.preview(file_.toStdString(), mapping_);
    }
    rows_.setPreview(preview());
    issues_.setPreview(preview());
    emit previewChanged();
}

bool ProgressImportController::canImport() const { return preview_ && !preview_->hasErrors() && !preview_->rows.empty(); }

QString ProgressImportController::summary() const
{
    if (!preview_) return tr("Chọn tệp báo cáo (XLSX, ODS hoặc CSV).");
    const pg::ImportPreview& p = *preview_;
    QStringList parts;
    const std::size_t errors = p.count(pg::IssueSeverity::Error);
    if (errors > 0) {
        parts << tr("%n lỗi: chưa thể nhập; hãy sửa tệp hoặc cách ghép cột (không có gì được ghi).", nullptr, int(errors));
    } else {
        parts << tr("Sẽ ghi %1 dòng mới, sửa %2 dòng; %3 dòng không đổi (đã có cùng số liệu).")
                     .arg(formatInteger(qint64(p.count(pg::PlannedAction::Append))),
                          formatInteger(qint64(p.count(pg::PlannedAction::Correct))),
                          formatInteger(qint64(p.count(pg::PlannedAction::Unchanged))));
    }
    if (const std::size_t warnings = p.count(pg::IssueSeverity::Warning))
        parts << tr("%n cảnh báo (vẫn nhập được).", nullptr, int(warnings));
    if (!p.earlierBatches.empty())
        parts << tr("Tệp này đã được nhập trước đây (lần nhập số %1): nhập lại không tính trùng, chỉ ghi những số liệu đã thay đổi.")
                     .arg(p.earlierBatches.front());
    return parts.join(QStringLiteral(" "));
}

ProgressImportController::Outcome ProgressImportController::runImport(
    const std::function<void(std::size_t, std::size_t)>& progress, const std::function<bool()>& cancelled,
    std::size_t chunkSize)
{
    Outcome outcome;
    if (!preview_) {
        outcome.message = tr("Chưa chọn tệp.");
        return outcome;
    }
    if (preview_->hasErrors()) {
        outcome.message = tr("Tệp còn lỗi: không có gì được nhập.");
        return outcome;
    }
    pg::ImportOptions options;
    const std::size_t total = preview_->rows.size() - preview_->count(pg::PlannedAction::Unchanged);
    if (progress) options.onProgress = [&](std::size_t done) { progress(done, total); };
    options.isCancelled = cancelled;
    options.chunkSize = std::max<std::size_t>(1, chunkSize);
    const QString user = qEnvironmentVariable("USER");
    if (!user.isEmpty()) options.author = user.toStdString();
    try {
        pg::ProgressImporter importer(store_);
        outcome.result = importer.apply(*preview_, options);
        outcome.imported = true;
        if (!mapping_.name.empty()) {
            pg::ImportMapping toSave = preview_->mapping; // with the columns actually used
            toSave.name = mapping_.name;
            // The form is saved, not this report's date and source document.
            toSave.asOf.reset();
            toSave.source.reset();
            pg::ImportMappings(store_.connection()).save(toSave);
        }
        outcome.message = tr("Đã nhập: %1 dòng mới, %2 dòng sửa, %3 dòng không đổi.")
                              .arg(formatInteger(qint64(outcome.result.appended)), formatInteger(qint64(outcome.result.corrected)),
                                   formatInteger(qint64(outcome.result.unchanged)));
    } catch (const pg::ImportCancelled&) {
        outcome.cancelled = true;
        outcome.message = tr("Đã hủy: không có số liệu nào được ghi.");
    } catch (const std::exception& e) {
        outcome.message = tr("Không nhập được (không có gì được ghi): %1").arg(QString::fromUtf8(e.what()));
    }
    refreshPreview(); // what is in force changed
    return outcome;
}

} // namespace planmap::gui
