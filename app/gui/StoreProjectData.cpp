#include "StoreProjectData.h"

#include "Formats.h"
#include "Language.h"
#include "MapProject.h"

#include "planmap/layers/io/UnitLayers.h"
#include "planmap/layers/project/ProjectLayers.h"
#include "planmap/layers/store/ProjectStore.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <cmath>
#include <set>

namespace planmap::gui {

namespace L = planmap::layers;

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("planmap::gui::StoreProjectData", text);
}

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

QString q(const std::optional<std::string>& s)
{
    return s ? QString::fromStdString(*s) : QString();
}

bool english()
{
    return uiLanguage() == Language::English;
}

QString pick(const std::string& vi, const std::optional<std::string>& en)
{
    return english() && en && !en->empty() ? q(*en) : q(vi);
}

// The unit words as the store spells them (vietnameseName), listed for the translators.
[[maybe_unused]] const char* const kUnitWords[] = {
    QT_TRANSLATE_NOOP("planmap::gui::StoreProjectData", "Tỉnh"),
    QT_TRANSLATE_NOOP("planmap::gui::StoreProjectData", "Thành phố"),
    QT_TRANSLATE_NOOP("planmap::gui::StoreProjectData", "Huyện"),
    QT_TRANSLATE_NOOP("planmap::gui::StoreProjectData", "Quận"),
    QT_TRANSLATE_NOOP("planmap::gui::StoreProjectData", "Thị xã"),
    QT_TRANSLATE_NOOP("planmap::gui::StoreProjectData", "Xã"),
    QT_TRANSLATE_NOOP("planmap::gui::StoreProjectData", "Phường"),
    QT_TRANSLATE_NOOP("planmap::gui::StoreProjectData", "Thị trấn"),
    QT_TRANSLATE_NOOP("planmap::gui::StoreProjectData", "Đặc khu"),
    QT_TRANSLATE_NOOP("planmap::gui::StoreProjectData", "Thôn"),
    QT_TRANSLATE_NOOP("planmap::gui::StoreProjectData", "Bản"),
    QT_TRANSLATE_NOOP("planmap::gui::StoreProjectData", "Làng"),
    QT_TRANSLATE_NOOP("planmap::gui::StoreProjectData", "Xóm"),
    QT_TRANSLATE_NOOP("planmap::gui::StoreProjectData", "Ấp"),
    QT_TRANSLATE_NOOP("planmap::gui::StoreProjectData", "Buôn"),
    QT_TRANSLATE_NOOP("planmap::gui::StoreProjectData", "Tổ dân phố"),
    QT_TRANSLATE_NOOP("planmap::gui::StoreProjectData", "Khối"),
    QT_TRANSLATE_NOOP("planmap::gui::StoreProjectData", "Khu phố"),
    QT_TRANSLATE_NOOP("planmap::gui::StoreProjectData", "Khác"),
};

/// The unit word in the UI language ("Xã" / "Commune").
QString unitWord(L::UnitType type)
{
    return tr(std::string(L::vietnameseName(type)).c_str());
}

/// The label of a unit: "Xã Lộc Bình" (full name, else type word + name).
QString unitLabel(const L::AdminUnit& u)
{
    if (english() && u.nameEn) return q(*u.nameEn);
    if (u.fullName && !u.fullName->empty()) return q(*u.fullName);
    return q(std::string(L::vietnameseName(u.type))) + QLatin1Char(' ') + q(u.name);
}

QString formatTarget(std::optional<double> value, std::optional<double> num, std::optional<double> den)
{
    if (num && den) return formatNumber(*num) + QLatin1Char('/') + formatNumber(*den);
    if (value) return formatNumber(*value);
    return {};
}

} // namespace

namespace {

/// Options to open `file` with: read-only when asked, or when the file or
/// its folder (SQLite writes its journal there) cannot be written.
L::OpenOptions openOptions(const std::filesystem::path& file, StoreProjectData::Access access)
{
    L::OpenOptions options;
    options.readOnly = access == StoreProjectData::Access::ReadOnly;
    if (!options.readOnly) {
        const QFileInfo info(QString::fromStdString(file.string()));
        const QFileInfo folder(info.absolutePath());
        options.readOnly = info.exists() && (!info.isWritable() || !folder.isWritable());
    }
    return options;
}

} // namespace

