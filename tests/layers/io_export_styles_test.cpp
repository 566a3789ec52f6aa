// GeoPackage exports carry the layer's style for QGIS (layer_styles with a
// QML and an SLD document), and layers round-trip through XLSX.

#include "store_test_support.h"

#include "planmap/geo/VectorReader.h"
#include "planmap/layers/importer/ImportEngine.h"
#include "planmap/layers/importer/SourceData.h"
#include "planmap/layers/io/LayerExport.h"
#include "planmap/layers/io/QgisStyle.h"
#include "planmap/layers/project/LayerSettings.h"
#include "planmap/layers/style/ColorRamp.h"

#include <QXmlStreamReader>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <gtest/gtest.h>

#include <map>

namespace planmap::layers::io {
namespace {

/// The rows of a GeoPackage's layer_styles table, read back with GDAL.
struct StyleRow {
    std::string table, geometryColumn, name, qml, sld;
    int useAsDefault = 0;
};

std::vector<StyleRow> readLayerStyles(const std::filesystem::path& gpkg)
{
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(gpkg.string().c_str(), GDAL_OF_VECTOR));
    EXPECT_TRUE(ds) << gpkg;
    std::vector<StyleRow> rows;
    if (!ds) return rows;
    OGRLayer* table = ds->GetLayerByName("layer_styles");
    EXPECT_NE(table, nullptr) << "no layer_styles in " << gpkg;
    if (!table) return rows;
    for (const char* field : {"f_table_catalog", "f_table_schema", "f_table_name", "f_geometry_column", "styleName", "styleQML",
                              "styleSLD", "useAsDefault", "description", "owner", "ui", "update_time"})
        EXPECT_GE(table->GetLayerDefn()->GetFieldIndex(field), 0) << field;
    for (auto& f : *table) {
        StyleRow r;
        r.table = f->GetFieldAsString("f_table_name");
        r.geometryColumn = f->GetFieldAsString("f_geometry_column");
        r.name = f->GetFieldAsString("styleName");
        r.qml = f->GetFieldAsString("styleQML");
        r.sld = f->GetFieldAsString("styleSLD");
        r.useAsDefault = f->GetFieldAsInteger("useAsDefault");
        rows.push_back(std::move(r));
    }
    return rows;
}

/// Elements of an XML document by name with their attributes; fails the test when it does not parse.
std::vector<std::map<QString, QString>> elements(const std::string& xml, const QString& name, std::string* text = nullptr)
{
    std::vector<std::map<QString, QString>> out;
    QXmlStreamReader reader(QString::fromStdString(xml));
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement() && reader.qualifiedName() == name) {
            std::map<QString, QString> attributes;
            for (const auto& a : reader.attributes()) attributes[a.qualifiedName().toString()] = a.value().toString();
            if (text) *text += reader.readElementText(QXmlStreamReader::IncludeChildElements).toStdString() + "\n";
            out.push_back(std::move(attributes));
        }
    }
    EXPECT_FALSE(reader.hasError()) << reader.errorString().toStdString() << " at line " << reader.lineNumber();
    return out;
}

class ExportStyleTest : public testing::StoreTest {
protected:
    void addCommunes()
    {
        AdminUnit a = testing::commune("99001", "Thượng Cường", std::string(kGeneration2025));
        a.geometry = testing::wkbBox(106.70, 21.80, 106.71, 21.81);
        AdminUnit b = testing::commune("99002", "Đông Kinh", std::string(kGeneration2025), UnitType::Ward);
        b.geometry = testing::wkbBox(106.71, 21.80, 106.72, 21.81);
        const std::vector<AdminUnit> both{a, b};
        project().units().insertMany(both);
    }
};

