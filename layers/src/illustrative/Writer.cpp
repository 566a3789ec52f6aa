// Writes what the stages generated: features of the six layers, their links
// to the roles' indicators, illustrative progress entries, and each layer's
// illustrative summary.
#include "Workspace.h"

#include "planmap/layers/store/ProjectStore.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <set>
#include <tuple>

namespace planmap::layers::illustrative::detail {

namespace {

std::string padded(int number, int width)
{
    std::string digits = std::to_string(number);
    if (static_cast<int>(digits.size()) < width) digits.insert(0, static_cast<std::size_t>(width) - digits.size(), '0');
    return digits;
}

int widthFor(std::size_t count, int minimum)
{
    return std::max(minimum, static_cast<int>(std::to_string(count).size()));
}

double round2(double v) { return std::round(v * 100.0) / 100.0; }

std::string kebab(std::string_view code)
{
    std::string s(code);
    std::replace(s.begin(), s.end(), '_', '-');
    return s;
}

/// The name of a facility kind in generated names.
std::string facilityTitle(std::string_view kind)
{
    if (kind == "health_station") return "Trạm y tế";
    if (kind == "kindergarten") return "Trường mầm non";
    if (kind == "primary_school") return "Trường tiểu học";
    if (kind == "lower_secondary_school") return "Trường THCS";
    if (kind == "semi_boarding_school") return "Trường PTDTBT THCS";
    if (kind == "upper_secondary_school") return "Trường THPT";
    if (kind == "cultural_house") return "Nhà văn hóa";
    return "Cơ sở";
}

Date dateOf(int year, unsigned month, unsigned day) { return makeDate(year, month, day); }

/// Entry times derive from the as-of date (never the clock): 09:00 UTC three days later.
Timestamp enteredFor(Date asOf)
{
    return std::chrono::sys_days(asOf) + std::chrono::days(3) + std::chrono::hours(9);
}

class Writer {
public:
    explicit Writer(Workspace& ws) : ws_(ws), source_(illustrativeSource(ws.options.seed)) {}

    void run()
    {
        ws_.announce("writing features");
        buildVillages();
        buildRoads();
        buildForests();
        buildFacilities();
        buildMarkets();
        buildProjects();
        ids_ = ws_.store.features().insertMany(features_);
        ws_.announce("linking features to indicators");
        link();
        ws_.announce("writing progress entries");
        progress();
        summaries();
    }

private:
    Feature base(std::string_view layer, std::string key, std::string name)
    {
        Feature f;
        f.layer = std::string(layer);
        f.userKey = std::string(kKeyPrefix) + key;
        f.name = std::move(name);
        f.illustrative = true;
        f.source = source_;
        return f;
    }

    /// Sets the geometry (longitude/latitude) and files the feature under the
    /// 2025 commune that covers its representative point (GEOS point on
    /// surface), as the project's checks locate features: lines and plots
    /// that leave their commune are filed where that point lies, with an old
    /// commune that went into it.
    std::pair<int, int> place(Feature& f, const geo::Geometry& lonlat, int commune, int old)
    {
        const geo::XY xy = lonlat.pointOnSurface().envelope().center();
        auto covers = [&](int c) { return ws_.communes[static_cast<std::size_t>(c)].lonlatPrepared->covers(xy.x, xy.y); };
        if (commune < 0 || !covers(commune)) {
            int found = -1;
            for (std::size_t c = 0; c < ws_.communes.size() && found < 0; ++c)
                if (ws_.communes[c].lonlat.envelope().contains(xy.x, xy.y) && covers(static_cast<int>(c))) found = static_cast<int>(c);
            if (found != commune) {
                commune = found;
                old = commune >= 0 ? oldWithin(commune, old, ws_.toWorkPoint(xy.x, xy.y)) : -1;
            }
        }
        if (commune >= 0) f.communeId = ws_.communes[static_cast<std::size_t>(commune)].id;
        if (old >= 0 && !ws_.olds[static_cast<std::size_t>(old)].synthetic) f.communeOldId = ws_.olds[static_cast<std::size_t>(old)].id;
        f.geometry = lonlat.toWkb();
        return {commune, old};
    }

