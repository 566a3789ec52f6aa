#include "planmap/layers/importer/SavedMappings.h"

#include "planmap/layers/io/ImportError.h"
#include "planmap/layers/store/Connection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace planmap::layers::importer {

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

void putOptional(QJsonObject& o, const char* key, const std::optional<std::string>& v)
{
    if (v) o.insert(QLatin1String(key), q(*v));
}

std::optional<std::string> getOptional(const QJsonObject& o, const char* key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (!v.isString()) return std::nullopt;
    return v.toString().toStdString();
}

} // namespace

std::string SavedMapping::toJson() const
{
    QJsonObject o;
    QJsonArray pairs;
    for (const auto& [target, source] : fields.pairs()) {
        QJsonObject p;
        p.insert(QStringLiteral("target"), q(target));
        p.insert(QStringLiteral("source"), q(source));
        pairs.append(p);
    }
    o.insert(QStringLiteral("fields"), pairs);
    putOptional(o, "key", keyField);
    putOptional(o, "x_column", xColumn);
    putOptional(o, "y_column", yColumn);
    putOptional(o, "unit_column", unitColumn);
    putOptional(o, "unit_generation", unitGeneration);
    putOptional(o, "encoding", encoding);
    putOptional(o, "crs", crs);
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

SavedMapping SavedMapping::fromJson(std::string name, std::string_view json)
{
    QJsonParseError error{};
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray(json.data(), static_cast<qsizetype>(json.size())), &error);
    if (doc.isNull() || !doc.isObject())
        throw io::ImportError("saved mapping '" + name + "' is not valid JSON: " + error.errorString().toStdString());
    const QJsonObject o = doc.object();
    SavedMapping m;
    m.name = std::move(name);
    for (const QJsonValue& v : o.value(QStringLiteral("fields")).toArray()) {
        const QJsonObject p = v.toObject();
        const std::string target = p.value(QStringLiteral("target")).toString().toStdString();
        const std::string source = p.value(QStringLiteral("source")).toString().toStdString();
        if (target.empty() || source.empty())
            throw io::ImportError("saved mapping '" + m.name + "' has a pair without target or source");
        m.fields.set(target, source);
    }
    m.keyField = getOptional(o, "key");
    m.xColumn = getOptional(o, "x_column");
    m.yColumn = getOptional(o, "y_column");
    m.unitColumn = getOptional(o, "unit_column");
    m.unitGeneration = getOptional(o, "unit_generation");
    m.encoding = getOptional(o, "encoding");
    m.crs = getOptional(o, "crs");
    return m;
}

void SavedMappings::save(const SavedMapping& mapping)
{
    if (mapping.name.find_first_not_of(" \t") == std::string::npos)
        throw io::ImportError("a saved mapping needs a name");
    const std::string now = toIsoTimestamp(nowUtc());
    Transaction transaction(connection_);
    auto s = connection_.prepare(
        "INSERT INTO import_field_mappings (name, layer_name, definition, created_at, updated_at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (name) DO UPDATE SET layer_name = excluded.layer_name, definition = excluded.definition, "
        "updated_at = excluded.updated_at");
    s->bindText(1, mapping.name);
    s->bindOptionalText(2, mapping.layer);
    s->bindText(3, mapping.toJson());
    s->bindText(4, now);
    s->bindText(5, now);
    s->run();
    transaction.commit();
}

std::optional<SavedMapping> SavedMappings::find(std::string_view name)
{
    auto s = connection_.prepare(
        "SELECT name, layer_name, definition, created_at, updated_at FROM import_field_mappings WHERE name = ?");
    s->bindText(1, name);
    if (!s->step()) return std::nullopt;
    SavedMapping m = SavedMapping::fromJson(s->columnText(0), s->columnText(2));
    m.layer = s->optionalText(1);
    m.createdAt = parseIsoTimestamp(s->columnText(3));
    m.updatedAt = parseIsoTimestamp(s->columnText(4));
    return m;
}

SavedMapping SavedMappings::get(std::string_view name)
{
    if (auto m = find(name)) return *m;
    std::string names;
    for (const SavedMapping& m : list()) names += (names.empty() ? "" : ", ") + m.name;
    throw io::ImportError("no saved mapping named '" + std::string(name) + "' (saved: "
                          + (names.empty() ? std::string("none") : names) + ")");
}

std::vector<SavedMapping> SavedMappings::list()
{
    std::vector<SavedMapping> out;
    auto s = connection_.prepare(
        "SELECT name, layer_name, definition, created_at, updated_at FROM import_field_mappings ORDER BY name");
    while (s->step()) {
        SavedMapping m = SavedMapping::fromJson(s->columnText(0), s->columnText(2));
        m.layer = s->optionalText(1);
        m.createdAt = parseIsoTimestamp(s->columnText(3));
        m.updatedAt = parseIsoTimestamp(s->columnText(4));
        out.push_back(std::move(m));
    }
    return out;
}

bool SavedMappings::remove(std::string_view name)
{
    Transaction transaction(connection_);
    auto s = connection_.prepare("DELETE FROM import_field_mappings WHERE name = ? RETURNING name");
    s->bindText(1, name);
    const bool found = s->step();
    s->run();
    transaction.commit();
    return found;
}

} // namespace planmap::layers::importer
