#pragma once

#include "planmap/geo/Crs.h"
#include "planmap/layers/render/MapRenderer.h"
#include "planmap/layers/units/AdminUnits.h"

#include <QDate>
#include <QString>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <vector>

/// \file
/// What a print layout draws from: the project's map layers (the screen's
/// layers and default styles, layers/project), its administrative units for
/// page extents, the plan for titles and the indicator table. Built from a
/// project (loadPrintContext) or filled by hand (tests, the GUI's canvas).

namespace planmap::layers {
class ProjectStore;
}

namespace planmap::layers::print {

/// One layer of the printed map.
struct PrintLayer {
    QString key;                      ///< "communes_2025", "villages", …
    QString title;                    ///< legend text, "Xã, phường (2025)"
    render::RenderLayer layer;        ///< cache in the display CRS, style, visibility
    /// Index of the cache's boolean field telling which rows are
    /// illustrative (invented); -1 when the layer has none.
    int illustrativeField = -1;
    /// Where the data come from (distinct sources, details after a ";" or
    /// " — " left out), for the {sources} placeholder.
    QStringList sources;
};

/// An administrative unit a page can be zoomed to.
struct PrintUnit {
    std::int64_t id = 0;              ///< admin_units id
    QString code;                     ///< statistics office code
    QString name;                     ///< "Lộc Bình"
    QString fullName;                 ///< "Huyện Lộc Bình"
    UnitLevel level = UnitLevel::District;
    QString generation;               ///< "pre2025" or "2025"
    render::Extent extent;            ///< display CRS
    QString layerKey;                 ///< the layer holding its outline (feature id = id)
};

/// One row of an indicator table.
struct IndicatorLine {
    QString code;
    QString name;
    QString unitOfMeasure;
    std::optional<double> target;
    std::optional<double> achieved;
    std::optional<double> percent;    ///< of target
    /// Ratio indicators ("174/181 xã"): the parts of target and achieved.
    std::optional<double> targetNumerator, targetDenominator, numerator, denominator;
    std::optional<QDate> asOf;
    bool illustrative = false;        ///< rests on illustrative (invented) progress entries
};

/// Indicators of a unit (or of the province for nullopt), in plan order.
class IndicatorSource {
public:
    virtual ~IndicatorSource() = default;
    virtual std::vector<IndicatorLine> indicators(const std::optional<std::int64_t>& unitId) const = 0;
};

/// The plan the prints are about, from the plan catalogue's root.
struct PlanInfo {
    QString reference;                ///< "Kế hoạch 59/KH-UBND"
    QDate date;                       ///< 05/03/2023 (invalid when unknown)
    QString programName;              ///< the root node's name

    /// "Kế hoạch 59/KH-UBND ngày 05/3/2023" (the date as official documents
    /// write it: day below 10 and months 1–2 with a leading zero).
    QString title() const;
};

/// The date as Vietnamese official documents write it: "05/3/2023", "15/12/2023", "01/02/2024".
QString officialDate(const QDate& date);
/// dd/mm/yyyy.
QString formatDateVi(const QDate& date);
/// Vietnamese number: '.' thousands, ',' decimals, at most `decimals`
/// decimals with trailing zeros dropped (1.238.075; 96,1).
QString formatNumberVi(double value, int decimals = 2);

class PrintContext {
public:
    explicit PrintContext(geo::Crs displayCrs) : displayCrs(std::move(displayCrs)) {}

    QString projectName;
    geo::Crs displayCrs;
    std::vector<PrintLayer> layers;   ///< draw order: bottom first
    PlanInfo plan;
    std::optional<PrintUnit> province;
    std::vector<PrintUnit> districts; ///< of 2023
    std::vector<PrintUnit> communes;  ///< of 2025
    std::shared_ptr<const IndicatorSource> indicators;
    QDate printDate = QDate::currentDate();
    /// Layer keys shown on the locator inset (bottom first).
    QStringList insetLayers{QStringLiteral("districts_2023"), QStringLiteral("province")};

    const PrintLayer* layer(const QString& key) const;
    /// All layer extents together (display CRS).
    render::Extent fullExtent() const;

    /// Finds a unit by code, full name or name, accents and case ignored
    /// ("Lộc Bình", "loc binh", "Huyện Lộc Bình", "188"), among the province,
    /// the districts (2023) and the communes (2025) — or one level only. A
    /// name shared by a district and a commune ("Lộc Bình") gives the
    /// district; the full name ("Xã Lộc Bình") or the code picks the commune.
    /// nullptr when nothing matches.
    const PrintUnit* findUnit(const QString& text, std::optional<UnitLevel> level = std::nullopt) const;
    /// Every unit whose name, full name or code matches (for messages).
    std::vector<const PrintUnit*> matchingUnits(const QString& text) const;

    /// "source (layer, layer); source (layer)": the sources of the layers, top first.
    QString sourcesText() const;
    /// Replaces the placeholders of TextSettings::text.
    QString expand(const QString& text, const std::map<QString, QString>& pageValues) const;
};

struct LoadOptions {
    /// Also draws features the project flags illustrative (they are always
    /// marked by the automatic notice).
    bool includeIllustrative = true;
    /// Display CRS; empty = the project's default CRS.
    QString crs;
};

/// Reads a project: its layers with the default styles of
/// project::defaultStyle (caches built in the display CRS), units, plan
/// info and the progress roll-ups for indicator tables.
PrintContext loadPrintContext(ProjectStore& store, const LoadOptions& options = {});

} // namespace planmap::layers::print
