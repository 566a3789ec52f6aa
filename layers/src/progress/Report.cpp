#include "planmap/layers/progress/Report.h"

#include "planmap/layers/progress/UnitLookup.h"
#include "planmap/layers/store/ProjectStore.h"
#include "progress/TextSupport.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <ostream>
#include <random>
#include <sstream>
#include <system_error>

namespace planmap::layers::progress {

using detail::dateVi;
using detail::numberPlain;
using detail::numberVi;

namespace {

Date today()
{
    return Date{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
}

std::string joined(const std::vector<RollupNote>& notes, bool vi)
{
    std::string out;
    for (const auto& n : notes) out += (out.empty() ? "" : "; ") + (vi ? n.vi : n.en);
    return out;
}

ReportRow rowOf(const IndicatorRollup& r, const UnitRollup* at, const ReportOptions& options)
{
    ReportRow row;
    row.indicatorCode = r.code;
    row.indicatorName = r.name;
    row.unitOfMeasure = r.unitOfMeasure;
    row.aggregation = r.aggregation;
    if (at) {
        row.target = at->target;
        row.achieved = at->value;
        if (r.aggregation == Aggregation::Ratio) {
            row.numerator = at->numerator;
            row.denominator = at->denominator;
        }
        row.percent = at->percentOfTarget;
        row.asOf = at->asOf;
        row.illustrative = at->illustrative;
        row.notesVi = joined(at->notes, true);
        row.notesEn = joined(at->notes, false);
    }
    const auto assessed = assessStatus(row.achieved, row.target, r.aggregation, r.year, options.date, options.status);
    row.status = assessed.status;
    row.expected = assessed.expected;
    return row;
}

std::string csvField(const std::string& text)
{
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string plain(const std::optional<double>& v) { return v ? numberPlain(*v) : std::string(); }
std::string vi(const std::optional<double>& v, int decimals = 2) { return v ? numberVi(*v, decimals) : std::string(); }

std::string markdownCell(std::string text)
{
    std::string out;
    for (char c : text) {
        if (c == '|') out += "\\|";
        else if (c == '\n') out += ' ';
        else out += c;
    }
    return out;
}

std::string achievedVi(const ReportRow& row)
{
    if (row.numerator && row.denominator)
        return numberVi(*row.numerator) + "/" + numberVi(*row.denominator) + " (" + vi(row.achieved, 1) + "%)";
    return vi(row.achieved);
}

std::string temporaryNextTo(const std::filesystem::path& file)
{
    // "report.tmp-123.xlsx": the extension only once, or GDAL's /vsizip/
    // takes "report.xlsx" inside "report.xlsx.tmp-123.xlsx" for the archive.
    std::random_device random;
    return (file.parent_path() / (file.stem().string() + ".tmp-" + std::to_string(random()) + file.extension().string())).string();
}

void ensureGdal()
{
    if (GetGDALDriverManager()->GetDriverCount() == 0) GDALAllRegister();
}

std::string sheetName(const ReportSection& s, std::vector<std::string>& used)
{
    // Excel: at most 31 characters, none of []:*?/\ . Counted in code points.
    std::string name;
    int points = 0;
    for (std::size_t i = 0; i < s.unitName.size(); ++i) {
        const char c = s.unitName[i];
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 && ++points > 31) break;
        name += std::string("[]:*?/\\").find(c) == std::string::npos ? c : '-';
    }
    std::string unique = name;
    for (int n = 2; std::find(used.begin(), used.end(), unique) != used.end(); ++n)
        unique = s.unitCode + " (" + std::to_string(n) + ")";
    used.push_back(unique);
    return unique;
}

void writeXlsx(const ProgressReport& report, const std::filesystem::path& file)
{
    ensureGdal();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("XLSX");
    if (!driver) throw std::runtime_error(file.string() + ": GDAL has no XLSX driver");
    struct Close {
        void operator()(GDALDataset* d) const { GDALClose(d); }
    };
    std::unique_ptr<GDALDataset, Close> ds(driver->Create(file.string().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) throw std::runtime_error(file.string() + ": cannot create the XLSX file (" + CPLGetLastErrorMsg() + ")");
    const std::vector<std::pair<const char*, OGRFieldType>> fields{
        {"Mã chỉ tiêu", OFTString}, {"Chỉ tiêu", OFTString},  {"Đơn vị tính", OFTString},     {"Kế hoạch", OFTReal},
        {"Thực hiện", OFTReal},     {"Tử số", OFTReal},       {"Mẫu số", OFTReal},             {"Tỷ lệ % kế hoạch", OFTReal},
        {"Tình trạng", OFTString},  {"Cần đạt đến ngày", OFTReal}, {"Số liệu đến ngày", OFTString}, {"Minh họa", OFTString},
        {"Ghi chú", OFTString}};
    std::vector<std::string> used;
    for (const ReportSection& section : report.sections) {
        const std::string name = sheetName(section, used);
        OGRLayer* layer = ds->CreateLayer(name.c_str(), nullptr, wkbNone, nullptr);
        if (!layer) throw std::runtime_error(file.string() + ": cannot create sheet '" + name + "'");
        for (const auto& [title, type] : fields) {
            OGRFieldDefn defn(title, type);
            if (layer->CreateField(&defn) != OGRERR_NONE)
                throw std::runtime_error(file.string() + ": cannot create column '" + title + "' in sheet '" + name + "'");
        }
        for (const ReportRow& row : section.rows) {
            OGRFeature feature(layer->GetLayerDefn());
            auto real = [&](int i, const std::optional<double>& v) {
                if (v) feature.SetField(i, *v);
            };
            feature.SetField(0, row.indicatorCode.c_str());
            feature.SetField(1, row.indicatorName.c_str());
            if (row.unitOfMeasure) feature.SetField(2, row.unitOfMeasure->c_str());
            real(3, row.target);
            real(4, row.achieved);
            real(5, row.numerator);
            real(6, row.denominator);
            real(7, row.percent);
            feature.SetField(8, std::string(statusLabelVi(row.status)).c_str());
            real(9, row.expected);
            if (row.asOf) feature.SetField(10, dateVi(*row.asOf).c_str());
            feature.SetField(11, row.illustrative ? "minh họa" : "");
            feature.SetField(12, row.notesVi.c_str());
            if (layer->CreateFeature(&feature) != OGRERR_NONE)
                throw std::runtime_error(file.string() + ": cannot write row " + row.indicatorCode + " in sheet '" + name + "'");
        }
    }
    GDALDataset* raw = ds.release();
    CPLErrorReset();
    GDALClose(raw);
    if (CPLGetLastErrorType() >= CE_Failure)
        throw std::runtime_error(file.string() + ": writing the XLSX file failed (" + CPLGetLastErrorMsg() + ")");
}

} // namespace

ProgressReport buildReport(ProjectStore& store, const ReportOptions& optionsIn)
{
    ReportOptions options = optionsIn;
    if (!options.date.ok()) options.date = today();
    if (!options.rollup.asOf) options.rollup.asOf = options.date;

    UnitLookup units(store.units());
    std::vector<const AdminUnit*> sectionUnits;
    if (options.district) {
        const AdminUnit& d = units.resolve(*options.district, options.date, std::string(kGenerationPre2025), std::nullopt,
                                            UnitLevel::District);
        if (d.level != UnitLevel::District)
            throw InvalidDataError("'" + *options.district + "' is " + units.describe(d) + ", not a district");
        sectionUnits.push_back(&d);
    } else {
        const auto provinces = store.units().list(UnitLevel::Province);
        if (options.includeProvince && !provinces.empty())
            sectionUnits.push_back(units.get(provinces.front().id));
        for (const AdminUnit& d : store.units().list(UnitLevel::District, std::string(kGenerationPre2025)))
            sectionUnits.push_back(units.get(d.id));
    }

    RollupEngine engine(store.connection());
    const auto rollups = engine.rollupAll(options.rollup);

    ProgressReport report;
    report.date = options.date;
    report.title = "Báo cáo tiến độ thực hiện kế hoạch — số liệu đến ngày " + dateVi(options.date);
    for (const AdminUnit* unit : sectionUnits) {
        if (!unit) continue;
        ReportSection section;
        section.unitId = unit->id;
        section.unitCode = unit->code.value_or("");
        section.unitName = unit->fullName.value_or(unit->name);
        for (const IndicatorRollup& r : rollups) {
            section.rows.push_back(rowOf(r, r.at(unit->id), options));
            report.illustrative = report.illustrative || section.rows.back().illustrative;
        }
        report.sections.push_back(std::move(section));
    }
    return report;
}

std::optional<ReportFormat> parseReportFormat(std::string_view text)
{
    if (text == "csv") return ReportFormat::Csv;
    if (text == "md" || text == "markdown") return ReportFormat::Markdown;
    if (text == "xlsx") return ReportFormat::Xlsx;
    return std::nullopt;
}

void writeReportCsv(const ProgressReport& report, std::ostream& out)
{
    out << "section,unit_code,unit_name,indicator_code,indicator_name,unit_of_measure,target,achieved,numerator,"
           "denominator,percent,status,expected,as_of,illustrative,note\n";
    for (const ReportSection& s : report.sections) {
        const std::string section = s.unitCode.size() == 2 ? "province" : "district";
        for (const ReportRow& r : s.rows) {
            const std::vector<std::string> fields{section,
                                                  s.unitCode,
                                                  s.unitName,
                                                  r.indicatorCode,
                                                  r.indicatorName,
                                                  r.unitOfMeasure.value_or(""),
                                                  plain(r.target),
                                                  plain(r.achieved),
                                                  plain(r.numerator),
                                                  plain(r.denominator),
                                                  r.percent ? numberPlain(*r.percent, 2) : std::string(),
                                                  std::string(statusCode(r.status)),
                                                  plain(r.expected),
                                                  r.asOf ? toIsoDate(*r.asOf) : std::string(),
                                                  r.illustrative ? "1" : "0",
                                                  r.notesEn};
            for (std::size_t i = 0; i < fields.size(); ++i) out << (i ? "," : "") << csvField(fields[i]);
            out << "\n";
        }
    }
}

void writeReportMarkdown(const ProgressReport& report, std::ostream& out)
{
    out << "# " << report.title << "\n\n";
    if (report.illustrative)
        out << "> **Số liệu minh họa:** một số số liệu dưới đây là số liệu minh họa (không phải số liệu thật), "
               "được đánh dấu \"minh họa\".\n\n";
    out << "Tình trạng so với tiến độ cần đạt đến ngày " << dateVi(report.date)
        << ": Đã đạt · Đúng tiến độ (≥ 90%) · Có nguy cơ chậm (≥ 70%) · Chậm tiến độ (< 70%).\n";
    for (const ReportSection& s : report.sections) {
        out << "\n## " << s.unitName << (s.unitCode.empty() ? "" : " (" + s.unitCode + ")") << "\n\n";
        out << "| Mã | Chỉ tiêu | ĐVT | Kế hoạch | Thực hiện | Tỷ lệ % | Tình trạng | Số liệu đến | Ghi chú |\n";
        out << "|---|---|---|---:|---:|---:|---|---|---|\n";
        for (const ReportRow& r : s.rows) {
            std::string note = r.notesVi;
            if (r.illustrative) note = "minh họa" + std::string(note.empty() ? "" : "; ") + note;
            out << "| " << r.indicatorCode << " | " << markdownCell(r.indicatorName) << " | "
                << markdownCell(r.unitOfMeasure.value_or("")) << " | " << vi(r.target) << " | " << achievedVi(r)
                << " | " << vi(r.percent, 1) << " | " << statusLabelVi(r.status) << " | "
                << (r.asOf ? dateVi(*r.asOf) : "") << " | " << markdownCell(note) << " |\n";
        }
    }
}

void writeReport(const ProgressReport& report, ReportFormat format, const std::filesystem::path& file)
{
    const std::string temporary = temporaryNextTo(file);
    std::error_code ec;
    try {
        if (format == ReportFormat::Xlsx) {
            writeXlsx(report, temporary);
        } else {
            std::ofstream out(temporary, std::ios::binary);
            if (!out) throw std::runtime_error(file.string() + ": cannot write (" + std::strerror(errno) + ")");
            if (format == ReportFormat::Csv) writeReportCsv(report, out);
            else writeReportMarkdown(report, out);
            out.close();
            if (!out) throw std::runtime_error(file.string() + ": writing failed");
        }
        std::filesystem::rename(temporary, file);
    } catch (const std::filesystem::filesystem_error& e) {
        std::filesystem::remove(temporary, ec);
        throw std::runtime_error(file.string() + ": cannot move the report into place (" + e.code().message() + ")");
    } catch (...) {
        std::filesystem::remove(temporary, ec);
        throw;
    }
}

} // namespace planmap::layers::progress
