#include "SourceTable.h"

#include "planmap/layers/io/ImportError.h"
#include "planmap/layers/text/SearchKey.h"

#include <QString>

#include <cpl_conv.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <memory>

namespace planmap::layers::io::detail {

namespace {

std::string lowerAscii(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string extensionOf(const std::filesystem::path& file) { return lowerAscii(file.extension().string()); }

} // namespace

std::string cleanText(std::string_view text)
{
    const QString s = QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()))
                          .normalized(QString::NormalizationForm_C)
                          .trimmed();
    return s.toStdString();
}

std::string valueText(const geo::FieldValue& value)
{
    if (const auto* s = std::get_if<std::string>(&value)) return cleanText(*s);
    if (const auto* d = std::get_if<double>(&value)) {
        if (std::isfinite(*d) && std::floor(*d) == *d && std::fabs(*d) < 1e15)
            return std::to_string(static_cast<long long>(*d));
    }
    return geo::toString(value);
}

SourceTable::SourceTable(const std::filesystem::path& file, const std::optional<std::string>& layerName, bool allText,
                         std::optional<geo::TextEncoding> encoding)
    : file_(file), encoding_(encoding)
{
    const std::string ext = extensionOf(file);
    geo::ReaderOptions options;
    options.rawStrings = encoding.has_value();
    options.inferCsvTypes = !allText;
    // Spreadsheets: the first row is the header even when every cell is text
    // (GDAL 3.6 reads these as configuration options, not open options).
    std::vector<std::unique_ptr<CPLConfigOptionSetter>> settings;
    if (ext == ".xlsx" || ext == ".ods") {
        const std::string driver = ext == ".xlsx" ? "XLSX" : "ODS";
        settings.push_back(std::make_unique<CPLConfigOptionSetter>(("OGR_" + driver + "_HEADERS").c_str(), "FORCE", false));
        if (allText)
            settings.push_back(
                std::make_unique<CPLConfigOptionSetter>(("OGR_" + driver + "_FIELD_TYPES").c_str(), "STRING", false));
    }
    if (allText) options.autoDetectGeometryColumns = false;
    reader_.emplace(file, options);
    driver_ = reader_->driverName();
    table_ = driver_ == "CSV" || driver_ == "XLSX" || driver_ == "ODS" || driver_ == "XLS";
    if (layerName) {
        layer_.emplace(reader_->layer(*layerName));
    } else {
        if (reader_->layerCount() == 0) throw ImportError(file.string() + ": the file holds no layer");
        if (reader_->layerCount() > 1 && !table_) {
            std::string names;
            for (const auto& n : reader_->layerNames()) names += (names.empty() ? "\"" : ", \"") + n + "\"";
            throw ImportError(file.string() + ": the file holds several layers (" + names
                              + "); say which one with --source-layer NAME");
        }
        layer_.emplace(reader_->layer(0));
    }
}

std::vector<geo::Feature> SourceTable::readAll()
{
    std::vector<geo::Feature> rows = layer_->readAll();
    if (encoding_)
        for (geo::Feature& row : rows)
            for (geo::FieldValue& v : row.values)
                if (auto* text = std::get_if<std::string>(&v)) *text = geo::decodeToUtf8(*text, *encoding_);
    return rows;
}

std::string SourceTable::rowLabel(std::int64_t featureRow) const
{
    return table_ ? "row " + std::to_string(featureRow + 1) : "feature " + std::to_string(featureRow);
}

std::string SourceTable::where(std::int64_t featureRow, std::string_view column) const
{
    std::string text = file_.string() + ", " + rowLabel(featureRow);
    if (!column.empty()) text += ", column \"" + std::string(column) + "\"";
    return text;
}

int SourceTable::column(std::string_view name) const
{
    const auto& fields = layer_->fields();
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i].name == name) return static_cast<int>(i);
    const std::string wanted = lowerAscii(cleanText(name));
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (lowerAscii(cleanText(fields[i].name)) == wanted) return static_cast<int>(i);
    const std::string key = searchKey(name);
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (searchKey(fields[i].name) == key) return static_cast<int>(i);
    return -1;
}

std::string SourceTable::columnList() const
{
    std::string text;
    for (const auto& f : layer_->fields()) text += (text.empty() ? "\"" : ", \"") + f.name + "\"";
    return text.empty() ? "(none)" : text;
}

} // namespace planmap::layers::io::detail
