#pragma once

#include "planmap/layers/features/FeatureLayers.h"
#include "planmap/layers/plan/Funding.h"
#include "planmap/layers/plan/PlanCatalogue.h"
#include "planmap/layers/plan/ProgressLog.h"
#include "planmap/layers/store/Connection.h"
#include "planmap/layers/store/Dates.h"
#include "planmap/layers/store/ImportBatches.h"
#include "planmap/layers/store/Migrations.h"
#include "planmap/layers/units/AdminUnits.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

/// \file
/// A planmap project: one SpatiaLite database file (extension .planmap)
/// holding administrative units, feature layers, the plan, its progress log
/// and funding. ProjectStore owns the connection and hands out the
/// repositories that read and write it. Including this header gives the
/// whole store API.

namespace planmap::layers {

/// The single row of the project table.
struct ProjectMetadata {
    std::string name;                         ///< required, e.g. "Lạng Sơn"
    std::optional<std::string> provinceCode;  ///< statistics office code, e.g. "20"
    std::string defaultCrs = "EPSG:9215";     ///< CRS for display and measurement (storage is always EPSG:4326)
    std::optional<std::string> description;
    Timestamp createdAt{};                    ///< set by the store
    Timestamp updatedAt{};                    ///< set by the store
};

struct OpenOptions {
    bool readOnly = false;
    /// Before migrating an older project, write a copy next to it named
    /// "<file>.schema-v<N>.bak".
    bool backupBeforeMigrating = true;
    /// The migrations to apply; nullptr = builtinMigrations(). For tests.
    const std::vector<Migration>* migrations = nullptr;
};

class ProjectStore {
public:
    static constexpr const char* kFileExtension = ".planmap";
    /// PRAGMA application_id of planmap project files ("PLMP").
    static constexpr std::int32_t kApplicationId = 0x504C4D50;

    /// Creates a new project file (the path must not exist) with the current
    /// schema and the metadata. On failure no file is left behind.
    static ProjectStore create(const std::filesystem::path& path, const ProjectMetadata& metadata,
                               const std::vector<Migration>* migrations = nullptr);
    /// Opens a project file. An older schema is migrated (read-write only);
    /// a newer one is refused with SchemaVersionError; a file that is not a
    /// planmap project with NotAProjectError.
    static ProjectStore open(const std::filesystem::path& path, const OpenOptions& options = {});

    ProjectStore(ProjectStore&&) noexcept;
    ProjectStore& operator=(ProjectStore&&) noexcept;
    ~ProjectStore();

    const std::filesystem::path& path() const { return path_; }
    int schemaVersion() const { return schemaVersion_; }
    /// The schema version the project had when opened (before migrating).
    int openedAtSchemaVersion() const { return openedAtVersion_; }
    /// Path of the backup written before migrating, if one was.
    const std::optional<std::filesystem::path>& migrationBackup() const { return migrationBackup_; }

    ProjectMetadata metadata() const;
    /// Replaces name, province code, default CRS and description; sets updatedAt.
    void updateMetadata(const ProjectMetadata& metadata);

    Connection& connection() const { return *connection_; }
    AdminUnits& units() const { return *units_; }
    FeatureLayers& features() const { return *features_; }
    PlanCatalogue& plan() const { return *plan_; }
    ProgressLog& progress() const { return *progress_; }
    Funding& funding() const { return *funding_; }
    ImportBatches& imports() const { return *imports_; }

private:
    ProjectStore(std::filesystem::path path, std::unique_ptr<Connection> connection, int version, int openedAt);

    std::filesystem::path path_;
    std::unique_ptr<Connection> connection_;
    std::unique_ptr<AdminUnits> units_;
    std::unique_ptr<FeatureLayers> features_;
    std::unique_ptr<PlanCatalogue> plan_;
    std::unique_ptr<ProgressLog> progress_;
    std::unique_ptr<Funding> funding_;
    std::unique_ptr<ImportBatches> imports_;
    int schemaVersion_ = 0;
    int openedAtVersion_ = 0;
    std::optional<std::filesystem::path> migrationBackup_;
};

} // namespace planmap::layers
