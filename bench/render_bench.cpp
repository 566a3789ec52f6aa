// Map renderer benchmark: milliseconds per full redraw at 1920×1080 in
// EPSG:9215 (VN-2000 / TM-3 107-15), median of N frames, for
//   1. the 2025 communes + 2023 districts of Lạng Sơn,
//   2. all layers of the bundled project,
//   3. a national-scale synthetic project (≈10,600 communes, 100,000 villages,
//      1,000,000 road segments; generated deterministically, illustrative),
// and, when QGIS is installed (apt-get install qgis python3-qgis), the same
// communes + districts rendered by QGIS's QgsMapRendererParallelJob through
// bench/qgis_render.py, with the ratio of the medians.
//
// Usage: bench_render_bench [project.planmap] [--frames N] [--no-qgis] [--save DIR] [--only province|national]
// Without a project argument, build*/share/planmap/langson.planmap next to the binary is used if built.

#include "planmap/layers/features/FeatureLayers.h"
#include "planmap/layers/project/ProjectLayers.h"
#include "planmap/layers/render/MapRenderer.h"
#include "planmap/layers/render/VectorFileSource.h"
#include "planmap/layers/store/ProjectStore.h"
#include "planmap/layers/style/ColorRamp.h"

#include "planmap/geo/Crs.h"
#include "planmap/geo/SpatialIndex.h"
#include "planmap/geo/VectorReader.h"
#include "planmap/geo/VectorWriter.h"

#include <QElapsedTimer>
#include <QGuiApplication>

#ifdef PLANMAP_BENCH_WITH_GUI
#include "MainWindow.h"
#include "StoreProjectData.h"

#include <QApplication>
#include <QMouseEvent>
#include <QTimer>
#include <QWheelEvent>
#endif
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <numbers>
#include <random>
#include <string>
#include <thread>

namespace fs = std::filesystem;
using namespace planmap;
using namespace planmap::layers;
using namespace planmap::layers::render;

