#pragma once

// Helpers shared by the repositories (private to planmap_layers).

#include "planmap/layers/store/Connection.h"
#include "planmap/layers/store/Dates.h"
#include "planmap/layers/store/Errors.h"

#include <optional>
#include <string>

namespace planmap::layers::detail {

inline void bindDate(Statement& s, int index, const std::optional<Date>& date)
{
    date ? s.bindText(index, toIsoDate(*date)) : s.bindNull(index);
}

inline void bindTimestamp(Statement& s, int index, const std::optional<Timestamp>& t)
{
    t ? s.bindText(index, toIsoTimestamp(*t)) : s.bindNull(index);
}

inline std::optional<Date> optionalDate(const Statement& s, int column)
{
    if (s.isNull(column)) return std::nullopt;
    const std::string text = s.columnText(column);
    if (auto date = tryParseIsoDate(text)) return date;
    throw StoreError("column " + s.columnName(column) + ": malformed date '" + text + "'");
}

inline Date columnDate(const Statement& s, int column)
{
    if (auto date = optionalDate(s, column)) return *date;
    throw StoreError("column " + s.columnName(column) + ": date is NULL");
}

inline std::optional<Timestamp> optionalTimestamp(const Statement& s, int column)
{
    if (s.isNull(column)) return std::nullopt;
    const std::string text = s.columnText(column);
    if (auto t = tryParseIsoTimestamp(text)) return t;
    throw StoreError("column " + s.columnName(column) + ": malformed timestamp '" + text + "'");
}

/// `text` escaped for LIKE ... ESCAPE '\'.
inline std::string likeEscaped(const std::string& text)
{
    std::string out;
    for (char c : text) {
        if (c == '%' || c == '_' || c == '\\') out += '\\';
        out += c;
    }
    return out;
}

/// Ordering of search results: 0 exact key, 1 prefix, 2 contains.
inline constexpr const char* kSearchRankSql =
    "CASE WHEN search_key = ? THEN 0 WHEN search_key LIKE ? ESCAPE '\\' THEN 1 ELSE 2 END";

} // namespace planmap::layers::detail
