#include "planmap/layers/analysis/ForestProtection.h"

#include "planmap/layers/plan/ProgressLog.h"
#include "planmap/layers/store/Connection.h"

#include "Parallel.h"
#include "ViFormat.h"

#include "planmap/geo/Geodesic.h"
#include "planmap/geo/GeometryValidity.h"
#include "planmap/geo/GeosContext.h"
#include "planmap/geo/PreparedGeometry.h"
#include "planmap/geo/SpatialIndex.h"

#include <geos_c.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <numeric>
#include <set>

namespace planmap::layers::analysis {

namespace {

bool listed(const std::vector<std::string>& values, const std::string& v) {
    return values.empty() || std::find(values.begin(), values.end(), v) != values.end();
}

/// A unit set (communes or districts) ready for splitting: units in (code, id)
/// order, valid geometries, an STRtree of their envelopes.
struct UnitSet {
    std::vector<const UnitPolygon*> units;   ///< by (code, id)
    std::vector<geo::Geometry> geometries;   ///< valid, same order
    geo::SpatialIndex index;
    bool illustrative = false;
};

void prepareUnits(const std::vector<UnitPolygon>& input, const char* what, UnitSet& set, std::vector<std::string>& notes,
                  const RunControl& control) {
    for (const UnitPolygon& u : input)
        if (!u.geometry.isEmpty()) set.units.push_back(&u);
    std::sort(set.units.begin(), set.units.end(), [](const UnitPolygon* a, const UnitPolygon* b) {
        return a->code != b->code ? a->code < b->code : a->id < b->id;
    });
    std::vector<std::optional<geo::Geometry>> valid(set.units.size());
    std::vector<std::string> problems(set.units.size());
    detail::parallelFor(set.units.size(), control, std::string("Kiểm tra ranh giới ") + what,
                        [&](std::size_t begin, std::size_t end, int) {
        for (std::size_t i = begin; i < end; ++i) {
            const UnitPolygon& u = *set.units[i];
            if (u.geometry.isValid()) continue;
            geo::RepairResult r = geo::repair(u.geometry);
            if (r.geometry) {
                valid[i] = std::move(*r.geometry);
                problems[i] = u.name + " (" + u.code + "): ranh giới không hợp lệ (" + r.report.problem +
                              "), đã sửa tạm để tính";
            } else {
                valid[i] = geo::Geometry::empty(geo::GeometryType::MultiPolygon);
                problems[i] = u.name + " (" + u.code + "): ranh giới không hợp lệ (" + r.report.problem +
                              "), không sửa được, bỏ qua";
            }
        }
    }, 16);
    set.geometries.reserve(set.units.size());
    for (std::size_t i = 0; i < set.units.size(); ++i) {
        set.geometries.push_back(valid[i] ? std::move(*valid[i]) : set.units[i]->geometry);
        if (!problems[i].empty()) notes.push_back(problems[i]);
        set.index.insert(static_cast<std::int64_t>(i), set.geometries.back().envelope());
        set.illustrative = set.illustrative || set.units[i]->illustrative;
    }
    set.index.build();
}

/// Per-thread prepared geometries of a unit set, made on first use.
class PreparedCache {
public:
    explicit PreparedCache(const UnitSet& set) : set_(set), prepared_(set.units.size()) {}
    const geo::PreparedGeometry& get(std::size_t i) {
        if (!prepared_[i]) prepared_[i] = std::make_unique<geo::PreparedGeometry>(set_.geometries[i]);
        return *prepared_[i];
    }

private:
    const UnitSet& set_;
    std::vector<std::unique_ptr<geo::PreparedGeometry>> prepared_;
};

/// The unit clipped to a window (GEOSClipByRect), or the whole unit if GEOS cannot.
geo::Geometry clipped(const geo::Geometry& unit, const geo::Envelope& window) {
    if (window.contains(unit.envelope())) return unit;
    GEOSGeometry* c = GEOSClipByRect_r(geo::geosContext(), unit.handle(), window.minx, window.miny, window.maxx, window.maxy);
    if (!c) return unit;
    return geo::Geometry::adopt(c);
}

/// Polygonal part of a geometry (an intersection may bring lines and points along).
double polygonalAreaHa(const geo::Geodesic& geodesic, const geo::Geometry& g) {
    if (g.isEmpty() || g.dimension() < 2) return 0.0;
    return geodesic.areaHectares(g);
}

/// Splits `plot` (area `plotHa`) by the units in order: pieces and the area outside all units.
void split(const geo::Geometry& plot, double plotHa, const UnitSet& set, PreparedCache& cache,
           const geo::Geodesic& geodesic, std::vector<PlotPiece>& pieces, double& outsideHa) {
    pieces.clear();
    std::vector<std::int64_t> candidates = set.index.query(plot.envelope());
    std::sort(candidates.begin(), candidates.end());
    std::optional<geo::Geometry> remaining;  // none = the whole plot
    for (const std::int64_t c : candidates) {
        const auto i = static_cast<std::size_t>(c);
        const geo::PreparedGeometry& unit = cache.get(i);
        const geo::Geometry& current = remaining ? *remaining : plot;
        if (!unit.intersects(current)) continue;
        if (unit.covers(current)) {
            pieces.push_back({set.units[i]->id, remaining ? polygonalAreaHa(geodesic, current) : plotHa});
            remaining = geo::Geometry::empty(geo::GeometryType::Polygon);
            break;
        }
        const geo::Envelope window = current.envelope().buffered(
            std::max(current.envelope().width(), current.envelope().height()) * 0.01 + 1e-9);
        const geo::Geometry part = clipped(set.geometries[i], window);
        const geo::Geometry piece = current.intersection(part);
        const double area = polygonalAreaHa(geodesic, piece);
        if (area > 0.0) pieces.push_back({set.units[i]->id, area});
        remaining = current.difference(part);
        if (remaining->isEmpty() || remaining->dimension() < 2) break;
    }
    if (!remaining) {
        outsideHa = plotHa;
        return;
    }
    outsideHa = polygonalAreaHa(geodesic, *remaining);
    // Make pieces + outside add up to the plot's geodesic area (see the header).
    double sum = outsideHa;
    for (const PlotPiece& p : pieces) sum += p.areaHa;
    if (sum > 0.0 && pieces.size() + (outsideHa > 0.0 ? 1 : 0) > 1) {
        const double scale = plotHa / sum;
        for (PlotPiece& p : pieces) p.areaHa *= scale;
        outsideHa *= scale;
    }
}

std::string ruleText(const ForestIndicatorRule& r) { return r.descriptionVi; }

void addTo(UnitForestTotal& t, const PlotResult& p, double ha) {
    t.total.add(ha, p.illustrative);
    t.byForestType[p.forestType].add(ha, p.illustrative);
    t.byHolder[p.holder].add(ha, p.illustrative);
    if (!p.indicatorCode.empty()) t.byIndicator[p.indicatorCode].add(ha, p.illustrative);
}

std::vector<UnitForestTotal> unitTotals(const UnitSet& set, const std::vector<PlotResult>& plots,
                                        std::vector<PlotPiece> PlotResult::*pieces) {
    std::vector<UnitForestTotal> totals(set.units.size());
    std::map<std::int64_t, std::size_t> position;
    for (std::size_t i = 0; i < set.units.size(); ++i) {
        const UnitPolygon& u = *set.units[i];
        totals[i].unit = UnitRef{u.id, u.code, u.name};
        totals[i].unitIllustrative = u.illustrative;
        totals[i].total.illustrative = u.illustrative;
        position[u.id] = i;
    }
    for (const PlotResult& p : plots) {
        for (const PlotPiece& piece : p.*pieces) {
            UnitForestTotal& t = totals[position.at(piece.unitId)];
            addTo(t, p, piece.areaHa);
        }
    }
    return totals;
}

} // namespace

bool ForestIndicatorRule::matches(const ForestPlot& plot, std::optional<int> indicatorYear) const {
    if (linkedOnly) return false;
    if (!listed(forestTypes, plot.forestType) || !listed(origins, plot.origin) || !listed(holders, plot.holder))
        return false;
    switch (contract) {
    case ContractCondition::Any: return true;
    case ContractCondition::Contracted: return plot.contractYear.has_value();
    case ContractCondition::ContractedInIndicatorYear:
        return plot.contractYear && *plot.contractYear == indicatorYear.value_or(defaultYear);
    }
    return false;
}

const std::vector<ForestIndicatorRule>& defaultForestIndicatorRules() {
    static const std::vector<ForestIndicatorRule> rules{
        {"DA03.1.CT04", "Khoanh nuôi có rừng trồng bổ sung: chỉ các lô được liên kết với chỉ tiêu", {}, {}, {},
         ContractCondition::Any, true, 2023},
        {"DA03.1.CT05", "Trồng rừng sản xuất: rừng sản xuất, rừng trồng, năm giao khoán = năm của chỉ tiêu",
         {"production"}, {"planted"}, {}, ContractCondition::ContractedInIndicatorYear, false, 2023},
        {"DA03.1.CT06", "Trồng rừng phòng hộ: rừng phòng hộ, rừng trồng, năm giao khoán = năm của chỉ tiêu",
         {"protection"}, {"planted"}, {}, ContractCondition::ContractedInIndicatorYear, false, 2023},
        {"DA03.1.CT03",
         "Bảo vệ rừng tự nhiên đã giao cho cộng đồng, hộ gia đình: rừng tự nhiên, phòng hộ hoặc sản xuất, chủ rừng "
         "là cộng đồng hoặc hộ gia đình",
         {"protection", "production"}, {"natural"}, {"community", "household"}, ContractCondition::Any, false, 2023},
        {"DA03.1.CT02", "Khoán bảo vệ rừng đặc dụng, phòng hộ: rừng đặc dụng hoặc phòng hộ có năm giao khoán",
         {"special_use", "protection"}, {}, {}, ContractCondition::Contracted, false, 2023},
    };
    return rules;
}

ForestResult analyzeForest(const ForestInputs& in, const ForestSettings& settings, const RunControl& control) {
    std::set<std::string> codes;
    for (const ForestIndicatorRule& r : settings.rules) {
        if (r.indicatorCode.empty()) throw AnalysisError("Forest indicator rule without an indicator code");
        if (!codes.insert(r.indicatorCode).second)
            throw AnalysisError("Forest indicator rule '" + r.indicatorCode + "' is given twice");
    }
    if (!(settings.overlapMinimumHa >= 0.0)) throw AnalysisError("Setting 'overlap minimum' must be >= 0 ha");

    ForestResult result;
    result.labels = in.labels;
    result.notes = in.notes;
    const geo::Geodesic geodesic;

    UnitSet communes, districts;
    prepareUnits(in.communes, "xã", communes, result.notes, control);
    prepareUnits(in.districts, "huyện", districts, result.notes, control);

    const int workers = detail::threadCount(control);
    std::vector<std::unique_ptr<PreparedCache>> communeCache, districtCache;
    for (int w = 0; w < workers; ++w) {
        communeCache.push_back(std::make_unique<PreparedCache>(communes));
        districtCache.push_back(std::make_unique<PreparedCache>(districts));
    }

    // Plots: validity, area, pieces, indicator.
    const std::size_t n = in.plots.size();
    result.plots.resize(n);
    std::vector<std::optional<geo::Geometry>> repaired(n);
    std::vector<std::string> plotNotes(n);
    detail::parallelFor(n, control, "Tính diện tích và chia lô rừng theo đơn vị hành chính",
                        [&](std::size_t begin, std::size_t end, int worker) {
        for (std::size_t i = begin; i < end; ++i) {
            const ForestPlot& plot = in.plots[i];
            PlotResult& r = result.plots[i];
            r.id = plot.id;
            r.key = plot.key;
            r.name = plot.name;
            r.forestType = plot.forestType;
            r.origin = plot.origin;
            r.holder = plot.holder;
            r.contractYear = plot.contractYear;
            r.recordedAreaHa = plot.recordedAreaHa;
            r.illustrative = plot.illustrative;
            const std::string label = "Lô rừng " + (plot.key.empty() ? "#" + std::to_string(plot.id) : plot.key);
            if (plot.geometry.isEmpty() || plot.geometry.dimension() < 2) {
                plotNotes[i] = label + ": không có hình vùng, không tính";
                continue;
            }
            if (!plot.geometry.isValid()) {
                geo::RepairResult fix = geo::repair(plot.geometry);
                if (!fix.geometry) {
                    plotNotes[i] = label + ": hình học không hợp lệ (" + fix.report.problem + "), không sửa được, không tính";
                    continue;
                }
                repaired[i] = std::move(*fix.geometry);
                r.repaired = true;
                plotNotes[i] = label + ": hình học không hợp lệ (" + fix.report.problem + "), đã sửa tạm để tính";
            }
            const geo::Geometry& g = repaired[i] ? *repaired[i] : plot.geometry;
            r.areaHa = polygonalAreaHa(geodesic, g);
            split(g, r.areaHa, communes, *communeCache[std::size_t(worker)], geodesic, r.communePieces, r.outsideCommunesHa);
            split(g, r.areaHa, districts, *districtCache[std::size_t(worker)], geodesic, r.districtPieces,
                  r.outsideDistrictsHa);

            // Indicator: a link first, else the first matching rule.
            for (const ForestIndicatorRule& rule : settings.rules) {
                if (std::find(plot.linkedIndicators.begin(), plot.linkedIndicators.end(), rule.indicatorCode) !=
                    plot.linkedIndicators.end()) {
                    r.indicatorCode = rule.indicatorCode;
                    r.indicatorBasis = "liên kết";
                    break;
                }
            }
            if (r.indicatorCode.empty()) {
                for (const ForestIndicatorRule& rule : settings.rules) {
                    const auto it = in.indicators.find(rule.indicatorCode);
                    const std::optional<int> year = it == in.indicators.end() ? std::nullopt : it->second.year;
                    if (rule.matches(plot, year)) {
                        r.indicatorCode = rule.indicatorCode;
                        r.indicatorBasis = "thuộc tính";
                        break;
                    }
                }
            }
        }
    }, 32);
    for (const std::string& note : plotNotes)
        if (!note.empty()) result.notes.push_back(note);

    // Overlaps between plots.
    if (settings.checkOverlaps) {
        result.overlapsChecked = true;
        geo::SpatialIndex plotIndex;
        plotIndex.reserve(n);
        for (std::size_t i = 0; i < n; ++i) {
            const geo::Geometry& g = repaired[i] ? *repaired[i] : in.plots[i].geometry;
            if (result.plots[i].areaHa > 0.0) plotIndex.insert(static_cast<std::int64_t>(i), g.envelope());
        }
        plotIndex.build();
        std::vector<std::vector<std::pair<std::size_t, std::size_t>>> found(static_cast<std::size_t>(workers));
        std::vector<std::vector<double>> foundArea(static_cast<std::size_t>(workers));
        detail::parallelFor(n, control, "Kiểm tra các lô rừng chồng lấn nhau",
                            [&](std::size_t begin, std::size_t end, int worker) {
            std::vector<std::int64_t> candidates;
            for (std::size_t i = begin; i < end; ++i) {
                if (!(result.plots[i].areaHa > 0.0)) continue;
                const geo::Geometry& a = repaired[i] ? *repaired[i] : in.plots[i].geometry;
                candidates.clear();
                plotIndex.query(a.envelope(), candidates);
                std::sort(candidates.begin(), candidates.end());
                for (const std::int64_t c : candidates) {
                    const auto j = static_cast<std::size_t>(c);
                    if (j <= i) continue;
                    const geo::Geometry& b = repaired[j] ? *repaired[j] : in.plots[j].geometry;
                    // Interiors meet in an area (not just a shared boundary).
                    const char rel = GEOSRelatePattern_r(geo::geosContext(), a.handle(), b.handle(), "2********");
                    if (rel != 1) continue;
                    const double ha = polygonalAreaHa(geodesic, a.intersection(b));
                    if (ha >= settings.overlapMinimumHa && ha > 0.0) {
                        found[std::size_t(worker)].push_back({i, j});
                        foundArea[std::size_t(worker)].push_back(ha);
                    }
                }
            }
        }, 64);
        std::vector<std::size_t> parent(n);
        std::iota(parent.begin(), parent.end(), std::size_t{0});
        auto root = [&parent](std::size_t x) {
            while (parent[x] != x) x = parent[x] = parent[parent[x]];
            return x;
        };
        for (std::size_t w = 0; w < found.size(); ++w) {
            for (std::size_t k = 0; k < found[w].size(); ++k) {
                const auto [i, j] = found[w][k];
                result.overlaps.push_back({in.plots[i].id, in.plots[j].id, foundArea[w][k],
                                           in.plots[i].illustrative || in.plots[j].illustrative});
                parent[root(i)] = root(j);
            }
        }
        std::sort(result.overlaps.begin(), result.overlaps.end(), [](const PlotOverlap& x, const PlotOverlap& y) {
            return std::tie(x.plotA, x.plotB) < std::tie(y.plotA, y.plotB);
        });
        // Double counting: per group of overlapping plots, the sum of their areas minus the area of their union.
        std::map<std::size_t, std::vector<std::size_t>> clusters;
        for (std::size_t w = 0; w < found.size(); ++w)
            for (const auto& [i, j] : found[w]) {
                clusters[root(i)];
            }
        for (std::size_t i = 0; i < n; ++i) {
            const auto it = clusters.find(root(i));
            if (it != clusters.end()) it->second.push_back(i);
        }
        for (const auto& [rootIndex, members] : clusters) {
            std::vector<geo::Geometry> parts;
            double sum = 0.0;
            for (const std::size_t i : members) {
                parts.push_back(repaired[i] ? *repaired[i] : in.plots[i].geometry);
                sum += result.plots[i].areaHa;
            }
            result.doubleCountedHa += std::max(0.0, sum - polygonalAreaHa(geodesic, geo::Geometry::unaryUnion(parts)));
        }
    }

    // Totals.
    for (const PlotResult& p : result.plots) {
        if (!(p.areaHa > 0.0)) continue;
        result.total.add(p.areaHa, p.illustrative);
        result.byForestType[p.forestType].add(p.areaHa, p.illustrative);
        result.byHolder[p.holder].add(p.areaHa, p.illustrative);
        result.outsideCommunesHa += p.outsideCommunesHa;
        result.outsideDistrictsHa += p.outsideDistrictsHa;
    }
    result.communes = unitTotals(communes, result.plots, &PlotResult::communePieces);
    result.districts = unitTotals(districts, result.plots, &PlotResult::districtPieces);

    for (const ForestIndicatorRule& rule : settings.rules) {
        IndicatorComparison c;
        const auto it = in.indicators.find(rule.indicatorCode);
        if (it != in.indicators.end()) c.indicator = it->second;
        c.indicator.code = rule.indicatorCode;
        c.inCatalogue = c.indicator.indicatorId.has_value();
        c.ruleVi = ruleText(rule);
        for (const PlotResult& p : result.plots)
            if (p.indicatorCode == rule.indicatorCode && p.areaHa > 0.0) c.computed.add(p.areaHa, p.illustrative);
        if (c.indicator.target && *c.indicator.target > 0.0) c.percentOfTarget = 100.0 * c.computed.ha / *c.indicator.target;
        result.indicators.push_back(std::move(c));
    }

    const std::size_t illustrativePlots = result.total.plots == 0 ? 0 : std::size_t(std::count_if(
        result.plots.begin(), result.plots.end(), [](const PlotResult& p) { return p.illustrative; }));
    if (illustrativePlots > 0)
        result.illustrativeSources.push_back("lô rừng: " + std::to_string(illustrativePlots) + "/" +
                                             std::to_string(result.plots.size()) + " minh họa");
    if (communes.illustrative) result.illustrativeSources.push_back("ranh giới xã (2025): có đơn vị minh họa");
    if (districts.illustrative) result.illustrativeSources.push_back("ranh giới huyện (2023): có đơn vị minh họa");
    result.illustrative = !result.illustrativeSources.empty();
    return result;
}

std::vector<std::int64_t> recordForestProgress(ProgressLog& log, const ForestResult& result,
                                               const ForestProgressOptions& options) {
    if (!options.asOf.ok()) throw AnalysisError("Forest progress: the as-of date is not a valid date");
    const auto& units = options.level == ProgressUnitLevel::Commune2025 ? result.communes : result.districts;
    std::vector<ProgressEntry> entries;
    for (const IndicatorComparison& c : result.indicators) {
        if (!c.inCatalogue) continue;
        for (const UnitForestTotal& u : units) {
            const auto it = u.byIndicator.find(c.indicator.code);
            if (it == u.byIndicator.end() || !(it->second.ha > 0.0) || !u.unit.id) continue;
            ProgressEntry e;
            e.indicatorId = *c.indicator.indicatorId;
            e.unitId = *u.unit.id;
            e.value = std::round(it->second.ha * 100.0) / 100.0;
            e.asOf = options.asOf;
            e.sourceDocument = options.sourceDocument;
            e.author = options.author;
            std::string note = "Diện tích tính từ bản đồ lô rừng (trắc địa, WGS 84), " + std::to_string(it->second.plots) +
                               " lô";
            if (options.note) note += "; " + *options.note;
            const bool illustrative = it->second.illustrative || u.unitIllustrative;
            if (illustrative) note += "; " + std::string(kIllustrativeNotice);
            e.note = note;
            e.illustrative = illustrative;
            entries.push_back(std::move(e));
        }
    }
    if (entries.empty()) return {};
    return log.appendMany(entries);
}

} // namespace planmap::layers::analysis