    /// `old` if it went into the commune, else the old commune of the
    /// commune's village nearest to p (-1 when it has none).
    int oldWithin(int commune, int old, Pt p) const
    {
        const NewCommune& c = ws_.communes[static_cast<std::size_t>(commune)];
        if (old >= 0) {
            const OldCommune& o = ws_.olds[static_cast<std::size_t>(old)];
            if (o.synthetic ? o.newCommune == commune
                            : std::find(c.predecessors.begin(), c.predecessors.end(), old) != c.predecessors.end())
                return old;
        }
        int best = -1;
        double bestDistance = 0;
        for (const int v : c.villages) {
            const double d = distance(ws_.villages[static_cast<std::size_t>(v)].p, p);
            if (best < 0 || d < bestDistance) {
                best = ws_.villages[static_cast<std::size_t>(v)].old;
                bestDistance = d;
            }
        }
        return best;
    }

    geo::Geometry lonlatPoint(Pt p) const { return ws_.toStorage(geo::Geometry::point(p.x, p.y)); }

    /// Multi* geometries for the Multi* layers, so the point on surface is
    /// computed on what the store keeps.
    static geo::Geometry multi(geo::Geometry g)
    {
        if (g.type() == geo::GeometryType::MultiLineString || g.type() == geo::GeometryType::MultiPolygon) return g;
        std::vector<geo::Geometry> parts;
        parts.push_back(std::move(g));
        return geo::Geometry::collect(std::move(parts));
    }

    std::string marked(int number, int width) const { return std::string(kNameMarker) + "-" + padded(number, width); }

    void buildVillages()
    {
        const int width = widthFor(ws_.villages.size(), 4);
        villageStart_ = features_.size();
        for (const Village& v : ws_.villages) {
            Feature f = base("villages", "thon-" + padded(v.number, width), "Thôn " + marked(v.number, width));
            place(f, lonlatPoint(v.p), v.commune, v.old);
            f.attributes = {{"dbkk", std::int64_t{v.dbkk ? 1 : 0}},
                            {"ethnic_minority_area", std::int64_t{v.area}},
                            {"road_status", v.roadStatus},
                            {"has_grid_power", std::int64_t{v.gridPower ? 1 : 0}},
                            {"population", std::int64_t{v.population}},
                            {"households", std::int64_t{v.households}},
                            {"poor_households", std::int64_t{v.poorHouseholds}}};
            features_.push_back(std::move(f));
        }
    }

    void buildRoads()
    {
        const int width = widthFor(ws_.edges.size(), 4);
        for (RoadEdge& e : ws_.edges) {
            Feature f = base("roads", "duong-" + padded(e.number, width), "Đường " + marked(e.number, width));
            std::vector<double> xy;
            for (const Pt& p : e.line) {
                xy.push_back(p.x);
                xy.push_back(p.y);
            }
            const geo::Geometry lonlat = multi(ws_.toStorage(geo::Geometry::lineString(xy)));
            e.lengthKm = ws_.geodesic.length(lonlat) / 1000.0;
            place(f, lonlat, e.commune, e.old);
            f.attributes = {{"surface", std::string(e.hardened ? "hardened" : "unhardened")},
                            {"road_class", e.roadClass},
                            {"length_km", round2(e.lengthKm)},
                            {"width_m", e.widthM}};
            ws_.report.roadKm += e.lengthKm;
            if (e.hardened) ws_.report.roadKmHardened += e.lengthKm;
            ++ws_.report.roadsByClass[e.roadClass];
            features_.push_back(std::move(f));
        }
        ws_.report.roads = static_cast<int>(ws_.edges.size());
    }

    void buildForests()
    {
        const int width = widthFor(ws_.plots.size(), 4);
        plotStart_ = features_.size();
        for (ForestPlot& p : ws_.plots) {
            Feature f = base("forests", "rung-" + padded(p.number, width), "Lô rừng " + marked(p.number, width));
            std::tie(p.commune, p.old) = place(f, multi(ws_.toStorage(p.geom)), p.commune, p.old);
            f.attributes = {{"forest_type", p.forestType},
                            {"origin", p.origin},
                            {"holder", p.holder},
                            {"contract_year", std::int64_t{p.contractYear}},
                            {"area_ha", round2(p.ha)},
                            {"sub_zone", p.subZone},
                            {"compartment", p.compartment},
                            {"plot", p.plot}};
            features_.push_back(std::move(f));
        }
    }

