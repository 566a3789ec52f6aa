// planmap-cli import: loads a vector file into a unit layer, a feature layer,
// a new reference layer or the 2025 crosswalk, through the import engine
// (layers/importer/ImportEngine.h); also previews, undoes and lists imports.
#include "Command.h"
#include "Output.h"
#include "Reports.h"

#include "planmap/layers/importer/ImportEngine.h"
#include "planmap/layers/importer/SavedMappings.h"
#include "planmap/layers/io/CrosswalkImport.h"
#include "planmap/layers/io/LayerImport.h"
#include "planmap/layers/io/UnitLayers.h"

#include <atomic>
#include <csignal>
#include <ostream>

namespace planmap::cli {
namespace {

using namespace planmap::layers;

std::atomic<bool> gInterrupted{false};

extern "C" void onInterrupt(int) { gInterrupted.store(true); }

/// Ctrl-C cancels the running import (nothing is written) instead of killing it.
class InterruptCancels {
public:
    InterruptCancels() { previous_ = std::signal(SIGINT, onInterrupt); }
    ~InterruptCancels() { std::signal(SIGINT, previous_); }
    InterruptCancels(const InterruptCancels&) = delete;
    InterruptCancels& operator=(const InterruptCancels&) = delete;

private:
    void (*previous_)(int) = SIG_DFL;
};

std::int64_t parseBatchId(const std::string& text)
{
    try {
        std::size_t used = 0;
        const long long id = std::stoll(text, &used);
        if (used == text.size() && id > 0) return id;
    } catch (const std::exception&) {
    }
    throw UsageError("--undo takes an import batch number (see --history), not '" + text + "'");
}

class ImportCommand final : public Command {
public:
    std::string name() const override { return "import"; }
    std::string summary() const override { return "import a vector file into a layer (all or nothing); undo an import"; }
    std::string synopsis() const override
    {
        return "import FILE --layer LAYER [--crs auto|CRS] [--encoding auto|NAME] [--field-map TARGET=SOURCE,...] "
               "[--mapping NAME] [--key FIELD] [--skip-invalid] [--preview] ...\n"
               "       import --undo BATCH | --history | --mappings";
    }
    std::vector<Option> options() const override
    {
        return {{"layer", "LAYER", "target layer (see below); a new name creates a reference layer"},
                {"crs", "CRS", "CRS of the coordinates: auto (detect), EPSG:N, WKT or PROJ (default: the file's, else auto)"},
                {"encoding", "NAME", "text encoding: auto (default: .cpg, else detected), utf-8, tcvn3, vni, cp1258, viscii, latin1"},
                {"field-map", "TARGET=SOURCE,...", "which source column fills which target field", true},
                {"mapping", "NAME", "start from a field mapping saved in the project"},
                {"save-mapping", "NAME", "save the mapping used under NAME (after a successful import)"},
                {"key", "FIELD", "source column with the unique key (unit code; feature key: re-import updates)"},
                {"x-column", "COLUMN", "CSV/XLSX: the X / longitude column (with --y-column)"},
                {"y-column", "COLUMN", "CSV/XLSX: the Y / latitude column"},
                {"unit-column", "COLUMN", "place rows without coordinates at this commune code's point on surface"},
                {"unit-generation", "2025|2023", "generation of the --unit-column codes (default 2025)"},
                {"skip-invalid", "", "leave out (and list) rows whose geometry cannot be used instead of failing"},
                {"title", "TITLE", "title of a new reference layer (default: the file name)"},
                {"preview", "", "show what would be imported (first rows, CRS, encoding, mapping); write nothing"},
                {"rows", "N", "rows shown by --preview (default 10)"},
                {"illustrative", "", "mark every imported row as illustrative (invented for demonstration)"},
                {"source-layer", "NAME", "the layer to read in a file with several (e.g. a GeoPackage)"},
                {"code-list", "FILE", "unit layers: JSON code list giving each unit's type and names by code"},
                {"source", "TEXT", "provenance stored with each row (default: the file name)"},
                {"undo", "BATCH", "revert import batch BATCH: remove what it added, restore what it updated"},
                {"history", "", "list the imports of the project"},
                {"mappings", "", "list the field mappings saved in the project"}};
    }
    std::string description() const override
    {
        std::string text =
            "Reads FILE with GDAL (GeoPackage, Shapefile, GeoJSON, KML/KMZ, CSV, XLSX, ODS, ...) and writes its\n"
            "rows into LAYER in one transaction: if any row is bad, nothing is written, and every problem is\n"
            "reported with the file, row and column. Coordinates are transformed to WGS 84. When the file does\n"
            "not say its CRS (a shapefile without .prj, a CSV of eastings/northings), the VN-2000 TM-3 zones,\n"
            "VN-2000 UTM 48N/49N and WGS 84 are tried against the province outline; exactly one must fit,\n"
            "otherwise the candidates are listed and --crs is needed. Shapefile and CSV text in TCVN3 (ABC),\n"
            "VNI, Windows-1258, VISCII or UTF-8 is detected (a .cpg is honoured) and stored as Unicode.\n"
            "Invalid geometries are repaired with GEOS MakeValid and each repair is reported; one that cannot\n"
            "be repaired fails the import unless --skip-invalid, which lists the rows left out. Ctrl-C cancels\n"
            "(nothing is written). Every import is an import batch that --undo reverts.\n\n"
            "Layers:\n";
        for (const io::UnitLayer& l : io::unitLayers())
            text += "  " + l.name + std::string(16 - l.name.size(), ' ') + l.titleEn + " (administrative units)\n";
        text += "  villages, forests, markets, projects, roads, facilities   feature layers\n"
                "  NEW_NAME        a new reference layer with the file's own fields ([a-z][a-z0-9_]*)\n"
                "  " + std::string(io::kCrosswalk2025Layer) +
                "  the official old commune -> new commune conversion table (columns \"Tên Xã mới\",\n"
                "                  \"Mã Xã mới\", \"Tên Xã cũ\", \"Mã Xã cũ\", \"Ghi chú\")\n\n"
                "Unit layers take the fields code, name, full_name, name_en, type, parent (the parent's code),\n"
                "valid_from, valid_to, ethnic_minority_area, dbkk, atk, border, program_source, source. A name\n"
                "such as \"Xã Thống Nhất\" gives the type and the short name.\n"
                "Feature layers take name, user_key, commune_code (2025), commune_old_code, source,\n"
                "illustrative and the layer's own fields; coded fields accept their codes or their labels\n"
                "(\"Rừng phòng hộ\"). A row whose illustrative column (illustrati in a shapefile) is 1 stays\n"
                "marked as invented, so planmap's own exports come back as they went out. Features are\n"
                "assigned to the 2025 commune their geometry lies in.\n\n"
                "Examples:\n"
                "  planmap-cli import xa.shp --layer communes_2025 --crs EPSG:9215 \\\n"
                "      --field-map code=MA_XA,full_name=TEN_XA\n"
                "  planmap-cli import lo_rung.shp --layer forests --key MA_LO --field-map forest_type=LOAI_RUNG\n"
                "  planmap-cli import diem_truong.xlsx --layer truong_hoc --unit-column \"Mã xã\" --preview\n"
                "  planmap-cli import --undo 12";
        return text;
    }

