#include "planmap/layers/print/PrintContext.h"

#include "planmap/layers/progress/Rollup.h"
#include "planmap/layers/project/ProjectLayers.h"
#include "planmap/layers/store/ProjectStore.h"
#include "planmap/layers/text/SearchKey.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace planmap::layers::print {

namespace {

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

std::string key(const QString& s)
{
    return searchKey(s.toStdString());
}

QDate toQDate(const Date& d)
{
    return QDate(int(d.year()), int(unsigned(d.month())), int(unsigned(d.day())));
}

/// The first "ngày D/M/YYYY" of a text (the plan's date as its catalogue writes it).
QDate dateIn(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("ng\\x{00E0}y\\s+(\\d{1,2})\\s*/\\s*(\\d{1,2})\\s*/\\s*(\\d{4})"),
                                       QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(text.normalized(QString::NormalizationForm_C));
    if (!m.hasMatch()) return {};
    return QDate(m.captured(3).toInt(), m.captured(2).toInt(), m.captured(1).toInt());
}

/// Indicator tables from the roll-up engine, computed once when the context is loaded.
class RollupIndicatorSource : public IndicatorSource {
public:
    explicit RollupIndicatorSource(std::vector<progress::IndicatorRollup> rollups) : rollups_(std::move(rollups)) {}

    std::vector<IndicatorLine> indicators(const std::optional<std::int64_t>& unitId) const override
    {
        std::vector<IndicatorLine> out;
        for (const progress::IndicatorRollup& r : rollups_) {
            const progress::UnitRollup* u = unitId ? r.at(*unitId) : r.province();
            if (!u || (!u->value && !u->target)) continue;
            IndicatorLine line;
            line.code = q(r.code);
            line.name = q(r.name);
            if (r.unitOfMeasure) line.unitOfMeasure = q(*r.unitOfMeasure);
            line.target = u->target;
            line.achieved = u->value;
            line.percent = u->percentOfTarget;
            if (r.aggregation == Aggregation::Ratio) {
                line.targetNumerator = u->targetNumerator;
                line.targetDenominator = u->targetDenominator;
                line.numerator = u->numerator;
                line.denominator = u->denominator;
            }
            if (u->asOf) line.asOf = toQDate(*u->asOf);
            line.illustrative = u->illustrative;
            out.push_back(std::move(line));
        }
        return out;
    }

private:
    std::vector<progress::IndicatorRollup> rollups_;
};

/// A source without its details: the text before the first "; " outside
/// parentheses or " — " ("plan_2023_named_features.csv (DA04…); vị trí gần
/// đúng…" → "plan_2023_named_features.csv (DA04…)").
QString shortSource(const QString& text)
{
    int depth = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == QLatin1Char('(')) ++depth;
        else if (c == QLatin1Char(')')) depth = std::max(0, depth - 1);
        else if (depth == 0 && c == QLatin1Char(';')) return text.left(i).trimmed();
        else if (c == QChar(0x2014)) return text.left(i).trimmed();
    }
    return text.trimmed();
}

QStringList distinctSources(Connection& c, const std::string& sql, const std::vector<std::string>& params)
{
    auto s = c.prepare(sql);
    for (std::size_t i = 0; i < params.size(); ++i) s->bindText(int(i) + 1, params[i]);
    QStringList out;
    while (s->step()) {
        if (s->isNull(0)) continue;
        const QString source = shortSource(q(s->columnText(0)));
        if (!source.isEmpty() && !out.contains(source)) out << source;
    }
    // Sources differing only in a parenthesised detail ("file.csv (A)",
    // "file.csv (B)") are named once ("file.csv").
    QStringList merged;
    for (const QString& source : out) {
        const qsizetype paren = source.indexOf(QStringLiteral(" ("));
        const QString stem = paren > 0 ? source.left(paren) : source;
        const bool shared = paren > 0 && std::count_if(out.begin(), out.end(), [&](const QString& o) {
                                             return o.startsWith(stem + QStringLiteral(" ("));
                                         }) > 1;
        const QString name = shared ? stem : source;
        if (!merged.contains(name)) merged << name;
    }
    return merged;
}

std::vector<PrintUnit> units(ProjectStore& store, UnitLevel level, const std::optional<std::string>& generation,
                             const PrintLayer* layer)
{
    std::unordered_map<std::int64_t, std::size_t> rows;
    if (layer && layer->layer.cache)
        for (std::size_t i = 0; i < layer->layer.cache->featureCount(); ++i) rows[layer->layer.cache->featureId(i)] = i;
    std::vector<PrintUnit> out;
    for (const AdminUnit& u : store.units().list(level, generation)) {
        PrintUnit p;
        p.id = u.id;
        p.code = u.code ? q(*u.code) : QString();
        p.name = q(u.name);
        p.fullName = u.fullName && !u.fullName->empty()
                         ? q(*u.fullName)
                         : q(std::string(vietnameseName(u.type))) + QLatin1Char(' ') + p.name;
        p.level = u.level;
        p.generation = q(u.generation);
        if (layer) {
            p.layerKey = layer->key;
            if (const auto it = rows.find(u.id); it != rows.end()) p.extent = layer->layer.cache->featureBounds(it->second);
        }
        out.push_back(std::move(p));
    }
    return out;
}

} // namespace

