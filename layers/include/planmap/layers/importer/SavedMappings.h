#pragma once
// Field mappings saved in the project under a name and reused: the same
// district sends the same layout every time, so `--mapping NAME` (or the
// wizard's list) replaces retyping `--field-map ...`.

#include "planmap/layers/io/FieldMapping.h"
#include "planmap/layers/store/Dates.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planmap::layers {
class Connection;
}

namespace planmap::layers::importer {

struct SavedMapping {
    std::string name;
    std::optional<std::string> layer;          ///< the layer it was made for (informative)
    io::FieldMapping fields;                   ///< target field = source column
    std::optional<std::string> keyField;
    std::optional<std::string> xColumn;
    std::optional<std::string> yColumn;
    std::optional<std::string> unitColumn;
    std::optional<std::string> unitGeneration;
    std::optional<std::string> encoding;       ///< e.g. "tcvn3" when the files always come so
    std::optional<std::string> crs;            ///< e.g. "EPSG:9215"
    Timestamp createdAt{};                     ///< set by the store
    Timestamp updatedAt{};

    /// The JSON stored in the project (without name and timestamps).
    std::string toJson() const;
    /// Throws io::ImportError when the text is not a mapping.
    static SavedMapping fromJson(std::string name, std::string_view json);
};

class SavedMappings {
public:
    explicit SavedMappings(Connection& connection) : connection_(connection) {}

    /// Saves (or replaces, keeping its creation time) the mapping of that name.
    void save(const SavedMapping& mapping);
    std::optional<SavedMapping> find(std::string_view name);
    /// Throws io::ImportError naming the saved mappings when there is none of that name.
    SavedMapping get(std::string_view name);
    /// Every saved mapping, by name.
    std::vector<SavedMapping> list();
    /// False when there was none of that name.
    bool remove(std::string_view name);

private:
    Connection& connection_;
};

} // namespace planmap::layers::importer