    void buildFacilities()
    {
        std::map<std::string, std::size_t> perKind;
        for (const Facility& facility : ws_.facilities) ++perKind[facility.kind];
        for (const Facility& facility : ws_.facilities) {
            const int width = widthFor(perKind[facility.kind], 3);
            Feature f = base("facilities", kebab(facility.kind) + "-" + padded(facility.number, width),
                             facilityTitle(facility.kind) + " " + marked(facility.number, width));
            place(f, lonlatPoint(facility.p), facility.commune, facility.old);
            f.attributes = {{"kind", facility.kind}, {"meets_national_standard", std::int64_t{facility.meetsStandard ? 1 : 0}}};
            features_.push_back(std::move(f));
        }
    }

    void buildMarkets()
    {
        const int width = widthFor(ws_.markets.size(), 3);
        for (const Market& m : ws_.markets) {
            Feature f = base("markets", "cho-" + padded(m.number, width), "Chợ " + marked(m.number, width));
            place(f, lonlatPoint(m.p), m.commune, m.old);
            f.attributes = {{"status", std::string("existing")},
                            {"approximate_location", std::int64_t{0}},
                            {"market_class", std::int64_t{m.marketClass}}};
            features_.push_back(std::move(f));
        }
    }

    void buildProjects()
    {
        const int width = widthFor(ws_.projects.size(), 3);
        projectStart_ = features_.size();
        for (const Project& p : ws_.projects) {
            Feature f = base("projects", "cong-trinh-" + padded(p.number, width), p.action + " " + marked(p.number, width));
            place(f, p.line ? ws_.toStorage(*p.line) : lonlatPoint(p.p), p.commune, p.old);
            const std::string investor = p.commune >= 0
                ? "UBND " + ws_.communes[static_cast<std::size_t>(p.commune)].fullName + " (minh họa)"
                : std::string("Chủ đầu tư minh họa");
            f.attributes = {{"project_type", p.type},
                            {"status", p.status},
                            {"budget_million_vnd", p.budget},
                            {"start_date", p.start ? Value(*p.start) : Value()},
                            {"end_date", p.end ? Value(*p.end) : Value()},
                            {"investor", investor}};
            features_.push_back(std::move(f));
        }
    }

    std::int64_t indicatorId(Role role) const { return ws_.roleIndicators.at(role).indicator.node.id; }

    void link()
    {
        const std::string note = "liên kết minh họa (" + source_ + ")";
        PlanCatalogue& plan = ws_.store.plan();
        for (std::size_t i = 0; i < ws_.plots.size(); ++i)
            if (ws_.hasIndicator(ws_.plots[i].role)) {
                plan.linkFeature(ids_[plotStart_ + i], indicatorId(ws_.plots[i].role), note);
                ++ws_.report.featureIndicatorLinks;
            }
        for (std::size_t i = 0; i < ws_.projects.size(); ++i)
            if (ws_.projects[i].role && ws_.hasIndicator(*ws_.projects[i].role)) {
                plan.linkFeature(ids_[projectStart_ + i], indicatorId(*ws_.projects[i].role), note);
                ++ws_.report.featureIndicatorLinks;
            }
    }

    ProgressEntry entry(std::int64_t indicator, Date asOf, const std::string& note) const
    {
        ProgressEntry e;
        e.indicatorId = indicator;
        e.asOf = asOf;
        e.sourceDocument = source_;
        e.author = std::string(kProgressAuthor);
        e.enteredAt = enteredFor(asOf);
        e.note = note;
        e.illustrative = true;
        return e;
    }

    /// The unit an old commune's progress is recorded at: the pre-2025
    /// commune, or the 2025 commune standing in for it.
    std::int64_t unitOf(const OldCommune& o) const
    {
        return o.synthetic ? ws_.communes[static_cast<std::size_t>(o.newCommune)].id : o.id;
    }

