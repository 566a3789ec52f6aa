#include "planmap/layers/progress/Import.h"

#include "planmap/geo/VectorReader.h"
#include "planmap/layers/progress/UnitLookup.h"
#include "planmap/layers/store/ProjectStore.h"
#include "planmap/layers/text/SearchKey.h"
#include "progress/EntryChecks.h"
#include "progress/TextSupport.h"
#include "store/SqlSupport.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

namespace planmap::layers::progress {

using detail::numberPlain;
using detail::trim;

// ---------------------------------------------------------------------------------------------
// The mapping

namespace {

struct MappingField {
    const char* key;
    std::optional<std::string> ImportMapping::*member;
    bool column;
};

const MappingField kFields[] = {
    {"sheet", &ImportMapping::sheet, false},
    {"indicator", &ImportMapping::indicatorColumn, true},
    {"unit", &ImportMapping::unitColumn, true},
    {"value", &ImportMapping::valueColumn, true},
    {"numerator", &ImportMapping::numeratorColumn, true},
    {"denominator", &ImportMapping::denominatorColumn, true},
    {"date", &ImportMapping::dateColumn, true},
    {"source", &ImportMapping::sourceColumn, true},
    {"note", &ImportMapping::noteColumn, true},
    {"const-indicator", &ImportMapping::indicator, false},
    {"const-unit", &ImportMapping::unit, false},
    {"const-source", &ImportMapping::source, false},
    {"district", &ImportMapping::district, false},
    {"generation", &ImportMapping::generation, false},
};

/// Splits "a=b,c=\"d,e\"" into pairs.
std::vector<std::pair<std::string, std::string>> splitAssignments(std::string_view text)
{
    std::vector<std::pair<std::string, std::string>> out;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t eq = text.find('=', i);
        if (eq == std::string_view::npos)
            throw InvalidDataError("mapping: '" + std::string(text.substr(i)) + "' is not field=value");
        std::string key = trim(text.substr(i, eq - i));
        std::string value;
        std::size_t j = eq + 1;
        while (j < text.size() && text[j] == ' ') ++j;
        if (j < text.size() && text[j] == '"') {
            ++j;
            while (j < text.size()) {
                if (text[j] == '"') {
                    if (j + 1 < text.size() && text[j + 1] == '"') {
                        value += '"';
                        j += 2;
                        continue;
                    }
                    ++j;
                    break;
                }
                value += text[j++];
            }
            while (j < text.size() && text[j] != ',') {
                if (text[j] != ' ') throw InvalidDataError("mapping: text after the closing quote of '" + key + "'");
                ++j;
            }
        } else {
            const std::size_t comma = text.find(',', j);
            const std::size_t end = comma == std::string_view::npos ? text.size() : comma;
            value = trim(text.substr(j, end - j));
            j = end;
        }
        out.emplace_back(std::move(key), std::move(value));
        i = j < text.size() ? j + 1 : j;
    }
    return out;
}

std::string quoted(const std::string& value)
{
    if (value.find_first_of(",\"=") == std::string::npos && trim(value) == value) return value;
    std::string out = "\"";
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

} // namespace

void ImportMapping::applyAssignments(std::string_view text)
{
    for (auto& [key, value] : splitAssignments(text)) {
        if (key == "as-of" || key == "const-date") {
            const auto date = detail::parseDate(value);
            if (!date) throw InvalidDataError("mapping: as-of '" + value + "' is not a date (YYYY-MM-DD)");
            asOf = *date;
            continue;
        }
        if (key == "illustrative") {
            illustrative = value == "1" || value == "yes" || value == "true";
            continue;
        }
        bool known = false;
        for (const auto& f : kFields) {
            if (key != f.key) continue;
            known = true;
            if (value.empty()) this->*f.member = std::nullopt;
            else this->*f.member = value;
        }
        if (!known) {
            std::string list;
            for (const auto& f : kFields) list += std::string(list.empty() ? "" : ", ") + f.key;
            throw InvalidDataError("mapping: unknown field '" + key + "' (known: " + list + ", as-of, illustrative)");
        }
        if (key == "generation" && generation) UnitLookup::generationKey(*generation);
    }
}

std::string ImportMapping::signature() const
{
    std::string out;
    for (const auto& f : kFields)
        if (const auto& v = this->*f.member) out += std::string(out.empty() ? "" : ",") + f.key + "=" + quoted(*v);
    if (asOf) out += std::string(out.empty() ? "" : ",") + "as-of=" + toIsoDate(*asOf);
    if (illustrative) out += std::string(out.empty() ? "" : ",") + "illustrative=1";
    return out;
}

std::string ImportMapping::toJson() const
{
    QJsonObject o;
    o.insert("name", QString::fromStdString(name));
    for (const auto& f : kFields)
        if (const auto& v = this->*f.member) o.insert(f.key, QString::fromStdString(*v));
    if (asOf) o.insert("as-of", QString::fromStdString(toIsoDate(*asOf)));
    o.insert("illustrative", illustrative);
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

ImportMapping ImportMapping::fromJson(std::string_view json)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(json.data(), static_cast<qsizetype>(json.size())), &error);
    if (!doc.isObject()) throw InvalidDataError("mapping: not a JSON object (" + error.errorString().toStdString() + ")");
    const QJsonObject o = doc.object();
    ImportMapping m;
    m.name = o.value("name").toString().toStdString();
    for (const auto& f : kFields)
        if (o.contains(f.key)) m.*f.member = o.value(f.key).toString().toStdString();
    if (o.contains("as-of")) {
        const auto text = o.value("as-of").toString().toStdString();
        const auto date = tryParseIsoDate(text);
        if (!date) throw InvalidDataError("mapping: as-of '" + text + "' is not a date");
        m.asOf = *date;
    }
    m.illustrative = o.value("illustrative").toBool(false);
    return m;
}

const std::vector<std::string>& defaultHeaders(std::string_view field)
{
    static const std::map<std::string, std::vector<std::string>, std::less<>> headers{
        {"indicator", {"Mã chỉ tiêu", "Chỉ tiêu", "Tên chỉ tiêu", "Nội dung chỉ tiêu", "Nội dung", "indicator_code",
                       "indicator", "code"}},
        {"unit", {"Mã đơn vị", "Mã xã", "Mã huyện", "Đơn vị hành chính", "Tên đơn vị", "Xã, phường, thị trấn", "Tên xã",
                  "Xã", "Địa bàn", "unit_code", "unit"}},
        {"value", {"Lũy kế thực hiện", "Lũy kế", "Thực hiện", "Kết quả thực hiện", "Kết quả", "value", "achieved"}},
        {"numerator", {"Tử số", "numerator"}},
        {"denominator", {"Mẫu số", "denominator"}},
        {"date", {"Ngày số liệu", "Thời điểm", "Ngày", "as_of", "date"}},
        {"source", {"Nguồn số liệu", "Nguồn", "Văn bản", "source", "source_document"}},
        {"note", {"Ghi chú", "note"}},
    };
    static const std::vector<std::string> none;
    const auto it = headers.find(field);
    return it == headers.end() ? none : it->second;
}

// ---------------------------------------------------------------------------------------------
// Saved mappings

