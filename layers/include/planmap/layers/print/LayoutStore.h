#pragma once

#include "planmap/layers/print/Layout.h"

#include <QString>

#include <optional>
#include <vector>

namespace planmap::layers {
class Connection;
}

namespace planmap::layers::print {

/// Print layouts saved in the project (table print_layouts: the layout's
/// JSON under its name). Writes run in a transaction.
class LayoutStore {
public:
    explicit LayoutStore(Connection& connection) : connection_(connection) {}

    /// False for a project whose schema predates print layouts (opened
    /// read-only, so not migrated): nothing is saved there.
    bool available();
    /// Saves under layout.name, replacing a layout of that name. Throws
    /// LayoutError for a layout without a name or an invalid one.
    void save(const Layout& layout);
    /// Throws LayoutError naming the layout when the saved JSON is not valid.
    std::optional<Layout> load(const QString& name);
    /// Names of the saved layouts, sorted.
    std::vector<QString> names();
    /// True when a layout of that name was removed.
    bool remove(const QString& name);

private:
    Connection& connection_;
};

} // namespace planmap::layers::print
