// The import wizard: its controller imports a TCVN3 shapefile without .prj
// into a new reference layer with EPSG:9215 detected; cancelling writes
// nothing; the wizard's pages walk through preview, target and check to the
// import and its undo; the export dialog writes a GeoPackage with its style.

#include "AppTestSupport.h"
#include "ImportWizard.h"
#include "ImportNotes.h"
#include "ImportWizardController.h"
#include "ImportWorker.h"
#include "LayerExportDialog.h"
#include "MainWindow.h"
#include "StoreProjectData.h"

#include "../layers/import_testkit.h"

#include "planmap/layers/importer/CrsDetection.h"
#include "planmap/layers/io/QgisStyle.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QEventLoop>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QThread>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>

namespace planmap::gui {
namespace {

using layers::importtest::communePoints;
using layers::importtest::encodedLines;
using layers::importtest::writeShapefile;

constexpr std::size_t kRows = 24;

class ImportWizardTest : public layers::importtest::ImportEngineTest {
protected:
    void SetUp() override
    {
        apptest::app();
        ImportEngineTest::SetUp();
        addCommunes();
    }

    /// A shapefile of village points in VN-2000 / TM-3 107-15 metres, names in
    /// TCVN3, without .prj or .cpg (as district offices still send them).
    std::filesystem::path tcvn3Shapefile()
    {
        std::vector<std::string> names = encodedLines("names.tcvn3.txt");
        names.resize(kRows);
        std::vector<std::string> keys;
        for (std::size_t i = 0; i < kRows; ++i) keys.push_back("T" + std::to_string(i + 1));
        const auto shp = dir.file("thon_ban.shp");
        writeShapefile(shp, communePoints(9215, kRows), {{"MA", OFTString, 10, keys}, {"TEN", OFTString, 120, names}});
        EXPECT_FALSE(std::filesystem::exists(dir.file("thon_ban.prj")));
        return shp;
    }
    std::vector<std::string> utf8Names()
    {
        std::vector<std::string> names = encodedLines("names.utf8.txt");
        names.resize(kRows);
        return names;
    }
    std::int64_t batches()
    {
        auto s = project().connection().prepare("SELECT count(*) FROM import_batches");
        s->step();
        return s->columnInt(0);
    }
};

TEST_F(ImportWizardTest, ControllerImportsATcvn3ShapefileWithoutPrjIntoANewLayer)
{
    ImportWizardController c(project());
    c.setFile(tcvn3Shapefile());
    EXPECT_EQ(c.request().layer, "thon_ban");
    EXPECT_TRUE(c.targetIsNew());
    ASSERT_TRUE(c.refreshPreview()) << c.error().toStdString();
    const auto& preview = *c.preview();
    EXPECT_EQ(preview.encoding.encoding, geo::TextEncoding::Tcvn3);
    ASSERT_TRUE(preview.crs.crs);
    EXPECT_EQ(preview.crs.crs->epsgCode(), 9215);
    EXPECT_EQ(preview.crs.basis, layers::importer::CrsResolution::Basis::Detected);
    ASSERT_GE(c.chosenCrs(), 0);
    EXPECT_EQ(c.crsChoices()[static_cast<std::size_t>(c.chosenCrs())].crs, "EPSG:9215");
    EXPECT_GT(c.crsChoices().size(), 3u);  // the other candidates are offered too
    // The decoded preview shows Unicode names.
    const auto names = utf8Names();
    ASSERT_FALSE(preview.rows.empty());
    bool found = false;
    for (const auto& v : preview.rows[0].values) found = found || v == names[0];
    EXPECT_TRUE(found) << names[0];
    ASSERT_TRUE(preview.rows[0].geometryWkt);

    // The user names the field for the feature names and imports.
    c.setField("name", "TEN");
    const auto check = c.checkAll();
    EXPECT_EQ(check.rows, static_cast<std::int64_t>(kRows));
    EXPECT_EQ(check.rowsWithProblems, 0);
    std::vector<layers::importer::ImportProgress::Stage> stages;
    const auto result = c.run([&](const layers::importer::ImportProgress& p) { stages.push_back(p.stage); }, nullptr);
    EXPECT_EQ(result.report.inserted, static_cast<std::int64_t>(kRows));
    ASSERT_TRUE(result.createdLayer);
    EXPECT_EQ(*result.createdLayer, "thon_ban");
    EXPECT_EQ(result.crs.crs->epsgCode(), 9215);
    EXPECT_FALSE(stages.empty());
    EXPECT_EQ(stages.back(), layers::importer::ImportProgress::Stage::Writing);
    layers::FeatureQuery q;
    q.layer = "thon_ban";
    const auto features = project().features().list(q);
    ASSERT_EQ(features.size(), kRows);
    EXPECT_EQ(features[0].name.value_or(""), names[0]);
    // The first point is in the first real commune: the detected CRS put it back where it belongs.
    EXPECT_EQ(project().units().get(*features[0].communeId, false)->code, layers::importtest::realCommunes()[0].code);

    // Undo the last import: the layer it created goes too.
    const auto last = c.lastUndoable();
    ASSERT_TRUE(last);
    EXPECT_EQ(last->batch.id, result.report.importBatchId);
    const auto undone = c.undo(last->batch.id);
    EXPECT_EQ(undone.removed, static_cast<std::int64_t>(kRows));
    EXPECT_TRUE(undone.droppedLayer);
    EXPECT_FALSE(project().features().hasLayer("thon_ban"));
}

TEST_F(ImportWizardTest, CancelWritesNothing)
{
    ImportWizardController c(project());
    c.setFile(tcvn3Shapefile());
    ASSERT_TRUE(c.refreshPreview()) << c.error().toStdString();
    std::atomic<bool> cancel{false};
    bool sawWriting = false;
    const auto progress = [&](const layers::importer::ImportProgress& p) {
        if (p.stage == layers::importer::ImportProgress::Stage::Writing) {
            sawWriting = true;
            cancel = true;  // the user presses Dừng while rows are being written
        }
    };
    EXPECT_THROW(c.run(progress, &cancel), layers::importer::ImportCancelled);
    EXPECT_TRUE(sawWriting);
    EXPECT_FALSE(project().features().hasLayer("thon_ban"));
    EXPECT_EQ(batches(), 0);
    EXPECT_FALSE(c.lastUndoable());
    // And the same import goes through afterwards.
    cancel = false;
    EXPECT_EQ(c.run({}, &cancel).report.inserted, static_cast<std::int64_t>(kRows));
}

TEST_F(ImportWizardTest, WorkerImportsOnItsOwnThreadWithItsOwnConnection)
{
    ImportWizardController c(project());
    c.setFile(tcvn3Shapefile());
    ASSERT_TRUE(c.refreshPreview()) << c.error().toStdString();
    layers::importer::ImportRequest request = c.request();
    std::atomic<bool> onOtherThread{true};
    const QThread* windowThread = QThread::currentThread();
    request.progress = [&](const layers::importer::ImportProgress&) {
        if (QThread::currentThread() == windowThread) onOtherThread = false;
    };
    ImportWorker worker;
    int progressed = 0, finished = 0;
    QObject::connect(&worker, &ImportWorker::progressed, [&] {
        EXPECT_EQ(QThread::currentThread(), windowThread);
        ++progressed;
    });
    QObject::connect(&worker, &ImportWorker::finished, [&] { ++finished; });
    ASSERT_TRUE(worker.start(project().path(), request));
    EXPECT_TRUE(worker.isRunning());
    EXPECT_FALSE(worker.start(project().path(), request));  // one at a time
    QEventLoop loop;
    QObject::connect(&worker, &ImportWorker::finished, &loop, &QEventLoop::quit);
    if (worker.isRunning()) loop.exec();
    EXPECT_FALSE(worker.isRunning());
    EXPECT_EQ(finished, 1);
    EXPECT_GE(progressed, 1);
    EXPECT_TRUE(onOtherThread);
    ASSERT_TRUE(worker.result()) << worker.error().toStdString();
    EXPECT_EQ(worker.result()->report.inserted, static_cast<std::int64_t>(kRows));
    // The window thread's connection sees what the worker wrote (the layer it created too).
    EXPECT_EQ(project().features().count("thon_ban"), static_cast<std::int64_t>(kRows));
}

TEST_F(ImportWizardTest, WorkerCancelWritesNothing)
{
    ImportWizardController c(project());
    c.setFile(tcvn3Shapefile());
    ASSERT_TRUE(c.refreshPreview()) << c.error().toStdString();
    ImportWorker worker;
    layers::importer::ImportRequest request = c.request();
    // The user presses Dừng while rows are being written.
    request.progress = [&](const layers::importer::ImportProgress& p) {
        if (p.stage == layers::importer::ImportProgress::Stage::Writing) worker.cancel();
    };
    ASSERT_TRUE(worker.start(project().path(), request));
    worker.wait();
    EXPECT_FALSE(worker.isRunning());
    EXPECT_TRUE(worker.cancelled()) << worker.error().toStdString();
    EXPECT_FALSE(worker.result());
    EXPECT_FALSE(project().features().hasLayer("thon_ban"));
    EXPECT_EQ(batches(), 0);
}

TEST_F(ImportWizardTest, SeveralFittingCrsArePreselectedForTheUserToConfirm)
{
    // A cluster of points (a few hundred metres) in EPSG:9215 near a commune
    // where the neighbouring zone VN-2000 / TM-3 107-00 (defined for Bắc
    // Giang, whose area of use reaches into southern Lạng Sơn) also puts it
    // inside the province: the engine cannot choose alone. The commune is the
    // southernmost of the real ones for which that holds.
    namespace imp = layers::importer;
    const geo::Transform t(geo::Crs::fromEpsg(4326), geo::Crs::fromEpsg(9215));
    const auto area = imp::projectReferenceArea(project());
    ASSERT_TRUE(area);
    std::vector<geo::XY> cluster;
    const layers::testing::langson::RealCommune* commune = nullptr;
    std::vector<const layers::testing::langson::RealCommune*> southFirst;
    for (const auto& c : layers::importtest::realCommunes()) southFirst.push_back(&c);
    std::sort(southFirst.begin(), southFirst.end(), [](auto* a, auto* b) { return a->lat < b->lat; });
    for (const auto* cp : southFirst) {
        const auto& c = *cp;
        std::vector<geo::XY> points;
        for (int i = 0; i < 6; ++i) points.push_back(t.forward(c.lon + 0.002 * i, c.lat + 0.001 * (i % 2)));
        const imp::CrsDetection d = imp::detectCrs(points, *area);
        int plausibleFits = 0;
        for (const auto& candidate : d.candidates) plausibleFits += candidate.share() >= imp::kCrsFitShare && candidate.plausible;
        if (!d.chosen && plausibleFits >= 2) {
            cluster = points;
            commune = &c;
            break;
        }
    }
    ASSERT_NE(commune, nullptr) << "no commune where two zones meant for the area fit";
    std::vector<std::string> wkts, keys;
    for (std::size_t i = 0; i < cluster.size(); ++i) {
        wkts.push_back(geo::Geometry::point(cluster[i].x, cluster[i].y).toWkt());
        keys.push_back("D" + std::to_string(i + 1));
    }
    const auto shp = dir.file("diem.shp");
    writeShapefile(shp, wkts, {{"MA", OFTString, 10, keys}});

    ImportWizardController c(project());
    c.setFile(shp);
    ASSERT_TRUE(c.refreshPreview()) << c.error().toStdString();
    EXPECT_TRUE(c.crsNeedsConfirmation());
    ASSERT_GE(c.chosenCrs(), 0);
    const auto& choices = c.crsChoices();
    const CrsChoice& preselected = choices[static_cast<std::size_t>(c.chosenCrs())];
    EXPECT_TRUE(preselected.plausible);
    EXPECT_GE(preselected.share, imp::kCrsFitShare);
    EXPECT_EQ(c.request().crs.value_or(""), preselected.crs);  // the preview is made with it
    ASSERT_TRUE(c.preview());
    EXPECT_EQ(c.preview()->rows.size(), cluster.size());
    std::size_t fitting = 0;
    for (const auto& choice : choices) fitting += choice.share >= imp::kCrsFitShare && choice.plausible;
    EXPECT_GE(fitting, 2u);

    // The user confirms the zone of Lạng Sơn (the one the points were made in).
    const auto truth = std::find_if(choices.begin(), choices.end(), [](const CrsChoice& ch) { return ch.crs == "EPSG:9215"; });
    ASSERT_NE(truth, choices.end());
    const int truthIndex = static_cast<int>(truth - choices.begin());
    const std::size_t choiceCount = choices.size();
    c.setCrs(std::string("EPSG:9215"));
    EXPECT_FALSE(c.crsNeedsConfirmation());
    ASSERT_TRUE(c.refreshPreview()) << c.error().toStdString();
    EXPECT_FALSE(c.crsNeedsConfirmation());
    EXPECT_EQ(c.crsChoices().size(), choiceCount);  // the list stays for another change of mind
    EXPECT_EQ(c.chosenCrs(), truthIndex);
    const auto result = c.run({}, nullptr);
    EXPECT_EQ(result.report.inserted, static_cast<std::int64_t>(cluster.size()));
    EXPECT_EQ(result.crs.basis, imp::CrsResolution::Basis::Given);
    ASSERT_TRUE(result.crs.crs);
    EXPECT_EQ(result.crs.crs->epsgCode(), 9215);
    // The points are back where they were made: in (or within metres of) their commune.
    layers::FeatureQuery q;
    q.layer = "diem";
    const auto features = project().features().list(q);
    ASSERT_EQ(features.size(), cluster.size());
    ASSERT_TRUE(features[0].communeId);
    EXPECT_EQ(project().units().get(*features[0].communeId, false)->code, commune->code);
}

TEST_F(ImportWizardTest, KmzPlacemarksImportWithTheirUnicodeNames)
{
    // A KMZ (zipped KML, as Google Earth saves it) written by GDAL's LIBKML driver.
    const auto kmz = dir.file("diem_tham_quan.kmz");
    const auto names = utf8Names();
    {
        GDALAllRegister();
        GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("LIBKML");
        ASSERT_NE(driver, nullptr);
        GDALDatasetUniquePtr ds(driver->Create(kmz.string().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        ASSERT_TRUE(ds);
        OGRSpatialReference wgs84;
        wgs84.importFromEPSG(4326);
        wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        OGRLayer* layer = ds->CreateLayer("diem", &wgs84, wkbPoint, nullptr);
        ASSERT_NE(layer, nullptr);
        OGRFieldDefn name("Name", OFTString);
        ASSERT_EQ(layer->CreateField(&name), OGRERR_NONE);
        for (std::size_t i = 0; i < 5; ++i) {
            const auto& c = layers::importtest::realCommunes()[i];
            OGRFeature f(layer->GetLayerDefn());
            f.SetField("Name", names[i].c_str());
            OGRPoint p(c.lon, c.lat);
            f.SetGeometry(&p);
            ASSERT_EQ(layer->CreateFeature(&f), OGRERR_NONE);
        }
    }
    ASSERT_TRUE(std::filesystem::exists(kmz));
    {
        std::ifstream in(kmz, std::ios::binary);
        char magic[2] = {};
        in.read(magic, 2);
        ASSERT_EQ(std::string(magic, 2), "PK");  // a zip, not a plain KML
    }

    ImportWizardController c(project());
    c.setFile(kmz);
    EXPECT_EQ(c.request().layer, "diem_tham_quan");
    ASSERT_TRUE(c.refreshPreview()) << c.error().toStdString();
    const auto& preview = *c.preview();
    EXPECT_EQ(preview.driver, "LIBKML");
    EXPECT_EQ(preview.rowCount, 5);
    ASSERT_TRUE(preview.crs.crs);
    EXPECT_EQ(preview.crs.crs->epsgCode(), 4326);
    EXPECT_FALSE(c.crsNeedsConfirmation());
    c.setField("name", "Name");
    const auto result = c.run({}, nullptr);
    EXPECT_EQ(result.report.inserted, 5);
    layers::FeatureQuery q;
    q.layer = "diem_tham_quan";
    const auto features = project().features().list(q);
    ASSERT_EQ(features.size(), 5u);
    std::set<std::string> imported, expected(names.begin(), names.begin() + 5);
    for (const auto& f : features) imported.insert(f.name.value_or(""));
    EXPECT_EQ(imported, expected);
    ASSERT_TRUE(features[0].communeId);
}

TEST_F(ImportWizardTest, WizardPagesWalkFromFileToImportAndUndo)
{
    ImportWizard wizard(project());
    wizard.resize(1000, 680);
    wizard.show();
    apptest::keepShot(wizard, "import_wizard_1_file");
    bool written = false;
    QObject::connect(&wizard, &ImportWizard::projectWritten, [&] { written = true; });
    ASSERT_TRUE(wizard.openFile(QString::fromStdString(tcvn3Shapefile().string())));
    EXPECT_EQ(wizard.currentId(), ImportWizard::PreviewPage);
    QApplication::processEvents();
    apptest::keepShot(wizard, "import_wizard_2_preview");
    auto* table = wizard.findChild<QTableWidget*>(QStringLiteral("importPreviewTable"));
    ASSERT_NE(table, nullptr);
    EXPECT_EQ(table->rowCount(), static_cast<int>(kRows));
    auto* crs = wizard.findChild<QComboBox*>(QStringLiteral("importCrs"));
    ASSERT_NE(crs, nullptr);
    EXPECT_TRUE(crs->currentText().contains(QStringLiteral("EPSG:9215"))) << crs->currentText().toStdString();
    auto* encoding = wizard.findChild<QComboBox*>(QStringLiteral("importEncoding"));
    ASSERT_NE(encoding, nullptr);
    EXPECT_TRUE(encoding->isEnabled());
    // The engine's notes in the wizard's words: the evidence for TCVN3 and
    // why EPSG:9215, not the engine's English sentences.
    auto* encodingInfo = wizard.findChild<QLabel*>(QStringLiteral("importEncodingInfo"));
    auto* crsInfo = wizard.findChild<QLabel*>(QStringLiteral("importCrsInfo"));
    ASSERT_NE(encodingInfo, nullptr);
    ASSERT_NE(crsInfo, nullptr);
    const QString evidence = encodingInfo->text();
    EXPECT_TRUE(evidence.contains(QStringLiteral("từ có chữ tiếng Việt có dấu"))) << evidence.toStdString();
    EXPECT_TRUE(evidence.contains(QStringLiteral("TCVN3"))) << evidence.toStdString();
    const QString why = crsInfo->text();
    EXPECT_TRUE(why.contains(QStringLiteral("điểm mẫu vào trong tỉnh (%1 / %1)").arg(kRows))) << why.toStdString();
    for (const QString& english : {QStringLiteral("detected"), QStringLiteral("inside"), QStringLiteral("words")}) {
        EXPECT_FALSE(evidence.contains(english)) << evidence.toStdString();
        EXPECT_FALSE(why.contains(english)) << why.toStdString();
    }

    wizard.next();
    EXPECT_EQ(wizard.currentId(), ImportWizard::TargetPage);
    QApplication::processEvents();
    apptest::keepShot(wizard, "import_wizard_3_target");
    auto* mapping = wizard.findChild<QTableWidget*>(QStringLiteral("importMapping"));
    ASSERT_NE(mapping, nullptr);
    EXPECT_GT(mapping->rowCount(), 5);
    // A new layer: the file's columns become its fields; which column names the
    // features (and which is the key...) can still be chosen.
    auto* nameColumn = qobject_cast<QComboBox*>(mapping->cellWidget(0, 2));
    ASSERT_NE(nameColumn, nullptr);
    EXPECT_EQ(nameColumn->currentData().toString(), QStringLiteral("TEN"));
    EXPECT_EQ(mapping->cellWidget(mapping->rowCount() - 1, 2), nullptr);

    wizard.next();
    EXPECT_EQ(wizard.currentId(), ImportWizard::CommitPage);
    auto* report = wizard.findChild<QPlainTextEdit*>(QStringLiteral("importReport"));
    ASSERT_NE(report, nullptr);
    EXPECT_TRUE(report->toPlainText().contains(QStringLiteral("MakeValid"))) << report->toPlainText().toStdString();
    // The encoding and CRS notes in the wizard's words there too.
    EXPECT_TRUE(report->toPlainText().contains(QStringLiteral("điểm mẫu vào trong tỉnh"))) << report->toPlainText().toStdString();
    EXPECT_FALSE(report->toPlainText().contains(QStringLiteral("text encoding:"))) << report->toPlainText().toStdString();
    EXPECT_FALSE(report->toPlainText().contains(QStringLiteral("syllables"))) << report->toPlainText().toStdString();
    EXPECT_FALSE(project().features().hasLayer("thon_ban"));  // nothing written before Nhập
    auto* importButton = wizard.findChild<QPushButton*>(QStringLiteral("importRun"));
    ASSERT_NE(importButton, nullptr);
    importButton->click();
    EXPECT_TRUE(wizard.isImporting());  // on its worker thread
    wizard.worker().wait();
    EXPECT_FALSE(wizard.isImporting());
    QApplication::processEvents();
    apptest::keepShot(wizard, "import_wizard_4_done");
    EXPECT_TRUE(written);
    EXPECT_TRUE(wizard.projectChanged());
    EXPECT_EQ(project().features().count("thon_ban"), static_cast<std::int64_t>(kRows));
}

TEST_F(ImportWizardTest, TheCheckWordsTheEnginesMessagesInVietnamese)
{
    // Villages from a district's sheet: a value that is not a number, an empty
    // and a repeated key, an unknown commune code, a point outside every commune.
    const auto csv = dir.file("thon_huyen.csv");
    std::ofstream(csv) << "Mã thôn,Tên thôn,Số nhân khẩu,Mã xã mới,Ghi chú,X,Y\n"
                       << "T1,Bản Chắt,1.238,,,106.76,21.85\n"
                       << "T2,Nà Pàn,nhiều,,,106.76,21.85\n"
                       << ",Khuổi Mạ,12,,,106.76,21.85\n"
                       << "T1,Pác Cáy,15,99999,,106.76,21.85\n"
                       << "T5,Nà Lầu,15,,,105.80,21.02\n";
    ImportWizardController c(project());
    c.setFile(csv);
    c.request().keyField = "Mã thôn";
    c.setExistingLayer("villages");
    c.setField("name", "Tên thôn");
    c.setField("population", "Số nhân khẩu");
    c.setField("commune_code", "Mã xã mới");
    c.setCrs("EPSG:4326");  // one point of five is far away: detection would ask to confirm
    ASSERT_TRUE(c.refreshPreview()) << c.error().toStdString();
    const ImportWizardController::Check check = c.checkAll();
    EXPECT_EQ(check.rows, 5);
    EXPECT_EQ(check.rowsWithProblems, 3);
    QStringList problems;
    for (const auto& m : check.problems) problems << importMessageText(m);
    EXPECT_TRUE(problems.contains(QStringLiteral("dòng 3, cột “Số nhân khẩu”: “nhiều” không phải số nguyên (trường Số nhân khẩu (population))")))
        << problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(problems.contains(QStringLiteral("dòng 4, cột “Mã thôn”: khóa để trống"))) << problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(problems.contains(QStringLiteral("dòng 5, cột “Mã thôn”: khóa “T1” đã dùng ở dòng 2")))
        << problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(problems.contains(QStringLiteral("dòng 5, cột “Mã xã mới”: không có xã nào mã 99999 (đơn vị từ 01/07/2025)")))
        << problems.join(QLatin1Char('\n')).toStdString();
    QStringList others;
    for (const auto& list : {check.warnings, check.notes})
        for (const auto& m : list) others << importMessageText(m);
    // Rows 2 and 6 are fine; the one far from Lạng Sơn is outside every commune.
    EXPECT_TRUE(others.contains(QStringLiteral("1 đối tượng nằm ngoài mọi xã (từ 01/07/2025) của dự án.")))
        << others.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(others.contains(QStringLiteral("Các cột không được nhập (ghép chúng với trường ở trang “Lớp đích”): “Ghi chú”")))
        << others.join(QLatin1Char('\n')).toStdString();
    // Nothing of the engine's English is left.
    const QString all = problems.join(QLatin1Char('\n')) + others.join(QLatin1Char('\n'));
    for (const char* english : {"row ", "column", "feature", "not a", "key", "outside", "commune", "--"})
        EXPECT_FALSE(all.contains(QLatin1String(english))) << english << "\n" << all.toStdString();
}

TEST_F(ImportWizardTest, TheCheckPageReportsRepairsInVietnamese)
{
    // Forest plots, one a bow tie (self-intersecting): MakeValid splits it in two.
    const auto shp = dir.file("lo_rung.shp");
    writeShapefile(shp,
                   {layers::importtest::kSquare, layers::importtest::kBowTie},
                   {{"MA_LO", OFTString, 10, {"LO1", "LO2"}}}, 4326, std::string("UTF-8"), wkbPolygon);
    ImportWizard wizard(project());
    wizard.resize(1000, 680);
    wizard.show();
    ASSERT_TRUE(wizard.openFile(QString::fromStdString(shp.string())));
    wizard.next();
    wizard.next();
    ASSERT_EQ(wizard.currentId(), ImportWizard::CommitPage);
    auto* report = wizard.findChild<QPlainTextEdit*>(QStringLiteral("importReport"));
    ASSERT_NE(report, nullptr);
    const QString text = report->toPlainText();
    apptest::keepShot(wizard, "import_wizard_repairs");
    EXPECT_TRUE(text.contains(QStringLiteral("Sửa hình (MakeValid): 1"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("đối tượng 2: Cạnh tự cắt nhau tại (106,76"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("vùng tách thành 2 phần"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("loại vùng → đa vùng"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Lớp tham chiếu mới lo_rung “lo_rung” (vùng), các trường: MA_LO (ma_lo): chữ")))
        << text.toStdString();
    for (const char* english : {"Self-intersection", "repaired", "feature", "split", "new reference layer"})
        EXPECT_FALSE(text.contains(QLatin1String(english))) << english << "\n" << text.toStdString();
}

TEST_F(ImportWizardTest, ExportDialogWritesAGeoPackageWithItsStyle)
{
    LayerExportDialog dialog(project(), QStringLiteral("communes_2025"));
    dialog.setFormat(QStringLiteral("gpkg"));
    const auto out = dir.file("xa.gpkg");
    dialog.setFile(QString::fromStdString(out.string()));
    dialog.show();
    apptest::keepShot(dialog, "export_dialog");
    ASSERT_TRUE(dialog.exportNow()) << dialog.lastMessage().toStdString();
    EXPECT_TRUE(dialog.lastMessage().contains(QStringLiteral("QGIS")));
    GDALDatasetUniquePtr ds(GDALDataset::Open(out.string().c_str(), GDAL_OF_VECTOR));
    ASSERT_TRUE(ds);
    EXPECT_EQ(ds->GetLayerByName("communes_2025")->GetFeatureCount(), 65);
    OGRLayer* styles = ds->GetLayerByName("layer_styles");
    ASSERT_NE(styles, nullptr);
    EXPECT_EQ(styles->GetFeatureCount(), 1);

    // XLSX too.
    dialog.setFormat(QStringLiteral("xlsx"));
    dialog.setFile(QString::fromStdString(dir.file("xa.xlsx").string()));
    ASSERT_TRUE(dialog.exportNow()) << dialog.lastMessage().toStdString();
    EXPECT_TRUE(std::filesystem::exists(dir.file("xa.xlsx")));
}

TEST_F(ImportWizardTest, TheWindowHasTheImportAndExportEntries)
{
    store.reset();  // the window opens the project file itself
    MainWindow window;
    window.openProject(std::make_unique<StoreProjectData>(projectPath));
    const auto find = [&](MainWindow::Menu menu, const char* name) -> QAction* {
        for (QAction* a : window.menu(menu)->actions())
            if (a->objectName() == QLatin1String(name)) return a;
        return nullptr;
    };
    QAction* import = find(MainWindow::Menu::File, "actionImportData");
    QAction* undo = find(MainWindow::Menu::File, "actionUndoImport");
    QAction* exportLayer = find(MainWindow::Menu::Layer, "actionExportLayer");
    ASSERT_NE(import, nullptr);
    ASSERT_NE(undo, nullptr);
    ASSERT_NE(exportLayer, nullptr);
    EXPECT_TRUE(import->isEnabled());
    EXPECT_TRUE(exportLayer->isEnabled());
    // The import entries sit above "Thoát", the last entry of the File menu.
    const QList<QAction*> file = window.menu(MainWindow::Menu::File)->actions();
    EXPECT_LT(file.indexOf(import), file.size() - 1);
}

} // namespace
} // namespace planmap::gui