void ImportMappings::save(const ImportMapping& mapping)
{
    if (trim(mapping.name).empty()) throw InvalidDataError("a saved mapping needs a name");
    Transaction transaction(connection_);
    const std::string now = toIsoTimestamp(nowUtc());
    auto s = connection_.cached(
        "INSERT INTO progress_import_mappings (name, definition, created_at, updated_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (name) DO UPDATE SET definition = excluded.definition, updated_at = excluded.updated_at");
    s->bindText(1, mapping.name);
    s->bindText(2, mapping.toJson());
    s->bindText(3, now);
    s->bindText(4, now);
    s->run();
    transaction.commit();
}

std::optional<ImportMapping> ImportMappings::get(std::string_view name)
{
    auto s = connection_.cached("SELECT definition FROM progress_import_mappings WHERE name = ?");
    s->bindText(1, name);
    if (!s->step()) return std::nullopt;
    ImportMapping m = ImportMapping::fromJson(s->columnText(0));
    m.name = std::string(name);
    return m;
}

std::vector<ImportMapping> ImportMappings::list()
{
    auto s = connection_.cached("SELECT name, definition FROM progress_import_mappings ORDER BY name");
    std::vector<ImportMapping> out;
    while (s->step()) {
        ImportMapping m = ImportMapping::fromJson(s->columnText(1));
        m.name = s->columnText(0);
        out.push_back(std::move(m));
    }
    return out;
}

bool ImportMappings::remove(std::string_view name)
{
    Transaction transaction(connection_);
    auto s = connection_.cached("DELETE FROM progress_import_mappings WHERE name = ? RETURNING name");
    s->bindText(1, name);
    const bool found = s->step();
    s->reset();
    transaction.commit();
    return found;
}

// ---------------------------------------------------------------------------------------------
// Issues and previews

namespace {

ImportIssue newIssue(IssueSeverity severity, IssueKind kind, std::string sheet, std::int64_t row, std::string column,
                     std::string message)
{
    ImportIssue i;
    i.severity = severity;
    i.kind = kind;
    i.sheet = std::move(sheet);
    i.row = row;
    i.column = std::move(column);
    i.message = std::move(message);
    return i;
}

} // namespace

std::string ImportIssue::text() const
{
    std::string out;
    if (!sheet.empty()) out += "sheet '" + sheet + "'";
    if (row > 0) out += (out.empty() ? "" : ", ") + std::string("row ") + std::to_string(row);
    if (!column.empty()) out += (out.empty() ? "" : ", ") + std::string("column ") + column;
    return out.empty() ? message : out + ": " + message;
}

bool ImportPreview::hasErrors() const { return count(IssueSeverity::Error) > 0; }

std::size_t ImportPreview::count(PlannedAction action) const
{
    return static_cast<std::size_t>(std::count_if(rows.begin(), rows.end(), [&](const PlannedRow& r) { return r.action == action; }));
}

std::size_t ImportPreview::count(IssueSeverity severity) const
{
    return static_cast<std::size_t>(
        std::count_if(issues.begin(), issues.end(), [&](const ImportIssue& i) { return i.severity == severity; }));
}

// ---------------------------------------------------------------------------------------------
// Reading

namespace {

struct Grid {
    std::string sheet;
    std::vector<std::int64_t> rowNumbers;
    std::vector<std::vector<std::string>> cells;
    std::size_t width = 0;
    bool typedCells = false; ///< XLSX/ODS: numbers come as GDAL writes them ('.' decimal, no grouping)

    const std::string& cell(std::size_t row, int column) const
    {
        static const std::string empty;
        const auto& r = cells[row];
        return column >= 0 && static_cast<std::size_t>(column) < r.size() ? r[static_cast<std::size_t>(column)] : empty;
    }
};

std::string lowerExtension(const std::filesystem::path& file)
{
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

Grid readGrid(const std::filesystem::path& file, const std::optional<std::string>& sheet,
              std::size_t maxRows = std::numeric_limits<std::size_t>::max())
{
    geo::ReaderOptions options;
    options.autoDetectGeometryColumns = false;
    options.inferCsvTypes = false;
    const std::string ext = lowerExtension(file);
    Grid grid;
    if (ext == ".xlsx" || ext == ".ods") {
        options.openOptions = {"HEADERS=DISABLE", "FIELD_TYPES=STRING"};
        grid.typedCells = true;
    } else if (ext == ".csv" || ext == ".txt") {
        options.openOptions = {"HEADERS=NO"};
    }
    geo::VectorReader reader(file, options);
    geo::VectorLayer layer = sheet ? reader.layer(*sheet) : reader.layer(0);
    grid.sheet = layer.name();
    geo::Feature feature;
    while (grid.cells.size() < maxRows && layer.next(feature)) {
        std::vector<std::string> row;
        row.reserve(feature.values.size());
        for (const auto& v : feature.values) row.push_back(trim(geo::toString(v)));
        while (!row.empty() && row.back().empty()) row.pop_back();
        grid.width = std::max(grid.width, row.size());
        grid.rowNumbers.push_back(feature.fid >= 1 ? feature.fid : feature.row);
        grid.cells.push_back(std::move(row));
    }
    return grid;
}

std::string columnLetters(int index)
{
    std::string s;
    for (int i = index + 1; i > 0; i = (i - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (i - 1) % 26));
    return s;
}

std::optional<int> columnFromLetters(std::string_view text)
{
    if (text.empty() || text.size() > 3) return std::nullopt;
    int index = 0;
    for (char c : text) {
        if (c < 'A' || c > 'Z') return std::nullopt;
        index = index * 26 + (c - 'A' + 1);
    }
    return index - 1;
}

bool hasLetter(std::string_view key)
{
    return std::any_of(key.begin(), key.end(), [](char c) { return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80; });
}

/// "1. Foo", "a) Foo", "- Foo", "1.2. Foo" → "Foo" (the key).
std::string withoutNumbering(const std::string& key)
{
    std::size_t i = 0;
    while (i < key.size() && ((key[i] >= '0' && key[i] <= '9') || key[i] == '.')) ++i;
    if (i > 0 && i < key.size() && (key[i] == ')' || key[i] == ' ' || key[i - 1] == '.')) {
        if (key[i] == ')') ++i;
        while (i < key.size() && key[i] == ' ') ++i;
        return key.substr(i);
    }
    if (key.size() > 3 && key[0] >= 'a' && key[0] <= 'z' && (key[1] == ')' || key[1] == '.') && key[2] == ' ')
        return key.substr(3);
    if (key.size() > 2 && (key[0] == '-' || key[0] == '+' || key[0] == '*') && key[1] == ' ') return key.substr(2);
    return key;
}

bool isTotalsMarker(std::string key)
{
    while (!key.empty() && (key.back() == ':' || key.back() == '.' || key.back() == ' ')) key.pop_back();
    static const std::set<std::string> markers{
        "tong", "tong cong", "tong so", "cong", "toan huyen", "toan tinh", "toan xa", "tong cong toan huyen",
        "tong cong toan tinh", "tong toan huyen", "tong toan tinh", "cong toan huyen", "tong cong chung", "total"};
    return markers.contains(key);
}

bool isNumberingCell(std::string_view text)
{
    // "(1)", "(6)=(5)/(4)", "6=5/4"
    if (text.empty()) return true;
    if (text[0] == '(') return text.size() > 1 && text[1] >= '0' && text[1] <= '9';
    return std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= '0' && c <= '9') || c == '=' || c == '/' || c == '*' || c == 'x' || c == '+' || c == '-' || c == ' '
            || c == '(' || c == ')';
    });
}

