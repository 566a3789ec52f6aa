#include "ProgressImportText.h"

#include "Formats.h"

#include <QDate>

namespace planmap::gui {

namespace pg = layers::progress;

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

QString list(const std::vector<std::string>& items)
{
    QStringList out;
    for (const auto& i : items) out << q(i);
    return out.join(QStringLiteral(", "));
}

QString number(const std::optional<double>& v) { return v ? formatNumber(*v, 3) : QStringLiteral("–"); }

QString date(const std::optional<layers::Date>& d)
{
    if (!d) return QStringLiteral("–");
    return formatDate(QDate(int(d->year()), int(unsigned(d->month())), int(unsigned(d->day()))));
}

/// "chỉ tiêu DA01.CT01, Huyện Cao Lộc" when known.
QString subject(const pg::ImportIssue& i)
{
    QStringList parts;
    if (!i.indicatorCode.empty()) parts << ProgressImportText::tr("chỉ tiêu %1").arg(q(i.indicatorCode));
    if (!i.unitName.empty()) parts << q(i.unitName);
    return parts.isEmpty() ? QString() : QStringLiteral(" (") + parts.join(QStringLiteral(", ")) + QStringLiteral(")");
}

} // namespace

QString ProgressImportText::location(const pg::ImportIssue& i)
{
    QStringList parts;
    if (!i.sheet.empty()) parts << tr("Trang '%1'").arg(q(i.sheet));
    if (i.row > 0) parts << tr("dòng %1").arg(i.row);
    if (!i.column.empty()) parts << tr("cột %1").arg(q(i.column));
    return parts.join(QStringLiteral(", "));
}

QString ProgressImportText::field(const std::string& f)
{
    if (f == "indicator") return tr("chỉ tiêu");
    if (f == "unit") return tr("đơn vị hành chính");
    if (f == "value") return tr("giá trị");
    if (f == "numerator") return tr("tử số");
    if (f == "denominator") return tr("mẫu số");
    if (f == "date") return tr("ngày số liệu");
    if (f == "source") return tr("nguồn số liệu");
    if (f == "note") return tr("ghi chú");
    if (f == "district") return tr("huyện");
    return q(f);
}

