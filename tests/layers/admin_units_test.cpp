// Administrative units: identity across the 2025 code reuse, the crosswalk, search.

#include "store_test_support.h"

#include <fstream>
#include <map>
#include <set>
#include <sstream>

using namespace planmap::layers;
using namespace planmap::layers::testing;

namespace {

const Date kBefore = makeDate(2025, 1, 1);
const Date kAfter = makeDate(2025, 7, 1);

std::vector<std::string> splitCsvLine(const std::string& line)
{
    // The official crosswalk and the statistics office list have no quoted
    // fields outside their header line.
    std::vector<std::string> fields;
    std::stringstream in(line);
    std::string field;
    while (std::getline(in, field, ',')) fields.push_back(field);
    return fields;
}

std::string trimmed(const std::string& s)
{
    const auto first = s.find_first_not_of(' ');
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(' ') - first + 1);
}

} // namespace

TEST_F(StoreTest, CodeReusedAcrossTheReformResolvesByDateAndGeneration)
{
    auto& units = project().units();
    const auto oldId = units.insert(commune("05977", "Vĩnh Trại", "pre2025", UnitType::Ward));
    const auto newId = units.insert(commune("05977", "Đông Kinh", "2025", UnitType::Ward));
    ASSERT_NE(oldId, newId);

    const auto before = units.findByCodeAt("05977", UnitLevel::Commune, kBefore);
    ASSERT_TRUE(before.has_value());
    EXPECT_EQ(before->id, oldId);
    EXPECT_EQ(before->name, "Vĩnh Trại");
    EXPECT_EQ(before->fullName, "Phường Vĩnh Trại");
    EXPECT_EQ(before->type, UnitType::Ward);
    // Validity came from the generation.
    EXPECT_FALSE(before->validFrom.has_value());
    EXPECT_EQ(before->validTo, makeDate(2025, 6, 30));

    const auto lastDay = units.findByCodeAt("05977", UnitLevel::Commune, makeDate(2025, 6, 30));
    ASSERT_TRUE(lastDay.has_value());
    EXPECT_EQ(lastDay->id, oldId);

    const auto after = units.findByCodeAt("05977", UnitLevel::Commune, kAfter);
    ASSERT_TRUE(after.has_value());
    EXPECT_EQ(after->id, newId);
    EXPECT_EQ(after->name, "Đông Kinh");
    EXPECT_EQ(after->validFrom, kAfter);

    EXPECT_EQ(units.findByCodeInGeneration("05977", UnitLevel::Commune, "pre2025")->id, oldId);
    EXPECT_EQ(units.findByCodeInGeneration("05977", UnitLevel::Commune, kGeneration2025)->id, newId);
    EXPECT_FALSE(units.findByCodeInGeneration("05977", UnitLevel::District, "2025").has_value());
    EXPECT_FALSE(units.findByCodeAt("05980", UnitLevel::Commune, kAfter).has_value());
}

TEST_F(StoreTest, TwoUnitsOfOneCodeCannotBeInForceTogether)
{
    auto& units = project().units();
    units.insert(commune("05977", "Đông Kinh", "2025", UnitType::Ward));
    AdminUnit clash = commune("05977", "Trùng Mã", "pre2025", UnitType::Ward);
    clash.validFrom = makeDate(2025, 1, 1);
    clash.validTo = makeDate(2025, 12, 31); // overlaps the 2025 unit
    EXPECT_THROW(units.insert(clash), ConstraintError);
    // The same code at another level is another unit.
    AdminUnit district = commune("05977", "Huyện lạ", "2025", UnitType::District);
    district.level = UnitLevel::District;
    EXPECT_NO_THROW(units.insert(district));
}

