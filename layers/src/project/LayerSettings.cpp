#include "planmap/layers/project/LayerSettings.h"

#include "planmap/layers/store/Connection.h"
#include "planmap/layers/store/Dates.h"
#include "planmap/layers/style/StyleError.h"

namespace planmap::layers::project {

bool LayerSettingsStore::available()
{
    auto s = connection_.cached("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'layer_settings'");
    return s->step() && s->columnInt(0) > 0;
}

std::vector<LayerSetting> LayerSettingsStore::load()
{
    std::vector<LayerSetting> out;
    if (!available()) return out;
    auto s = connection_.cached("SELECT layer_key, position, visible, style FROM layer_settings ORDER BY position, layer_key");
    while (s->step()) {
        LayerSetting l;
        l.key = QString::fromStdString(s->columnText(0));
        l.position = int(s->columnInt(1));
        l.visible = s->columnBool(2);
        if (!s->isNull(3)) {
            try {
                l.style = style::LayerStyle::fromJsonText(QByteArray::fromStdString(s->columnText(3)));
            } catch (const style::StyleError& e) {
                throw LayerSettingsError(connection_.location() + ": table layer_settings, layer \"" +
                                         l.key.toStdString() + "\", field style: " + e.what());
            }
        }
        out.push_back(std::move(l));
    }
    return out;
}

void LayerSettingsStore::save(const std::vector<LayerSetting>& settings)
{
    Transaction transaction(connection_);
    connection_.execute("DELETE FROM layer_settings");
    const std::string now = toIsoTimestamp(nowUtc());
    auto s = connection_.cached(
        "INSERT INTO layer_settings (layer_key, position, visible, style, updated_at) VALUES (?, ?, ?, ?, ?)");
    for (const LayerSetting& l : settings) {
        s->bindText(1, l.key.toStdString());
        s->bindInt(2, l.position);
        s->bindBool(3, l.visible);
        if (l.style) s->bindText(4, l.style->toJsonText().toStdString());
        else s->bindNull(4);
        s->bindText(5, now);
        s->run();
        s->reset();
    }
    transaction.commit();
}

void LayerSettingsStore::clear()
{
    if (!available()) return;
    Transaction transaction(connection_);
    connection_.execute("DELETE FROM layer_settings");
    transaction.commit();
}

} // namespace planmap::layers::project