struct Columns {
    int indicator = -1, unit = -1, value = -1, numerator = -1, denominator = -1, date = -1, source = -1, note = -1;
};

/// Finds the columns of the mapped fields in the first rows of the grid.
struct HeaderResult {
    Columns columns;
    std::size_t firstDataRow = 0; ///< index into the grid
    std::vector<std::pair<std::string, std::string>> described;
    std::vector<std::string> headerNames; ///< per column, joined header text
};

HeaderResult findHeader(const Grid& grid, ImportMapping& mapping, std::vector<ImportIssue>& issues)
{
    constexpr std::size_t kScanRows = 40;
    const std::size_t scan = std::min(grid.cells.size(), kScanRows);
    HeaderResult result;
    // Keys of the first rows' cells.
    std::vector<std::vector<std::string>> keys(scan);
    for (std::size_t r = 0; r < scan; ++r)
        for (const auto& cell : grid.cells[r]) keys[r].push_back(searchKey(cell));

    struct Found {
        int column = -1;
        std::optional<std::size_t> row;
        std::vector<std::string> columns; ///< several columns carry the header
    };
    auto find = [&](const std::string& spec, std::string& error) -> Found {
        const std::string key = searchKey(spec);
        std::vector<std::pair<std::size_t, int>> hits;
        for (std::size_t r = 0; r < scan; ++r)
            for (std::size_t c = 0; c < keys[r].size(); ++c)
                if (!key.empty() && keys[r][c] == key) hits.emplace_back(r, static_cast<int>(c));
        std::set<int> columns;
        for (const auto& h : hits) columns.insert(h.second);
        if (columns.size() == 1) {
            std::size_t row = 0;
            for (const auto& h : hits) row = std::max(row, h.first);
            return {hits.front().second, row, {}};
        }
        if (columns.size() > 1) {
            Found several;
            std::string list;
            for (int c : columns) {
                list += (list.empty() ? "" : ", ") + columnLetters(c);
                several.columns.push_back(columnLetters(c));
            }
            error = "the header '" + spec + "' appears in columns " + list + "; map the column by its letter";
            return several;
        }
        if (auto letters = columnFromLetters(trim(spec))) return {*letters, std::nullopt, {}};
        return {};
    };

    struct Field {
        const char* name;
        std::optional<std::string> ImportMapping::*member;
        int Columns::*column;
    };
    const Field fields[] = {
        {"indicator", &ImportMapping::indicatorColumn, &Columns::indicator},
        {"unit", &ImportMapping::unitColumn, &Columns::unit},
        {"value", &ImportMapping::valueColumn, &Columns::value},
        {"numerator", &ImportMapping::numeratorColumn, &Columns::numerator},
        {"denominator", &ImportMapping::denominatorColumn, &Columns::denominator},
        {"date", &ImportMapping::dateColumn, &Columns::date},
        {"source", &ImportMapping::sourceColumn, &Columns::source},
        {"note", &ImportMapping::noteColumn, &Columns::note},
    };
    std::optional<std::size_t> lastHeaderRow;
    auto headerText = [&](int column) {
        std::string text;
        // Without a header found, the first row with any text stands for it.
        std::size_t last = 0;
        if (lastHeaderRow) {
            last = *lastHeaderRow;
        } else {
            while (last + 1 < scan && std::all_of(grid.cells[last].begin(), grid.cells[last].end(),
                                                  [](const std::string& c) { return c.empty(); }))
                ++last;
        }
        for (std::size_t r = 0; r < scan && r <= last; ++r) {
            const std::string& cell = grid.cell(r, column);
            if (!cell.empty() && hasLetter(searchKey(cell))) text = text.empty() ? cell : text + " / " + cell;
        }
        return text;
    };
    // Constants replace columns: a constant indicator or unit needs no column.
    const bool needIndicatorColumn = !mapping.indicator;
    const bool needUnitColumn = !mapping.unit;
    for (const Field& f : fields) {
        std::string error;
        Found found;
        const auto& explicitSpec = mapping.*f.member;
        if (explicitSpec) {
            found = find(*explicitSpec, error);
            if (found.column < 0) {
                if (error.empty()) error = "no column with the header '" + *explicitSpec + "'";
                ImportIssue& i = issues.emplace_back(newIssue(IssueSeverity::Error, IssueKind::MissingColumn, grid.sheet, 0, "",
                                                                 "mapping of " + std::string(f.name) + ": " + error));
                i.field = f.name;
                i.cellText = *explicitSpec;
                i.candidates = found.columns;
                continue;
            }
        } else {
            const std::string name = f.name;
            if ((name == "indicator" && !needIndicatorColumn) || (name == "unit" && !needUnitColumn)
                || (name == "date" && mapping.asOf) || (name == "source" && mapping.source))
                continue;
            for (const std::string& candidate : defaultHeaders(name)) {
                std::string candidateError;
                const std::string key = searchKey(candidate);
                bool anyHit = false;
                for (std::size_t r = 0; r < scan && !anyHit; ++r)
                    anyHit = std::find(keys[r].begin(), keys[r].end(), key) != keys[r].end();
                if (!anyHit) continue;
                found = find(candidate, candidateError);
                if (found.column >= 0) {
                    mapping.*f.member = candidate;
                    break;
                }
                ImportIssue& i = issues.emplace_back(newIssue(IssueSeverity::Error, IssueKind::MissingColumn, grid.sheet,
                                                                 0, "", "column of " + name + ": " + candidateError));
                i.field = name;
                i.cellText = candidate;
                i.candidates = found.columns;
                break;
            }
            if (found.column < 0) continue;
        }
        result.columns.*f.column = found.column;
        if (found.row) lastHeaderRow = std::max(lastHeaderRow.value_or(0), *found.row);
    }
    // Header cells merged over two rows leave the rows under the matched ones
    // looking like "| | | Thực hiện | Tỷ lệ % |": text only, nothing in the
    // indicator (or unit) column. They belong to the header.
    if (lastHeaderRow) {
        const int keyColumn = result.columns.indicator >= 0 ? result.columns.indicator : result.columns.unit;
        for (int extra = 0; extra < 2 && keyColumn >= 0 && *lastHeaderRow + 1 < scan; ++extra) {
            const std::size_t next = *lastHeaderRow + 1;
            const auto& row = grid.cells[next];
            const bool anyText = std::any_of(row.begin(), row.end(), [](const std::string& c) { return !c.empty(); });
            const bool allText = std::all_of(row.begin(), row.end(), [](const std::string& c) {
                return c.empty() || (hasLetter(searchKey(c)) && !detail::parseNumber(c));
            });
            if (!anyText || !allText || !grid.cell(next, keyColumn).empty()) break;
            lastHeaderRow = next;
        }
    }
    result.firstDataRow = lastHeaderRow ? *lastHeaderRow + 1 : 0;
    for (const Field& f : fields) {
        const int c = result.columns.*f.column;
        if (c < 0) continue;
        const std::string header = headerText(c);
        result.described.emplace_back(f.name, columnLetters(c) + (header.empty() ? "" : " (" + header + ")"));
    }
    result.headerNames.resize(grid.width);
    for (std::size_t c = 0; c < grid.width; ++c) result.headerNames[c] = headerText(static_cast<int>(c));

    auto missing = [&](const std::string& what, const std::string& hint) {
        std::string seen;
        std::vector<std::string> headers;
        for (std::size_t c = 0; c < grid.width; ++c)
            if (!result.headerNames[c].empty()) {
                headers.push_back(columnLetters(static_cast<int>(c)) + " = " + result.headerNames[c]);
                seen += (seen.empty() ? "" : "; ") + headers.back();
            }
        ImportIssue& i = issues.emplace_back(newIssue(IssueSeverity::Error, IssueKind::MissingColumn, grid.sheet, 0, "",
                                                         "no " + what + " column found (" + hint + "); the header reads: "
                                                             + (seen.empty() ? "(nothing)" : seen)));
        i.field = what;
        i.candidates = std::move(headers);
    };
    if (result.columns.indicator < 0 && needIndicatorColumn && !mapping.indicatorColumn)
        missing("indicator", "map it with indicator=HEADER, or give one indicator for every row");
    if (result.columns.unit < 0 && needUnitColumn && !mapping.unitColumn)
        missing("unit", "map it with unit=HEADER, or give the unit of the report (e.g. the district code)");
    if (result.columns.value < 0 && result.columns.numerator < 0 && !mapping.valueColumn && !mapping.numeratorColumn)
        missing("value", "map it with value=HEADER");
    if (result.columns.date < 0 && !mapping.asOf && !mapping.dateColumn)
        missing("date", "map it with date=HEADER, or give the report's as-of date");
    return result;
}