TEST_F(StoreTest, UnitsKeepEveryAttributeAndTheirGeometry)
{
    auto& units = project().units();
    AdminUnit province;
    province.code = "20";
    province.level = UnitLevel::Province;
    province.type = UnitType::Province;
    province.generation = "2025";
    province.name = "Lạng Sơn";
    province.fullName = "Tỉnh Lạng Sơn";
    const auto provinceId = units.insert(province);

    AdminUnit u = commune("06613", "Đình Lập", "2025");
    u.parentId = provinceId;
    u.nameEn = "Dinh Lap";
    u.ethnicMinorityArea = 3;
    u.dbkk = true;
    u.atk = false;
    u.border = true;
    u.programSource = "Quyết định 861/QĐ-TTg";
    u.illustrative = true;
    u.source = "test";
    u.geometry = wkbBox(107.0, 21.5, 107.1, 21.6); // a Polygon: promoted to MultiPolygon
    const auto id = units.insert(u);

    const auto back = units.get(id);
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->parentId, provinceId);
    EXPECT_EQ(back->nameEn, "Dinh Lap");
    EXPECT_EQ(back->searchKey, "xa dinh lap");
    EXPECT_EQ(back->ethnicMinorityArea, 3);
    EXPECT_EQ(back->dbkk, true);
    EXPECT_EQ(back->atk, false);
    EXPECT_EQ(back->border, true);
    EXPECT_EQ(back->programSource, "Quyết định 861/QĐ-TTg");
    EXPECT_TRUE(back->illustrative);
    EXPECT_EQ(wkbType(back->geometry), 6u); // MultiPolygon
    EXPECT_TRUE(units.get(id, false)->geometry.empty());

    const auto kids = units.children(provinceId);
    ASSERT_EQ(kids.size(), 1u);
    EXPECT_EQ(kids[0].id, id);

    // Unknown program flags stay unknown.
    const auto plain = units.get(units.insert(commune("06637", "Châu Sơn", "2025")));
    EXPECT_FALSE(plain->dbkk.has_value());
    EXPECT_FALSE(plain->ethnicMinorityArea.has_value());

    // Bad data is refused before it reaches the database.
    AdminUnit bad = commune("06640", "Sai", "2025");
    bad.ethnicMinorityArea = 4;
    EXPECT_THROW(units.insert(bad), InvalidDataError);
    AdminUnit badWkb = commune("06641", "Sai", "2025");
    badWkb.geometry = {1, 2, 3};
    EXPECT_THROW(units.insert(badWkb), InvalidDataError);
    EXPECT_EQ(units.count(UnitLevel::Commune), 2);
}

TEST_F(StoreTest, SearchFindsUnitsWithoutDiacritics)
{
    auto& units = project().units();
    units.insertMany(std::vector<AdminUnit>{
        commune("06100", "Lộc Bình", "2025", UnitType::Township),
        commune("06101", "Lợi Bác", "2025"),
        commune("06102", "Bình Trung", "pre2025"),
        commune("06103", "Thống Nhất", "2025"),
    });
    auto found = units.search("loc binh");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].name, "Lộc Bình");

    found = units.search("BÌNH");
    ASSERT_EQ(found.size(), 2u);
    UnitSearch only2025;
    only2025.generation = "2025";
    found = units.search("binh", only2025);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].name, "Lộc Bình");

    UnitSearch at;
    at.validAt = kBefore;
    found = units.search("binh", at);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].name, "Bình Trung");

    // The full name is searched too, and LIKE wildcards are literal.
    EXPECT_EQ(units.search("xa thong nhat").size(), 1u);
    EXPECT_TRUE(units.search("%").empty());
    EXPECT_TRUE(units.search("").empty());
}

TEST(UnitNamesTest, UnitTypesParseFromVietnameseWords)
{
    EXPECT_EQ(parseUnitType("Thị trấn"), UnitType::Township);
    EXPECT_EQ(parseUnitType("THI TRAN"), UnitType::Township);
    EXPECT_EQ(parseUnitType("thi_tran"), UnitType::Township);
    EXPECT_EQ(parseUnitType("Phường"), UnitType::Ward);
    EXPECT_FALSE(parseUnitType("Làng xã").has_value());

    const auto split = splitUnitName("Xã Yên Trạch ");
    ASSERT_TRUE(split.has_value());
    EXPECT_EQ(split->type, UnitType::Commune);
    EXPECT_EQ(split->name, "Yên Trạch");
    const auto city = splitUnitName("Thành phố Lạng Sơn");
    ASSERT_TRUE(city.has_value());
    EXPECT_EQ(city->type, UnitType::City);
    EXPECT_EQ(city->name, "Lạng Sơn");
    const auto town = splitUnitName("Thị trấn Đồng Đăng");
    ASSERT_TRUE(town.has_value());
    EXPECT_EQ(town->type, UnitType::Township);
    EXPECT_EQ(town->name, "Đồng Đăng");
    EXPECT_FALSE(splitUnitName("Lạng Sơn").has_value());
}

