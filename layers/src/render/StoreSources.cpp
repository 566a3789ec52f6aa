#include "planmap/layers/render/StoreSources.h"

#include "planmap/layers/features/FeatureLayers.h"

namespace planmap::layers::render {

namespace {

QVariant toVariant(const Value& v)
{
    return std::visit(
        [](const auto& x) -> QVariant {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, std::monostate>) return QVariant();
            else if constexpr (std::is_same_v<T, std::int64_t>) return QVariant(qlonglong(x));
            else if constexpr (std::is_same_v<T, double>) return QVariant(x);
            else if constexpr (std::is_same_v<T, std::string>) return QVariant(QString::fromStdString(x));
            else return QVariant(QByteArray(reinterpret_cast<const char*>(x.data()), qsizetype(x.size())));
        },
        v);
}

template <class T>
QVariant optionalVariant(const std::optional<T>& v)
{
    return v ? QVariant::fromValue(*v) : QVariant();
}

QVariant optionalText(const std::optional<std::string>& v)
{
    return v ? QVariant(QString::fromStdString(*v)) : QVariant();
}

} // namespace

FeatureLayerSource::FeatureLayerSource(Connection& connection, std::string layer, std::vector<std::string> fields)
    : connection_(connection), layer_(std::move(layer)), fields_(std::move(fields))
{
    if (fields_.empty()) {
        FeatureLayers repo(connection_);
        for (const FieldInfo& f : repo.layer(layer_).fields) fields_.push_back(f.name);
    }
}

std::vector<QString> FeatureLayerSource::fieldNames() const
{
    std::vector<QString> names{QStringLiteral("name"), QStringLiteral("illustrative"), QStringLiteral("commune_id")};
    for (const std::string& f : fields_) names.push_back(QString::fromStdString(f));
    return names;
}

void FeatureLayerSource::forEach(const std::function<void(const SourceFeature&)>& visit) const
{
    FeatureLayers repo(connection_);
    FeatureQuery q;
    q.layer = layer_;
    q.fields = fields_;
    q.withAttributes = !fields_.empty();
    std::vector<QVariant> values;
    repo.forEach(q, [&](const Feature& f) {
        values.clear();
        values.push_back(optionalText(f.name));
        values.push_back(QVariant(f.illustrative));
        values.push_back(f.communeId ? QVariant(qlonglong(*f.communeId)) : QVariant());
        for (const std::string& name : fields_) {
            auto it = f.attributes.find(name);
            values.push_back(it == f.attributes.end() ? QVariant() : toVariant(it->second));
        }
        SourceFeature sf;
        sf.id = f.id;
        sf.wkb = f.geometry;
        sf.attributes = values;
        visit(sf);
        return true;
    });
}

AdminUnitSource::AdminUnitSource(Connection& connection, UnitLevel level, std::optional<std::string> generation)
    : connection_(connection), level_(level), generation_(std::move(generation))
{
}

std::vector<QString> AdminUnitSource::fieldNames() const
{
    return {QStringLiteral("code"), QStringLiteral("name"), QStringLiteral("full_name"),
            QStringLiteral("ethnic_minority_area"), QStringLiteral("dbkk"), QStringLiteral("atk"),
            QStringLiteral("border"), QStringLiteral("illustrative")};
}

void AdminUnitSource::forEach(const std::function<void(const SourceFeature&)>& visit) const
{
    AdminUnits repo(connection_);
    std::vector<QVariant> values;
    for (const AdminUnit& u : repo.list(level_, generation_, std::nullopt, true)) {
        values = {optionalText(u.code),
                  QVariant(QString::fromStdString(u.name)),
                  optionalText(u.fullName),
                  optionalVariant(u.ethnicMinorityArea),
                  optionalVariant(u.dbkk),
                  optionalVariant(u.atk),
                  optionalVariant(u.border),
                  QVariant(u.illustrative)};
        SourceFeature sf;
        sf.id = u.id;
        sf.wkb = u.geometry;
        sf.attributes = values;
        visit(sf);
    }
}

} // namespace planmap::layers::render
