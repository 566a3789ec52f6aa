#include "planmap/layers/importer/SourceData.h"

#include "planmap/layers/io/ImportError.h"
#include "planmap/layers/text/SearchKey.h"

#include <cpl_conv.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <memory>

namespace planmap::layers::importer {

namespace {

std::string lowerAscii(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string trimmed(std::string_view s)
{
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(b, e - b + 1));
}

bool isAscii(std::string_view s)
{
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

/// The .cpg next to a shapefile (any case of the extension); empty if none.
std::string readCpg(const std::filesystem::path& shp)
{
    for (const char* ext : {".cpg", ".CPG", ".Cpg"}) {
        std::filesystem::path cpg = shp;
        cpg.replace_extension(ext);
        std::ifstream in(cpg, std::ios::binary);
        if (!in) continue;
        std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        return content;
    }
    return {};
}

/// Samples for detection: values with non-ASCII bytes first (they carry the
/// evidence), at most `limit` of them.
std::vector<std::string_view> detectionSamples(const std::vector<geo::Feature>& rows, std::size_t limit)
{
    std::vector<std::string_view> samples;
    for (const geo::Feature& f : rows) {
        for (const geo::FieldValue& v : f.values) {
            const auto* s = std::get_if<std::string>(&v);
            if (!s || isAscii(*s)) continue;
            samples.emplace_back(*s);
            if (samples.size() >= limit) return samples;
        }
    }
    return samples;
}

const geo::EncodingCandidate* candidateFor(const std::vector<geo::EncodingCandidate>& candidates,
                                           geo::TextEncoding encoding)
{
    for (const auto& c : candidates)
        if (c.encoding == encoding) return &c;
    return nullptr;
}

/// Decides how to decode raw text and records why.
EncodingDecision decideEncoding(const std::filesystem::path& file, bool shapefile, const std::vector<geo::Feature>& rows,
                                const std::optional<std::string>& asked)
{
    EncodingDecision d;
    const std::vector<std::string_view> samples = detectionSamples(rows, 4000);
    const geo::EncodingGuess guess = geo::detectEncoding(samples);
    d.candidates = guess.candidates;
    d.confident = guess.confident;
    d.evidenceWords = guess.evidenceWords;

    const auto evidence = [&]() {
        for (std::size_t i = 0; i < guess.candidates.size() && i < 3; ++i) d.reasons.push_back(guess.candidates[i].reason);
    };
    const auto disagreement = [&](geo::TextEncoding chosen, const std::string& what) {
        if (samples.empty() || !guess.confident || guess.best() == chosen) return;
        const geo::EncodingCandidate* c = candidateFor(guess.candidates, chosen);
        if (c && c->sameTextAsBest) return;
        d.warnings.push_back(what + " " + std::string(geo::encodingDisplayName(chosen)) + ", but the text reads as "
                             + std::string(geo::encodingDisplayName(guess.best())) + " ("
                             + guess.candidates.front().reason + "); if names look wrong, import again with --encoding "
                             + std::string(geo::encodingName(guess.best())));
    };

    if (asked && lowerAscii(trimmed(*asked)) != "auto") {
        const auto e = geo::parseEncoding(*asked);
        if (!e)
            throw io::ImportError("unknown text encoding '" + *asked
                                  + "' (use utf-8, tcvn3, vni, cp1258, viscii, latin1 or auto)");
        d.encoding = *e;
        d.basis = EncodingBasis::Given;
        d.reasons.push_back("text read as " + std::string(geo::encodingDisplayName(*e)) + ", as asked");
        disagreement(*e, "the text was read as");
        return d;
    }
    if (shapefile) {
        d.cpg = trimmed(readCpg(file));
        if (!d.cpg.empty()) {
            if (const auto e = geo::cpgToEncoding(d.cpg)) {
                d.encoding = *e;
                d.basis = EncodingBasis::Cpg;
                d.reasons.push_back("the .cpg file says \"" + d.cpg + "\": text read as "
                                    + std::string(geo::encodingDisplayName(*e)));
                disagreement(*e, "the .cpg file says");
                return d;
            }
            d.warnings.push_back("the .cpg file says \"" + d.cpg
                                 + "\", an encoding planmap does not read; the encoding was detected instead");
        }
    }
    d.encoding = guess.best();
    d.basis = EncodingBasis::Detected;
    if (samples.empty()) {
        d.reasons.push_back("the text is plain ASCII (no Vietnamese letters): read as UTF-8");
        return d;
    }
    d.reasons.push_back("detected " + std::string(geo::encodingDisplayName(d.encoding)) + " from "
                        + std::to_string(guess.evidenceWords) + " word(s) with Vietnamese letters"
                        + (guess.confident ? "" : " (not certain)"));
    evidence();
    if (!guess.confident)
        d.warnings.push_back("the text encoding is not certain (" + guess.candidates.front().reason
                             + "); check the names in the preview, or give --encoding");
    return d;
}

/// The .dbf next to a shapefile (any case of the extension), if there is one.
std::optional<std::filesystem::path> dbfOf(const std::filesystem::path& shp)
{
    for (const char* ext : {".dbf", ".DBF", ".Dbf"}) {
        std::filesystem::path dbf = shp;
        dbf.replace_extension(ext);
        std::error_code ec;
        if (std::filesystem::exists(dbf, ec)) return dbf;
    }
    return std::nullopt;
}

/// GDAL's own words for a missing .shx point to one of its configuration
/// options; say which file is missing instead.
void checkShapefileParts(const std::filesystem::path& shp)
{
    for (const char* ext : {".shx", ".SHX", ".Shx"}) {
        std::filesystem::path shx = shp;
        shx.replace_extension(ext);
        std::error_code ec;
        if (std::filesystem::exists(shx, ec)) return;
    }
    std::filesystem::path shx = shp;
    shx.replace_extension(".shx");
    throw io::ImportError(shx.string() + " is missing: a shapefile is several files (.shp, .shx, .dbf, and .prj, "
                          ".cpg when there are); copy them all into the same folder; nothing was imported");
}

/// GDAL opens a shapefile whose DBF it cannot read as one without
/// attributes; check the DBF's structure so a damaged one is an error.
void checkDbf(const std::filesystem::path& dbf)
{
    std::ifstream in(dbf, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto damaged = [&](const std::string& why) {
        return io::ImportError(dbf.string() + ": the attribute table (DBF) is damaged: " + why
                               + "; nothing was imported");
    };
    const auto u8 = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])); };
    if (bytes.size() < 33) throw damaged("it is only " + std::to_string(bytes.size()) + " bytes long");
    const std::uint32_t records = u8(4) | u8(5) << 8 | u8(6) << 16 | u8(7) << 24;
    const std::uint32_t headerLength = u8(8) | u8(9) << 8;
    const std::uint32_t recordLength = u8(10) | u8(11) << 8;
    if (headerLength < 33 || headerLength > bytes.size()) throw damaged("its header length is impossible");
    std::uint32_t fieldBytes = 1;  // the deletion flag
    std::size_t at = 32;
    for (; at + 32 <= headerLength && u8(at) != 0x0D; at += 32) {
        const unsigned char type = static_cast<unsigned char>(bytes[at + 11]);
        if (std::string_view("CNFLDMBGIYTO@+0").find(static_cast<char>(type)) == std::string_view::npos)
            throw damaged("column " + std::to_string((at - 32) / 32 + 1) + " has an unknown type");
        fieldBytes += u8(at + 16);
    }
    if (at >= headerLength || u8(at) != 0x0D) throw damaged("its column list does not end where the header says");
    if (fieldBytes != recordLength)
        throw damaged("its columns take " + std::to_string(fieldBytes) + " bytes per row but the header says "
                      + std::to_string(recordLength));
    const std::uint64_t needed = headerLength + static_cast<std::uint64_t>(records) * recordLength;
    if (bytes.size() < needed)
        throw damaged("the header announces " + std::to_string(records) + " rows (" + std::to_string(needed)
                      + " bytes) but the file has " + std::to_string(bytes.size()) + " bytes");
}

