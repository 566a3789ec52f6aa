#include "../AppTestSupport.h"

#include "planmap/geo/Crs.h"
#include "planmap/layers/render/FeatureSource.h"
#include "planmap/layers/store/ProjectStore.h"

#include <QApplication>
#include <QSettings>

#include <atomic>
#include <random>

namespace planmap::gui::apptest {

namespace L = planmap::layers;
namespace wkb = planmap::layers::render::wkb;

QApplication& app()
{
    static int argc = 1;
    static char name[] = "test_app";
    static char* argv[] = {name, nullptr};
    static QApplication* instance = [] {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
        auto* a = new QApplication(argc, argv);
        QCoreApplication::setOrganizationName(QStringLiteral("planmap-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_app"));
        // Settings of this test process only: CTest runs tests in parallel
        // processes, which must not see each other's window or project settings
        // (nor the user's). Removed when the process ends.
        static TempDir settingsDir;
        const QString dir = QString::fromStdString(settingsDir.path().string());
        for (const QSettings::Format format : {QSettings::NativeFormat, QSettings::IniFormat})
            QSettings::setPath(format, QSettings::UserScope, dir);
        return a;
    }();
    return *instance;
}

TempDir::TempDir()
{
    static std::atomic<int> counter{0};
    std::random_device random;
    path_ = std::filesystem::temp_directory_path() /
            ("planmap-app-test-" + std::to_string(random()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(path_);
}

TempDir::~TempDir()
{
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

namespace {

L::Wkb box(double x0, double y0, double x1, double y1)
{
    return wkb::polygon({{x0, y0, x1, y0, x1, y1, x0, y1, x0, y0}});
}

L::AdminUnit unit(L::UnitLevel level, L::UnitType type, std::string generation, std::string code, std::string name,
                  std::string fullName, std::optional<std::int64_t> parent, L::Wkb geometry)
{
    L::AdminUnit u;
    u.level = level;
    u.type = type;
    u.generation = std::move(generation);
    u.code = std::move(code);
    u.name = std::move(name);
    u.fullName = std::move(fullName);
    u.parentId = parent;
    u.geometry = std::move(geometry);
    return u;
}

} // namespace

SampleProject makeSampleProject(const TempDir& dir)
{
    SampleProject s;
    s.file = dir.file("sample.planmap");
    L::ProjectMetadata meta;
    meta.name = "Lạng Sơn (thử nghiệm)";
    meta.provinceCode = "20";
    L::ProjectStore store = L::ProjectStore::create(s.file, meta);
    L::AdminUnits& units = store.units();

    // Three communes of 2025 side by side, 0.1° wide, around 106.7 E 21.8 N.
    s.province = units.insert(unit(L::UnitLevel::Province, L::UnitType::Province, "2025", "20", "Lạng Sơn",
                                   "Tỉnh Lạng Sơn", std::nullopt, box(106.6, 21.7, 106.9, 21.9)));
    s.communeLocBinh = units.insert(unit(L::UnitLevel::Commune, L::UnitType::Commune, "2025", "06100", "Lộc Bình",
                                         "Xã Lộc Bình", s.province, box(106.6, 21.7, 106.7, 21.9)));
    s.communeDongKinh = units.insert(unit(L::UnitLevel::Commune, L::UnitType::Ward, "2025", "05977", "Đông Kinh",
                                          "Phường Đông Kinh", s.province, box(106.7, 21.7, 106.8, 21.9)));
    s.communeCaoLoc = units.insert(unit(L::UnitLevel::Commune, L::UnitType::Commune, "2025", "06000", "Cao Lộc",
                                        "Xã Cao Lộc", s.province, box(106.8, 21.7, 106.9, 21.9)));
    // The districts of 2023 and an old commune (no geometry, as in the bundled data).
    s.districtLocBinh = units.insert(unit(L::UnitLevel::District, L::UnitType::District, "pre2025", "189",
                                          "Lộc Bình", "Huyện Lộc Bình", std::nullopt, box(106.6, 21.7, 106.75, 21.9)));
    s.districtCaoLoc = units.insert(unit(L::UnitLevel::District, L::UnitType::District, "pre2025", "180", "Cao Lộc",
                                         "Huyện Cao Lộc", std::nullopt, box(106.75, 21.7, 106.9, 21.9)));
    s.communeLocBinhOld = units.insert(unit(L::UnitLevel::Commune, L::UnitType::Township, "pre2025", "06151",
                                            "Lộc Bình", "Thị trấn Lộc Bình", s.districtLocBinh, {}));
    L::CrosswalkLink link;
    link.oldUnitId = s.communeLocBinhOld;
    link.newUnitId = s.communeLocBinh;
    link.kind = L::CrosswalkKind::Whole;
    units.insertCrosswalk(link);

    L::Feature market;
    market.layer = "markets";
    market.name = "Chợ Lộc Bình";
    market.communeId = s.communeLocBinh;
    market.communeOldId = s.communeLocBinhOld;
    market.geometry = wkb::point(106.65, 21.8);
    market.attributes = {{"status", L::Value(std::string("upgrade"))}, {"market_class", L::Value(std::int64_t(2))}};
    s.marketLocBinh = store.features().insert(market);

    const char* villages[] = {"Thôn Nà Pàn", "Bản Khòn Lèn", "Thôn Pò Mận"};
    for (int i = 0; i < 3; ++i) {
        L::Feature v;
        v.layer = "villages";
        v.name = villages[i];
        v.illustrative = true;
        v.communeId = s.communeCaoLoc;
        v.geometry = wkb::point(106.82 + 0.02 * i, 21.75 + 0.03 * i);
        v.attributes = {{"population", L::Value(std::int64_t(300 + 150 * i))}};
        const std::int64_t id = store.features().insert(v);
        if (i == 0) s.village = id;
    }

    L::PlanNode program;
    program.code = "CT1719";
    program.level = L::PlanLevel::Program;
    program.name = "Chương trình MTQG phát triển KT-XH vùng đồng bào DTTS và miền núi";
    const std::int64_t programId = store.plan().insertNode(program);
    L::Indicator ind;
    ind.node.code = "DA2.CHO";
    ind.node.parentId = programId;
    ind.node.level = L::PlanLevel::Indicator;
    ind.node.name = "Chợ được đầu tư xây mới, cải tạo";
    ind.spec.unitOfMeasure = "chợ";
    ind.spec.targetValue = 4;
    ind.spec.aggregation = L::Aggregation::Sum;
    s.indicator = store.plan().insertIndicator(ind);
    L::Allocation a;
    a.indicatorId = s.indicator;
    a.unitId = s.communeLocBinh;
    a.targetValue = 4;
    store.plan().insertAllocation(a);
    store.plan().linkFeature(s.marketLocBinh, s.indicator);
    L::ProgressEntry e;
    e.indicatorId = s.indicator;
    e.unitId = s.communeLocBinh;
    e.value = 3;
    e.asOf = L::makeDate(2025, 6, 30);
    store.progress().append(e);
    return s;
}

MapLayer makeMemoryLayer()
{
    auto src = std::make_shared<layers::render::MemoryFeatureSource>(
        "EPSG:4326", std::vector<QString>{QStringLiteral("name"), QStringLiteral("population"), QStringLiteral("area")});
    const struct {
        const char* name;
        qlonglong population;
        double area;
    } rows[] = {{"Lộc Bình", 21000, 12.5}, {"Đông Kinh", 9000, 3.25}, {"Cao Lộc", 120000, 40.0},
                {"Văn Quan", 8000, 7.0},   {"Bắc Sơn", 15000, 100.5}};
    std::int64_t id = 101;
    for (const auto& r : rows) {
        src->add(id, wkb::point(106.6 + 0.05 * double(id - 101), 21.8),
                 {QString::fromUtf8(r.name), QVariant(r.population), QVariant(r.area)});
        ++id;
    }
    MapLayer l;
    l.key = QStringLiteral("towns");
    l.title = QStringLiteral("Thị trấn");
    l.source = src;
    l.cache = layers::render::LayerCache::build(*src, geo::Crs::fromEpsg(4326));
    l.fieldTitles = {{QStringLiteral("name"), QStringLiteral("Tên")}, {QStringLiteral("population"), QStringLiteral("Dân số")}};
    return l;
}

} // namespace planmap::gui::apptest
