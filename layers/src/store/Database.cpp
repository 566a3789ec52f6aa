#include "planmap/layers/store/Database.h"

#include "planmap/layers/store/Errors.h"

// <spatialite.h> needs <sqlite3.h> first.
#include <sqlite3.h>
#include <spatialite.h>

#include <algorithm>
#include <system_error>
#include <utility>

namespace planmap::layers {

namespace {

constexpr int kBusyTimeoutMs = 5000;

std::string abbreviate(std::string_view sql)
{
    constexpr std::size_t kMax = 300;
    std::string text;
    text.reserve(std::min(sql.size(), kMax) + 3);
    bool lastSpace = false;
    for (char c : sql) {
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (space && lastSpace) continue;
        text += space ? ' ' : c;
        lastSpace = space;
        if (text.size() >= kMax) {
            text += "...";
            break;
        }
    }
    while (!text.empty() && text.front() == ' ') text.erase(text.begin());
    return text;
}

[[noreturn]] void throwSqlite(sqlite3* db, int rc, const std::string& where, std::string_view sql = {})
{
    std::string message = where + ": ";
    message += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    const int extended = db ? sqlite3_extended_errcode(db) : rc;
    message += " (";
    message += sqlite3_errstr(extended);
    message += ", code " + std::to_string(extended) + ")";
    if (!sql.empty()) message += " in: " + abbreviate(sql);
    if ((extended & 0xff) == SQLITE_CONSTRAINT) throw ConstraintError(message);
    if ((extended & 0xff) == SQLITE_NOTADB) throw NotAProjectError(message);
    throw StoreError(message);
}

class SqliteStatement final : public Statement {
public:
    SqliteStatement(sqlite3* db, sqlite3_stmt* stmt, std::string sql, std::string location)
        : db_(db), stmt_(stmt), sql_(std::move(sql)), location_(std::move(location))
    {
    }
    ~SqliteStatement() override { sqlite3_finalize(stmt_); }

    void bindNull(int index) override { check(sqlite3_bind_null(stmt_, index), index); }
    void bindInt(int index, std::int64_t value) override
    {
        check(sqlite3_bind_int64(stmt_, index, static_cast<sqlite3_int64>(value)), index);
    }
    void bindDouble(int index, double value) override { check(sqlite3_bind_double(stmt_, index, value), index); }
    void bindText(int index, std::string_view value) override
    {
        // An empty view may have a null data pointer, which SQLite would bind as NULL.
        check(sqlite3_bind_text64(stmt_, index, value.data() ? value.data() : "", value.size(), SQLITE_TRANSIENT,
                                  SQLITE_UTF8),
              index);
    }
    void bindBlob(int index, std::span<const std::uint8_t> value) override
    {
        // A zero-length blob must still be a blob, not NULL: give a valid pointer.
        static const std::uint8_t empty = 0;
        check(sqlite3_bind_blob64(stmt_, index, value.empty() ? &empty : value.data(), value.size(),
                                  SQLITE_TRANSIENT),
              index);
    }
    int parameterCount() const override { return sqlite3_bind_parameter_count(stmt_); }

    bool step() override
    {
        const int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        // Keep the message before reset() could change it.
        try {
            throwSqlite(db_, rc, location_, sql_);
        } catch (...) {
            sqlite3_reset(stmt_);
            throw;
        }
    }
    void reset() override
    {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
    }

    int columnCount() const override { return sqlite3_column_count(stmt_); }
    std::string columnName(int column) const override
    {
        const char* name = sqlite3_column_name(stmt_, column);
        return name ? name : "";
    }
    ValueType columnType(int column) const override
    {
        switch (sqlite3_column_type(stmt_, column)) {
        case SQLITE_INTEGER: return ValueType::Integer;
        case SQLITE_FLOAT: return ValueType::Real;
        case SQLITE_TEXT: return ValueType::Text;
        case SQLITE_BLOB: return ValueType::Blob;
        default: return ValueType::Null;
        }
    }
    std::int64_t columnInt(int column) const override { return sqlite3_column_int64(stmt_, column); }
    double columnDouble(int column) const override { return sqlite3_column_double(stmt_, column); }
    std::string columnText(int column) const override
    {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
        if (!text) return {};
        return std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
    }
    Blob columnBlob(int column) const override
    {
        const auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt_, column));
        const int size = sqlite3_column_bytes(stmt_, column);
        if (!data || size <= 0) return {};
        return Blob(data, data + size);
    }
    const std::string& sql() const override { return sql_; }

private:
    void check(int rc, int index)
    {
        if (rc != SQLITE_OK)
            throwSqlite(db_, rc, location_ + ": binding parameter " + std::to_string(index), sql_);
    }

