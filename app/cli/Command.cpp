#include "Command.h"

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <system_error>

namespace planmap::cli {

namespace {

const Option kHelpOption{"help", "", "show this help and exit"};
const Option kProjectOption{"project", "FILE",
                            "the project file (default: $PLANMAP_PROJECT, else the bundled Lạng Sơn project)"};

std::vector<std::string> splitWords(const std::string& text)
{
    std::vector<std::string> words;
    std::istringstream in(text);
    for (std::string w; in >> w;) words.push_back(w);
    return words;
}

const Option* findOption(const std::vector<Option>& options, std::string_view name)
{
    for (const Option& o : options)
        if (o.name == name) return &o;
    return nullptr;
}

std::string optionsHelp(const std::vector<Option>& options)
{
    std::vector<std::string> left;
    std::size_t width = 0;
    for (const Option& o : options) {
        std::string l = "  --" + o.name + (o.valueName.empty() ? "" : " " + o.valueName);
        if (o.name == "help") l = "  -h, --help";
        width = std::max(width, l.size());
        left.push_back(std::move(l));
    }
    std::string text;
    for (std::size_t i = 0; i < options.size(); ++i) {
        text += left[i] + std::string(width + 2 - left[i].size(), ' ') + options[i].help;
        if (options[i].repeatable) text += " (may be repeated)";
        text += "\n";
    }
    return text;
}

const char* kExitCodesHelp =
    "Exit status:\n"
    "  0  success\n"
    "  1  runtime or data error (the project is left unchanged)\n"
    "  2  usage error (wrong command line)\n"
    "  3  a check ran and found problems (e.g. validate)\n";

} // namespace

// --- Arguments ------------------------------------------------------------------

bool Arguments::has(std::string_view name) const
{
    return std::any_of(options_.begin(), options_.end(), [&](const auto& o) { return o.first == name; });
}

std::optional<std::string> Arguments::value(std::string_view name) const
{
    std::optional<std::string> result;
    for (const auto& [n, v] : options_)
        if (n == name) result = v;
    return result;
}

std::vector<std::string> Arguments::values(std::string_view name) const
{
    std::vector<std::string> result;
    for (const auto& [n, v] : options_)
        if (n == name) result.push_back(v);
    return result;
}

std::string Arguments::required(std::string_view name) const
{
    if (auto v = value(name)) return *v;
    throw UsageError("the option --" + std::string(name) + " is required");
}

const std::string& Arguments::positional(std::size_t index, std::string_view what) const
{
    if (index >= positionals_.size()) throw UsageError("missing argument: " + std::string(what));
    return positionals_[index];
}

void Arguments::expectPositionals(std::size_t min, std::size_t max) const
{
    if (positionals_.size() < min)
        throw UsageError("expected at least " + std::to_string(min) + " argument(s), got "
                         + std::to_string(positionals_.size()));
    if (positionals_.size() > max) {
        std::string extra;
        for (std::size_t i = max; i < positionals_.size(); ++i) extra += (extra.empty() ? "'" : ", '") + positionals_[i] + "'";
        throw UsageError("unexpected argument(s): " + extra + "'");
    }
}

Arguments Arguments::parse(const std::vector<std::string>& words, const std::vector<Option>& options)
{
    Arguments args;
    bool optionsEnded = false;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i];
        if (optionsEnded || w.size() < 2 || w[0] != '-') {
            args.positionals_.push_back(w);
            continue;
        }
        if (w == "--") {
            optionsEnded = true;
            continue;
        }
        if (w == "-h") {
            args.options_.emplace_back("help", "");
            continue;
        }
        if (w.rfind("--", 0) != 0) throw UsageError("unknown option '" + w + "' (options are written --name)");
        std::string name = w.substr(2);
        std::optional<std::string> inlineValue;
        if (const auto eq = name.find('='); eq != std::string::npos) {
            inlineValue = name.substr(eq + 1);
            name.resize(eq);
        }
        const Option* option = findOption(options, name);
        if (!option) throw UsageError("unknown option '--" + name + "'");
        if (option->valueName.empty()) {
            if (inlineValue) throw UsageError("the option --" + name + " takes no value");
            args.options_.emplace_back(name, "");
            continue;
        }
        std::string value;
        if (inlineValue) {
            value = *inlineValue;
        } else {
            if (i + 1 >= words.size()) throw UsageError("the option --" + name + " needs a value (" + option->valueName + ")");
            value = words[++i];
        }
        if (!option->repeatable && args.has(name))
            throw UsageError("the option --" + name + " is given more than once");
        args.options_.emplace_back(name, std::move(value));
    }
    return args;
}

// --- CommandContext -------------------------------------------------------------------

std::filesystem::path CommandContext::projectPath() const
{
    if (auto p = args.value("project")) {
        if (p->empty()) throw UsageError("--project needs a file name");
        return *p;
    }
    if (const char* env = std::getenv("PLANMAP_PROJECT"); env && *env) return env;
    const std::filesystem::path dir = executableDirectory();
    return (dir.empty() ? std::filesystem::path(".") : dir) / ".." / "share" / "planmap" / "langson.planmap";
}

layers::ProjectStore CommandContext::openProject(bool writable) const
{
    const std::filesystem::path path = projectPath();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        std::string origin = args.has("project") ? "given with --project"
                             : std::getenv("PLANMAP_PROJECT")     ? "from $PLANMAP_PROJECT"
                                                                  : "the bundled project; build it with 'make' or give --project FILE";
        throw std::runtime_error("project file not found: " + path.lexically_normal().string() + " (" + origin + ")");
    }
    layers::OpenOptions options;
    options.readOnly = !writable;
    return layers::ProjectStore::open(path, options);
}