    void progress()
    {
        const int year = ws_.year;
        const Date mid = dateOf(year, 6, 30), late = dateOf(year, 11, 30);
        const std::string note = "Tiến độ minh họa, không phải số liệu báo cáo thật.";
        Rng rng(ws_.options.seed, "progress");

        if (ws_.hasIndicator(Role::VillageRoads)) {
            const std::int64_t id = indicatorId(Role::VillageRoads);
            for (const OldCommune& o : ws_.olds) {
                if (o.villages.empty()) continue;
                int hardened = 0;
                for (const int v : o.villages)
                    if (ws_.villages[static_cast<std::size_t>(v)].roadStatus == "hardened") ++hardened;
                int earlier = hardened;
                for (int k = 0; k < hardened; ++k)
                    if (rng.chance(0.25)) --earlier;
                const double den = static_cast<double>(o.villages.size());
                ProgressEntry a = entry(id, mid, note), b = entry(id, late, note);
                a.unitId = b.unitId = unitOf(o);
                a.numerator = earlier;
                b.numerator = hardened;
                a.denominator = b.denominator = den;
                entries_.push_back(a);
                entries_.push_back(b);
            }
        }
        if (ws_.hasIndicator(Role::CommuneRoads)) {
            const std::int64_t id = indicatorId(Role::CommuneRoads);
            std::map<int, std::pair<int, int>> perDistrict; // district → (hardened centres, communes)
            for (const OldCommune& o : ws_.olds) {
                if (o.villages.empty() || o.synthetic || o.district < 0) continue;
                auto& [hardened, communes] = perDistrict[o.district];
                ++communes;
                if (o.hardenedCentre) ++hardened;
            }
            for (const auto& [district, counts] : perDistrict) {
                ProgressEntry a = entry(id, mid, note), b = entry(id, late, note);
                a.unitId = b.unitId = ws_.districts[static_cast<std::size_t>(district)].id;
                a.numerator = std::max(0, counts.first - (rng.chance(0.5) ? 1 : 0));
                b.numerator = counts.first;
                a.denominator = b.denominator = counts.second;
                entries_.push_back(a);
                entries_.push_back(b);
            }
        }
        for (const Role role : {Role::ForestProtectionContract, Role::ForestNaturalAssigned, Role::ForestRegeneration,
                                Role::ForestProductionPlanting, Role::ForestProtectionPlanting}) {
            if (!ws_.hasIndicator(role)) continue;
            const std::int64_t id = indicatorId(role);
            std::map<int, double> perOld;
            for (const ForestPlot& p : ws_.plots)
                if (p.role == role && p.old >= 0) perOld[p.old] += p.ha;
            for (const auto& [old, ha] : perOld) {
                const double done = round2(ha * rng.uniform(0.8, 1.0));
                ProgressEntry a = entry(id, mid, note), b = entry(id, late, note);
                a.unitId = b.unitId = unitOf(ws_.olds[static_cast<std::size_t>(old)]);
                a.value = round2(done * rng.uniform(0.4, 0.75));
                b.value = done;
                entries_.push_back(a);
                entries_.push_back(b);
            }
        }
        for (std::size_t i = 0; i < ws_.projects.size(); ++i) {
            const Project& p = ws_.projects[i];
            if (!p.role || !ws_.hasIndicator(*p.role) || p.status == "planned") continue;
            const bool km = *p.role == Role::RoadHardeningKm;
            const Date asOf = p.end ? parseIsoDate(*p.end) : late;
            ProgressEntry e = entry(indicatorId(*p.role), asOf, note);
            e.featureId = ids_[projectStart_ + i];
            e.value = km ? round2(p.km * p.completedShare) : (p.status == "completed" ? 1.0 : 0.0);
            entries_.push_back(e);
        }
        for (const std::string& code : ws_.options.progressIndicators) extraProgress(code, mid, late, note);

        ws_.store.progress().appendMany(entries_);
        ws_.report.progressEntries = static_cast<int>(entries_.size());
        std::map<std::int64_t, std::string> codes;
        for (const ProgressEntry& e : entries_) {
            auto it = codes.find(e.indicatorId);
            if (it == codes.end()) it = codes.emplace(e.indicatorId, ws_.store.plan().node(e.indicatorId)->code).first;
            ++ws_.report.progressEntriesByIndicator[it->second];
        }
    }