TEST_F(StoreTest, CrosswalkOfASplitUnit)
{
    auto& units = project().units();
    // Old Bính Xá (06622) was split between new Đình Lập (06613) and new Kiên Mộc (06625);
    // old Kiên Mộc (06625) was split between new Kiên Mộc and new Châu Sơn (06637).
    const auto binhXa = units.insert(commune("06622", "Bính Xá", "pre2025"));
    const auto kienMocOld = units.insert(commune("06625", "Kiên Mộc", "pre2025"));
    const auto bacXa = units.insert(commune("06619", "Bắc Xa", "pre2025"));
    const auto dinhLap = units.insert(commune("06613", "Đình Lập", "2025"));
    const auto kienMocNew = units.insert(commune("06625", "Kiên Mộc", "2025"));
    const auto chauSon = units.insert(commune("06637", "Châu Sơn", "2025"));

    CrosswalkLink partial;
    partial.kind = CrosswalkKind::Partial;
    partial.source = "Nghị quyết 1672/NQ-UBTVQH15";
    partial.effectiveDate = kAfter;
    std::vector<CrosswalkLink> links;
    for (auto [from, to] : {std::pair{binhXa, dinhLap}, std::pair{binhXa, kienMocNew},
                            std::pair{kienMocOld, kienMocNew}, std::pair{kienMocOld, chauSon}}) {
        partial.oldUnitId = from;
        partial.newUnitId = to;
        links.push_back(partial);
    }
    CrosswalkLink whole;
    whole.oldUnitId = bacXa;
    whole.newUnitId = kienMocNew;
    links.push_back(whole);
    units.insertCrosswalkMany(links);

    const auto successors = units.successorsOf(binhXa);
    ASSERT_EQ(successors.size(), 2u);
    std::set<std::int64_t> targets{successors[0].newUnitId, successors[1].newUnitId};
    EXPECT_EQ(targets, (std::set<std::int64_t>{dinhLap, kienMocNew}));
    EXPECT_EQ(successors[0].kind, CrosswalkKind::Partial);
    EXPECT_EQ(successors[0].effectiveDate, kAfter);

    const auto predecessors = units.predecessorsOf(kienMocNew);
    ASSERT_EQ(predecessors.size(), 3u);
    std::map<std::int64_t, CrosswalkKind> kinds;
    for (const auto& p : predecessors) kinds[p.oldUnitId] = p.kind;
    EXPECT_EQ(kinds[bacXa], CrosswalkKind::Whole);
    EXPECT_EQ(kinds[binhXa], CrosswalkKind::Partial);
    EXPECT_EQ(kinds[kienMocOld], CrosswalkKind::Partial);

    // A share belongs to partial links only, and a pair is recorded once.
    CrosswalkLink bad = whole;
    bad.share = 0.5;
    EXPECT_THROW(units.insertCrosswalk(bad), InvalidDataError);
    EXPECT_THROW(units.insertCrosswalk(whole), ConstraintError);
}

