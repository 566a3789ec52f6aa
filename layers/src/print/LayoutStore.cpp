#include "planmap/layers/print/LayoutStore.h"

#include "planmap/layers/store/Connection.h"
#include "planmap/layers/store/Dates.h"

namespace planmap::layers::print {

bool LayoutStore::available()
{
    auto s = connection_.cached("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'print_layouts'");
    return s->step() && s->columnInt(0) > 0;
}

void LayoutStore::save(const Layout& layout)
{
    if (layout.name.trimmed().isEmpty()) throw LayoutError("a saved layout needs a name");
    layout.validate();
    Transaction transaction(connection_);
    const std::string now = toIsoTimestamp(nowUtc());
    auto s = connection_.cached(
        "INSERT INTO print_layouts (name, definition, created_at, updated_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (name) DO UPDATE SET definition = excluded.definition, updated_at = excluded.updated_at");
    s->bindText(1, layout.name.trimmed().toStdString());
    s->bindText(2, layout.toJsonText().toStdString());
    s->bindText(3, now);
    s->bindText(4, now);
    s->run();
    transaction.commit();
}

std::optional<Layout> LayoutStore::load(const QString& name)
{
    if (!available()) return std::nullopt;
    auto s = connection_.cached("SELECT definition FROM print_layouts WHERE name = ?");
    s->bindText(1, name.trimmed().toStdString());
    if (!s->step()) return std::nullopt;
    const std::string json = s->columnText(0);
    s->reset();
    try {
        Layout l = Layout::fromJsonText(QByteArray::fromStdString(json));
        l.name = name.trimmed();
        return l;
    } catch (const LayoutError& e) {
        throw LayoutError("saved layout \"" + name.toStdString() + "\" in " + connection_.location() + ": " + e.what());
    }
}

std::vector<QString> LayoutStore::names()
{
    std::vector<QString> out;
    if (!available()) return out;
    auto s = connection_.cached("SELECT name FROM print_layouts ORDER BY name");
    while (s->step()) out.push_back(QString::fromStdString(s->columnText(0)));
    return out;
}

bool LayoutStore::remove(const QString& name)
{
    if (!available()) return false;
    Transaction transaction(connection_);
    auto s = connection_.cached("DELETE FROM print_layouts WHERE name = ? RETURNING name");
    s->bindText(1, name.trimmed().toStdString());
    const bool found = s->step();
    s->reset();
    transaction.commit();
    return found;
}

} // namespace planmap::layers::print