QString officialDate(const QDate& date)
{
    if (!date.isValid()) return {};
    const QString day = QStringLiteral("%1").arg(date.day(), 2, 10, QLatin1Char('0'));
    const QString month = date.month() <= 2 ? QStringLiteral("%1").arg(date.month(), 2, 10, QLatin1Char('0'))
                                            : QString::number(date.month());
    return day + QLatin1Char('/') + month + QLatin1Char('/') + QString::number(date.year());
}

QString formatDateVi(const QDate& date)
{
    return date.isValid() ? date.toString(QStringLiteral("dd/MM/yyyy")) : QString();
}

QString formatNumberVi(double value, int decimals)
{
    if (!std::isfinite(value)) return QStringLiteral("–");
    decimals = std::clamp(decimals, 0, 9);
    QString s = QString::number(std::abs(value), 'f', decimals);
    if (s.contains(QLatin1Char('.'))) {
        while (s.endsWith(QLatin1Char('0'))) s.chop(1);
        if (s.endsWith(QLatin1Char('.'))) s.chop(1);
    }
    const qsizetype dot = s.indexOf(QLatin1Char('.'));
    const QString intPart = dot >= 0 ? s.left(dot) : s;
    const QString frac = dot >= 0 ? s.mid(dot + 1) : QString();
    QString out;
    for (qsizetype i = 0; i < intPart.size(); ++i) {
        out.append(intPart[i]);
        const qsizetype rest = intPart.size() - 1 - i;
        if (rest > 0 && rest % 3 == 0) out.append(QLatin1Char('.'));
    }
    if (!frac.isEmpty()) out += QLatin1Char(',') + frac;
    if (value < 0 && out != QLatin1String("0")) out.prepend(QLatin1Char('-'));
    return out;
}

QString PlanInfo::title() const
{
    if (reference.isEmpty()) return programName;
    return date.isValid() ? reference + QStringLiteral(" ngày ") + officialDate(date) : reference;
}

const PrintLayer* PrintContext::layer(const QString& key) const
{
    for (const PrintLayer& l : layers)
        if (l.key == key) return &l;
    return nullptr;
}

render::Extent PrintContext::fullExtent() const
{
    render::Extent e;
    for (const PrintLayer& l : layers)
        if (l.layer.cache) e.expand(l.layer.cache->extent());
    return e;
}

std::vector<const PrintUnit*> PrintContext::matchingUnits(const QString& text) const
{
    std::vector<const PrintUnit*> out;
    const QString code = text.trimmed();
    const std::string k = key(text);
    const auto consider = [&](const PrintUnit& u) {
        if ((!u.code.isEmpty() && u.code == code) || key(u.fullName) == k || key(u.name) == k) out.push_back(&u);
    };
    if (province) consider(*province);
    for (const PrintUnit& u : districts) consider(u);
    for (const PrintUnit& u : communes) consider(u);
    return out;
}

const PrintUnit* PrintContext::findUnit(const QString& text, std::optional<UnitLevel> level) const
{
    const QString code = text.trimmed();
    const std::string k = key(text);
    if (k.empty()) return nullptr;
    std::vector<const PrintUnit*> all;
    if (province) all.push_back(&*province);
    for (const PrintUnit& u : districts) all.push_back(&u);
    for (const PrintUnit& u : communes) all.push_back(&u);
    if (level) std::erase_if(all, [&](const PrintUnit* u) { return u->level != *level; });
    // Codes, then full names, then names; the first level wins a tie.
    for (const PrintUnit* u : all)
        if (!u->code.isEmpty() && u->code == code) return u;
    for (const PrintUnit* u : all)
        if (key(u->fullName) == k) return u;
    for (const PrintUnit* u : all)
        if (key(u->name) == k) return u;
    return nullptr;
}

QString PrintContext::sourcesText() const
{
    std::vector<std::pair<QString, QStringList>> groups;  // source → layer titles, in order of appearance
    for (auto it = layers.rbegin(); it != layers.rend(); ++it) {
        if (!it->layer.visible) continue;
        for (const QString& source : it->sources) {
            auto g = std::find_if(groups.begin(), groups.end(), [&](const auto& x) { return x.first == source; });
            if (g == groups.end()) g = groups.insert(groups.end(), {source, {}});
            if (!g->second.contains(it->title)) g->second << it->title;
        }
    }
    QStringList parts;
    for (const auto& [source, titles] : groups)
        parts << source + QStringLiteral(" [") + titles.join(QStringLiteral("; ")) + QLatin1Char(']');
    return parts.join(QStringLiteral(" · "));
}

