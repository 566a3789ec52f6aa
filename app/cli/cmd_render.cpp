// planmap-cli render: the project's map as a PNG, drawn headless by the same
// renderer and default styles as the map window and the print layouts.
#include "Command.h"
#include "GuiApplication.h"

#include "planmap/geo/Crs.h"
#include "planmap/geo/Transform.h"
#include "planmap/layers/project/ProjectLayers.h"
#include "planmap/layers/render/LayerCache.h"
#include "planmap/layers/render/MapRenderer.h"
#include "planmap/layers/render/MapViewport.h"

#include <QImage>
#include <QImageWriter>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <filesystem>
#include <ostream>
#include <set>
#include <sstream>

namespace planmap::cli {
namespace {

using namespace planmap::layers;

QSize parseSize(const std::string& text)
{
    const QStringList parts = QString::fromStdString(text).split(QLatin1Char('x'), Qt::KeepEmptyParts, Qt::CaseInsensitive);
    bool okW = false, okH = false;
    const int w = parts.size() == 2 ? parts[0].toInt(&okW) : 0;
    const int h = parts.size() == 2 ? parts[1].toInt(&okH) : 0;
    if (!okW || !okH || w < 1 || h < 1 || w > 20000 || h > 20000)
        throw UsageError("--size: expected WIDTHxHEIGHT in pixels (e.g. 1920x1080), got '" + text + "'");
    return {w, h};
}

/// --extent MINX,MINY,MAXX,MAXY in longitude/latitude (WGS 84), turned into
/// the display CRS (the bounding box of the transformed rectangle).
geo::Envelope parseExtent(const std::string& text, const geo::Crs& displayCrs)
{
    const QStringList parts = QString::fromStdString(text).split(QLatin1Char(','));
    double v[4] = {};
    bool ok = parts.size() == 4;
    for (int i = 0; ok && i < 4; ++i) v[i] = parts[i].trimmed().toDouble(&ok);
    if (!ok || v[0] >= v[2] || v[1] >= v[3] || v[1] < -90 || v[3] > 90)
        throw UsageError("--extent: expected WEST,SOUTH,EAST,NORTH in degrees of longitude/latitude, got '" + text + "'");
    const geo::Transform toDisplay(geo::Crs::fromEpsg(4326), displayCrs);
    return toDisplay.transformBounds(geo::Envelope{v[0], v[1], v[2], v[3]});
}

class RenderCommand final : public Command {
public:
    std::string name() const override { return "render"; }
    std::string summary() const override { return "draw the project's map to a PNG (the map window's renderer and styles)"; }
    std::string synopsis() const override
    {
        return "render --out FILE.png --size WxH [--extent W,S,E,N] [--layers a,b,...] [--crs EPSG:N] [--dpi N] [--repeat N]";
    }
    std::vector<Option> options() const override
    {
        return {
            {"out", "FILE.png", "the image to write"},
            {"size", "WxH", "image size in pixels (default 1920x1080)"},
            {"extent", "W,S,E,N", "area in degrees of longitude/latitude (default: all layers)"},
            {"layers", "a,b,...", "layers to draw, by name (default: every layer of the map window)"},
            {"crs", "CRS", "display CRS (default: the project's, e.g. EPSG:9215)"},
            {"dpi", "N", "resolution for symbol and text sizes (default 96)"},
            {"repeat", "N", "render N more times and print render_ms=<median of those>"},
        };
    }
    std::string description() const override
    {
        return "Layer names: province, districts_2023, communes_2025, villages, forests, markets, projects,\n"
               "roads, facilities and imported layers. Illustrative layers are drawn like the others; the\n"
               "command prints which drawn layers hold illustrative data.\n"
               "render_ms is the in-process time of a render (start-up, loading and file writing excluded).";
    }

