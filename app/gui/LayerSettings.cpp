#include "LayerSettings.h"

#include "DefaultStyles.h"

#include <QCryptographicHash>
#include <QSettings>

#include <algorithm>

namespace planmap::gui {

namespace project = layers::project;

LayerSettings::LayerSettings(ProjectData& data) : data_(data) {}

QString LayerSettings::legacyGroup() const
{
    // Older versions: QSettings keys cannot hold every path character, so a hash of the path.
    const QByteArray h = QCryptographicHash::hash(data_.path().toUtf8(), QCryptographicHash::Sha1).toHex().left(16);
    return QStringLiteral("projects/") + QString::fromLatin1(h);
}

std::vector<project::LayerSetting> LayerSettings::legacySettings() const
{
    std::vector<project::LayerSetting> out;
    if (data_.path().isEmpty()) return out;
    QSettings settings;
    settings.beginGroup(legacyGroup());
    const QStringList order = settings.value(QStringLiteral("order")).toStringList();
    for (int i = 0; i < order.size(); ++i) {
        project::LayerSetting s;
        s.key = order[i];
        s.position = i;
        s.visible = settings.value(QStringLiteral("layers/%1/visible").arg(s.key), true).toBool();
        const QByteArray json = settings.value(QStringLiteral("layers/%1/style").arg(s.key)).toByteArray();
        if (!json.isEmpty()) {
            try {
                s.style = style::LayerStyle::fromJsonText(json);
            } catch (const std::exception&) {
                // An unreadable old style: the default one.
            }
        }
        out.push_back(std::move(s));
    }
    return out;
}

LayerSettings::Outcome LayerSettings::populate(MapProject& project)
{
    Outcome outcome = Outcome::Nothing;
    std::vector<MapLayer> layers = data_.layers();
    for (MapLayer& l : layers) {
        l.cache = project.buildCache(l);
        if (!l.styleSaved) l.style = defaultStyle(l);
    }
    if (!data_.hasLayerSettings()) {
        std::vector<project::LayerSetting> legacy = legacySettings();
        if (!legacy.empty()) {
            // Old styles were saved whole: keep only those that differ from the default.
            for (project::LayerSetting& s : legacy) {
                const auto it = std::find_if(layers.begin(), layers.end(), [&](const MapLayer& l) { return l.key == s.key; });
                if (s.style && it != layers.end() && *s.style == it->style) s.style.reset();
            }
            outcome = data_.saveLayerSettings(legacy) ? Outcome::Saved : Outcome::InMemory;
            // Imported once: the project holds them from now on.
            if (outcome == Outcome::Saved) QSettings().remove(legacyGroup());
            // The layers again, now in the imported order and look.
            std::vector<MapLayer> again = data_.layers();
            for (MapLayer& l : again) {
                const auto it = std::find_if(layers.begin(), layers.end(), [&](const MapLayer& o) { return o.key == l.key; });
                if (it != layers.end()) l.cache = it->cache;
                l.cache = project.buildCache(l);
                if (!l.styleSaved) l.style = defaultStyle(l);
            }
            layers = std::move(again);
        }
    }
    for (MapLayer& l : layers) project.addLayer(std::move(l));
    return outcome;
}

std::vector<project::LayerSetting> LayerSettings::settingsOf(const MapProject& project)
{
    std::vector<project::LayerSetting> out;
    for (int i = 0; i < project.layerCount(); ++i) {
        const MapLayer& l = project.layer(i);
        project::LayerSetting s;
        s.key = l.key;
        s.position = i;
        s.visible = l.visible;
        if (!(l.style == defaultStyle(l))) s.style = l.style;
        out.push_back(std::move(s));
    }
    return out;
}

LayerSettings::Outcome LayerSettings::save(const MapProject& project)
{
    return data_.saveLayerSettings(settingsOf(project)) ? Outcome::Saved : Outcome::InMemory;
}

void LayerSettings::reset()
{
    data_.clearLayerSettings();
    if (!data_.path().isEmpty()) QSettings().remove(legacyGroup());
}

} // namespace planmap::gui
