#pragma once

#include "planmap/layers/store/Connection.h"

#include <cstdint>
#include <filesystem>
#include <memory>

struct sqlite3;

/// \file
/// The SQLite/SpatiaLite backend of the project store: thin RAII over the
/// sqlite3 C API. Everything SQLite-specific lives here: pragmas (foreign
/// keys on, WAL, busy timeout), loading SpatiaLite into the connection
/// (spatialite_init_ex), spatial metadata (InitSpatialMetaData), spatial
/// columns (AddGeometryColumn) and their R*Tree indexes (CreateSpatialIndex,
/// queried through the idx_<table>_<column> tables).

namespace planmap::layers {

class SqliteDatabase final : public Connection {
public:
    enum class Mode { ReadWrite, ReadOnly };

    /// Creates a new database file (fails if the path exists) with
    /// SpatiaLite's spatial metadata (InitSpatialMetaData(1)). Until
    /// finishCreation() the file is written without a journal file or syncs
    /// (a half-built project is deleted, not recovered).
    static std::unique_ptr<SqliteDatabase> create(const std::filesystem::path& path);
    /// Opens an existing database file. Read-write connections get
    /// foreign_keys=ON, journal_mode=WAL, synchronous=NORMAL and a 5 s busy
    /// timeout; read-only ones leave the journal mode as it is.
    static std::unique_ptr<SqliteDatabase> open(const std::filesystem::path& path, Mode mode = Mode::ReadWrite);
    /// A private in-memory database with spatial metadata (for tools and tests).
    static std::unique_ptr<SqliteDatabase> createInMemory();

    ~SqliteDatabase() override;

    std::unique_ptr<Statement> prepare(std::string_view sql) override;
    void executeScript(std::string_view script, std::string_view name, bool selectsAreAssertions) override;
    std::string backendName() const override { return "sqlite"; }
    std::string location() const override;
    bool isReadOnly() const override { return mode_ == Mode::ReadOnly; }
    bool tableExists(std::string_view name) override;
    std::int64_t dataVersion() override;

    void addGeometryColumn(std::string_view table, std::string_view column, GeometryType type) override;
    void createSpatialIndex(std::string_view table, std::string_view column) override;
    std::string windowFilterSql(std::string_view table, std::string_view geometryColumn,
                                std::string_view idExpression) const override;
    std::optional<BoundingBox> extent(std::string_view table, std::string_view geometryColumn) override;
    std::string sqlType(FieldType type) const override;

    /// PRAGMA application_id: identifies the kind of file.
    std::int32_t applicationId();
    void setApplicationId(std::int32_t id);
    /// True when the file has SpatiaLite spatial metadata (CheckSpatialMetaData() > 0).
    bool hasSpatialMetadata();
    /// Makes a file made by create() durable and switches it to WAL.
    void finishCreation();
    /// Writes a consistent copy of the database to a new file (VACUUM INTO).
    void backupTo(const std::filesystem::path& target);
    const std::filesystem::path& path() const { return path_; }

    /// The raw handle, for SQLite-specific work the interface does not cover.
    sqlite3* handle() const { return db_; }

protected:
    void beginTransaction() override;
    void commitTransaction() override;
    void rollbackTransaction() noexcept override;

private:
    SqliteDatabase(std::filesystem::path path, Mode mode);
    void openHandle(int flags);
    void configure(bool creating);
    void useWal();
    void initSpatialMetadata();

    std::filesystem::path path_;
    Mode mode_;
    sqlite3* db_ = nullptr;
    void* spatialiteCache_ = nullptr;
};

} // namespace planmap::layers