TEST_F(StoreTest, TheOfficialLangSonCrosswalkLoads)
{
    // The bundled statistics office list (194 communes before 1 July 2025)
    // and the official crosswalk (196 pairs into 65 new communes).
    auto& units = project().units();
    std::ifstream pre(std::string(PLANMAP_DATA_DIR) + "/communes_pre2025_gso.csv");
    ASSERT_TRUE(pre.good());
    std::string line;
    std::getline(pre, line); // header
    std::vector<AdminUnit> old;
    while (std::getline(pre, line)) {
        const auto f = splitCsvLine(line);
        ASSERT_GE(f.size(), 7u) << line;
        const auto split = splitUnitName(f[4]);
        ASSERT_TRUE(split.has_value()) << f[4];
        AdminUnit u = commune(f[5], split->name, "pre2025", split->type);
        u.fullName = trimmed(f[4]);
        u.source = "GSO list of 4 Jan 2025";
        old.push_back(u);
    }
    units.insertMany(old);
    EXPECT_EQ(units.count(UnitLevel::Commune, std::string("pre2025")), 194);

    std::ifstream cw(std::string(PLANMAP_DATA_DIR) + "/crosswalk_2025_official.csv");
    ASSERT_TRUE(cw.good());
    std::getline(cw, line); // header, with a quoted field
    std::vector<CrosswalkLink> links;
    int whole = 0, partial = 0;
    while (std::getline(cw, line)) {
        const auto f = splitCsvLine(line);
        ASSERT_GE(f.size(), 6u) << line;
        const std::string newCode = f[2];
        auto newUnit = units.findByCodeInGeneration(newCode, UnitLevel::Commune, kGeneration2025, false);
        if (!newUnit) {
            const auto split = splitUnitName(f[1]);
            ASSERT_TRUE(split.has_value()) << f[1];
            AdminUnit u = commune(newCode, split->name, "2025", split->type);
            u.fullName = trimmed(f[1]);
            newUnit = units.get(units.insert(u), false);
        }
        const auto oldUnit = units.findByCodeAt(f[4], UnitLevel::Commune, kBefore, false);
        ASSERT_TRUE(oldUnit.has_value()) << f[4];
        CrosswalkLink link;
        link.oldUnitId = oldUnit->id;
        link.newUnitId = newUnit->id;
        const std::string kind = trimmed(f[5]);
        ASSERT_TRUE(kind == "Nhập toàn bộ" || kind == "Nhập một phần") << kind;
        link.kind = kind == "Nhập toàn bộ" ? CrosswalkKind::Whole : CrosswalkKind::Partial;
        (link.kind == CrosswalkKind::Whole ? whole : partial)++;
        links.push_back(link);
    }
    units.insertCrosswalkMany(links);
    EXPECT_EQ(whole, 192);
    EXPECT_EQ(partial, 4);
    EXPECT_EQ(units.count(UnitLevel::Commune, std::string("2025")), 65);

    // 05977: the old Phường Vĩnh Trại and the new Phường Đông Kinh.
    const auto vinhTrai = units.findByCodeAt("05977", UnitLevel::Commune, kBefore, false);
    const auto dongKinh = units.findByCodeAt("05977", UnitLevel::Commune, kAfter, false);
    ASSERT_TRUE(vinhTrai && dongKinh);
    EXPECT_EQ(vinhTrai->fullName, "Phường Vĩnh Trại");
    EXPECT_EQ(dongKinh->fullName, "Phường Đông Kinh");
    EXPECT_EQ(units.predecessorsOf(dongKinh->id).size(), 4u);
    // The old units Bính Xá and Kiên Mộc were split.
    const auto binhXa = units.findByCodeAt("06622", UnitLevel::Commune, kBefore, false);
    ASSERT_TRUE(binhXa.has_value());
    EXPECT_EQ(units.successorsOf(binhXa->id).size(), 2u);
    const auto kienMoc = units.findByCodeAt("06625", UnitLevel::Commune, kBefore, false);
    ASSERT_TRUE(kienMoc.has_value());
    EXPECT_EQ(units.successorsOf(kienMoc->id).size(), 2u);
    // Every old unit went somewhere.
    for (const auto& u : units.list(UnitLevel::Commune, std::string("pre2025")))
        EXPECT_FALSE(units.successorsOf(u.id).empty()) << *u.code;
}

TEST_F(StoreTest, AFailingUnitBatchWritesNothing)
{
    auto& units = project().units();
    std::vector<AdminUnit> batch{commune("00001", "Một", "2025"), commune("00002", "Hai", "2025"),
                                 commune("00003", "Ba", "no-such-generation"), commune("00004", "Bốn", "2025")};
    try {
        units.insertMany(batch);
        FAIL();
    } catch (const StoreError& e) {
        EXPECT_NE(std::string(e.what()).find("row 3"), std::string::npos) << e.what();
    }
    EXPECT_EQ(units.count(), 0);
}
