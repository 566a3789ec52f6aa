// planmap-cli print: briefing maps, wall maps and atlases as PDF, PNG or SVG.
#include "Command.h"
#include "GuiApplication.h"
#include "Output.h"

#include "planmap/layers/print/Export.h"
#include "planmap/layers/print/LayoutStore.h"
#include "planmap/layers/print/Templates.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <ostream>
#include <sstream>

namespace planmap::cli {
namespace {

using namespace planmap::layers;
using namespace planmap::layers::print;

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

std::string fixed(double v, int decimals)
{
    std::ostringstream s;
    s.setf(std::ios::fixed);
    s.precision(decimals);
    s << v;
    return s.str();
}

class PrintCommand final : public Command {
public:
    std::string name() const override { return "print"; }
    std::string summary() const override { return "print a briefing map, wall map or atlas (PDF, PNG, SVG)"; }
    std::string synopsis() const override
    {
        return "print [PROJECT] (--template NAME | --layout NAME) [--unit UNIT | --atlas district|commune] --out FILE";
    }
    std::vector<Option> options() const override
    {
        return {
            {"template", "NAME", "a built-in layout: briefing-a4 (default), wall-a3, district-a4"},
            {"layout", "NAME", "a layout saved in the project (see --list)"},
            {"unit", "UNIT", "zoom to a unit: code or name, accents optional (\"Lộc Bình\", 188, \"Xã Lộc Bình\")"},
            {"level", "district|commune", "look --unit up among districts (2023) or communes (2025) only"},
            {"atlas", "district|commune", "one page per district of 2023 or commune of 2025"},
            {"orientation", "portrait|landscape", "page orientation (default: the template's)"},
            {"paper", "A4|A3", "paper size (default: the template's)"},
            {"grid", "none|projected|graticule", "coordinate grid of the main map"},
            {"title", "TEXT", "replace the title (placeholders such as {plan} and {unit} allowed)"},
            {"dpi", "N", "PNG pixels per inch (150), SVG units per inch (96), PDF coordinate resolution (300)"},
            {"split", "", "with --atlas and PDF: one file per page (FILE-01.pdf, …) instead of one document"},
            {"no-illustrative", "", "leave out the illustrative (invented) layers"},
            {"save-layout", "NAME", "also save the layout used (with the options above) in the project"},
            {"list", "", "list the templates and the layouts saved in the project, then stop"},
            {"out", "FILE", "output file; the format follows the extension: .pdf, .png, .svg"},
        };
    }
    std::string description() const override
    {
        return "Draws the project's map with the same layers and styles as the screen, and around\n"
               "it the title (the plan's name and date from the plan catalogue), legend of what the\n"
               "frame shows, scale bar (geodesic), north arrow, locator inset, the unit's plan\n"
               "indicators (target, achieved, %) and, whenever illustrative data are in view, a\n"
               "notice saying so. PDF output is vector: text stays text, fonts are embedded.\n"
               "PNG and SVG write one file per page (FILE-01.png, …) for an atlas.\n"
               "\n"
               "The project is the positional PROJECT or --project FILE (default: the bundled one).\n"
               "\n"
               "Examples:\n"
               "  planmap-cli print --template briefing-a4 --out briefing.pdf\n"
               "  planmap-cli print --template district-a4 --unit \"Lộc Bình\" --out loc-binh.pdf\n"
               "  planmap-cli print --template district-a4 --atlas commune --out communes.pdf\n"
               "  planmap-cli print --template wall-a3 --dpi 200 --out wall.png";
    }

