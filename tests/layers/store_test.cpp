// The project store: files, migrations, transactions, the SQLite backend.

#include "store_test_support.h"

#include "planmap/layers/store/Database.h"

#include <fstream>

using namespace planmap::layers;
using namespace planmap::layers::testing;

namespace {

std::vector<Migration> builtinPlus(const std::string& name, const std::string& sql)
{
    auto migrations = builtinMigrations();
    migrations.push_back({static_cast<int>(migrations.size()) + 1, name, sql});
    return migrations;
}

std::int64_t countRows(Connection& c, const std::string& table)
{
    auto s = c.prepare("SELECT COUNT(*) FROM " + table);
    s->step();
    return s->columnInt(0);
}

} // namespace

TEST(ProjectStoreTest, CreateThenReopenKeepsMetadataAndSchema)
{
    TempDir dir;
    const auto path = dir.file("langson.planmap");
    {
        auto store = ProjectStore::create(path, sampleMetadata());
        EXPECT_EQ(store.schemaVersion(), builtinMigrations().back().version);
        EXPECT_EQ(store.openedAtSchemaVersion(), 0);
        const auto m = store.metadata();
        EXPECT_EQ(m.name, "Dự án thử nghiệm");
        EXPECT_EQ(m.provinceCode, "20");
        EXPECT_EQ(m.defaultCrs, "EPSG:9215");
        EXPECT_GT(m.createdAt.time_since_epoch().count(), 0);
    }
    ASSERT_TRUE(std::filesystem::exists(path));
    auto store = ProjectStore::open(path);
    EXPECT_EQ(store.schemaVersion(), builtinMigrations().back().version);
    EXPECT_EQ(store.openedAtSchemaVersion(), store.schemaVersion());
    EXPECT_FALSE(store.migrationBackup().has_value());
    EXPECT_EQ(store.metadata().name, "Dự án thử nghiệm");

    auto changed = store.metadata();
    changed.name = "Lạng Sơn";
    changed.description.reset();
    store.updateMetadata(changed);
    EXPECT_EQ(store.metadata().name, "Lạng Sơn");
    EXPECT_FALSE(store.metadata().description.has_value());

    // The built-in layers and the generations of the 2025 reorganisation are there.
    EXPECT_TRUE(store.features().hasLayer("villages"));
    EXPECT_EQ(store.units().generations().size(), 2u);
}

TEST(ProjectStoreTest, CreateRefusesAnExistingFileAndLeavesItAlone)
{
    TempDir dir;
    const auto path = dir.file("existing.planmap");
    std::ofstream(path) << "not a database";
    EXPECT_THROW(ProjectStore::create(path, sampleMetadata()), StoreError);
    std::ifstream in(path);
    std::string content;
    std::getline(in, content);
    EXPECT_EQ(content, "not a database");
}