// ---------------------------------------------------------------------------------------------
// Matching indicators

struct IndicatorIndex {
    struct Entry {
        std::int64_t id;
        std::string code;
        std::string key;
        IndicatorSpec spec;
    };
    std::vector<Entry> indicators;
    std::unordered_map<std::string, std::size_t> byCode;      ///< upper-case code
    std::unordered_map<std::string, std::vector<std::size_t>> byKey;
    std::unordered_map<std::string, std::string> otherNodes;  ///< key / code of non-indicator nodes → code

    explicit IndicatorIndex(Connection& c)
    {
        auto s = c.prepare("SELECT n.id, n.code, n.name, n.level, i.unit_of_measure, i.year, i.target_value, "
                           "i.target_numerator, i.target_denominator, i.aggregation FROM plan_nodes n "
                           "LEFT JOIN indicators i ON i.node_id = n.id ORDER BY n.id");
        while (s->step()) {
            std::string code = s->columnText(1);
            std::string upper = code;
            std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
            const std::string key = searchKey(s->columnText(2));
            if (s->isNull(9)) {
                otherNodes.emplace(key, code);
                otherNodes.emplace(searchKey(code), code);
                continue;
            }
            Entry e{s->columnInt(0), code, key, {}};
            e.spec.unitOfMeasure = s->optionalText(4);
            if (auto y = s->optionalInt(5)) e.spec.year = static_cast<int>(*y);
            e.spec.targetValue = s->optionalDouble(6);
            e.spec.targetNumerator = s->optionalDouble(7);
            e.spec.targetDenominator = s->optionalDouble(8);
            e.spec.aggregation = parseAggregation(s->columnText(9)).value_or(Aggregation::None);
            byCode.emplace(upper, indicators.size());
            byKey[key].push_back(indicators.size());
            indicators.push_back(std::move(e));
        }
    }

    struct Match {
        const Entry* entry = nullptr;
        std::optional<std::string> heading; ///< the text names a node that is not an indicator
        std::optional<std::string> warning;
        std::optional<std::string> error;
        IssueKind kind = IssueKind::Other;
        std::vector<std::string> candidates; ///< ambiguous: the codes it could be
    };

    Match match(const std::string& text) const
    {
        Match m;
        std::string upper = trim(text);
        std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
        if (auto it = byCode.find(upper); it != byCode.end()) {
            m.entry = &indicators[it->second];
            return m;
        }
        const std::string full = searchKey(text);
        const std::string key = withoutNumbering(full);
        for (const std::string& k : {full, key}) {
            if (auto it = byKey.find(k); it != byKey.end()) {
                if (it->second.size() == 1) {
                    m.entry = &indicators[it->second.front()];
                    return m;
                }
                std::string list;
                for (std::size_t i : it->second) {
                    list += (list.empty() ? "" : ", ") + indicators[i].code;
                    m.candidates.push_back(indicators[i].code);
                }
                m.error = "indicator name '" + text + "' is ambiguous: " + list + "; use the code";
                m.kind = IssueKind::AmbiguousIndicator;
                return m;
            }
        }
        for (const std::string& k : {full, key})
            if (auto it = otherNodes.find(k); it != otherNodes.end()) {
                m.heading = it->second;
                return m;
            }
        // A unique partial match: one name contains the other (long enough to mean something).
        std::vector<const Entry*> partial;
        if (key.size() >= 12)
            for (const Entry& e : indicators)
                if (e.key.size() >= 12 && (e.key.find(key) != std::string::npos || key.find(e.key) != std::string::npos))
                    partial.push_back(&e);
        if (partial.size() == 1) {
            m.entry = partial.front();
            m.warning = "'" + text + "' matched indicator " + m.entry->code + " by a partial name; check it";
            m.kind = IssueKind::PartialMatch;
            return m;
        }
        m.kind = partial.empty() ? IssueKind::UnknownIndicator : IssueKind::AmbiguousIndicator;
        if (partial.empty()) {
            m.error = "unknown indicator '" + text + "' (no indicator has this code or name)";
        } else {
            std::string list;
            for (const Entry* e : partial) {
                list += (list.empty() ? "" : ", ") + e->code;
                m.candidates.push_back(e->code);
            }
            m.error = "indicator '" + text + "' matches several indicators (" + list + "); use the code";
        }
        return m;
    }
};

// ---------------------------------------------------------------------------------------------
// The entries in force, by natural key

/// Days since 1970-01-01 (dates compare and hash as integers, without text).
int dayNumber(Date d) { return static_cast<int>(std::chrono::sys_days(d).time_since_epoch().count()); }

struct NaturalKey {
    std::int64_t indicator, unit;
    int day;
    bool operator==(const NaturalKey&) const = default;
};
struct NaturalKeyHash {
    std::size_t operator()(const NaturalKey& k) const
    {
        return std::hash<std::int64_t>()((k.indicator * 1000003 + k.unit) * 100003 + k.day);
    }
};
struct InForce {
    std::int64_t id = 0;
    std::optional<double> value, numerator, denominator;
    std::string enteredAt;
};