StoreProjectData::StoreProjectData(const std::filesystem::path& file, Access access)
    : store_(std::make_unique<L::ProjectStore>(L::ProjectStore::open(file, openOptions(file, access))))
{
}

StoreProjectData::~StoreProjectData() = default;

QString StoreProjectData::name() const
{
    return q(store_->metadata().name);
}

QString StoreProjectData::path() const
{
    return QString::fromStdString(store_->path().string());
}

std::vector<MapLayer> StoreProjectData::layers() const
{
    namespace project = L::project;
    const project::Language language = english() ? project::Language::English : project::Language::Vietnamese;
    std::vector<project::ProjectLayer> layers;
    if (memorySettings_) {
        layers = project::projectLayers(*store_, language, project::SavedSettings::Ignore);
        project::applyLayerSettings(layers, *memorySettings_);
    } else {
        layers = project::projectLayers(*store_, language);
    }
    std::vector<MapLayer> out;
    out.reserve(layers.size());
    for (project::ProjectLayer& pl : layers) {
        MapLayer l;
        l.key = pl.key;
        l.title = pl.title;
        l.illustrative = pl.illustrative;
        l.source = std::move(pl.source);
        l.fieldTitles = std::move(pl.fieldTitles);
        l.valueLabels = std::move(pl.valueLabels);
        l.visible = pl.visible;
        if (pl.savedStyle) {
            l.style = *pl.savedStyle;
            l.styleSaved = true;
        }
        out.push_back(std::move(l));
    }
    return out;
}

bool StoreProjectData::settingsWritable() const
{
    return !store_->connection().isReadOnly() && L::project::LayerSettingsStore(store_->connection()).available();
}

bool StoreProjectData::hasLayerSettings() const
{
    if (memorySettings_) return !memorySettings_->empty();
    return !L::project::LayerSettingsStore(store_->connection()).load().empty();
}

bool StoreProjectData::saveLayerSettings(const std::vector<L::project::LayerSetting>& settings)
{
    if (!settingsWritable()) {
        memorySettings_ = settings;
        return false;
    }
    L::project::LayerSettingsStore(store_->connection()).save(settings);
    return true;
}

void StoreProjectData::clearLayerSettings()
{
    if (!settingsWritable()) {
        memorySettings_ = std::vector<L::project::LayerSetting>();
        return;
    }
    L::project::LayerSettingsStore(store_->connection()).clear();
}

bool StoreProjectData::isReadOnly() const
{
    return !settingsWritable();
}

const std::set<std::int64_t>& StoreProjectData::unitsWithGeometry(const std::string& unitLayer) const
{
    auto it = unitsWithGeometry_.find(unitLayer);
    if (it != unitsWithGeometry_.end()) return it->second;
    std::set<std::int64_t> ids;
    if (const L::io::UnitLayer* def = L::io::findUnitLayer(unitLayer)) {
        auto st = store_->connection().prepare(
            "SELECT id FROM admin_units WHERE level = ? AND generation = ? AND geom IS NOT NULL");
        st->bindText(1, L::toString(def->level));
        st->bindText(2, def->generation);
        while (st->step()) ids.insert(st->columnInt(0));
    }
    return unitsWithGeometry_.emplace(unitLayer, std::move(ids)).first->second;
}

QString StoreProjectData::unitDisplayName(std::int64_t unitId) const
{
    const auto u = store_->units().get(unitId, false);
    return u ? unitLabel(*u) : QString();
}

