// Fuzz target: the row mapper of CSV/XLSX imports (importer/RowMapper.h).
//
// The input is a small table: its first line holds the column names, the
// other lines the cells (separated by tabs or ';'), as text, the way the
// import engine reads CSV and spreadsheet cells. The columns are bound to
// target fields of every type (integer, real, text, date, yes/no, coded) by
// name and, for the rest, by position. Invariants checked:
//   - binding and mapping never throw anything but io::ImportError (bad
//     mapping), and map() never throws;
//   - per row and target, a value either converts or gives one error naming
//     that target, never both; empty cells are NULL;
//   - a converted value has the field's type: integers, finite reals, text in
//     NFC without surrounding spaces, ISO dates that parse back, 0/1 for
//     yes/no, a declared code for coded fields; converting its text form
//     again gives the same value;
//   - the type inferred for a new layer's field from a column accepts every
//     value of that column (inference and conversion agree);
//   - fieldNameFor gives a usable, unique field name.
// A broken invariant aborts, which libFuzzer and the replay driver report.
#include "planmap/geo/TextEncoding.h"
#include "planmap/layers/importer/RowMapper.h"
#include "planmap/layers/importer/SourceData.h"
#include "planmap/layers/io/ImportError.h"
#include "planmap/layers/store/Dates.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace imp = planmap::layers::importer;
using planmap::layers::FieldInfo;
using planmap::layers::FieldType;
using planmap::layers::Value;

[[noreturn]] void fail(const std::string& what) {
    std::fprintf(stderr, "fuzz_row_mapper: %s\n", what.c_str());
    std::abort();
}

std::vector<std::string> splitCells(std::string_view line) {
    std::vector<std::string> cells;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= line.size(); ++i) {
        if (i == line.size() || line[i] == '\t' || line[i] == ';') {
            cells.emplace_back(line.substr(start, i - start));
            start = i + 1;
        }
    }
    return cells;
}

/// Bytes that are not UTF-8 are read as Windows-1258, as a wrongly declared file would be.
std::string asUtf8(const std::string& bytes) {
    std::size_t replaced = 0;
    std::string text = planmap::geo::decodeToUtf8(bytes, planmap::geo::TextEncoding::Utf8, &replaced);
    if (replaced) text = planmap::geo::decodeToUtf8(bytes, planmap::geo::TextEncoding::Cp1258, &replaced);
    return text;
}

FieldInfo field(const char* name, FieldType type) {
    FieldInfo f;
    f.name = name;
    f.type = type;
    f.titleVi = name;
    return f;
}

std::vector<imp::TargetField> targets() {
    std::vector<imp::TargetField> t = imp::commonTargets();
    t.push_back({field("so_nguoi", FieldType::Integer), false});
    t.push_back({field("dien_tich", FieldType::Real), false});
    t.push_back({field("ghi_chu", FieldType::Text), false});
    t.push_back({field("ngay", FieldType::Date), false});
    t.push_back({field("co_dien", FieldType::Boolean), false});
    FieldInfo coded = field("loai_rung", FieldType::Text);
    coded.values = {{"special_use", "Rừng đặc dụng", std::string("Special-use forest")},
                    {"protection", "Rừng phòng hộ", std::string("Protection forest")},
                    {"production", "Rừng sản xuất", std::nullopt}};
    t.push_back({coded, false});
    FieldInfo codedInt = field("muc", FieldType::Integer);
    codedInt.values = {{"1", "Thấp", std::nullopt}, {"2", "Cao", std::nullopt}};
    t.push_back({codedInt, false});
    return t;
}

std::string show(const Value& v) { return planmap::layers::describe(v); }

