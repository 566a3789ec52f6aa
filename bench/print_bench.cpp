// Print benchmark: seconds to write
//   1. the A3 wall map of the province (wall-a3) to a vector PDF — target < 2 s,
//   2. the atlas of the 65 communes of 2025 (district-a4, one page each) into
//      one PDF — target < 20 s,
// on the bundled Lạng Sơn project (or the project given), plus the time to
// read the project into a print context (layers, caches, roll-ups), which
// both share. Median of N runs (default 3), wall-clock and CPU time (the
// CPU time tells the work apart from a busy machine; the load average is
// printed too), and the PDF sizes.
//
// Usage: bench_print_bench [project.planmap] [--runs N] [--keep DIR]

#include "planmap/layers/print/Export.h"
#include "planmap/layers/print/Templates.h"
#include "planmap/layers/store/ProjectStore.h"

#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <sys/resource.h>

namespace fs = std::filesystem;
using namespace planmap::layers;
using namespace planmap::layers::print;

namespace {

fs::path findProject(const char* argv0)
{
    const fs::path bin = fs::absolute(argv0).parent_path();
    for (const fs::path& p : {bin / ".." / "share" / "planmap" / "langson.planmap"})
        if (fs::exists(p)) return fs::canonical(p);
    return {};
}

/// CPU seconds of this process (user + system, all threads).
double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

std::string loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly)) return "?";
    return f.readAll().split(' ').mid(0, 3).join(' ').toStdString();
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

} // namespace

int main(int argc, char** argv)
{
    if (!std::getenv("QT_QPA_PLATFORM")) setenv("QT_QPA_PLATFORM", "offscreen", 0);
    QGuiApplication app(argc, argv);
    fs::path project;
    fs::path keep;
    int runs = 3;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--runs" && i + 1 < argc) runs = std::max(1, std::atoi(argv[++i]));
        else if (a == "--keep" && i + 1 < argc) keep = argv[++i];
        else project = a;
    }
    if (project.empty()) project = findProject(argv[0]);
    if (project.empty() || !fs::exists(project)) {
        std::fprintf(stderr, "no project: give one, or build the bundled project first\n");
        return 1;
    }
    const fs::path dir = keep.empty() ? fs::temp_directory_path() / ("planmap-print-bench-" + std::to_string(::getpid())) : keep;
    fs::create_directories(dir);

    OpenOptions open;
    open.readOnly = true;
    ProjectStore store = ProjectStore::open(project, open);
    std::printf("project: %s\n", project.string().c_str());

    std::printf("load average before: %s (%d cores)\n", loadAverage().c_str(), QThread::idealThreadCount());
    std::vector<double> loadMs, wallMs, atlasMs, loadCpu, wallCpu, atlasCpu;
    std::size_t atlasPagesCount = 0;
    for (int r = 0; r < runs; ++r) {
        QElapsedTimer t;
        t.start();
        double cpu = cpuSeconds();
        const PrintContext ctx = loadPrintContext(store);
        loadMs.push_back(double(t.nsecsElapsed()) / 1e6);
        loadCpu.push_back(cpuSeconds() - cpu);

        t.restart();
        cpu = cpuSeconds();
        exportLayout(makeTemplate(QStringLiteral("wall-a3")), ctx, {PageSpec{}}, dir / "wall-a3.pdf");
        wallMs.push_back(double(t.nsecsElapsed()) / 1e6);
        wallCpu.push_back(cpuSeconds() - cpu);

        const auto pages = atlasPages(ctx, AtlasLevel::Commune);
        atlasPagesCount = pages.size();
        t.restart();
        cpu = cpuSeconds();
        exportLayout(makeTemplate(QStringLiteral("district-a4")), ctx, pages, dir / "communes-atlas.pdf");
        atlasMs.push_back(double(t.nsecsElapsed()) / 1e6);
        atlasCpu.push_back(cpuSeconds() - cpu);
    }
    const double load = median(loadMs), wall = median(wallMs), atlas = median(atlasMs);
    std::printf("read project into a print context:      %8.3f s\n", load / 1000);
    std::printf("A3 province wall map -> PDF:            %8.3f s   (%8.3f s with reading)  target < 2 s: %s\n",
                wall / 1000, (wall + load) / 1000, wall + load < 2000 ? "met" : "NOT met");
    std::printf("commune atlas, %zu pages -> one PDF:     %8.3f s   (%8.3f s with reading)  target < 20 s: %s\n",
                atlasPagesCount, atlas / 1000, (atlas + load) / 1000, atlas + load < 20000 ? "met" : "NOT met");
    std::printf("per atlas page:                         %8.3f s\n", atlasPagesCount ? atlas / 1000 / double(atlasPagesCount) : 0.0);
    std::printf("CPU time: reading %.3f s, A3 wall map %.3f s, atlas %.3f s\n", median(loadCpu), median(wallCpu),
                median(atlasCpu));
    std::printf("load average after: %s\n", loadAverage().c_str());
    std::printf("file sizes: wall-a3.pdf %.1f KB, communes-atlas.pdf %.1f KB\n",
                double(fs::file_size(dir / "wall-a3.pdf")) / 1024, double(fs::file_size(dir / "communes-atlas.pdf")) / 1024);
    if (keep.empty()) fs::remove_all(dir);
    else std::printf("kept in %s\n", dir.string().c_str());
    return 0;
}
