// Layer settings saved in the project (schema 5) and the map every view
// draws from them: layers/project/LayerSettings.h and ProjectLayers.h.

#include "planmap/layers/project/LayerSettings.h"
#include "planmap/layers/project/ProjectLayers.h"
#include "planmap/layers/render/FeatureSource.h"

#include "store_test_support.h"

using namespace planmap::layers;
using namespace planmap::layers::project;
using namespace planmap::layers::testing;
namespace wkb = planmap::layers::render::wkb;

namespace {

class ProjectLayerSettingsTest : public StoreTest {
protected:
    void SetUp() override
    {
        StoreTest::SetUp();
        AdminUnits units(project().connection());
        AdminUnit c = commune("05977", "Đông Kinh", "2025", UnitType::Ward);
        c.geometry = wkb::multiPolygon({{{106.75, 21.84, 106.78, 21.84, 106.78, 21.87, 106.75, 21.87, 106.75, 21.84}}});
        units.insert(c);
        AdminUnit d;
        d.code = "178";
        d.level = UnitLevel::District;
        d.type = UnitType::District;
        d.generation = std::string(kGenerationPre2025);
        d.name = "Cao Lộc";
        d.geometry = wkb::multiPolygon({{{106.70, 21.80, 106.80, 21.80, 106.80, 21.90, 106.70, 21.90, 106.70, 21.80}}});
        units.insert(d);
        FeatureLayers features(project().connection());
        Feature f;
        f.layer = "villages";
        f.userKey = "V-1";
        f.name = "Thôn Nà Pàn";
        f.illustrative = true;
        f.geometry = wkb::point(106.76, 21.85);
        features.insert(f);
    }
    std::vector<QString> keys(const std::vector<ProjectLayer>& layers)
    {
        std::vector<QString> out;
        for (const ProjectLayer& l : layers) out.push_back(l.key);
        return out;
    }
};

style::LayerStyle redVillages()
{
    style::LayerStyle st = defaultStyle(QStringLiteral("villages"), GeometryKind::Point);
    st.features.symbol.fillColor = QColor(200, 0, 0);
    st.opacity = 0.5;
    st.minScaleDenominator = 1000;
    st.maxScaleDenominator = 90000;
    st.labels.enabled = false;
    return st;
}

} // namespace

TEST_F(ProjectLayerSettingsTest, DefaultsWhenNothingIsSaved)
{
    LayerSettingsStore settings(project().connection());
    EXPECT_TRUE(settings.available());
    EXPECT_TRUE(settings.load().empty());
    const auto layers = projectLayers(project());
    EXPECT_EQ(keys(layers), (std::vector<QString>{"villages", "districts_2023", "communes_2025"}));
    for (const ProjectLayer& l : layers) {
        EXPECT_TRUE(l.visible);
        EXPECT_FALSE(l.savedStyle);
        EXPECT_EQ(l.style(GeometryKind::Polygon), defaultStyle(l.key, GeometryKind::Polygon, l.valueLabels));
    }
}

TEST_F(ProjectLayerSettingsTest, SavedOrderVisibilityAndStyleComeBack)
{
    const std::vector<LayerSetting> saved{
        {QStringLiteral("communes_2025"), 0, true, std::nullopt},
        {QStringLiteral("villages"), 1, false, redVillages()},
        {QStringLiteral("districts_2023"), 2, true, std::nullopt},
    };
    LayerSettingsStore(project().connection()).save(saved);
    EXPECT_EQ(LayerSettingsStore(project().connection()).load(), saved);

    const auto layers = projectLayers(project());
    EXPECT_EQ(keys(layers), (std::vector<QString>{"communes_2025", "villages", "districts_2023"}));
    EXPECT_FALSE(layers[1].visible);
    ASSERT_TRUE(layers[1].savedStyle);
    EXPECT_EQ(layers[1].style(GeometryKind::Point), redVillages());
    EXPECT_EQ(layers[0].style(GeometryKind::Polygon), defaultStyle(QStringLiteral("communes_2025"), GeometryKind::Polygon,
                                                                    layers[0].valueLabels));
    // Asking for the defaults ignores them; saving again replaces them all.
    EXPECT_EQ(keys(projectLayers(project(), Language::Vietnamese, SavedSettings::Ignore)),
              (std::vector<QString>{"villages", "districts_2023", "communes_2025"}));
    LayerSettingsStore(project().connection()).save({{QStringLiteral("villages"), 0, true, std::nullopt}});
    EXPECT_EQ(LayerSettingsStore(project().connection()).load().size(), 1u);
    LayerSettingsStore(project().connection()).clear();
    EXPECT_TRUE(LayerSettingsStore(project().connection()).load().empty());
}

TEST_F(ProjectLayerSettingsTest, SettingsTravelWithTheFile)
{
    LayerSettingsStore(project().connection()).save({{QStringLiteral("villages"), 0, false, redVillages()}});
    store.reset();
    ProjectStore reopened = ProjectStore::open(projectPath, OpenOptions{.readOnly = true});
    const auto layers = projectLayers(reopened);
    ASSERT_EQ(layers.front().key, QStringLiteral("villages"));
    EXPECT_FALSE(layers.front().visible);
    EXPECT_EQ(layers.front().style(GeometryKind::Point), redVillages());
}

TEST_F(ProjectLayerSettingsTest, ANewLayerKeepsItsDefaultPlaceBelowItsPredecessor)
{
    // Saved before the villages existed: districts under communes.
    std::vector<ProjectLayer> layers(4);
    const char* defaults[] = {"villages", "roads", "districts_2023", "communes_2025"};
    for (int i = 0; i < 4; ++i) layers[std::size_t(i)].key = QString::fromLatin1(defaults[i]);
    applyLayerSettings(layers, {{QStringLiteral("communes_2025"), 0, true, std::nullopt},
                                {QStringLiteral("roads"), 1, true, std::nullopt},
                                {QStringLiteral("districts_2023"), 2, false, std::nullopt},
                                {QStringLiteral("gone"), 3, true, std::nullopt}});
    // villages (first by default) goes on top; the saved ones keep the saved order.
    EXPECT_EQ(keys(layers), (std::vector<QString>{"villages", "communes_2025", "roads", "districts_2023"}));
    EXPECT_TRUE(layers[0].visible);
    EXPECT_FALSE(layers[3].visible);
}

TEST_F(ProjectLayerSettingsTest, AnUnreadableSavedStyleNamesFileLayerAndField)
{
    project().connection().execute(
        "INSERT INTO layer_settings (layer_key, position, visible, style, updated_at) "
        "VALUES ('villages', 0, 1, '{\"features\": 7}', '2026-11-29T00:00:00Z')");
    try {
        projectLayers(project());
        FAIL() << "expected LayerSettingsError";
    } catch (const LayerSettingsError& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find(projectPath.filename().string()), std::string::npos) << what;
        EXPECT_NE(what.find("villages"), std::string::npos) << what;
        EXPECT_NE(what.find("style"), std::string::npos) << what;
    }
}

TEST_F(ProjectLayerSettingsTest, AnOlderProjectOpenedReadOnlyHasNoPlaceForThem)
{
    project().connection().execute("DROP TABLE layer_settings");
    LayerSettingsStore settings(project().connection());
    EXPECT_FALSE(settings.available());
    EXPECT_TRUE(settings.load().empty());
    EXPECT_EQ(projectLayers(project()).size(), 3u);
}
