#pragma once

#include "planmap/layers/project/LayerSettings.h"
#include "planmap/layers/render/FeatureSource.h"
#include "planmap/layers/style/GeometryKind.h"
#include "planmap/layers/style/LayerStyle.h"

#include <QHash>
#include <QString>
#include <QVariant>

#include <memory>
#include <vector>

/// \file
/// A project's map as every view draws it: the layers read from the store
/// (feature layers, districts of 2023, communes of 2025 and, when they have
/// boundaries, of 2023, the province), their order, visibility and style as
/// saved in the project (LayerSettings.h), or the defaults when none is
/// saved. The screen (app/gui), the CLI and print layouts share this so they
/// draw the same map.

namespace planmap::layers {
class ProjectStore;
}

namespace planmap::layers::project {

enum class Language { Vietnamese, English };

/// Layer keys of the administrative units on the map.
inline constexpr const char* kProvinceLayer = "province";
inline constexpr const char* kDistrictsLayer = "districts_2023";
inline constexpr const char* kCommunesLayer = "communes_2025";
/// The communes before 1 July 2025; on the map only when they have boundaries.
inline constexpr const char* kOldCommunesLayer = "communes_2023";

/// True for the layers of administrative units (province, districts, communes).
bool isUnitLayer(const QString& key);

/// One layer of a project's map: where its features come from (read once
/// into memory, so the source is independent of the store's connection and
/// safe to read from any thread) and the texts that describe them.
struct ProjectLayer {
    QString key;            ///< stable identifier, e.g. "communes_2025"
    QString title;          ///< in the requested language
    /// Some rows are demonstration data invented by the project, not real
    /// figures. Feature sources carry a boolean "illustrative" field per row.
    bool illustrative = false;
    std::shared_ptr<const render::FeatureSource> source;
    /// Field name → title.
    QHash<QString, QString> fieldTitles;
    /// Labels of coded values: field + '\x1f' + value → label.
    QHash<QString, QString> valueLabels;
    /// Shown on the map (saved setting; true by default).
    bool visible = true;
    /// The style saved in the project; nullopt = the default style.
    std::optional<style::LayerStyle> savedStyle;
    /// The language of the titles (and of the default style's texts).
    Language language = Language::Vietnamese;

    /// The label of a coded value, or the value's own text.
    QString valueLabel(const QString& field, const QVariant& value) const;
    /// The saved style, else the default one for a layer of that kind (the
    /// kind of its LayerCache).
    style::LayerStyle style(GeometryKind kind) const;
};

/// Whether projectLayers() applies the settings saved in the project.
enum class SavedSettings { Apply, Ignore };

/// The layers of a project in panel order (row 0 is drawn on top). By
/// default: feature layers (points, then mixed, lines, polygons; registry
/// order within each), then the districts of 2023, the communes of 2023
/// (outlines), the communes of 2025 and the province outline. Layers without
/// features are left out. With SavedSettings::Apply, the order, visibility
/// and style saved in the project replace the defaults (see
/// applyLayerSettings); throws LayerSettingsError when a saved style cannot
/// be read. Unit layers have the fields code, name, full_name, unit_type,
/// ethnic_minority_area, dbkk, atk, border, illustrative; feature layers
/// name, commune, commune_old, their own fields, illustrative, source.
std::vector<ProjectLayer> projectLayers(ProjectStore& store, Language language = Language::Vietnamese,
                                        SavedSettings saved = SavedSettings::Apply);

/// Puts saved settings on layers in default order: the layers with a saved
/// setting take the saved order, visibility and style; a layer without one
/// (new since the settings were saved) keeps its default look and its place
/// below the layer it follows in the default order. Settings of layers that
/// are not in `layers` are ignored.
void applyLayerSettings(std::vector<ProjectLayer>& layers, const std::vector<LayerSetting>& settings);

/// The style a layer gets when the project has none saved, chosen by layer
/// key (province, districts_2023, communes_2025, villages, forests, markets,
/// projects, roads, facilities); other layers get a plain symbol by `kind`.
/// Category labels come from `valueLabels` (as in ProjectLayer).
style::LayerStyle defaultStyle(const QString& key, GeometryKind kind, const QHash<QString, QString>& valueLabels = {},
                               Language language = Language::Vietnamese);

} // namespace planmap::layers::project