    int run(CommandContext& ctx) const override
    {
        if (ctx.args.has("history")) return history(ctx);
        if (ctx.args.has("mappings")) return mappings(ctx);
        if (auto undo = ctx.args.value("undo")) return undoBatch(ctx, parseBatchId(*undo));

        ctx.args.expectPositionals(1, 1);
        importer::ImportRequest request;
        request.file = ctx.args.positional(0, "FILE");
        request.layer = ctx.args.required("layer");
        request.crs = ctx.args.value("crs");
        request.encoding = ctx.args.value("encoding");
        for (const std::string& spec : ctx.args.values("field-map")) {
            try {
                const io::FieldMapping parsed = io::FieldMapping::parse(spec);
                for (const auto& [target, source] : parsed.pairs()) {
                    if (request.fields.sourceFor(target))
                        throw std::invalid_argument("the target field '" + target + "' is mapped twice");
                    request.fields.set(target, source);
                }
            } catch (const std::invalid_argument& e) {
                throw UsageError("--field-map: " + std::string(e.what()));
            }
        }
        request.mappingName = ctx.args.value("mapping");
        request.saveMappingAs = ctx.args.value("save-mapping");
        request.keyField = ctx.args.value("key");
        request.xColumn = ctx.args.value("x-column");
        request.yColumn = ctx.args.value("y-column");
        if (request.xColumn.has_value() != request.yColumn.has_value())
            throw UsageError("give both --x-column and --y-column");
        request.unitColumn = ctx.args.value("unit-column");
        if (auto g = ctx.args.value("unit-generation")) {
            if (*g != "2025" && *g != "2023") throw UsageError("--unit-generation must be 2025 or 2023");
            request.unitGeneration = *g;
        }
        request.skipInvalid = ctx.args.has("skip-invalid");
        request.title = ctx.args.value("title");
        request.illustrative = ctx.args.has("illustrative");
        request.sourceLayer = ctx.args.value("source-layer");
        if (auto list = ctx.args.value("code-list")) request.codeList = *list;
        request.source = ctx.args.value("source");
        if (request.layer == io::kCrosswalk2025Layer
            && (request.crs || !request.fields.empty() || request.keyField || request.illustrative || request.codeList))
            throw UsageError("the crosswalk takes no --crs, --field-map, --key, --illustrative or --code-list");

        if (ctx.args.has("preview")) {
            std::size_t rows = 10;
            if (auto n = ctx.args.value("rows")) {
                try {
                    rows = static_cast<std::size_t>(std::stoul(*n));
                } catch (const std::exception&) {
                    throw UsageError("--rows takes a number");
                }
            }
            ProjectStore store = ctx.openProject(false);
            printPreview(ctx, importer::previewImport(store, request, rows));
            return kExitOk;
        }

        ProjectStore store = ctx.openProject(true);
        InterruptCancels interrupts;
        gInterrupted.store(false);
        request.cancel = &gInterrupted;
        std::int64_t lastShown = -1;
        request.progress = [&](const importer::ImportProgress& p) {
            // Large files only: a line per tenth of each stage.
            if (p.total < 20000) return;
            const std::int64_t tenth = p.done * 10 / p.total;
            if (tenth == lastShown && p.done != p.total) return;
            lastShown = p.done == p.total ? -1 : tenth;
            ctx.err << importer::stageName(p.stage) << " " << p.done << "/" << p.total << "\n";
        };
        const importer::ImportResult result = importer::runImport(store, request);
        for (const importer::RejectedRow& r : result.rejected) ctx.warning("left out: " + r.where + ": " + r.reason);
        printImportReport(ctx, result.report);
        return kExitOk;
    }

private:
    static void printPreview(CommandContext& ctx, const importer::ImportPreview& p)
    {
        ctx.out << "File: " << p.driver << ", layer \"" << p.sourceLayer << "\", " << p.rowCount << " row(s)\n";
        ctx.out << "Text encoding: " << p.encoding.summary() << "\n";
        for (const auto& r : p.encoding.reasons) ctx.out << "  " << r << "\n";
        ctx.out << "CRS: " << p.crs.summary() << "\n";
        if (p.crs.detection) {
            ctx.out << "  " << p.crs.detection->explanation << "\n";
            std::size_t shown = 0;
            for (const auto& c : p.crs.detection->candidates) {
                if (shown++ == 5) break;
                ctx.out << "    " << c.describe() << "\n";
            }
        }
        ctx.out << "Target: " << p.targetLayer << (p.newLayer ? " (new reference layer)" : "") << "\n";
        for (const auto& n : p.notes) ctx.err << n << "\n";
        for (const auto& w : p.warnings) ctx.warning(w);
        // Unit layers show the file's columns; other targets the mapped fields.
        std::vector<std::string> header{"row"};
        std::vector<std::size_t> shown;
        if (p.targets.empty()) {
            for (std::size_t c = 0; c < p.columns.size(); ++c) {
                shown.push_back(c);
                header.push_back(p.columns[c]);
            }
        }
        for (std::size_t t = 0; t < p.targets.size(); ++t) {
            if (p.mappedColumns[t].empty()) continue;
            shown.push_back(t);
            header.push_back(p.targets[t].info.name + " <- " + p.mappedColumns[t]);
        }
        header.push_back("geometry (WGS 84)");
        TextTable table(header);
        for (const auto& row : p.rows) {
            std::vector<std::string> cells{row.label};
            for (std::size_t t : shown) cells.push_back(t < row.values.size() ? row.values[t] : std::string());
            std::string wkt = row.geometryWkt.value_or("");
            if (wkt.size() > 60) wkt = wkt.substr(0, 57) + "...";
            cells.push_back(wkt);
            table.addRow(cells);
        }
        table.print(ctx.out);
        for (const auto& row : p.rows)
            for (const auto& problem : row.problems) ctx.out << "problem: " << problem << "\n";
    }

