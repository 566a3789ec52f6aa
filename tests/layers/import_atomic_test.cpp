// All or nothing: a corrupt DBF, a CSV with bad rows, a cancelled import
// leave the project file byte for byte as it was (SHA-256 before and after).

#include "import_testkit.h"

#include <atomic>
#include <random>

namespace planmap::layers::importtest {
namespace {

class ImportAtomic : public ImportEngineTest {
protected:
    std::filesystem::path villagesCsv(const std::string& body)
    {
        const auto file = dir.file("thon.csv");
        std::ofstream(file, std::ios::binary) << "ma_thon,ten_thon,kinh_do,vi_do,so_dan,so_ho,dbkk,ngay_cap_nhat\n" << body;
        return file;
    }
    importer::ImportRequest villages(const std::filesystem::path& file)
    {
        importer::ImportRequest r = request(file, "villages");
        r.keyField = "ma_thon";
        r.fields = io::FieldMapping::parse("name=ten_thon,population=so_dan,households=so_ho,dbkk=dbkk");
        return r;
    }
    /// Runs an import of `file` that must fail with ImportProblems and leave
    /// the project byte for byte as it was; returns the problems.
    std::vector<std::string> problemsOfFailedImport(const std::filesystem::path& file)
    {
        const std::string before = closeAndHash();
        reopen();
        std::vector<std::string> problems;
        try {
            importer::runImport(project(), villages(file));
            ADD_FAILURE() << "expected ImportProblems";
        } catch (const io::ImportProblems& e) {
            problems = e.problems();
        }
        EXPECT_EQ(closeAndHash(), before);
        return problems;
    }
};

TEST_F(ImportAtomic, ACsvWithBadRowsNamesEachRowAndFieldAndWritesNothing)
{
    const auto file = villagesCsv("T1,Nà Làng,106.76,21.85,1.238,310,có,01/02/2024\n"
                                  "T2,Khuổi Mỏ,106.77,21.86,12a,200,không,01/02/2024\n"
                                  "T3,Pò Mã,106.78,21.87,450,1O5,có,01/02/2024\n"
                                  "T4,Bản Chắt,106.79,21.88,300,80,có lẽ,01/02/2024\n"
                                  "T1,Nà Làng 2,106.80,21.89,100,20,0,01/02/2024\n");
    const auto p = problemsOfFailedImport(file);
    ASSERT_EQ(p.size(), 4u);
    const std::string f = file.string();
    // The header is row 1: the first data row is row 2.
    EXPECT_EQ(p[0], f + ", row 3, column \"so_dan\": \"12a\" is not a whole number");
    EXPECT_EQ(p[1], f + ", row 4, column \"so_ho\": \"1O5\" is not a whole number");
    EXPECT_NE(p[2].find(f + ", row 5, column \"dbkk\": \"có lẽ\""), std::string::npos) << p[2];
    EXPECT_NE(p[3].find(f + ", row 6, column \"ma_thon\": the key \"T1\" was already used at " + f + ", row 2"),
              std::string::npos)
        << p[3];
}

TEST_F(ImportAtomic, ACsvRowWithTooManyValuesOrAQuoteNeverClosedIsAnErrorNamingTheRow)
{
    // GDAL alone drops a row's extra values and reads everything after a
    // lone quote as one value: the rows after it would be lost.
    const auto file = villagesCsv("T1,Nà Làng,106.76,21.85,1.238,310,có,01/02/2024\n"
                                  "T2,Khuổi Mỏ,106.77,21.86,120,30,có,01/02/2024,thừa\n"
                                  "T3,\"Pò Mã,106.78,21.87,450,105,có,01/02/2024\n"
                                  "T4,Bản Chắt,106.79,21.88,300,80,có,01/02/2024\n");
    const auto p = problemsOfFailedImport(file);
    ASSERT_EQ(p.size(), 2u);
    const std::string f = file.string();
    EXPECT_EQ(p[0].rfind(f + ", row 3: 9 values but the header has 8 columns", 0), 0u) << p[0];
    EXPECT_EQ(p[1].rfind(f + ", row 4, column 2: a quote (\") opens a value that is never closed", 0), 0u) << p[1];
}

TEST_F(ImportAtomic, QuotedValuesWithSeparatorsAndLineBreaksAreNotBrokenRows)
{
    const auto file = villagesCsv("T1,\"Nà Làng, \"\"bản\"\" cũ\n(ghi chú)\",106.76,21.85,1.238,310,có,01/02/2024\n"
                                  "\n"
                                  "T2,Khuổi Mỏ,106.77,21.86,120,30,có,01/02/2024\n");
    const importer::ImportResult result = importer::runImport(project(), villages(file));
    EXPECT_EQ(result.report.inserted, 2);
    const auto v = project().features().findByKey("villages", "T1");
    ASSERT_TRUE(v);
    EXPECT_EQ(v->name, "Nà Làng, \"bản\" cũ\n(ghi chú)");
}

TEST_F(ImportAtomic, AGoodCsvReadsVietnameseNumbersAndLonLatColumns)
{
    const auto file = villagesCsv("T1,Nà Làng,\"106,76\",\"21,85\",1.238,310,có,01/02/2024\n");
    const importer::ImportResult result = importer::runImport(project(), villages(file));
    EXPECT_EQ(result.report.inserted, 1);
    const auto v = project().features().findByKey("villages", "T1");
    ASSERT_TRUE(v);
    EXPECT_EQ(std::get<std::int64_t>(v->attributes.at("population")), 1238);
    EXPECT_EQ(std::get<std::int64_t>(v->attributes.at("dbkk")), 1);
    const geo::Geometry g = geo::Geometry::fromWkb(v->geometry);
    EXPECT_DOUBLE_EQ(g.envelope().minx, 106.76);
    EXPECT_EQ(result.crs.crs->epsgCode(), 4326);
}

TEST_F(ImportAtomic, ACorruptDbfGivesAClearErrorAndWritesNothing)
{
    std::vector<std::string> keys;
    for (int i = 1; i <= 10; ++i) keys.push_back(std::to_string(i));
    const auto shp = dir.file("hong.shp");
    writeShapefile(shp, communePoints(4326, 10), {{"MA", OFTString, 10, keys}}, 4326);
    // Random bytes over the whole DBF, header included.
    const auto dbf = dir.file("hong.dbf");
    const auto size = std::filesystem::file_size(dbf);
    std::mt19937 random(42);
    std::string bytes(size, '\0');
    for (char& b : bytes) b = static_cast<char>(random() & 0xFF);
    std::ofstream(dbf, std::ios::binary | std::ios::trunc) << bytes;

    const std::string before = closeAndHash();
    reopen();
    try {
        importer::runImport(project(), request(shp, "hong"));
        FAIL() << "expected an error";
    } catch (const std::exception& e) {
        EXPECT_NE(std::string(e.what()).find("hong.dbf: the attribute table (DBF) is damaged"), std::string::npos)
            << e.what();
    }
    EXPECT_FALSE(project().features().hasLayer("hong"));
    EXPECT_EQ(closeAndHash(), before);
}

TEST_F(ImportAtomic, ATruncatedDbfGivesAClearErrorAndWritesNothing)
{
    std::vector<std::string> keys;
    for (int i = 1; i <= 200; ++i) keys.push_back(std::to_string(i));
    const auto shp = dir.file("cut.shp");
    writeShapefile(shp, communePoints(4326, 200), {{"MA", OFTString, 10, keys}}, 4326);
    const auto dbf = dir.file("cut.dbf");
    std::filesystem::resize_file(dbf, std::filesystem::file_size(dbf) / 2);
    const std::string before = closeAndHash();
    reopen();
    EXPECT_THROW(importer::runImport(project(), request(shp, "cut")), std::exception);
    EXPECT_FALSE(project().features().hasLayer("cut"));
    EXPECT_EQ(closeAndHash(), before);
}

TEST_F(ImportAtomic, AShapefileWithoutItsShxNamesTheMissingFile)
{
    const auto shp = dir.file("thieu.shp");
    writeShapefile(shp, communePoints(4326, 3), {{"MA", OFTString, 10, {"1", "2", "3"}}}, 4326);
    std::filesystem::remove(dir.file("thieu.shx"));
    const std::string before = closeAndHash();
    reopen();
    try {
        importer::runImport(project(), request(shp, "thieu"));
        FAIL() << "expected an error";
    } catch (const io::ImportError& e) {
        EXPECT_EQ(std::string(e.what()).rfind(dir.file("thieu.shx").string() + " is missing", 0), 0u) << e.what();
        EXPECT_EQ(std::string(e.what()).find("SHAPE_RESTORE_SHX"), std::string::npos) << e.what();
    }
    EXPECT_FALSE(project().features().hasLayer("thieu"));
    EXPECT_EQ(closeAndHash(), before);
}

TEST_F(ImportAtomic, CancellingWritesNothing)
{
    std::vector<std::string> keys;
    for (int i = 1; i <= 1200; ++i) keys.push_back(std::to_string(i));
    const auto shp = dir.file("many.shp");
    writeShapefile(shp, communePoints(4326, 1200), {{"MA", OFTString, 10, keys}}, 4326);
    const std::string before = closeAndHash();

    for (const auto stage : {importer::ImportProgress::Stage::Reading, importer::ImportProgress::Stage::Checking,
                             importer::ImportProgress::Stage::Writing}) {
        SCOPED_TRACE(importer::stageName(stage));
        reopen();
        std::atomic<bool> cancel{false};
        importer::ImportRequest r = request(shp, "many");
        r.keyField = "MA";
        r.cancel = &cancel;
        int calls = 0;
        r.progress = [&](const importer::ImportProgress& p) {
            ++calls;
            // Cancel in the middle of the stage (as a GUI's button would, from another thread).
            if (p.stage == stage && p.done > 0) cancel.store(true);
        };
        EXPECT_THROW(importer::runImport(project(), r), importer::ImportCancelled);
        EXPECT_GE(calls, 1);
        EXPECT_FALSE(project().features().hasLayer("many"));
        EXPECT_EQ(closeAndHash(), before);
    }
    // Without cancelling, the same import goes through.
    reopen();
    importer::ImportRequest r = request(shp, "many");
    r.keyField = "MA";
    EXPECT_EQ(importer::runImport(project(), r).report.inserted, 1200);
}

TEST_F(ImportAtomic, ProgressCoversEveryStage)
{
    std::vector<std::string> keys;
    for (int i = 1; i <= 700; ++i) keys.push_back(std::to_string(i));
    const auto shp = dir.file("progress.shp");
    writeShapefile(shp, communePoints(4326, 700), {{"MA", OFTString, 10, keys}}, 4326);
    std::vector<importer::ImportProgress> seen;
    importer::ImportRequest r = request(shp, "progress_layer");
    r.progress = [&](const importer::ImportProgress& p) { seen.push_back(p); };
    importer::runImport(project(), r);
    for (const auto stage : {importer::ImportProgress::Stage::Reading, importer::ImportProgress::Stage::Checking,
                             importer::ImportProgress::Stage::Writing}) {
        bool finished = false;
        for (const auto& p : seen) finished = finished || (p.stage == stage && p.total == 700 && p.done == 700);
        EXPECT_TRUE(finished) << importer::stageName(stage);
    }
}

} // namespace
} // namespace planmap::layers::importtest