std::unordered_map<NaturalKey, InForce, NaturalKeyHash> entriesInForce(Connection& c, const std::set<std::int64_t>& indicators)
{
    std::unordered_map<NaturalKey, InForce, NaturalKeyHash> map;
    auto s = c.cached("SELECT p.id, p.unit_id, p.as_of, p.value, p.numerator, p.denominator, p.entered_at "
                      "FROM progress_entries p WHERE p.indicator_id = ? AND p.unit_id IS NOT NULL AND p.retraction = 0 "
                      "AND NOT EXISTS (SELECT 1 FROM progress_entries s WHERE s.supersedes_id = p.id)");
    for (std::int64_t indicator : indicators) {
        s->bindInt(1, indicator);
        while (s->step()) {
            const auto asOf = tryParseIsoDate(s->columnText(2));
            if (!asOf) continue; // the schema keeps as_of a date
            NaturalKey key{indicator, s->columnInt(1), dayNumber(*asOf)};
            InForce e{s->columnInt(0), s->optionalDouble(3), s->optionalDouble(4), s->optionalDouble(5), s->columnText(6)};
            auto it = map.find(key);
            if (it == map.end()) map.emplace(std::move(key), std::move(e));
            else if (std::tie(e.enteredAt, e.id) > std::tie(it->second.enteredAt, it->second.id)) it->second = std::move(e);
        }
        s->reset();
    }
    return map;
}

bool sameNumber(const std::optional<double>& a, const std::optional<double>& b)
{
    if (!a || !b) return a.has_value() == b.has_value();
    return std::fabs(*a - *b) <= 1e-9 * std::max({1.0, std::fabs(*a), std::fabs(*b)});
}

struct Decision {
    PlannedAction action = PlannedAction::Append;
    std::optional<std::int64_t> existingEntryId;
    std::optional<double> existingValue;
};

/// What to do with each row given the entries in force now.
std::vector<Decision> decide(Connection& c, const std::vector<PlannedRow>& rows)
{
    std::set<std::int64_t> indicators;
    for (const auto& r : rows) indicators.insert(r.indicatorId);
    const auto inForce = entriesInForce(c, indicators);
    std::vector<Decision> out(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const PlannedRow& r = rows[i];
        const auto it = inForce.find(NaturalKey{r.indicatorId, r.unitId, dayNumber(r.asOf)});
        if (it == inForce.end()) continue;
        const InForce& e = it->second;
        Decision& d = out[i];
        d.existingEntryId = e.id;
        d.existingValue = e.numerator && e.denominator && !e.value ? std::optional(100.0 * *e.numerator / *e.denominator) : e.value;
        const bool same = sameNumber(e.value, r.value) && sameNumber(e.numerator, r.numerator)
            && sameNumber(e.denominator, r.denominator);
        d.action = same ? PlannedAction::Unchanged : PlannedAction::Correct;
    }
    return out;
}

void decideActions(Connection& c, std::vector<PlannedRow>& rows)
{
    const std::vector<Decision> decisions = decide(c, rows);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        rows[i].action = decisions[i].action;
        rows[i].existingEntryId = decisions[i].existingEntryId;
        rows[i].existingValue = decisions[i].existingValue;
    }
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Preview