/// The separator GDAL's CSV driver takes from the header line: a comma,
/// else a semicolon, else a tab.
char csvSeparator(std::string_view header)
{
    if (header.find(',') != std::string_view::npos) return ',';
    if (header.find(';') != std::string_view::npos) return ';';
    if (header.find('\t') != std::string_view::npos) return '\t';
    return ',';
}

/// GDAL reads a CSV row with more values than the header by dropping the
/// extra ones, and a quote that is never closed swallows the rest of the file
/// into one value; check the structure so both are errors naming the row.
void checkCsv(const std::filesystem::path& csv)
{
    std::ifstream in(csv, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::string_view text(bytes);
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    const char separator = csvSeparator(text.substr(0, text.find('\n')));

    io::ProblemList problems;
    std::size_t headerValues = 0;
    std::int64_t row = 0;    // rows as a spreadsheet numbers them: the header is row 1
    std::int64_t line = 1;
    std::int64_t rowLine = 1;
    std::size_t values = 1;
    bool empty = true;       // nothing but \r on this row so far
    bool fieldStart = true;
    bool quoted = false;
    std::size_t quotedValue = 0;
    const auto place = [&](std::int64_t r, std::int64_t l) {
        return csv.string() + ", row " + std::to_string(r) + (l == r ? "" : " (line " + std::to_string(l) + ")");
    };
    const auto endRow = [&]() {
        if (!empty) {
            ++row;
            if (row == 1) {
                headerValues = values;
            } else if (values > headerValues) {
                problems.add(place(row, rowLine) + ": " + std::to_string(values) + " values but the header has "
                             + std::to_string(headerValues) + " columns (a separator too many, or a value with \""
                             + separator + "\" not in quotes)");
            }
        }
        values = 1;
        empty = true;
        fieldStart = true;
        rowLine = line;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') ++i;
            else if (c == '"') quoted = false;
            else if (c == '\n') ++line;
            continue;
        }
        if (c == '\n') {
            ++line;
            endRow();
            continue;
        }
        if (c == '\r') continue;
        empty = false;
        if (c == separator) {
            ++values;
            fieldStart = true;
        } else if (c == '"' && fieldStart) {
            quoted = true;
            quotedValue = values;
            fieldStart = false;
        } else {
            fieldStart = false;
        }
    }
    if (quoted) {
        problems.add(place(row + 1, rowLine) + ", column " + std::to_string(quotedValue)
                     + ": a quote (\") opens a value that is never closed, so the rest of the file (to line "
                     + std::to_string(line) + ") would be read as that one value");
    } else {
        endRow();
    }
    problems.throwIfAny(csv, "the rows of this CSV are broken; fix them and import again");
}

