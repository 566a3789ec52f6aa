#include "planmap/layers/style/ColorRamp.h"
#include "planmap/layers/style/FeatureStyle.h"
#include "planmap/layers/style/LayerStyle.h"
#include "planmap/layers/style/StyleError.h"

#include <gtest/gtest.h>

#include <QJsonDocument>

using namespace planmap::layers;
using namespace planmap::layers::style;

TEST(StyleColorRamp, SequentialEndsAndInterpolation)
{
    const ColorRamp r("test", ColorRamp::Kind::Sequential, {QColor(0, 0, 0), QColor(200, 100, 50)});
    EXPECT_EQ(r.colorAt(0), QColor(0, 0, 0));
    EXPECT_EQ(r.colorAt(1), QColor(200, 100, 50));
    EXPECT_EQ(r.colorAt(0.5), QColor(100, 50, 25));
    EXPECT_EQ(r.colorAt(-3), QColor(0, 0, 0));
    const auto c = r.colors(3);
    ASSERT_EQ(c.size(), 3u);
    EXPECT_EQ(c[1], QColor(100, 50, 25));
    EXPECT_EQ(r.reversed().colorAt(0), QColor(200, 100, 50));
}

TEST(StyleColorRamp, BuiltInsAreOrderedAndDistinct)
{
    for (const QString& name : ColorRamp::names()) {
        const ColorRamp r = ColorRamp::named(name);
        const auto c = r.colors(7);
        for (std::size_t i = 1; i < c.size(); ++i) EXPECT_NE(c[i], c[i - 1]) << name.toStdString();
        if (r.kind() == ColorRamp::Kind::Sequential) {
            // Light to dark.
            for (std::size_t i = 1; i < c.size(); ++i)
                EXPECT_LT(c[i].lightness(), c[i - 1].lightness()) << name.toStdString() << " " << i;
        }
    }
    // Diverging ramps have their lightest colour in the middle.
    const auto d = ColorRamp::named("RdYlGn").colors(7);
    EXPECT_GT(d[3].lightness(), d[0].lightness());
    EXPECT_GT(d[3].lightness(), d[6].lightness());
    EXPECT_THROW(ColorRamp::named("NoSuchRamp"), StyleError);
    // Qualitative palettes cycle.
    const ColorRamp q = ColorRamp::named("Categories");
    EXPECT_EQ(q.colors(12)[10], q.stops()[0]);
}

TEST(StyleFeatureStyle, CategorizedMatchesByText)
{
    const std::vector<QVariant> values{QString("Khu vực III"), QString("Khu vực I"), QVariant(), QString("Khu vực III"),
                                       QString("Khu vực II")};
    FeatureStyle s = FeatureStyle::categorized("dbkk", values, ColorRamp::named("Categories"));
    ASSERT_EQ(s.categories.size(), 3u);
    EXPECT_EQ(s.categories[0].label, QString("Khu vực III"));
    EXPECT_EQ(s.symbolIndex(QString("Khu vực I")), 1);
    EXPECT_EQ(s.symbolIndex(QString("Khu vực IV")), -1);
    EXPECT_EQ(s.symbolIndex(QVariant()), -1);
    EXPECT_NE(s.symbolAt(0).fillColor, s.symbolAt(1).fillColor);
    s.otherSymbol = Symbol{};
    EXPECT_EQ(s.symbolIndex(QString("Khu vực IV")), 3);
    EXPECT_EQ(s.symbolCount(), 4);
    const auto legend = s.legend(GeometryKind::Polygon);
    ASSERT_EQ(legend.size(), 4u);
    EXPECT_EQ(legend[3].label, QString("Khác"));
    // Numbers match their text form.
    const std::vector<QVariant> codes{1, 2};
    const FeatureStyle n = FeatureStyle::categorized("code", codes, ColorRamp::named("Pastel"));
    EXPECT_EQ(n.symbolIndex(QString("2")), 1);
    EXPECT_EQ(n.symbolIndexForNumber(2.0), 1);
    EXPECT_THROW(FeatureStyle::categorized("x", std::vector<QVariant>{QVariant()}, ColorRamp::named("Pastel")), StyleError);
}