TEST(ProjectStoreTest, FailedCreateLeavesNoFile)
{
    TempDir dir;
    const auto path = dir.file("broken.planmap");
    const std::vector<Migration> broken{{1, "0001_broken.sql", "CREATE TABLE project (id INTEGER); SELECT 0;"}};
    EXPECT_THROW(ProjectStore::create(path, sampleMetadata(), &broken), StoreError);
    EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(ProjectStoreTest, OpenRefusesFilesThatAreNotProjects)
{
    TempDir dir;
    const auto text = dir.file("text.planmap");
    std::ofstream(text) << "This is plain text, long enough to not look like an empty database file at all.";
    EXPECT_THROW(ProjectStore::open(text), NotAProjectError);

    const auto plain = dir.file("plain.sqlite");
    SqliteDatabase::create(plain)->execute("CREATE TABLE t (x)");
    EXPECT_THROW(ProjectStore::open(plain), NotAProjectError);

    EXPECT_THROW(ProjectStore::open(dir.file("missing.planmap")), StoreError);
}

TEST(ProjectStoreTest, MigrationsAreIdempotent)
{
    TempDir dir;
    const auto path = dir.file("p.planmap");
    ProjectStore::create(path, sampleMetadata());
    auto db = SqliteDatabase::open(path);
    const int version = schemaVersion(*db);
    const auto again = migrate(*db, builtinMigrations());
    EXPECT_FALSE(again.migrated());
    EXPECT_EQ(again.fromVersion, version);
    EXPECT_EQ(schemaVersion(*db), version);
    EXPECT_EQ(countRows(*db, "schema_migrations"), version);
}

TEST(ProjectStoreTest, OpeningAnOlderProjectMigratesItAfterABackup)
{
    TempDir dir;
    const auto path = dir.file("old.planmap");
    ProjectStore::create(path, sampleMetadata());
    const auto newer = builtinPlus("0099_test_extra.sql",
                                   "CREATE TABLE test_extra (id INTEGER PRIMARY KEY, label TEXT NOT NULL);\n"
                                   "INSERT INTO test_extra (label) VALUES ('added by the migration');");
    OpenOptions options;
    options.migrations = &newer;
    {
        auto store = ProjectStore::open(path, options);
        EXPECT_EQ(store.openedAtSchemaVersion(), newer.back().version - 1);
        EXPECT_EQ(store.schemaVersion(), newer.back().version);
        EXPECT_EQ(countRows(store.connection(), "test_extra"), 1);
        ASSERT_TRUE(store.migrationBackup().has_value());
        EXPECT_TRUE(std::filesystem::exists(*store.migrationBackup()));
        EXPECT_EQ(store.metadata().name, "Dự án thử nghiệm"); // data survived
    }
    // The backup is the project as it was: the old version.
    {
        const auto backup = dir.file("old.planmap.schema-v" + std::to_string(newer.back().version - 1) + ".bak");
        auto db = SqliteDatabase::open(backup, SqliteDatabase::Mode::ReadOnly);
        EXPECT_EQ(schemaVersion(*db), newer.back().version - 1);
        EXPECT_FALSE(db->tableExists("test_extra"));
    }
    // Reopening with the same migrations applies nothing more.
    auto store = ProjectStore::open(path, options);
    EXPECT_EQ(countRows(store.connection(), "test_extra"), 1);
    EXPECT_FALSE(store.migrationBackup().has_value());
}

TEST(ProjectStoreTest, ANewerProjectIsRefusedWithAClearMessage)
{
    TempDir dir;
    const auto path = dir.file("new.planmap");
    ProjectStore::create(path, sampleMetadata());
    const auto newer = builtinPlus("0099_future.sql", "CREATE TABLE future (x INTEGER);");
    OpenOptions options;
    options.migrations = &newer;
    ProjectStore::open(path, options); // upgraded by a "newer planmap"

    try {
        ProjectStore::open(path);
        FAIL() << "a newer project must be refused";
    } catch (const SchemaVersionError& e) {
        EXPECT_EQ(e.projectVersion(), newer.back().version);
        EXPECT_EQ(e.supportedVersion(), builtinMigrations().back().version);
        const std::string message = e.what();
        EXPECT_NE(message.find("newer planmap"), std::string::npos) << message;
        EXPECT_NE(message.find(path.string()), std::string::npos) << message;
    }
}

TEST(ProjectStoreTest, AnOlderProjectOpenedReadOnlyIsRefused)
{
    TempDir dir;
    const auto path = dir.file("ro.planmap");
    ProjectStore::create(path, sampleMetadata());
    const auto newer = builtinPlus("0099_x.sql", "CREATE TABLE x (y INTEGER);");
    OpenOptions options;
    options.readOnly = true;
    options.migrations = &newer;
    EXPECT_THROW(ProjectStore::open(path, options), SchemaVersionError);
    options.migrations = nullptr;
    auto store = ProjectStore::open(path, options);
    EXPECT_TRUE(store.connection().isReadOnly());
    EXPECT_EQ(store.metadata().name, "Dự án thử nghiệm");
}

TEST(ProjectStoreTest, AFailingMigrationLeavesThePreviousVersion)
{
    TempDir dir;
    const auto path = dir.file("fail.planmap");
    ProjectStore::create(path, sampleMetadata());
    const auto broken = builtinPlus("0099_broken.sql",
                                    "CREATE TABLE half_done (x INTEGER);\n"
                                    "-- the next statement fails\n"
                                    "INSERT INTO no_such_table VALUES (1);\n");
    OpenOptions options;
    options.migrations = &broken;
    options.backupBeforeMigrating = false;
    try {
        ProjectStore::open(path, options);
        FAIL() << "the broken migration must fail";
    } catch (const StoreError& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find("0099_broken.sql line 3"), std::string::npos) << message;
        EXPECT_NE(message.find("no_such_table"), std::string::npos) << message;
    }
    auto db = SqliteDatabase::open(path);
    EXPECT_EQ(schemaVersion(*db), builtinMigrations().back().version);
    EXPECT_FALSE(db->tableExists("half_done"));
}

