#pragma once

#include "planmap/layers/render/Extent.h"

#include <QByteArray>
#include <QColor>
#include <QJsonObject>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QStringList>

#include <optional>
#include <stdexcept>
#include <vector>

/// \file
/// The model of a print layout: a page (A4/A3, portrait/landscape) and the
/// items placed on it in millimetres — map frames, texts, legend, scale bar,
/// north arrow, locator inset, indicator table and the illustrative-data
/// notice. Plain values, saved in the project as JSON (LayoutStore) and drawn
/// by LayoutRenderer.

namespace planmap::layers::print {

/// A layout that cannot be read; the message names the item and field.
class LayoutError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class PaperSize { A4, A3 };
enum class Orientation { Portrait, Landscape };

struct PageSetup {
    PaperSize paper = PaperSize::A4;
    Orientation orientation = Orientation::Landscape;

    /// Width × height in millimetres (A4 landscape: 297 × 210).
    QSizeF sizeMm() const;
    bool operator==(const PageSetup&) const = default;
};

QString paperSizeName(PaperSize p);            ///< "A4", "A3"
std::optional<PaperSize> parsePaperSize(const QString& text);
QString orientationName(Orientation o);        ///< "portrait", "landscape"
std::optional<Orientation> parseOrientation(const QString& text);

enum class ItemKind {
    Map,            ///< a map frame
    Text,           ///< title, subtitle, free text, date, data sources (placeholders expanded)
    Legend,         ///< the layers and classes shown in a map frame
    ScaleBar,       ///< ground distances of a map frame (geodesic, at its centre)
    NorthArrow,     ///< true north in a map frame's CRS
    Inset,          ///< locator: the province with a map frame's extent
    IndicatorTable, ///< plan indicators of the page's unit: target, achieved, %
    Notice,         ///< says which shown data are illustrative; empty when none are
};
QString itemKindName(ItemKind k);               ///< "map", "text", "legend", "scale_bar", ...
std::optional<ItemKind> parseItemKind(const QString& text);

/// Where a map frame looks.
enum class ExtentMode {
    Page,    ///< the page's unit (atlas page, --unit), else the province; follows it
    Fixed,   ///< locked: `extent` (and `scaleDenominator` if set), whatever the page
    Canvas,  ///< follows the map canvas: the GUI sets `extent` before printing
};
QString extentModeName(ExtentMode m);           ///< "page", "fixed", "canvas"
std::optional<ExtentMode> parseExtentMode(const QString& text);

enum class GridKind {
    None,
    Projected,  ///< lines of the display CRS (VN-2000 TM-3 metres), labelled in metres
    Graticule,  ///< meridians and parallels, labelled in degrees and minutes
};
QString gridKindName(GridKind g);               ///< "none", "projected", "graticule"
std::optional<GridKind> parseGridKind(const QString& text);

struct MapSettings {
    ExtentMode extentMode = ExtentMode::Page;
    render::Extent extent;            ///< display CRS; Fixed and Canvas
    /// 1:N of the frame; 0 = as large as the extent allows. With a set scale
    /// the frame is centred on the extent's centre.
    double scaleDenominator = 0.0;
    double marginFraction = 0.03;     ///< room around the extent, fraction of its size
    QStringList hiddenLayers;         ///< keys of layers not drawn in this frame
    GridKind grid = GridKind::None;
    /// Grid spacing: metres (Projected) or minutes of arc (Graticule); 0 = automatic.
    double gridInterval = 0.0;
    /// With a page unit: outline it and pale what lies outside.
    bool highlightUnit = true;
    bool labels = true;
    bool operator==(const MapSettings&) const = default;
};

struct TextSettings {
    /// The text; placeholders {plan}, {plan_reference}, {plan_date},
    /// {program}, {project}, {province}, {unit}, {date}, {page}, {pages},
    /// {scale}, {crs}, {sources} are replaced (PrintContext::expand).
    QString text;
    QString fontFamily = QStringLiteral("Noto Sans");
    double fontSizePt = 10.0;
    bool bold = false;
    bool italic = false;
    QColor color{20, 20, 20};
    /// "left", "center" or "right" (the text wraps at the item's width).
    QString align = QStringLiteral("left");
    bool operator==(const TextSettings&) const = default;
};

struct LegendSettings {
    QString title = QStringLiteral("Chú giải");
    double fontSizePt = 8.0;
    bool operator==(const LegendSettings&) const = default;
};

struct ScaleBarSettings {
    double fontSizePt = 7.0;
    bool operator==(const ScaleBarSettings&) const = default;
};

struct TableSettings {
    QString title = QStringLiteral("Chỉ tiêu kế hoạch – {unit}");
    double fontSizePt = 7.0;
    int maxRows = 12;                 ///< further indicators are counted in a last row
    bool operator==(const TableSettings&) const = default;
};

/// One item on the page. Only the settings of its kind matter.
struct LayoutItem {
    QString id;                       ///< unique in the layout, e.g. "map", "title"
    ItemKind kind = ItemKind::Text;
    QRectF rectMm;                    ///< on the page, from its top-left corner
    /// Legend, ScaleBar, NorthArrow, Inset, Notice: the map frame they belong to.
    QString mapId;
    bool frame = false;               ///< draw a thin border around the item
    MapSettings map;
    TextSettings text;
    LegendSettings legend;
    ScaleBarSettings scaleBar;
    TableSettings table;
    bool operator==(const LayoutItem&) const = default;
};

struct Layout {
    QString name;                     ///< under which it is saved in the project
    QString templateName;             ///< the template it was made from, if any
    PageSetup page;
    std::vector<LayoutItem> items;    ///< drawn in this order

    const LayoutItem* item(const QString& id) const;
    LayoutItem* item(const QString& id);
    /// The first map frame (the page's main map), nullptr if none.
    const LayoutItem* mainMap() const;
    LayoutItem* mainMap();

    /// Throws LayoutError when ids repeat, a rect is empty or off the page,
    /// or an item points to a map frame that does not exist.
    void validate() const;

    QJsonObject toJson() const;
    /// Missing fields keep their defaults; throws LayoutError naming the item and field.
    static Layout fromJson(const QJsonObject& o);
    QByteArray toJsonText() const;
    static Layout fromJsonText(const QByteArray& text);

    bool operator==(const Layout&) const = default;
};

} // namespace planmap::layers::print