TEST_F(ExportStyleTest, GeoPackageCarriesTheCategorizedStyleAsQmlAndSld)
{
    addCommunes();
    const auto out = dir.file("communes.gpkg");
    const ExportReport report = exportLayer(project(), out, {"communes_2025", std::nullopt});
    EXPECT_EQ(report.features, 2);
    ASSERT_TRUE(report.styleName);

    // The data is there as before.
    geo::VectorReader reader(out);
    EXPECT_EQ(reader.layer("communes_2025").readAll().size(), 2u);

    const std::vector<StyleRow> rows = readLayerStyles(out);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].table, "communes_2025");
    EXPECT_EQ(rows[0].geometryColumn, "geom");
    EXPECT_EQ(rows[0].useAsDefault, 1);
    EXPECT_EQ(rows[0].name, *report.styleName);

    // QML: a categorized renderer on the exported field "type" (the map calls it unit_type)
    // naming the classes of the default style, plus the catch-all category.
    const auto renderer = elements(rows[0].qml, "renderer-v2");
    ASSERT_EQ(renderer.size(), 1u);
    EXPECT_EQ(renderer[0].at("type"), "categorizedSymbol");
    EXPECT_EQ(renderer[0].at("attr"), "type");
    std::vector<QString> values, labels;
    for (const auto& c : elements(rows[0].qml, "category")) {
        values.push_back(c.at("value"));
        labels.push_back(c.at("label"));
    }
    EXPECT_EQ(values, (std::vector<QString>{"phuong", "thi_tran", "xa", ""}));
    EXPECT_EQ(labels[0], QStringLiteral("Phường"));
    EXPECT_EQ(labels[2], QStringLiteral("Xã"));
    EXPECT_EQ(elements(rows[0].qml, "symbol").size(), 4u);
    // Fill colour of the first class (246, 214, 200) and the labels on the name field.
    bool fill = false;
    for (const auto& p : elements(rows[0].qml, "prop"))
        fill = fill || (p.at("k") == "color" && p.at("v") == "246,214,200,255");
    EXPECT_TRUE(fill);
    const auto textStyle = elements(rows[0].qml, "text-style");
    ASSERT_EQ(textStyle.size(), 1u);
    EXPECT_EQ(textStyle[0].at("fieldName"), "name");

    // SLD: one rule per class, the last an ElseFilter, filters on "type", then a label rule.
    std::string names;
    EXPECT_EQ(elements(rows[0].sld, "se:Rule").size(), 5u);
    elements(rows[0].sld, "se:Name", &names);
    EXPECT_NE(names.find("Phường"), std::string::npos) << names;
    EXPECT_EQ(elements(rows[0].sld, "se:ElseFilter").size(), 1u);
    std::string properties;
    elements(rows[0].sld, "ogc:PropertyName", &properties);
    EXPECT_NE(properties.find("type\n"), std::string::npos) << properties;
    EXPECT_EQ(elements(rows[0].sld, "se:PolygonSymbolizer").size(), 4u);
    EXPECT_EQ(elements(rows[0].sld, "se:TextSymbolizer").size(), 1u);

    // Without the style: no layer_styles table.
    const auto bare = dir.file("bare.gpkg");
    ExportOptions options{"communes_2025", std::nullopt};
    options.withStyle = false;
    EXPECT_FALSE(exportLayer(project(), bare, options).styleName);
    GDALDatasetUniquePtr ds(GDALDataset::Open(bare.string().c_str(), GDAL_OF_VECTOR));
    ASSERT_TRUE(ds);
    EXPECT_EQ(ds->GetLayerByName("layer_styles"), nullptr);
    // No partial files are left beside the output.
    for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
        EXPECT_EQ(entry.path().filename().string().find(".styling-"), std::string::npos) << entry.path();
}

TEST_F(ExportStyleTest, SavedGraduatedStyleWithMarkersAndLabelsReachesQgis)
{
    LayerDefinition def;
    def.name = "wells";
    def.titleVi = "Giếng";
    def.geometryType = GeometryType::Point;
    FieldInfo depth;
    depth.name = "depth";
    depth.type = FieldType::Real;
    depth.titleVi = "Độ sâu";
    def.fields.push_back(depth);
    project().features().createLayer(def);
    std::vector<Feature> features;
    for (int i = 0; i < 6; ++i) {
        Feature f;
        f.layer = "wells";
        f.name = "Giếng " + std::to_string(i);
        f.geometry = testing::wkbPoint(106.7 + 0.01 * i, 21.85);
        f.attributes["depth"] = Value{10.0 * (i + 1)};
        features.push_back(std::move(f));
    }
    project().features().insertMany(features);

    style::LayerStyle st;
    const std::vector<double> depths{10, 20, 30, 40, 50, 60};
    style::Symbol base;
    base.markerShape = style::MarkerShape::Triangle;
    base.markerSizeMm = 3.5;
    st.features = style::FeatureStyle::graduated(QStringLiteral("depth"), depths, 3, style::ClassificationMethod::EqualInterval,
                                                 style::ColorRamp::named(QStringLiteral("Blues")), base);
    st.labels.enabled = true;
    st.labels.field = QStringLiteral("name");
    st.labels.bold = true;
    st.labels.maxScaleDenominator = 50000;
    st.opacity = 0.8;
    st.maxScaleDenominator = 250000;
    project::LayerSettingsStore(project().connection()).save({{QStringLiteral("wells"), 0, true, st}});

    const auto out = dir.file("wells.gpkg");
    exportLayer(project(), out, {"wells", std::nullopt});
    const auto rows = readLayerStyles(out);
    ASSERT_EQ(rows.size(), 1u);
    const std::string& qml = rows[0].qml;
    const auto qgis = elements(qml, "qgis");
    ASSERT_EQ(qgis.size(), 1u);
    EXPECT_EQ(qgis[0].at("hasScaleBasedVisibilityFlag"), "1");
    EXPECT_EQ(qgis[0].at("minScale"), "250000");
    const auto renderer = elements(qml, "renderer-v2");
    EXPECT_EQ(renderer[0].at("type"), "graduatedSymbol");
    EXPECT_EQ(renderer[0].at("attr"), "depth");
    const auto ranges = elements(qml, "range");
    ASSERT_EQ(ranges.size(), 3u);
    EXPECT_EQ(ranges[0].at("lower"), "10");
    EXPECT_EQ(ranges[2].at("upper"), "60");
    EXPECT_EQ(ranges[0].at("label").toStdString(), st.features.ranges[0].label.toStdString());
    int triangles = 0;
    for (const auto& p : elements(qml, "prop")) triangles += p.at("k") == "name" && p.at("v") == "triangle";
    EXPECT_EQ(triangles, 3);
    std::string opacity;
    elements(qml, "layerOpacity", &opacity);
    EXPECT_EQ(opacity, "0.8\n");
    const auto textStyle = elements(qml, "text-style");
    ASSERT_EQ(textStyle.size(), 1u);
    EXPECT_EQ(textStyle[0].at("fontWeight"), "75");
    EXPECT_EQ(elements(qml, "rendering")[0].at("scaleMin"), "50000");

    EXPECT_EQ(elements(rows[0].sld, "se:PointSymbolizer").size(), 3u);
    EXPECT_EQ(elements(rows[0].sld, "ogc:And").size(), 3u);
    std::string marks;
    elements(rows[0].sld, "se:WellKnownName", &marks);
    EXPECT_EQ(marks, "triangle\ntriangle\ntriangle\n");

    // Writing a second style makes it the default and the first not.
    GeoPackageStyle second;
    second.table = "wells";
    second.geometryColumn = "geom";
    second.name = "khác";
    second.qml = qgisQml(st, GeometryKind::Point);
    second.sld = styleSld(st, GeometryKind::Point, "wells");
    writeGeoPackageStyle(out, second);
    const auto after = readLayerStyles(out);
    ASSERT_EQ(after.size(), 2u);
    EXPECT_EQ(after[0].useAsDefault + after[1].useAsDefault, 1);
    EXPECT_EQ(after[1].useAsDefault, 1);
}

