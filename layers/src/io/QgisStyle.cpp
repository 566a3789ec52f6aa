#include "planmap/layers/io/QgisStyle.h"

#include "planmap/geo/Errors.h"
#include "planmap/geo/Geometry.h"
#include "planmap/layers/io/UnitLayers.h"
#include "planmap/layers/project/ProjectLayers.h"
#include "planmap/layers/store/ProjectStore.h"

#include <QDateTime>
#include <QXmlStreamWriter>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <memory>

namespace planmap::layers::io {

namespace {

using style::MarkerShape;
using style::StrokeStyle;
using style::Symbol;

// --- shared --------------------------------------------------------------------------

QString fieldName(const QString& field, const FieldRenames& renames) { return renames.value(field, field); }

QString number(double v)
{
    QString s = QString::number(v, 'f', 6);
    while (s.contains(QLatin1Char('.')) && (s.endsWith(QLatin1Char('0')) || s.endsWith(QLatin1Char('.')))) s.chop(1);
    return s;
}

/// "r,g,b,a" as QML writes colours.
QString qmlColor(const QColor& c)
{
    return QStringLiteral("%1,%2,%3,%4").arg(c.red()).arg(c.green()).arg(c.blue()).arg(c.alpha());
}

QString qmlStrokeStyle(StrokeStyle s)
{
    switch (s) {
    case StrokeStyle::Solid: return QStringLiteral("solid");
    case StrokeStyle::Dash: return QStringLiteral("dash");
    case StrokeStyle::Dot: return QStringLiteral("dot");
    case StrokeStyle::DashDot: return QStringLiteral("dash dot");
    case StrokeStyle::NoStroke: return QStringLiteral("no");
    }
    return QStringLiteral("solid");
}

QString qmlMarkerName(MarkerShape s)
{
    switch (s) {
    case MarkerShape::Circle: return QStringLiteral("circle");
    case MarkerShape::Square: return QStringLiteral("square");
    case MarkerShape::Triangle: return QStringLiteral("triangle");
    case MarkerShape::Diamond: return QStringLiteral("diamond");
    case MarkerShape::Cross: return QStringLiteral("cross");
    case MarkerShape::Star: return QStringLiteral("star");
    }
    return QStringLiteral("circle");
}

/// SLD / well-known marker names.
QString sldMarkerName(MarkerShape s)
{
    switch (s) {
    case MarkerShape::Circle: return QStringLiteral("circle");
    case MarkerShape::Square: return QStringLiteral("square");
    case MarkerShape::Triangle: return QStringLiteral("triangle");
    case MarkerShape::Diamond: return QStringLiteral("diamond");  // QGIS's extension of the well-known names
    case MarkerShape::Cross: return QStringLiteral("cross");
    case MarkerShape::Star: return QStringLiteral("star");
    }
    return QStringLiteral("circle");
}

/// OGC's standard rendering pixel is 0.28 mm.
double pixels(double mm) { return mm / 0.28; }

/// The symbols of a style in FeatureStyle's index order, with what selects them.
struct Class {
    enum class Kind { All, Value, Range, Other } kind = Kind::All;
    QString value;
    double lower = 0, upper = 0;
    QString label;
    Symbol symbol;
};

std::vector<Class> classesOf(const style::FeatureStyle& fs)
{
    std::vector<Class> out;
    switch (fs.kind) {
    case style::StyleKind::SingleSymbol:
        out.push_back({Class::Kind::All, {}, 0, 0, {}, fs.symbol});
        return out;
    case style::StyleKind::Categorized:
        for (const style::Category& c : fs.categories)
            out.push_back({Class::Kind::Value, c.value.toString(), 0, 0, c.label, c.symbol});
        break;
    case style::StyleKind::Graduated:
        for (const style::ClassRange& r : fs.ranges) out.push_back({Class::Kind::Range, {}, r.lower, r.upper, r.label, r.symbol});
        break;
    }
    if (fs.otherSymbol)
        out.push_back({Class::Kind::Other, {}, 0, 0, fs.otherLabel.isEmpty() ? QStringLiteral("Khác") : fs.otherLabel,
                       *fs.otherSymbol});
    return out;
}

// --- QML -------------------------------------------------------------------------------

void prop(QXmlStreamWriter& w, const QString& k, const QString& v)
{
    w.writeStartElement(QStringLiteral("prop"));
    w.writeAttribute(QStringLiteral("k"), k);
    w.writeAttribute(QStringLiteral("v"), v);
    w.writeEndElement();
}

void qmlSymbol(QXmlStreamWriter& w, const Symbol& s, GeometryKind kind, int index, double opacity)
{
    w.writeStartElement(QStringLiteral("symbol"));
    w.writeAttribute(QStringLiteral("name"), QString::number(index));
    w.writeAttribute(QStringLiteral("type"), kind == GeometryKind::Point  ? QStringLiteral("marker")
                                             : kind == GeometryKind::Line ? QStringLiteral("line")
                                                                          : QStringLiteral("fill"));
    w.writeAttribute(QStringLiteral("alpha"), number(opacity));
    w.writeAttribute(QStringLiteral("clip_to_extent"), QStringLiteral("1"));
    w.writeAttribute(QStringLiteral("force_rhr"), QStringLiteral("0"));
    w.writeStartElement(QStringLiteral("layer"));
    w.writeAttribute(QStringLiteral("enabled"), QStringLiteral("1"));
    w.writeAttribute(QStringLiteral("locked"), QStringLiteral("0"));
    w.writeAttribute(QStringLiteral("pass"), QStringLiteral("0"));
    const QString strokeWidth = number(s.strokeWidthMm);
    const QString strokeStyle = qmlStrokeStyle(s.strokeStyle);
    switch (kind) {
    case GeometryKind::Point:
        w.writeAttribute(QStringLiteral("class"), QStringLiteral("SimpleMarker"));
        prop(w, QStringLiteral("name"), qmlMarkerName(s.markerShape));
        prop(w, QStringLiteral("color"), qmlColor(s.fillColor));
        prop(w, QStringLiteral("size"), number(s.markerSizeMm));
        prop(w, QStringLiteral("size_unit"), QStringLiteral("MM"));
        prop(w, QStringLiteral("outline_color"), qmlColor(s.strokeColor));
        prop(w, QStringLiteral("outline_style"), strokeStyle);
        prop(w, QStringLiteral("outline_width"), strokeWidth);
        prop(w, QStringLiteral("outline_width_unit"), QStringLiteral("MM"));
        prop(w, QStringLiteral("scale_method"), QStringLiteral("diameter"));
        break;
    case GeometryKind::Line:
        w.writeAttribute(QStringLiteral("class"), QStringLiteral("SimpleLine"));
        prop(w, QStringLiteral("line_color"), qmlColor(s.strokeColor));
        prop(w, QStringLiteral("line_style"), strokeStyle);
        prop(w, QStringLiteral("line_width"), strokeWidth);
        prop(w, QStringLiteral("line_width_unit"), QStringLiteral("MM"));
        prop(w, QStringLiteral("capstyle"), QStringLiteral("round"));
        prop(w, QStringLiteral("joinstyle"), QStringLiteral("round"));
        break;
    case GeometryKind::Polygon:
        w.writeAttribute(QStringLiteral("class"), QStringLiteral("SimpleFill"));
        prop(w, QStringLiteral("color"), qmlColor(s.fillColor));
        prop(w, QStringLiteral("style"), s.fillColor.alpha() == 0 ? QStringLiteral("no") : QStringLiteral("solid"));
        prop(w, QStringLiteral("outline_color"), qmlColor(s.strokeColor));
        prop(w, QStringLiteral("outline_style"), strokeStyle);
        prop(w, QStringLiteral("outline_width"), strokeWidth);
        prop(w, QStringLiteral("outline_width_unit"), QStringLiteral("MM"));
        prop(w, QStringLiteral("joinstyle"), QStringLiteral("round"));
        break;
    }
    w.writeEndElement();  // layer
    w.writeEndElement();  // symbol
}

void qmlRenderer(QXmlStreamWriter& w, const style::FeatureStyle& fs, GeometryKind kind, const FieldRenames& renames)
{
    const std::vector<Class> classes = classesOf(fs);
    w.writeStartElement(QStringLiteral("renderer-v2"));
    w.writeAttribute(QStringLiteral("symbollevels"), QStringLiteral("0"));
    w.writeAttribute(QStringLiteral("enableorderby"), QStringLiteral("0"));
    w.writeAttribute(QStringLiteral("forceraster"), QStringLiteral("0"));
    switch (fs.kind) {
    case style::StyleKind::SingleSymbol:
        w.writeAttribute(QStringLiteral("type"), QStringLiteral("singleSymbol"));
        break;
    case style::StyleKind::Categorized:
        w.writeAttribute(QStringLiteral("type"), QStringLiteral("categorizedSymbol"));
        w.writeAttribute(QStringLiteral("attr"), fieldName(fs.field, renames));
        w.writeStartElement(QStringLiteral("categories"));
        for (std::size_t i = 0; i < classes.size(); ++i) {
            w.writeStartElement(QStringLiteral("category"));
            w.writeAttribute(QStringLiteral("render"), QStringLiteral("true"));
            w.writeAttribute(QStringLiteral("symbol"), QString::number(i));
            // An empty value is QGIS's category of "all other values".
            w.writeAttribute(QStringLiteral("value"), classes[i].kind == Class::Kind::Other ? QString() : classes[i].value);
            w.writeAttribute(QStringLiteral("label"), classes[i].label);
            w.writeEndElement();
        }
        w.writeEndElement();
        break;
    case style::StyleKind::Graduated:
        w.writeAttribute(QStringLiteral("type"), QStringLiteral("graduatedSymbol"));
        w.writeAttribute(QStringLiteral("attr"), fieldName(fs.field, renames));
        w.writeAttribute(QStringLiteral("graduatedMethod"), QStringLiteral("GraduatedColor"));
        w.writeStartElement(QStringLiteral("ranges"));
        for (std::size_t i = 0; i < classes.size(); ++i) {
            if (classes[i].kind != Class::Kind::Range) continue;  // QGIS has no catch-all range
            w.writeStartElement(QStringLiteral("range"));
            w.writeAttribute(QStringLiteral("render"), QStringLiteral("true"));
            w.writeAttribute(QStringLiteral("symbol"), QString::number(i));
            w.writeAttribute(QStringLiteral("lower"), number(classes[i].lower));
            w.writeAttribute(QStringLiteral("upper"), number(classes[i].upper));
            w.writeAttribute(QStringLiteral("label"), classes[i].label);
            w.writeEndElement();
        }
        w.writeEndElement();
        break;
    }
    w.writeStartElement(QStringLiteral("symbols"));
    for (std::size_t i = 0; i < classes.size(); ++i) {
        if (fs.kind == style::StyleKind::Graduated && classes[i].kind != Class::Kind::Range) continue;
        qmlSymbol(w, classes[i].symbol, kind, static_cast<int>(i), 1.0);
    }
    w.writeEndElement();
    w.writeEndElement();  // renderer-v2
}

void qmlLabels(QXmlStreamWriter& w, const style::LabelSettings& l, GeometryKind kind, const FieldRenames& renames)
{
    w.writeStartElement(QStringLiteral("labeling"));
    w.writeAttribute(QStringLiteral("type"), QStringLiteral("simple"));
    w.writeStartElement(QStringLiteral("settings"));
    w.writeAttribute(QStringLiteral("calloutType"), QStringLiteral("simple"));
    w.writeStartElement(QStringLiteral("text-style"));
    w.writeAttribute(QStringLiteral("fieldName"), fieldName(l.field, renames));
    w.writeAttribute(QStringLiteral("isExpression"), QStringLiteral("0"));
    w.writeAttribute(QStringLiteral("fontFamily"), l.fontFamily);
    w.writeAttribute(QStringLiteral("fontSize"), number(l.sizePt));
    w.writeAttribute(QStringLiteral("fontSizeUnit"), QStringLiteral("Point"));
    w.writeAttribute(QStringLiteral("fontWeight"), l.bold ? QStringLiteral("75") : QStringLiteral("50"));
    w.writeAttribute(QStringLiteral("fontItalic"), l.italic ? QStringLiteral("1") : QStringLiteral("0"));
    w.writeAttribute(QStringLiteral("textColor"), qmlColor(l.color));
    w.writeAttribute(QStringLiteral("textOpacity"), QStringLiteral("1"));
    w.writeStartElement(QStringLiteral("text-buffer"));
    w.writeAttribute(QStringLiteral("bufferDraw"), l.haloWidthMm > 0 ? QStringLiteral("1") : QStringLiteral("0"));
    w.writeAttribute(QStringLiteral("bufferSize"), number(l.haloWidthMm));
    w.writeAttribute(QStringLiteral("bufferSizeUnits"), QStringLiteral("MM"));
    w.writeAttribute(QStringLiteral("bufferColor"), qmlColor(QColor(l.haloColor.red(), l.haloColor.green(), l.haloColor.blue())));
    w.writeAttribute(QStringLiteral("bufferOpacity"), number(l.haloColor.alphaF()));
    w.writeEndElement();
    w.writeEndElement();  // text-style
    w.writeStartElement(QStringLiteral("placement"));
    // QGIS placements: 0 around point, 2 line, 1 over point (polygon: horizontal in the interior = 1 / "OverPoint").
    w.writeAttribute(QStringLiteral("placement"), kind == GeometryKind::Point  ? QStringLiteral("0")
                                                  : kind == GeometryKind::Line ? QStringLiteral("2")
                                                                               : QStringLiteral("1"));
    w.writeAttribute(QStringLiteral("dist"), number(kind == GeometryKind::Point ? l.pointOffsetMm : 0.0));
    w.writeAttribute(QStringLiteral("distUnits"), QStringLiteral("MM"));
    w.writeAttribute(QStringLiteral("priority"), QString::number(l.priority));
    w.writeEndElement();
    w.writeStartElement(QStringLiteral("rendering"));
    // scaleMin is QGIS's most zoomed-out scale at which labels show.
    w.writeAttribute(QStringLiteral("scaleVisibility"), l.maxScaleDenominator > 0 ? QStringLiteral("1") : QStringLiteral("0"));
    w.writeAttribute(QStringLiteral("scaleMin"), number(l.maxScaleDenominator));
    w.writeAttribute(QStringLiteral("scaleMax"), QStringLiteral("0"));
    w.writeAttribute(QStringLiteral("minFeatureSize"), QStringLiteral("0"));
    w.writeAttribute(QStringLiteral("obstacle"), QStringLiteral("1"));
    w.writeEndElement();
    w.writeEndElement();  // settings
    w.writeEndElement();  // labeling
}

// --- SLD -------------------------------------------------------------------------------

void svgParameter(QXmlStreamWriter& w, const QString& name, const QString& value)
{
    w.writeStartElement(QStringLiteral("se:SvgParameter"));
    w.writeAttribute(QStringLiteral("name"), name);
    w.writeCharacters(value);
    w.writeEndElement();
}

void sldFill(QXmlStreamWriter& w, const QColor& c)
{
    w.writeStartElement(QStringLiteral("se:Fill"));
    svgParameter(w, QStringLiteral("fill"), c.name(QColor::HexRgb));
    if (c.alpha() < 255) svgParameter(w, QStringLiteral("fill-opacity"), number(c.alphaF()));
    w.writeEndElement();
}

void sldStroke(QXmlStreamWriter& w, const Symbol& s, bool lineColourFromStroke = true)
{
    if (s.strokeStyle == StrokeStyle::NoStroke) return;
    (void)lineColourFromStroke;
    w.writeStartElement(QStringLiteral("se:Stroke"));
    svgParameter(w, QStringLiteral("stroke"), s.strokeColor.name(QColor::HexRgb));
    if (s.strokeColor.alpha() < 255) svgParameter(w, QStringLiteral("stroke-opacity"), number(s.strokeColor.alphaF()));
    svgParameter(w, QStringLiteral("stroke-width"), number(std::max(pixels(s.strokeWidthMm), 1.0)));
    svgParameter(w, QStringLiteral("stroke-linejoin"), QStringLiteral("round"));
    const double u = std::max(pixels(s.strokeWidthMm), 1.0);
    switch (s.strokeStyle) {
    case StrokeStyle::Dash: svgParameter(w, QStringLiteral("stroke-dasharray"), number(4 * u) + " " + number(2 * u)); break;
    case StrokeStyle::Dot: svgParameter(w, QStringLiteral("stroke-dasharray"), number(u) + " " + number(2 * u)); break;
    case StrokeStyle::DashDot:
        svgParameter(w, QStringLiteral("stroke-dasharray"), number(4 * u) + " " + number(2 * u) + " " + number(u) + " " + number(2 * u));
        break;
    default: break;
    }
    w.writeEndElement();
}

void sldSymbolizer(QXmlStreamWriter& w, const Symbol& s, GeometryKind kind)
{
    switch (kind) {
    case GeometryKind::Point:
        w.writeStartElement(QStringLiteral("se:PointSymbolizer"));
        w.writeStartElement(QStringLiteral("se:Graphic"));
        w.writeStartElement(QStringLiteral("se:Mark"));
        w.writeTextElement(QStringLiteral("se:WellKnownName"), sldMarkerName(s.markerShape));
        sldFill(w, s.fillColor);
        sldStroke(w, s);
        w.writeEndElement();  // Mark
        w.writeTextElement(QStringLiteral("se:Size"), number(pixels(s.markerSizeMm)));
        w.writeEndElement();  // Graphic
        w.writeEndElement();
        break;
    case GeometryKind::Line:
        w.writeStartElement(QStringLiteral("se:LineSymbolizer"));
        sldStroke(w, s);
        w.writeEndElement();
        break;
    case GeometryKind::Polygon:
        w.writeStartElement(QStringLiteral("se:PolygonSymbolizer"));
        if (s.fillColor.alpha() > 0) sldFill(w, s.fillColor);
        sldStroke(w, s);
        w.writeEndElement();
        break;
    }
}

void sldComparison(QXmlStreamWriter& w, const QString& op, const QString& field, const QString& literal)
{
    w.writeStartElement(op);
    w.writeTextElement(QStringLiteral("ogc:PropertyName"), field);
    w.writeTextElement(QStringLiteral("ogc:Literal"), literal);
    w.writeEndElement();
}

void sldScale(QXmlStreamWriter& w, const style::LayerStyle& st)
{
    if (st.minScaleDenominator > 0) w.writeTextElement(QStringLiteral("se:MinScaleDenominator"), number(st.minScaleDenominator));
    if (st.maxScaleDenominator > 0) w.writeTextElement(QStringLiteral("se:MaxScaleDenominator"), number(st.maxScaleDenominator));
}

} // namespace

std::string qgisQml(const style::LayerStyle& st, GeometryKind kind, const FieldRenames& renames)
{
    QString text;
    QXmlStreamWriter w(&text);
    w.setAutoFormatting(true);
    w.setAutoFormattingIndent(1);
    w.writeStartDocument();
    w.writeDTD(QStringLiteral("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>"));
    w.writeStartElement(QStringLiteral("qgis"));
    w.writeAttribute(QStringLiteral("version"), QStringLiteral("3.22.0-Białowieża"));
    w.writeAttribute(QStringLiteral("styleCategories"), QStringLiteral("Symbology|Labeling|Rendering"));
    const bool scaled = st.minScaleDenominator > 0 || st.maxScaleDenominator > 0;
    w.writeAttribute(QStringLiteral("hasScaleBasedVisibilityFlag"), scaled ? QStringLiteral("1") : QStringLiteral("0"));
    // QGIS's minScale is the most zoomed-out scale (our maximum denominator).
    w.writeAttribute(QStringLiteral("minScale"), number(st.maxScaleDenominator));
    w.writeAttribute(QStringLiteral("maxScale"), number(st.minScaleDenominator));
    w.writeAttribute(QStringLiteral("labelsEnabled"), st.labels.enabled ? QStringLiteral("1") : QStringLiteral("0"));
    qmlRenderer(w, st.features, kind, renames);
    if (st.labels.enabled && !st.labels.field.isEmpty()) qmlLabels(w, st.labels, kind, renames);
    w.writeTextElement(QStringLiteral("blendMode"), QStringLiteral("0"));
    w.writeTextElement(QStringLiteral("featureBlendMode"), QStringLiteral("0"));
    w.writeTextElement(QStringLiteral("layerOpacity"), number(st.opacity));
    w.writeTextElement(QStringLiteral("layerGeometryType"), QString::number(kind == GeometryKind::Point  ? 0
                                                                            : kind == GeometryKind::Line ? 1
                                                                                                         : 2));
    w.writeEndElement();  // qgis
    w.writeEndDocument();
    return text.toStdString();
}

std::string styleSld(const style::LayerStyle& st, GeometryKind kind, const std::string& layerName, const FieldRenames& renames)
{
    QString text;
    QXmlStreamWriter w(&text);
    w.setAutoFormatting(true);
    w.setAutoFormattingIndent(1);
    w.writeStartDocument();
    w.writeStartElement(QStringLiteral("StyledLayerDescriptor"));
    w.writeAttribute(QStringLiteral("version"), QStringLiteral("1.1.0"));
    w.writeAttribute(QStringLiteral("xmlns"), QStringLiteral("http://www.opengis.net/sld"));
    w.writeAttribute(QStringLiteral("xmlns:se"), QStringLiteral("http://www.opengis.net/se"));
    w.writeAttribute(QStringLiteral("xmlns:ogc"), QStringLiteral("http://www.opengis.net/ogc"));
    w.writeAttribute(QStringLiteral("xmlns:xlink"), QStringLiteral("http://www.w3.org/1999/xlink"));
    w.writeAttribute(QStringLiteral("xmlns:xsi"), QStringLiteral("http://www.w3.org/2001/XMLSchema-instance"));
    w.writeAttribute(QStringLiteral("xsi:schemaLocation"),
                     QStringLiteral("http://www.opengis.net/sld http://schemas.opengis.net/sld/1.1.0/StyledLayerDescriptor.xsd"));
    w.writeStartElement(QStringLiteral("NamedLayer"));
    w.writeTextElement(QStringLiteral("se:Name"), QString::fromStdString(layerName));
    w.writeStartElement(QStringLiteral("UserStyle"));
    w.writeTextElement(QStringLiteral("se:Name"), QString::fromStdString(layerName));
    w.writeStartElement(QStringLiteral("se:FeatureTypeStyle"));
    const QString field = fieldName(st.features.field, renames);
    for (const Class& c : classesOf(st.features)) {
        w.writeStartElement(QStringLiteral("se:Rule"));
        const QString title = c.kind == Class::Kind::All ? QString::fromStdString(layerName) : c.label;
        w.writeTextElement(QStringLiteral("se:Name"), title);
        w.writeStartElement(QStringLiteral("se:Description"));
        w.writeTextElement(QStringLiteral("se:Title"), title);
        w.writeEndElement();
        switch (c.kind) {
        case Class::Kind::All: break;
        case Class::Kind::Value:
            w.writeStartElement(QStringLiteral("ogc:Filter"));
            sldComparison(w, QStringLiteral("ogc:PropertyIsEqualTo"), field, c.value);
            w.writeEndElement();
            break;
        case Class::Kind::Range:
            w.writeStartElement(QStringLiteral("ogc:Filter"));
            w.writeStartElement(QStringLiteral("ogc:And"));
            sldComparison(w, QStringLiteral("ogc:PropertyIsGreaterThanOrEqualTo"), field, number(c.lower));
            sldComparison(w, QStringLiteral("ogc:PropertyIsLessThanOrEqualTo"), field, number(c.upper));
            w.writeEndElement();
            w.writeEndElement();
            break;
        case Class::Kind::Other:
            w.writeEmptyElement(QStringLiteral("se:ElseFilter"));
            break;
        }
        sldScale(w, st);
        Symbol s = c.symbol;
        if (st.opacity < 1.0) {
            s.fillColor.setAlphaF(s.fillColor.alphaF() * st.opacity);
            s.strokeColor.setAlphaF(s.strokeColor.alphaF() * st.opacity);
        }
        sldSymbolizer(w, s, kind);
        w.writeEndElement();  // Rule
    }
    const style::LabelSettings& l = st.labels;
    if (l.enabled && !l.field.isEmpty()) {
        w.writeStartElement(QStringLiteral("se:Rule"));
        w.writeTextElement(QStringLiteral("se:Name"), QStringLiteral("labels"));
        if (l.maxScaleDenominator > 0) w.writeTextElement(QStringLiteral("se:MaxScaleDenominator"), number(l.maxScaleDenominator));
        w.writeStartElement(QStringLiteral("se:TextSymbolizer"));
        w.writeStartElement(QStringLiteral("se:Label"));
        w.writeTextElement(QStringLiteral("ogc:PropertyName"), fieldName(l.field, renames));
        w.writeEndElement();
        w.writeStartElement(QStringLiteral("se:Font"));
        svgParameter(w, QStringLiteral("font-family"), l.fontFamily);
        svgParameter(w, QStringLiteral("font-size"), number(l.sizePt * 25.4 / 72.0 / 0.28));
        if (l.bold) svgParameter(w, QStringLiteral("font-weight"), QStringLiteral("bold"));
        if (l.italic) svgParameter(w, QStringLiteral("font-style"), QStringLiteral("italic"));
        w.writeEndElement();
        if (l.haloWidthMm > 0) {
            w.writeStartElement(QStringLiteral("se:Halo"));
            w.writeTextElement(QStringLiteral("se:Radius"), number(pixels(l.haloWidthMm)));
            sldFill(w, l.haloColor);
            w.writeEndElement();
        }
        sldFill(w, l.color);
        w.writeStartElement(QStringLiteral("se:VendorOption"));
        w.writeAttribute(QStringLiteral("name"), QStringLiteral("priority"));
        w.writeCharacters(QString::number(l.priority));
        w.writeEndElement();
        w.writeEndElement();  // TextSymbolizer
        w.writeEndElement();  // Rule
    }
    w.writeEndElement();  // FeatureTypeStyle
    w.writeEndElement();  // UserStyle
    w.writeEndElement();  // NamedLayer
    w.writeEndElement();
    w.writeEndDocument();
    return text.toStdString();
}

void writeGeoPackageStyle(const std::filesystem::path& file, const GeoPackageStyle& style)
{
    GDALAllRegister();
    const std::string where = "'" + file.string() + "'";
    const char* drivers[] = {"GPKG", nullptr};
    GDALDatasetUniquePtr ds(GDALDataset::Open(file.string().c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, drivers));
    if (!ds) throw geo::IoError("Cannot open " + where + " as a GeoPackage to write its layer style");
    OGRLayer* table = ds->GetLayerByName("layer_styles");
    if (!table) {
        // The table as QGIS creates it (an attributes table of the GeoPackage).
        const char* options[] = {"FID=id", nullptr};
        table = ds->CreateLayer("layer_styles", nullptr, wkbNone, const_cast<char**>(options));
        if (!table) throw geo::IoError("Cannot create the layer_styles table in " + where + ": " + CPLGetLastErrorMsg());
        const auto add = [&](const char* name, OGRFieldType type, int width = 0, OGRFieldSubType sub = OFSTNone) {
            OGRFieldDefn f(name, type);
            if (width > 0) f.SetWidth(width);
            f.SetSubType(sub);
            if (table->CreateField(&f) != OGRERR_NONE)
                throw geo::IoError("Cannot create the field " + std::string(name) + " of layer_styles in " + where);
        };
        add("f_table_catalog", OFTString, 256);
        add("f_table_schema", OFTString, 256);
        add("f_table_name", OFTString, 256);
        add("f_geometry_column", OFTString, 256);
        add("styleName", OFTString, 30);
        add("styleQML", OFTString);
        add("styleSLD", OFTString);
        add("useAsDefault", OFTInteger, 0, OFSTBoolean);
        add("description", OFTString);
        add("owner", OFTString, 30);
        add("ui", OFTString, 30);
        add("update_time", OFTDateTime);
    }
    if (style.useAsDefault) {
        const std::string quoted = "'" + QString::fromStdString(style.table).replace(QLatin1Char('\''), QStringLiteral("''")).toStdString() + "'";
        ds->ExecuteSQL(("UPDATE layer_styles SET useAsDefault = 0 WHERE f_table_name = " + quoted).c_str(), nullptr, nullptr);
    }
    OGRFeature feature(table->GetLayerDefn());
    feature.SetField("f_table_catalog", "");
    feature.SetField("f_table_schema", "");
    feature.SetField("f_table_name", style.table.c_str());
    feature.SetField("f_geometry_column", style.geometryColumn.c_str());
    feature.SetField("styleName", style.name.c_str());
    feature.SetField("styleQML", style.qml.c_str());
    feature.SetField("styleSLD", style.sld.c_str());
    feature.SetField("useAsDefault", style.useAsDefault ? 1 : 0);
    feature.SetField("description", style.description.c_str());
    feature.SetField("owner", "");
    feature.SetField("ui", "");
    const QDateTime now = QDateTime::currentDateTimeUtc();
    feature.SetField("update_time", now.date().year(), now.date().month(), now.date().day(), now.time().hour(),
                     now.time().minute(), static_cast<float>(now.time().second()), 100);
    if (table->CreateFeature(&feature) != OGRERR_NONE)
        throw geo::IoError("Cannot write the style of " + style.table + " into " + where + ": " + CPLGetLastErrorMsg());
    ds.reset();
}

ProjectLayerStyle projectLayerStyle(ProjectStore& store, const std::string& layer)
{
    ProjectLayerStyle out;
    const QString key = QString::fromStdString(layer);
    if (const UnitLayer* unit = findUnitLayer(layer)) {
        out.kind = GeometryKind::Polygon;
        out.title = QString::fromStdString(unit->titleVi);
    } else if (store.features().hasLayer(layer)) {
        const LayerInfo& info = store.features().layer(layer);
        out.title = QString::fromStdString(info.titleVi);
        switch (info.geometryType) {
        case GeometryType::Point:
        case GeometryType::MultiPoint: out.kind = GeometryKind::Point; break;
        case GeometryType::LineString:
        case GeometryType::MultiLineString: out.kind = GeometryKind::Line; break;
        case GeometryType::Polygon:
        case GeometryType::MultiPolygon: out.kind = GeometryKind::Polygon; break;
        case GeometryType::Any: {
            FeatureQuery q;
            q.layer = layer;
            q.withAttributes = false;
            const auto first = store.features().list(q);
            out.kind = GeometryKind::Point;
            if (!first.empty() && !first.front().geometry.empty()) {
                const geo::GeometryType t = geo::Geometry::fromWkb(first.front().geometry).type();
                if (t == geo::GeometryType::LineString || t == geo::GeometryType::MultiLineString) out.kind = GeometryKind::Line;
                if (t == geo::GeometryType::Polygon || t == geo::GeometryType::MultiPolygon) out.kind = GeometryKind::Polygon;
            }
            break;
        }
        }
    } else {
        throw std::runtime_error("unknown layer '" + layer + "'");
    }
    for (const project::ProjectLayer& l : project::projectLayers(store)) {
        if (l.key != key) continue;
        out.style = l.style(out.kind);
        out.title = l.title;
        return out;
    }
    out.style = project::defaultStyle(key, out.kind);  // a layer without features
    return out;
}

} // namespace planmap::layers::io
