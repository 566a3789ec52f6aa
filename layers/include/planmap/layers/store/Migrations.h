#pragma once

#include "planmap/layers/EmbeddedFile.h"

#include <span>
#include <string>
#include <vector>

/// \file
/// Schema migrations: numbered SQL scripts under version control
/// (layers/sql/NNNN_name.sql, compiled in), applied in order, each in one
/// transaction, and recorded in the table schema_migrations (version, name,
/// applied_at). The scripts are written in the dialect of the SQLite backend;
/// their top-level SELECTs are assertions (see Connection::executeScript).

namespace planmap::layers {

class Connection;

struct Migration {
    int version = 0;      ///< NNNN of the file name, from 1 without gaps
    std::string name;     ///< the file name, e.g. "0001_initial.sql"
    std::string sql;
};

/// Turns embedded files into migrations; throws StoreError when a name is not
/// NNNN_name.sql or the versions do not run 1, 2, 3... without gaps.
std::vector<Migration> parseMigrations(const std::vector<EmbeddedFile>& files);

/// The migrations compiled into this build (layers/sql/*.sql).
const std::vector<Migration>& builtinMigrations();

/// The highest version recorded in schema_migrations; 0 when the table does
/// not exist (an empty database).
int schemaVersion(Connection& connection);

struct MigrationResult {
    int fromVersion = 0;
    int toVersion = 0;
    bool migrated() const { return toVersion != fromVersion; }
};

/// Brings the schema up to the last of `migrations`, applying each missing
/// one in its own transaction. Applying to an up-to-date database does
/// nothing. Throws SchemaVersionError when the database is newer than the
/// last migration, StoreError naming the script and line when one fails (the
/// failed migration leaves nothing behind; earlier ones stay applied).
MigrationResult migrate(Connection& connection, std::span<const Migration> migrations);

} // namespace planmap::layers
