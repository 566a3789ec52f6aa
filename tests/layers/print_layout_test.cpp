// Print layouts: the model, its JSON, the templates and saving in the project.
#include "planmap/layers/print/Layout.h"
#include "planmap/layers/print/LayoutStore.h"
#include "planmap/layers/print/Templates.h"
#include "planmap/layers/store/ProjectStore.h"

#include "print_testkit.h"

#include <gtest/gtest.h>

#include <QJsonArray>

using namespace planmap::layers;
using namespace planmap::layers::print;

TEST(PrintLayout, PageSizesFollowPaperAndOrientation)
{
    EXPECT_EQ((PageSetup{PaperSize::A4, Orientation::Landscape}.sizeMm()), QSizeF(297, 210));
    EXPECT_EQ((PageSetup{PaperSize::A4, Orientation::Portrait}.sizeMm()), QSizeF(210, 297));
    EXPECT_EQ((PageSetup{PaperSize::A3, Orientation::Landscape}.sizeMm()), QSizeF(420, 297));
    EXPECT_EQ((PageSetup{PaperSize::A3, Orientation::Portrait}.sizeMm()), QSizeF(297, 420));
}

TEST(PrintLayout, EveryTemplateFitsItsPageInBothOrientations)
{
    for (const TemplateInfo& t : templates()) {
        for (Orientation o : {Orientation::Portrait, Orientation::Landscape}) {
            const Layout l = makeTemplate(t.name, o);
            SCOPED_TRACE(t.name.toStdString() + " " + orientationName(o).toStdString());
            EXPECT_EQ(l.page.orientation, o);
            EXPECT_EQ(l.page.paper, t.defaultPage.paper);
            EXPECT_NO_THROW(l.validate());
            const QSizeF page = l.page.sizeMm();
            for (const LayoutItem& i : l.items) {
                EXPECT_GE(i.rectMm.left(), 0.0) << i.id.toStdString();
                EXPECT_GE(i.rectMm.top(), 0.0) << i.id.toStdString();
                EXPECT_LE(i.rectMm.right(), page.width() + 1e-9) << i.id.toStdString();
                EXPECT_LE(i.rectMm.bottom(), page.height() + 1e-9) << i.id.toStdString();
            }
            // The furniture a briefing needs.
            for (const char* id : {"map", "title", "legend", "scale_bar", "north_arrow", "inset", "indicators", "notice"})
                EXPECT_NE(l.item(QString::fromLatin1(id)), nullptr) << id;
            EXPECT_EQ(l.mainMap()->id, QStringLiteral("map"));
            // The map frame does not overlap the legend or the table.
            EXPECT_FALSE(l.item(QStringLiteral("map"))->rectMm.intersects(l.item(QStringLiteral("legend"))->rectMm));
            EXPECT_FALSE(l.item(QStringLiteral("map"))->rectMm.intersects(l.item(QStringLiteral("indicators"))->rectMm));
        }
    }
    EXPECT_EQ(makeTemplate(QStringLiteral("wall-a3")).page.sizeMm(), QSizeF(420, 297));
    EXPECT_EQ(makeTemplate(QStringLiteral("district-a4")).page.orientation, Orientation::Portrait);
    EXPECT_EQ(makeTemplate(QStringLiteral("wall-a3")).mainMap()->map.grid, GridKind::Projected);
    // The title names the plan through a placeholder, not a hard-coded text.
    EXPECT_EQ(makeTemplate(QStringLiteral("briefing-a4")).item(QStringLiteral("title"))->text.text, QStringLiteral("{plan}"));
}

TEST(PrintLayout, UnknownTemplateListsTheKnownOnes)
{
    try {
        makeTemplate(QStringLiteral("poster"));
        FAIL() << "expected LayoutError";
    } catch (const LayoutError& e) {
        EXPECT_NE(std::string(e.what()).find("briefing-a4"), std::string::npos) << e.what();
    }
}