TEST(ProjectStoreTest, MigrationNamesMustBeNumberedWithoutGaps)
{
    EXPECT_THROW(parseMigrations({{"0001_a.sql", ""}, {"0003_c.sql", ""}}), StoreError);
    EXPECT_THROW(parseMigrations({{"1_a.sql", ""}}), StoreError);
    EXPECT_THROW(parseMigrations({{"0001_A.sql", ""}}), StoreError);
    const auto ok = parseMigrations({{"0002_b.sql", "b"}, {"0001_a.sql", "a"}});
    ASSERT_EQ(ok.size(), 2u);
    EXPECT_EQ(ok[0].name, "0001_a.sql");
    EXPECT_EQ(ok[1].version, 2);
    // What is compiled in is valid.
    EXPECT_FALSE(builtinMigrations().empty());
    EXPECT_EQ(builtinMigrations().front().name, "0001_initial.sql");
}

TEST(ProjectStoreTest, SelectAssertionsInScriptsCatchSilentSpatiaLiteFailures)
{
    auto db = SqliteDatabase::createInMemory();
    // AddGeometryColumn on a missing table returns 0 instead of raising.
    EXPECT_THROW(db->executeScript("SELECT AddGeometryColumn('missing', 'geom', 4326, 'POINT', 'XY');", "t.sql", true),
                 StoreError);
    EXPECT_NO_THROW(db->executeScript("SELECT AddGeometryColumn('missing', 'geom', 4326, 'POINT', 'XY');", "t.sql",
                                      false));
    EXPECT_THROW(db->addGeometryColumn("missing", "geom", GeometryType::Point), StoreError);
}

TEST_F(StoreTest, ForeignKeysAreEnforced)
{
    AdminUnit orphan = commune("99999", "Mồ Côi", "2025");
    orphan.parentId = 123456; // no such unit
    EXPECT_THROW(project().units().insert(orphan), ConstraintError);

    Feature village;
    village.layer = "villages";
    village.name = "Bản Ma";
    village.communeId = 424242;
    EXPECT_THROW(project().features().insert(village), ConstraintError);
    EXPECT_EQ(project().features().count("villages"), 0);

    auto s = project().connection().prepare("PRAGMA foreign_keys");
    ASSERT_TRUE(s->step());
    EXPECT_EQ(s->columnInt(0), 1);
}

TEST_F(StoreTest, PragmasOfTheSqliteBackend)
{
    auto& c = project().connection();
    EXPECT_EQ(c.backendName(), "sqlite");
    auto mode = c.prepare("PRAGMA journal_mode");
    ASSERT_TRUE(mode->step());
    EXPECT_EQ(mode->columnText(0), "wal");
    auto app = c.prepare("PRAGMA application_id");
    ASSERT_TRUE(app->step());
    EXPECT_EQ(app->columnInt(0), ProjectStore::kApplicationId);
}

TEST_F(StoreTest, TransactionRollsBackUnlessCommitted)
{
    auto& c = project().connection();
    c.execute("CREATE TABLE scratch (x INTEGER NOT NULL)");
    {
        Transaction t(c);
        c.execute("INSERT INTO scratch VALUES (1)");
    } // not committed
    EXPECT_EQ(countRows(c, "scratch"), 0);
    {
        Transaction t(c);
        c.execute("INSERT INTO scratch VALUES (1)");
        t.commit();
    }
    EXPECT_EQ(countRows(c, "scratch"), 1);
    EXPECT_EQ(c.transactionDepth(), 0);
}

