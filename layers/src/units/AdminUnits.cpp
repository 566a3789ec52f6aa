#include "planmap/layers/units/AdminUnits.h"

#include "planmap/layers/text/SearchKey.h"
#include "store/SqlSupport.h"

#include <QString>

#include <algorithm>
#include <array>
#include <utility>

namespace planmap::layers {

namespace {

struct UnitTypeInfo {
    UnitType type;
    std::string_view code;
    std::string_view vietnamese;
};

// Unit words and their stored codes (splitUnitName takes the longest matching word).
constexpr std::array<UnitTypeInfo, 19> kUnitTypes{{
    {UnitType::Province, "tinh", "Tỉnh"},
    {UnitType::City, "thanh_pho", "Thành phố"},
    {UnitType::District, "huyen", "Huyện"},
    {UnitType::UrbanDistrict, "quan", "Quận"},
    {UnitType::Town, "thi_xa", "Thị xã"},
    {UnitType::Commune, "xa", "Xã"},
    {UnitType::Ward, "phuong", "Phường"},
    {UnitType::Township, "thi_tran", "Thị trấn"},
    {UnitType::SpecialZone, "dac_khu", "Đặc khu"},
    {UnitType::Thon, "thon", "Thôn"},
    {UnitType::Ban, "ban", "Bản"},
    {UnitType::Lang, "lang", "Làng"},
    {UnitType::Xom, "xom", "Xóm"},
    {UnitType::Ap, "ap", "Ấp"},
    {UnitType::Buon, "buon", "Buôn"},
    {UnitType::ResidentialGroup, "to_dan_pho", "Tổ dân phố"},
    {UnitType::Khoi, "khoi", "Khối"},
    {UnitType::Quarter, "khu_pho", "Khu phố"},
    {UnitType::Other, "other", "Khác"},
}};

constexpr std::array<std::pair<UnitLevel, std::string_view>, 4> kLevels{{
    {UnitLevel::Province, "province"},
    {UnitLevel::District, "district"},
    {UnitLevel::Commune, "commune"},
    {UnitLevel::Village, "village"},
}};

constexpr const char* kColumns =
    "id, code, level, unit_type, generation, parent_id, name, full_name, name_en, search_key, valid_from, "
    "valid_to, ethnic_minority_area, dbkk, atk, border, program_source, illustrative, source, import_batch_id";

std::string selectSql(bool withGeometry, const std::string& where)
{
    return std::string("SELECT ") + kColumns + (withGeometry ? ", ST_AsBinary(geom)" : ", NULL")
        + " FROM admin_units WHERE " + where;
}

AdminUnit readUnit(const Statement& s)
{
    AdminUnit u;
    u.id = s.columnInt(0);
    u.code = s.optionalText(1);
    u.level = parseUnitLevel(s.columnText(2)).value_or(UnitLevel::Commune);
    u.type = parseUnitType(s.columnText(3)).value_or(UnitType::Other);
    u.generation = s.columnText(4);
    u.parentId = s.optionalInt(5);
    u.name = s.columnText(6);
    u.fullName = s.optionalText(7);
    u.nameEn = s.optionalText(8);
    u.searchKey = s.columnText(9);
    u.validFrom = detail::optionalDate(s, 10);
    u.validTo = detail::optionalDate(s, 11);
    if (auto area = s.optionalInt(12)) u.ethnicMinorityArea = static_cast<int>(*area);
    u.dbkk = s.optionalBool(13);
    u.atk = s.optionalBool(14);
    u.border = s.optionalBool(15);
    u.programSource = s.optionalText(16);
    u.illustrative = s.columnBool(17);
    u.source = s.optionalText(18);
    u.importBatchId = s.optionalInt(19);
    if (!s.isNull(20)) u.geometry = s.columnBlob(20);
    return u;
}

std::string describeUnit(const AdminUnit& u)
{
    std::string text = "unit '" + u.fullName.value_or(u.name) + "'";
    if (u.code) text += " (code " + *u.code + ")";
    return text;
}

void validate(const AdminUnit& u)
{
    if (u.name.empty()) throw InvalidDataError("the name is empty");
    if (u.generation.empty()) throw InvalidDataError("the generation is empty");
    if (u.code && u.code->empty()) throw InvalidDataError("the code is empty (leave it unset instead)");
    if (u.ethnicMinorityArea && (*u.ethnicMinorityArea < 1 || *u.ethnicMinorityArea > 3))
        throw InvalidDataError("ethnic-minority area must be 1, 2 or 3, got " + std::to_string(*u.ethnicMinorityArea));
    if (u.validFrom && !u.validFrom->ok()) throw InvalidDataError("valid_from is not a calendar date");
    if (u.validTo && !u.validTo->ok()) throw InvalidDataError("valid_to is not a calendar date");
    if (u.validFrom && u.validTo && *u.validTo < *u.validFrom)
        throw InvalidDataError("valid_to " + toIsoDate(*u.validTo) + " is before valid_from " + toIsoDate(*u.validFrom));
}

std::string unitSearchKey(const AdminUnit& u)
{
    return searchKey(u.fullName && !u.fullName->empty() ? *u.fullName : u.name);
}

/// Binds the 20 writable columns (parameters 1..20) in the order of kWriteColumns.
constexpr const char* kWriteColumns =
    "code, level, unit_type, generation, parent_id, name, full_name, name_en, search_key, valid_from, valid_to, "
    "ethnic_minority_area, dbkk, atk, border, program_source, illustrative, source, import_batch_id, geom";

void bindWritable(Statement& s, const AdminUnit& u)
{
    s.bindOptionalText(1, u.code);
    s.bindText(2, toString(u.level));
    s.bindText(3, toString(u.type));
    s.bindText(4, u.generation);
    s.bindOptionalInt(5, u.parentId);
    s.bindText(6, u.name);
    s.bindOptionalText(7, u.fullName);
    s.bindOptionalText(8, u.nameEn);
    s.bindText(9, unitSearchKey(u));
    detail::bindDate(s, 10, u.validFrom);
    detail::bindDate(s, 11, u.validTo);
    s.bindOptionalInt(12, u.ethnicMinorityArea ? std::optional<std::int64_t>(*u.ethnicMinorityArea) : std::nullopt);
    s.bindOptionalBool(13, u.dbkk);
    s.bindOptionalBool(14, u.atk);
    s.bindOptionalBool(15, u.border);
    s.bindOptionalText(16, u.programSource);
    s.bindBool(17, u.illustrative);
    s.bindOptionalText(18, u.source);
    s.bindOptionalInt(19, u.importBatchId);
    s.bindBlobOrNull(20, u.geometry);
}

/// The unit, with the validity of its generation when it has none of its own.
AdminUnit withGenerationValidity(Connection& connection, const AdminUnit& unit)
{
    auto g = connection.cached("SELECT valid_from, valid_to FROM admin_generations WHERE key = ?");
    g->bindText(1, unit.generation);
    if (!g->step()) throw InvalidDataError("unknown generation '" + unit.generation + "'");
    AdminUnit row = unit;
    if (!unit.validFrom && !unit.validTo) {
        row.validFrom = detail::optionalDate(*g, 0);
        row.validTo = detail::optionalDate(*g, 1);
    }
    return row;
}

CrosswalkKind parseKind(const std::string& text)
{
    return text == "partial" ? CrosswalkKind::Partial : CrosswalkKind::Whole;
}

std::vector<CrosswalkLink> readLinks(Statement& s)
{
    std::vector<CrosswalkLink> links;
    while (s.step()) {
        CrosswalkLink l;
        l.id = s.columnInt(0);
        l.oldUnitId = s.columnInt(1);
        l.newUnitId = s.columnInt(2);
        l.kind = parseKind(s.columnText(3));
        l.share = s.optionalDouble(4);
        l.effectiveDate = detail::optionalDate(s, 5);
        l.note = s.optionalText(6);
        l.source = s.optionalText(7);
        links.push_back(std::move(l));
    }
    return links;
}

constexpr const char* kLinkColumns = "id, old_unit_id, new_unit_id, kind, share, effective_date, note, source";

} // namespace

// --- enums -------------------------------------------------------------------------

std::string_view toString(UnitLevel level)
{
    for (const auto& [l, code] : kLevels)
        if (l == level) return code;
    return "commune";
}

std::optional<UnitLevel> parseUnitLevel(std::string_view code)
{
    for (const auto& [l, c] : kLevels)
        if (c == code) return l;
    return std::nullopt;
}

std::string_view toString(UnitType type)
{
    for (const auto& info : kUnitTypes)
        if (info.type == type) return info.code;
    return "other";
}

std::string_view vietnameseName(UnitType type)
{
    for (const auto& info : kUnitTypes)
        if (info.type == type) return info.vietnamese;
    return "Khác";
}

std::optional<UnitType> parseUnitType(std::string_view text)
{
    for (const auto& info : kUnitTypes)
        if (info.code == text) return info.type;
    const std::string key = searchKey(text);
    for (const auto& info : kUnitTypes)
        if (searchKey(info.vietnamese) == key) return info.type;
    return std::nullopt;
}

std::optional<SplitUnitName> splitUnitName(std::string_view fullName)
{
    // The unit word is matched with its diacritics (case-insensitively):
    // "Lạng Sơn" is a name, not "Làng" + "Sơn".
    const QString text = QString::fromUtf8(fullName.data(), static_cast<qsizetype>(fullName.size()))
                             .simplified()
                             .normalized(QString::NormalizationForm_C);
    std::optional<SplitUnitName> best;
    qsizetype bestLength = 0;
    for (const auto& info : kUnitTypes) {
        if (info.type == UnitType::Other) continue;
        const QString word = QString::fromUtf8(info.vietnamese.data(), static_cast<qsizetype>(info.vietnamese.size()))
                                 .normalized(QString::NormalizationForm_C);
        if (text.size() <= word.size() + 1 || word.size() <= bestLength) continue;
        if (!text.startsWith(word, Qt::CaseInsensitive) || text[word.size()] != QLatin1Char(' ')) continue;
        best = SplitUnitName{info.type, text.mid(word.size() + 1).toStdString()};
        bestLength = word.size();
    }
    return best;
}

std::string_view toString(CrosswalkKind kind)
{
    return kind == CrosswalkKind::Partial ? "partial" : "whole";
}

bool AdminUnit::isValidAt(Date date) const
{
    return (!validFrom || *validFrom <= date) && (!validTo || date <= *validTo);
}

// --- generations --------------------------------------------------------------------

std::vector<AdminGeneration> AdminUnits::generations()
{
    auto s = connection_.cached("SELECT key, title_vi, title_en, valid_from, valid_to FROM admin_generations "
                                "ORDER BY CASE WHEN valid_from IS NULL THEN 0 ELSE 1 END, valid_from, key");
    std::vector<AdminGeneration> result;
    while (s->step())
        result.push_back({s->columnText(0), s->columnText(1), s->optionalText(2), detail::optionalDate(*s, 3),
                          detail::optionalDate(*s, 4)});
    return result;
}

void AdminUnits::insertGeneration(const AdminGeneration& g)
{
    if (g.key.empty() || g.titleVi.empty()) throw InvalidDataError("admin generation: key and title are required");
    try {
        Transaction transaction(connection_);
        auto s = connection_.cached(
            "INSERT INTO admin_generations (key, title_vi, title_en, valid_from, valid_to) VALUES (?, ?, ?, ?, ?)");
        s->bindText(1, g.key);
        s->bindText(2, g.titleVi);
        s->bindOptionalText(3, g.titleEn);
        detail::bindDate(*s, 4, g.validFrom);
        detail::bindDate(*s, 5, g.validTo);
        s->run();
        transaction.commit();
    } catch (...) {
        rethrowWithContext("admin generation '" + g.key + "'");
    }
}

// --- units --------------------------------------------------------------------------

std::int64_t AdminUnits::insertOne(const AdminUnit& unit)
{
    validate(unit);
    const AdminUnit row = withGenerationValidity(connection_, unit);
    auto s = connection_.cached(std::string("INSERT INTO admin_units (") + kWriteColumns
                                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                  "ST_Multi(ST_GeomFromWKB(?, 4326))) RETURNING id, geom IS NULL");
    bindWritable(*s, row);
    if (!s->step()) throw StoreError("insert returned no id");
    const std::int64_t id = s->columnInt(0);
    const bool geometryMissing = s->columnBool(1);
    s->run();
    if (!unit.geometry.empty() && geometryMissing)
        throw InvalidDataError("the geometry is not valid WKB (" + std::to_string(unit.geometry.size()) + " bytes)");
    return id;
}

std::int64_t AdminUnits::insert(const AdminUnit& unit)
{
    try {
        Transaction transaction(connection_);
        const auto id = insertOne(unit);
        transaction.commit();
        return id;
    } catch (...) {
        rethrowWithContext("inserting " + describeUnit(unit));
    }
}

std::vector<std::int64_t> AdminUnits::insertMany(std::span<const AdminUnit> units)
{
    std::vector<std::int64_t> ids;
    ids.reserve(units.size());
    Transaction transaction(connection_);
    for (std::size_t i = 0; i < units.size(); ++i) {
        try {
            ids.push_back(insertOne(units[i]));
        } catch (...) {
            rethrowWithContext("inserting units, row " + std::to_string(i + 1) + ", " + describeUnit(units[i]));
        }
    }
    transaction.commit();
    return ids;
}

void AdminUnits::update(const AdminUnit& unit)
{
    try {
        validate(unit);
        Transaction transaction(connection_);
        auto s = connection_.cached(
            "UPDATE admin_units SET code = ?, level = ?, unit_type = ?, generation = ?, parent_id = ?, name = ?, "
            "full_name = ?, name_en = ?, search_key = ?, valid_from = ?, valid_to = ?, ethnic_minority_area = ?, "
            "dbkk = ?, atk = ?, border = ?, program_source = ?, illustrative = ?, source = ?, import_batch_id = ?, "
            "geom = ST_Multi(ST_GeomFromWKB(?, 4326)) WHERE id = ? RETURNING geom IS NULL");
        bindWritable(*s, withGenerationValidity(connection_, unit));
        s->bindInt(21, unit.id);
        if (!s->step()) throw NotFoundError("no unit with id " + std::to_string(unit.id));
        const bool geometryMissing = s->columnBool(0);
        s->run();
        if (!unit.geometry.empty() && geometryMissing)
            throw InvalidDataError("the geometry is not valid WKB (" + std::to_string(unit.geometry.size()) + " bytes)");
        transaction.commit();
    } catch (...) {
        rethrowWithContext("updating " + describeUnit(unit));
    }
}

void AdminUnits::setGeometry(std::int64_t unitId, const Wkb& geometry)
{
    try {
        Transaction transaction(connection_);
        auto s = connection_.cached(
            "UPDATE admin_units SET geom = ST_Multi(ST_GeomFromWKB(?, 4326)) WHERE id = ? RETURNING geom IS NULL");
        s->bindBlobOrNull(1, geometry);
        s->bindInt(2, unitId);
        if (!s->step()) throw NotFoundError("no unit with id " + std::to_string(unitId));
        const bool geometryMissing = s->columnBool(0);
        s->run();
        if (!geometry.empty() && geometryMissing)
            throw InvalidDataError("the geometry is not valid WKB (" + std::to_string(geometry.size()) + " bytes)");
        transaction.commit();
    } catch (...) {
        rethrowWithContext("setting the geometry of unit " + std::to_string(unitId));
    }
}

std::optional<AdminUnit> AdminUnits::get(std::int64_t unitId, bool withGeometry)
{
    auto s = connection_.cached(selectSql(withGeometry, "id = ?"));
    s->bindInt(1, unitId);
    if (!s->step()) return std::nullopt;
    return readUnit(*s);
}

std::optional<AdminUnit> AdminUnits::findByCodeAt(std::string_view code, UnitLevel level, Date date,
                                                  bool withGeometry)
{
    auto s = connection_.cached(selectSql(withGeometry,
                                          "code = ? AND level = ? AND (valid_from IS NULL OR valid_from <= ?) "
                                          "AND (valid_to IS NULL OR valid_to >= ?) ORDER BY id"));
    s->bindText(1, code);
    s->bindText(2, toString(level));
    const std::string day = toIsoDate(date);
    s->bindText(3, day);
    s->bindText(4, day);
    if (!s->step()) return std::nullopt;
    return readUnit(*s);
}

std::optional<AdminUnit> AdminUnits::findByCodeInGeneration(std::string_view code, UnitLevel level,
                                                            std::string_view generation, bool withGeometry)
{
    auto s = connection_.cached(selectSql(withGeometry, "code = ? AND level = ? AND generation = ?"));
    s->bindText(1, code);
    s->bindText(2, toString(level));
    s->bindText(3, generation);
    if (!s->step()) return std::nullopt;
    return readUnit(*s);
}

std::vector<AdminUnit> AdminUnits::children(std::int64_t parentId, bool withGeometry)
{
    auto s = connection_.cached(selectSql(withGeometry, "parent_id = ? ORDER BY code, name, id"));
    s->bindInt(1, parentId);
    std::vector<AdminUnit> result;
    while (s->step()) result.push_back(readUnit(*s));
    return result;
}

namespace {
/// Appends the optional filters shared by list() and search(); returns the values to bind, in order.
std::vector<std::string> appendFilters(std::string& where, const std::optional<std::string>& level,
                                       const std::optional<std::string>& generation,
                                       const std::optional<Date>& validAt)
{
    std::vector<std::string> values;
    if (level) {
        where += " AND level = ?";
        values.push_back(*level);
    }
    if (generation) {
        where += " AND generation = ?";
        values.push_back(*generation);
    }
    if (validAt) {
        where += " AND (valid_from IS NULL OR valid_from <= ?) AND (valid_to IS NULL OR valid_to >= ?)";
        values.push_back(toIsoDate(*validAt));
        values.push_back(toIsoDate(*validAt));
    }
    return values;
}
} // namespace

std::vector<AdminUnit> AdminUnits::list(UnitLevel level, const std::optional<std::string>& generation,
                                        const std::optional<Date>& validAt, bool withGeometry)
{
    std::string where = "1 = 1";
    const auto values = appendFilters(where, std::string(toString(level)), generation, validAt);
    auto s = connection_.cached(selectSql(withGeometry, where + " ORDER BY code, name, id"));
    int index = 1;
    for (const auto& v : values) s->bindText(index++, v);
    std::vector<AdminUnit> result;
    while (s->step()) result.push_back(readUnit(*s));
    return result;
}

std::vector<AdminUnit> AdminUnits::search(std::string_view text, const UnitSearch& options)
{
    const std::string key = searchKey(text);
    if (key.empty() || options.limit == 0) return {};
    std::string where = "search_key LIKE ? ESCAPE '\\'";
    const auto level = options.level ? std::optional<std::string>(std::string(toString(*options.level))) : std::nullopt;
    const auto values = appendFilters(where, level, options.generation, options.validAt);
    auto s = connection_.cached(selectSql(false, where + " ORDER BY " + detail::kSearchRankSql
                                                     + ", length(search_key), search_key, id LIMIT ?"));
    const std::string escaped = detail::likeEscaped(key);
    int index = 1;
    s->bindText(index++, "%" + escaped + "%");
    for (const auto& v : values) s->bindText(index++, v);
    s->bindText(index++, key);
    s->bindText(index++, escaped + "%");
    s->bindInt(index, static_cast<std::int64_t>(options.limit));
    std::vector<AdminUnit> result;
    while (s->step()) result.push_back(readUnit(*s));
    return result;
}

std::int64_t AdminUnits::count(const std::optional<UnitLevel>& level, const std::optional<std::string>& generation)
{
    std::string where = "1 = 1";
    const auto l = level ? std::optional<std::string>(std::string(toString(*level))) : std::nullopt;
    const auto values = appendFilters(where, l, generation, std::nullopt);
    auto s = connection_.cached("SELECT COUNT(*) FROM admin_units WHERE " + where);
    int index = 1;
    for (const auto& v : values) s->bindText(index++, v);
    s->step();
    return s->columnInt(0);
}

// --- crosswalk -------------------------------------------------------------------------

namespace {
std::int64_t insertLink(Connection& connection, const CrosswalkLink& link)
{
    if (link.kind == CrosswalkKind::Whole && link.share)
        throw InvalidDataError("a whole merger has no share (share is for partial ones)");
    if (link.share && (*link.share <= 0 || *link.share > 1))
        throw InvalidDataError("share must be in (0, 1], got " + std::to_string(*link.share));
    auto s = connection.cached("INSERT INTO unit_crosswalk (old_unit_id, new_unit_id, kind, share, effective_date, "
                               "note, source) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id");
    s->bindInt(1, link.oldUnitId);
    s->bindInt(2, link.newUnitId);
    s->bindText(3, toString(link.kind));
    s->bindOptionalDouble(4, link.share);
    detail::bindDate(*s, 5, link.effectiveDate);
    s->bindOptionalText(6, link.note);
    s->bindOptionalText(7, link.source);
    s->step();
    const std::int64_t id = s->columnInt(0);
    s->run();
    return id;
}

std::string describeLink(const CrosswalkLink& l)
{
    return "crosswalk " + std::to_string(l.oldUnitId) + " -> " + std::to_string(l.newUnitId);
}
} // namespace

std::int64_t AdminUnits::insertCrosswalk(const CrosswalkLink& link)
{
    try {
        Transaction transaction(connection_);
        const auto id = insertLink(connection_, link);
        transaction.commit();
        return id;
    } catch (...) {
        rethrowWithContext("inserting " + describeLink(link));
    }
}

std::vector<std::int64_t> AdminUnits::insertCrosswalkMany(std::span<const CrosswalkLink> links)
{
    std::vector<std::int64_t> ids;
    ids.reserve(links.size());
    Transaction transaction(connection_);
    for (std::size_t i = 0; i < links.size(); ++i) {
        try {
            ids.push_back(insertLink(connection_, links[i]));
        } catch (...) {
            rethrowWithContext("inserting crosswalk row " + std::to_string(i + 1) + ", " + describeLink(links[i]));
        }
    }
    transaction.commit();
    return ids;
}

std::vector<CrosswalkLink> AdminUnits::successorsOf(std::int64_t oldUnitId)
{
    auto s = connection_.cached(std::string("SELECT ") + kLinkColumns
                                + " FROM unit_crosswalk WHERE old_unit_id = ? ORDER BY new_unit_id");
    s->bindInt(1, oldUnitId);
    return readLinks(*s);
}

std::vector<CrosswalkLink> AdminUnits::predecessorsOf(std::int64_t newUnitId)
{
    auto s = connection_.cached(std::string("SELECT ") + kLinkColumns
                                + " FROM unit_crosswalk WHERE new_unit_id = ? ORDER BY old_unit_id");
    s->bindInt(1, newUnitId);
    return readLinks(*s);
}

} // namespace planmap::layers