namespace {

int gFrames = 20;
fs::path gSaveDir;

const fs::path kSourceDir = fs::path(__FILE__).parent_path().parent_path();

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

double msSince(const QElapsedTimer& t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

struct Timing {
    double median = 0;
    double min = 0;     // best frame: the figure least disturbed by other processes
    double cpu = 0;     // median CPU time of the process (all threads, Qt's pool included)
    RenderStats stats;
};

Timing renderMedian(const std::vector<RenderLayer>& layers, const MapViewport& vp, const RenderOptions& o,
                    const char* saveName = nullptr)
{
    QImage img = MapRenderer::renderImage(layers, vp, o);  // warm-up (symbol indices, fonts)
    std::vector<double> ms, cpu;
    Timing t;
    for (int i = 0; i < gFrames; ++i) {
        QElapsedTimer timer;
        timer.start();
        const double c0 = threadCpuMs();
        img = MapRenderer::renderImage(layers, vp, o, &t.stats);
        cpu.push_back(threadCpuMs() - c0);
        ms.push_back(msSince(timer));
    }
    t.median = median(ms);
    t.cpu = median(cpu);
    t.min = *std::min_element(ms.begin(), ms.end());
    if (saveName && !gSaveDir.empty()) img.save(QString::fromStdString((gSaveDir / saveName).string()));
    return t;
}

void report(const char* what, const std::vector<RenderLayer>& layers, const MapViewport& vp, bool labels,
            const char* saveName = nullptr)
{
    RenderOptions one;
    one.drawLabels = labels;
    RenderOptions two = one;
    two.threads = 2;
    const Timing a = renderMedian(layers, vp, one, saveName);
    const Timing b = renderMedian(layers, vp, two);
    std::printf("  %-40s %6.1f ms (best %5.1f, cpu %5.1f) 1 thread  %6.1f ms (best %5.1f) 2 threads  [%zu drawn, %zu dots, %zu skipped, %zu vertices, %zu labels in %.1f ms]\n",
                what, a.median, a.min, a.cpu, b.median, b.min, a.stats.featuresDrawn, a.stats.featuresAsPixel, a.stats.featuresSkipped,
                a.stats.verticesDrawn, a.stats.labelsPlaced, a.stats.labelMilliseconds);
    if (layers.size() > 1) {
        std::printf("      per layer, 1 thread:");
        for (const RenderLayer& l : layers) {
            if (!l.visible) continue;
            const Timing t = renderMedian({l}, vp, one);
            std::printf(" %s %.1f (best %.1f, cpu %.1f) ms;", l.name.toUtf8().constData(), t.median, t.min, t.cpu);
        }
        std::printf("\n");
    }
}

std::size_t totalVertices(const LayerCache& c)
{
    return c.vertexCount(0);
}

std::shared_ptr<const LayerCache> timedBuild(const char* name, const FeatureSource& src, const geo::Crs& crs,
                                             const LayerCacheOptions& opts = {})
{
    QElapsedTimer t;
    t.start();
    auto c = LayerCache::build(src, crs, opts);
    std::printf("  cache %-12s %8zu features %10zu vertices  %6zu levels  %8.1f ms build  %7.1f MB\n", name,
                c->featureCount(), totalVertices(*c), std::size_t(c->levelCount()), msSince(t),
                double(c->memoryBytes()) / 1e6);
    return c;
}

style::Symbol fillSymbol(QColor fill, QColor stroke, double widthMm)
{
    style::Symbol s;
    s.fillColor = fill;
    s.strokeColor = stroke;
    s.strokeWidthMm = widthMm;
    return s;
}

// ---------------------------------------------------------------- Lạng Sơn

struct Province {
    std::shared_ptr<const LayerCache> communes, districts;
    std::vector<RenderLayer> base;  // communes + districts
    std::vector<RenderLayer> all;
    Extent extent;
};

// Stand-ins for the project's point and small-polygon layers while the
// bundled project is not built: ILLUSTRATIVE, random but deterministic,
// placed inside the real communes' boxes.
std::vector<RenderLayer> illustrativeLayers(const Province& p, const geo::Crs& crs)
{
    std::mt19937 rng(2025);
    const Extent e = p.extent;
    std::uniform_real_distribution<double> ux(e.minx, e.maxx), uy(e.miny, e.maxy), u01(0, 1);
    MemoryFeatureSource villages("EPSG:9215", {"ten", "illustrative"});
    for (int i = 0; i < 1500; ++i)
        villages.add(i, wkb::point(ux(rng), uy(rng)), {QString::fromUtf8("Thôn %1").arg(i + 1), true});
    MemoryFeatureSource forests("EPSG:9215", {"loai", "illustrative"});
    for (int i = 0; i < 3000; ++i) {
        const double cx = ux(rng), cy = uy(rng), r = 100 + 500 * u01(rng);
        std::vector<double> ring;
        for (int k = 0; k <= 24; ++k) {
            const double a = 2 * std::numbers::pi * (k % 24) / 24, rr = r * (0.7 + 0.3 * std::sin(k * 1.7 + i));
            ring.push_back(cx + rr * std::cos(a));
            ring.push_back(cy + rr * std::sin(a));
        }
        forests.add(i, wkb::polygon({ring}), {QString(i % 3 == 0 ? "phong_ho" : i % 3 == 1 ? "san_xuat" : "dac_dung"), true});
    }
    MemoryFeatureSource markets("EPSG:9215", {"ten", "illustrative"});
    for (int i = 0; i < 250; ++i)
        markets.add(i, wkb::point(ux(rng), uy(rng)), {QString::fromUtf8("Chợ %1").arg(i + 1), true});
    MemoryFeatureSource projects("EPSG:9215", {"trang_thai", "illustrative"});
    for (int i = 0; i < 600; ++i)
        projects.add(i, wkb::point(ux(rng), uy(rng)), {QString(i % 4 == 0 ? "hoan_thanh" : "dang_thuc_hien"), true});

    std::vector<RenderLayer> out;
    RenderLayer f{"forests (illustrative)", timedBuild("forests*", forests, crs)};
    const std::vector<QVariant> kinds{QString("phong_ho"), QString("san_xuat"), QString("dac_dung")};
    f.style.features = style::FeatureStyle::categorized("loai", kinds, style::ColorRamp::named("Greens"),
                                                        fillSymbol({}, QColor(40, 90, 40), 0.1));
    RenderLayer v{"villages (illustrative)", timedBuild("villages*", villages, crs)};
    style::Symbol vs;
    vs.markerSizeMm = 1.2;
    vs.fillColor = QColor(90, 90, 90);
    vs.strokeStyle = style::StrokeStyle::NoStroke;
    v.style.features = style::FeatureStyle::singleSymbol(vs);
    v.style.labels.enabled = true;
    v.style.labels.field = "ten";
    v.style.labels.sizePt = 6.5;
    v.style.labels.priority = 2;
    RenderLayer m{"markets (illustrative)", timedBuild("markets*", markets, crs)};
    style::Symbol ms;
    ms.markerShape = style::MarkerShape::Square;
    ms.markerSizeMm = 2;
    ms.fillColor = QColor(230, 120, 30);
    m.style.features = style::FeatureStyle::singleSymbol(ms);
    m.style.labels = v.style.labels;
    m.style.labels.priority = 6;
    RenderLayer pr{"projects (illustrative)", timedBuild("projects*", projects, crs)};
    style::Symbol ps;
    ps.markerShape = style::MarkerShape::Star;
    ps.markerSizeMm = 2.5;
    const std::vector<QVariant> st{QString("hoan_thanh"), QString("dang_thuc_hien")};
    pr.style.features = style::FeatureStyle::categorized("trang_thai", st, style::ColorRamp::named("Categories"), ps);
    out = {f, v, m, pr};
    return out;
}

Province loadProvince(const fs::path& dataDir, const geo::Crs& crs)
{
    Province p;
    const VectorFileSource communes(dataDir / "communes_2025.geojson");
    const VectorFileSource districts(dataDir / "districts_2023.geojson");
    p.communes = timedBuild("communes", communes, crs, {{"name"}});
    p.districts = timedBuild("districts", districts, crs, {{"ten"}});
    p.extent = p.communes->extent();

    RenderLayer c{"communes", p.communes};
    c.style.features = style::FeatureStyle::singleSymbol(fillSymbol(QColor(245, 238, 215), QColor(140, 140, 140), 0.26));
    c.style.labels.field = "name";
    RenderLayer d{"districts", p.districts};
    d.style.features = style::FeatureStyle::singleSymbol(fillSymbol(QColor(0, 0, 0, 0), QColor(60, 60, 60), 0.6));
    p.base = {c, d};
    return p;
}

// ------------------------------------------------------ national synthetic

struct National {
    std::vector<RenderLayer> layers;
    Extent extent;
};

// Deterministic hash → [0,1).
double hash01(std::uint64_t x)
{
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    x ^= x >> 31;
    return double(x >> 11) / double(1ull << 53);
}

National makeNational(const geo::Crs& crs)
{
    // A strip as large as Vietnam (200 km × 1650 km ≈ 330,000 km²) of 36 × 296
    // communes (10,656) with wobbly shared boundaries (24 points per edge).
    const int nx = 36, ny = 296, perEdge = 24;
    const double x0 = 400000, y0 = 1000000, cell = 200000.0 / nx;
    auto corner = [&](int i, int j) {
        const bool border = i == 0 || j == 0 || i == nx || j == ny;
        const double jx = border ? 0 : (hash01(std::uint64_t(i) * 7919 + std::uint64_t(j) * 104729) - 0.5) * 0.5 * cell;
        const double jy = border ? 0 : (hash01(std::uint64_t(i) * 15485863 + std::uint64_t(j) * 32452843) - 0.5) * 0.5 * cell;
        return std::pair<double, double>(x0 + i * cell + jx, y0 + j * cell + jy);
    };
    // Points of the edge from corner a to corner b (excluding b), wobbling by
    // a sine whose phase depends on the edge, so both neighbours share it.
    auto edge = [&](std::pair<double, double> a, std::pair<double, double> b, std::uint64_t id, bool reverse,
                    std::vector<double>& out) {
        if (reverse) std::swap(a, b);
        std::vector<double> pts;
        const double dx = b.first - a.first, dy = b.second - a.second, len = std::hypot(dx, dy);
        const double phase = hash01(id) * 6.28, amp = 0.04 * len;
        for (int k = 0; k <= perEdge; ++k) {
            const double t = double(k) / perEdge;
            const double w = amp * std::sin(t * std::numbers::pi) * std::sin(phase + t * 9.0);
            pts.push_back(a.first + t * dx - w * dy / len);
            pts.push_back(a.second + t * dy + w * dx / len);
        }
        if (reverse) {
            for (int k = perEdge; k >= 1; --k) {
                out.push_back(pts[2 * k]);
                out.push_back(pts[2 * k + 1]);
            }
        } else {
            for (int k = 0; k < perEdge; ++k) {
                out.push_back(pts[2 * k]);
                out.push_back(pts[2 * k + 1]);
            }
        }
    };
    MemoryFeatureSource communes("EPSG:9215", {"ma", "illustrative"});
    for (int j = 0; j < ny; ++j)
        for (int i = 0; i < nx; ++i) {
            std::vector<double> ring;
            const std::uint64_t h = std::uint64_t(j) * 100000 + std::uint64_t(i);  // horizontal edge id
            const std::uint64_t v = 50000000000ull + h;                               // vertical edge id
            edge(corner(i, j), corner(i + 1, j), h, false, ring);                      // bottom
            edge(corner(i + 1, j), corner(i + 1, j + 1), v + 1, false, ring);          // right
            edge(corner(i, j + 1), corner(i + 1, j + 1), h + 100000, true, ring);      // top, reversed
            edge(corner(i, j), corner(i, j + 1), v, true, ring);                       // left, reversed
            ring.push_back(ring[0]);
            ring.push_back(ring[1]);
            communes.add(j * nx + i, wkb::polygon({ring}), {j * nx + i, true});
        }
    std::mt19937 rng(84);
    std::uniform_real_distribution<double> ux(x0, x0 + 200000), uy(y0, y0 + ny * cell), u01(0, 1);
    MemoryFeatureSource villages("EPSG:9215", {"loai", "illustrative"});
    for (int i = 0; i < 100000; ++i) villages.add(i, wkb::point(ux(rng), uy(rng)), {i % 3, true});
    // 1,000,000 road segments: 20,000 random walks of 50 segments, one feature each.
    MemoryFeatureSource roads("EPSG:9215", {"cap", "illustrative"});
    int id = 0;
    for (int r = 0; r < 20000; ++r) {
        double x = ux(rng), y = uy(rng), heading = u01(rng) * 6.28;
        for (int s = 0; s < 50; ++s) {
            heading += (u01(rng) - 0.5) * 0.8;
            const double step = 400 + 800 * u01(rng);
            const double xy[] = {x, y, x + step * std::cos(heading), y + step * std::sin(heading)};
            roads.add(id++, wkb::lineString(xy), {r % 4, true});
            x = xy[2];
            y = xy[3];
        }
    }
    National n;
    RenderLayer c{"communes", timedBuild("communes*", communes, crs, {{}, 5, false})};
    c.style.features = style::FeatureStyle::singleSymbol(fillSymbol(QColor(245, 238, 215), QColor(150, 150, 150), 0.2));
    RenderLayer rd{"roads", timedBuild("roads*", roads, crs, {{"cap"}, 5, false})};
    style::Symbol rs;
    rs.strokeColor = QColor(200, 60, 40);
    rs.strokeWidthMm = 0.25;
    rd.style.features = style::FeatureStyle::singleSymbol(rs);
    RenderLayer vl{"villages", timedBuild("villages*", villages, crs, {{"loai"}, 5, false})};
    style::Symbol vs;
    vs.markerSizeMm = 1.0;
    vs.fillColor = QColor(60, 60, 60);
    vs.strokeStyle = style::StrokeStyle::NoStroke;
    vl.style.features = style::FeatureStyle::singleSymbol(vs);
    n.layers = {c, rd, vl};
    n.extent = c.cache->extent();

    // Index: the render cache's packed Hilbert R-tree vs geo::SpatialIndex
    // (GEOS STRtree) on the road segments' boxes, 2,000 province-sized windows.
    {
        const LayerCache& cache = *rd.cache;
        QElapsedTimer t;
        t.start();
        geo::SpatialIndex strtree;
        strtree.reserve(cache.featureCount());
        for (std::size_t i = 0; i < cache.featureCount(); ++i) strtree.insert(std::int64_t(i), cache.featureBounds(i));
        strtree.build();
        const double buildMs = msSince(t);
        std::mt19937 qrng(5);
        std::vector<Extent> windows;
        for (int q = 0; q < 2000; ++q) {
            const double x = ux(qrng), y = uy(qrng), w = 5000 + 60000 * u01(qrng);
            windows.emplace_back(x, y, x + w, y + w * 0.5625);
        }
        std::vector<std::uint32_t> a;
        std::vector<std::int64_t> b;
        std::size_t na = 0, nb = 0;
        t.restart();
        for (const Extent& w : windows) {
            cache.query(w, a);
            na += a.size();
        }
        const double packedMs = msSince(t);
        t.restart();
        for (const Extent& w : windows) {
            b.clear();
            strtree.query(w, b);
            std::sort(b.begin(), b.end());  // the renderer needs draw order
            nb += b.size();
        }
        const double strMs = msSince(t);
        std::printf("  index on 1,000,000 segment boxes, 2,000 windows: packed Hilbert R-tree %.1f ms (%zu hits), "
                    "GEOS STRtree %.1f ms (%zu hits; its build %.0f ms)\n",
                    packedMs, na, strMs, nb, buildMs);
    }
    return n;
}

// ------------------------------------------------------------------ QGIS

bool exportGeoPackage(const fs::path& dataDir, const fs::path& gpkg)
{
    try {
        fs::remove(gpkg);
        geo::VectorWriter w(gpkg);
        for (const char* name : {"communes_2025", "districts_2023"}) {
            geo::VectorReader r(dataDir / (std::string(name) + ".geojson"));
            geo::VectorLayer l = r.layer(0);
            geo::LayerDefinition def;
            def.name = name;
            def.geometryType = geo::GeometryType::MultiPolygon;
            def.crs = l.crs();
            def.fields = l.fields();
            w.createLayer(def);
            geo::Feature f;
            while (l.next(f)) w.write(f.values, f.geometry);
        }
        w.commit();
        return true;
    } catch (const std::exception& e) {
        std::printf("  (GeoPackage export failed: %s)\n", e.what());
        return false;
    }
}

double runQgis(const fs::path& gpkg, const MapViewport& vp)
{
    const fs::path script = kSourceDir / "bench" / "qgis_render.py";
    const Extent e = vp.extent();
    QStringList args{QString::fromStdString(script.string()),
                     "--gpkg", QString::fromStdString(gpkg.string()),
                     "--crs", "EPSG:9215",
                     "--extent", QString("%1,%2,%3,%4").arg(e.minx, 0, 'f', 3).arg(e.miny, 0, 'f', 3).arg(e.maxx, 0, 'f', 3).arg(e.maxy, 0, 'f', 3),
                     "--size", QString("%1x%2").arg(vp.outputSize().width()).arg(vp.outputSize().height()),
                     "--dpi", QString::number(vp.dpi()),
                     "--frames", QString::number(gFrames)};
    if (!gSaveDir.empty()) args << "--save" << QString::fromStdString((gSaveDir / "qgis_communes_districts.png").string());
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("QT_QPA_PLATFORM", "offscreen");
    p.setProcessEnvironment(env);
    p.start("/usr/bin/python3", args);
    if (!p.waitForFinished(600000) || p.exitCode() != 0) {
        std::printf("  QGIS: failed (%s)\n", p.readAllStandardError().left(400).constData());
        return -1;
    }
    const QJsonObject o = QJsonDocument::fromJson(p.readAllStandardOutput().trimmed().split('\n').last()).object();
    std::printf("  QGIS %s QgsMapRendererParallelJob (%d threads), same layers/size/CRS/extent: median %.1f ms\n",
                o.value("qgis").toString().toUtf8().constData(), o.value("threads").toInt(), o.value("median_ms").toDouble());
    return o.value("median_ms").toDouble();
}

bool qgisInstalled()
{
    QProcess p;
    p.start("/usr/bin/python3", {"-c", "import qgis.core"});
    return p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

// All layers of the bundled project as the map window, `planmap-cli render`
// and print draw them (layers/project: the same list, order, visibility and
// styles — saved in the project or the defaults), bottom first.
std::vector<RenderLayer> projectLayers(const fs::path& path, const geo::Crs& crs)
{
    ProjectStore store = ProjectStore::open(path, OpenOptions{true});
    std::vector<RenderLayer> out;
    const std::vector<project::ProjectLayer> layers = project::projectLayers(store);
    for (auto it = layers.rbegin(); it != layers.rend(); ++it) {
        const std::string name = it->key.toStdString() + "(p)";
        auto cache = timedBuild(name.c_str(), *it->source, crs);
        RenderLayer l(it->title, cache, it->style(cache->kind()));
        l.visible = it->visible;
        out.push_back(std::move(l));
    }
    return out;
}

void runProvince(const fs::path& dataDir, const fs::path& project, const geo::Crs& crs, bool withQgis)
{
    std::printf("\n[Lạng Sơn]\n");
    Province p = loadProvince(dataDir, crs);
    MapViewport vp(QSize(1920, 1080), 96.0);
    vp.zoomToExtent(p.extent, 0.02);
    std::printf("  full view 1:%.0f\n", vp.scaleDenominator());
    report("communes + districts", p.base, vp, false, "communes_districts.png");
    auto labelled = p.base;
    labelled[0].style.labels.enabled = true;
    report("communes + districts + commune labels", labelled, vp, true);
    std::vector<RenderLayer> all;
    const bool fromProject = !project.empty() && fs::exists(project);
    if (fromProject) {
        std::printf("  all layers from the bundled project %s\n", project.string().c_str());
        all = projectLayers(project, crs);
    } else {
        all = labelled;
        for (const RenderLayer& l : illustrativeLayers(p, crs)) all.push_back(l);
        std::swap(all[1], all.back());  // districts above the other polygons
    }
    report(fromProject ? "all layers + labels" : "all layers* + labels", all, vp, true, "all_layers.png");
    MapViewport zoom = vp;
    zoom.setScaleDenominator(50000);
    report(fromProject ? "all layers + labels at 1:50,000" : "all layers* + labels at 1:50,000", all, zoom, true,
           "all_layers_50k.png");
    if (!fromProject)
        std::printf("  (* no bundled project found: villages, forests, markets, projects are ILLUSTRATIVE stand-ins\n"
                    "     of the project's counts; pass the .planmap file to use the real layers)\n");

    if (!withQgis) return;
    std::printf("\n[QGIS yardstick: communes + districts]\n");
    if (!qgisInstalled()) {
        std::printf("  QGIS not installed (apt-get install qgis python3-qgis); skipped\n");
        return;
    }
    const fs::path gpkg = fs::temp_directory_path() / "planmap_render_bench.gpkg";
    if (!exportGeoPackage(dataDir, gpkg)) return;
    const double q = runQgis(gpkg, vp);
    RenderOptions o;
    o.drawLabels = false;
    o.threads = 2;
    const double ours2 = renderMedian(p.base, vp, o).median;
    o.threads = 1;
    const double ours1 = renderMedian(p.base, vp, o).median;
    const double ours = std::min(ours1, ours2);
    std::printf("  planmap medians: %.1f ms (1 thread), %.1f ms (2 threads)\n", ours1, ours2);
    if (q > 0)
        std::printf("  planmap %.1f ms vs QGIS %.1f ms: ratio of medians %.1fx\n", ours, q, q / ours);
}

void runNational(const geo::Crs& crs)
{
    std::printf("\n[National, synthetic, illustrative]\n");
    National n = makeNational(crs);
    MapViewport nv(QSize(1920, 1080), 96.0);
    nv.zoomToExtent(n.extent, 0.01);
    std::printf("  full view 1:%.0f\n", nv.scaleDenominator());
    report("communes + roads + villages", n.layers, nv, false, "national.png");
    MapViewport nz = nv;
    nz.setScaleDenominator(500000);
    report("same at 1:500,000", n.layers, nz, false, "national_500k.png");
}

#ifdef PLANMAP_BENCH_WITH_GUI
/// CPU time of the calling thread only (the UI thread here), ms.
double uiThreadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

/// Gaps between the ticks of a 1 ms timer on the UI thread: how long the
/// event loop could not run (mouse handling, painting, anything blocking).
class StallMeter {
public:
    StallMeter()
    {
        beat_.setTimerType(Qt::PreciseTimer);
        beat_.setInterval(1);
        QObject::connect(&beat_, &QTimer::timeout, [this] {
            const double now = msSince(clock_);
            const double cpu = uiThreadCpuMs();
            gaps_.push_back(now - last_);
            cpuGaps_.push_back(cpu - lastCpu_);
            last_ = now;
            lastCpu_ = cpu;
        });
    }
    void start()
    {
        gaps_.clear();
        cpuGaps_.clear();
        clock_.start();
        last_ = 0;
        cpu0_ = lastCpu_ = uiThreadCpuMs();
        proc0_ = threadCpuMs();
        beat_.start();
    }
    void stop()
    {
        beat_.stop();
        wall_ = msSince(clock_);
        cpu_ = uiThreadCpuMs() - cpu0_;
        proc_ = threadCpuMs() - proc0_;
    }
    void print(const char* what) const
    {
        std::vector<double> g = gaps_;
        std::sort(g.begin(), g.end());
        const double longest = g.empty() ? 0 : g.back();
        const double p99 = g.empty() ? 0 : g[std::min(g.size() - 1, std::size_t(0.99 * double(g.size())))];
        const std::size_t over16 = std::size_t(std::count_if(g.begin(), g.end(), [](double x) { return x > 16.0; }));
        const double longestCpu = cpuGaps_.empty() ? 0 : *std::max_element(cpuGaps_.begin(), cpuGaps_.end());
        std::printf("  %-34s longest UI-thread stall %5.1f ms wall / %5.1f ms UI-thread CPU (99th pct wall %4.1f ms, "
                    "%zu of %zu gaps > 16 ms wall); total wall %6.0f ms, UI-thread CPU %5.0f ms, process CPU %6.0f ms\n",
                    what, longest, longestCpu, p99, over16, g.size(), wall_, cpu_, proc_);
    }

private:
    QTimer beat_;
    QElapsedTimer clock_;
    double last_ = 0, lastCpu_ = 0, cpu0_ = 0, proc0_ = 0, wall_ = 0, cpu_ = 0, proc_ = 0;
    std::vector<double> gaps_;
    std::vector<double> cpuGaps_;   ///< UI-thread CPU time between ticks: the work, whatever the machine's load
};

void waitUntil(const std::function<bool()>& done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < timeoutMs) QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
}

/// An offscreen main window on the bundled project, panned by a scripted
/// mouse (drags at 60 events a second, then wheel zooms), while a meter
/// records how long the UI thread is ever kept from its event loop.
void runUiThread(const fs::path& project)
{
    using planmap::gui::MainWindow;
    std::printf("\n[UI thread: offscreen MainWindow 1400x900 on the bundled project]\n");
    if (project.empty() || !fs::exists(project)) {
        std::printf("  no bundled project; skipped\n");
        return;
    }
    MainWindow w;
    w.resize(1400, 900);
    w.openProject(std::make_unique<planmap::gui::StoreProjectData>(project));
    w.show();
    planmap::gui::MapCanvas* canvas = w.canvas();
    const auto idle = [canvas] { return !canvas->isRendering() && !canvas->image().isNull(); };
    waitUntil(idle, 20000);
    canvas->controller()->setScaleDenominator(150000);
    waitUntil(idle, 20000);
    int frames = 0;
    QObject::connect(canvas, &planmap::gui::MapCanvas::renderFinished, [&frames](double) { ++frames; });

    // The script: 4 drags of 60 moves (8 px each, 16 ms apart), then 8 wheel steps.
    struct Step {
        QPointF at;
        int kind;  // 0 press, 1 move, 2 release, 3 wheel in, 4 wheel out
    };
    std::vector<Step> script;
    const QPointF centre(canvas->width() / 2.0, canvas->height() / 2.0);
    const QPointF dirs[] = {{8, 0}, {0, 8}, {-8, 0}, {0, -8}};
    for (const QPointF& d : dirs) {
        QPointF p = centre - 30 * d;
        script.push_back({p, 0});
        for (int i = 0; i < 60; ++i) script.push_back({p += d, 1});
        script.push_back({p, 2});
    }
    for (int i = 0; i < 8; ++i) script.push_back({centre, i < 4 ? 3 : 4});

    StallMeter meter;
    std::size_t next = 0;
    QTimer driver;
    driver.setTimerType(Qt::PreciseTimer);
    driver.setInterval(16);
    QObject::connect(&driver, &QTimer::timeout, [&] {
        if (next >= script.size()) {
            driver.stop();
            return;
        }
        const Step s = script[next++];
        const QPointF global = canvas->mapToGlobal(s.at);
        if (s.kind == 0 || s.kind == 2) {
            QMouseEvent e(s.kind == 0 ? QEvent::MouseButtonPress : QEvent::MouseButtonRelease, s.at, global,
                          Qt::LeftButton, s.kind == 0 ? Qt::LeftButton : Qt::NoButton, Qt::NoModifier);
            QCoreApplication::sendEvent(canvas, &e);
        } else if (s.kind == 1) {
            QMouseEvent e(QEvent::MouseMove, s.at, global, Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
            QCoreApplication::sendEvent(canvas, &e);
        } else {
            QWheelEvent e(s.at, global, QPoint(), QPoint(0, s.kind == 3 ? 120 : -120), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
            QCoreApplication::sendEvent(canvas, &e);
        }
    });
    w.canvas()->setTool(planmap::gui::MapCanvas::Tool::Pan);
    meter.start();
    driver.start();
    waitUntil([&] { return !driver.isActive(); }, 60000);
    waitUntil(idle, 20000);
    meter.stop();
    meter.print("pan (4 drags) + 8 wheel zooms:");
    std::printf("      %zu scripted events, %d frames finished in the background\n", script.size(), frames);

    // A display-CRS switch and back: the caches are rebuilt off the UI thread.
    meter.start();
    w.setDisplayCrs(4326);
    waitUntil([&] { return !w.project()->isSwitchingCrs() && idle(); }, 60000);
    w.setDisplayCrs(9215);
    waitUntil([&] { return !w.project()->isSwitchingCrs() && idle(); }, 60000);
    meter.stop();
    meter.print("display CRS 9215 -> 4326 -> 9215:");
}
#endif

} // namespace

int main(int argc, char** argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
#ifdef PLANMAP_BENCH_WITH_GUI
    QApplication app(argc, argv);
#else
    QGuiApplication app(argc, argv);
#endif
    fs::path project;
    bool withQgis = true;
    std::string only;  // "province" or "national": one part only (profiling)
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--frames" && i + 1 < argc) gFrames = std::max(1, std::atoi(argv[++i]));
        else if (a == "--no-qgis") withQgis = false;
        else if (a == "--save" && i + 1 < argc) gSaveDir = argv[++i];
        else if (a == "--only" && i + 1 < argc) only = argv[++i];  // province, national or ui
        else project = a;
    }
    const fs::path dataDir = kSourceDir / "data" / "langson";
    const geo::Crs crs = geo::Crs::fromEpsg(9215);
    std::printf("planmap render bench: 1920x1080, 96 dpi, EPSG:9215, antialiasing on, median of %d frames\n", gFrames);
    double load[3] = {0, 0, 0};
    if (getloadavg(load, 3) > 0)
        std::printf("  machine: %u cores, load average %.1f (figures grow with other processes' load)\n",
                    std::thread::hardware_concurrency(), load[0]);
    if (project.empty()) {
        // build*/share/planmap/langson.planmap next to this binary (build*/bin/).
        const fs::path guess = fs::path(argv[0]).parent_path().parent_path() / "share" / "planmap" / "langson.planmap";
        if (fs::exists(guess)) project = guess;
    }
    if (only.empty() || only == "province") runProvince(dataDir, project, crs, withQgis);
    if (only.empty() || only == "national") runNational(crs);
#ifdef PLANMAP_BENCH_WITH_GUI
    if (only.empty() || only == "ui") runUiThread(project);
#endif
    return 0;
}
