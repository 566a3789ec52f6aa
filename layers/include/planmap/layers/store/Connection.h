#pragma once

#include "planmap/layers/store/Errors.h"
#include "planmap/layers/store/Spatial.h"
#include "planmap/layers/store/Value.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

/// \file
/// The narrow database interface of the project store.
///
/// Domain code (the repositories) talks to a Connection in portable SQL:
/// standard SQL, `?` parameters (1-based), `INSERT ... RETURNING`, window
/// functions, `WITH RECURSIVE`, and the ST_ functions SpatiaLite and PostGIS
/// share (`ST_GeomFromWKB(?, 4326)`, `ST_AsBinary(geom)`, `ST_Multi`). What
/// differs between backends is behind virtual functions here: transactions,
/// spatial column and index creation, the spatial-index window filter, DDL
/// types. The SQLite/SpatiaLite implementation is SqliteDatabase
/// (store/Database.h); a PostgreSQL/PostGIS one can implement the same
/// interface (translating `?` into `$n`).

namespace planmap::layers {

/// A prepared statement. Parameters are 1-based, result columns 0-based.
/// Not copyable; owned by the caller (Connection::prepare) or leased from the
/// connection's cache (Connection::cached).
class Statement {
public:
    virtual ~Statement() = default;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    virtual void bindNull(int index) = 0;
    virtual void bindInt(int index, std::int64_t value) = 0;
    virtual void bindDouble(int index, double value) = 0;
    virtual void bindText(int index, std::string_view value) = 0;
    virtual void bindBlob(int index, std::span<const std::uint8_t> value) = 0;
    void bindBool(int index, bool value) { bindInt(index, value ? 1 : 0); }
    /// Binds any Value (NULL for std::monostate).
    void bind(int index, const Value& value);
    /// The optional binders bind NULL for std::nullopt.
    void bindOptionalInt(int index, const std::optional<std::int64_t>& value);
    void bindOptionalDouble(int index, const std::optional<double>& value);
    void bindOptionalText(int index, const std::optional<std::string>& value);
    void bindOptionalBool(int index, const std::optional<bool>& value);
    /// Binds NULL for an empty blob.
    void bindBlobOrNull(int index, std::span<const std::uint8_t> value);
    virtual int parameterCount() const = 0;

    /// Advances to the next result row; false when the statement is done.
    /// Throws StoreError (ConstraintError for a constraint) on failure.
    virtual bool step() = 0;
    /// Runs a statement to completion, ignoring any rows.
    void run();
    /// Makes the statement ready to run again and clears its bindings.
    virtual void reset() = 0;

    virtual int columnCount() const = 0;
    virtual std::string columnName(int column) const = 0;
    virtual ValueType columnType(int column) const = 0;
    bool isNull(int column) const { return columnType(column) == ValueType::Null; }
    virtual std::int64_t columnInt(int column) const = 0;
    virtual double columnDouble(int column) const = 0;
    virtual std::string columnText(int column) const = 0;
    virtual Blob columnBlob(int column) const = 0;
    bool columnBool(int column) const { return columnInt(column) != 0; }
    Value columnValue(int column) const;
    std::optional<std::int64_t> optionalInt(int column) const;
    std::optional<double> optionalDouble(int column) const;
    std::optional<std::string> optionalText(int column) const;
    std::optional<bool> optionalBool(int column) const;

    /// The SQL text as prepared.
    virtual const std::string& sql() const = 0;

protected:
    Statement() = default;
};

class Connection;

/// A statement borrowed from a connection's cache of prepared statements;
/// returned (reset, bindings cleared) when the lease ends. Leasing the same
/// SQL twice at once yields two distinct statements, so leases nest safely.
/// A lease must not outlive its connection.
class StatementLease {
public:
    StatementLease(StatementLease&& other) noexcept;
    StatementLease& operator=(StatementLease&&) = delete;
    ~StatementLease();

    Statement& operator*() const { return *statement_; }
    Statement* operator->() const { return statement_.get(); }

private:
    friend class Connection;
    StatementLease(Connection& connection, std::string key, std::unique_ptr<Statement> statement);
    Connection* connection_;
    std::string key_;
    std::unique_ptr<Statement> statement_;
};

/// A connection to a project database. Not thread-safe: use one connection
/// per thread (SQLite's WAL lets several connections read while one writes).
/// Prepared statements handed out by cached() stay in the cache for the
/// connection's life, keyed by their SQL text.
class Connection {
public:
    virtual ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    /// Prepares a statement owned by the caller.
    virtual std::unique_ptr<Statement> prepare(std::string_view sql) = 0;
    /// Leases a prepared statement from the cache, preparing it on first
    /// use: the way to run the same SQL many times (batch inserts).
    StatementLease cached(std::string_view sql);
    /// Runs one statement without parameters, ignoring any rows.
    void execute(std::string_view sql);

