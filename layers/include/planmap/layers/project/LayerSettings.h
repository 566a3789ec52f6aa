#pragma once

#include "planmap/layers/style/LayerStyle.h"

#include <QString>

#include <optional>
#include <stdexcept>
#include <vector>

/// \file
/// How each map layer of a project is shown — its place in the layer list,
/// whether it is shown, and its style (symbology, labels, opacity, scale
/// range) — saved in the project file (table layer_settings, schema 5), so
/// the map window, `planmap-cli render` and print layouts draw the same map
/// and the settings travel with the file.

namespace planmap::layers {
class Connection;
}

namespace planmap::layers::project {

/// A saved layer setting that cannot be read (names the file, the layer and the field).
class LayerSettingsError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The saved settings of one layer.
struct LayerSetting {
    QString key;                              ///< the layer key (ProjectLayer::key)
    int position = 0;                         ///< 0 = top of the layer list (drawn last)
    bool visible = true;
    /// nullopt = the layer's default style (defaultStyle()), so improved
    /// defaults still reach layers the user never restyled.
    std::optional<style::LayerStyle> style;

    bool operator==(const LayerSetting&) const = default;
};

/// The layer_settings table of a project.
class LayerSettingsStore {
public:
    explicit LayerSettingsStore(Connection& connection) : connection_(connection) {}

    /// False for a project whose schema predates layer settings (an older
    /// file opened read-only, so not migrated): nothing can be saved there.
    bool available();
    /// The saved settings, top layer first; empty when none were saved.
    /// Throws LayerSettingsError when a saved style is not a valid style.
    std::vector<LayerSetting> load();
    /// Replaces every saved setting with `settings` (one transaction).
    /// Positions are saved as given. Throws StoreError (e.g. read-only file).
    void save(const std::vector<LayerSetting>& settings);
    /// Forgets every saved setting: all layers get their defaults again.
    void clear();

private:
    Connection& connection_;
};

} // namespace planmap::layers::project
