#include "planmap/layers/features/FeatureLayers.h"

#include "planmap/layers/store/Dates.h"
#include "planmap/layers/text/SearchKey.h"
#include "store/SqlSupport.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <set>
#include <utility>

namespace planmap::layers {

namespace {

constexpr std::array<std::string_view, 10> kCommonColumns{
    "id", "user_key", "name", "search_key", "commune_id", "commune_old_id", "illustrative", "source",
    "import_batch_id", "geom"};

bool isCommonColumn(std::string_view name)
{
    return std::find(kCommonColumns.begin(), kCommonColumns.end(), name) != kCommonColumns.end();
}

std::string geometryExpression(const LayerInfo& layer)
{
    return isMulti(layer.geometryType) ? "ST_Multi(ST_GeomFromWKB(?, 4326))" : "ST_GeomFromWKB(?, 4326)";
}

std::string describeFeature(const Feature& f)
{
    std::string text = "feature";
    if (f.id) text += " " + std::to_string(f.id);
    if (f.userKey) text += " key '" + *f.userKey + "'";
    if (f.name) text += " '" + *f.name + "'";
    return text;
}

/// The value as the text of a code ("2" for 2, "protection" for "protection").
std::optional<std::string> codeText(const Value& v)
{
    if (const auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
    if (const auto* s = std::get_if<std::string>(&v)) return *s;
    return std::nullopt;
}

/// Checks a value against its field and converts it to the stored type.
Value convertAttribute(const LayerInfo& layer, const FieldInfo& field, const Value& value)
{
    const auto fail = [&](const std::string& why) -> InvalidDataError {
        return InvalidDataError("field " + layer.name + "." + field.name + ": " + describe(value) + " " + why);
    };
    if (isNull(value)) return value;
    if (std::holds_alternative<Blob>(value)) throw fail("is a blob; attributes are numbers, text or dates");
    Value converted;
    switch (field.type) {
    case FieldType::Integer:
    case FieldType::Boolean:
        if (const auto* i = std::get_if<std::int64_t>(&value)) {
            converted = *i;
        } else if (const auto* d = std::get_if<double>(&value); d && std::isfinite(*d) && std::trunc(*d) == *d
                   && std::abs(*d) < 9.0e15) {
            converted = static_cast<std::int64_t>(*d);
        } else {
            throw fail(field.type == FieldType::Integer ? "is not an integer" : "is not a boolean (0 or 1)");
        }
        if (field.type == FieldType::Boolean && std::get<std::int64_t>(converted) != 0
            && std::get<std::int64_t>(converted) != 1)
            throw fail("is not a boolean (0 or 1)");
        break;
    case FieldType::Real:
        if (const auto* i = std::get_if<std::int64_t>(&value)) {
            converted = static_cast<double>(*i);
        } else if (const auto* d = std::get_if<double>(&value); d && std::isfinite(*d)) {
            converted = *d;
        } else {
            throw fail("is not a number");
        }
        break;
    case FieldType::Text:
        if (!std::holds_alternative<std::string>(value)) throw fail("is not text");
        converted = value;
        break;
    case FieldType::Date:
        if (const auto* s = std::get_if<std::string>(&value); s && tryParseIsoDate(*s)) {
            converted = value;
        } else {
            throw fail("is not an ISO date (YYYY-MM-DD)");
        }
        break;
    }
    if (!field.values.empty()) {
        const auto code = codeText(converted);
        if (!code || !field.findValue(*code)) {
            std::string allowed;
            for (const auto& v : field.values) allowed += (allowed.empty() ? "" : ", ") + v.value;
            throw fail("is not one of: " + allowed);
        }
    }
    return converted;
}

/// The attributes checked and converted, in name order.
std::vector<std::pair<std::string, Value>> checkedAttributes(const LayerInfo& layer, const AttributeMap& attributes)
{
    std::vector<std::pair<std::string, Value>> result;
    result.reserve(attributes.size());
    for (const auto& [name, value] : attributes) {
        const FieldInfo* field = layer.field(name);
        if (!field) {
            std::string known;
            for (const auto& f : layer.fields) known += (known.empty() ? "" : ", ") + f.name;
            throw InvalidDataError("layer " + layer.name + " has no field '" + name + "' (its fields: "
                                   + (known.empty() ? std::string("none") : known) + ")");
        }
        result.emplace_back(name, convertAttribute(layer, *field, value));
    }
    return result;
}

std::optional<std::string> nameSearchKey(const Feature& f)
{
    if (!f.name) return std::nullopt;
    return searchKey(*f.name);
}

/// Binds the common writable columns user_key .. import_batch_id, geom at `first`...; returns the next index.
int bindCommon(Statement& s, int first, const Feature& f)
{
    int i = first;
    s.bindOptionalText(i++, f.userKey);
    s.bindOptionalText(i++, f.name);
    s.bindOptionalText(i++, nameSearchKey(f));
    s.bindOptionalInt(i++, f.communeId);
    s.bindOptionalInt(i++, f.communeOldId);
    s.bindBool(i++, f.illustrative);
    s.bindOptionalText(i++, f.source);
    s.bindOptionalInt(i++, f.importBatchId);
    s.bindBlobOrNull(i++, f.geometry);
    return i;
}

using FieldList = std::vector<const FieldInfo*>;

FieldList allFields(const LayerInfo& layer)
{
    FieldList fields;
    for (const auto& f : layer.fields) fields.push_back(&f);
    return fields;
}

std::string selectSql(const LayerInfo& layer, bool withGeometry, const FieldList& fields)
{
    std::string sql = "SELECT id, user_key, name, commune_id, commune_old_id, illustrative, source, import_batch_id, ";
    sql += withGeometry ? "ST_AsBinary(geom)" : "NULL";
    for (const FieldInfo* f : fields) sql += ", " + quoteIdentifier(f->name);
    sql += " FROM " + quoteIdentifier(layer.table);
    return sql;
}

Feature readFeature(const LayerInfo& layer, const Statement& s, const FieldList& fields)
{
    Feature f;
    f.layer = layer.name;
    f.id = s.columnInt(0);
    f.userKey = s.optionalText(1);
    f.name = s.optionalText(2);
    f.communeId = s.optionalInt(3);
    f.communeOldId = s.optionalInt(4);
    f.illustrative = s.columnBool(5);
    f.source = s.optionalText(6);
    f.importBatchId = s.optionalInt(7);
    if (!s.isNull(8)) f.geometry = s.columnBlob(8);
    int column = 9;
    for (const FieldInfo* field : fields) {
        Value v = s.columnValue(column++);
        if (field->type == FieldType::Real)
            if (const auto* i = std::get_if<std::int64_t>(&v)) v = static_cast<double>(*i);
        f.attributes.emplace(field->name, std::move(v));
    }
    return f;
}

} // namespace

const FieldValue* FieldInfo::findValue(std::string_view code) const
{
    for (const auto& v : values)
        if (v.value == code) return &v;
    return nullptr;
}

const FieldInfo* LayerInfo::field(std::string_view fieldName) const
{
    for (const auto& f : fields)
        if (f.name == fieldName) return &f;
    return nullptr;
}

FeatureLayers::FeatureLayers(Connection& connection) : connection_(connection) {}

void FeatureLayers::invalidate()
{
    layers_.reset();
    superseded_.clear();
}

const std::vector<LayerInfo>& FeatureLayers::layers()
{
    std::int64_t version = connection_.dataVersion();
    if (layers_ && version == layersVersion_) return *layers_;
    // Each statement of the read sees the latest commit: read again until no
    // other connection committed in between, so the registry is consistent.
    Registry current = readRegistry();
    for (std::int64_t after = connection_.dataVersion(); after != version; after = connection_.dataVersion()) {
        version = after;
        current = readRegistry();
    }
    layersVersion_ = version;
    // Another connection's commit often leaves the registry as it was (it
    // wrote features): then references into the cached one stay as they are.
    if (layers_ && *layers_ == current) return *layers_;
    if (layers_) superseded_.push_back(std::move(layers_));
    layers_ = std::make_unique<const Registry>(std::move(current));
    return *layers_;
}

FeatureLayers::Registry FeatureLayers::readRegistry()
{
    Registry result;
    {
        auto s = connection_.prepare("SELECT name, title_vi, title_en, geometry_type, table_name, builtin, ordinal, "
                                     "description, source, illustrative_summary FROM layers ORDER BY ordinal, name");
        while (s->step()) {
            LayerInfo l;
            l.name = s->columnText(0);
            l.titleVi = s->columnText(1);
            l.titleEn = s->optionalText(2);
            const std::string type = s->columnText(3);
            const auto geometryType = parseGeometryType(type);
            if (!geometryType) throw StoreError("layer " + l.name + ": unknown geometry type '" + type + "'");
            l.geometryType = *geometryType;
            l.table = s->columnText(4);
            if (!isSafeIdentifier(l.table)) throw StoreError("layer " + l.name + ": invalid table name '" + l.table + "'");
            l.builtin = s->columnBool(5);
            l.ordinal = static_cast<int>(s->columnInt(6));
            l.description = s->optionalText(7);
            l.source = s->optionalText(8);
            l.illustrativeSummary = s->optionalText(9);
            result.push_back(std::move(l));
        }
    }
    const auto find = [&](const std::string& name) -> LayerInfo* {
        for (auto& l : result)
            if (l.name == name) return &l;
        return nullptr;
    };
    {
        auto s = connection_.prepare("SELECT layer_name, name, field_type, title_vi, title_en FROM layer_fields "
                                     "ORDER BY layer_name, ordinal, name");
        while (s->step()) {
            LayerInfo* l = find(s->columnText(0));
            if (!l) continue;
            FieldInfo f;
            f.name = s->columnText(1);
            const std::string type = s->columnText(2);
            const auto fieldType = parseFieldType(type);
            if (!fieldType) throw StoreError("field " + l->name + "." + f.name + ": unknown type '" + type + "'");
            f.type = *fieldType;
            f.titleVi = s->columnText(3);
            f.titleEn = s->optionalText(4);
            l->fields.push_back(std::move(f));
        }
    }
    {
        auto s = connection_.prepare("SELECT layer_name, field_name, value, label_vi, label_en FROM layer_field_values "
                                     "ORDER BY layer_name, field_name, ordinal, value");
        while (s->step()) {
            LayerInfo* l = find(s->columnText(0));
            if (!l) continue;
            const std::string fieldName = s->columnText(1);
            for (auto& f : l->fields)
                if (f.name == fieldName) f.values.push_back({s->columnText(2), s->columnText(3), s->optionalText(4)});
        }
    }
    return result;
}

bool FeatureLayers::hasLayer(std::string_view name)
{
    const auto& all = layers();
    return std::any_of(all.begin(), all.end(), [&](const LayerInfo& l) { return l.name == name; });
}

const LayerInfo& FeatureLayers::layerOrThrow(std::string_view name)
{
    for (const auto& l : layers())
        if (l.name == name) return l;
    throw NotFoundError("no layer named '" + std::string(name) + "'");
}

const LayerInfo& FeatureLayers::layer(std::string_view name)
{
    return layerOrThrow(name);
}

void FeatureLayers::createLayer(const LayerDefinition& d)
{
    try {
        if (!isSafeIdentifier(d.name))
            throw InvalidDataError("a layer name must be lower-case letters, digits and _ (starting with a letter)");
        if (d.titleVi.empty()) throw InvalidDataError("the layer needs a Vietnamese title");
        if (hasLayer(d.name)) throw InvalidDataError("a layer of that name exists");
        if (connection_.tableExists(d.name)) throw InvalidDataError("a table of that name exists in the project");
        std::set<std::string> names;
        for (const auto& f : d.fields) {
            if (!isSafeIdentifier(f.name))
                throw InvalidDataError("field '" + f.name + "': names are lower-case letters, digits and _");
            if (isCommonColumn(f.name))
                throw InvalidDataError("field '" + f.name + "' clashes with a column every layer has");
            if (!names.insert(f.name).second) throw InvalidDataError("field '" + f.name + "' is given twice");
            if (f.titleVi.empty()) throw InvalidDataError("field '" + f.name + "' needs a Vietnamese title");
        }

        const std::string integer = connection_.sqlType(FieldType::Integer);
        const std::string table = quoteIdentifier(d.name);
        std::string ddl = "CREATE TABLE " + table + " (id " + integer
            + " PRIMARY KEY REFERENCES features (id) ON DELETE CASCADE, user_key TEXT UNIQUE, name TEXT, "
              "search_key TEXT, commune_id " + integer + " REFERENCES admin_units (id), commune_old_id " + integer
            + " REFERENCES admin_units (id), illustrative " + connection_.sqlType(FieldType::Boolean)
            + " NOT NULL CHECK (illustrative IN (0, 1)), source TEXT, import_batch_id " + integer
            + " REFERENCES import_batches (id)";
        for (const auto& f : d.fields) {
            ddl += ", " + quoteIdentifier(f.name) + " " + connection_.sqlType(f.type);
            if (f.type == FieldType::Boolean) ddl += " CHECK (" + quoteIdentifier(f.name) + " IN (0, 1))";
        }
        ddl += ")";

        Transaction transaction(connection_);
        connection_.execute(ddl);
        for (const char* column : {"search_key", "commune_id", "commune_old_id"})
            connection_.execute("CREATE INDEX " + quoteIdentifier(d.name + "_" + column) + " ON " + table + " ("
                                + column + ")");
        connection_.addGeometryColumn(d.name, "geom", d.geometryType);
        connection_.createSpatialIndex(d.name, "geom");
        {
            auto s = connection_.prepare("INSERT INTO layers (name, title_vi, title_en, geometry_type, table_name, "
                                         "builtin, ordinal, description, source, illustrative_summary) "
                                         "VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?)");
            s->bindText(1, d.name);
            s->bindText(2, d.titleVi);
            s->bindOptionalText(3, d.titleEn);
            s->bindText(4, toString(d.geometryType));
            s->bindText(5, d.name);
            s->bindInt(6, d.ordinal);
            s->bindOptionalText(7, d.description);
            s->bindOptionalText(8, d.source);
            s->bindOptionalText(9, d.illustrativeSummary);
            s->run();
        }
        int ordinal = 1;
        for (const auto& f : d.fields) {
            auto s = connection_.cached("INSERT INTO layer_fields (layer_name, name, field_type, title_vi, title_en, "
                                        "ordinal) VALUES (?, ?, ?, ?, ?, ?)");
            s->bindText(1, d.name);
            s->bindText(2, f.name);
            s->bindText(3, toString(f.type));
            s->bindText(4, f.titleVi);
            s->bindOptionalText(5, f.titleEn);
            s->bindInt(6, ordinal++);
            s->run();
            int valueOrdinal = 1;
            for (const auto& v : f.values) {
                auto vs = connection_.cached("INSERT INTO layer_field_values (layer_name, field_name, value, label_vi, "
                                             "label_en, ordinal) VALUES (?, ?, ?, ?, ?, ?)");
                vs->bindText(1, d.name);
                vs->bindText(2, f.name);
                vs->bindText(3, v.value);
                vs->bindText(4, v.labelVi);
                vs->bindOptionalText(5, v.labelEn);
                vs->bindInt(6, valueOrdinal++);
                vs->run();
            }
        }
        transaction.commit();
        invalidate();
    } catch (...) {
        invalidate();
        rethrowWithContext("creating layer '" + d.name + "'");
    }
}

void FeatureLayers::setIllustrativeSummary(std::string_view layer, const std::optional<std::string>& summary)
{
    Transaction transaction(connection_);
    auto s = connection_.cached("UPDATE layers SET illustrative_summary = ? WHERE name = ? RETURNING name");
    s->bindOptionalText(1, summary);
    s->bindText(2, layer);
    if (!s->step()) throw NotFoundError("no layer named '" + std::string(layer) + "'");
    s->run();
    transaction.commit();
    invalidate();
}

// --- writes ------------------------------------------------------------------------------

std::int64_t FeatureLayers::insertOne(const Feature& feature)
{
    const LayerInfo& layer = layerOrThrow(feature.layer);
    const auto attributes = checkedAttributes(layer, feature.attributes);

    std::int64_t id = 0;
    {
        auto s = connection_.cached("INSERT INTO features (layer_name) VALUES (?) RETURNING id");
        s->bindText(1, layer.name);
        s->step();
        id = s->columnInt(0);
        s->run();
    }
    std::string sql = "INSERT INTO " + quoteIdentifier(layer.table)
        + " (id, user_key, name, search_key, commune_id, commune_old_id, illustrative, source, import_batch_id, geom";
    for (const auto& [name, value] : attributes) sql += ", " + quoteIdentifier(name);
    sql += ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, " + geometryExpression(layer);
    for (std::size_t i = 0; i < attributes.size(); ++i) sql += ", ?";
    sql += ") RETURNING geom IS NULL";

    auto s = connection_.cached(sql);
    s->bindInt(1, id);
    int index = bindCommon(*s, 2, feature);
    for (const auto& [name, value] : attributes) s->bind(index++, value);
    s->step();
    const bool geometryMissing = s->columnBool(0);
    s->run();
    if (!feature.geometry.empty() && geometryMissing)
        throw InvalidDataError("the geometry is not valid WKB (" + std::to_string(feature.geometry.size()) + " bytes)");
    return id;
}

void FeatureLayers::updateOne(const Feature& feature, bool mustExist)
{
    std::string layerName = feature.layer;
    if (layerName.empty()) {
        const auto found = layerOf(feature.id);
        if (!found) throw NotFoundError("no feature with id " + std::to_string(feature.id));
        layerName = *found;
    }
    const LayerInfo& layer = layerOrThrow(layerName);
    const auto attributes = checkedAttributes(layer, feature.attributes);
    std::string sql = "UPDATE " + quoteIdentifier(layer.table)
        + " SET user_key = ?, name = ?, search_key = ?, commune_id = ?, commune_old_id = ?, illustrative = ?, "
          "source = ?, import_batch_id = ?, geom = " + geometryExpression(layer);
    for (const auto& [name, value] : attributes) sql += ", " + quoteIdentifier(name) + " = ?";
    sql += " WHERE id = ? RETURNING geom IS NULL";
    auto s = connection_.cached(sql);
    int index = bindCommon(*s, 1, feature);
    for (const auto& [name, value] : attributes) s->bind(index++, value);
    s->bindInt(index, feature.id);
    if (!s->step()) {
        if (mustExist)
            throw NotFoundError("no feature with id " + std::to_string(feature.id) + " in layer " + layer.name);
        return;
    }
    const bool geometryMissing = s->columnBool(0);
    s->run();
    if (!feature.geometry.empty() && geometryMissing)
        throw InvalidDataError("the geometry is not valid WKB (" + std::to_string(feature.geometry.size()) + " bytes)");
}

std::int64_t FeatureLayers::insert(const Feature& feature)
{
    try {
        Transaction transaction(connection_);
        const auto id = insertOne(feature);
        transaction.commit();
        return id;
    } catch (...) {
        rethrowWithContext("inserting into layer " + feature.layer + ", " + describeFeature(feature));
    }
}

std::vector<std::int64_t> FeatureLayers::insertMany(std::span<const Feature> features)
{
    std::vector<std::int64_t> ids;
    ids.reserve(features.size());
    Transaction transaction(connection_);
    for (std::size_t i = 0; i < features.size(); ++i) {
        try {
            ids.push_back(insertOne(features[i]));
        } catch (...) {
            rethrowWithContext("inserting into layer " + features[i].layer + ", row " + std::to_string(i + 1) + ", "
                               + describeFeature(features[i]));
        }
    }
    transaction.commit();
    return ids;
}

void FeatureLayers::update(const Feature& feature)
{
    try {
        Transaction transaction(connection_);
        updateOne(feature, true);
        transaction.commit();
    } catch (...) {
        rethrowWithContext("updating " + describeFeature(feature)
                           + (feature.layer.empty() ? std::string() : " of layer " + feature.layer));
    }
}

std::optional<std::int64_t> FeatureLayers::idForKey(const LayerInfo& layer, std::string_view userKey)
{
    auto s = connection_.cached("SELECT id FROM " + quoteIdentifier(layer.table) + " WHERE user_key = ?");
    s->bindText(1, userKey);
    if (!s->step()) return std::nullopt;
    return s->columnInt(0);
}

UpsertResult FeatureLayers::upsertOne(const Feature& feature)
{
    if (!feature.userKey || feature.userKey->empty()) throw InvalidDataError("an upsert needs the feature's user key");
    if (const auto id = idForKey(layerOrThrow(feature.layer), *feature.userKey)) {
        Feature existing = feature;
        existing.id = *id;
        updateOne(existing, true);
        return {*id, false};
    }
    return {insertOne(feature), true};
}

UpsertResult FeatureLayers::upsertByKey(const Feature& feature)
{
    try {
        Transaction transaction(connection_);
        const auto result = upsertOne(feature);
        transaction.commit();
        return result;
    } catch (...) {
        rethrowWithContext("upserting into layer " + feature.layer + ", " + describeFeature(feature));
    }
}

std::vector<UpsertResult> FeatureLayers::upsertManyByKey(std::span<const Feature> features)
{
    std::vector<UpsertResult> results;
    results.reserve(features.size());
    Transaction transaction(connection_);
    for (std::size_t i = 0; i < features.size(); ++i) {
        try {
            results.push_back(upsertOne(features[i]));
        } catch (...) {
            rethrowWithContext("upserting into layer " + features[i].layer + ", row " + std::to_string(i + 1) + ", "
                               + describeFeature(features[i]));
        }
    }
    transaction.commit();
    return results;
}

void FeatureLayers::remove(std::int64_t featureId)
{
    try {
        Transaction transaction(connection_);
        auto s = connection_.cached("DELETE FROM features WHERE id = ? RETURNING id");
        s->bindInt(1, featureId);
        if (!s->step()) throw NotFoundError("no feature with id " + std::to_string(featureId));
        s->run();
        transaction.commit();
    } catch (const ConstraintError& e) {
        throw ConstraintError("removing feature " + std::to_string(featureId)
                              + ": progress entries or disbursements refer to it (" + e.what() + ")");
    } catch (...) {
        rethrowWithContext("removing feature " + std::to_string(featureId));
    }
}

// --- reads ---------------------------------------------------------------------------------

std::optional<std::string> FeatureLayers::layerOf(std::int64_t featureId)
{
    auto s = connection_.cached("SELECT layer_name FROM features WHERE id = ?");
    s->bindInt(1, featureId);
    if (!s->step()) return std::nullopt;
    return s->columnText(0);
}

std::optional<Feature> FeatureLayers::get(std::int64_t featureId)
{
    const auto layerName = layerOf(featureId);
    if (!layerName) return std::nullopt;
    const LayerInfo& layer = layerOrThrow(*layerName);
    const auto fields = allFields(layer);
    auto s = connection_.cached(selectSql(layer, true, fields) + " WHERE id = ?");
    s->bindInt(1, featureId);
    if (!s->step()) return std::nullopt;
    return readFeature(layer, *s, fields);
}

std::optional<Feature> FeatureLayers::findByKey(std::string_view layerName, std::string_view userKey)
{
    const LayerInfo& layer = layerOrThrow(layerName);
    const auto fields = allFields(layer);
    auto s = connection_.cached(selectSql(layer, true, fields) + " WHERE user_key = ?");
    s->bindText(1, userKey);
    if (!s->step()) return std::nullopt;
    return readFeature(layer, *s, fields);
}

void FeatureLayers::forEach(const FeatureQuery& query, const std::function<bool(const Feature&)>& visit)
{
    const LayerInfo& layer = layerOrThrow(query.layer);
    FieldList fields;
    if (query.withAttributes && query.fields.empty()) fields = allFields(layer);
    if (query.withAttributes)
        for (const auto& name : query.fields) {
            const FieldInfo* field = layer.field(name);
            if (!field) throw NotFoundError("layer " + layer.name + " has no field '" + name + "'");
            fields.push_back(field);
        }
    std::string sql = selectSql(layer, query.withGeometry, fields) + " WHERE 1 = 1";
    if (query.window) sql += " AND " + connection_.windowFilterSql(layer.table, "geom", "id");
    if (query.communeId) sql += " AND commune_id = ?";
    if (query.communeOldId) sql += " AND commune_old_id = ?";
    if (query.illustrative) sql += " AND illustrative = ?";
    sql += " ORDER BY id";
    // A lease is safe even if the visitor calls back into the store: a
    // nested use of the same SQL gets another statement.
    auto s = connection_.cached(sql);
    int index = 1;
    if (query.window) {
        s->bindDouble(index++, query.window->minX);
        s->bindDouble(index++, query.window->minY);
        s->bindDouble(index++, query.window->maxX);
        s->bindDouble(index++, query.window->maxY);
    }
    if (query.communeId) s->bindInt(index++, *query.communeId);
    if (query.communeOldId) s->bindInt(index++, *query.communeOldId);
    if (query.illustrative) s->bindBool(index++, *query.illustrative);
    while (s->step())
        if (!visit(readFeature(layer, *s, fields))) break;
}

std::vector<Feature> FeatureLayers::list(const FeatureQuery& query)
{
    std::vector<Feature> result;
    forEach(query, [&](const Feature& f) {
        result.push_back(f);
        return true;
    });
    return result;
}

std::int64_t FeatureLayers::count(std::string_view layerName, const std::optional<BoundingBox>& window)
{
    const LayerInfo& layer = layerOrThrow(layerName);
    std::string sql = "SELECT COUNT(*) FROM " + quoteIdentifier(layer.table);
    if (window) sql += " WHERE " + connection_.windowFilterSql(layer.table, "geom", "id");
    auto s = connection_.cached(sql);
    if (window) {
        s->bindDouble(1, window->minX);
        s->bindDouble(2, window->minY);
        s->bindDouble(3, window->maxX);
        s->bindDouble(4, window->maxY);
    }
    s->step();
    return s->columnInt(0);
}

std::int64_t FeatureLayers::countIllustrative(std::string_view layerName)
{
    const LayerInfo& layer = layerOrThrow(layerName);
    auto s = connection_.cached("SELECT COUNT(*) FROM " + quoteIdentifier(layer.table) + " WHERE illustrative = 1");
    s->step();
    return s->columnInt(0);
}

std::optional<BoundingBox> FeatureLayers::extent(std::string_view layerName)
{
    const LayerInfo& layer = layerOrThrow(layerName);
    return connection_.extent(layer.table, "geom");
}

std::vector<FeatureMatch> FeatureLayers::search(std::string_view text, std::size_t limit)
{
    const std::string key = searchKey(text);
    if (key.empty() || limit == 0) return {};
    const std::string escaped = detail::likeEscaped(key);
    struct Ranked {
        int rank;
        std::size_t keyLength;
        std::size_t layerIndex;
        FeatureMatch match;
    };
    std::vector<Ranked> ranked;
    const auto& all = layers();
    for (std::size_t li = 0; li < all.size(); ++li) {
        const LayerInfo& layer = all[li];
        auto s = connection_.cached(std::string("SELECT id, name, search_key, ") + detail::kSearchRankSql
                                    + " FROM " + quoteIdentifier(layer.table)
                                    + " WHERE search_key LIKE ? ESCAPE '\\' ORDER BY 4, length(search_key), id LIMIT ?");
        s->bindText(1, key);
        s->bindText(2, escaped + "%");
        s->bindText(3, "%" + escaped + "%");
        s->bindInt(4, static_cast<std::int64_t>(limit));
        while (s->step())
            ranked.push_back({static_cast<int>(s->columnInt(3)), s->columnText(2).size(), li,
                              FeatureMatch{layer.name, s->columnInt(0), s->optionalText(1)}});
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
        return std::tie(a.rank, a.keyLength, a.layerIndex, a.match.id)
            < std::tie(b.rank, b.keyLength, b.layerIndex, b.match.id);
    });
    std::vector<FeatureMatch> result;
    for (std::size_t i = 0; i < ranked.size() && i < limit; ++i) result.push_back(std::move(ranked[i].match));
    return result;
}

} // namespace planmap::layers