    int run(CommandContext& ctx) const override
    {
        ctx.args.expectPositionals(0, 1);
        if (!ctx.args.positionals().empty() && ctx.args.has("project"))
            throw UsageError("give the project either as PROJECT or with --project, not both");
        if (ctx.args.has("template") && ctx.args.has("layout"))
            throw UsageError("give either --template or --layout, not both");
        if (ctx.args.has("unit") && ctx.args.has("atlas")) throw UsageError("give either --unit or --atlas, not both");
        const bool list = ctx.args.has("list");
        const std::optional<std::string> out = ctx.args.value("out");
        if (!list && !out) throw UsageError("missing --out FILE");

        std::optional<AtlasLevel> atlas;
        if (auto a = ctx.args.value("atlas")) {
            atlas = parseAtlasLevel(q(*a));
            if (!atlas) throw UsageError("--atlas must be district or commune, not \"" + *a + "\"");
        }
        std::optional<UnitLevel> level;
        if (auto l = ctx.args.value("level")) {
            if (*l == "district") level = UnitLevel::District;
            else if (*l == "commune") level = UnitLevel::Commune;
            else throw UsageError("--level must be district or commune, not \"" + *l + "\"");
        }
        std::optional<Orientation> orientation;
        if (auto o = ctx.args.value("orientation")) {
            orientation = parseOrientation(q(*o));
            if (!orientation) throw UsageError("--orientation must be portrait or landscape, not \"" + *o + "\"");
        }
        std::optional<PaperSize> paper;
        if (auto p = ctx.args.value("paper")) {
            paper = parsePaperSize(q(*p));
            if (!paper) throw UsageError("--paper must be A4 or A3, not \"" + *p + "\"");
        }
        std::optional<GridKind> grid;
        if (auto g = ctx.args.value("grid")) {
            grid = parseGridKind(q(*g));
            if (!grid) throw UsageError("--grid must be none, projected or graticule, not \"" + *g + "\"");
        }
        ExportOptions exportOptions;
        if (auto d = ctx.args.value("dpi")) {
            char* end = nullptr;
            exportOptions.dpi = std::strtod(d->c_str(), &end);
            if (end == d->c_str() || *end != '\0' || !(exportOptions.dpi >= 10 && exportOptions.dpi <= 2400))
                throw UsageError("--dpi must be a number from 10 to 2400, not \"" + *d + "\"");
        }
        exportOptions.onePerFile = ctx.args.has("split");
        if (out) {
            exportOptions.format = exportFormatFor(*out);
            if (!exportOptions.format) throw UsageError("--out must end in .pdf, .png or .svg: " + *out);
        }
        if (!ctx.args.has("layout") && !list) {
            const std::string t = ctx.args.value("template").value_or("briefing-a4");
            if (!findTemplate(q(t))) {
                std::string names;
                for (const TemplateInfo& i : templates()) names += (names.empty() ? "" : ", ") + i.name.toStdString();
                throw UsageError("unknown template \"" + t + "\" (templates: " + names + ")");
            }
        }

        const bool writable = ctx.args.has("save-layout");
        ProjectStore store = openStore(ctx, writable);
        LayoutStore layouts(store.connection());
        if (list) {
            TextTable table({"name", "kind", "page", "description"});
            for (const TemplateInfo& t : templates())
                table.addRow({t.name.toStdString(), "template",
                              paperSizeName(t.defaultPage.paper).toStdString() + " " +
                                  orientationName(t.defaultPage.orientation).toStdString(),
                              t.description.toStdString()});
            for (const QString& n : layouts.names()) {
                const auto l = layouts.load(n);
                table.addRow({n.toStdString(), "saved",
                              paperSizeName(l->page.paper).toStdString() + " " +
                                  orientationName(l->page.orientation).toStdString(),
                              l->templateName.isEmpty() ? "" : "from " + l->templateName.toStdString()});
            }
            table.print(ctx.out);
            return kExitOk;
        }

        // The layout: saved or built from a template, then the options on top.
        Layout layout;
        if (auto name = ctx.args.value("layout")) {
            auto saved = layouts.load(q(*name));
            if (!saved) {
                std::string names;
                for (const QString& n : layouts.names()) names += (names.empty() ? "" : ", ") + n.toStdString();
                throw std::runtime_error("no layout \"" + *name + "\" in " + store.path().string() +
                                         (names.empty() ? " (it has no saved layouts)" : " (saved: " + names + ")"));
            }
            layout = *saved;
            if (orientation || paper) {
                if (layout.templateName.isEmpty() || !findTemplate(layout.templateName))
                    throw UsageError("--orientation and --paper apply to layouts made from a template");
                Layout rebuilt = makeTemplate(layout.templateName, orientation.value_or(layout.page.orientation),
                                              paper.value_or(layout.page.paper));
                rebuilt.name = layout.name;
                layout = rebuilt;
            }
        } else {
            layout = makeTemplate(q(ctx.args.value("template").value_or("briefing-a4")), orientation, paper);
        }
        if (grid)
            for (LayoutItem& i : layout.items)
                if (i.kind == ItemKind::Map) i.map.grid = *grid;
        if (auto title = ctx.args.value("title"))
            if (LayoutItem* t = layout.item(QStringLiteral("title"))) t->text.text = q(*title);

        ensureGuiApplication();
        LoadOptions loadOptions;
        loadOptions.includeIllustrative = !ctx.args.has("no-illustrative");
        const auto loadStart = std::chrono::steady_clock::now();
        const PrintContext context = loadPrintContext(store, loadOptions);
        const double loadMs =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - loadStart).count();

