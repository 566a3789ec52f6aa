#pragma once

#include "MapLayer.h"

#include "planmap/layers/project/LayerSettings.h"

#include <QDate>
#include <QString>

#include <optional>
#include <utility>
#include <vector>

namespace planmap::gui {

/// One result of the search box.
struct SearchHit {
    QString title;        ///< "Xã Lộc Bình"
    QString detail;       ///< "Xã, phường (2025)" / "Chợ · xã Lộc Bình"
    QString layerKey;     ///< the map layer holding it; empty if it has no geometry on the map
    qint64 featureId = 0; ///< id in that layer
};

/// A unit the identified feature belongs to (or that belongs to it).
struct UnitLink {
    QString relation;     ///< "Xã (từ 01/7/2025)", "Huyện (trước 01/7/2025)", "Sáp nhập từ"…
    QString name;         ///< "Xã Lộc Bình"
};

/// One plan indicator linked to the identified feature or unit.
struct IndicatorRow {
    QString code;
    QString name;
    QString unitOfMeasure;
    QString target;       ///< formatted ("12", "174/181"); empty if none
    QString achieved;     ///< formatted; empty if no progress recorded
    std::optional<double> percent;   ///< achieved / target × 100
    QDate asOf;           ///< date of the latest progress entry
    bool illustrative = false;
    /// Set when the target belongs to another unit, e.g. the former commune
    /// a 2025 commune was formed from: "Xã Hồng Phong (trước 01/7/2025)".
    QString via;
};

/// What the identify panel shows about one feature.
struct FeatureDetails {
    QString layerTitle;
    QString title;
    bool illustrative = false;
    std::vector<std::pair<QString, QString>> attributes;   ///< (field title, formatted value)
    std::vector<UnitLink> units;
    std::vector<IndicatorRow> indicators;
};

/// Where the application gets a project's layers, search results and the
/// details of features. The store-backed implementation reads a .planmap
/// file; tests may provide their own.
class ProjectData {
public:
    virtual ~ProjectData() = default;
    /// Shown in the title bar.
    virtual QString name() const = 0;
    /// Path of the project file (for per-project settings); empty if none.
    virtual QString path() const = 0;
    /// The map layers in panel order (row 0 on top) with their visibility;
    /// a layer whose style is saved in the project has it in `style` and
    /// `styleSaved` set, the others get their default style when shown
    /// (LayerSettings::populate).
    virtual std::vector<MapLayer> layers() const = 0;
    /// True when the project holds layer settings (order, visibility, styles).
    virtual bool hasLayerSettings() const { return false; }
    /// Replaces the project's layer settings (positions are panel rows).
    /// Returns false when the project cannot hold them (a read-only file):
    /// they then apply to layers() until the project is closed. Throws
    /// layers::StoreError when writing fails otherwise.
    virtual bool saveLayerSettings(const std::vector<layers::project::LayerSetting>& settings)
    {
        (void)settings;
        return false;
    }
    /// Forgets the saved layer settings: every layer gets its defaults.
    virtual void clearLayerSettings() {}
    /// True when changes cannot be written to the project file.
    virtual bool isReadOnly() const { return true; }
    /// Accent- and case-insensitive search over units and named features.
    virtual std::vector<SearchHit> search(const QString& text, int limit) const = 0;
    /// Details of a feature of a layer returned by layers().
    virtual FeatureDetails details(const MapLayer& layer, qint64 featureId) const = 0;
};

/// The attributes of a feature as the identify panel lists them, read from
/// the layer's cache (field titles, coded values as labels, hidden fields left out).
std::vector<std::pair<QString, QString>> cachedAttributes(const MapLayer& layer, qint64 featureId);

} // namespace planmap::gui
