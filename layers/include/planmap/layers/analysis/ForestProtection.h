#pragma once
// Forest hectares under protection: geodesic areas of forest plots, split by
// the 2025 communes and the 2023 districts, totals by forest type, holder and
// unit, compared with the plan's forest indicators; plots that overlap each
// other (double counting); and recording the figures as progress.
//
// Splitting. Each plot is cut by the units it meets (STRtree on the units'
// envelopes, prepared geometries, unit clipped to the plot's envelope, GEOS
// intersection); the areas are geodesic (geo::Geodesic, WGS 84). Units are
// taken in a fixed order, by (code, id): a plot's part that lies in two
// overlapping units (the 2025 communes overlap by hundredths of a hectare in
// places) goes to the first of them only, so the pieces of a plot never add
// up to more than the plot; what lies in no unit is reported as "outside".
// GEOS cuts edges as straight lines in longitude/latitude while areas take
// edges as geodesics, so the pieces of a cut plot miss its geodesic area by a
// tiny amount (about 1e-5 of it for edges of 2 km, far less for surveyed
// plots); the pieces are scaled by that ratio so that pieces + outside equal
// the plot's area exactly.
//
// Indicators (defaultForestIndicatorRules(), in this order; each plot counts
// toward ONE indicator: the one it is linked to in the plan catalogue
// (feature_indicator_links) if any, else the first rule it matches):
//
//  code         plan figure (Kế hoạch 59/KH-UBND)                        plots that count
//  -----------  -------------------------------------------------------  -----------------------------------------------
//  DA03.1.CT04  646 ha   khoanh nuôi có rừng trồng bổ sung (regeneration) only plots linked to the indicator (no plot
//                                                                         attribute says "regeneration")
//  DA03.1.CT05  6,000 ha trồng rừng sản xuất (production planting)       forest_type production, origin planted,
//                                                                         contract_year = the indicator's year
//  DA03.1.CT06  700 ha   trồng rừng phòng hộ (protection planting)       forest_type protection, origin planted,
//                                                                         contract_year = the indicator's year
//  DA03.1.CT03  73,670 ha bảo vệ rừng tự nhiên đã giao cho cộng đồng,    origin natural, forest_type protection or
//                         hộ gia đình (natural forest assigned)           production, holder community or household
//  DA03.1.CT02  26,900 ha khoán bảo vệ rừng đặc dụng, phòng hộ            forest_type special_use or protection,
//                         (contracted protection)                         contract_year present (a protection contract)
//
// Any result computed from illustrative plots or units is illustrative and says so.

#include "planmap/layers/analysis/AnalysisRun.h"
#include "planmap/layers/analysis/UnitRef.h"
#include "planmap/layers/store/Dates.h"

#include "planmap/geo/Geometry.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace planmap::layers {
class ProjectStore;
class ProgressLog;
}

namespace planmap::layers::analysis {

struct ForestPlot {
    std::int64_t id = 0;
    std::string key;
    std::string name;
    geo::Geometry geometry = geo::Geometry::empty(geo::GeometryType::MultiPolygon);  ///< lon/lat
    std::string forestType;   ///< special_use | protection | production | ""
    std::string origin;       ///< natural | planted | ""
    std::string holder;       ///< community | household | management_board | enterprise | commune_committee | other | ""
    std::optional<int> contractYear;
    std::optional<double> recordedAreaHa;  ///< area_ha of the holder's file
    bool illustrative = false;
    std::vector<std::string> linkedIndicators;  ///< codes of forest indicators the plot is linked to
};

struct UnitPolygon {
    std::int64_t id = 0;
    std::string code;
    std::string name;
    geo::Geometry geometry = geo::Geometry::empty(geo::GeometryType::MultiPolygon);  ///< lon/lat
    bool illustrative = false;
};

/// An indicator of the plan catalogue, as found by its code.
struct ForestIndicatorTarget {
    std::optional<std::int64_t> indicatorId;  ///< none when the catalogue lacks the code
    std::string code;
    std::string name;
    std::string unitOfMeasure;
    std::optional<double> target;
    std::optional<int> year;
};

enum class ContractCondition {
    Any,
    Contracted,                ///< contract_year present
    ContractedInIndicatorYear  ///< contract_year equals the indicator's year
};

/// One row of the table above.
struct ForestIndicatorRule {
    std::string indicatorCode;
    std::string descriptionVi;               ///< what counts, in words
    std::vector<std::string> forestTypes;    ///< empty = any
    std::vector<std::string> origins;        ///< empty = any
    std::vector<std::string> holders;        ///< empty = any
    ContractCondition contract = ContractCondition::Any;
    bool linkedOnly = false;                 ///< only plots linked to the indicator
    int defaultYear = 2023;                  ///< for ContractedInIndicatorYear when the catalogue has no year

