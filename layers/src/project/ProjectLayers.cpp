#include "planmap/layers/project/ProjectLayers.h"

#include "planmap/layers/store/ProjectStore.h"

#include <algorithm>
#include <unordered_map>

namespace planmap::layers::project {

namespace {

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

QString q(const std::optional<std::string>& s)
{
    return s ? QString::fromStdString(*s) : QString();
}

QString pick(Language language, const std::string& vi, const std::optional<std::string>& en)
{
    return language == Language::English && en && !en->empty() ? q(*en) : q(vi);
}

QString pick(Language language, const char* vi, const char* en)
{
    return QString::fromUtf8(language == Language::English ? en : vi);
}

QVariant toVariant(const Value& v, FieldType type)
{
    if (std::holds_alternative<std::monostate>(v)) return {};
    if (const auto* i = std::get_if<std::int64_t>(&v))
        return type == FieldType::Boolean ? QVariant(*i != 0) : QVariant(qlonglong(*i));
    if (const auto* d = std::get_if<double>(&v)) return *d;
    if (const auto* s = std::get_if<std::string>(&v)) return q(*s);
    return {};
}

QVariant opt(const std::optional<bool>& b)
{
    return b ? QVariant(*b) : QVariant();
}

const char* englishUnitWord(UnitType type)
{
    switch (type) {
    case UnitType::Province: return "Province";
    case UnitType::City: return "City";
    case UnitType::District: return "District";
    case UnitType::UrbanDistrict: return "Urban district";
    case UnitType::Town: return "Town";
    case UnitType::Commune: return "Commune";
    case UnitType::Ward: return "Ward";
    case UnitType::Township: return "Township";
    case UnitType::SpecialZone: return "Special zone";
    case UnitType::Thon:
    case UnitType::Ban:
    case UnitType::Lang:
    case UnitType::Xom:
    case UnitType::Ap:
    case UnitType::Buon: return "Village";
    case UnitType::ResidentialGroup: return "Residential group";
    case UnitType::Khoi:
    case UnitType::Quarter: return "Quarter";
    case UnitType::Other: return "Other";
    }
    return "Other";
}

QString unitWord(UnitType type, Language language)
{
    return language == Language::English ? QString::fromLatin1(englishUnitWord(type))
                                         : QString::fromUtf8(vietnameseName(type).data(),
                                                             qsizetype(vietnameseName(type).size()));
}

ProjectLayer unitLayer(ProjectStore& store, const char* key, UnitLevel level, std::string_view generation,
                       const QString& title, Language language)
{
    const std::vector<AdminUnit> units =
        store.units().list(level, generation.empty() ? std::nullopt : std::optional(std::string(generation)),
                           std::nullopt, true);
    const std::vector<QString> fields{QStringLiteral("code"),     QStringLiteral("name"),
                                      QStringLiteral("full_name"), QStringLiteral("unit_type"),
                                      QStringLiteral("ethnic_minority_area"), QStringLiteral("dbkk"),
                                      QStringLiteral("atk"),      QStringLiteral("border"),
                                      QStringLiteral("illustrative")};
    auto source = std::make_shared<render::MemoryFeatureSource>("EPSG:4326", fields);
    bool illustrative = false;
    for (const AdminUnit& u : units) {
        if (u.geometry.empty()) continue;
        illustrative = illustrative || u.illustrative;
        source->add(u.id, u.geometry,
                    {q(u.code), q(u.name), q(u.fullName), q(std::string(toString(u.type))),
                     u.ethnicMinorityArea ? QVariant(*u.ethnicMinorityArea) : QVariant(), opt(u.dbkk), opt(u.atk),
                     opt(u.border), QVariant(u.illustrative)});
    }
    ProjectLayer layer;
    layer.key = QString::fromLatin1(key);
    layer.title = title;
    layer.illustrative = illustrative;
    layer.source = source;
    const auto t = [&](const char* vi, const char* en) { return pick(language, vi, en); };
    layer.fieldTitles = {{QStringLiteral("code"), t("Mã", "Code")},
                         {QStringLiteral("name"), t("Tên", "Name")},
                         {QStringLiteral("full_name"), t("Tên đầy đủ", "Full name")},
                         {QStringLiteral("unit_type"), t("Loại đơn vị", "Unit type")},
                         {QStringLiteral("ethnic_minority_area"),
                          t("Khu vực (I, II, III)", "Ethnic-minority area (I, II, III)")},
                         {QStringLiteral("dbkk"), t("Đặc biệt khó khăn", "Extremely difficult")},
                         {QStringLiteral("atk"), t("An toàn khu", "Safe zone (ATK)")},
                         {QStringLiteral("border"), t("Biên giới", "Border")},
                         {QStringLiteral("illustrative"), t("Dữ liệu minh họa", "Illustrative data")}};
    for (int i = int(UnitType::Province); i <= int(UnitType::Other); ++i) {
        const auto type = UnitType(i);
        layer.valueLabels.insert(QStringLiteral("unit_type") + QChar(0x1f) + q(std::string(toString(type))),
                                 unitWord(type, language));
    }
    static const char* const roman[] = {"I", "II", "III"};
    for (int i = 1; i <= 3; ++i)
        layer.valueLabels.insert(QStringLiteral("ethnic_minority_area") + QChar(0x1f) + QString::number(i),
                                 t("Khu vực %1", "Area %1").arg(QLatin1String(roman[i - 1])));
    return layer;
}

ProjectLayer featureLayer(ProjectStore& store, const LayerInfo& info, Language language)
{
    std::vector<QString> fields{QStringLiteral("name"), QStringLiteral("commune"), QStringLiteral("commune_old")};
    for (const FieldInfo& f : info.fields) fields.push_back(q(f.name));
    fields.push_back(QStringLiteral("illustrative"));
    fields.push_back(QStringLiteral("source"));

    // Names of the communes the features point to, read once each.
    std::unordered_map<std::int64_t, QString> communeNames;
    const auto communeName = [&](const std::optional<std::int64_t>& id) -> QVariant {
        if (!id) return {};
        auto it = communeNames.find(*id);
        if (it == communeNames.end()) {
            QString name;
            if (const auto u = store.units().get(*id, false))
                name = language == Language::English && u->nameEn ? q(*u->nameEn)
                       : u->fullName && !u->fullName->empty()
                           ? q(*u->fullName)
                           : unitWord(u->type, Language::Vietnamese) + QLatin1Char(' ') + q(u->name);
            it = communeNames.emplace(*id, name).first;
        }
        return it->second;
    };

    auto source = std::make_shared<render::MemoryFeatureSource>("EPSG:4326", fields);
    bool illustrative = false;
    FeatureQuery query;
    query.layer = info.name;
    store.features().forEach(query, [&](const Feature& f) {
        std::vector<QVariant> values;
        values.reserve(fields.size());
        values.push_back(q(f.name));
        values.push_back(communeName(f.communeId));
        values.push_back(communeName(f.communeOldId));
        for (const FieldInfo& fi : info.fields) {
            const auto it = f.attributes.find(fi.name);
            values.push_back(it == f.attributes.end() ? QVariant() : toVariant(it->second, fi.type));
        }
        values.push_back(f.illustrative);
        values.push_back(q(f.source));
        illustrative = illustrative || f.illustrative;
        source->add(f.id, f.geometry, std::move(values));
        return true;
    });

    ProjectLayer layer;
    layer.key = q(info.name);
    layer.title = pick(language, info.titleVi, info.titleEn);
    layer.illustrative = illustrative || info.illustrativeSummary.has_value();
    layer.source = source;
    const auto t = [&](const char* vi, const char* en) { return pick(language, vi, en); };
    layer.fieldTitles = {{QStringLiteral("name"), t("Tên", "Name")},
                         {QStringLiteral("commune"), t("Xã (từ 01/7/2025)", "Commune (from 01/07/2025)")},
                         {QStringLiteral("commune_old"), t("Xã (trước 01/7/2025)", "Commune (before 01/07/2025)")},
                         {QStringLiteral("illustrative"), t("Dữ liệu minh họa", "Illustrative data")},
                         {QStringLiteral("source"), t("Nguồn", "Source")}};
    for (const FieldInfo& f : info.fields) {
        layer.fieldTitles.insert(q(f.name), pick(language, f.titleVi, f.titleEn));
        for (const FieldValue& v : f.values)
            layer.valueLabels.insert(q(f.name) + QChar(0x1f) + q(v.value), pick(language, v.labelVi, v.labelEn));
    }
    return layer;
}

int drawRank(GeometryType type)
{
    switch (type) {
    case GeometryType::Point:
    case GeometryType::MultiPoint: return 0;
    case GeometryType::Any: return 1;
    case GeometryType::LineString:
    case GeometryType::MultiLineString: return 2;
    default: return 3;
    }
}

} // namespace

QString ProjectLayer::valueLabel(const QString& field, const QVariant& value) const
{
    if (!value.isValid() || value.isNull()) return {};
    const auto it = valueLabels.constFind(field + QChar(0x1f) + value.toString());
    return it != valueLabels.constEnd() ? *it : value.toString();
}

bool isUnitLayer(const QString& key)
{
    return key == QLatin1String(kProvinceLayer) || key == QLatin1String(kDistrictsLayer) ||
           key == QLatin1String(kCommunesLayer) || key == QLatin1String(kOldCommunesLayer);
}

style::LayerStyle ProjectLayer::style(GeometryKind kind) const
{
    return savedStyle ? *savedStyle : defaultStyle(key, kind, valueLabels, language);
}

std::vector<ProjectLayer> projectLayers(ProjectStore& store, Language language, SavedSettings saved)
{
    // Feature layers on top: points first, then mixed, lines, polygons,
    // keeping the registry order within each.
    std::vector<LayerInfo> infos = store.features().layers();
    std::stable_sort(infos.begin(), infos.end(),
                     [](const LayerInfo& a, const LayerInfo& b) { return drawRank(a.geometryType) < drawRank(b.geometryType); });
    std::vector<ProjectLayer> out;
    for (const LayerInfo& info : infos) {
        if (store.features().count(info.name) == 0) continue;
        out.push_back(featureLayer(store, info, language));
    }
    out.push_back(unitLayer(store, kDistrictsLayer, UnitLevel::District, kGenerationPre2025,
                            pick(language, "Huyện, thành phố (2023)", "Districts (2023)"), language));
    out.push_back(unitLayer(store, kOldCommunesLayer, UnitLevel::Commune, kGenerationPre2025,
                            pick(language, "Xã, phường, thị trấn (2023)", "Communes, wards and townships (2023)"),
                            language));
    out.push_back(unitLayer(store, kCommunesLayer, UnitLevel::Commune, kGeneration2025,
                            pick(language, "Xã, phường (2025)", "Communes and wards (2025)"), language));
    out.push_back(unitLayer(store, kProvinceLayer, UnitLevel::Province, {},
                            pick(language, "Ranh giới tỉnh", "Province boundary"), language));
    std::erase_if(out, [](const ProjectLayer& l) {
        const auto* mem = dynamic_cast<const render::MemoryFeatureSource*>(l.source.get());
        return mem && mem->size() == 0;
    });
    for (ProjectLayer& l : out) l.language = language;
    if (saved == SavedSettings::Apply) applyLayerSettings(out, LayerSettingsStore(store.connection()).load());
    return out;
}

void applyLayerSettings(std::vector<ProjectLayer>& layers, const std::vector<LayerSetting>& settings)
{
    if (settings.empty()) return;
    QHash<QString, const LayerSetting*> byKey;
    for (const LayerSetting& s : settings) byKey.insert(s.key, &s);

    // The layers with a setting, in the saved order.
    std::vector<std::size_t> savedRows;
    for (std::size_t i = 0; i < layers.size(); ++i)
        if (byKey.contains(layers[i].key)) savedRows.push_back(i);
    std::stable_sort(savedRows.begin(), savedRows.end(), [&](std::size_t a, std::size_t b) {
        return byKey.value(layers[a].key)->position < byKey.value(layers[b].key)->position;
    });
    std::vector<std::size_t> order = savedRows;
    // Each other layer right below the layer it follows by default (at the
    // top when it comes first).
    for (std::size_t i = 0; i < layers.size(); ++i) {
        if (byKey.contains(layers[i].key)) continue;
        std::size_t at = 0;
        if (i > 0) {
            const auto prev = std::find(order.begin(), order.end(), i - 1);
            at = std::size_t(prev - order.begin()) + 1;
        }
        order.insert(order.begin() + std::ptrdiff_t(at), i);
    }

    std::vector<ProjectLayer> out;
    out.reserve(layers.size());
    for (std::size_t i : order) {
        ProjectLayer l = std::move(layers[i]);
        if (const LayerSetting* setting = byKey.value(l.key)) {
            l.visible = setting->visible;
            l.savedStyle = setting->style;
        }
        out.push_back(std::move(l));
    }
    layers = std::move(out);
}

} // namespace planmap::layers::project
