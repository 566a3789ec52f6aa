// planmap-cli new: creates an empty project.
#include "Command.h"

#include "planmap/geo/Crs.h"

#include <filesystem>
#include <ostream>

namespace planmap::cli {
namespace {

using namespace planmap::layers;

class NewCommand final : public Command {
public:
    std::string name() const override { return "new"; }
    std::string summary() const override { return "create an empty project file"; }
    std::string synopsis() const override
    {
        return "new FILE [--name NAME] [--province-code CODE] [--crs CRS] [--description TEXT]";
    }
    std::vector<Option> options() const override
    {
        return {{"name", "NAME", "project name (default: the file name without extension)"},
                {"province-code", "CODE", "statistics office code of the province, e.g. 20"},
                {"crs", "CRS", "default CRS for display and measurement (default: EPSG:9215)"},
                {"description", "TEXT", "a description"}};
    }
    std::string description() const override
    {
        return "Creates FILE (it must not exist; --project FILE may be given instead of FILE)\n"
               "with the current schema and no data. Geometries are always stored in WGS 84\n"
               "(EPSG:4326); --crs is the CRS maps and measurements default to.";
    }

    int run(CommandContext& ctx) const override
    {
        ctx.args.expectPositionals(0, 1);
        std::filesystem::path path;
        if (!ctx.args.positionals().empty()) {
            if (ctx.args.has("project")) throw UsageError("give the file either as FILE or with --project, not both");
            path = ctx.args.positionals()[0];
        } else if (auto p = ctx.args.value("project")) {
            path = *p;
        } else {
            throw UsageError("missing argument: FILE (the project to create)");
        }
        ProjectMetadata meta;
        meta.name = ctx.args.value("name").value_or(path.stem().string());
        if (meta.name.empty()) throw UsageError("--name must not be empty");
        if (auto code = ctx.args.value("province-code")) {
            if (code->empty() || code->find_first_not_of("0123456789") != std::string::npos)
                throw UsageError("--province-code must be digits, e.g. 20");
            meta.provinceCode = *code;
        }
        const std::string crsText = ctx.args.value("crs").value_or("EPSG:9215");
        geo::Crs crs = [&] {
            try {
                return geo::Crs::fromUserInput(crsText);
            } catch (const std::exception& e) {
                throw UsageError("--crs: " + std::string(e.what()));
            }
        }();
        meta.defaultCrs = crs.epsgCode() ? "EPSG:" + std::to_string(*crs.epsgCode()) : crs.authorityId().value_or(crsText);
        meta.description = ctx.args.value("description");
        if (std::filesystem::exists(path))
            throw std::runtime_error(path.string() + ": the file already exists; choose another name");
        ProjectStore store = ProjectStore::create(path, meta);
        ctx.out << "Created " << std::filesystem::absolute(path).lexically_normal().string() << " (\"" << meta.name
                << "\", default CRS " << crs.label() << ")\n";
        return kExitOk;
    }
};

PLANMAP_CLI_REGISTER(NewCommand)

} // namespace
} // namespace planmap::cli