    [[nodiscard]] bool matches(const ForestPlot& plot, std::optional<int> indicatorYear) const;
};
const std::vector<ForestIndicatorRule>& defaultForestIndicatorRules();

struct ForestInputs {
    std::vector<ForestPlot> plots;
    std::vector<UnitPolygon> communes;   ///< communes of 2025
    std::vector<UnitPolygon> districts;  ///< districts of 2023
    std::map<std::string, ForestIndicatorTarget> indicators;  ///< by code
    /// Labels of coded fields: labels["forest_type"]["protection"] = "Rừng phòng hộ".
    std::map<std::string, std::map<std::string, std::string>> labels;
    std::vector<std::string> notes;
};

/// Reads the forests layer, the 2025 communes, the 2023 districts, the
/// indicators of the rules (by code) and the plots linked to them. Reports
/// the stage kReadStage through `control` and throws AnalysisCancelled soon
/// after it is cancelled.
ForestInputs loadForestInputs(ProjectStore& store,
                              const std::vector<ForestIndicatorRule>& rules = defaultForestIndicatorRules(),
                              const RunControl& control = {});

struct ForestSettings {
    std::vector<ForestIndicatorRule> rules = defaultForestIndicatorRules();
    bool checkOverlaps = true;
    /// Overlaps smaller than this are not reported (touching plots share a
    /// boundary, not an area): 1 m² by default.
    double overlapMinimumHa = 1e-4;
};

struct PlotPiece {
    std::int64_t unitId = 0;
    double areaHa = 0.0;
};

struct PlotResult {
    std::int64_t id = 0;
    std::string key;
    std::string name;
    std::string forestType;
    std::string origin;
    std::string holder;
    std::optional<int> contractYear;
    double areaHa = 0.0;                     ///< geodesic
    std::optional<double> recordedAreaHa;
    std::vector<PlotPiece> communePieces;    ///< by unit order; they add up to areaHa - outsideCommunesHa
    std::vector<PlotPiece> districtPieces;
    double outsideCommunesHa = 0.0;
    double outsideDistrictsHa = 0.0;
    std::string indicatorCode;               ///< "" when the plot counts toward none
    std::string indicatorBasis;              ///< "liên kết" (linked) or "thuộc tính" (attributes)
    bool repaired = false;                   ///< invalid geometry made valid for the computation
    bool illustrative = false;
};

struct ForestAmount {
    double ha = 0.0;
    std::size_t plots = 0;
    bool illustrative = false;
    void add(double area, bool isIllustrative) {
        ha += area;
        ++plots;
        illustrative = illustrative || isIllustrative;
    }
};

struct UnitForestTotal {
    UnitRef unit;
    bool unitIllustrative = false;  ///< the unit itself (its boundary) is illustrative
    ForestAmount total;             ///< illustrative when the unit or any plot in it is
    std::map<std::string, ForestAmount> byForestType;
    std::map<std::string, ForestAmount> byHolder;
    std::map<std::string, ForestAmount> byIndicator;
};

struct IndicatorComparison {
    ForestIndicatorTarget indicator;
    std::string ruleVi;
    bool inCatalogue = false;
    ForestAmount computed;
    std::optional<double> percentOfTarget;
};

struct PlotOverlap {
    std::int64_t plotA = 0;
    std::int64_t plotB = 0;
    double overlapHa = 0.0;
    bool illustrative = false;
};

struct ForestResult {
    std::vector<PlotResult> plots;                 ///< in input order
    std::vector<UnitForestTotal> communes;         ///< every 2025 commune, by code
    std::vector<UnitForestTotal> districts;        ///< every 2023 district, by code
    std::map<std::string, ForestAmount> byForestType;
    std::map<std::string, ForestAmount> byHolder;
    std::vector<IndicatorComparison> indicators;   ///< in rule order
    std::vector<PlotOverlap> overlaps;
    bool overlapsChecked = false;
    ForestAmount total;                            ///< sum of plot areas
    double doubleCountedHa = 0.0;                  ///< counted more than once because plots overlap
    double outsideCommunesHa = 0.0;
    double outsideDistrictsHa = 0.0;
    std::map<std::string, std::map<std::string, std::string>> labels;
    bool illustrative = false;
    std::vector<std::string> illustrativeSources;
    std::vector<std::string> notes;
};

/// Throws AnalysisError for bad settings, AnalysisCancelled when cancelled.
ForestResult analyzeForest(const ForestInputs& inputs, const ForestSettings& settings = {},
                           const RunControl& control = {});

enum class ProgressUnitLevel { Commune2025, District2023 };

struct ForestProgressOptions {
    Date asOf{};
    ProgressUnitLevel level = ProgressUnitLevel::Commune2025;
    std::optional<std::string> author;
    std::string sourceDocument = "planmap: phân tích diện tích rừng (analyze forest)";
    std::optional<std::string> note;
};

/// Appends one progress entry per indicator of the catalogue and per unit
/// with a positive area (value = hectares as of options.asOf), in one
/// transaction; entries are illustrative when any plot or unit behind them
/// is. Returns the ids of the new entries.
std::vector<std::int64_t> recordForestProgress(ProgressLog& log, const ForestResult& result,
                                               const ForestProgressOptions& options);

} // namespace planmap::layers::analysis