    sqlite3* db_;
    sqlite3_stmt* stmt_;
    std::string sql_;
    std::string location_;
};

std::size_t lineOf(std::string_view script, std::size_t offset)
{
    return 1 + static_cast<std::size_t>(std::count(script.begin(), script.begin() + static_cast<long>(offset), '\n'));
}

} // namespace

SqliteDatabase::SqliteDatabase(std::filesystem::path path, Mode mode) : path_(std::move(path)), mode_(mode) {}

SqliteDatabase::~SqliteDatabase()
{
    clearStatementCache();
    if (db_) {
        if (!sqlite3_get_autocommit(db_)) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
        sqlite3_close_v2(db_);
    }
    if (spatialiteCache_) spatialite_cleanup_ex(spatialiteCache_);
}

std::string SqliteDatabase::location() const
{
    return path_.empty() ? std::string(":memory:") : path_.string();
}

void SqliteDatabase::openHandle(int flags)
{
    const std::string name = path_.empty() ? std::string(":memory:") : path_.string();
    const int rc = sqlite3_open_v2(name.c_str(), &db_, flags | SQLITE_OPEN_EXRESCODE, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = location() + ": cannot open the database: ";
        message += db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        throw StoreError(message);
    }
    spatialiteCache_ = spatialite_alloc_connection();
    spatialite_init_ex(db_, spatialiteCache_, 0);
}

void SqliteDatabase::configure(bool creating)
{
    sqlite3_busy_timeout(db_, kBusyTimeoutMs);
    // Checks that the file really is an SQLite database (a first read).
    execute("SELECT count(*) FROM sqlite_master");
    execute("PRAGMA foreign_keys = ON");
    // A 64 MB page cache: large batches (100,000 rows) then stay in memory
    // until commit instead of spilling pages to the WAL one by one.
    execute("PRAGMA cache_size = -65536");
    execute("PRAGMA temp_store = MEMORY");
    if (mode_ == Mode::ReadOnly || path_.empty()) return;
    if (creating) {
        // A new file is worthless until it is complete (and deleted if its
        // creation fails): build it without a journal file or syncs, then
        // make it durable once in finishCreation().
        execute("PRAGMA journal_mode = MEMORY");
        execute("PRAGMA synchronous = OFF");
        return;
    }
    useWal();
}

void SqliteDatabase::useWal()
{
    auto statement = prepare("PRAGMA journal_mode = WAL");
    std::string mode;
    if (statement->step()) mode = statement->columnText(0);
    statement.reset();
    if (mode != "wal")
        throw StoreError(location() + ": cannot switch the database to WAL journal mode (got '" + mode + "')");
    execute("PRAGMA synchronous = NORMAL");
}

void SqliteDatabase::finishCreation()
{
    if (mode_ == Mode::ReadOnly || path_.empty()) return;
    // FULL while leaving the in-memory journal: that commit syncs the file.
    execute("PRAGMA synchronous = FULL");
    useWal();
}

void SqliteDatabase::initSpatialMetadata()
{
    auto statement = prepare("SELECT InitSpatialMetaData(1)");
    if (!statement->step() || statement->columnInt(0) != 1)
        throw StoreError(location() + ": SpatiaLite could not create its spatial metadata (InitSpatialMetaData)");
}