TEST(PrintLayout, JsonRoundTripKeepsEverything)
{
    Layout l = makeTemplate(QStringLiteral("briefing-a4"));
    l.name = QStringLiteral("Bản đồ giao ban");
    LayoutItem* map = l.mainMap();
    map->map.extentMode = ExtentMode::Fixed;
    map->map.extent = render::Extent(420000, 2380000, 470000, 2430000);
    map->map.scaleDenominator = 150000;
    map->map.hiddenLayers = QStringList{QStringLiteral("roads")};
    map->map.grid = GridKind::Graticule;
    map->map.gridInterval = 10;
    l.item(QStringLiteral("title"))->text.color = QColor(10, 20, 30, 200);
    l.item(QStringLiteral("indicators"))->table.maxRows = 7;
    const Layout back = Layout::fromJsonText(l.toJsonText());
    EXPECT_EQ(back, l);
}

TEST(PrintLayout, JsonErrorsNameTheItemAndField)
{
    Layout l = makeTemplate(QStringLiteral("briefing-a4"));
    QJsonObject o = l.toJson();
    QJsonArray items = o.value(QStringLiteral("items")).toArray();
    QJsonObject legend;
    int legendIndex = -1;
    for (int i = 0; i < items.size(); ++i)
        if (items[i].toObject().value(QStringLiteral("id")).toString() == QLatin1String("legend")) legendIndex = i;
    ASSERT_GE(legendIndex, 0);

    const auto expectError = [&](QJsonObject item, const std::string& fragment) {
        QJsonArray changed = items;
        changed[legendIndex] = item;
        QJsonObject doc = o;
        doc.insert(QStringLiteral("items"), changed);
        try {
            Layout::fromJson(doc);
            ADD_FAILURE() << "expected LayoutError for " << fragment;
        } catch (const LayoutError& e) {
            EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
            EXPECT_NE(std::string(e.what()).find("legend"), std::string::npos) << e.what();
        }
    };
    QJsonObject bad = items[legendIndex].toObject();
    bad.insert(QStringLiteral("kind"), QStringLiteral("compass rose"));
    expectError(bad, "\"kind\"");
    bad = items[legendIndex].toObject();
    bad.insert(QStringLiteral("rect"), QJsonArray{1, 2, 3});
    expectError(bad, "\"rect\"");
    bad = items[legendIndex].toObject();
    bad.insert(QStringLiteral("map_id"), QStringLiteral("nowhere"));
    expectError(bad, "nowhere");
    bad = items[legendIndex].toObject();
    bad.insert(QStringLiteral("rect"), QJsonArray{250, 150, 100, 100});
    expectError(bad, "outside");

    EXPECT_THROW(Layout::fromJsonText("{not json"), LayoutError);
}

TEST(PrintLayout, SavedInTheProject)
{
    printtest::TempDir dir;
    ProjectMetadata meta;
    meta.name = "Thử nghiệm";
    ProjectStore store = ProjectStore::create(dir.file("p.planmap"), meta);
    LayoutStore layouts(store.connection());
    ASSERT_TRUE(layouts.available());
    EXPECT_TRUE(layouts.names().empty());

    Layout a = makeTemplate(QStringLiteral("briefing-a4"));
    a.name = QStringLiteral("Giao ban quý III");
    layouts.save(a);
    Layout b = makeTemplate(QStringLiteral("wall-a3"));
    b.name = QStringLiteral("Treo tường");
    layouts.save(b);
    EXPECT_EQ(layouts.names(), (std::vector<QString>{QStringLiteral("Giao ban quý III"), QStringLiteral("Treo tường")}));
    EXPECT_EQ(*layouts.load(QStringLiteral("Giao ban quý III")), a);

    // Saving under the same name replaces.
    a.item(QStringLiteral("title"))->text.text = QStringLiteral("Bản đồ tiến độ {date}");
    layouts.save(a);
    EXPECT_EQ(layouts.load(QStringLiteral("Giao ban quý III"))->item(QStringLiteral("title"))->text.text,
              QStringLiteral("Bản đồ tiến độ {date}"));
    EXPECT_EQ(layouts.names().size(), 2u);

    EXPECT_FALSE(layouts.load(QStringLiteral("không có")).has_value());
    EXPECT_TRUE(layouts.remove(QStringLiteral("Treo tường")));
    EXPECT_FALSE(layouts.remove(QStringLiteral("Treo tường")));
    EXPECT_EQ(layouts.names().size(), 1u);

    Layout unnamed = makeTemplate(QStringLiteral("briefing-a4"));
    unnamed.name.clear();
    EXPECT_THROW(layouts.save(unnamed), LayoutError);
}
