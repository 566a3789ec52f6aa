// The import engine reads shapefile text in legacy Vietnamese encodings: the
// same layer written in TCVN3, VNI, Windows-1258 and UTF-8 (the names of
// tests/fixtures/encoding/, encoded by iconv and UniKey's tables, not by
// planmap) decodes to identical Unicode; a .cpg is honoured; a given encoding
// wins.

#include "import_testkit.h"

#include "planmap/layers/importer/SourceData.h"

namespace planmap::layers::importtest {
namespace {

using importer::EncodingBasis;
using importer::SourceData;

constexpr std::size_t kRows = 60;

/// Writes the names of `fixture` (first kRows lines) into a point shapefile.
std::filesystem::path namesShapefile(const TempDir& dir, const std::string& fixture, const std::string& stem,
                                     std::optional<std::string> cpg = std::nullopt)
{
    std::vector<std::string> names = encodedLines(fixture);
    names.resize(kRows);
    std::vector<std::string> keys;
    for (std::size_t i = 0; i < kRows; ++i) keys.push_back("K" + std::to_string(i + 1));
    const std::filesystem::path shp = dir.file(stem + ".shp");
    writeShapefile(shp, communePoints(4326, kRows), {{"MA", OFTString, 10, keys}, {"TEN", OFTString, 120, names}}, 4326, cpg);
    return shp;
}

std::vector<std::string> decodedNames(const SourceData& source)
{
    const int column = source.column("TEN");
    EXPECT_GE(column, 0);
    std::vector<std::string> out;
    for (const geo::Feature& f : source.rows()) out.push_back(geo::toString(f.values[static_cast<std::size_t>(column)]));
    return out;
}

std::vector<std::string> expectedNames()
{
    std::vector<std::string> names = encodedLines("names.utf8.txt");
    names.resize(kRows);
    return names;
}

TEST(ImportEncoding, TheSameLayerInTcvn3VniCp1258AndUtf8DecodesToIdenticalUnicode)
{
    TempDir dir;
    const std::vector<std::string> expected = expectedNames();
    struct Case {
        const char* fixture;
        geo::TextEncoding encoding;
    };
    for (const Case& c : {Case{"names.utf8.txt", geo::TextEncoding::Utf8}, Case{"names.tcvn3.txt", geo::TextEncoding::Tcvn3},
                          Case{"names.vni.txt", geo::TextEncoding::Vni}, Case{"names.cp1258.txt", geo::TextEncoding::Cp1258}}) {
        SCOPED_TRACE(c.fixture);
        const auto shp = namesShapefile(dir, c.fixture, std::string("names_") + std::string(geo::encodingName(c.encoding)));
        ASSERT_FALSE(std::filesystem::exists(std::filesystem::path(shp).replace_extension(".cpg")));
        const SourceData source = SourceData::read(shp);
        EXPECT_EQ(source.encoding().basis, EncodingBasis::Detected);
        EXPECT_EQ(source.encoding().encoding, c.encoding) << source.encoding().summary();
        EXPECT_FALSE(source.encoding().reasons.empty());
        EXPECT_EQ(source.encoding().replacedBytes, 0u);
        EXPECT_EQ(decodedNames(source), expected);
    }
}

TEST(ImportEncoding, ReasonsNameTheEvidence)
{
    TempDir dir;
    const SourceData source = SourceData::read(namesShapefile(dir, "names.tcvn3.txt", "tcvn3"));
    ASSERT_GE(source.encoding().reasons.size(), 2u);
    EXPECT_NE(source.encoding().reasons.front().find("TCVN3"), std::string::npos) << source.encoding().reasons.front();
    EXPECT_NE(source.encoding().reasons.front().find("word"), std::string::npos);
    EXPECT_TRUE(source.encoding().confident);
    EXPECT_NE(source.encoding().summary().find("detected"), std::string::npos);
}

TEST(ImportEncoding, ACpgFileIsHonoured)
{
    TempDir dir;
    const SourceData source = SourceData::read(namesShapefile(dir, "names.cp1258.txt", "cp", std::string("1258")));
    EXPECT_EQ(source.encoding().basis, EncodingBasis::Cpg);
    EXPECT_EQ(source.encoding().encoding, geo::TextEncoding::Cp1258);
    EXPECT_EQ(source.encoding().cpg, "1258");
    EXPECT_TRUE(source.encoding().warnings.empty());
    EXPECT_EQ(decodedNames(source), expectedNames());
}

TEST(ImportEncoding, ACpgThatContradictsTheTextIsHonouredWithAWarning)
{
    TempDir dir;
    // TCVN3 bytes under a .cpg claiming UTF-8, as happens when a tool writes
    // the .cpg without knowing what the DBF holds.
    const SourceData source = SourceData::read(namesShapefile(dir, "names.tcvn3.txt", "wrongcpg", std::string("UTF-8")));
    EXPECT_EQ(source.encoding().basis, EncodingBasis::Cpg);
    EXPECT_EQ(source.encoding().encoding, geo::TextEncoding::Utf8);
    ASSERT_FALSE(source.encoding().warnings.empty());
    std::string all;
    for (const auto& w : source.encoding().warnings) all += w + "\n";
    EXPECT_NE(all.find("--encoding tcvn3"), std::string::npos) << all;
}

TEST(ImportEncoding, AGivenEncodingWins)
{
    TempDir dir;
    importer::SourceOptions options;
    options.encoding = "TCVN3";
    const auto shp = namesShapefile(dir, "names.tcvn3.txt", "given", std::string("UTF-8"));
    const SourceData source = SourceData::read(shp, options);
    EXPECT_EQ(source.encoding().basis, EncodingBasis::Given);
    EXPECT_EQ(decodedNames(source), expectedNames());

    options.encoding = "klingon";
    EXPECT_THROW(SourceData::read(shp, options), io::ImportError);
}

TEST(ImportEncoding, UnicodeFormatsAreOnlyNormalised)
{
    TempDir dir;
    // Decomposed (NFD) text in a GeoJSON file comes out composed (NFC).
    const std::filesystem::path file = dir.file("nfd.geojson");
    std::ofstream(file) << R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"ten":"Lo)"
                           "\xCC\x82\xCC\xA3\x63 Bi\xCC\x80nh"
                           R"("},"geometry":{"type":"Point","coordinates":[106.9,21.8]}}]})";
    const SourceData source = SourceData::read(file);
    EXPECT_EQ(source.encoding().basis, EncodingBasis::UnicodeFormat);
    EXPECT_EQ(geo::toString(source.rows().at(0).values.at(0)), "Lộc Bình");
}

class ImportEncodingProject : public ImportEngineTest {};

TEST_F(ImportEncodingProject, ATcvn3ShapefileIsStoredAsUnicode)
{
    const auto shp = namesShapefile(dir, "names.tcvn3.txt", "thon_tcvn3");
    importer::ImportRequest r = request(shp, "thon_tham_chieu");
    r.keyField = "MA";
    r.fields.set("name", "TEN");
    const importer::ImportResult result = importer::runImport(project(), r);
    EXPECT_EQ(result.encoding.encoding, geo::TextEncoding::Tcvn3);
    EXPECT_EQ(result.report.inserted, static_cast<std::int64_t>(kRows));
    const std::vector<std::string> expected = expectedNames();
    for (std::size_t i = 0; i < kRows; ++i) {
        const auto f = project().features().findByKey("thon_tham_chieu", "K" + std::to_string(i + 1));
        ASSERT_TRUE(f);
        EXPECT_EQ(f->name.value_or(""), expected[i]);
        EXPECT_EQ(std::get<std::string>(f->attributes.at("ten")), expected[i]);
    }
    // The search key works on the decoded names.
    EXPECT_FALSE(project().features().search("Na Lang").empty());
}

} // namespace
} // namespace planmap::layers::importtest