std::unique_ptr<SqliteDatabase> SqliteDatabase::create(const std::filesystem::path& path)
{
    std::error_code ec;
    if (std::filesystem::exists(path, ec))
        throw StoreError(path.string() + ": cannot create a project: the file already exists");
    std::unique_ptr<SqliteDatabase> db(new SqliteDatabase(path, Mode::ReadWrite));
    db->openHandle(SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    db->configure(true);
    db->initSpatialMetadata();
    return db;
}

std::unique_ptr<SqliteDatabase> SqliteDatabase::open(const std::filesystem::path& path, Mode mode)
{
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        throw StoreError(path.string() + ": no such project file");
    std::unique_ptr<SqliteDatabase> db(new SqliteDatabase(path, mode));
    db->openHandle(mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE);
    db->configure(false);
    return db;
}

std::unique_ptr<SqliteDatabase> SqliteDatabase::createInMemory()
{
    std::unique_ptr<SqliteDatabase> db(new SqliteDatabase({}, Mode::ReadWrite));
    db->openHandle(SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_MEMORY);
    db->configure(false);
    db->initSpatialMetadata();
    return db;
}

std::unique_ptr<Statement> SqliteDatabase::prepare(std::string_view sql)
{
    sqlite3_stmt* stmt = nullptr;
    const char* tail = nullptr;
    const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                      &stmt, &tail);
    if (rc != SQLITE_OK) throwSqlite(db_, rc, location(), sql);
    if (!stmt) throw StoreError(location() + ": empty SQL statement");
    if (tail && std::string_view(tail).find_first_not_of(" \t\r\n;") != std::string_view::npos) {
        sqlite3_finalize(stmt);
        throw StoreError(location() + ": more than one SQL statement given to prepare(): " + abbreviate(sql));
    }
    return std::make_unique<SqliteStatement>(db_, stmt, std::string(sql), location());
}

void SqliteDatabase::executeScript(std::string_view script, std::string_view name, bool selectsAreAssertions)
{
    std::size_t offset = 0;
    while (offset < script.size()) {
        sqlite3_stmt* raw = nullptr;
        const char* start = script.data() + offset;
        const char* tail = nullptr;
        const int rc = sqlite3_prepare_v2(db_, start, static_cast<int>(script.size() - offset), &raw, &tail);
        const std::size_t consumed = tail ? static_cast<std::size_t>(tail - start) : script.size() - offset;
        // Where the statement starts (skipping blank lines and comments before it).
        std::size_t statementStart = offset;
        const auto text = script.substr(offset, consumed);
        std::size_t skip = 0;
        while (skip < text.size()) {
            if (text[skip] == ' ' || text[skip] == '\n' || text[skip] == '\t' || text[skip] == '\r') {
                ++skip;
            } else if (text.substr(skip, 2) == "--") {
                const auto eol = text.find('\n', skip);
                skip = eol == std::string_view::npos ? text.size() : eol + 1;
            } else {
                break;
            }
        }
        statementStart += skip;
        const std::string where = location() + ": " + std::string(name) + " line "
            + std::to_string(lineOf(script, statementStart));
        if (rc != SQLITE_OK) throwSqlite(db_, rc, where, script.substr(statementStart, consumed - skip));
        offset += consumed;
        if (!raw) continue; // only white space or comments
        SqliteStatement statement(db_, raw, std::string(sqlite3_sql(raw)), where);
        bool first = true;
        while (statement.step()) {
            if (selectsAreAssertions && first && statement.columnCount() > 0
                && (statement.isNull(0)
                    || (statement.columnType(0) == ValueType::Integer && statement.columnInt(0) == 0)))
                throw StoreError(where + ": assertion failed (the statement returned "
                                 + (statement.isNull(0) ? std::string("NULL") : std::string("0"))
                                 + "): " + abbreviate(statement.sql()));
            first = false;
        }
    }
}

bool SqliteDatabase::tableExists(std::string_view name)
{
    auto statement = cached("SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?");
    statement->bindText(1, name);
    return statement->step();
}

std::int64_t SqliteDatabase::dataVersion()
{
    auto statement = cached("PRAGMA data_version");
    if (!statement->step()) throw StoreError(location() + ": PRAGMA data_version returned no row");
    return statement->columnInt(0);
}