ImportPreview ProgressImporter::preview(const std::filesystem::path& file, const ImportMapping& mappingIn)
{
    ImportPreview preview;
    preview.file = file;
    preview.mapping = mappingIn;
    ImportMapping& mapping = preview.mapping;
    auto& issues = preview.issues;
    Grid grid;
    try {
        preview.sha256 = ImportBatches::sha256OfFile(file);
        grid = readGrid(file, mapping.sheet);
    } catch (const std::exception& e) {
        issues.push_back(newIssue(IssueSeverity::Error, IssueKind::CannotRead, mapping.sheet.value_or(""), 0, "", e.what()));
        issues.back().cellText = file.filename().string();
        return preview;
    }
    preview.sheet = grid.sheet;
    for (const ImportBatch& b : store_.imports().findBySha256(preview.sha256))
        if (b.kind == "progress" && b.status == ImportStatus::Completed) preview.earlierBatches.push_back(b.id);

    HeaderResult header = findHeader(grid, mapping, issues);
    preview.columns = header.described;
    for (std::size_t c = 0; c < header.headerNames.size(); ++c) {
        const std::string& h = header.headerNames[c];
        preview.headers.push_back(columnLetters(static_cast<int>(c)) + (h.empty() ? "" : " (" + h + ")"));
    }
    if (header.firstDataRow < grid.rowNumbers.size()) preview.firstDataRow = grid.rowNumbers[header.firstDataRow];
    if (preview.hasErrors()) return preview;
    const Columns& col = header.columns;
    auto fieldOf = [&col = header.columns](int c) -> std::string {
        if (c < 0) return {};
        const std::pair<int, const char*> fields[] = {{col.indicator, "indicator"}, {col.unit, "unit"}, {col.value, "value"},
                                                      {col.numerator, "numerator"}, {col.denominator, "denominator"},
                                                      {col.date, "date"}, {col.source, "source"}, {col.note, "note"}};
        for (const auto& [column, name] : fields)
            if (column == c) return name;
        return {};
    };
    auto columnName = [&](int c) {
        if (c < 0) return std::string();
        const std::string& h = header.headerNames[static_cast<std::size_t>(c)];
        return columnLetters(c) + (h.empty() ? "" : " (" + h + ")");
    };

    Connection& connection = store_.connection();
    const IndicatorIndex indicators(connection);
    const UnitLookup units(store_.units());
    std::optional<std::int64_t> scope;
    if (mapping.district) {
        try {
            scope = units.resolve(*mapping.district, makeDate(2025, 6, 30), std::string(kGenerationPre2025), std::nullopt,
                                  UnitLevel::District).id;
        } catch (const std::exception& e) {
            issues.push_back(newIssue(IssueSeverity::Error, IssueKind::UnknownUnit, grid.sheet, 0, "", std::string("district: ") + e.what()));
            issues.back().field = "district";
            issues.back().cellText = *mapping.district;
            return preview;
        }
    }
    const IndicatorIndex::Entry* constantIndicator = nullptr;
    if (mapping.indicator) {
        const auto m = indicators.match(*mapping.indicator);
        if (!m.entry) {
            issues.push_back(newIssue(IssueSeverity::Error, m.entry || m.heading ? IssueKind::UnknownIndicator : m.kind, grid.sheet, 0, "",
                              m.error.value_or("'" + *mapping.indicator + "' is not an indicator")));
            issues.back().field = "indicator";
            issues.back().cellText = *mapping.indicator;
            issues.back().candidates = m.candidates;
            return preview;
        }
        constantIndicator = m.entry;
    }
    std::unordered_map<std::int64_t, std::unordered_map<std::int64_t, std::optional<double>>> targets; // indicator → unit → target
    {
        auto s = connection.prepare("SELECT indicator_id, unit_id, target_value, target_numerator, target_denominator FROM indicator_allocations");
        while (s->step()) {
            Allocation a;
            a.targetValue = s->optionalDouble(2);
            a.targetNumerator = s->optionalDouble(3);
            a.targetDenominator = s->optionalDouble(4);
            targets[s->columnInt(0)][s->columnInt(1)] = detail::comparableTarget({}, a, false);
        }
    }
    auto targetOf = [&](const IndicatorIndex::Entry& ind, const AdminUnit& unit) -> std::optional<double> {
        if (auto it = targets.find(ind.id); it != targets.end())
            if (auto u = it->second.find(unit.id); u != it->second.end() && u->second) return u->second;
        return detail::comparableTarget(ind.spec, std::nullopt, unit.level == UnitLevel::Province);
    };

    std::unordered_map<std::string, IndicatorIndex::Match> indicatorCache;
    std::unordered_map<std::string, std::pair<const AdminUnit*, std::string>> unitCache;
    std::unordered_map<NaturalKey, std::size_t, NaturalKeyHash> seen; // → index in preview.rows
    const std::string& sheet = grid.sheet;

    for (std::size_t r = header.firstDataRow; r < grid.cells.size(); ++r) {
        const std::int64_t rowNumber = grid.rowNumbers[r];
        const auto& cells = grid.cells[r];
        auto cell = [&](int c) -> const std::string& { return grid.cell(r, c); };
        std::string rowIndicator, rowUnit; // known so far, for the issues
        auto issue = [&](IssueSeverity severity, IssueKind kind, int c, std::string message) -> ImportIssue& {
            ImportIssue& i = issues.emplace_back(newIssue(severity, kind, sheet, rowNumber, columnName(c), std::move(message)));
            i.field = fieldOf(c);
            i.indicatorCode = rowIndicator;
            i.unitName = rowUnit;
            return i;
        };
        auto skip = [&](SkipReason reason, std::string why, const std::string& text = {}) {
            ImportIssue& i = issue(IssueSeverity::Info, IssueKind::SkippedRow, -1, "skipped: " + why);
            i.skip = reason;
            i.cellText = text;
        };

        const bool blank = std::all_of(cells.begin(), cells.end(), [](const std::string& s) { return s.empty(); });
        if (blank) continue;
        if (std::all_of(cells.begin(), cells.end(), [](const std::string& s) { return isNumberingCell(s); })
            && (col.indicator < 0 || !hasLetter(searchKey(cell(col.indicator))))) {
            skip(SkipReason::ColumnNumbers, "column-number row");
            continue;
        }
        if (std::any_of(cells.begin(), cells.end(), [](const std::string& s) { return isTotalsMarker(searchKey(s)); })) {
            skip(SkipReason::Totals, "totals row (totals are recomputed from their parts)");
            continue;
        }
        const std::string& valueText = cell(col.value);
        const std::string& numText = cell(col.numerator);
        const std::string& denText = cell(col.denominator);
        const std::string indicatorText = col.indicator >= 0 ? cell(col.indicator) : std::string();
        if (valueText.empty() && numText.empty() && denText.empty()) {
            skip(SkipReason::NoValue, indicatorText.empty() ? "no value" : "no value (heading or nothing reported): '" + indicatorText + "'",
                 indicatorText);
            continue;
        }

        // Indicator.
        const IndicatorIndex::Entry* ind = constantIndicator;
        if (!ind) {
            if (indicatorText.empty()) {
                issue(IssueSeverity::Error, IssueKind::UnknownIndicator, col.indicator, "a value without an indicator");
                continue;
            }
            auto it = indicatorCache.find(indicatorText);
            if (it == indicatorCache.end()) it = indicatorCache.emplace(indicatorText, indicators.match(indicatorText)).first;
            const auto& m = it->second;
            if (m.heading) {
                skip(SkipReason::NotAnIndicator, "'" + indicatorText + "' is plan node " + *m.heading + ", not an indicator", indicatorText);
                continue;
            }
            if (!m.entry) {
                ImportIssue& i = issue(IssueSeverity::Error, m.kind, col.indicator, *m.error);
                i.cellText = indicatorText;
                i.candidates = m.candidates;
                continue;
            }
            ind = m.entry;
            rowIndicator = ind->code;
            if (m.warning) issue(IssueSeverity::Warning, m.kind, col.indicator, *m.warning).cellText = indicatorText;
        }
        rowIndicator = ind->code;

        bool rowOk = true;
        // Date.
        Date asOf{};
        if (col.date >= 0 && !cell(col.date).empty()) {
            if (auto d = detail::parseDate(cell(col.date))) {
                asOf = *d;
            } else {
                issue(IssueSeverity::Error, IssueKind::BadDate, col.date,
                      "'" + cell(col.date) + "' is not a date (dd/mm/yyyy or yyyy-mm-dd)")
                    .cellText = cell(col.date);
                rowOk = false;
            }
        } else if (mapping.asOf) {
            asOf = *mapping.asOf;
        } else {
            issue(IssueSeverity::Error, IssueKind::MissingDate, col.date, "no as-of date").field = "date";
            rowOk = false;
        }

        // Unit.
        const AdminUnit* unit = nullptr;
        if (rowOk) {
            const std::string unitText = col.unit >= 0 && !cell(col.unit).empty() ? cell(col.unit) : mapping.unit.value_or("");
            if (unitText.empty()) {
                issue(IssueSeverity::Error, IssueKind::UnknownUnit, col.unit, "no unit").field = "unit";
                rowOk = false;
            } else {
                std::string cacheKey = unitText;
                cacheKey += '|';
                cacheKey += std::to_string(dayNumber(asOf));
                auto it = unitCache.find(cacheKey);
                if (it == unitCache.end()) {
                    std::pair<const AdminUnit*, std::string> resolved{nullptr, {}};
                    try {
                        resolved.first = &units.resolve(unitText, asOf, mapping.generation, scope);
                    } catch (const std::exception& e) {
                        resolved.second = e.what();
                    }
                    it = unitCache.emplace(cacheKey, std::move(resolved)).first;
                }
                if (!it->second.first) {
                    const bool notInForce = it->second.second.find("in force") != std::string::npos;
                    ImportIssue& i = issue(IssueSeverity::Error, notInForce ? IssueKind::UnitNotInForce : IssueKind::UnknownUnit,
                                           col.unit >= 0 && !cell(col.unit).empty() ? col.unit : -1, it->second.second);
                    i.field = "unit";
                    i.cellText = unitText;
                    i.date = asOf;
                    rowOk = false;
                } else {
                    unit = it->second.first;
                    rowUnit = unit->fullName.value_or(unit->name);
                }
            }
        }

        // Value.
        std::optional<double> value, numerator, denominator;
        auto number = [&](const std::string& text, int c, const char* what) -> std::optional<double> {
            const auto parsed = detail::parseNumber(text);
            if (!parsed) {
                issue(IssueSeverity::Error, IssueKind::NotANumber, c, "'" + text + "' is not a number (" + what + ")").cellText = text;
                return std::nullopt;
            }
            if (grid.typedCells) {
                // GDAL writes numeric cells with '.' decimals: "1.125" is 1.125, but say so.
                const auto dot = text.find('.');
                if (parsed->thousandsGuess && text.find(',') == std::string::npos && dot != std::string::npos
                    && text.find('.', dot + 1) == std::string::npos) {
                    const double asDecimal = std::strtod(text.c_str(), nullptr);
                    ImportIssue& i = issue(IssueSeverity::Warning, IssueKind::ThousandsGuess, c,
                                           "read '" + text + "' as " + numberPlain(asDecimal) + "; if it means "
                                               + numberPlain(parsed->value) + " (Vietnamese thousands dot), fix the cell");
                    i.cellText = text;
                    i.number = asDecimal;
                    i.limit = parsed->value;
                    return asDecimal;
                }
            } else if (parsed->thousandsGuess) {
                ImportIssue& i = issue(IssueSeverity::Warning, IssueKind::ThousandsGuess, c,
                                       "read '" + text + "' as " + numberPlain(parsed->value) + " (Vietnamese thousands dot)");
                i.cellText = text;
                i.number = parsed->value;
            }
            return parsed->value;
        };
        if (!valueText.empty()) {
            const auto slash = valueText.find('/');
            if (slash != std::string::npos) {
                const auto a = number(trim(valueText.substr(0, slash)), col.value, "numerator");
                const auto b = number(trim(valueText.substr(slash + 1)), col.value, "denominator");
                if (!a || !b) {
                    rowOk = false;
                } else if (ind->spec.aggregation == Aggregation::Ratio || ind->spec.aggregation == Aggregation::Percent) {
                    numerator = a;
                    denominator = b;
                    if (ind->spec.aggregation == Aggregation::Percent && *b > 0) value = 100.0 * *a / *b;
                } else {
                    issue(IssueSeverity::Error, IssueKind::RatioFormat, col.value,
                          "'" + valueText + "' is a fraction but indicator " + ind->code + " (" + std::string(toString(ind->spec.aggregation))
                              + ") takes a single number")
                        .cellText = valueText;
                    rowOk = false;
                }
            } else if (auto v = number(valueText, col.value, "value")) {
                if (ind->spec.aggregation == Aggregation::Ratio && numText.empty()) {
                    issue(IssueSeverity::Error, IssueKind::RatioFormat, col.value,
                          "indicator " + ind->code + " is a ratio (e.g. 174/181): write numerator/denominator, or map the "
                          "numerator and denominator columns")
                        .cellText = valueText;
                    rowOk = false;
                } else {
                    value = v;
                }
            } else {
                rowOk = false;
            }
        }
        if (!numText.empty() || !denText.empty()) {
            const auto a = numText.empty() ? std::nullopt : number(numText, col.numerator, "numerator");
            const auto b = denText.empty() ? std::nullopt : number(denText, col.denominator, "denominator");
            if (!a || !b) {
                if (numText.empty() || denText.empty())
                    issue(IssueSeverity::Error, IssueKind::RatioFormat, numText.empty() ? col.numerator : col.denominator,
                          "give both numerator and denominator");
                rowOk = false;
            } else {
                numerator = a;
                denominator = b;
                if (ind->spec.aggregation == Aggregation::Ratio) value.reset();
            }
        }
        if (!rowOk) continue;

        std::vector<CheckIssue> checks;
        detail::checkValue(ind->spec, {value, numerator, denominator}, targetOf(*ind, *unit), checks);
        bool checkError = false;
        for (const CheckIssue& c : checks) {
            const IssueKind kind = c.kind == CheckKind::Negative            ? IssueKind::Negative
                : c.kind == CheckKind::AboveTarget                           ? IssueKind::AboveTarget
                : c.kind == CheckKind::AbovePercent                          ? IssueKind::AbovePercent
                : c.kind == CheckKind::RatioNeedsFraction || c.kind == CheckKind::NumeratorAboveDenominator
                        || c.kind == CheckKind::BadDenominator               ? IssueKind::RatioFormat
                : c.kind == CheckKind::MissingValue                          ? IssueKind::MissingValue
                                                                             : IssueKind::Other;
            ImportIssue& i = issue(c.error ? IssueSeverity::Error : IssueSeverity::Warning, kind,
                                   col.value >= 0 ? col.value : col.numerator,
                                   c.message + " (indicator " + ind->code + ", " + unit->fullName.value_or(unit->name) + ")");
            i.cellText = !valueText.empty() ? valueText : numText;
            i.number = detail::comparableValue(ind->spec, {value, numerator, denominator});
            if (kind == IssueKind::AboveTarget) i.limit = targetOf(*ind, *unit);
            checkError = checkError || c.error;
        }
        if (checkError) continue;
        const bool isRate = ind->spec.aggregation == Aggregation::Percent || ind->spec.aggregation == Aggregation::PercentPoint;
        if (isRate && value && !numerator && *value > 0 && *value <= 1.0) {
            const auto target = targetOf(*ind, *unit);
            if (target && *target > 1.0)
                issue(IssueSeverity::Warning, IssueKind::LooksLikeFraction, col.value,
                      "a rate of " + numberPlain(*value) + "% looks like a fraction; if the cell shows "
                          + numberPlain(*value * 100) + "%, write " + numberPlain(*value * 100))
                    .number = *value;
        }

        PlannedRow planned;
        planned.row = rowNumber;
        planned.indicatorId = ind->id;
        planned.indicatorCode = ind->code;
        planned.unitId = unit->id;
        planned.unitLabel = units.describe(*unit);
        planned.value = value;
        planned.numerator = numerator;
        planned.denominator = denominator;
        planned.asOf = asOf;
        planned.source = col.source >= 0 && !cell(col.source).empty() ? std::optional(cell(col.source)) : mapping.source;
        if (col.note >= 0 && !cell(col.note).empty()) planned.note = cell(col.note);

        const NaturalKey key{ind->id, unit->id, dayNumber(asOf)};
        if (const auto it = seen.find(key); it != seen.end()) {
            const PlannedRow& first = preview.rows[it->second];
            const bool same = sameNumber(first.value, value) && sameNumber(first.numerator, numerator)
                && sameNumber(first.denominator, denominator);
            if (same) {
                issue(IssueSeverity::Warning, IssueKind::DuplicateRow, -1,
                      "repeats row " + std::to_string(first.row) + " (same indicator, unit, date and value); ignored")
                    .otherRow = first.row;
            } else {
                ImportIssue& i = issue(IssueSeverity::Error, IssueKind::ConflictingRow, -1,
                                       "row " + std::to_string(first.row) + " has another value for " + ind->code + " at "
                                           + unit->fullName.value_or(unit->name) + " on " + toIsoDate(asOf));
                i.otherRow = first.row;
                i.date = asOf;
            }
            continue;
        }
        seen.emplace(key, preview.rows.size());
        preview.rows.push_back(std::move(planned));
    }
    if (preview.rows.empty() && !preview.hasErrors())
        issues.push_back(newIssue(IssueSeverity::Warning, IssueKind::NoRows, sheet, 0, "", "no rows with values were found"));
    decideActions(connection, preview.rows);
    return preview;
}