TEST(StyleFeatureStyle, GraduatedClassesAndLabels)
{
    const std::vector<double> v{0, 10, 20, 30, 40, 1250.5};
    const FeatureStyle s = FeatureStyle::graduated("pct", v, 2, ClassificationMethod::EqualInterval,
                                                   ColorRamp::named("YlOrRd"), Symbol{}, 1);
    ASSERT_EQ(s.ranges.size(), 2u);
    EXPECT_DOUBLE_EQ(s.ranges[0].upper, 625.25);
    EXPECT_EQ(s.ranges[0].label, QString::fromUtf8("0,0 – 625,3"));
    EXPECT_EQ(s.ranges[1].label, QString::fromUtf8("625,3 – 1.250,5"));
    EXPECT_EQ(s.symbolIndex(625.25), 0);  // on a break: lower class
    EXPECT_EQ(s.symbolIndex(625.26), 1);
    EXPECT_EQ(s.symbolIndex(QString("40")), 0);
    EXPECT_EQ(s.symbolIndex(QString("abc")), -1);
    EXPECT_EQ(s.symbolIndex(QVariant()), -1);
    EXPECT_EQ(s.symbolIndex(5000.0), -1);
    EXPECT_EQ(s.method, ClassificationMethod::EqualInterval);
    EXPECT_EQ(s.ranges[0].symbol.fillColor, ColorRamp::named("YlOrRd").colorAt(0));
    EXPECT_THROW(FeatureStyle::graduatedManual("x", std::vector<double>{3, 1}, ColorRamp::named("Greens")), StyleError);
}

TEST(StyleFeatureStyle, VietnameseNumbers)
{
    EXPECT_EQ(formatNumberVi(1238075, 0), QString("1.238.075"));
    EXPECT_EQ(formatNumberVi(-1234.567, 2), QString("-1.234,57"));
    EXPECT_EQ(formatNumberVi(999, 0), QString("999"));
    EXPECT_EQ(formatNumberVi(-0.001, 1), QString("0,0"));
}

TEST(StyleFeatureStyle, JsonRoundTrip)
{
    LayerStyle ls;
    const std::vector<double> v{1, 5, 9, 30, 31, 70};
    Symbol base;
    base.strokeStyle = StrokeStyle::Dash;
    base.markerShape = MarkerShape::Star;
    base.strokeColor = QColor(10, 20, 30, 128);
    ls.features = FeatureStyle::graduated("distance_km", v, 3, ClassificationMethod::NaturalBreaks,
                                          ColorRamp::named("RdYlGn"), base, 0);
    ls.features.otherSymbol = Symbol{};
    ls.features.otherLabel = QString::fromUtf8("Không có số liệu");
    ls.labels.enabled = true;
    ls.labels.field = "ten";
    ls.labels.priority = 8;
    ls.labels.haloColor = QColor(255, 255, 255, 200);
    ls.opacity = 0.75;
    ls.maxScaleDenominator = 250000;
    const QByteArray text = ls.toJsonText();
    const LayerStyle back = LayerStyle::fromJsonText(text);
    EXPECT_EQ(back, ls);
    EXPECT_EQ(back.toJsonText(), text);

    LayerStyle cat;
    const std::vector<QVariant> vals{QString("Rừng sản xuất"), QString("Rừng phòng hộ"), 7};
    cat.features = FeatureStyle::categorized("loai_rung", vals, ColorRamp::named("Greens"));
    const LayerStyle back2 = LayerStyle::fromJsonText(cat.toJsonText());
    EXPECT_EQ(back2.features.categories.size(), 3u);
    EXPECT_EQ(back2.features.symbolIndex(QString("Rừng phòng hộ")), 1);
    EXPECT_EQ(back2.features.symbolIndex(7), 2);
}

TEST(StyleFeatureStyle, JsonErrorsNameTheKey)
{
    auto message = [](const char* json) {
        try {
            LayerStyle::fromJsonText(QByteArray(json));
        } catch (const StyleError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    EXPECT_NE(message(R"({"opacity": "high"})").find("'opacity'"), std::string::npos);
    EXPECT_NE(message(R"({"features": {"kind": "heatmap"}})").find("heatmap"), std::string::npos);
    EXPECT_NE(message(R"({"features": {"symbol": {"fill": "#zzz"}}})").find("'fill'"), std::string::npos);
    EXPECT_NE(message(R"({"features": {"kind": "graduated"}})").find("'field'"), std::string::npos);
    EXPECT_NE(message(R"({"labels": {"priority": 11}})").find("priority"), std::string::npos);
    EXPECT_NE(message("{not json").find("offset"), std::string::npos);
    EXPECT_EQ(message(R"({})"), "no error");
}

TEST(StyleLayerStyle, ScaleRange)
{
    LayerStyle s;
    EXPECT_TRUE(s.visibleAtScale(1e9));
    s.maxScaleDenominator = 250000;
    s.minScaleDenominator = 1000;
    EXPECT_TRUE(s.visibleAtScale(250000));
    EXPECT_FALSE(s.visibleAtScale(500000));
    EXPECT_FALSE(s.visibleAtScale(500));
}