std::vector<SearchHit> StoreProjectData::search(const QString& text, int limit) const
{
    std::vector<SearchHit> hits;
    const std::string t = text.trimmed().toStdString();
    if (t.empty()) return hits;
    L::UnitSearch options;
    options.limit = std::size_t(limit);
    for (const L::AdminUnit& u : store_->units().search(t, options)) {
        SearchHit h;
        h.title = unitLabel(u);
        h.featureId = u.id;
        const bool isNew = u.generation == L::kGeneration2025;
        // The map layer of the unit, when the unit has a shape on it.
        if (const L::io::UnitLayer* def = L::io::unitLayerOf(u.level, u.generation)) {
            if (unitsWithGeometry(def->name).count(u.id))
                h.layerKey = q(def->name);
        }
        h.detail = isNew ? tr("Đơn vị hành chính từ 01/7/2025") : tr("Đơn vị hành chính trước 01/7/2025");
        if (u.parentId && u.level != L::UnitLevel::District) {
            const QString parent = unitDisplayName(*u.parentId);
            if (!parent.isEmpty()) h.detail += QStringLiteral(" · ") + parent;
        }
        hits.push_back(std::move(h));
    }
    std::unordered_map<std::string, QString> titles;
    for (const L::LayerInfo& info : store_->features().layers()) titles[info.name] = pick(info.titleVi, info.titleEn);
    for (const L::FeatureMatch& m : store_->features().search(t, std::size_t(limit))) {
        SearchHit h;
        h.title = q(m.name);
        h.layerKey = q(m.layer);
        h.featureId = m.id;
        h.detail = titles[m.layer];
        hits.push_back(std::move(h));
    }
    // Units first, then features: the store orders each list best first.
    if (int(hits.size()) > limit) hits.resize(std::size_t(limit));
    return hits;
}

void StoreProjectData::addUnitChain(std::int64_t unitId, const QString& generationLabel,
                                    std::vector<UnitLink>& out) const
{
    std::optional<std::int64_t> id = unitId;
    for (int guard = 0; id && guard < 6; ++guard) {
        const auto u = store_->units().get(*id, false);
        if (!u) break;
        out.push_back(UnitLink{unitWord(u->type) + QStringLiteral(" (") + generationLabel +
                                   QLatin1Char(')'),
                               unitLabel(*u)});
        id = u->parentId;
    }
}

std::vector<UnitLink> StoreProjectData::unitLinks(std::int64_t unitId) const
{
    std::vector<UnitLink> out;
    const auto u = store_->units().get(unitId, false);
    if (!u) return out;
    const QString gen = u->generation == L::kGeneration2025 ? tr("từ 01/7/2025") : tr("trước 01/7/2025");
    if (u->parentId) addUnitChain(*u->parentId, gen, out);
    // The reorganisation: what the unit was made of, or what it went into.
    for (const L::CrosswalkLink& c : store_->units().predecessorsOf(u->id)) {
        QString name = unitDisplayName(c.oldUnitId);
        if (c.kind == L::CrosswalkKind::Partial) name += QStringLiteral(" ") + tr("(một phần)");
        out.push_back(UnitLink{tr("Hợp thành từ (trước 01/7/2025)"), name});
    }
    for (const L::CrosswalkLink& c : store_->units().successorsOf(u->id)) {
        QString name = unitDisplayName(c.newUnitId);
        if (c.kind == L::CrosswalkKind::Partial) name += QStringLiteral(" ") + tr("(một phần)");
        out.push_back(UnitLink{tr("Nhập vào (từ 01/7/2025)"), name});
    }
    return out;
}