void checkValue(const Value& v, const imp::TargetField& target, const std::string& cell) {
    const FieldInfo& f = target.info;
    if (std::holds_alternative<std::monostate>(v)) return;
    const std::string where = "field " + f.name + ", cell \"" + cell + "\" -> " + show(v);
    if (!f.values.empty()) {
        const std::string code = std::holds_alternative<std::string>(v) ? std::get<std::string>(v)
                                 : std::holds_alternative<std::int64_t>(v) ? std::to_string(std::get<std::int64_t>(v))
                                                                          : std::string("?");
        bool known = false;
        for (const auto& c : f.values) known = known || c.value == code;
        if (!known) fail("a coded field got a value that is not one of its codes: " + where);
        return;
    }
    switch (f.type) {
    case FieldType::Integer:
        if (!std::holds_alternative<std::int64_t>(v)) fail("an integer field got another type: " + where);
        break;
    case FieldType::Real:
        if (!std::holds_alternative<double>(v) || !std::isfinite(std::get<double>(v)))
            fail("a real field got something other than a finite number: " + where);
        break;
    case FieldType::Date:
        if (!std::holds_alternative<std::string>(v) || !planmap::layers::tryParseIsoDate(std::get<std::string>(v)))
            fail("a date field got something other than an ISO date: " + where);
        break;
    case FieldType::Boolean:
        if (!std::holds_alternative<std::int64_t>(v) || (std::get<std::int64_t>(v) != 0 && std::get<std::int64_t>(v) != 1))
            fail("a yes/no field got something other than 0/1: " + where);
        break;
    case FieldType::Text: {
        if (!std::holds_alternative<std::string>(v)) fail("a text field got another type: " + where);
        const std::string& s = std::get<std::string>(v);
        std::size_t replaced = 0;
        if (planmap::geo::decodeToUtf8(s, planmap::geo::TextEncoding::Utf8, &replaced) != s || replaced)
            fail("a text value is not well-formed UTF-8 in NFC: " + where);
        if (!s.empty() && (s.front() == ' ' || s.back() == ' ')) fail("a text value keeps surrounding spaces: " + where);
        break;
    }
    }
    // Its text form converts to the same value.
    std::string text;
    if (const auto* i = std::get_if<std::int64_t>(&v)) text = std::to_string(*i);
    else if (const auto* s = std::get_if<std::string>(&v)) text = *s;
    else return;  // reals: printing may round
    if (f.type == FieldType::Boolean) return;  // 0/1 are not the codes of a coded yes/no field
    std::string error;
    const auto again = imp::convertValue(planmap::geo::FieldValue{text}, f, error);
    if (!again || !(*again == v)) fail("converting the text form again gives another value: " + where + " / " + text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > 4096) return 0;
    const std::string input(reinterpret_cast<const char*>(data), size);
    std::vector<std::vector<std::string>> lines;
    for (std::size_t start = 0; start <= input.size();) {
        std::size_t end = input.find('\n', start);
        if (end == std::string::npos) end = input.size();
        std::vector<std::string> cells = splitCells(std::string_view(input).substr(start, end - start));
        for (auto& c : cells) c = asUtf8(c);
        lines.push_back(std::move(cells));
        start = end + 1;
    }
    std::vector<std::string> columns = lines.front();
    const std::vector<imp::TargetField> all = targets();

    // Bind the columns not named like a target by position: column i -> target i.
    planmap::layers::io::FieldMapping mapping;
    std::set<std::string> bound;
    for (std::size_t i = 0; i < columns.size() && i < all.size(); ++i) {
        if (imp::findColumn(columns, all[i].info.name) >= 0 || bound.count(columns[i]) || columns[i].empty()) continue;
        if (imp::findColumn(columns, columns[i]) != static_cast<int>(i)) continue;  // an earlier column answers to the name
        mapping.set(all[i].info.name, columns[i]);
        bound.insert(columns[i]);
    }
    std::optional<imp::RowMapper> mapper;
    try {
        mapper.emplace(columns, all, mapping);
    } catch (const planmap::layers::io::ImportError&) {
        return 0;  // a mapping the engine refuses with a message
    } catch (const std::exception& e) {
        fail(std::string("binding threw something other than ImportError: ") + e.what());
    }

    for (std::size_t r = 1; r < lines.size(); ++r) {
        std::vector<planmap::geo::FieldValue> row;
        for (const auto& c : lines[r]) row.emplace_back(c);
        imp::RowMapper::Result result;
        try {
            result = mapper->map(row);
        } catch (const std::exception& e) {
            fail(std::string("map() threw: ") + e.what());
        }
        if (result.values.size() != all.size()) fail("map() did not give one value per target");
        std::vector<int> errors(all.size(), 0);
        for (const auto& e : result.errors) {
            if (e.target >= all.size()) fail("an error names no target");
            if (e.message.empty()) fail("an error without a message");
            ++errors[e.target];
        }
        for (std::size_t t = 0; t < all.size(); ++t) {
            const int c = mapper->columnOf(t);
            if (c < 0) {
                if (result.values[t] || errors[t]) fail("an unbound target got a value or an error");
                continue;
            }
            if (errors[t] > 1) fail("more than one error for a target");
            if (result.values[t].has_value() == (errors[t] == 1)) fail("a value both converted and failed (or neither)");
            const std::string cell = static_cast<std::size_t>(c) < lines[r].size() ? lines[r][static_cast<std::size_t>(c)] : "";
            if (result.values[t]) checkValue(*result.values[t], all[t], cell);
        }
    }

    // Inference agrees with conversion, and field names are usable.
    std::set<std::string> taken;
    for (std::size_t c = 0; c < columns.size(); ++c) {
        std::vector<planmap::geo::FieldValue> values;
        for (std::size_t r = 1; r < lines.size(); ++r)
            values.emplace_back(c < lines[r].size() ? planmap::geo::FieldValue{lines[r][c]} : planmap::geo::FieldValue{});
        std::vector<const planmap::geo::FieldValue*> pointers;
        for (const auto& v : values) pointers.push_back(&v);
        const FieldType type = imp::inferFieldType(planmap::geo::FieldType::String, pointers);
        FieldInfo f = field("x", type);
        for (const auto& v : values) {
            std::string error;
            if (!imp::convertValue(v, f, error))
                fail("column \"" + columns[c] + "\" was inferred as " + std::string(planmap::layers::toString(type))
                     + " but \"" + planmap::geo::toString(v) + "\" does not convert: " + error);
        }
        const std::string name = imp::fieldNameFor(columns[c], taken);
        if (name.empty() || name.size() > 63 || name[0] < 'a' || name[0] > 'z' || taken.count(name))
            fail("fieldNameFor(\"" + columns[c] + "\") gave an unusable name \"" + name + "\"");
        for (char ch : name)
            if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_')) fail("field name with '" + std::string(1, ch) + "'");
        taken.insert(name);
    }
    return 0;
}
