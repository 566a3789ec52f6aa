#include "ImportJournal.h"

#include "planmap/layers/io/ImportError.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace planmap::layers::importer::detail {

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

void putText(QJsonObject& o, const char* key, const std::optional<std::string>& v)
{
    o.insert(QLatin1String(key), v ? QJsonValue(q(*v)) : QJsonValue());
}

void putInt(QJsonObject& o, const char* key, const std::optional<std::int64_t>& v)
{
    // Text keeps 64-bit integers exact.
    o.insert(QLatin1String(key), v ? QJsonValue(QString::number(*v)) : QJsonValue());
}

std::optional<std::string> getText(const QJsonObject& o, const char* key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isString() ? std::optional<std::string>(v.toString().toStdString()) : std::nullopt;
}

std::optional<std::int64_t> getInt(const QJsonObject& o, const char* key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (!v.isString()) return std::nullopt;
    bool ok = false;
    const qlonglong n = v.toString().toLongLong(&ok);
    return ok ? std::optional<std::int64_t>(n) : std::nullopt;
}

QJsonValue valueToJson(const Value& v)
{
    QJsonObject o;
    if (const auto* i = std::get_if<std::int64_t>(&v)) {
        o.insert(QStringLiteral("i"), QString::number(*i));
    } else if (const auto* d = std::get_if<double>(&v)) {
        o.insert(QStringLiteral("r"), *d);
    } else if (const auto* s = std::get_if<std::string>(&v)) {
        o.insert(QStringLiteral("s"), q(*s));
    } else if (const auto* b = std::get_if<Blob>(&v)) {
        o.insert(QStringLiteral("b"), QString::fromLatin1(
                                          QByteArray(reinterpret_cast<const char*>(b->data()), static_cast<qsizetype>(b->size()))
                                              .toBase64()));
    } else {
        return QJsonValue();
    }
    return o;
}

Value valueFromJson(const QJsonValue& v)
{
    if (!v.isObject()) return Value{};
    const QJsonObject o = v.toObject();
    if (o.contains(QStringLiteral("i"))) return Value{static_cast<std::int64_t>(o.value(QStringLiteral("i")).toString().toLongLong())};
    if (o.contains(QStringLiteral("r"))) return Value{o.value(QStringLiteral("r")).toDouble()};
    if (o.contains(QStringLiteral("s"))) return Value{o.value(QStringLiteral("s")).toString().toStdString()};
    if (o.contains(QStringLiteral("b"))) {
        const QByteArray bytes = QByteArray::fromBase64(o.value(QStringLiteral("b")).toString().toLatin1());
        return Value{Blob(bytes.begin(), bytes.end())};
    }
    return Value{};
}

} // namespace

std::string featureToJson(const Feature& f)
{
    QJsonObject o;
    putText(o, "user_key", f.userKey);
    putText(o, "name", f.name);
    putInt(o, "commune_id", f.communeId);
    putInt(o, "commune_old_id", f.communeOldId);
    o.insert(QStringLiteral("illustrative"), f.illustrative);
    putText(o, "source", f.source);
    putInt(o, "import_batch_id", f.importBatchId);
    QJsonObject attributes;
    for (const auto& [name, value] : f.attributes) attributes.insert(q(name), valueToJson(value));
    o.insert(QStringLiteral("attributes"), attributes);
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

Feature featureFromJson(const std::string& json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(json));
    if (!doc.isObject()) throw io::ImportError("the import record holds a malformed previous version: " + json);
    const QJsonObject o = doc.object();
    Feature f;
    f.userKey = getText(o, "user_key");
    f.name = getText(o, "name");
    f.communeId = getInt(o, "commune_id");
    f.communeOldId = getInt(o, "commune_old_id");
    f.illustrative = o.value(QStringLiteral("illustrative")).toBool();
    f.source = getText(o, "source");
    f.importBatchId = getInt(o, "import_batch_id");
    const QJsonObject attributes = o.value(QStringLiteral("attributes")).toObject();
    for (auto it = attributes.begin(); it != attributes.end(); ++it)
        f.attributes.emplace(it.key().toStdString(), valueFromJson(it.value()));
    return f;
}