TEST_F(ExportStyleTest, XlsxRoundTripsAttributesAndGeometry)
{
    addCommunes();
    // Points: X and Y columns.
    std::vector<Feature> villages;
    const std::vector<std::pair<std::string, double>> rows{{"Thôn Bản Mới", 106.7615}, {"Khối 3", 106.7702}};
    for (const auto& [name, x] : rows) {
        Feature f;
        f.layer = "villages";
        f.name = name;
        f.userKey = name == "Khối 3" ? "K3" : "BM";
        f.geometry = testing::wkbPoint(x, 21.8537);
        f.attributes["population"] = Value{std::int64_t(1238)};
        villages.push_back(std::move(f));
    }
    project().features().insertMany(villages);
    const auto points = dir.file("villages.xlsx");
    EXPECT_EQ(exportLayer(project(), points, {"villages", std::nullopt}).features, 2);

    importer::SourceData source = importer::SourceData::read(points);
    EXPECT_EQ(source.driver(), "XLSX");
    ASSERT_EQ(source.rows().size(), 2u);
    ASSERT_TRUE(source.coordinateColumns());
    EXPECT_EQ(source.coordinateColumns()->first, "X");
    const int name = source.column("name"), population = source.column("population");
    ASSERT_GE(name, 0);
    ASSERT_GE(population, 0);
    EXPECT_EQ(geo::toString(source.rows()[0].values[static_cast<std::size_t>(name)]), "Thôn Bản Mới");
    EXPECT_EQ(geo::toString(source.rows()[1].values[static_cast<std::size_t>(population)]), "1238");
    const geo::Envelope e = source.rows()[1].geometry->envelope();
    EXPECT_NEAR(e.minx, 106.7702, 1e-9);
    EXPECT_NEAR(e.miny, 21.8537, 1e-9);

    // Polygons: a WKT column; importing the sheet again gives the same shapes.
    const auto polygons = dir.file("communes.xlsx");
    exportLayer(project(), polygons, {"communes_2025", std::nullopt});
    importer::ImportRequest request;
    request.file = polygons;
    request.layer = "communes_again";
    request.crs = "EPSG:4326";
    const importer::ImportResult result = importer::runImport(project(), request);
    EXPECT_EQ(result.report.inserted, 2);
    FeatureQuery q;
    q.layer = "communes_again";
    const auto again = project().features().list(q);
    ASSERT_EQ(again.size(), 2u);
    const geo::Geometry first = geo::Geometry::fromWkb(again[0].geometry);
    EXPECT_NEAR(first.area(), 0.0001, 1e-12);
    EXPECT_EQ(again[0].attributes.at("full_name"), Value{std::string("Xã Thượng Cường")});
}

} // namespace
} // namespace planmap::layers::io
