#include "LayerSettings.h"

#include "DefaultStyles.h"

#include <QCryptographicHash>
#include <QSettings>

namespace planmap::gui {

LayerSettings::LayerSettings(QString projectPath) : path_(std::move(projectPath)) {}

QString LayerSettings::group() const
{
    // QSettings keys cannot hold every path character: a hash of the path.
    const QByteArray h = QCryptographicHash::hash(path_.toUtf8(), QCryptographicHash::Sha1).toHex().left(16);
    return QStringLiteral("projects/") + QString::fromLatin1(h);
}

void LayerSettings::populate(MapProject& project, const ProjectData& data) const
{
    std::vector<MapLayer> layers = data.layers();
    QSettings settings;
    if (!path_.isEmpty()) settings.beginGroup(group());
    const QStringList order = path_.isEmpty() ? QStringList() : settings.value(QStringLiteral("order")).toStringList();

    // Saved order first, then the others where data put them.
    std::stable_sort(layers.begin(), layers.end(), [&](const MapLayer& a, const MapLayer& b) {
        const int ia = order.indexOf(a.key), ib = order.indexOf(b.key);
        if (ia < 0 || ib < 0) return false;
        return ia < ib;
    });

    for (MapLayer& l : layers) {
        if (!l.cache && l.source) {
            render::LayerCacheOptions options;
            l.cache = render::LayerCache::build(*l.source, project.displayCrs(), options);
        }
        l.style = defaultStyle(l);
        // The districts of 2023 are the alternative view of the units (View menu).
        if (l.key == QLatin1String("districts_2023")) l.visible = false;
        if (!path_.isEmpty()) {
            const QByteArray json = settings.value(QStringLiteral("layers/%1/style").arg(l.key)).toByteArray();
            if (!json.isEmpty()) {
                try {
                    l.style = style::LayerStyle::fromJsonText(json);
                } catch (const std::exception&) {
                    // An unreadable saved style: the default one.
                }
            }
            l.visible = settings.value(QStringLiteral("layers/%1/visible").arg(l.key), l.visible).toBool();
        }
        project.addLayer(std::move(l));
    }
}

void LayerSettings::save(const MapProject& project) const
{
    if (path_.isEmpty()) return;
    QSettings settings;
    settings.beginGroup(group());
    settings.setValue(QStringLiteral("path"), path_);
    QStringList order;
    for (int i = 0; i < project.layerCount(); ++i) {
        const MapLayer& l = project.layer(i);
        order << l.key;
        settings.setValue(QStringLiteral("layers/%1/style").arg(l.key), l.style.toJsonText());
        settings.setValue(QStringLiteral("layers/%1/visible").arg(l.key), l.visible);
    }
    settings.setValue(QStringLiteral("order"), order);
}

void LayerSettings::reset() const
{
    if (path_.isEmpty()) return;
    QSettings settings;
    settings.remove(group());
}

} // namespace planmap::gui