void ImportJournal::recordInsert(std::int64_t batchId, const std::string& layer, std::int64_t featureId)
{
    auto s = connection_.cached("INSERT INTO import_batch_changes (batch_id, layer_name, feature_id, action) "
                                "VALUES (?, ?, ?, 'insert')");
    s->bindInt(1, batchId);
    s->bindText(2, layer);
    s->bindInt(3, featureId);
    s->run();
}

void ImportJournal::recordUpdate(std::int64_t batchId, const std::string& layer, const Feature& previous)
{
    auto s = connection_.cached("INSERT INTO import_batch_changes (batch_id, layer_name, feature_id, action, previous, "
                                "previous_geom) VALUES (?, ?, ?, 'update', ?, ?)");
    s->bindInt(1, batchId);
    s->bindText(2, layer);
    s->bindInt(3, previous.id);
    s->bindText(4, featureToJson(previous));
    s->bindBlobOrNull(5, previous.geometry);
    s->run();
}

std::vector<JournalEntry> ImportJournal::entries(std::int64_t batchId)
{
    std::vector<JournalEntry> out;
    auto s = connection_.prepare("SELECT layer_name, feature_id, action, previous, previous_geom FROM "
                                 "import_batch_changes WHERE batch_id = ? ORDER BY id");
    s->bindInt(1, batchId);
    while (s->step()) {
        JournalEntry e;
        e.batchId = batchId;
        e.layer = s->columnText(0);
        e.featureId = s->columnInt(1);
        e.update = s->columnText(2) == "update";
        if (e.update) {
            Feature f = featureFromJson(s->columnText(3));
            f.id = e.featureId;
            f.layer = e.layer;
            if (!s->isNull(4)) f.geometry = s->columnBlob(4);
            e.previous = std::move(f);
        }
        out.push_back(std::move(e));
    }
    return out;
}

std::int64_t ImportJournal::entryCount(std::int64_t batchId)
{
    auto s = connection_.prepare("SELECT COUNT(*) FROM import_batch_changes WHERE batch_id = ?");
    s->bindInt(1, batchId);
    return s->step() ? s->columnInt(0) : 0;
}

std::optional<std::int64_t> ImportJournal::laterBatchOf(std::int64_t featureId, std::int64_t batchId)
{
    auto s = connection_.cached("SELECT MAX(c.batch_id) FROM import_batch_changes c "
                                "LEFT JOIN import_batch_details d ON d.batch_id = c.batch_id "
                                "WHERE c.feature_id = ? AND c.batch_id > ? AND d.undone_at IS NULL");
    s->bindInt(1, featureId);
    s->bindInt(2, batchId);
    if (!s->step() || s->isNull(0)) return std::nullopt;
    return s->columnInt(0);
}

void ImportJournal::saveDetails(const BatchDetails& d)
{
    auto s = connection_.prepare("INSERT INTO import_batch_details (batch_id, created_layer, encoding, crs, undone_at) "
                                 "VALUES (?, ?, ?, ?, ?) ON CONFLICT (batch_id) DO UPDATE SET "
                                 "created_layer = excluded.created_layer, encoding = excluded.encoding, "
                                 "crs = excluded.crs, undone_at = excluded.undone_at");
    s->bindInt(1, d.batchId);
    s->bindOptionalText(2, d.createdLayer);
    s->bindOptionalText(3, d.encoding);
    s->bindOptionalText(4, d.crs);
    s->bindOptionalText(5, d.undoneAt ? std::optional<std::string>(toIsoTimestamp(*d.undoneAt)) : std::nullopt);
    s->run();
}

std::optional<BatchDetails> ImportJournal::details(std::int64_t batchId)
{
    auto s = connection_.prepare(
        "SELECT created_layer, encoding, crs, undone_at FROM import_batch_details WHERE batch_id = ?");
    s->bindInt(1, batchId);
    if (!s->step()) return std::nullopt;
    BatchDetails d;
    d.batchId = batchId;
    d.createdLayer = s->optionalText(0);
    d.encoding = s->optionalText(1);
    d.crs = s->optionalText(2);
    if (auto t = s->optionalText(3)) d.undoneAt = parseIsoTimestamp(*t);
    return d;
}

void ImportJournal::markUndone(std::int64_t batchId, Timestamp when)
{
    BatchDetails d = details(batchId).value_or(BatchDetails{batchId, std::nullopt, std::nullopt, std::nullopt, std::nullopt});
    d.undoneAt = when;
    saveDetails(d);
}

} // namespace planmap::layers::importer::detail
