// A large progress import killed with SIGKILL in the middle leaves the project
// consistent (integrity check ok, no partial rows, no half-recorded batch),
// and the same import then succeeds.

#include "progress_testkit.h"

#include "planmap/layers/progress/Import.h"

#include <csignal>
#include <fstream>
#include <sys/wait.h>
#include <unistd.h>

using namespace planmap::layers;
using namespace planmap::layers::progress;
using namespace planmap::layers::testing;
using namespace planmap::layers::testing::progresskit;

namespace {

std::int64_t scalar(ProjectStore& store, const std::string& sql)
{
    auto s = store.connection().prepare(sql);
    return s->step() ? s->columnInt(0) : -1;
}

} // namespace

TEST_F(ProgressProjectTest, SigkillInTheMiddleOfAnImportLeavesNothingBehind)
{
    // 20,000 rows: 100 km figures per 2023 commune and month-end date.
    const auto file = dir.file("big.csv");
    std::vector<std::string> communes;
    for (const auto& u : project().units().list(UnitLevel::Commune, std::string(kGenerationPre2025))) communes.push_back(*u.code);
    {
        std::ofstream out(file);
        out << "indicator,unit,value,date\n";
        int rows = 0;
        for (int day = 1; rows < 20000; ++day)
            for (const auto& code : communes) {
                if (rows == 20000) break;
                const Date d = makeDate(2023, 1 + (day - 1) / 28, 1 + (day - 1) % 28);
                out << "DA04.1.ND01.CT03," << code << "," << (day * 0.25) << "," << toIsoDate(d) << "\n";
                ++rows;
            }
    }
    ImportMapping mapping;
    mapping.indicatorColumn = "indicator";
    mapping.unitColumn = "unit";
    mapping.valueColumn = "value";
    mapping.dateColumn = "date";
    const auto before = project().progress().count();
    store.reset(); // the child opens its own connection

    int ready[2];
    ASSERT_EQ(pipe(ready), 0);
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        close(ready[0]);
        try {
            ProjectStore mine = ProjectStore::open(projectPath);
            ProgressImporter importer(mine);
            ImportOptions options;
            options.chunkSize = 1000;
            options.onProgress = [&](std::size_t written) {
                if (written == 5000) {
                    const char byte = 'x';
                    (void)!write(ready[1], &byte, 1);
                    pause(); // wait, mid-transaction, to be killed
                }
            };
            importer.run(file, mapping, options);
        } catch (...) {
        }
        _exit(0);
    }
    close(ready[1]);
    char byte = 0;
    ASSERT_EQ(read(ready[0], &byte, 1), 1) << "the child never reached the middle of the import";
    close(ready[0]);
    ASSERT_EQ(kill(child, SIGKILL), 0);
    int status = 0;
    ASSERT_EQ(waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFSIGNALED(status));
    EXPECT_EQ(WTERMSIG(status), SIGKILL);

    store.emplace(ProjectStore::open(projectPath));
    {
        auto s = project().connection().prepare("PRAGMA integrity_check");
        ASSERT_TRUE(s->step());
        EXPECT_EQ(s->columnText(0), "ok");
    }
    EXPECT_EQ(project().progress().count(), before) << "no partial rows";
    EXPECT_EQ(scalar(project(), "SELECT count(*) FROM import_batches"), std::int64_t{kTemplateImportBatches})
        << "no half-recorded batch";
    EXPECT_EQ(scalar(project(), "PRAGMA foreign_key_check"), -1) << "no dangling references";

    ProgressImporter importer(project());
    const auto result = importer.run(file, mapping);
    EXPECT_EQ(result.appended, 20000u);
    EXPECT_EQ(project().progress().count(), before + 20000);
    EXPECT_EQ(scalar(project(), "SELECT count(*) FROM import_batches WHERE status = 'completed'"),
              std::int64_t{kTemplateImportBatches + 1});
}