    static int undoBatch(CommandContext& ctx, std::int64_t batch)
    {
        ctx.args.expectPositionals(0, 0);
        ProjectStore store = ctx.openProject(true);
        const importer::UndoResult r = importer::undoImport(store, batch);
        ctx.out << "Undid import batch " << r.batchId << " (" << r.target << "): " << r.removed << " row(s) removed";
        if (r.restored) ctx.out << ", " << r.restored << " restored to their previous version";
        if (r.droppedLayer) ctx.out << ", layer " << *r.droppedLayer << " dropped";
        ctx.out << "\n";
        return kExitOk;
    }

    static int history(CommandContext& ctx)
    {
        ctx.args.expectPositionals(0, 0);
        ProjectStore store = ctx.openProject(false);
        TextTable table({"batch", "started", "kind", "target", "rows", "added", "updated", "status", "file"});
        table.alignRight(0);
        table.alignRight(4);
        for (const importer::ImportHistoryEntry& e : importer::importHistory(store)) {
            std::string status = e.undoneAt ? "undone " + toIsoTimestamp(*e.undoneAt)
                                            : e.batch.status == ImportStatus::Completed ? "completed"
                                            : e.batch.status == ImportStatus::Failed    ? "failed"
                                                                                        : "running";
            if (e.createdLayer && !e.undoneAt) status += ", created the layer";
            table.addRow({std::to_string(e.batch.id), toIsoTimestamp(e.batch.startedAt), e.batch.kind,
                          e.batch.target.value_or(""), e.batch.rowCount ? std::to_string(*e.batch.rowCount) : "",
                          std::to_string(e.inserted), std::to_string(e.updated), status, e.batch.filePath});
        }
        table.print(ctx.out);
        return kExitOk;
    }

    static int mappings(CommandContext& ctx)
    {
        ctx.args.expectPositionals(0, 0);
        ProjectStore store = ctx.openProject(false);
        for (const importer::SavedMapping& m : importer::SavedMappings(store.connection()).list()) {
            ctx.out << m.name << (m.layer ? " (layer " + *m.layer + ")" : "") << ":";
            for (const auto& [t, s] : m.fields.pairs()) ctx.out << " " << t << "=" << s;
            if (m.keyField) ctx.out << " --key " << *m.keyField;
            if (m.unitColumn) ctx.out << " --unit-column " << *m.unitColumn;
            if (m.encoding) ctx.out << " --encoding " << *m.encoding;
            if (m.crs) ctx.out << " --crs " << *m.crs;
            ctx.out << "\n";
        }
        return kExitOk;
    }
};

PLANMAP_CLI_REGISTER(ImportCommand)

} // namespace
} // namespace planmap::cli