    /// Runs a script of several statements (a migration). `name` is used in
    /// error messages together with the line of the failing statement. With
    /// selectsAreAssertions, a statement that yields a row whose first column
    /// is 0 or NULL fails the script (SpatiaLite's AddGeometryColumn and
    /// CreateSpatialIndex report failure that way).
    virtual void executeScript(std::string_view script, std::string_view name, bool selectsAreAssertions) = 0;

    /// "sqlite" or e.g. "postgresql".
    virtual std::string backendName() const = 0;
    /// What to call the database in messages: the file path or a DSN without secrets.
    virtual std::string location() const = 0;
    virtual bool isReadOnly() const = 0;

    /// True when a table or view of that name exists.
    virtual bool tableExists(std::string_view name) = 0;
    /// A value that differs from what the previous call returned when
    /// another connection committed a change to the database in between;
    /// this connection's own commits leave it as it is. Caches of what the
    /// database holds compare it to know when to read again. SQLite: PRAGMA
    /// data_version (a read transaction: a few microseconds outside one).
    virtual std::int64_t dataVersion() = 0;

    // --- Spatial (backend-specific) ---------------------------------------
    /// Adds a geometry column (SRID kStorageSrid, XY) to an existing table.
    virtual void addGeometryColumn(std::string_view table, std::string_view column, GeometryType type) = 0;
    /// Creates the spatial index of a geometry column.
    virtual void createSpatialIndex(std::string_view table, std::string_view column) = 0;
    /// A boolean SQL expression selecting the rows of `table` whose geometry's
    /// bounding box intersects a window, through the spatial index. It has
    /// exactly four `?` parameters, to bind in the order minX, minY, maxX,
    /// maxY. `idExpression` is the (qualified) primary key column of the row.
    virtual std::string windowFilterSql(std::string_view table, std::string_view geometryColumn,
                                        std::string_view idExpression) const = 0;
    /// The bounding box of all geometries in a column; nullopt when there are none.
    virtual std::optional<BoundingBox> extent(std::string_view table, std::string_view geometryColumn) = 0;

    // --- DDL ------------------------------------------------------------------
    /// The column type to declare for a field type. For FieldType::Integer
    /// the type also makes `id <type> PRIMARY KEY` an integer key.
    virtual std::string sqlType(FieldType type) const = 0;

    /// Nesting depth of open Transactions (0 = none).
    int transactionDepth() const { return transactionDepth_; }

protected:
    Connection() = default;
    friend class Transaction;
    /// Starts a write transaction that holds the write lock from the start.
    virtual void beginTransaction() = 0;
    virtual void commitTransaction() = 0;
    /// Must not throw; tolerates a transaction the database already ended.
    virtual void rollbackTransaction() noexcept = 0;
    /// Finalizes every cached statement (call before closing the handle).
    void clearStatementCache();

private:
    friend class StatementLease;
    void giveBack(std::string key, std::unique_ptr<Statement> statement) noexcept;

    std::unordered_map<std::string, std::vector<std::unique_ptr<Statement>>> cache_;
    int transactionDepth_ = 0;
};

/// RAII transaction. The outermost one is a database transaction (BEGIN
/// IMMEDIATE on SQLite); nested ones are savepoints, so repository methods,
/// which each open one, compose into a caller's larger transaction. Rolled
/// back on destruction unless commit() succeeded. Transactions on one
/// connection must end in the reverse order they began.
class Transaction {
public:
    explicit Transaction(Connection& connection);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();
    bool isOutermost() const { return depth_ == 1; }

private:
    void rollback() noexcept;
    Connection& connection_;
    int depth_;
    bool done_ = false;
};

/// Quotes an SQL identifier ("name", doubling embedded quotes).
std::string quoteIdentifier(std::string_view name);
/// True for names the store accepts as layer, table and field names:
/// [a-z][a-z0-9_]*, at most 63 characters.
bool isSafeIdentifier(std::string_view name);

} // namespace planmap::layers