        std::vector<PageSpec> pages;
        if (atlas) {
            pages = atlasPages(context, *atlas);
            if (pages.empty())
                throw std::runtime_error("the project has no " +
                                         std::string(*atlas == AtlasLevel::District ? "districts (2023)" : "communes (2025)") +
                                         " with outlines to make an atlas of");
        } else if (auto unit = ctx.args.value("unit")) {
            const PrintUnit* u = context.findUnit(q(*unit), level);
            if (!u) throw std::runtime_error("no unit \"" + *unit + "\" in " + store.path().string() +
                                             " (give a code, or a district, commune or province name)");
            if (u->extent.isEmpty()) throw std::runtime_error(u->fullName.toStdString() + " has no outline to zoom to");
            if (!level)
                for (const PrintUnit* other : context.matchingUnits(q(*unit)))
                    if (other != u)
                        ctx.note("note: \"" + *unit + "\" is " + u->fullName.toStdString() + " (code " +
                                 u->code.toStdString() + "); for " + other->fullName.toStdString() + " give --unit " +
                                 other->code.toStdString() + " or its full name");
            pages.push_back(PageSpec{u, 1, 1});
        } else {
            pages.push_back(PageSpec{});
        }

        if (writable) {
            layout.name = q(*ctx.args.value("save-layout"));
            layouts.save(layout);
            ctx.note("saved layout \"" + layout.name.toStdString() + "\" in " + store.path().string());
        }

        const ExportResult result = exportLayout(layout, context, pages, *out, exportOptions);
        for (const auto& f : result.files) ctx.out << f.string() << "\n";
        QStringList notices;
        for (const PageReport& r : result.pages)
            if (!r.notice.isEmpty() && !notices.contains(r.notice)) notices << r.notice;
        std::ostringstream summary;
        summary << "printed " << result.pages.size() << " page" << (result.pages.size() == 1 ? "" : "s") << " ("
                << paperSizeName(layout.page.paper).toStdString() << " "
                << orientationName(layout.page.orientation).toStdString() << ") in " << fixed(result.milliseconds / 1000, 2)
                << " s (project read in " << fixed(loadMs / 1000, 2) << " s)";
        ctx.note(summary.str());
        for (const QString& n : notices) ctx.note("notice on the page: " + n.toStdString());
        return kExitOk;
    }

private:
    static ProjectStore openStore(CommandContext& ctx, bool writable)
    {
        if (ctx.args.positionals().empty()) return ctx.openProject(writable);
        const std::filesystem::path path = ctx.args.positionals().front();
        std::error_code ec;
        if (!std::filesystem::is_regular_file(path, ec))
            throw std::runtime_error("project file not found: " + path.lexically_normal().string());
        OpenOptions options;
        options.readOnly = !writable;
        return ProjectStore::open(path, options);
    }
};

PLANMAP_CLI_REGISTER(PrintCommand)

} // namespace
} // namespace planmap::cli