std::string decodeText(const std::string& bytes, geo::TextEncoding encoding, std::size_t& replaced)
{
    return geo::decodeToUtf8(bytes, encoding, &replaced);
}

} // namespace

std::string EncodingDecision::summary() const
{
    std::string text(geo::encodingDisplayName(encoding));
    switch (basis) {
    case EncodingBasis::UnicodeFormat: return text + " (the format stores Unicode)";
    case EncodingBasis::Given: return text + " (as asked)";
    case EncodingBasis::Cpg: return text + " (from the .cpg file)";
    case EncodingBasis::Detected:
        return text + (evidenceWords == 0 ? " (plain ASCII text)" : confident ? " (detected)" : " (detected, not certain)");
    }
    return text;
}

SourceData SourceData::read(const std::filesystem::path& file, const SourceOptions& options)
{
    SourceData s;
    s.file_ = file;
    const std::string ext = lowerAscii(file.extension().string());
    geo::ReaderOptions ro;
    ro.rawStrings = true;
    ro.inferCsvTypes = !options.csvAsText;
    if (options.xColumn) ro.xColumn = *options.xColumn;
    if (options.yColumn) ro.yColumn = *options.yColumn;
    // Spreadsheets: the first row is the header even when every cell is text
    // (GDAL 3.6 reads this as a configuration option, not an open option).
    std::vector<std::unique_ptr<CPLConfigOptionSetter>> settings;
    if (ext == ".xlsx" || ext == ".ods") {
        const std::string driver = ext == ".xlsx" ? "XLSX" : "ODS";
        settings.push_back(std::make_unique<CPLConfigOptionSetter>(("OGR_" + driver + "_HEADERS").c_str(), "FORCE", false));
    }

    if (ext == ".shp") checkShapefileParts(file);
    geo::VectorReader reader(file, ro);
    s.driver_ = reader.driverName();
    if (s.driver_ == "ESRI Shapefile")
        if (const auto dbf = dbfOf(file)) checkDbf(*dbf);
    if (s.driver_ == "CSV") checkCsv(file);
    s.table_ = s.driver_ == "CSV" || s.driver_ == "XLSX" || s.driver_ == "ODS" || s.driver_ == "XLS";
    std::optional<geo::VectorLayer> layer;
    if (options.layerName) {
        layer.emplace(reader.layer(*options.layerName));
    } else {
        if (reader.layerCount() == 0) throw io::ImportError(file.string() + ": the file holds no layer");
        // QGIS's style table of a GeoPackage (planmap writes one too) is not data.
        std::vector<std::string> data;
        for (const auto& n : reader.layerNames())
            if (!(s.driver_ == "GPKG" && n == "layer_styles")) data.push_back(n);
        if (data.size() > 1 && !s.table_) {
            std::string names;
            for (const auto& n : data) names += (names.empty() ? "\"" : ", \"") + n + "\"";
            throw io::ImportError(file.string() + ": the file holds several layers (" + names
                                  + "); say which one with --source-layer NAME");
        }
        layer.emplace(data.empty() ? reader.layer(0) : reader.layer(data.front()));
    }
    s.layerName_ = layer->name();
    s.crs_ = layer->crs();
    s.geometryType_ = layer->geometryType();
    s.xy_ = layer->coordinateColumns();
    s.fields_ = layer->fields();

    const std::int64_t total = options.onRow ? layer->featureCount() : 0;
    geo::Feature f;
    while (layer->next(f)) {
        s.rows_.push_back(f);
        if (options.onRow && (s.rows_.size() % 256 == 0)) options.onRow(static_cast<std::int64_t>(s.rows_.size()), total);
    }
    if (options.onRow) options.onRow(static_cast<std::int64_t>(s.rows_.size()), total);

    const bool shapefile = s.driver_ == "ESRI Shapefile";
    const bool rawBytes = shapefile || s.driver_ == "CSV";
    if (rawBytes) {
        s.encoding_ = decideEncoding(file, shapefile, s.rows_, options.encoding);
    } else {
        s.encoding_.basis = EncodingBasis::UnicodeFormat;
        s.encoding_.reasons.push_back("the " + s.driver_ + " format stores Unicode text");
        if (options.encoding && lowerAscii(trimmed(*options.encoding)) != "auto")
            s.encoding_.warnings.push_back("--encoding is ignored: the " + s.driver_ + " format stores Unicode text");
    }
    const geo::TextEncoding encoding = s.encoding_.encoding;
    std::size_t replaced = 0;
    for (geo::FieldDefinition& field : s.fields_) field.name = decodeText(field.name, encoding, replaced);
    for (geo::Feature& row : s.rows_)
        for (geo::FieldValue& v : row.values)
            if (auto* text = std::get_if<std::string>(&v)) *text = decodeText(*text, encoding, replaced);
    if (s.xy_) {
        s.xy_->first = decodeText(s.xy_->first, encoding, replaced);
        s.xy_->second = decodeText(s.xy_->second, encoding, replaced);
    }
    s.encoding_.replacedBytes = replaced;
    if (replaced > 0)
        s.encoding_.warnings.push_back(std::to_string(replaced) + " byte(s) of text are not valid "
                                       + std::string(geo::encodingDisplayName(encoding))
                                       + " and became the replacement character \xEF\xBF\xBD");
    return s;
}

