#pragma once

// Shared helpers of the print tests: a small synthetic project (a province,
// two districts, a commune, illustrative villages, a market, roads) as a
// PrintContext, and running the poppler tools on a PDF.

#include "planmap/layers/print/PrintContext.h"
#include "planmap/layers/project/ProjectLayers.h"
#include "planmap/layers/render/FeatureSource.h"
#include "planmap/layers/render/LayerCache.h"

#include "support/qt_app.h"

#include <array>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <random>
#include <string>

namespace planmap::layers::print::printtest {

inline std::vector<double> ring(double x0, double y0, double x1, double y1)
{
    return {x0, y0, x1, y0, x1, y1, x0, y1, x0, y0};
}

/// Indicators for the province (nullopt) and the district of id 188.
class FakeIndicators : public IndicatorSource {
public:
    std::vector<IndicatorLine> indicators(const std::optional<std::int64_t>& unitId) const override
    {
        std::vector<IndicatorLine> out;
        IndicatorLine a;
        a.code = QStringLiteral("DA01.CT01");
        a.name = QStringLiteral("Số hộ được hỗ trợ đất ở");
        a.unitOfMeasure = QStringLiteral("hộ");
        a.target = unitId ? 120.0 : 1238075.0;
        a.achieved = unitId ? 96.0 : 640000.0;
        a.percent = *a.achieved / *a.target * 100.0;
        a.asOf = QDate(2023, 9, 30);
        a.illustrative = unitId.has_value();
        out.push_back(a);
        IndicatorLine b;
        b.code = QStringLiteral("DA02.CT01");
        b.name = QStringLiteral("Xã có đường ô tô đến trung tâm");
        b.unitOfMeasure = QStringLiteral("xã");
        b.targetNumerator = 174;
        b.targetDenominator = 181;
        b.target = 174.0 / 181.0 * 100.0;
        out.push_back(b);
        if (unitId && *unitId != 188) out.clear();
        return out;
    }
};

struct LayerSpec {
    const char* key;
    const char* title;
    std::shared_ptr<render::MemoryFeatureSource> source;
};

/// The synthetic context: display CRS EPSG:9215 (VN-2000 / TM-3 107-15).
inline PrintContext syntheticContext()
{
    planmap::test::ensureGuiApp();
    PrintContext ctx(geo::Crs::fromEpsg(9215));
    ctx.projectName = QStringLiteral("Tỉnh thử nghiệm");
    ctx.plan.reference = QStringLiteral("Kế hoạch 59/KH-UBND");
    ctx.plan.date = QDate(2023, 3, 5);
    ctx.plan.programName = QStringLiteral("Chương trình thử nghiệm vùng đồng bào dân tộc thiểu số và miền núi");
    ctx.printDate = QDate(2024, 1, 15);
    ctx.indicators = std::make_shared<FakeIndicators>();

    const std::vector<QString> unitFields{QStringLiteral("code"), QStringLiteral("name"), QStringLiteral("full_name"),
                                          QStringLiteral("unit_type"), QStringLiteral("illustrative")};
    auto province = std::make_shared<render::MemoryFeatureSource>("EPSG:4326", unitFields);
    province->add(20, render::wkb::polygon({ring(106.1, 21.35, 107.35, 22.45)}),
                  {QStringLiteral("20"), QStringLiteral("Thử nghiệm"), QStringLiteral("Tỉnh Thử nghiệm"),
                   QStringLiteral("tinh"), false});
    auto districts = std::make_shared<render::MemoryFeatureSource>("EPSG:4326", unitFields);
    districts->add(188, render::wkb::polygon({ring(106.8, 21.6, 107.1, 21.85)}),
                   {QStringLiteral("188"), QStringLiteral("Lộc Bình"), QStringLiteral("Huyện Lộc Bình"),
                    QStringLiteral("huyen"), false});
    districts->add(178, render::wkb::polygon({ring(106.3, 22.1, 106.7, 22.4)}),
                   {QStringLiteral("178"), QStringLiteral("Tràng Định"), QStringLiteral("Huyện Tràng Định"),
                    QStringLiteral("huyen"), false});
    auto communes = std::make_shared<render::MemoryFeatureSource>("EPSG:4326", unitFields);
    communes->add(6580, render::wkb::polygon({ring(106.85, 21.7, 106.95, 21.8)}),
                  {QStringLiteral("06580"), QStringLiteral("Lộc Bình"), QStringLiteral("Xã Lộc Bình"),
                   QStringLiteral("xa"), false});
    const std::vector<QString> featureFields{QStringLiteral("name"), QStringLiteral("status"),
                                             QStringLiteral("illustrative")};
    auto villages = std::make_shared<render::MemoryFeatureSource>("EPSG:4326", featureFields);
    villages->add(1001, render::wkb::point(106.9, 21.75), {QStringLiteral("Thôn MH-0001"), {}, true});
    villages->add(1002, render::wkb::point(107.0, 21.7), {QStringLiteral("Thôn MH-0002"), {}, true});
    auto markets = std::make_shared<render::MemoryFeatureSource>("EPSG:4326", featureFields);
    markets->add(2001, render::wkb::point(106.35, 22.35), {QStringLiteral("Chợ Thử"), QStringLiteral("new"), false});
    auto roads = std::make_shared<render::MemoryFeatureSource>("EPSG:4326", featureFields);
    const double road[] = {106.85, 21.65, 107.05, 21.8};
    roads->add(3001, render::wkb::lineString(road), {QStringLiteral("Đường thử"), {}, false});

    const LayerSpec specs[] = {
        {"province", "Ranh giới tỉnh", province},       {"communes_2025", "Xã, phường (2025)", communes},
        {"districts_2023", "Huyện, thành phố (2023)", districts}, {"roads", "Đường giao thông", roads},
        {"markets", "Chợ", markets},                     {"villages", "Thôn, bản", villages},
    };
    QHash<QString, QString> labels{{QStringLiteral("unit_type") + QChar(0x1f) + QStringLiteral("xa"), QStringLiteral("Xã")},
                                   {QStringLiteral("status") + QChar(0x1f) + QStringLiteral("new"), QStringLiteral("Xây mới")}};
    for (const LayerSpec& s : specs) {
        PrintLayer l;
        l.key = QString::fromLatin1(s.key);
        l.title = QString::fromUtf8(s.title);
        l.layer.name = l.title;
        l.layer.cache = render::LayerCache::build(*s.source, ctx.displayCrs);
        l.layer.style = project::defaultStyle(l.key, l.layer.cache->kind(), labels);
        l.illustrativeField = l.layer.cache->fieldIndex(QStringLiteral("illustrative"));
        l.sources << QStringLiteral("nguồn thử nghiệm %1").arg(l.key);
        ctx.layers.push_back(std::move(l));
    }
    const auto unit = [&](const char* layer, std::int64_t id, const char* code, const char* name, const char* full,
                          UnitLevel level, const char* generation) {
        PrintUnit u;
        u.id = id;
        u.code = QString::fromLatin1(code);
        u.name = QString::fromUtf8(name);
        u.fullName = QString::fromUtf8(full);
        u.level = level;
        u.generation = QString::fromLatin1(generation);
        u.layerKey = QString::fromLatin1(layer);
        const auto& cache = *ctx.layer(u.layerKey)->layer.cache;
        for (std::size_t i = 0; i < cache.featureCount(); ++i)
            if (cache.featureId(i) == id) u.extent = cache.featureBounds(i);
        return u;
    };
    ctx.province = unit("province", 20, "20", "Thử nghiệm", "Tỉnh Thử nghiệm", UnitLevel::Province, "2025");
    ctx.districts.push_back(unit("districts_2023", 188, "188", "Lộc Bình", "Huyện Lộc Bình", UnitLevel::District, "pre2025"));
    ctx.districts.push_back(unit("districts_2023", 178, "178", "Tràng Định", "Huyện Tràng Định", UnitLevel::District, "pre2025"));
    ctx.communes.push_back(unit("communes_2025", 6580, "06580", "Lộc Bình", "Xã Lộc Bình", UnitLevel::Commune, "2025"));
    return ctx;
}

/// A directory removed at the end of the test.
class TempDir {
public:
    TempDir()
    {
        std::random_device random;
        path_ = std::filesystem::temp_directory_path() / ("planmap-print-test-" + std::to_string(random()));
        std::filesystem::create_directories(path_);
    }
    ~TempDir()
    {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path file(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

/// Standard output of a command ("" when it cannot run).
inline std::string commandOutput(const std::string& command)
{
    std::string out;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return out;
    std::array<char, 4096> buffer{};
    std::size_t n;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.append(buffer.data(), n);
    pclose(pipe);
    return out;
}

inline std::string pdftotext(const std::filesystem::path& pdf)
{
    return commandOutput("pdftotext -enc UTF-8 '" + pdf.string() + "' - 2>/dev/null");
}

inline std::string pdfinfo(const std::filesystem::path& pdf)
{
    return commandOutput("pdfinfo '" + pdf.string() + "' 2>/dev/null");
}

} // namespace planmap::layers::print::printtest