QString PrintContext::expand(const QString& text, const std::map<QString, QString>& pageValues) const
{
    if (!text.contains(QLatin1Char('{'))) return text;
    std::map<QString, QString> values{
        {QStringLiteral("plan"), plan.title()},
        {QStringLiteral("plan_reference"), plan.reference},
        {QStringLiteral("plan_date"), officialDate(plan.date)},
        {QStringLiteral("program"), plan.programName},
        {QStringLiteral("project"), projectName},
        {QStringLiteral("province"), province ? province->fullName : projectName},
        {QStringLiteral("unit"), province ? province->fullName : projectName},
        {QStringLiteral("date"), formatDateVi(printDate)},
        {QStringLiteral("crs"), QString::fromStdString(displayCrs.label())},
        {QStringLiteral("page"), QStringLiteral("1")},
        {QStringLiteral("pages"), QStringLiteral("1")},
    };
    values[QStringLiteral("sources")] = sourcesText();
    for (const auto& [k, v] : pageValues) values[k] = v;

    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == QLatin1Char('{')) {
            const qsizetype end = text.indexOf(QLatin1Char('}'), i + 1);
            if (end > i) {
                const auto it = values.find(text.mid(i + 1, end - i - 1));
                if (it != values.end()) {
                    out += it->second;
                    i = end;
                    continue;
                }
            }
        }
        out += text[i];
    }
    return out;
}

PrintContext loadPrintContext(ProjectStore& store, const LoadOptions& options)
{
    const ProjectMetadata meta = store.metadata();
    const QString crsText = options.crs.isEmpty() ? q(meta.defaultCrs) : options.crs;
    PrintContext ctx(geo::Crs::fromUserInput(crsText.toStdString()));
    ctx.projectName = q(meta.name);

    // Layers, bottom first, with the screen's default styles.
    std::vector<project::ProjectLayer> layers = project::projectLayers(store);
    std::reverse(layers.begin(), layers.end());
    Connection& c = store.connection();
    for (project::ProjectLayer& pl : layers) {
        PrintLayer l;
        l.key = pl.key;
        l.title = pl.title;
        render::LayerCacheOptions cacheOptions;
        const bool isUnitLayer = pl.key == QLatin1String(project::kProvinceLayer) ||
                                 pl.key == QLatin1String(project::kDistrictsLayer) ||
                                 pl.key == QLatin1String(project::kCommunesLayer);
        auto cache = render::LayerCache::build(*pl.source, ctx.displayCrs, cacheOptions);
        l.layer.name = pl.title;
        // The style and visibility saved in the project (as on screen), else the defaults.
        l.layer.style = pl.style(cache->kind());
        l.layer.visible = pl.visible;
        l.layer.cache = cache;
        l.illustrativeField = cache->fieldIndex(QStringLiteral("illustrative"));
        if (!options.includeIllustrative && pl.illustrative && !isUnitLayer) l.layer.visible = false;
        if (pl.key == QLatin1String(project::kProvinceLayer))
            l.sources = distinctSources(c, "SELECT DISTINCT source FROM admin_units WHERE level = 'province' AND geom IS NOT NULL", {});
        else if (pl.key == QLatin1String(project::kDistrictsLayer))
            l.sources = distinctSources(c, "SELECT DISTINCT source FROM admin_units WHERE level = 'district' AND generation = ?",
                                        {std::string(kGenerationPre2025)});
        else if (pl.key == QLatin1String(project::kCommunesLayer))
            l.sources = distinctSources(c, "SELECT DISTINCT source FROM admin_units WHERE level = 'commune' AND generation = ?",
                                        {std::string(kGeneration2025)});
        else {
            const LayerInfo& info = store.features().layer(pl.key.toStdString());
            if (info.source) l.sources << shortSource(q(*info.source));
            else l.sources = distinctSources(c, "SELECT DISTINCT source FROM " + quoteIdentifier(info.table) + " ORDER BY source", {});
        }
        ctx.layers.push_back(std::move(l));
    }

    // Units pages can be zoomed to.
    if (auto p = units(store, UnitLevel::Province, std::nullopt, ctx.layer(QString::fromLatin1(project::kProvinceLayer)));
        !p.empty())
        ctx.province = p.front();
    ctx.districts = units(store, UnitLevel::District, std::string(kGenerationPre2025),
                          ctx.layer(QString::fromLatin1(project::kDistrictsLayer)));
    ctx.communes = units(store, UnitLevel::Commune, std::string(kGeneration2025),
                         ctx.layer(QString::fromLatin1(project::kCommunesLayer)));
    if (ctx.province && ctx.province->extent.isEmpty()) ctx.province->extent = ctx.fullExtent();

    // The plan: the first root of the catalogue.
    for (const PlanNode& root : store.plan().children(std::nullopt)) {
        ctx.plan.programName = q(root.name);
        if (root.planReference) ctx.plan.reference = q(*root.planReference).section(QLatin1Char(';'), 0, 0).trimmed();
        ctx.plan.date = dateIn(q(root.description.value_or(std::string())));
        if (!ctx.plan.date.isValid()) ctx.plan.date = dateIn(ctx.plan.programName);
        break;
    }

    progress::RollupEngine engine(store.connection());
    ctx.indicators = std::make_shared<RollupIndicatorSource>(engine.rollupAll());
    return ctx;
}

} // namespace planmap::layers::print