void StoreProjectData::addIndicators(std::optional<std::int64_t> unitId, std::optional<std::int64_t> featureId,
                                     std::optional<std::int64_t> allocationUnitId,
                                     std::vector<IndicatorRow>& out) const
{
    std::vector<std::int64_t> indicatorIds;
    std::unordered_map<std::int64_t, L::Allocation> allocations;
    if (allocationUnitId) {
        for (const L::Allocation& a : store_->plan().allocationsForUnit(*allocationUnitId)) {
            allocations.emplace(a.indicatorId, a);
            if (unitId) indicatorIds.push_back(a.indicatorId);
        }
    }
    if (featureId)
        for (const L::FeatureLink& link : store_->plan().indicatorsOfFeature(*featureId))
            indicatorIds.push_back(link.indicatorId);

    std::set<std::int64_t> seen;
    for (std::int64_t indicatorId : indicatorIds) {
        if (!seen.insert(indicatorId).second) continue;
        const auto ind = store_->plan().indicator(indicatorId);
        if (!ind) continue;
        IndicatorRow row;
        row.code = q(ind->node.code);
        row.name = q(ind->node.name);
        row.unitOfMeasure = q(ind->spec.unitOfMeasure);

        std::optional<double> tv = ind->spec.targetValue, tn = ind->spec.targetNumerator,
                              td = ind->spec.targetDenominator;
        if (const auto it = allocations.find(indicatorId); it != allocations.end()) {
            const L::Allocation& a = it->second;
            if (a.targetValue || a.targetNumerator) {
                tv = a.targetValue;
                tn = a.targetNumerator;
                td = a.targetDenominator;
            }
            row.illustrative = row.illustrative || a.illustrative;
        }
        row.target = formatTarget(tv, tn, td);

        L::ProgressFilter filter;
        filter.indicatorId = indicatorId;
        if (featureId) filter.featureId = featureId;
        else filter.unitId = unitId;
        const std::vector<L::ProgressEntry> latest = store_->progress().latest(filter);
        if (!latest.empty()) {
            const L::ProgressEntry& e = latest.front();
            row.achieved = formatTarget(e.value, e.numerator, e.denominator);
            const auto ymd = e.asOf;
            row.asOf = QDate(int(ymd.year()), int(unsigned(ymd.month())), int(unsigned(ymd.day())));
            row.illustrative = row.illustrative || e.illustrative;
            if (e.numerator && tn && *tn > 0) row.percent = 100.0 * *e.numerator / *tn;
            else if (e.value && tv && *tv != 0) row.percent = 100.0 * *e.value / *tv;
        }
        out.push_back(std::move(row));
    }
}

FeatureDetails StoreProjectData::details(const MapLayer& layer, qint64 featureId) const
{
    FeatureDetails d;
    d.layerTitle = layer.title;
    d.illustrative = layer.illustrative;
    d.attributes = cachedAttributes(layer, featureId);
    if (layer.toolLayer) return layer.toolDetails ? layer.toolDetails(featureId) : d;
    const QString newGen = tr("từ 01/7/2025");
    const QString oldGen = tr("trước 01/7/2025");

    const bool isUnitLayer = L::io::findUnitLayer(layer.key.toStdString()) != nullptr;
    if (isUnitLayer) {
        const auto u = store_->units().get(featureId, false);
        if (!u) return d;
        d.title = unitLabel(*u);
        d.illustrative = u->illustrative;
        d.units = unitLinks(u->id);
        addIndicators(u->id, std::nullopt, u->id, d.indicators);
        // Targets the plan gave to the units this one was formed from.
        for (const L::CrosswalkLink& c : store_->units().predecessorsOf(u->id)) {
            const std::size_t first = d.indicators.size();
            addIndicators(c.oldUnitId, std::nullopt, c.oldUnitId, d.indicators);
            const QString via = unitDisplayName(c.oldUnitId) + QStringLiteral(" (") + oldGen + QLatin1Char(')');
            for (std::size_t i = first; i < d.indicators.size(); ++i) d.indicators[i].via = via;
        }
        return d;
    }

    const auto f = store_->features().get(featureId);
    if (!f) return d;
    d.title = f->name ? q(*f->name) : layer.title;
    d.illustrative = f->illustrative;
    if (f->communeId) addUnitChain(*f->communeId, newGen, d.units);
    if (f->communeOldId) addUnitChain(*f->communeOldId, oldGen, d.units);
    addIndicators(std::nullopt, f->id, f->communeId, d.indicators);
    return d;
}

std::vector<std::pair<QString, QString>> cachedAttributes(const MapLayer& layer, qint64 featureId)
{
    std::vector<std::pair<QString, QString>> out;
    if (!layer.cache) return out;
    const int row = featureRow(*layer.cache, featureId);
    if (row < 0) return out;
    const auto& names = layer.cache->fieldNames();
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (layer.hiddenFields.contains(names[i])) continue;
        const QVariant& v = layer.cache->attribute(std::size_t(row), int(i));
        if (v.isNull()) continue;
        out.emplace_back(layer.fieldTitle(names[i]), layer.valueText(names[i], v));
    }
    return out;
}

} // namespace planmap::gui