TEST_F(StoreTest, NestedTransactionsAreSavepoints)
{
    auto& c = project().connection();
    c.execute("CREATE TABLE scratch (x INTEGER NOT NULL)");
    {
        Transaction outer(c);
        c.execute("INSERT INTO scratch VALUES (1)");
        {
            Transaction inner(c);
            EXPECT_FALSE(inner.isOutermost());
            c.execute("INSERT INTO scratch VALUES (2)");
        } // inner rolled back
        {
            Transaction inner(c);
            c.execute("INSERT INTO scratch VALUES (3)");
            inner.commit();
        }
        outer.commit();
    }
    auto s = c.prepare("SELECT group_concat(x) FROM (SELECT x FROM scratch ORDER BY x)");
    ASSERT_TRUE(s->step());
    EXPECT_EQ(s->columnText(0), "1,3");

    // A repository call inside a caller's transaction is undone with it.
    {
        Transaction outer(c);
        project().units().insert(commune("00001", "Thử", "2025"));
        EXPECT_EQ(project().units().count(), 1);
    }
    EXPECT_EQ(project().units().count(), 0);
}

TEST_F(StoreTest, CachedStatementsNestWithoutInterfering)
{
    auto& c = project().connection();
    auto a = c.cached("SELECT ?");
    a->bindInt(1, 1);
    {
        auto b = c.cached("SELECT ?"); // the same SQL while `a` is in use
        b->bindInt(1, 2);
        ASSERT_TRUE(b->step());
        EXPECT_EQ(b->columnInt(0), 2);
    }
    ASSERT_TRUE(a->step());
    EXPECT_EQ(a->columnInt(0), 1);
}

TEST_F(StoreTest, StatementsBindAndReadEveryType)
{
    auto& c = project().connection();
    auto empty = c.prepare("SELECT typeof(?)");
    empty->bindText(1, std::string_view{}); // empty text is text, not NULL
    ASSERT_TRUE(empty->step());
    EXPECT_EQ(empty->columnText(0), "text");

    auto s = c.prepare("SELECT ?, ?, ?, ?, ?, typeof(?)");
    s->bindNull(1);
    s->bindInt(2, 9007199254740993LL);
    s->bindDouble(3, 1.25);
    s->bindText(4, "Thống Nhất");
    const Blob blob{0, 1, 2, 255};
    s->bindBlob(5, blob);
    s->bindBlob(6, Blob{}); // an empty blob is a blob, not NULL
    ASSERT_TRUE(s->step());
    EXPECT_TRUE(s->isNull(0));
    EXPECT_EQ(s->columnInt(1), 9007199254740993LL);
    EXPECT_DOUBLE_EQ(s->columnDouble(2), 1.25);
    EXPECT_EQ(s->columnText(3), "Thống Nhất");
    EXPECT_EQ(s->columnBlob(4), blob);
    EXPECT_EQ(s->columnText(5), "blob");
    EXPECT_EQ(std::get<std::string>(s->columnValue(3)), "Thống Nhất");
    EXPECT_FALSE(s->step());
}

TEST_F(StoreTest, ErrorsNameTheDatabaseAndTheStatement)
{
    try {
        project().connection().prepare("SELECT * FROM no_such_table");
        FAIL();
    } catch (const StoreError& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find(projectPath.string()), std::string::npos) << message;
        EXPECT_NE(message.find("no such table: no_such_table"), std::string::npos) << message;
    }
}

TEST_F(StoreTest, ImportBatchesDetectReimports)
{
    const auto file = dir.file("villages.csv");
    std::ofstream(file) << "name\nBản Ma\n";
    const std::string sha = ImportBatches::sha256OfFile(file);
    ASSERT_EQ(sha.size(), 64u);
    // sha256("name\nBản Ma\n") computed independently (sha256sum).
    EXPECT_EQ(sha, "8cb6cdd7edb0e2e978f43a5e3fc43e5749179179f28da056d2e10110c22d982c");
    auto& imports = project().imports();
    EXPECT_TRUE(imports.findBySha256(sha).empty());
    const auto id = imports.begin(file, sha, "layer", "villages", "tester");
    imports.finish(id, 1);
    const auto batches = imports.findBySha256(sha);
    ASSERT_EQ(batches.size(), 1u);
    EXPECT_EQ(batches[0].status, ImportStatus::Completed);
    EXPECT_EQ(batches[0].rowCount, 1);
    EXPECT_EQ(batches[0].target, "villages");
    EXPECT_TRUE(batches[0].finishedAt.has_value());
    EXPECT_THROW(imports.begin(file, "abc", "layer"), InvalidDataError);
}