void CommandContext::warning(const std::string& message) const { err << "warning: " << message << "\n"; }

void CommandContext::note(const std::string& message) const { err << message << "\n"; }

// --- Command -------------------------------------------------------------------------

std::vector<Option> Command::allOptions() const
{
    std::vector<Option> all = options();
    if (usesProject()) all.push_back(kProjectOption);
    all.push_back(kHelpOption);
    return all;
}

std::string Command::helpText() const
{
    std::string text = "Usage: planmap-cli " + synopsis() + "\n\n" + summary() + "\n";
    if (const std::string d = description(); !d.empty()) text += "\n" + d + (d.back() == '\n' ? "" : "\n");
    text += "\nOptions:\n" + optionsHelp(allOptions());
    text += std::string("\n") + kExitCodesHelp;
    return text;
}

// --- CommandRegistry -------------------------------------------------------------------

CommandRegistry& CommandRegistry::instance()
{
    static CommandRegistry registry;
    return registry;
}

bool CommandRegistry::add(std::unique_ptr<Command> command)
{
    for (const auto& c : commands_)
        if (c->name() == command->name())
            throw std::logic_error("planmap-cli: two commands are named '" + command->name() + "'");
    commands_.push_back(std::move(command));
    return true;
}

const Command* CommandRegistry::find(const std::vector<std::string>& words, std::size_t& wordsUsed) const
{
    const Command* best = nullptr;
    wordsUsed = 0;
    for (const auto& c : commands_) {
        const std::vector<std::string> nameWords = splitWords(c->name());
        if (nameWords.size() > words.size() || nameWords.size() <= wordsUsed) continue;
        if (std::equal(nameWords.begin(), nameWords.end(), words.begin())) {
            best = c.get();
            wordsUsed = nameWords.size();
        }
    }
    return best;
}

std::vector<const Command*> CommandRegistry::commands() const
{
    std::vector<const Command*> all;
    for (const auto& c : commands_) all.push_back(c.get());
    std::sort(all.begin(), all.end(), [](const Command* a, const Command* b) { return a->name() < b->name(); });
    return all;
}

// --- the program -----------------------------------------------------------------------

std::string globalHelpText()
{
    std::string text =
        "Usage: planmap-cli COMMAND [arguments] [options]\n"
        "       planmap-cli COMMAND --help\n\n"
        "planmap: provincial development planning maps. Command-line tools to build,\n"
        "inspect, import into, check and export a planmap project (.planmap file).\n\n"
        "Commands:\n";
    std::size_t width = 0;
    const auto commands = CommandRegistry::instance().commands();
    for (const Command* c : commands) width = std::max(width, c->name().size());
    for (const Command* c : commands)
        text += "  " + c->name() + std::string(width + 3 - c->name().size(), ' ') + c->summary() + "\n";
    text +=
        "\nThe project:\n"
        "  Every command works on the project given with --project FILE; without it,\n"
        "  on $PLANMAP_PROJECT; without that, on the bundled Lạng Sơn project\n"
        "  <directory of planmap-cli>/../share/planmap/langson.planmap.\n\n";
    text += kExitCodesHelp;
    return text;
}

int runCommandLine(const std::vector<std::string>& words, std::ostream& out, std::ostream& err)
{
    if (words.empty()) {
        err << globalHelpText();
        return kExitUsage;
    }
    if (words[0] == "--help" || words[0] == "-h" || words[0] == "help") {
        if (words[0] == "help" && words.size() > 1) {
            std::size_t used = 0;
            const std::vector<std::string> rest(words.begin() + 1, words.end());
            if (const Command* c = CommandRegistry::instance().find(rest, used)) {
                out << c->helpText();
                return kExitOk;
            }
            err << "planmap-cli: unknown command '" << words[1] << "'. See 'planmap-cli --help'.\n";
            return kExitUsage;
        }
        out << globalHelpText();
        return kExitOk;
    }
    std::size_t used = 0;
    const Command* command = CommandRegistry::instance().find(words, used);
    if (!command) {
        err << "planmap-cli: unknown command '" << words[0] << "'. See 'planmap-cli --help'.\n";
        return kExitUsage;
    }
    const std::vector<std::string> rest(words.begin() + static_cast<std::ptrdiff_t>(used), words.end());
    try {
        const Arguments args = Arguments::parse(rest, command->allOptions());
        if (args.has("help")) {
            out << command->helpText();
            return kExitOk;
        }
        CommandContext context(args, out, err);
        const int code = command->run(context);
        out.flush();
        return code;
    } catch (const UsageError& e) {
        err << "planmap-cli " << command->name() << ": " << e.what() << "\n"
            << "Usage: planmap-cli " << command->synopsis() << "\n"
            << "See 'planmap-cli " << command->name() << " --help'.\n";
        return kExitUsage;
    } catch (const std::exception& e) {
        out.flush();
        err << "planmap-cli " << command->name() << ": error: " << e.what() << "\n";
        return kExitFailure;
    }
}

std::filesystem::path executableDirectory()
{
    std::error_code ec;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec && !self.empty()) return self.parent_path();
    return {};
}

} // namespace planmap::cli
