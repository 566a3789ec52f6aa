// Re-importing with a key updates instead of duplicating; undo removes
// exactly what a batch added, restores what it updated, and drops the layer
// it created; undoing out of order is refused.

#include "import_testkit.h"

namespace planmap::layers::importtest {
namespace {

class ImportUndo : public ImportEngineTest {
protected:
    /// Markets: key, name, status; WGS 84 points of real communes.
    std::filesystem::path markets(const std::string& stem, const std::vector<std::string>& keys,
                                  const std::vector<std::string>& names, const std::vector<std::string>& status)
    {
        const auto shp = dir.file(stem + ".shp");
        writeShapefile(shp, communePoints(4326, keys.size()),
                       {{"MA_CHO", OFTString, 10, keys}, {"TEN_CHO", OFTString, 60, names}, {"HIEN_TRANG", OFTString, 30, status}},
                       4326, std::string("UTF-8"));
        return shp;
    }
    importer::ImportRequest marketsRequest(const std::filesystem::path& shp)
    {
        importer::ImportRequest r = request(shp, "markets");
        r.keyField = "MA_CHO";
        r.fields = io::FieldMapping::parse("name=TEN_CHO,status=HIEN_TRANG");
        return r;
    }
    std::string status(const std::string& key)
    {
        const auto f = project().features().findByKey("markets", key);
        if (!f) return "(none)";
        const auto it = f->attributes.find("status");
        return it == f->attributes.end() || isNull(it->second) ? "" : std::get<std::string>(it->second);
    }
};

TEST_F(ImportUndo, ReimportWithAKeyUpdatesAndUndoRestores)
{
    const auto first = markets("cho_2023", {"C1", "C2", "C3"}, {"Chợ Đông Kinh", "Chợ Kỳ Lừa", "Chợ Na Sầm"},
                               {"Hiện có", "Nâng cấp, cải tạo", "Xây mới"});
    const importer::ImportResult a = importer::runImport(project(), marketsRequest(first));
    EXPECT_EQ(a.report.inserted, 3);
    EXPECT_EQ(project().features().count("markets"), 3);

    // The next year's file: C2 finished its upgrade, C4 is new.
    const auto second = markets("cho_2024", {"C2", "C3", "C4"}, {"Chợ Kỳ Lừa", "Chợ Na Sầm", "Chợ Bắc Sơn"},
                                {"Hiện có", "Xây mới", "Xây mới"});
    const importer::ImportResult b = importer::runImport(project(), marketsRequest(second));
    EXPECT_EQ(b.report.inserted, 1);
    EXPECT_EQ(b.report.updated, 2);
    EXPECT_EQ(project().features().count("markets"), 4);
    EXPECT_EQ(status("C2"), "existing");
    const auto c2 = project().features().findByKey("markets", "C2");
    EXPECT_EQ(c2->importBatchId, b.report.importBatchId);

    // Undoing the first batch first is refused: the second changed its rows since.
    try {
        importer::undoImport(project(), a.report.importBatchId);
        FAIL() << "expected a refusal";
    } catch (const io::ImportError& e) {
        EXPECT_NE(std::string(e.what()).find("undo batch " + std::to_string(b.report.importBatchId) + " first"),
                  std::string::npos)
            << e.what();
        // The row is named by its key, as the user knows it.
        EXPECT_NE(std::string(e.what()).find("changed feature \"C3\" (id "), std::string::npos) << e.what();
    }
    EXPECT_EQ(project().features().count("markets"), 4);

    const importer::UndoResult ub = importer::undoImport(project(), b.report.importBatchId);
    EXPECT_EQ(ub.removed, 1);
    EXPECT_EQ(ub.restored, 2);
    EXPECT_FALSE(ub.droppedLayer);  // markets is built in
    EXPECT_EQ(project().features().count("markets"), 3);
    EXPECT_EQ(status("C2"), "upgrade");
    EXPECT_EQ(status("C4"), "(none)");
    EXPECT_EQ(project().features().findByKey("markets", "C2")->importBatchId, a.report.importBatchId);

    const importer::UndoResult ua = importer::undoImport(project(), a.report.importBatchId);
    EXPECT_EQ(ua.removed, 3);
    EXPECT_EQ(project().features().count("markets"), 0);
    EXPECT_THROW(importer::undoImport(project(), a.report.importBatchId), io::ImportError);

    const auto history = importer::importHistory(project());
    ASSERT_EQ(history.size(), 2u);
    EXPECT_TRUE(history[0].undoneAt);
    EXPECT_FALSE(history[0].undoable);
    EXPECT_EQ(history[1].inserted, 3);
}

TEST_F(ImportUndo, UndoRestoresGeometryAndEveryAttribute)
{
    const auto first = markets("v1", {"C1"}, {"Chợ A"}, {"Hiện có"});
    const auto a = importer::runImport(project(), marketsRequest(first));
    const Feature before = *project().features().findByKey("markets", "C1");

    // Same key, another place and name.
    const auto shp = dir.file("v2.shp");
    const std::vector<std::string> wkt{communePoints(4326, 10).back()};
    writeShapefile(shp, wkt, {{"MA_CHO", OFTString, 10, {"C1"}}, {"TEN_CHO", OFTString, 60, {"Chợ B"}},
                              {"HIEN_TRANG", OFTString, 30, {""}}},
                   4326, std::string("UTF-8"));
    const auto b = importer::runImport(project(), marketsRequest(shp));
    EXPECT_EQ(b.report.updated, 1);
    EXPECT_NE(project().features().findByKey("markets", "C1")->geometry, before.geometry);

    importer::undoImport(project(), b.report.importBatchId);
    const Feature after = *project().features().findByKey("markets", "C1");
    EXPECT_EQ(after.geometry, before.geometry);
    EXPECT_EQ(after.name, before.name);
    EXPECT_EQ(after.attributes, before.attributes);
    EXPECT_EQ(after.communeId, before.communeId);
    EXPECT_EQ(after.importBatchId, a.report.importBatchId);
}

TEST_F(ImportUndo, UndoDropsTheReferenceLayerTheBatchCreated)
{
    const auto shp = markets("tham_chieu", {"A", "B"}, {"Một", "Hai"}, {"x", "y"});
    importer::ImportRequest r = request(shp, "lop_tham_chieu");
    r.title = "Lớp tham chiếu";
    const auto result = importer::runImport(project(), r);
    ASSERT_TRUE(result.createdLayer);
    EXPECT_TRUE(project().features().hasLayer("lop_tham_chieu"));
    EXPECT_EQ(project().features().layer("lop_tham_chieu").titleVi, "Lớp tham chiếu");

    const auto undo = importer::undoImport(project(), result.report.importBatchId);
    EXPECT_EQ(undo.removed, 2);
    ASSERT_TRUE(undo.droppedLayer);
    EXPECT_FALSE(project().features().hasLayer("lop_tham_chieu"));
    EXPECT_FALSE(project().connection().tableExists("lop_tham_chieu"));
    auto s = project().connection().prepare("PRAGMA integrity_check");
    ASSERT_TRUE(s->step());
    EXPECT_EQ(s->columnText(0), "ok");

    // The name is free again.
    EXPECT_EQ(importer::runImport(project(), r).report.inserted, 2);
}

TEST_F(ImportUndo, AUnitImportCanBeUndone)
{
    // Ten real communes of 2025 from a GeoJSON file.
    const auto file = dir.file("xa.geojson");
    // Small squares around a point of each commune.
    {
        std::ofstream out(file);
        out << R"({"type":"FeatureCollection","features":[)";
        for (std::size_t i = 0; i < 10; ++i) {
            const RealCommune& c = realCommunes()[i];
            const double x = c.lon, y = c.lat, d = 0.002;
            out << (i ? "," : "") << R"({"type":"Feature","properties":{"ma":")" << c.code << R"(","ten":")" << c.fullName
                << R"("},"geometry":{"type":"Polygon","coordinates":[[[)" << x - d << "," << y - d << "],[" << x + d << ","
                << y - d << "],[" << x + d << "," << y + d << "],[" << x - d << "," << y + d << "],[" << x - d << ","
                << y - d << "]]]}}";
        }
        out << "]}";
    }
    importer::ImportRequest r = request(file, "communes_2025");
    r.keyField = "ma";
    r.fields.set("full_name", "ten");
    const auto result = importer::runImport(project(), r);
    EXPECT_EQ(result.report.inserted, 10);
    EXPECT_EQ(project().units().count(UnitLevel::Commune), 10);
    const auto undo = importer::undoImport(project(), result.report.importBatchId);
    EXPECT_EQ(undo.removed, 10);
    EXPECT_EQ(project().units().count(UnitLevel::Commune), 0);
    EXPECT_EQ(project().units().count(UnitLevel::Province), 1);
}

} // namespace
} // namespace planmap::layers::importtest
