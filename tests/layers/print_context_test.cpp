// A print context read from a project: layers with the screen's styles,
// units, the plan's title and the roll-ups behind indicator tables.
#include "planmap/layers/print/Export.h"
#include "planmap/layers/print/PrintContext.h"
#include "planmap/layers/print/Templates.h"
#include "planmap/layers/project/ProjectLayers.h"
#include "planmap/layers/store/ProjectStore.h"

#include "print_testkit.h"

#include <gtest/gtest.h>

using namespace planmap::layers;
using namespace planmap::layers::print;
namespace wkb = planmap::layers::render::wkb;

namespace {

std::vector<std::uint8_t> box(double x0, double y0, double x1, double y1)
{
    return wkb::multiPolygon({{printtest::ring(x0, y0, x1, y1)}});
}

/// A small project: province 20, districts 188 Lộc Bình and 178 Tràng Định
/// (2023), communes 06580 Xã Lộc Bình and 06001 Phường Thử (2025), a plan
/// with one indicator allocated to Lộc Bình and progress there.
std::filesystem::path makeProject(const printtest::TempDir& dir)
{
    const auto file = dir.file("print.planmap");
    ProjectMetadata meta;
    meta.name = "Lạng Sơn thử";
    meta.provinceCode = "20";
    ProjectStore store = ProjectStore::create(file, meta);
    AdminUnit p;
    p.code = "20";
    p.level = UnitLevel::Province;
    p.type = UnitType::Province;
    p.generation = std::string(kGeneration2025);
    p.name = "Lạng Sơn";
    p.fullName = "Tỉnh Lạng Sơn";
    p.geometry = box(106.1, 21.35, 107.35, 22.45);
    p.validFrom = makeDate(1831, 1, 1);
    const std::int64_t province = store.units().insert(p);
    const auto unit = [&](const char* code, UnitLevel level, UnitType type, std::string_view gen, const char* name,
                          const char* full, std::vector<std::uint8_t> geometry) {
        AdminUnit u;
        u.code = code;
        u.level = level;
        u.type = type;
        u.generation = std::string(gen);
        u.parentId = province;
        u.name = name;
        u.fullName = full;
        u.geometry = std::move(geometry);
        u.source = "nguồn thử";
        return store.units().insert(u);
    };
    const std::int64_t loc = unit("188", UnitLevel::District, UnitType::District, kGenerationPre2025, "Lộc Bình",
                                  "Huyện Lộc Bình", box(106.8, 21.6, 107.1, 21.85));
    unit("178", UnitLevel::District, UnitType::District, kGenerationPre2025, "Tràng Định", "Huyện Tràng Định",
         box(106.3, 22.1, 106.7, 22.4));
    unit("06580", UnitLevel::Commune, UnitType::Commune, kGeneration2025, "Lộc Bình", "Xã Lộc Bình",
         box(106.85, 21.7, 106.95, 21.8));
    unit("06001", UnitLevel::Commune, UnitType::Ward, kGeneration2025, "Thử", "Phường Thử",
         box(106.7, 21.8, 106.8, 21.9));

    PlanNode root;
    root.code = "CT";
    root.level = PlanLevel::Program;
    root.name = "Chương trình thử nghiệm năm 2023";
    root.planReference = "Kế hoạch 59/KH-UBND; Phụ lục";
    root.description = "Kế hoạch số 59/KH-UBND ngày 5/3/2023 của UBND tỉnh (ngày theo Phụ lục).";
    const std::int64_t rootId = store.plan().insertNode(root);
    Indicator ind;
    ind.node.code = "CT.01";
    ind.node.parentId = rootId;
    ind.node.level = PlanLevel::Indicator;
    ind.node.name = "Số hộ được hỗ trợ nhà ở";
    ind.spec.unitOfMeasure = "hộ";
    ind.spec.year = 2023;
    ind.spec.targetValue = 1500;
    ind.spec.aggregation = Aggregation::Sum;
    const std::int64_t indicator = store.plan().insertIndicator(ind);
    Allocation a;
    a.indicatorId = indicator;
    a.unitId = loc;
    a.targetValue = 200;
    store.plan().insertAllocation(a);
    ProgressEntry e;
    e.indicatorId = indicator;
    e.unitId = loc;
    e.value = 150;
    e.asOf = makeDate(2023, 9, 30);
    e.illustrative = true;
    store.progress().append(e);
    return file;
}

} // namespace