// ---------------------------------------------------------------------------------------------
// Writing

ImportResult ProgressImporter::apply(const ImportPreview& previewIn, const ImportOptions& options)
{
    if (previewIn.hasErrors()) {
        std::string first;
        std::size_t shown = 0;
        for (const ImportIssue& i : previewIn.issues) {
            if (i.severity != IssueSeverity::Error) continue;
            if (shown++ < 3) first += (first.empty() ? "" : "; ") + i.text();
        }
        const std::size_t errors = previewIn.count(IssueSeverity::Error);
        throw ImportRejected(previewIn.file.string() + ": nothing imported, " + std::to_string(errors) + " error"
                                 + (errors == 1 ? "" : "s") + ": " + first + (errors > 3 ? "; …" : ""),
                             previewIn.issues);
    }
    Connection& connection = store_.connection();
    const std::vector<PlannedRow>& rows = previewIn.rows;
    ImportResult result;
    try {
        Transaction transaction(connection);
        const std::vector<Decision> decisions = decide(connection, rows); // what is in force now, inside the transaction
        // The rows to write, in natural-key order: the indexes on (indicator,
        // unit, date) and (indicator, date) then grow at few places instead of
        // at random ones, which makes SQLite's B-tree work cheaper.
        std::vector<std::size_t> order;
        order.reserve(rows.size());
        for (std::size_t i = 0; i < rows.size(); ++i) {
            switch (decisions[i].action) {
            case PlannedAction::Unchanged: ++result.unchanged; continue;
            case PlannedAction::Correct: ++result.corrected; break;
            case PlannedAction::Append: ++result.appended; break;
            }
            order.push_back(i);
        }
        if (order.empty()) {
            transaction.commit();
            return result;
        }
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            const PlannedRow& x = rows[a];
            const PlannedRow& y = rows[b];
            return std::tuple(x.indicatorId, x.unitId, dayNumber(x.asOf)) < std::tuple(y.indicatorId, y.unitId, dayNumber(y.asOf));
        });
        const std::string target = previewIn.mapping.name.empty() ? previewIn.sheet : previewIn.mapping.name;
        const std::int64_t batch = store_.imports().begin(previewIn.file, previewIn.sha256, "progress", target, options.author);
        // The rows were checked by preview() (and the schema checks them
        // again). They are inserted directly in this one transaction: going
        // through ProgressLog::appendMany would hold a savepoint open over
        // every insert, which makes SQLite several times slower.
        const std::size_t chunk = std::max<std::size_t>(1, options.chunkSize);
        const std::string enteredAt = toIsoTimestamp(nowUtc());
        const std::string fileName = previewIn.file.filename().string();
        const bool illustrative = previewIn.mapping.illustrative;
        std::unordered_map<int, std::string> dateTexts; // a report has few dates: format each once
        auto insert = connection.cached(
            "INSERT INTO progress_entries (indicator_id, unit_id, value, numerator, denominator, as_of, source_document, "
            "author, entered_at, note, supersedes_id, import_batch_id, illustrative) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        for (std::size_t n = 0; n < order.size(); ++n) {
            const PlannedRow& r = rows[order[n]];
            const Decision& d = decisions[order[n]];
            try {
                insert->bindInt(1, r.indicatorId);
                insert->bindInt(2, r.unitId);
                insert->bindOptionalDouble(3, r.value);
                insert->bindOptionalDouble(4, r.numerator);
                insert->bindOptionalDouble(5, r.denominator);
                const int dayKey = dayNumber(r.asOf);
                auto day = dateTexts.find(dayKey);
                if (day == dateTexts.end()) day = dateTexts.emplace(dayKey, toIsoDate(r.asOf)).first;
                insert->bindText(6, day->second);
                insert->bindOptionalText(7, r.source);
                insert->bindOptionalText(8, options.author);
                insert->bindText(9, enteredAt);
                if (d.action == PlannedAction::Correct) {
                    const std::string why = "corrected by " + fileName + " row " + std::to_string(r.row);
                    insert->bindText(10, r.note ? *r.note + " — " + why : why);
                    insert->bindOptionalInt(11, d.existingEntryId);
                } else {
                    insert->bindOptionalText(10, r.note);
                    insert->bindOptionalInt(11, std::nullopt);
                }
                insert->bindInt(12, batch);
                insert->bindBool(13, illustrative);
                insert->run();
                insert->reset();
            } catch (...) {
                rethrowWithContext("row " + std::to_string(r.row));
            }
            if ((n + 1) % chunk == 0 || n + 1 == order.size()) {
                if (options.onProgress) options.onProgress(n + 1);
                if (options.isCancelled && options.isCancelled())
                    throw ImportCancelled(previewIn.file.string() + ": import cancelled after " + std::to_string(n + 1)
                                          + " rows; nothing imported");
            }
        }
        store_.imports().finish(batch, static_cast<std::int64_t>(order.size()), ImportStatus::Completed,
                                "sheet '" + previewIn.sheet + "'; mapping " + previewIn.mapping.signature() + "; appended "
                                    + std::to_string(result.appended) + ", corrected " + std::to_string(result.corrected)
                                    + ", unchanged " + std::to_string(result.unchanged));
        transaction.commit();
        result.batchId = batch;
    } catch (const ImportCancelled&) {
        throw; // already says so; the transaction was rolled back
    } catch (...) {
        rethrowWithContext(previewIn.file.string() + ": nothing imported");
    }
    return result;
}

