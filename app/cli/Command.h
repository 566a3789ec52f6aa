#pragma once
// The command registry of planmap-cli.
//
// A command is one .cpp file in app/cli/ that defines a class derived from
// Command and registers it with PLANMAP_CLI_REGISTER(ClassName) at namespace
// scope. Nothing else needs editing: main.cpp dispatches through the registry,
// and the global --help lists every registered command. A command's name may
// have several words ("plan load"); the longest registered name that matches
// the start of the command line wins, so "plan" and "plan load" coexist.
//
// Conventions every command follows:
//  - options are long (--name VALUE or --name=VALUE); --help is added to
//    every command, --project FILE to every command that uses a project;
//  - usage mistakes throw UsageError (exit 2), failures any std::exception
//    (exit 1), and checks that found problems return kExitProblems (exit 3);
//  - results go to context.out, messages to context.err (English, UTF-8).

#include "planmap/layers/store/ProjectStore.h"

#include <filesystem>
#include <iosfwd>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace planmap::cli {

/// Exit codes, documented in `planmap-cli --help`.
enum ExitCode : int {
    kExitOk = 0,       ///< success
    kExitFailure = 1,  ///< runtime or data error (nothing was changed)
    kExitUsage = 2,    ///< the command line is wrong
    kExitProblems = 3, ///< a check ran and found problems (e.g. validate)
};

/// The command line is wrong (unknown option, missing argument, bad value).
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// An option a command accepts.
struct Option {
    std::string name;       ///< without the leading "--", e.g. "layer"
    std::string valueName;  ///< placeholder of its value, e.g. "NAME"; empty for a flag
    std::string help;       ///< one line
    bool repeatable = false;
};

/// A parsed command line (after the command's name).
class Arguments {
public:
    const std::vector<std::string>& positionals() const { return positionals_; }
    /// True when the flag (or valued option) was given.
    bool has(std::string_view name) const;
    /// The value of an option (the last one when given several times).
    std::optional<std::string> value(std::string_view name) const;
    /// Every value of a repeatable option, in order.
    std::vector<std::string> values(std::string_view name) const;
    /// The value of an option that must be given; UsageError when missing.
    std::string required(std::string_view name) const;
    /// Positional argument `index`; UsageError naming `what` when missing.
    const std::string& positional(std::size_t index, std::string_view what) const;
    /// UsageError unless the number of positionals is in [min, max].
    void expectPositionals(std::size_t min, std::size_t max) const;

    /// Parses `words` against the options (plus --help); UsageError on an
    /// unknown option or a missing value. "--" ends the options.
    static Arguments parse(const std::vector<std::string>& words, const std::vector<Option>& options);

private:
    std::vector<std::string> positionals_;
    std::vector<std::pair<std::string, std::string>> options_;  ///< name, value ("" for flags)
};

/// What a running command gets.
class CommandContext {
public:
    CommandContext(const Arguments& arguments, std::ostream& out, std::ostream& err)
        : args(arguments), out(out), err(err) {}

    const Arguments& args;
    std::ostream& out;
    std::ostream& err;

    /// The project file: --project, else $PLANMAP_PROJECT, else the bundled
    /// project <executable dir>/../share/planmap/langson.planmap.
    std::filesystem::path projectPath() const;
    /// Opens the project (read-only unless `writable`). Throws when the file
    /// is missing or not a project, naming the path and where it came from.
    layers::ProjectStore openProject(bool writable) const;

    void warning(const std::string& message) const;
    void note(const std::string& message) const;
};

class Command {
public:
    virtual ~Command() = default;
    /// One or more words, e.g. "info" or "plan load".
    virtual std::string name() const = 0;
    /// One line for the command list.
    virtual std::string summary() const = 0;
    /// The usage line after "planmap-cli ", e.g. "import FILE --layer NAME [options]".
    virtual std::string synopsis() const = 0;
    /// Options besides --help and --project.
    virtual std::vector<Option> options() const { return {}; }
    /// Further paragraphs for `planmap-cli CMD --help`.
    virtual std::string description() const { return {}; }
    /// False for commands that do not open a project (no --project option).
    virtual bool usesProject() const { return true; }
    /// Runs the command; returns an ExitCode.
    virtual int run(CommandContext& context) const = 0;

    /// options() plus the common ones.
    std::vector<Option> allOptions() const;
    /// The text of `planmap-cli CMD --help`.
    std::string helpText() const;
};

class CommandRegistry {
public:
    static CommandRegistry& instance();
    /// Adds a command; returns true (for use in a static initialiser).
    /// Throws std::logic_error when the name is taken.
    bool add(std::unique_ptr<Command> command);
    /// The command whose name matches the most leading words of `words`;
    /// sets `wordsUsed` to the number of words of its name.
    const Command* find(const std::vector<std::string>& words, std::size_t& wordsUsed) const;
    /// Every command, sorted by name.
    std::vector<const Command*> commands() const;

private:
    std::vector<std::unique_ptr<Command>> commands_;
};

/// Runs a whole command line (without the program name). Returns the exit code.
int runCommandLine(const std::vector<std::string>& words, std::ostream& out, std::ostream& err);

/// The text of `planmap-cli --help`.
std::string globalHelpText();

/// The directory of the running executable (empty if unknown).
std::filesystem::path executableDirectory();

} // namespace planmap::cli

/// Registers a command class (default-constructible) at program start.
#define PLANMAP_CLI_REGISTER(CommandClass)                                                        \
    namespace {                                                                                  \
    [[maybe_unused]] const bool planmapCliRegistered_##CommandClass =                            \
        ::planmap::cli::CommandRegistry::instance().add(std::make_unique<CommandClass>());        \
    }