TEST(PrintContext, ReadsLayersUnitsPlanAndIndicators)
{
    planmap::test::ensureGuiApp();
    printtest::TempDir dir;
    ProjectStore store = ProjectStore::open(makeProject(dir));
    const PrintContext ctx = loadPrintContext(store);

    EXPECT_EQ(ctx.displayCrs.epsgCode(), 9215);
    EXPECT_EQ(ctx.projectName, QStringLiteral("Lạng Sơn thử"));
    // Bottom first: the province outline under the communes under the districts.
    QStringList keys;
    for (const PrintLayer& l : ctx.layers) keys << l.key;
    EXPECT_EQ(keys, (QStringList{QStringLiteral("province"), QStringLiteral("communes_2025"),
                                 QStringLiteral("districts_2023")}));
    // The screen's default styles.
    const PrintLayer* districts = ctx.layer(QStringLiteral("districts_2023"));
    ASSERT_NE(districts, nullptr);
    EXPECT_EQ(districts->layer.style, project::defaultStyle(QStringLiteral("districts_2023"), GeometryKind::Polygon));
    EXPECT_EQ(districts->title, QStringLiteral("Huyện, thành phố (2023)"));
    EXPECT_EQ(districts->sources, QStringList{QStringLiteral("nguồn thử")});
    // Sources grouped: one mention per source with the layers it feeds.
    EXPECT_EQ(ctx.sourcesText(), QStringLiteral("nguồn thử [Huyện, thành phố (2023); Xã, phường (2025)]"));
    EXPECT_GE(districts->illustrativeField, 0);

    ASSERT_TRUE(ctx.province.has_value());
    EXPECT_EQ(ctx.province->fullName, QStringLiteral("Tỉnh Lạng Sơn"));
    EXPECT_FALSE(ctx.province->extent.isEmpty());
    EXPECT_EQ(ctx.districts.size(), 2u);
    EXPECT_EQ(ctx.communes.size(), 2u);
    for (const PrintUnit& u : ctx.districts) EXPECT_TRUE(ctx.province->extent.contains(u.extent));

    EXPECT_EQ(ctx.plan.title(), QStringLiteral("Kế hoạch 59/KH-UBND ngày 05/3/2023"));
    EXPECT_EQ(ctx.plan.programName, QStringLiteral("Chương trình thử nghiệm năm 2023"));

    const PrintUnit* loc = ctx.findUnit(QStringLiteral("188"));
    ASSERT_NE(loc, nullptr);
    const auto lines = ctx.indicators->indicators(loc->id);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].code, QStringLiteral("CT.01"));
    EXPECT_EQ(lines[0].target, 200.0);
    EXPECT_EQ(lines[0].achieved, 150.0);
    EXPECT_NEAR(*lines[0].percent, 75.0, 1e-9);
    EXPECT_EQ(lines[0].asOf, QDate(2023, 9, 30));
    EXPECT_TRUE(lines[0].illustrative);
    const auto province = ctx.indicators->indicators(std::nullopt);
    ASSERT_EQ(province.size(), 1u);
    EXPECT_EQ(province[0].target, 1500.0);
}

TEST(PrintContext, FindsUnitsByNameWithoutAccentsOrByCode)
{
    planmap::test::ensureGuiApp();
    printtest::TempDir dir;
    ProjectStore store = ProjectStore::open(makeProject(dir));
    const PrintContext ctx = loadPrintContext(store);
    // A name shared by a district and a commune gives the district…
    EXPECT_EQ(ctx.findUnit(QStringLiteral("Lộc Bình"))->fullName, QStringLiteral("Huyện Lộc Bình"));
    EXPECT_EQ(ctx.findUnit(QStringLiteral("loc binh"))->fullName, QStringLiteral("Huyện Lộc Bình"));
    EXPECT_EQ(ctx.findUnit(QStringLiteral("LỘC  BÌNH"))->fullName, QStringLiteral("Huyện Lộc Bình"));
    // …the full name or the code picks the commune, as does asking for communes.
    EXPECT_EQ(ctx.findUnit(QStringLiteral("xa loc binh"))->fullName, QStringLiteral("Xã Lộc Bình"));
    EXPECT_EQ(ctx.findUnit(QStringLiteral("06580"))->fullName, QStringLiteral("Xã Lộc Bình"));
    EXPECT_EQ(ctx.findUnit(QStringLiteral("Lộc Bình"), UnitLevel::Commune)->fullName, QStringLiteral("Xã Lộc Bình"));
    EXPECT_EQ(ctx.findUnit(QStringLiteral("trang dinh"))->code, QStringLiteral("178"));
    EXPECT_EQ(ctx.findUnit(QStringLiteral("Lạng Sơn"))->level, UnitLevel::Province);
    EXPECT_EQ(ctx.findUnit(QStringLiteral("Hà Nội")), nullptr);
    EXPECT_EQ(ctx.findUnit(QStringLiteral("  ")), nullptr);
    EXPECT_EQ(ctx.matchingUnits(QStringLiteral("loc binh")).size(), 2u);
}

TEST(PrintContext, AtlasOfAProject)
{
    planmap::test::ensureGuiApp();
    printtest::TempDir dir;
    ProjectStore store = ProjectStore::open(makeProject(dir));
    const PrintContext ctx = loadPrintContext(store);
    const auto districts = atlasPages(ctx, AtlasLevel::District);
    ASSERT_EQ(districts.size(), 2u);
    EXPECT_EQ(districts[0].unit->code, QStringLiteral("178"));
    EXPECT_EQ(atlasPages(ctx, AtlasLevel::Commune).size(), 2u);
    PageReport report;
    renderPageImage(makeTemplate(QStringLiteral("district-a4")), ctx, districts[1], 30, &report);
    EXPECT_TRUE(report.texts.contains(QStringLiteral("Huyện Lộc Bình")));
    EXPECT_EQ(report.indicatorRows, 1);
    EXPECT_TRUE(report.notice.contains(QStringLiteral("số liệu tiến độ"))) << report.notice.toStdString();
}