void SqliteDatabase::addGeometryColumn(std::string_view table, std::string_view column, GeometryType type)
{
    auto statement = prepare("SELECT AddGeometryColumn(?, ?, ?, ?, 'XY')");
    statement->bindText(1, table);
    statement->bindText(2, column);
    statement->bindInt(3, kStorageSrid);
    statement->bindText(4, toString(type));
    if (!statement->step() || statement->columnInt(0) != 1)
        throw StoreError(location() + ": SpatiaLite could not add the geometry column " + std::string(table) + "."
                         + std::string(column));
}

void SqliteDatabase::createSpatialIndex(std::string_view table, std::string_view column)
{
    auto statement = prepare("SELECT CreateSpatialIndex(?, ?)");
    statement->bindText(1, table);
    statement->bindText(2, column);
    if (!statement->step() || statement->columnInt(0) != 1)
        throw StoreError(location() + ": SpatiaLite could not create the spatial index of " + std::string(table)
                         + "." + std::string(column));
}

std::string SqliteDatabase::windowFilterSql(std::string_view table, std::string_view geometryColumn,
                                            std::string_view idExpression) const
{
    // SpatiaLite keeps an R*Tree per indexed column, idx_<table>_<column>,
    // whose pkid is the rowid of the table. Its boxes are rounded outwards to
    // 32-bit floats, so the test never misses a feature.
    const std::string index = "idx_" + std::string(table) + "_" + std::string(geometryColumn);
    return std::string(idExpression) + " IN (SELECT pkid FROM " + quoteIdentifier(index)
        + " WHERE xmax >= ? AND ymax >= ? AND xmin <= ? AND ymin <= ?)";
}

std::optional<BoundingBox> SqliteDatabase::extent(std::string_view table, std::string_view geometryColumn)
{
    const std::string column = quoteIdentifier(geometryColumn);
    auto statement = prepare("SELECT MIN(MbrMinX(" + column + ")), MIN(MbrMinY(" + column + ")), MAX(MbrMaxX("
                             + column + ")), MAX(MbrMaxY(" + column + ")) FROM " + quoteIdentifier(table));
    if (!statement->step() || statement->isNull(0)) return std::nullopt;
    return BoundingBox{statement->columnDouble(0), statement->columnDouble(1), statement->columnDouble(2),
                       statement->columnDouble(3)};
}

std::string SqliteDatabase::sqlType(FieldType type) const
{
    switch (type) {
    case FieldType::Integer:
    case FieldType::Boolean: return "INTEGER";
    case FieldType::Real: return "REAL";
    case FieldType::Text:
    case FieldType::Date: return "TEXT";
    }
    return "TEXT";
}

std::int32_t SqliteDatabase::applicationId()
{
    auto statement = prepare("PRAGMA application_id");
    return statement->step() ? static_cast<std::int32_t>(statement->columnInt(0)) : 0;
}

void SqliteDatabase::setApplicationId(std::int32_t id)
{
    execute("PRAGMA application_id = " + std::to_string(id));
}

bool SqliteDatabase::hasSpatialMetadata()
{
    auto statement = prepare("SELECT CheckSpatialMetaData()");
    return statement->step() && statement->columnInt(0) > 0;
}

void SqliteDatabase::backupTo(const std::filesystem::path& target)
{
    std::error_code ec;
    if (std::filesystem::exists(target, ec))
        throw StoreError(target.string() + ": cannot back up the project: the file already exists");
    auto statement = prepare("VACUUM INTO ?");
    statement->bindText(1, target.string());
    statement->run();
}

void SqliteDatabase::beginTransaction()
{
    cached("BEGIN IMMEDIATE")->run();
}

void SqliteDatabase::commitTransaction()
{
    cached("COMMIT")->run();
}

void SqliteDatabase::rollbackTransaction() noexcept
{
    // SQLite may have rolled back already (e.g. after SQLITE_FULL).
    if (db_ && !sqlite3_get_autocommit(db_)) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

} // namespace planmap::layers
