#include "planmap/layers/io/FieldMapping.h"
#include "planmap/layers/io/ImportError.h"

#include <algorithm>
#include <stdexcept>

namespace planmap::layers::io {

namespace {

std::string joinProblems(const std::string& summary, const std::vector<std::string>& problems)
{
    std::string text = summary;
    const std::size_t shown = std::min<std::size_t>(problems.size(), 50);
    for (std::size_t i = 0; i < shown; ++i) text += "\n  " + problems[i];
    if (shown < problems.size()) text += "\n  ... and " + std::to_string(problems.size() - shown) + " more";
    return text;
}

std::string trim(std::string_view s)
{
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(" \t");
    return std::string(s.substr(b, e - b + 1));
}

} // namespace

ImportProblems::ImportProblems(const std::string& summary, std::vector<std::string> problems)
    : ImportError(joinProblems(summary, problems)), problems_(std::move(problems))
{
}

void ProblemList::throwIfAny(const std::filesystem::path& file, std::string_view what) const
{
    if (problems_.empty()) return;
    throw ImportProblems(file.string() + ": " + std::to_string(problems_.size()) + " problem"
                             + (problems_.size() == 1 ? "" : "s") + " found; " + std::string(what)
                             + " (nothing was written):",
                         problems_);
}

FieldMapping FieldMapping::parse(std::string_view spec)
{
    FieldMapping mapping;
    std::size_t start = 0;
    while (start <= spec.size()) {
        const std::size_t comma = std::min(spec.find(',', start), spec.size());
        const std::string_view pair = spec.substr(start, comma - start);
        start = comma + 1;
        if (trim(pair).empty()) {
            if (comma >= spec.size()) break;
            continue;
        }
        const auto eq = pair.find('=');
        if (eq == std::string_view::npos)
            throw std::invalid_argument("'" + std::string(pair) + "' is not target=source");
        std::string target = trim(pair.substr(0, eq));
        std::string source = trim(pair.substr(eq + 1));
        if (target.empty() || source.empty())
            throw std::invalid_argument("'" + std::string(pair) + "' is not target=source");
        if (mapping.sourceFor(target)) throw std::invalid_argument("the target field '" + target + "' is mapped twice");
        mapping.pairs_.emplace_back(std::move(target), std::move(source));
        if (comma >= spec.size()) break;
    }
    return mapping;
}

void FieldMapping::set(std::string target, std::string source)
{
    for (auto& [t, s] : pairs_)
        if (t == target) {
            s = std::move(source);
            return;
        }
    pairs_.emplace_back(std::move(target), std::move(source));
}

std::optional<std::string> FieldMapping::sourceFor(std::string_view target) const
{
    for (const auto& [t, s] : pairs_)
        if (t == target) return s;
    return std::nullopt;
}

} // namespace planmap::layers::io
