#pragma once
// Which source column fills which target field: "target=source,target2=source2".

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace planmap::layers::io {

class FieldMapping {
public:
    FieldMapping() = default;
    /// Parses "target=source,..." (spaces around names are trimmed; a source
    /// name may contain spaces). Throws std::invalid_argument on a malformed
    /// pair or a target given twice.
    static FieldMapping parse(std::string_view spec);

    void set(std::string target, std::string source);
    /// The source column given for a target field, if any.
    std::optional<std::string> sourceFor(std::string_view target) const;
    const std::vector<std::pair<std::string, std::string>>& pairs() const { return pairs_; }
    bool empty() const { return pairs_.empty(); }

private:
    std::vector<std::pair<std::string, std::string>> pairs_;
};

} // namespace planmap::layers::io