QString ProgressImportText::message(const pg::ImportIssue& i)
{
    using K = pg::IssueKind;
    const QString text = q(i.cellText);
    switch (i.kind) {
    case K::CannotRead:
        return tr("Không đọc được tệp %1 (%2)").arg(text, q(i.message));
    case K::MissingColumn:
        if (!i.candidates.empty() && !i.cellText.empty())
            return tr("Tiêu đề '%1' (cột %2) có ở nhiều cột: %3; hãy chọn cột theo chữ cái")
                .arg(text, field(i.field), list(i.candidates));
        if (!i.cellText.empty()) return tr("Không có cột nào có tiêu đề '%1' (cột %2)").arg(text, field(i.field));
        return tr("Không tìm thấy cột %1; hãy chọn cột trong phần ghép cột. Tiêu đề của bảng: %2")
            .arg(field(i.field), i.candidates.empty() ? tr("(trống)") : list(i.candidates));
    case K::UnknownIndicator:
        if (i.cellText.empty()) return tr("Có giá trị nhưng không có chỉ tiêu");
        return tr("Không có chỉ tiêu '%1' (không trùng mã hay tên chỉ tiêu nào của kế hoạch)").arg(text);
    case K::AmbiguousIndicator:
        return tr("Chỉ tiêu '%1' trùng với nhiều chỉ tiêu (%2); hãy ghi mã chỉ tiêu").arg(text, list(i.candidates));
    case K::PartialMatch:
        return tr("'%1' được nhận là chỉ tiêu %2 theo một phần tên; hãy kiểm tra").arg(text, q(i.indicatorCode));
    case K::UnknownUnit:
        if (i.field == "district") return tr("Không có huyện '%1'").arg(text);
        if (i.cellText.empty()) return tr("Không có đơn vị hành chính") + subject(i);
        return tr("Không có đơn vị hành chính '%1'").arg(text) + subject(i);
    case K::UnitNotInForce:
        return tr("Đơn vị '%1' không còn hoặc chưa có hiệu lực vào ngày %2").arg(text, date(i.date));
    case K::NotANumber:
        return tr("'%1' không phải là số (%2)").arg(text, field(i.field.empty() ? "value" : i.field)) + subject(i);
    case K::Negative:
        return tr("Giá trị âm (%1) không hợp lệ").arg(number(i.number)) + subject(i);
    case K::RatioFormat:
        if (!i.cellText.empty())
            return tr("'%1': chỉ tiêu này cần dạng tử số/mẫu số hợp lệ (ví dụ 174/181), hoặc một số duy nhất nếu không phải tỷ lệ")
                       .arg(text)
                + subject(i);
        return tr("Cần cả tử số và mẫu số hợp lệ") + subject(i);
    case K::AboveTarget:
        return tr("Giá trị %1 vượt chỉ tiêu kế hoạch %2 (cảnh báo, vẫn nhập)").arg(number(i.number), number(i.limit)) + subject(i);
    case K::AbovePercent:
        return tr("Tỷ lệ %1 % lớn hơn 100 %").arg(number(i.number)) + subject(i);
    case K::LooksLikeFraction:
        return tr("Tỷ lệ %1 % có vẻ được ghi dạng thập phân; nếu ô hiển thị %2 %, hãy ghi %2")
                   .arg(number(i.number), number(i.number ? std::optional(*i.number * 100) : std::nullopt))
            + subject(i);
    case K::ThousandsGuess:
        if (i.limit)
            return tr("'%1' được đọc là %2; nếu là %3 (dấu chấm phân cách hàng nghìn), hãy sửa ô")
                .arg(text, number(i.number), number(i.limit));
        return tr("'%1' được đọc là %2 (dấu chấm phân cách hàng nghìn)").arg(text, number(i.number));
    case K::BadDate:
        return tr("'%1' không phải là ngày (dd/mm/yyyy)").arg(text);
    case K::MissingDate:
        return tr("Không có ngày số liệu; hãy chọn cột ngày hoặc nhập ngày của báo cáo");
    case K::MissingValue:
        return tr("Không có giá trị") + subject(i);
    case K::DuplicateRow:
        return tr("Trùng dòng %1 (cùng chỉ tiêu, đơn vị, ngày và giá trị); bỏ qua dòng này").arg(i.otherRow) + subject(i);
    case K::ConflictingRow:
        return tr("Dòng %1 đã có giá trị khác cho cùng chỉ tiêu, đơn vị và ngày %2").arg(i.otherRow).arg(date(i.date))
            + subject(i);
    case K::SkippedRow:
        switch (i.skip) {
        case pg::SkipReason::ColumnNumbers: return tr("Bỏ qua: dòng đánh số cột");
        case pg::SkipReason::Totals: return tr("Bỏ qua: dòng tổng cộng (tổng được tính lại từ các thành phần)");
        case pg::SkipReason::NoValue:
            return i.cellText.empty() ? tr("Bỏ qua: không có giá trị")
                                      : tr("Bỏ qua: '%1' không có giá trị (tiêu đề mục hoặc chưa báo cáo)").arg(text);
        case pg::SkipReason::NotAnIndicator: return tr("Bỏ qua: '%1' là một mục của kế hoạch, không phải chỉ tiêu").arg(text);
        case pg::SkipReason::None: break;
        }
        return tr("Bỏ qua dòng");
    case K::NoRows:
        return tr("Không tìm thấy dòng nào có giá trị");
    case K::Other:
        break;
    }
    return q(i.message);
}

QString ProgressImportText::full(const pg::ImportIssue& i)
{
    const QString where = location(i);
    return where.isEmpty() ? message(i) : where + QStringLiteral(": ") + message(i);
}

QString ProgressImportText::severity(pg::IssueSeverity s)
{
    switch (s) {
    case pg::IssueSeverity::Error: return tr("Lỗi");
    case pg::IssueSeverity::Warning: return tr("Cảnh báo");
    case pg::IssueSeverity::Info: return tr("Thông tin");
    }
    return {};
}

QString ProgressImportText::action(pg::PlannedAction a)
{
    switch (a) {
    case pg::PlannedAction::Append: return tr("Thêm mới");
    case pg::PlannedAction::Correct: return tr("Sửa số liệu");
    case pg::PlannedAction::Unchanged: return tr("Không đổi (đã có)");
    }
    return {};
}

} // namespace planmap::gui
