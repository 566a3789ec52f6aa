// CRS detection: shapefiles without .prj holding real coordinates of Lạng Sơn
// (a point inside each 2025 commune) in EPSG:9215, in VN-2000 / UTM 48N and in
// WGS 84 are recognised; data from elsewhere is refused with the candidates
// listed best first.

#include "import_testkit.h"

#include "planmap/layers/importer/CrsDetection.h"

#include <algorithm>
#include <cmath>

namespace planmap::layers::importtest {
namespace {

using importer::CrsResolution;

class ImportCrs : public ImportEngineTest {
protected:
    std::filesystem::path pointsWithoutPrj(int epsg, const std::string& stem, std::size_t count = 65)
    {
        std::vector<std::string> keys;
        for (std::size_t i = 0; i < count; ++i) keys.push_back(std::to_string(i + 1));
        const auto shp = dir.file(stem + ".shp");
        writeShapefile(shp, communePoints(epsg, count), {{"ID_DIEM", OFTString, 10, keys}});
        EXPECT_FALSE(std::filesystem::exists(dir.file(stem + ".prj")));
        return shp;
    }

    /// Imports and checks every point came back where it was (to 1e-6°).
    importer::ImportResult importAndCompare(const std::filesystem::path& shp, const std::string& layer)
    {
        importer::ImportRequest r = request(shp, layer);
        r.keyField = "ID_DIEM";
        importer::ImportResult result = importer::runImport(project(), r);
        const auto& communes = realCommunes();
        for (std::size_t i = 0; i < communes.size(); ++i) {
            const auto f = project().features().findByKey(layer, std::to_string(i + 1));
            EXPECT_TRUE(f);
            if (!f) continue;
            const geo::Geometry g = geo::Geometry::fromWkb(f->geometry);
            EXPECT_NEAR(g.envelope().minx, communes[i].lon, 1e-6) << communes[i].name;
            EXPECT_NEAR(g.envelope().miny, communes[i].lat, 1e-6) << communes[i].name;
        }
        return result;
    }
};

TEST_F(ImportCrs, Epsg9215WithoutPrjIsDetected)
{
    const importer::ImportResult result = importAndCompare(pointsWithoutPrj(9215, "tm3"), "diem_tm3");
    EXPECT_EQ(result.crs.basis, CrsResolution::Basis::Detected);
    ASSERT_TRUE(result.crs.crs);
    EXPECT_EQ(result.crs.crs->epsgCode(), 9215);
    ASSERT_TRUE(result.crs.detection);
    const auto& candidates = result.crs.detection->candidates;
    EXPECT_EQ(candidates.front().crs.epsgCode(), 9215);
    EXPECT_EQ(candidates.front().inside, 65);
    // The neighbouring TM-3 zones (central meridians 0.25° away) shift the
    // data by about 26 km: a good part of it leaves the province.
    for (const auto& c : candidates) {
        if (c.crs.epsgCode() == 9214 || c.crs.epsgCode() == 9216) EXPECT_LT(c.share(), importer::kCrsFitShare) << c.describe();
    }
}

TEST_F(ImportCrs, Utm48nWithoutPrjIsDetected)
{
    const importer::ImportResult result = importAndCompare(pointsWithoutPrj(3405, "utm"), "diem_utm");
    ASSERT_TRUE(result.crs.crs);
    EXPECT_EQ(result.crs.crs->epsgCode(), 3405) << result.crs.detection->explanation;
    // TM-3 105-00 (EPSG:5897) shares the central meridian and also fits; it is
    // left aside because its area of use does not cover Lạng Sơn.
    EXPECT_NE(result.crs.detection->explanation.find("5897"), std::string::npos) << result.crs.detection->explanation;
}

TEST_F(ImportCrs, TheNoteOnTheTransformationFromUtm48nSaysHowItIsChosen)
{
    // PROJ's operation from VN-2000 / UTM 48N picks among alternatives per
    // point; its name before any point is a placeholder, not for users.
    const importer::ImportResult result = importer::runImport(project(), request(pointsWithoutPrj(3405, "utm_note"), "diem_utm_note"));
    const auto& notes = result.report.notes;
    const auto note = std::find_if(notes.begin(), notes.end(), [](const std::string& n) {
        return n.rfind("coordinates transformed from VN-2000 / UTM zone 48N (EPSG:3405) to WGS 84", 0) == 0;
    });
    ASSERT_NE(note, notes.end());
    EXPECT_EQ(note->find("unavailable"), std::string::npos) << *note;
    // The operation PROJ used for these points, by its EPSG name.
    EXPECT_NE(note->find("VN-2000 to WGS 84"), std::string::npos) << *note;
}

TEST_F(ImportCrs, LongitudeLatitudeWithoutPrjIsWgs84)
{
    const importer::ImportResult result = importAndCompare(pointsWithoutPrj(4326, "lonlat"), "diem_wgs84");
    ASSERT_TRUE(result.crs.crs);
    EXPECT_EQ(result.crs.crs->epsgCode(), 4326);
}

TEST_F(ImportCrs, ThePrjOfTheFileIsUsedWhenPresent)
{
    std::vector<std::string> keys;
    for (int i = 1; i <= 65; ++i) keys.push_back(std::to_string(i));
    const auto shp = dir.file("withprj.shp");
    writeShapefile(shp, communePoints(9215, 65), {{"ID_DIEM", OFTString, 10, keys}}, 9215);
    const importer::ImportResult result = importAndCompare(shp, "diem_prj");
    EXPECT_EQ(result.crs.basis, CrsResolution::Basis::File);
    EXPECT_TRUE(result.crs.warnings.empty());
}

TEST_F(ImportCrs, AWrongGivenCrsIsWarnedAbout)
{
    importer::ImportRequest r = request(pointsWithoutPrj(9215, "wrong"), "diem_sai");
    r.crs = "EPSG:9214";  // the neighbouring zone: the data moves about 26 km west
    const importer::ImportResult result = importer::runImport(project(), r);
    EXPECT_EQ(result.crs.basis, CrsResolution::Basis::Given);
    ASSERT_FALSE(result.crs.warnings.empty());
    EXPECT_NE(result.crs.warnings.front().find("--crs auto"), std::string::npos) << result.crs.warnings.front();
}

TEST_F(ImportCrs, DataFromElsewhereIsRefusedWithTheCandidatesBestFirst)
{
    // Hà Nội in EPSG:9215 coordinates: no candidate puts it inside Lạng Sơn.
    const geo::Transform t(geo::Crs::fromEpsg(4326), geo::Crs::fromEpsg(9215));
    std::vector<std::string> wkts, keys;
    for (int i = 0; i < 20; ++i) {
        const geo::XY p = t.forward(105.80 + 0.01 * i, 21.03);
        wkts.push_back(geo::Geometry::point(p.x, p.y).toWkt());
        keys.push_back(std::to_string(i));
    }
    const auto shp = dir.file("hanoi.shp");
    writeShapefile(shp, wkts, {{"ID", OFTString, 10, keys}});
    const std::string before = closeAndHash();
    reopen();
    try {
        importer::runImport(project(), request(shp, "ha_noi"));
        FAIL() << "expected CrsUndetermined";
    } catch (const importer::CrsUndetermined& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find("--crs"), std::string::npos) << message;
        EXPECT_NE(message.find("Candidates, best first"), std::string::npos) << message;
        const auto& candidates = e.detection().candidates;
        ASSERT_FALSE(candidates.empty());
        EXPECT_FALSE(e.detection().chosen);
        for (std::size_t i = 1; i < candidates.size(); ++i) EXPECT_GE(candidates[i - 1].inside, candidates[i].inside);
    }
    EXPECT_FALSE(project().features().hasLayer("ha_noi"));
    EXPECT_EQ(closeAndHash(), before);
}

TEST_F(ImportCrs, ASmallClusterPrefersTheZoneMeantForTheProvince)
{
    // Five points within a few hundred metres of Lạng Sơn city: 9214, 9215 and
    // 9216 all put them inside the province; only 9215 is defined for it.
    const geo::Transform t(geo::Crs::fromEpsg(4326), geo::Crs::fromEpsg(9215));
    std::vector<geo::XY> samples;
    for (int i = 0; i < 5; ++i) samples.push_back(t.forward(106.76 + 0.002 * i, 21.85));
    const auto area = importer::projectReferenceArea(project());
    ASSERT_TRUE(area);
    const importer::CrsDetection d = importer::detectCrs(samples, *area);
    ASSERT_TRUE(d.chosen) << d.explanation;
    EXPECT_EQ(d.choice()->crs.epsgCode(), 9215);
    int fitting = 0;
    for (const auto& c : d.candidates) fitting += c.share() >= importer::kCrsFitShare;
    EXPECT_GE(fitting, 3) << "the cluster should fit the neighbouring zones too";
}

TEST_F(ImportCrs, TheReferenceAreaIsTheProvinceOutlineWithAMargin)
{
    const auto area = importer::projectReferenceArea(project());
    ASSERT_TRUE(area);
    EXPECT_NE(area->description.find("Tỉnh Lạng Sơn"), std::string::npos);
    // Lạng Sơn city is inside, Hà Nội is not, and the margin widens the
    // outline (eastmost point 107.37° E) by less than 0.1°.
    const geo::Envelope e = area->area.envelope();
    EXPECT_TRUE(area->area.covers(geo::Geometry::point(106.76, 21.85)));
    EXPECT_FALSE(area->area.covers(geo::Geometry::point(105.85, 21.03)));
    EXPECT_LT(e.maxx, 107.37 + 0.1);
    EXPECT_GT(e.maxx, 107.37);
}

} // namespace
} // namespace planmap::layers::importtest
