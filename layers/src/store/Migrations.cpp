#include "planmap/layers/store/Migrations.h"

#include "planmap/layers/store/Connection.h"
#include "planmap/layers/store/Dates.h"
#include "planmap/layers/store/Errors.h"

#include <algorithm>

namespace planmap::layers {

namespace {

constexpr const char* kCreateMigrationsTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL,"
    " applied_at TEXT NOT NULL)";

/// NNNN_name.sql → NNNN; -1 when the name does not have that form.
int versionOf(const std::string& name)
{
    if (name.size() < 10 || name[4] != '_' || !name.ends_with(".sql")) return -1;
    int version = 0;
    for (int i = 0; i < 4; ++i) {
        if (name[static_cast<std::size_t>(i)] < '0' || name[static_cast<std::size_t>(i)] > '9') return -1;
        version = version * 10 + (name[static_cast<std::size_t>(i)] - '0');
    }
    for (std::size_t i = 5; i < name.size() - 4; ++i) {
        const char c = name[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return -1;
    }
    return version;
}

} // namespace

std::vector<Migration> parseMigrations(const std::vector<EmbeddedFile>& files)
{
    std::vector<Migration> migrations;
    for (const auto& file : files) {
        const int version = versionOf(file.name);
        if (version <= 0)
            throw StoreError("schema migration '" + file.name
                             + "': the name must be NNNN_name.sql with NNNN from 0001 and a lower-case name");
        migrations.push_back({version, file.name, file.content});
    }
    std::sort(migrations.begin(), migrations.end(),
              [](const Migration& a, const Migration& b) { return a.version < b.version; });
    for (std::size_t i = 0; i < migrations.size(); ++i) {
        if (migrations[i].version != static_cast<int>(i) + 1)
            throw StoreError("schema migration '" + migrations[i].name + "': expected version "
                             + std::to_string(i + 1) + " (versions must run 1, 2, 3... without gaps or repeats)");
    }
    return migrations;
}

const std::vector<Migration>& builtinMigrations()
{
    static const std::vector<Migration> migrations = parseMigrations(embedded::migrations());
    return migrations;
}

int schemaVersion(Connection& connection)
{
    if (!connection.tableExists("schema_migrations")) return 0;
    auto statement = connection.prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    return statement->step() ? static_cast<int>(statement->columnInt(0)) : 0;
}

MigrationResult migrate(Connection& connection, std::span<const Migration> migrations)
{
    const int latest = migrations.empty() ? 0 : migrations.back().version;
    MigrationResult result;
    result.fromVersion = schemaVersion(connection);
    result.toVersion = result.fromVersion;
    if (result.fromVersion > latest)
        throw SchemaVersionError(connection.location() + ": the project has schema version "
                                     + std::to_string(result.fromVersion)
                                     + ", written by a newer planmap; this planmap knows versions up to "
                                     + std::to_string(latest) + ". Open it with a newer planmap.",
                                 result.fromVersion, latest);
    if (result.fromVersion == latest) return result;
    if (connection.isReadOnly())
        throw SchemaVersionError(connection.location() + ": the project has schema version "
                                     + std::to_string(result.fromVersion) + " and needs upgrading to version "
                                     + std::to_string(latest) + ", which cannot be done read-only",
                                 result.fromVersion, latest);

    for (const auto& migration : migrations) {
        if (migration.version <= result.toVersion) continue;
        Transaction transaction(connection);
        connection.execute(kCreateMigrationsTable);
        connection.executeScript(migration.sql, migration.name, true);
        auto record = connection.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
        record->bindInt(1, migration.version);
        record->bindText(2, migration.name);
        record->bindText(3, toIsoTimestamp(nowUtc()));
        record->run();
        transaction.commit();
        result.toVersion = migration.version;
    }
    return result;
}

} // namespace planmap::layers