bool SourceData::hasGeometry() const
{
    return std::any_of(rows_.begin(), rows_.end(), [](const geo::Feature& f) { return f.geometry && !f.geometry->isEmpty(); });
}

std::string SourceData::rowLabel(std::int64_t featureRow) const
{
    return table_ ? "row " + std::to_string(featureRow + 1) : "feature " + std::to_string(featureRow);
}

std::string SourceData::where(std::int64_t featureRow, std::string_view column) const
{
    std::string text = file_.string() + ", " + rowLabel(featureRow);
    if (!column.empty()) text += ", column \"" + std::string(column) + "\"";
    return text;
}

int findColumn(const std::vector<std::string>& names, std::string_view name)
{
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == name) return static_cast<int>(i);
    const std::string wanted = lowerAscii(trimmed(name));
    for (std::size_t i = 0; i < names.size(); ++i)
        if (lowerAscii(trimmed(names[i])) == wanted) return static_cast<int>(i);
    const std::string key = searchKey(name);
    if (key.empty()) return -1;
    for (std::size_t i = 0; i < names.size(); ++i)
        if (searchKey(names[i]) == key) return static_cast<int>(i);
    return -1;
}

int SourceData::column(std::string_view name) const
{
    std::vector<std::string> names;
    names.reserve(fields_.size());
    for (const auto& f : fields_) names.push_back(f.name);
    return findColumn(names, name);
}

std::string SourceData::columnList() const
{
    std::string text;
    for (const auto& f : fields_) text += (text.empty() ? "\"" : ", \"") + f.name + "\"";
    return text.empty() ? "(none)" : text;
}

} // namespace planmap::layers::importer