    int run(CommandContext& ctx) const override
    {
        const auto& a = ctx.args;
        a.expectPositionals(0, 0);
        const std::filesystem::path out = a.required("out");
        const QSize size = parseSize(a.value("size").value_or("1920x1080"));
        double dpi = 96.0;
        if (auto d = a.value("dpi")) {
            try { dpi = std::stod(*d); } catch (...) { dpi = 0; }
            if (!(dpi >= 10 && dpi <= 2400)) throw UsageError("--dpi: expected a number from 10 to 2400, got '" + *d + "'");
        }
        int repeat = 0;
        if (auto r = a.value("repeat")) {
            try { repeat = std::stoi(*r); } catch (...) { repeat = -1; }
            if (repeat < 0 || repeat > 10000) throw UsageError("--repeat: expected a whole number from 0 to 10000, got '" + *r + "'");
        }

        ensureGuiApplication();
        ProjectStore store = ctx.openProject(false);
        const std::string crsText = a.value("crs").value_or(store.metadata().defaultCrs);
        const geo::Crs displayCrs = geo::Crs::fromUserInput(crsText);

        std::vector<project::ProjectLayer> all = project::projectLayers(store);
        std::vector<project::ProjectLayer> chosen;
        if (auto names = a.value("layers")) {
            std::set<QString> known;
            for (const auto& l : all) known.insert(l.key);
            for (const QString& n : QString::fromStdString(*names).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                const QString key = n.trimmed();
                auto it = std::find_if(all.begin(), all.end(), [&](const project::ProjectLayer& l) { return l.key == key; });
                if (it == all.end()) {
                    QStringList list;
                    for (const QString& k : known) list << k;
                    throw UsageError("--layers: no layer '" + key.toStdString() + "' with features in this project (there are: "
                                     + list.join(QStringLiteral(", ")).toStdString() + ")");
                }
                chosen.push_back(*it);
            }
            // Draw in the map window's order whatever order the user listed.
            std::stable_sort(chosen.begin(), chosen.end(), [&](const auto& x, const auto& y) {
                auto pos = [&](const QString& k) {
                    return std::find_if(all.begin(), all.end(), [&](const auto& l) { return l.key == k; }) - all.begin();
                };
                return pos(x.key) < pos(y.key);
            });
        } else {
            // The layers shown in the map window (saved in the project).
            for (const auto& l : all)
                if (l.visible) chosen.push_back(l);
        }
        if (chosen.empty()) throw std::runtime_error("the project has no layer with features to draw");

        // ProjectLayers lists the top layer first; the renderer draws bottom first.
        std::vector<render::RenderLayer> renderLayers;
        geo::Envelope full;
        QStringList illustrative;
        for (auto it = chosen.rbegin(); it != chosen.rend(); ++it) {
            auto cache = render::LayerCache::build(*it->source, displayCrs);
            full.expand(cache->extent());
            renderLayers.emplace_back(it->title, cache, it->style(cache->kind()));
            if (it->illustrative) illustrative << it->key;
        }

        render::MapViewport viewport(size, dpi, render::mapUnitsOf(displayCrs));
        if (auto e = a.value("extent"))
            viewport.zoomToExtent(parseExtent(*e, displayCrs));
        else
            viewport.zoomToExtent(full, 0.02);

        render::RenderOptions options;
        options.threads = 2;
        render::RenderStats stats;
        QImage image = render::MapRenderer::renderImage(renderLayers, viewport, options, &stats);

        if (repeat > 0) {
            std::vector<double> ms;
            for (int i = 0; i < repeat; ++i) {
                render::RenderStats s;
                render::MapRenderer::renderImage(renderLayers, viewport, options, &s);
                ms.push_back(s.milliseconds);
            }
            std::sort(ms.begin(), ms.end());
            const double median = ms.size() % 2 ? ms[ms.size() / 2] : (ms[ms.size() / 2 - 1] + ms[ms.size() / 2]) / 2;
            std::ostringstream line;
            line.setf(std::ios::fixed);
            line.precision(2);
            line << "render_ms=" << median;
            ctx.out << line.str() << "\n";
        }

        // Write under a temporary name, then rename: no half image on failure.
        const std::filesystem::path tmp = out.parent_path() / ("." + out.filename().string() + ".tmp.png");
        QImageWriter writer(QString::fromStdString(tmp.string()), "png");
        if (!writer.write(image)) {
            std::error_code ec;
            std::filesystem::remove(tmp, ec);
            throw std::runtime_error("cannot write " + out.string() + ": " + writer.errorString().toStdString());
        }
        std::filesystem::rename(tmp, out);

        ctx.err << "Wrote " << out.string() << " (" << size.width() << "x" << size.height() << ", " << renderLayers.size()
                << " layers, " << stats.featuresDrawn << " features, " << stats.labelsPlaced << " labels, " << crsText << ")\n";
        if (!illustrative.isEmpty())
            ctx.warning("the image shows illustrative (invented) data in: " + illustrative.join(QStringLiteral(", ")).toStdString());
        return kExitOk;
    }
};

PLANMAP_CLI_REGISTER(RenderCommand)

} // namespace
} // namespace planmap::cli
