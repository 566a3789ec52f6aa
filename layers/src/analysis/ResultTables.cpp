#include "planmap/layers/analysis/ResultExport.h"

#include "planmap/layers/store/Dates.h"

#include "ViFormat.h"

#include <cmath>

namespace planmap::layers::analysis {

namespace {

using geo::FieldType;
using geo::FieldValue;

FieldValue optionalReal(const std::optional<double>& v, int decimals = 1) {
    if (!v) return std::monostate{};
    const double scale = std::pow(10.0, decimals);
    return std::round(*v * scale) / scale;
}
FieldValue round(double v, int decimals) { return optionalReal(v, decimals); }
FieldValue optionalInt(const std::optional<std::int64_t>& v) {
    if (!v) return std::monostate{};
    return *v;
}
FieldValue flag(bool b) { return std::int64_t(b ? 1 : 0); }
FieldValue text(const std::string& s) { return s; }

/// Adds columns and keeps rows aligned with them.
class TableBuilder {
public:
    TableBuilder(std::string name, std::string titleVi) {
        table_.name = std::move(name);
        table_.titleVi = std::move(titleVi);
    }
    TableBuilder& column(std::string name, FieldType type, std::string titleVi, std::string unit = {}) {
        table_.columns.push_back({std::move(name), type, std::move(titleVi), std::move(unit)});
        return *this;
    }
    void row(std::vector<FieldValue> values, std::optional<geo::Geometry> geometry = std::nullopt) {
        values.resize(table_.columns.size());
        table_.rows.push_back(std::move(values));
        if (geometry) {
            table_.geometries.resize(table_.rows.size() - 1);
            table_.geometries.push_back(std::move(geometry));
        } else if (!table_.geometries.empty()) {
            table_.geometries.push_back(std::nullopt);
        }
    }
    ResultTable take(std::optional<geo::GeometryType> type = std::nullopt) {
        if (!table_.geometries.empty()) table_.geometries.resize(table_.rows.size());
        table_.geometryType = type;
        return std::move(table_);
    }

private:
    ResultTable table_;
};

std::string nowText() { return toIsoTimestamp(nowUtc()); }

void addIllustrative(ResultInfo& info, bool illustrative, const std::vector<std::string>& sources) {
    if (!illustrative) {
        info.lines.push_back({"Dữ liệu minh họa", "không"});
        return;
    }
    info.lines.push_back({"CẢNH BÁO", kIllustrativeNotice});
    for (const std::string& s : sources) info.lines.push_back({"Dữ liệu minh họa", s});
}

void addNotes(ResultInfo& info, const std::vector<std::string>& notes) {
    for (const std::string& n : notes) info.lines.push_back({"Ghi chú", n});
}

std::string pointServiceColumn(Service s) {
    switch (s) {
    case Service::Market: return "market";
    case Service::HealthStation: return "health";
    case Service::School: return "school";
    case Service::HardenedRoad: return "road";
    }
    return "service";
}

ResultTable summaryTable(const UnderservedResult& r, SummaryLevel level, const std::string& name, const std::string& title) {
    TableBuilder t(name, title);
    t.column("unit_id", FieldType::Integer, "Mã đơn vị trong dự án")
        .column("unit_code", FieldType::String, "Mã đơn vị hành chính (Tổng cục Thống kê)")
        .column("unit_name", FieldType::String, "Tên đơn vị")
        .column("villages", FieldType::Integer, "Số thôn", "thôn");
    for (const Service s : kServices) {
        const std::string key = pointServiceColumn(s);
        const std::string label(serviceLabelVi(s));
        t.column("beyond_" + key, FieldType::Integer, "Số thôn xa " + label + " hơn ngưỡng", "thôn");
        t.column("pct_beyond_" + key, FieldType::Real, "Tỷ lệ thôn xa " + label + " hơn ngưỡng", "%");
    }
    t.column("mean_score", FieldType::Real, "Điểm nhu cầu trung bình", "điểm")
        .column("max_score", FieldType::Real, "Điểm nhu cầu cao nhất", "điểm")
        .column("illustrative", FieldType::Integer, "Tính từ dữ liệu minh họa (1 = có)");
    for (const ThresholdSummary& s : summarize(r, level)) {
        const std::string unitName = s.unit.name.empty() ? std::string("(không xác định)") : s.unit.name;
        std::vector<FieldValue> row;
        row.push_back(optionalInt(s.unit.id));
        row.push_back(s.unit.code);
        row.push_back(unitName);
        row.push_back(std::int64_t(s.villages));
        for (const Service svc : kServices) {
            row.push_back(std::int64_t(s.beyond[serviceIndex(svc)]));
            row.push_back(round(100.0 * s.share(svc), 1));
        }
        row.push_back(round(s.meanScore, 2));
        row.push_back(round(s.maxScore, 2));
        row.push_back(flag(s.illustrative));
        t.row(std::move(row));
    }
    return t.take();
}

} // namespace

ResultTables toTables(const UnderservedResult& r) {
    ResultTables out;
    TableBuilder t("underserved_villages", "Thôn khó tiếp cận dịch vụ, xếp theo điểm nhu cầu");
    t.column("rank", FieldType::Integer, "Thứ hạng (1 = cần hỗ trợ nhất)")
        .column("village_id", FieldType::Integer, "Mã thôn trong dự án")
        .column("village", FieldType::String, "Tên thôn")
        .column("commune_2025", FieldType::String, "Xã (từ 01/7/2025)")
        .column("commune_2025_code", FieldType::String, "Mã xã (từ 01/7/2025)")
        .column("commune_old", FieldType::String, "Xã (trước 01/7/2025)")
        .column("commune_old_code", FieldType::String, "Mã xã (trước 01/7/2025)")
        .column("district_2023", FieldType::String, "Huyện (2023)")
        .column("district_2023_code", FieldType::String, "Mã huyện (2023)")
        .column("lon", FieldType::Real, "Kinh độ (WGS 84)", "độ")
        .column("lat", FieldType::Real, "Vĩ độ (WGS 84)", "độ")
        .column("population", FieldType::Integer, "Số nhân khẩu", "người")
        .column("dbkk", FieldType::Integer, "Đặc biệt khó khăn (1 = có)")
        .column("ethnic_area", FieldType::Integer, "Khu vực vùng DTTS (1, 2, 3)");
    for (const Service s : kPointServices) {
        const std::string key = pointServiceColumn(s);
        const std::string label(serviceLabelVi(s));
        t.column(key + "_m", FieldType::Real, "Khoảng cách đến " + label + " gần nhất (đường thẳng, trắc địa)", "m")
            .column(key + "_name", FieldType::String, label + " gần nhất (đường thẳng)")
            .column(key + "_network_m", FieldType::Real,
                    "Khoảng cách đến " + label + " gần nhất theo đường giao thông (gồm đoạn từ thôn ra đường)", "m")
            .column(key + "_network_name", FieldType::String, label + " gần nhất theo đường giao thông")
            .column(key + "_scored", FieldType::String, "Khoảng cách dùng để tính điểm (straight_line / network)");
    }
    t.column("road_m", FieldType::Real, "Khoảng cách đến đường đã cứng hóa gần nhất (điểm gần nhất trên tuyến)", "m")
        .column("road_name", FieldType::String, "Đường đã cứng hóa gần nhất")
        .column("score", FieldType::Real, "Điểm nhu cầu", "điểm")
        .column("score_breakdown", FieldType::String, "Chi tiết điểm (các thành phần cộng lại bằng điểm)")
        .column("illustrative", FieldType::Integer, "Tính từ dữ liệu minh họa (1 = có)");
    for (const VillageNeed& v : r.villages) {
        std::vector<FieldValue> row{std::int64_t(v.rank),  v.id,           text(v.name),
                                    text(v.commune.name),  text(v.commune.code), text(v.communeOld.name),
                                    text(v.communeOld.code), text(v.district.name), text(v.district.code),
                                    round(v.lon, 7),      round(v.lat, 7), optionalInt(v.population),
                                    v.dbkk ? flag(*v.dbkk) : FieldValue{},
                                    v.ethnicArea ? FieldValue{std::int64_t(*v.ethnicArea)} : FieldValue{}};
        for (const Service s : kPointServices) {
            const ServiceDistance& d = v.distance(s);
            row.push_back(optionalReal(d.straightLineM));
            row.push_back(text(d.nearestName));
            row.push_back(optionalReal(d.networkM));
            row.push_back(text(d.networkNearestName));
            row.push_back(text(d.scoredKind == DistanceKind::Network ? "network" : "straight_line"));
        }
        const ServiceDistance& road = v.distance(Service::HardenedRoad);
        row.push_back(optionalReal(road.straightLineM));
        row.push_back(text(road.nearestName));
        row.push_back(round(v.score, 3));
        row.push_back(text(v.breakdownText()));
        row.push_back(flag(v.illustrative));
        t.row(std::move(row), geo::Geometry::point(v.lon, v.lat));
    }
    out.tables.push_back(t.take(geo::GeometryType::Point));
    out.tables.push_back(summaryTable(r, SummaryLevel::Commune2025, "summary_commune_2025",
                                      "Tổng hợp theo xã (từ 01/7/2025)"));
    out.tables.push_back(summaryTable(r, SummaryLevel::CommuneOld, "summary_commune_old",
                                      "Tổng hợp theo xã (trước 01/7/2025)"));
    out.tables.push_back(summaryTable(r, SummaryLevel::District2023, "summary_district_2023",
                                      "Tổng hợp theo huyện (2023)"));

    ResultInfo& info = out.info;
    info.lines.push_back({"Phân tích", "Thôn khó tiếp cận dịch vụ (planmap analyze underserved)"});
    info.lines.push_back({"Thời điểm tính (UTC)", nowText()});
    addIllustrative(info, r.illustrative, r.illustrativeSources);
    info.lines.push_back({"Cách đo", "Khoảng cách trắc địa trên ellipsoid WGS 84 đến đối tượng gần nhất "
                                     "(với đường: điểm gần nhất trên tuyến)"});
    for (const Service s : kServices) {
        const ServiceRule& rule = r.settings.score.rule(s);
        info.lines.push_back({std::string(serviceLabelVi(s)),
                              "ngưỡng " + detail::formatVi(rule.thresholdMetres / 1000.0, 2) + " km, trọng số " +
                                  detail::formatVi(rule.weight, 2) + ", số đối tượng " +
                                  std::to_string(r.serviceCounts[serviceIndex(s)])});
    }
    info.lines.push_back({"Mức trần mỗi dịch vụ", detail::formatVi(r.settings.score.cap, 2) + " × trọng số"});
    info.lines.push_back({"Trọng số ĐBKK", detail::formatVi(r.settings.score.dbkkWeight, 2)});
    info.lines.push_back({"Trọng số khu vực III", detail::formatVi(r.settings.score.areaIIIWeight, 2)});
    info.lines.push_back({"Trọng số khu vực II", detail::formatVi(r.settings.score.areaIIWeight, 2)});
    info.lines.push_back({"Tính điểm theo", r.settings.score.preferNetworkDistance
                                                ? "khoảng cách theo đường giao thông khi có, nếu không thì đường thẳng"
                                                : "khoảng cách đường thẳng"});
    info.lines.push_back({"Công trình kế hoạch", r.settings.countPlannedWorks ? "được tính là đã có" : "không tính"});
    info.lines.push_back({"Mạng đường giao thông", r.network.note});
    addNotes(info, r.notes);
    return out;
}

ResultTables toTables(const CatchmentResult& r) {
    ResultTables out;
    TableBuilder v("village_market_access", "Thôn và chợ gần nhất");
    v.column("village_id", FieldType::Integer, "Mã thôn trong dự án")
        .column("village", FieldType::String, "Tên thôn")
        .column("commune_2025", FieldType::String, "Xã (từ 01/7/2025)")
        .column("district_2023", FieldType::String, "Huyện (2023)")
        .column("lon", FieldType::Real, "Kinh độ (WGS 84)", "độ")
        .column("lat", FieldType::Real, "Vĩ độ (WGS 84)", "độ")
        .column("population", FieldType::Integer, "Số nhân khẩu", "người")
        .column("nearest_market_id", FieldType::Integer, "Chợ gần nhất (mã trong dự án)")
        .column("nearest_market_m", FieldType::Real, "Khoảng cách đến chợ gần nhất (đường thẳng, trắc địa)", "m")
        .column("markets_within", FieldType::Integer, "Số chợ trong bán kính phục vụ")
        .column("served", FieldType::Integer, "Có chợ trong bán kính (1 = có)")
        .column("illustrative", FieldType::Integer, "Tính từ dữ liệu minh họa (1 = có)");
    for (const VillageMarketAccess& a : r.villages)
        v.row({a.villageId, text(a.name), text(a.commune.name), text(a.district.name), round(a.lon, 7), round(a.lat, 7),
               optionalInt(a.population), optionalInt(a.nearestMarketId), optionalReal(a.nearestMarketMetres),
               std::int64_t(a.marketsWithinRadius), flag(a.served), flag(a.illustrative)},
              geo::Geometry::point(a.lon, a.lat));
    out.tables.push_back(v.take(geo::GeometryType::Point));

    TableBuilder m("market_catchments", "Vùng phục vụ của từng chợ");
    m.column("market_id", FieldType::Integer, "Mã chợ trong dự án")
        .column("market", FieldType::String, "Tên chợ")
        .column("layer", FieldType::String, "Lớp dữ liệu")
        .column("lon", FieldType::Real, "Kinh độ (WGS 84)", "độ")
        .column("lat", FieldType::Real, "Vĩ độ (WGS 84)", "độ")
        .column("villages", FieldType::Integer, "Số thôn trong bán kính", "thôn")
        .column("population", FieldType::Integer, "Số nhân khẩu các thôn đó", "người")
        .column("illustrative", FieldType::Integer, "Tính từ dữ liệu minh họa (1 = có)");
    for (const MarketCatchment& c : r.markets)
        m.row({c.marketId, text(c.name), text(c.layer), round(c.lon, 7), round(c.lat, 7), std::int64_t(c.villages.size()),
               c.population, flag(c.illustrative)},
              geo::Geometry::point(c.lon, c.lat));
    out.tables.push_back(m.take(geo::GeometryType::Point));

    auto candidateTable = [](const std::string& name, const std::string& title, const std::vector<CandidateGain>& gains,
                             bool marginal) {
        TableBuilder t(name, title);
        t.column("order", FieldType::Integer, marginal ? "Bước chọn" : "Thứ hạng")
            .column("candidate", FieldType::String, "Vị trí đề xuất")
            .column("feature_id", FieldType::Integer, "Đối tượng tương ứng (mã trong dự án)")
            .column("lon", FieldType::Real, "Kinh độ (WGS 84)", "độ")
            .column("lat", FieldType::Real, "Vĩ độ (WGS 84)", "độ")
            .column("newly_served", FieldType::Integer,
                    marginal ? "Số thôn được phục vụ thêm ở bước này" : "Số thôn chưa có chợ sẽ được phục vụ", "thôn")
            .column("population", FieldType::Integer, "Số nhân khẩu các thôn đó", "người")
            .column("illustrative", FieldType::Integer, "Tính từ dữ liệu minh họa (1 = có)");
        std::int64_t order = 0;
        for (const CandidateGain& g : gains)
            t.row({++order, text(g.point.label), optionalInt(g.point.featureId), round(g.point.lon, 7),
                   round(g.point.lat, 7), std::int64_t(g.newlyServed), g.population, flag(g.illustrative)},
                  geo::Geometry::point(g.point.lon, g.point.lat));
        return t.take(geo::GeometryType::Point);
    };
    out.tables.push_back(candidateTable("planned_markets_what_if", "Chợ theo kế hoạch: số thôn chưa có chợ sẽ được phục vụ",
                                        r.plannedMarkets, false));
    if (!r.whatIf.empty())
        out.tables.push_back(candidateTable("what_if", "Vị trí giả định: số thôn chưa có chợ sẽ được phục vụ", r.whatIf, false));
    out.tables.push_back(candidateTable("candidate_ranking", "Xếp hạng vị trí đề xuất theo số thôn được phục vụ thêm",
                                        r.ranking, false));
    out.tables.push_back(candidateTable("greedy_plan", "Chọn lần lượt các vị trí (mỗi bước phục vụ thêm nhiều thôn nhất)",
                                        r.greedy, true));

    ResultInfo& info = out.info;
    info.lines.push_back({"Phân tích", "Vùng phục vụ của chợ (planmap analyze catchment)"});
    info.lines.push_back({"Thời điểm tính (UTC)", nowText()});
    addIllustrative(info, r.illustrative, r.illustrativeSources);
    info.lines.push_back({"Bán kính phục vụ", detail::formatVi(r.settings.radiusMetres / 1000.0, 2) +
                                                  " km (khoảng cách trắc địa, WGS 84)"});
    info.lines.push_back({"Chợ theo kế hoạch (xây mới)", r.settings.countPlannedMarkets ? "được tính là đã có"
                                                                                       : "không tính, đánh giá riêng"});
    info.lines.push_back({"Số thôn có chợ trong bán kính", std::to_string(r.served)});
    info.lines.push_back({"Số thôn chưa có chợ trong bán kính", std::to_string(r.unserved)});
    addNotes(info, r.notes);
    return out;
}

ResultTables toTables(const ForestResult& r, const ForestInputs* inputs) {
    ResultTables out;
    auto label = [&r](const std::string& field, const std::string& code) {
        const auto f = r.labels.find(field);
        if (f != r.labels.end()) {
            const auto l = f->second.find(code);
            if (l != f->second.end()) return l->second;
        }
        return code;
    };
    std::map<std::int64_t, std::string> unitName;
    for (const UnitForestTotal& u : r.communes)
        if (u.unit.id) unitName[*u.unit.id] = u.unit.name;
    for (const UnitForestTotal& u : r.districts)
        if (u.unit.id) unitName[*u.unit.id] = u.unit.name;
    auto piecesText = [&unitName](const std::vector<PlotPiece>& pieces) {
        std::string s;
        for (const PlotPiece& p : pieces) {
            if (!s.empty()) s += "; ";
            s += unitName[p.unitId] + ": " + detail::formatVi(p.areaHa, 4) + " ha";
        }
        return s;
    };
    std::map<std::int64_t, const ForestPlot*> plotInput;
    if (inputs)
        for (const ForestPlot& p : inputs->plots) plotInput[p.id] = &p;

    TableBuilder plots("forest_plots", "Lô rừng: diện tích và phần thuộc từng đơn vị hành chính");
    plots.column("plot_id", FieldType::Integer, "Mã lô trong dự án")
        .column("plot_key", FieldType::String, "Mã lô (khóa)")
        .column("forest_type", FieldType::String, "Loại rừng")
        .column("origin", FieldType::String, "Nguồn gốc")
        .column("holder", FieldType::String, "Chủ rừng, đối tượng nhận khoán")
        .column("contract_year", FieldType::Integer, "Năm giao khoán")
        .column("area_ha", FieldType::Real, "Diện tích (trắc địa, WGS 84)", "ha")
        .column("recorded_area_ha", FieldType::Real, "Diện tích theo hồ sơ", "ha")
        .column("communes", FieldType::String, "Diện tích theo xã (từ 01/7/2025)")
        .column("districts", FieldType::String, "Diện tích theo huyện (2023)")
        .column("outside_communes_ha", FieldType::Real, "Phần nằm ngoài các xã", "ha")
        .column("indicator", FieldType::String, "Chỉ tiêu kế hoạch được tính vào")
        .column("indicator_basis", FieldType::String, "Căn cứ (liên kết / thuộc tính)")
        .column("repaired", FieldType::Integer, "Hình học không hợp lệ, đã sửa tạm để tính (1 = có)")
        .column("illustrative", FieldType::Integer, "Tính từ dữ liệu minh họa (1 = có)");
    for (const PlotResult& p : r.plots) {
        std::optional<geo::Geometry> g;
        if (const auto it = plotInput.find(p.id); it != plotInput.end()) g = it->second->geometry;
        plots.row({p.id, text(p.key), text(label("forest_type", p.forestType)), text(label("origin", p.origin)),
                   text(label("holder", p.holder)),
                   p.contractYear ? FieldValue{std::int64_t(*p.contractYear)} : FieldValue{}, round(p.areaHa, 4),
                   optionalReal(p.recordedAreaHa, 4), text(piecesText(p.communePieces)),
                   text(piecesText(p.districtPieces)), round(p.outsideCommunesHa, 4), text(p.indicatorCode),
                   text(p.indicatorBasis), flag(p.repaired), flag(p.illustrative)},
                  std::move(g));
    }
    out.tables.push_back(plots.take(inputs ? std::optional(geo::GeometryType::MultiPolygon) : std::nullopt));

    TableBuilder ind("forest_indicators", "So sánh với chỉ tiêu rừng của kế hoạch");
    ind.column("code", FieldType::String, "Mã chỉ tiêu")
        .column("name", FieldType::String, "Tên chỉ tiêu")
        .column("target_ha", FieldType::Real, "Chỉ tiêu", "ha")
        .column("computed_ha", FieldType::Real, "Diện tích tính từ bản đồ", "ha")
        .column("percent", FieldType::Real, "Tỷ lệ so với chỉ tiêu", "%")
        .column("plots", FieldType::Integer, "Số lô", "lô")
        .column("rule", FieldType::String, "Lô được tính")
        .column("in_catalogue", FieldType::Integer, "Có trong danh mục kế hoạch (1 = có)")
        .column("illustrative", FieldType::Integer, "Tính từ dữ liệu minh họa (1 = có)");
    for (const IndicatorComparison& c : r.indicators)
        ind.row({text(c.indicator.code), text(c.indicator.name), optionalReal(c.indicator.target, 2),
                 round(c.computed.ha, 2), optionalReal(c.percentOfTarget, 1), std::int64_t(c.computed.plots),
                 text(c.ruleVi), flag(c.inCatalogue), flag(c.computed.illustrative)});
    out.tables.push_back(ind.take());

    std::vector<std::string> types, holders, codes;
    for (const auto& [k, v] : r.byForestType) types.push_back(k);
    for (const auto& [k, v] : r.byHolder) holders.push_back(k);
    for (const IndicatorComparison& c : r.indicators) codes.push_back(c.indicator.code);
    auto unitTable = [&](const std::string& name, const std::string& title, const std::vector<UnitForestTotal>& units) {
        TableBuilder t(name, title);
        t.column("unit_id", FieldType::Integer, "Mã đơn vị trong dự án")
            .column("unit_code", FieldType::String, "Mã đơn vị hành chính")
            .column("unit_name", FieldType::String, "Tên đơn vị")
            .column("total_ha", FieldType::Real, "Tổng diện tích rừng", "ha")
            .column("plots", FieldType::Integer, "Số lô (kể cả phần lô)", "lô");
        for (const std::string& k : types)
            t.column("type_" + (k.empty() ? std::string("unknown") : k) + "_ha", FieldType::Real, label("forest_type", k), "ha");
        for (const std::string& k : holders)
            t.column("holder_" + (k.empty() ? std::string("unknown") : k) + "_ha", FieldType::Real, label("holder", k), "ha");
        for (const std::string& k : codes) {
            std::string col = k;
            for (char& ch : col) ch = (ch == '.') ? '_' : char(std::tolower(static_cast<unsigned char>(ch)));
            t.column(col + "_ha", FieldType::Real, "Chỉ tiêu " + k, "ha");
        }
        t.column("illustrative", FieldType::Integer, "Tính từ dữ liệu minh họa (1 = có)");
        auto amount = [](const std::map<std::string, ForestAmount>& m, const std::string& k) {
            const auto it = m.find(k);
            return it == m.end() ? 0.0 : it->second.ha;
        };
        for (const UnitForestTotal& u : units) {
            std::vector<FieldValue> row{optionalInt(u.unit.id), text(u.unit.code), text(u.unit.name),
                                        round(u.total.ha, 4), std::int64_t(u.total.plots)};
            for (const std::string& k : types) row.push_back(round(amount(u.byForestType, k), 4));
            for (const std::string& k : holders) row.push_back(round(amount(u.byHolder, k), 4));
            for (const std::string& k : codes) row.push_back(round(amount(u.byIndicator, k), 4));
            row.push_back(flag(u.total.illustrative));
            t.row(std::move(row));
        }
        return t.take();
    };
    out.tables.push_back(unitTable("forest_by_commune_2025", "Diện tích rừng theo xã (từ 01/7/2025)", r.communes));
    out.tables.push_back(unitTable("forest_by_district_2023", "Diện tích rừng theo huyện (2023)", r.districts));

    TableBuilder totals("forest_totals", "Tổng diện tích theo loại rừng và chủ rừng");
    totals.column("group", FieldType::String, "Nhóm")
        .column("code", FieldType::String, "Mã")
        .column("label", FieldType::String, "Tên")
        .column("area_ha", FieldType::Real, "Diện tích", "ha")
        .column("plots", FieldType::Integer, "Số lô", "lô")
        .column("illustrative", FieldType::Integer, "Tính từ dữ liệu minh họa (1 = có)");
    for (const auto& [k, a] : r.byForestType)
        totals.row({text("forest_type"), text(k), text(label("forest_type", k)), round(a.ha, 4), std::int64_t(a.plots),
                    flag(a.illustrative)});
    for (const auto& [k, a] : r.byHolder)
        totals.row({text("holder"), text(k), text(label("holder", k)), round(a.ha, 4), std::int64_t(a.plots),
                    flag(a.illustrative)});
    totals.row({text("total"), text(""), text("Tổng"), round(r.total.ha, 4), std::int64_t(r.total.plots),
                flag(r.total.illustrative)});
    out.tables.push_back(totals.take());

    TableBuilder overlaps("forest_overlaps", "Các lô rừng chồng lấn nhau (diện tích bị tính hai lần)");
    overlaps.column("plot_a", FieldType::Integer, "Lô thứ nhất (mã trong dự án)")
        .column("plot_b", FieldType::Integer, "Lô thứ hai (mã trong dự án)")
        .column("overlap_ha", FieldType::Real, "Diện tích chồng lấn", "ha")
        .column("illustrative", FieldType::Integer, "Tính từ dữ liệu minh họa (1 = có)");
    for (const PlotOverlap& o : r.overlaps)
        overlaps.row({o.plotA, o.plotB, round(o.overlapHa, 6), flag(o.illustrative)});
    out.tables.push_back(overlaps.take());

    ResultInfo& info = out.info;
    info.lines.push_back({"Phân tích", "Diện tích rừng được bảo vệ (planmap analyze forest)"});
    info.lines.push_back({"Thời điểm tính (UTC)", nowText()});
    addIllustrative(info, r.illustrative, r.illustrativeSources);
    info.lines.push_back({"Cách đo", "Diện tích trắc địa trên ellipsoid WGS 84; lô cắt ranh giới được chia theo "
                                     "giao hình học; phần chồng lấn giữa hai xã chỉ tính cho xã có mã nhỏ hơn"});
    info.lines.push_back({"Tổng diện tích các lô", detail::formatVi(r.total.ha, 2) + " ha, " +
                                                       std::to_string(r.total.plots) + " lô"});
    info.lines.push_back({"Diện tích bị tính trùng do lô chồng lấn",
                          r.overlapsChecked ? detail::formatVi(r.doubleCountedHa, 4) + " ha (" +
                                                  std::to_string(r.overlaps.size()) + " cặp lô)"
                                            : "không kiểm tra"});
    info.lines.push_back({"Phần nằm ngoài các xã", detail::formatVi(r.outsideCommunesHa, 4) + " ha"});
    info.lines.push_back({"Phần nằm ngoài các huyện", detail::formatVi(r.outsideDistrictsHa, 4) + " ha"});
    for (const IndicatorComparison& c : r.indicators)
        info.lines.push_back({"Quy tắc " + c.indicator.code, c.ruleVi});
    addNotes(info, r.notes);
    return out;
}

} // namespace planmap::layers::analysis