    /// Progress of any indicator: at its allocated units when the plan
    /// allocates it, else per district in proportion to the villages.
    void extraProgress(const std::string& code, Date mid, Date late, const std::string& note)
    {
        std::optional<Indicator> indicator = ws_.store.plan().indicatorByCode(code);
        if (!indicator) throw std::runtime_error("progress indicator '" + code + "' is not in the project's plan catalogue");
        const IndicatorSpec& spec = indicator->spec;
        const std::int64_t id = indicator->node.id;
        Rng rng(ws_.options.seed, "progress:" + code);

        struct Target {
            std::int64_t unit;
            std::optional<double> value, numerator, denominator;
        };
        std::vector<Target> targets;
        for (const Allocation& a : ws_.store.plan().allocations(id))
            targets.push_back({a.unitId, a.targetValue, a.targetNumerator, a.targetDenominator});
        if (targets.empty()) {
            std::map<int, int> perDistrict;
            int total = 0;
            for (const Village& v : ws_.villages) {
                const OldCommune& o = ws_.olds[static_cast<std::size_t>(v.old)];
                if (o.synthetic || o.district < 0) continue;
                ++perDistrict[o.district];
                ++total;
            }
            for (const auto& [district, villages] : perDistrict) {
                const double share = static_cast<double>(villages) / total;
                Target t{ws_.districts[static_cast<std::size_t>(district)].id, {}, {}, {}};
                const bool additive = spec.aggregation == Aggregation::Sum;
                if (spec.targetValue) t.value = additive ? *spec.targetValue * share : *spec.targetValue;
                if (spec.targetNumerator && spec.targetDenominator) {
                    t.denominator = std::max(1.0, std::round(*spec.targetDenominator * share));
                    t.numerator = *t.denominator * *spec.targetNumerator / *spec.targetDenominator;
                }
                targets.push_back(t);
            }
        }
        if (targets.empty())
            throw std::runtime_error("progress indicator '" + code
                                     + "': no allocated units and no districts with villages to record progress at");
        const bool whole = spec.targetValue && std::floor(*spec.targetValue) == *spec.targetValue;
        auto shape = [&](double v) { return whole ? std::round(v) : round2(v); };
        for (const Target& t : targets) {
            const double factor = rng.uniform(0.55, 1.1);
            const double earlier = rng.uniform(0.4, 0.75);
            ProgressEntry a = entry(id, mid, note), b = entry(id, late, note);
            a.unitId = b.unitId = t.unit;
            if (spec.aggregation == Aggregation::Ratio) {
                const double den = t.denominator.value_or(1.0);
                const double num = std::min(den, std::round(t.numerator.value_or(den) * factor));
                a.numerator = std::round(num * earlier);
                b.numerator = num;
                a.denominator = b.denominator = den;
            } else {
                double value = t.value.value_or(t.numerator && t.denominator ? 100.0 * *t.numerator / *t.denominator : 0.0);
                if (spec.aggregation == Aggregation::Percent) {
                    b.value = std::min(100.0, round2(value * rng.uniform(0.85, 1.04)));
                    a.value = round2(*b.value * rng.uniform(0.85, 0.98));
                } else {
                    b.value = shape(value * factor);
                    a.value = shape(*b.value * earlier);
                }
            }
            entries_.push_back(a);
            entries_.push_back(b);
        }
    }

    void summaries()
    {
        FeatureLayers& layers = ws_.store.features();
        for (const std::string_view layer : {builtin_layers::kVillages, builtin_layers::kRoads, builtin_layers::kForests,
                                             builtin_layers::kFacilities, builtin_layers::kMarkets, builtin_layers::kProjects}) {
            const std::int64_t total = layers.count(layer);
            const std::int64_t illustrative = layers.countIllustrative(layer);
            if (illustrative == 0) continue;
            std::string text = formatCount(illustrative) + (illustrative == total ? " (toàn bộ)" : " trên " + formatCount(total))
                + " đối tượng là dữ liệu MINH HỌA do 'planmap-cli generate illustrative' tạo (seed "
                + std::to_string(ws_.options.seed) + "), không phải số liệu thật: vị trí, tên (có chữ \"" + std::string(kNameMarker)
                + "\") và thuộc tính đều là giả định để trình diễn.";
            if (illustrative < total)
                text += " " + formatCount(total - illustrative) + " đối tượng còn lại không phải minh họa (lấy từ nguồn của dự án).";
            layers.setIllustrativeSummary(layer, text);
        }
    }

    Workspace& ws_;
    std::string source_;
    std::vector<Feature> features_;
    std::vector<std::int64_t> ids_;
    std::vector<ProgressEntry> entries_;
    std::size_t villageStart_ = 0, plotStart_ = 0, projectStart_ = 0;
};

} // namespace

void writeAll(Workspace& ws) { Writer(ws).run(); }

} // namespace planmap::layers::illustrative::detail