std::vector<std::string> sheetNames(const std::filesystem::path& file)
{
    geo::ReaderOptions options;
    options.autoDetectGeometryColumns = false;
    options.inferCsvTypes = false;
    return geo::VectorReader(file, options).layerNames();
}

std::optional<ImportMapping> ImportMappings::proposeFor(const std::filesystem::path& file,
                                                        const std::optional<std::string>& sheet)
{
    constexpr std::size_t kScanRows = 40; // as findHeader()
    std::vector<std::string> sheets;
    try {
        sheets = sheetNames(file);
    } catch (const std::exception&) {
        return std::nullopt;
    }
    std::map<std::string, std::set<std::string>> keysOfSheet; // sheet → keys of its first rows' cells
    auto keysOf = [&](const std::optional<std::string>& name) -> const std::set<std::string>* {
        const std::string wanted = name.value_or(sheets.empty() ? std::string() : sheets.front());
        if (std::find(sheets.begin(), sheets.end(), wanted) == sheets.end()) return nullptr;
        auto it = keysOfSheet.find(wanted);
        if (it == keysOfSheet.end()) {
            std::set<std::string> keys;
            try {
                const Grid grid = readGrid(file, wanted, kScanRows);
                for (const auto& row : grid.cells)
                    for (const auto& cell : row)
                        if (!cell.empty()) keys.insert(searchKey(cell));
            } catch (const std::exception&) {
            }
            it = keysOfSheet.emplace(wanted, std::move(keys)).first;
        }
        return &it->second;
    };
    std::optional<ImportMapping> best;
    std::size_t bestMatched = 0;
    for (ImportMapping& m : list()) {
        const std::set<std::string>* keys = keysOf(m.sheet ? m.sheet : sheet);
        if (!keys || keys->empty()) continue;
        std::size_t matched = 0;
        bool fits = true;
        for (const auto& f : kFields) {
            if (!f.column) continue;
            const auto& spec = m.*f.member;
            if (!spec) continue;
            if (keys->contains(searchKey(*spec))) ++matched;
            else if (!columnFromLetters(trim(*spec))) fits = false;
        }
        if (fits && matched > bestMatched) {
            bestMatched = matched;
            best = std::move(m);
        }
    }
    return best;
}

ImportResult ProgressImporter::run(const std::filesystem::path& file, const ImportMapping& mapping, const ImportOptions& options)
{
    return apply(preview(file, mapping), options);
}

} // namespace planmap::layers::progress
