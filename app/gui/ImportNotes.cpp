#include "ImportNotes.h"

#include "Formats.h"
#include "Language.h"

#include "planmap/geo/TextEncoding.h"

#include <QObject>

#include <algorithm>
#include <cmath>

namespace planmap::gui {

namespace imp = layers::importer;

namespace {

QString displayName(geo::TextEncoding e)
{
    const std::string_view name = geo::encodingDisplayName(e);
    return QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
}

QString q(const std::string& s) { return QString::fromStdString(s); }

/// "(106,761500; 21,853700)".
QString locationText(const geo::XY& p)
{
    return QStringLiteral("(%1; %2)").arg(formatNumber(p.x, 6), formatNumber(p.y, 6));
}

/// GEOS's validity reasons (IsValidOp), in Vietnamese; others as GEOS says them.
QString invalidityText(const std::string& reason)
{
    static const std::vector<std::pair<const char*, const char*>> known = {
        {"Self-intersection", QT_TRANSLATE_NOOP("QObject", "Cạnh tự cắt nhau")},
        {"Ring Self-intersection", QT_TRANSLATE_NOOP("QObject", "Vòng tự cắt nhau")},
        {"Too few points in geometry component", QT_TRANSLATE_NOOP("QObject", "Quá ít điểm để tạo hình")},
        {"Hole lies outside shell", QT_TRANSLATE_NOOP("QObject", "Lỗ thủng nằm ngoài vùng")},
        {"Holes are nested", QT_TRANSLATE_NOOP("QObject", "Lỗ thủng lồng vào nhau")},
        {"Interior is disconnected", QT_TRANSLATE_NOOP("QObject", "Phần trong của vùng bị chia cắt")},
        {"Nested shells", QT_TRANSLATE_NOOP("QObject", "Các vùng lồng vào nhau")},
        {"Duplicate Rings", QT_TRANSLATE_NOOP("QObject", "Vòng bị lặp")},
        {"Invalid Coordinate", QT_TRANSLATE_NOOP("QObject", "Tọa độ không hợp lệ")},
        {"Ring is not closed", QT_TRANSLATE_NOOP("QObject", "Vòng không khép kín")},
        {"Repeated Point", QT_TRANSLATE_NOOP("QObject", "Điểm bị lặp")},
    };
    for (const auto& [english, vietnamese] : known)
        if (reason == english) return QObject::tr(vietnamese);
    return q(reason);
}

QString geometryTypeText(geo::GeometryType t)
{
    switch (t) {
    case geo::GeometryType::Point: return QObject::tr("điểm");
    case geo::GeometryType::MultiPoint: return QObject::tr("đa điểm");
    case geo::GeometryType::LineString: return QObject::tr("đường");
    case geo::GeometryType::LinearRing: return QObject::tr("vòng");
    case geo::GeometryType::MultiLineString: return QObject::tr("đa đường");
    case geo::GeometryType::Polygon: return QObject::tr("vùng");
    case geo::GeometryType::MultiPolygon: return QObject::tr("đa vùng");
    case geo::GeometryType::GeometryCollection: return QObject::tr("tập hợp hình");
    }
    return {};
}

/// What a layer takes: "điểm (mỗi đối tượng một điểm)", "vùng"...
QString columnTypeText(layers::GeometryType t)
{
    switch (t) {
    case layers::GeometryType::Point: return QObject::tr("điểm (mỗi đối tượng một điểm)");
    case layers::GeometryType::LineString: return QObject::tr("đường (mỗi đối tượng một đường)");
    case layers::GeometryType::Polygon: return QObject::tr("vùng (mỗi đối tượng một vùng)");
    case layers::GeometryType::MultiPoint: return QObject::tr("điểm");
    case layers::GeometryType::MultiLineString: return QObject::tr("đường");
    case layers::GeometryType::MultiPolygon: return QObject::tr("vùng");
    case layers::GeometryType::Any: return QObject::tr("mọi loại hình");
    }
    return {};
}

/// "“Ghi chú”, “X”".
QString quotedList(const std::vector<std::string>& items)
{
    QStringList quoted;
    for (const std::string& item : items) quoted << QStringLiteral("“%1”").arg(q(item));
    return quoted.join(QStringLiteral(", "));
}

/// "Dân số (dan_so)".
QString fieldName(const layers::FieldInfo& f)
{
    const QString title = fieldTitleText(f);
    return title == q(f.name) ? title : title + QStringLiteral(" (") + q(f.name) + QLatin1Char(')');
}

/// Why a value does not fit its field: "“abc” không phải số nguyên".
QString conversionText(const std::string& value, const std::optional<layers::FieldInfo>& field)
{
    const QString v = QStringLiteral("“%1”").arg(q(value));
    if (!field) return QObject::tr("%1 không chuyển được").arg(v);
    if (!field->values.empty()) {
        QStringList allowed;
        for (const layers::FieldValue& c : field->values) allowed << q(c.value) + QStringLiteral(" (") + q(c.labelVi) + QLatin1Char(')');
        return QObject::tr("%1 không thuộc các giá trị: %2").arg(v, allowed.join(QStringLiteral(", ")));
    }
    switch (field->type) {
    case layers::FieldType::Integer: return QObject::tr("%1 không phải số nguyên").arg(v);
    case layers::FieldType::Real: return QObject::tr("%1 không phải số").arg(v);
    case layers::FieldType::Date: return QObject::tr("%1 không phải ngày (dd/mm/yyyy hoặc YYYY-MM-DD)").arg(v);
    case layers::FieldType::Boolean: return QObject::tr("%1 không phải giá trị có/không (có/không, 1/0, true/false)").arg(v);
    case layers::FieldType::Text: break;
    }
    return QObject::tr("%1 không chuyển được").arg(v);
}

/// A relative change: "−12,5 %", or nullopt when there was nothing before.
std::optional<QString> changeText(double before, double after)
{
    if (!(before > 0)) return std::nullopt;
    const double percent = (after - before) / before * 100;
    return (percent > 0 ? QStringLiteral("+") : QString()) + formatPercent(percent);
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

QString fieldTitleText(const layers::FieldInfo& f)
{
    if (uiLanguage() == Language::English && f.titleEn && !f.titleEn->empty()) return q(*f.titleEn);
    return f.titleVi.empty() ? q(f.name) : q(f.titleVi);
}

QString fieldTypeText(layers::FieldType type)
{
    switch (type) {
    case layers::FieldType::Integer: return QObject::tr("số nguyên");
    case layers::FieldType::Real: return QObject::tr("số thực");
    case layers::FieldType::Text: return QObject::tr("chữ");
    case layers::FieldType::Date: return QObject::tr("ngày");
    case layers::FieldType::Boolean: return QObject::tr("có/không");
    }
    return {};
}

QString importErrorText(const QString& lead, const std::string& engineMessage)
{
    return lead + QStringLiteral("\n\n") + QObject::tr("Chi tiết (tiếng Anh, từ bộ nhập dữ liệu):") + QLatin1Char('\n')
        + q(engineMessage);
}

QString sourcePlaceText(const imp::SourcePlace& at)
{
    if (!at.isRow()) return {};
    QString text = at.table ? QObject::tr("dòng %1").arg(formatInteger(at.shownNumber()))
                            : QObject::tr("đối tượng %1").arg(formatInteger(at.shownNumber()));
    if (!at.column.empty()) text += QStringLiteral(", ") + QObject::tr("cột “%1”").arg(q(at.column));
    return text;
}

QString geometryProblemText(const imp::GeometryProblem& p)
{
    using K = imp::GeometryProblem::Kind;
    switch (p.kind) {
    case K::NotTransformed:
        return QObject::tr("không đổi được từ %1 sang WGS 84 (PROJ: %2)").arg(q(p.crs), q(p.detail));
    case K::NotLongitudeLatitude:
        return QObject::tr("đọc theo %1, tọa độ như %2 không phải kinh độ/vĩ độ: hệ tọa độ có đúng không?")
            .arg(q(p.crs), p.location ? locationText(*p.location) : QString());
    case K::Unrepairable: {
        QString text = QObject::tr("hình không hợp lệ (%1)").arg(invalidityText(p.invalidity));
        if (p.location) text += QLatin1Char(' ') + QObject::tr("tại %1").arg(locationText(*p.location));
        text += QStringLiteral("; ");
        if (p.repair && p.repair->typeAfter != p.repair->typeBefore && p.repair->partsAfter > 0)
            text += QObject::tr("sửa bằng MakeValid sẽ biến %1 thành %2, mất hình").arg(geometryTypeText(p.repair->typeBefore),
                                                                                    geometryTypeText(p.repair->typeAfter));
        else
            text += QObject::tr("sửa bằng MakeValid sẽ không còn gì của hình");
        return text;
    }
    case K::WrongType:
        return QObject::tr("hình loại %1 trong khi lớp nhận %2").arg(geometryTypeText(p.found), columnTypeText(p.column));
    }
    return q(p.detail);
}

QString repairText(const geo::RepairReport& r)
{
    QString text = invalidityText(r.problem);
    if (r.location) text += QLatin1Char(' ') + QObject::tr("tại %1").arg(locationText(*r.location));
    QStringList changes;
    const bool polygonal = r.typeBefore == geo::GeometryType::Polygon || r.typeBefore == geo::GeometryType::MultiPolygon;
    if (r.partsBefore == 1 && r.partsAfter > 1)
        changes << QObject::tr("%1 tách thành %2 phần").arg(geometryTypeText(r.typeBefore), formatInteger(r.partsAfter));
    else if (r.partsAfter != r.partsBefore)
        changes << QObject::tr("số phần %1 → %2").arg(formatInteger(r.partsBefore), formatInteger(r.partsAfter));
    if (polygonal && r.areaAfter != r.areaBefore) {
        if (const auto change = changeText(r.areaBefore, r.areaAfter)) {
            if (std::abs(r.areaAfter - r.areaBefore) > 1e-12 * std::max(1.0, std::abs(r.areaBefore)))
                changes << QObject::tr("diện tích đổi %1").arg(*change);
        } else {
            changes << QObject::tr("diện tích được tính lại (trước đó các cạnh cắt nhau)");
        }
    }
    if (!polygonal && r.lengthAfter != r.lengthBefore)
        if (const auto change = changeText(r.lengthBefore, r.lengthAfter);
            change && std::abs(r.lengthAfter - r.lengthBefore) > 1e-12 * std::max(1.0, std::abs(r.lengthBefore)))
            changes << QObject::tr("chiều dài đổi %1").arg(*change);
    if (r.typeAfter != r.typeBefore)
        changes << QObject::tr("loại %1 → %2").arg(geometryTypeText(r.typeBefore), geometryTypeText(r.typeAfter));
    if (r.droppedParts > 0) changes << QObject::tr("bỏ %1 phần suy biến (thấp chiều hơn)").arg(formatInteger(r.droppedParts));
    if (r.pointsAfter != r.pointsBefore)
        changes << QObject::tr("số điểm %1 → %2").arg(formatInteger(static_cast<qint64>(r.pointsBefore)),
                                                      formatInteger(static_cast<qint64>(r.pointsAfter)));
    if (changes.isEmpty()) changes << QObject::tr("dựng lại các vòng; diện tích, số phần, số điểm và loại không đổi");
    return text + QStringLiteral(": ") + changes.join(QStringLiteral("; "));
}

QString importMessageText(const imp::ImportMessage& m, bool withPlace)
{
    using K = imp::MessageKind;
    QString text;
    switch (m.kind) {
    case K::ValueNotConverted:
        text = conversionText(m.value, m.field);
        if (m.field) text += QLatin1Char(' ') + QObject::tr("(trường %1)").arg(fieldName(*m.field));
        break;
    case K::KeyEmpty: text = QObject::tr("khóa để trống"); break;
    case K::KeyRepeated: text = QObject::tr("khóa “%1” đã dùng ở %2").arg(q(m.value), sourcePlaceText(m.other)); break;
    case K::UnknownCommune:
        text = m.generation == "2025" ? QObject::tr("không có xã nào mã %1 (đơn vị từ 01/07/2025)").arg(q(m.value))
                                      : QObject::tr("không có xã nào mã %1 (đơn vị trước 01/07/2025)").arg(q(m.value));
        break;
    case K::NoPlace: text = QObject::tr("không có tọa độ, cũng không có mã đơn vị để đặt dòng lên bản đồ"); break;
    case K::UnitCannotPlace:
        text = m.count > 1 ? QObject::tr("xã %1 không có ranh giới và đã được chia vào %2 xã mới nên không đặt được dòng; "
                                         "hãy cho tọa độ hoặc mã xã mới (từ 01/07/2025)")
                                 .arg(q(m.value), formatInteger(m.count))
                           : QObject::tr("xã %1 không có ranh giới để đặt dòng vào").arg(q(m.value));
        break;
    case K::UnitPointNotFitting:
        text = QObject::tr("điểm của xã %1 không hợp với lớp: %2").arg(q(m.value), m.geometry ? geometryProblemText(*m.geometry) : q(m.text));
        break;
    case K::GeometryUnusable:
        text = QObject::tr("hình: %1").arg(m.geometry ? geometryProblemText(*m.geometry) : q(m.text));
        break;
    case K::RowLeftOut:
        text = QObject::tr("bỏ qua vì hình không dùng được: %1").arg(m.geometry ? geometryProblemText(*m.geometry) : q(m.text));
        break;
    case K::GeometryRepaired: text = m.repair ? repairText(*m.repair) : q(m.text); break;
    case K::TextEncoding:
    case K::TextEncodingDoubt:
    case K::Crs:
    case K::CrsDoubt: return q(m.text);
    case K::CoordinatesTransformed:
        return QObject::tr("Tọa độ được đổi từ %1 sang WGS 84 (EPSG:4326) bằng PROJ: %2").arg(q(m.value), q(m.detail));
    case K::NewLayer: {
        QStringList fields;
        for (const layers::FieldInfo& f : m.fields) fields << fieldName(f) + QStringLiteral(": ") + fieldTypeText(f.type);
        return QObject::tr("Lớp tham chiếu mới %1 “%2” (%3), các trường: %4")
            .arg(q(m.value), q(m.title), columnTypeText(m.geometryType), fields.join(QStringLiteral("; ")));
    }
    case K::ColumnsNotImported:
        return QObject::tr("Các cột không được nhập (ghép chúng với trường ở trang “Lớp đích”): %1").arg(quotedList(m.items));
    case K::KmlColumnsLeftOut:
        return QObject::tr("Các cột trình bày của KML chỉ có giá trị mặc định nên không thành trường của lớp mới: %1")
            .arg(quotedList(m.items));
    case K::SameContentImportedBefore:
        return QObject::tr("Nội dung tệp này đã được nhập trước đây (lần nhập %1, %2).").arg(m.count).arg(q(m.value));
    case K::SameFileAddedAgain:
        return QObject::tr("Tệp này đã được nhập vào lớp %1 (lần nhập %2); không có cột khóa nên các dòng sẽ được thêm lần nữa. "
                           "Chọn cột khóa để cập nhật thay vì nhân đôi.")
            .arg(q(m.value))
            .arg(m.count);
    case K::RowsLeftOut: return QObject::tr("%1 dòng bị bỏ qua vì hình không dùng được.").arg(formatInteger(m.count));
    case K::OutsideCommunes: return QObject::tr("%1 đối tượng nằm ngoài mọi xã (từ 01/07/2025) của dự án.").arg(formatInteger(m.count));
    case K::WithoutGeometry: return QObject::tr("%1 đối tượng không có hình.").arg(formatInteger(m.count));
    case K::ApproximateLocations:
        return QObject::tr("%1 dòng được đặt tại điểm đại diện của xã (vị trí gần đúng, approximate_location = 1).")
            .arg(formatInteger(m.count));
    case K::MappingSaved: return QObject::tr("Đã lưu cách ghép cột với tên “%1”.").arg(q(m.value));
    case K::UnitLayerPreview:
        return QObject::tr("Lớp đơn vị hành chính được kiểm tra khi nhập; bản xem trước chỉ hiện các cột của tệp.");
    }
    if (withPlace && m.at.isRow()) text = sourcePlaceText(m.at) + QStringLiteral(": ") + text;
    else if (!withPlace && !m.at.column.empty()) text = QObject::tr("cột “%1”").arg(q(m.at.column)) + QStringLiteral(": ") + text;
    return text;
}

} // namespace planmap::gui
