#include "planmap/layers/store/ProjectStore.h"

#include "planmap/layers/store/Database.h"
#include "store/SqlSupport.h"

#include <system_error>

namespace planmap::layers {

namespace {

void validate(const ProjectMetadata& metadata, const std::filesystem::path& path)
{
    if (metadata.name.empty()) throw InvalidDataError(path.string() + ": the project needs a name");
    if (metadata.defaultCrs.empty()) throw InvalidDataError(path.string() + ": the project needs a default CRS");
}

void removeDatabaseFiles(const std::filesystem::path& path)
{
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        std::filesystem::remove(path.string() + suffix, ec);
}

const std::vector<Migration>& chosen(const std::vector<Migration>* migrations)
{
    return migrations ? *migrations : builtinMigrations();
}

} // namespace

ProjectStore::ProjectStore(std::filesystem::path path, std::unique_ptr<Connection> connection, int version,
                           int openedAt)
    : path_(std::move(path)),
      connection_(std::move(connection)),
      units_(std::make_unique<AdminUnits>(*connection_)),
      features_(std::make_unique<FeatureLayers>(*connection_)),
      plan_(std::make_unique<PlanCatalogue>(*connection_)),
      progress_(std::make_unique<ProgressLog>(*connection_)),
      funding_(std::make_unique<Funding>(*connection_)),
      imports_(std::make_unique<ImportBatches>(*connection_)),
      schemaVersion_(version),
      openedAtVersion_(openedAt)
{
}

ProjectStore::ProjectStore(ProjectStore&&) noexcept = default;
ProjectStore& ProjectStore::operator=(ProjectStore&&) noexcept = default;

ProjectStore::~ProjectStore()
{
    // Repositories refer to the connection: destroy them first.
    imports_.reset();
    funding_.reset();
    progress_.reset();
    plan_.reset();
    features_.reset();
    units_.reset();
    connection_.reset();
}

ProjectStore ProjectStore::create(const std::filesystem::path& path, const ProjectMetadata& metadata,
                                  const std::vector<Migration>* migrations)
{
    validate(metadata, path);
    auto db = SqliteDatabase::create(path); // refuses an existing path
    try {
        db->setApplicationId(kApplicationId);
        const auto result = migrate(*db, chosen(migrations));
        {
            Transaction transaction(*db);
            const std::string now = toIsoTimestamp(nowUtc());
            auto s = db->prepare("INSERT INTO project (id, name, province_code, default_crs, description, "
                                 "created_at, updated_at) VALUES (1, ?, ?, ?, ?, ?, ?)");
            s->bindText(1, metadata.name);
            s->bindOptionalText(2, metadata.provinceCode);
            s->bindText(3, metadata.defaultCrs);
            s->bindOptionalText(4, metadata.description);
            s->bindText(5, now);
            s->bindText(6, now);
            s->run();
            transaction.commit();
        }
        db->finishCreation();
        return ProjectStore(path, std::move(db), result.toVersion, 0);
    } catch (...) {
        db.reset();
        removeDatabaseFiles(path);
        throw;
    }
}

ProjectStore ProjectStore::open(const std::filesystem::path& path, const OpenOptions& options)
{
    auto db = SqliteDatabase::open(path, options.readOnly ? SqliteDatabase::Mode::ReadOnly
                                                          : SqliteDatabase::Mode::ReadWrite);
    const std::int32_t applicationId = db->applicationId();
    if (applicationId != kApplicationId)
        throw NotAProjectError(path.string() + ": not a planmap project (SQLite application id "
                               + std::to_string(applicationId) + ", expected " + std::to_string(kApplicationId) + ")");
    if (!db->hasSpatialMetadata())
        throw NotAProjectError(path.string() + ": not a planmap project (no SpatiaLite spatial metadata)");

    const auto& migrations = chosen(options.migrations);
    const int openedAt = layers::schemaVersion(*db);
    if (openedAt == 0) throw NotAProjectError(path.string() + ": not a planmap project (no schema)");
    std::optional<std::filesystem::path> backup;
    const int latest = migrations.empty() ? 0 : migrations.back().version;
    if (openedAt < latest && !options.readOnly && options.backupBeforeMigrating) {
        std::filesystem::path target = path;
        target += ".schema-v" + std::to_string(openedAt) + ".bak";
        std::error_code ec;
        for (int n = 2; std::filesystem::exists(target, ec); ++n) {
            target = path;
            target += ".schema-v" + std::to_string(openedAt) + "." + std::to_string(n) + ".bak";
        }
        db->backupTo(target);
        backup = target;
    }
    const auto result = migrate(*db, migrations); // refuses newer schemas, and older ones read-only
    ProjectStore store(path, std::move(db), result.toVersion, openedAt);
    store.migrationBackup_ = backup;
    return store;
}

ProjectMetadata ProjectStore::metadata() const
{
    auto s = connection_->cached(
        "SELECT name, province_code, default_crs, description, created_at, updated_at FROM project WHERE id = 1");
    if (!s->step()) throw StoreError(path_.string() + ": the project has no metadata row");
    ProjectMetadata m;
    m.name = s->columnText(0);
    m.provinceCode = s->optionalText(1);
    m.defaultCrs = s->columnText(2);
    m.description = s->optionalText(3);
    m.createdAt = detail::optionalTimestamp(*s, 4).value_or(Timestamp{});
    m.updatedAt = detail::optionalTimestamp(*s, 5).value_or(Timestamp{});
    return m;
}

void ProjectStore::updateMetadata(const ProjectMetadata& metadata)
{
    validate(metadata, path_);
    Transaction transaction(*connection_);
    auto s = connection_->cached("UPDATE project SET name = ?, province_code = ?, default_crs = ?, description = ?, "
                                 "updated_at = ? WHERE id = 1");
    s->bindText(1, metadata.name);
    s->bindOptionalText(2, metadata.provinceCode);
    s->bindText(3, metadata.defaultCrs);
    s->bindOptionalText(4, metadata.description);
    s->bindText(5, toIsoTimestamp(nowUtc()));
    s->run();
    transaction.commit();
}

} // namespace planmap::layers
