#include "ImportNotes.h"

#include "Formats.h"

#include "planmap/geo/TextEncoding.h"

#include <QObject>

namespace planmap::gui {

namespace imp = layers::importer;

namespace {

QString displayName(geo::TextEncoding e)
{
    const std::string_view name = geo::encodingDisplayName(e);
    return QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
}

const geo::EncodingCandidate* candidateFor(const imp::EncodingDecision& d, geo::TextEncoding e)
{
    for (const auto& c : d.candidates)
        if (c.encoding == e) return &c;
    return nullptr;
}

} // namespace

QString encodingEvidenceText(const imp::EncodingDecision& d)
{
    QStringList lines;
    const bool hasEvidence = d.evidenceWords > 0 && !d.candidates.empty();
    switch (d.basis) {
    case imp::EncodingBasis::UnicodeFormat: lines << QObject::tr("Định dạng tệp lưu chữ Unicode."); break;
    case imp::EncodingBasis::Given: lines << QObject::tr("Đọc chữ theo bảng mã %1 như đã chọn.").arg(displayName(d.encoding)); break;
    case imp::EncodingBasis::Cpg:
        lines << QObject::tr("Tệp .cpg ghi “%1”: đọc chữ theo %2.").arg(QString::fromStdString(d.cpg), displayName(d.encoding));
        break;
    case imp::EncodingBasis::Detected:
        if (!d.cpg.empty())
            lines << QStringLiteral("⚠ ")
                    + QObject::tr("Tệp .cpg ghi “%1”, một bảng mã chưa đọc được; bảng mã được tự nhận biết.").arg(QString::fromStdString(d.cpg));
        if (!hasEvidence) {
            lines << QObject::tr("Văn bản không có chữ tiếng Việt có dấu: đọc như UTF-8.");
        } else {
            lines << QObject::tr("Nhận biết %1 từ %2 từ có chữ tiếng Việt có dấu.")
                         .arg(displayName(d.encoding), formatInteger(static_cast<qint64>(d.evidenceWords)));
        }
        break;
    }
    if (hasEvidence && d.basis == imp::EncodingBasis::Detected) {
        QStringList scores;
        for (std::size_t i = 0; i < d.candidates.size() && i < 3; ++i)
            scores << QObject::tr("%1: %2").arg(displayName(d.candidates[i].encoding), formatPercent(d.candidates[i].score * 100));
        lines << QObject::tr("Độ hợp lý của các bảng mã: %1.").arg(scores.join(QStringLiteral("; ")));
        if (!d.confident)
            lines << QStringLiteral("⚠ ") + QObject::tr("Chưa chắc chắn về bảng mã: hãy xem tên trong bảng xem trước, hoặc chọn bảng mã khác.");
    }
    // A .cpg or a chosen encoding the text disagrees with.
    if ((d.basis == imp::EncodingBasis::Cpg || d.basis == imp::EncodingBasis::Given) && hasEvidence && d.confident
        && d.candidates.front().encoding != d.encoding) {
        const geo::EncodingCandidate* chosen = candidateFor(d, d.encoding);
        if (!chosen || !chosen->sameTextAsBest)
            lines << QStringLiteral("⚠ ")
                    + QObject::tr("Nhưng văn bản đọc giống %1 hơn; nếu tên hiển thị sai, hãy chọn bảng mã %1.").arg(displayName(d.candidates.front().encoding));
    }
    if (d.replacedBytes > 0)
        lines << QStringLiteral("⚠ ")
                + QObject::tr("%1 byte không giải mã được (hiện thành �).").arg(formatInteger(static_cast<qint64>(d.replacedBytes)));
    return lines.join(QLatin1Char('\n'));
}

QString crsChoiceText(const CrsChoice& c)
{
    QString text = QString::fromStdString(c.label);
    if (c.sampled > 0)
        text += QStringLiteral(": ")
            + QObject::tr("%1 điểm mẫu nằm trong tỉnh (%2 / %3)")
                  .arg(formatPercent(c.share * 100), formatInteger(c.inside), formatInteger(c.sampled));
    if (!c.plausible && c.inside > 0) text += QStringLiteral("; ") + QObject::tr("hệ này được định nghĩa cho vùng khác");
    return text;
}

QString crsExplanationText(const imp::CrsResolution& crs, const std::vector<CrsChoice>& choices)
{
    QStringList lines;
    if (crs.basis == imp::CrsResolution::Basis::Detected && crs.detection && crs.detection->choice()) {
        const imp::CrsCandidate& chosen = *crs.detection->choice();
        lines << QObject::tr("%1 đặt %2 điểm mẫu vào trong tỉnh (%3 / %4).")
                     .arg(QString::fromStdString(chosen.crs.label()), formatPercent(chosen.share() * 100),
                          formatInteger(chosen.inside), formatInteger(chosen.sampled));
        QStringList others;
        for (const imp::CrsCandidate& c : crs.detection->candidates)
            if (&c != &chosen && c.share() >= imp::kCrsFitShare) others << QString::fromStdString(c.crs.label());
        if (others.isEmpty())
            lines << QObject::tr("Không hệ tọa độ nào khác đặt dữ liệu vào trong tỉnh.");
        else
            lines << QObject::tr("%1 cũng đặt dữ liệu vào trong tỉnh nhưng được định nghĩa cho vùng khác; hệ đã chọn là hệ dành cho vùng này.")
                         .arg(others.join(QStringLiteral(", ")));
    } else if (crs.basis == imp::CrsResolution::Basis::Given) {
        QStringList fitting;
        for (const CrsChoice& c : choices)
            if (c.sampled > 0 && c.share >= imp::kCrsFitShare) fitting << QString::fromStdString(c.label);
        if (fitting.size() > 1) lines << QObject::tr("Các hệ đặt dữ liệu vào trong tỉnh: %1.").arg(fitting.join(QStringLiteral(", ")));
    }
    if (!crs.warnings.empty())
        lines << QStringLiteral("⚠ ")
                + QObject::tr("Với hệ tọa độ này, nhiều điểm mẫu nằm ngoài tỉnh: hệ tọa độ có đúng không? Hãy chọn hệ khác trong danh sách.");
    return lines.join(QLatin1Char('\n'));
}

} // namespace planmap::gui
