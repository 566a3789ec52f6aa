// Feature layers: typed attributes, upserts by key, window queries through the spatial index.

#include "store_test_support.h"

#include <chrono>
#include <cstdio>

using namespace planmap::layers;
using namespace planmap::layers::testing;

namespace {

Feature village(std::string key, std::string name, double x, double y)
{
    Feature f;
    f.layer = "villages";
    f.userKey = std::move(key);
    f.name = std::move(name);
    f.geometry = wkbPoint(x, y);
    return f;
}

std::int64_t rows(Connection& c, const std::string& sql)
{
    auto s = c.prepare(sql);
    s->step();
    return s->columnInt(0);
}

} // namespace

TEST_F(StoreTest, BuiltinLayersAreRegisteredWithTypedFields)
{
    auto& layers = project().features();
    std::vector<std::string> names;
    for (const auto& l : layers.layers()) names.push_back(l.name);
    EXPECT_EQ(names, (std::vector<std::string>{"villages", "forests", "markets", "projects", "roads", "facilities"}));

    const auto& forests = layers.layer("forests");
    EXPECT_EQ(forests.geometryType, GeometryType::MultiPolygon);
    EXPECT_TRUE(forests.builtin);
    const FieldInfo* type = forests.field("forest_type");
    ASSERT_NE(type, nullptr);
    ASSERT_EQ(type->values.size(), 3u);
    EXPECT_EQ(type->findValue("protection")->labelVi, "Rừng phòng hộ");
    EXPECT_EQ(layers.layer("projects").geometryType, GeometryType::Any);
    EXPECT_EQ(layers.layer("markets").field("approximate_location")->type, FieldType::Boolean);
    EXPECT_THROW(layers.layer("nope"), NotFoundError);
}

TEST_F(StoreTest, FeaturesRoundTripWithAttributesAndGeometry)
{
    auto& units = project().units();
    const auto communeId = units.insert(commune("06613", "Đình Lập", "2025"));
    const auto oldCommuneId = units.insert(commune("06622", "Bính Xá", "pre2025"));

    Feature f = village("V-001", "Bản Pò Khoang", 107.0931, 21.5312);
    f.communeId = communeId;
    f.communeOldId = oldCommuneId;
    f.illustrative = true;
    f.source = "illustrative";
    f.attributes = {{"dbkk", std::int64_t{1}},
                    {"ethnic_minority_area", std::int64_t{3}},
                    {"road_status", std::string("unhardened")},
                    {"population", std::int64_t{412}},
                    {"households", 96.0}}; // an integral double is accepted for an integer field
    auto& features = project().features();
    const auto id = features.insert(f);

    const auto back = features.get(id);
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->layer, "villages");
    EXPECT_EQ(back->userKey, "V-001");
    EXPECT_EQ(back->name, "Bản Pò Khoang");
    EXPECT_EQ(back->communeId, communeId);
    EXPECT_EQ(back->communeOldId, oldCommuneId);
    EXPECT_TRUE(back->illustrative);
    EXPECT_EQ(wkbType(back->geometry), 1u);
    const auto [x, y] = pointOf(back->geometry);
    EXPECT_DOUBLE_EQ(x, 107.0931);
    EXPECT_DOUBLE_EQ(y, 21.5312);
    EXPECT_EQ(std::get<std::int64_t>(back->attributes.at("dbkk")), 1);
    EXPECT_EQ(std::get<std::string>(back->attributes.at("road_status")), "unhardened");
    EXPECT_EQ(std::get<std::int64_t>(back->attributes.at("households")), 96);
    EXPECT_TRUE(isNull(back->attributes.at("poor_households")));
    EXPECT_EQ(features.layerOf(id), "villages");
    EXPECT_EQ(features.countIllustrative("villages"), 1);

    // A polygon goes into the multipolygon forests layer; a single polygon is promoted.
    Feature forest;
    forest.layer = "forests";
    forest.name = "Lô 3, khoảnh 2";
    forest.geometry = wkbBox(107.0, 21.5, 107.01, 21.51);
    forest.attributes = {{"forest_type", std::string("protection")},
                         {"origin", std::string("natural")},
                         {"holder", std::string("community")},
                         {"contract_year", std::int64_t{2019}},
                         {"area_ha", std::int64_t{12}}};
    const auto forestId = features.insert(forest);
    const auto forestBack = features.get(forestId);
    EXPECT_EQ(wkbType(forestBack->geometry), 6u);
    EXPECT_DOUBLE_EQ(std::get<double>(forestBack->attributes.at("area_ha")), 12.0);
    EXPECT_NE(forestId, id); // ids are unique across layers
}

TEST_F(StoreTest, AttributesAreCheckedAgainstTheLayer)
{
    auto& features = project().features();
    Feature f = village("V-1", "Bản A", 107, 21.5);
    f.attributes = {{"road_status", std::string("paved")}};
    try {
        features.insert(f);
        FAIL();
    } catch (const InvalidDataError& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find("villages.road_status"), std::string::npos) << message;
        EXPECT_NE(message.find("hardened, unhardened, none"), std::string::npos) << message;
    }
    f.attributes = {{"no_such_field", std::int64_t{1}}};
    EXPECT_THROW(features.insert(f), InvalidDataError);
    f.attributes = {{"population", std::string("many")}};
    EXPECT_THROW(features.insert(f), InvalidDataError);
    f.attributes = {{"population", 12.5}};
    EXPECT_THROW(features.insert(f), InvalidDataError);
    f.attributes = {{"dbkk", std::int64_t{2}}};
    EXPECT_THROW(features.insert(f), InvalidDataError);
    f.attributes = {{"ethnic_minority_area", std::int64_t{4}}};
    EXPECT_THROW(features.insert(f), InvalidDataError);

    Feature p;
    p.layer = "projects";
    p.name = "Đường Bản A";
    p.attributes = {{"start_date", std::string("2023-02-30")}};
    EXPECT_THROW(features.insert(p), InvalidDataError);
    p.attributes = {{"start_date", std::string("2023-03-01")}, {"end_date", std::string("2023-12-31")},
                    {"project_type", std::string("road")}, {"status", std::string("in_progress")},
                    {"budget_million_vnd", 4500.0}};
    p.geometry = wkbLineString({{107.0, 21.5}, {107.1, 21.6}}); // any geometry type
    EXPECT_NO_THROW(features.insert(p));

    // A geometry of the wrong type, and bytes that are not WKB.
    Feature wrong = village("V-2", "Bản B", 0, 0);
    wrong.geometry = wkbBox(0, 0, 1, 1);
    EXPECT_THROW(features.insert(wrong), ConstraintError);
    wrong.geometry = {1, 1, 0, 0};
    EXPECT_THROW(features.insert(wrong), InvalidDataError);
    EXPECT_EQ(features.count("villages"), 0);
    EXPECT_EQ(rows(project().connection(), "SELECT COUNT(*) FROM features"), 1); // the project only
}

TEST_F(StoreTest, UpsertByKeyUpdatesWhatItFinds)
{
    auto& features = project().features();
    Feature f = village("V-7", "Bản Bảy", 107.1, 21.6);
    f.attributes = {{"population", std::int64_t{100}}, {"households", std::int64_t{20}}};
    const auto first = features.upsertByKey(f);
    EXPECT_TRUE(first.inserted);

    Feature again = village("V-7", "Bản Bảy (sửa)", 107.2, 21.7);
    again.attributes = {{"population", std::int64_t{120}}}; // households not given: left as is
    const auto second = features.upsertByKey(again);
    EXPECT_FALSE(second.inserted);
    EXPECT_EQ(second.id, first.id);
    EXPECT_EQ(features.count("villages"), 1);

    const auto back = features.findByKey("villages", "V-7");
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->name, "Bản Bảy (sửa)");
    EXPECT_EQ(std::get<std::int64_t>(back->attributes.at("population")), 120);
    EXPECT_EQ(std::get<std::int64_t>(back->attributes.at("households")), 20);
    EXPECT_DOUBLE_EQ(pointOf(back->geometry).first, 107.2);

    // update() by id; NULL clears an attribute.
    Feature edit = *back;
    edit.attributes = {{"households", std::monostate{}}};
    features.update(edit);
    EXPECT_TRUE(isNull(features.get(first.id)->attributes.at("households")));
    edit.id = 999999;
    EXPECT_THROW(features.update(edit), NotFoundError);

    Feature noKey = village("", "Không khóa", 0, 0);
    noKey.userKey.reset();
    EXPECT_THROW(features.upsertByKey(noKey), InvalidDataError);
    // The user key is unique in a layer.
    EXPECT_THROW(features.insert(village("V-7", "Trùng", 0, 0)), ConstraintError);
}

TEST_F(StoreTest, AFailingFeatureBatchWritesNothing)
{
    std::vector<Feature> batch;
    for (int i = 0; i < 50; ++i) batch.push_back(village("K" + std::to_string(i), "Bản " + std::to_string(i), 107, 21.5));
    batch[37].attributes = {{"population", std::int64_t{-5}}}; // CHECK (population >= 0)
    try {
        project().features().insertMany(batch);
        FAIL();
    } catch (const ConstraintError& e) {
        EXPECT_NE(std::string(e.what()).find("row 38"), std::string::npos) << e.what();
    }
    EXPECT_EQ(project().features().count("villages"), 0);
    EXPECT_EQ(rows(project().connection(), "SELECT COUNT(*) FROM features"), 0);
    EXPECT_EQ(rows(project().connection(), "SELECT COUNT(*) FROM idx_villages_geom"), 0);
}

TEST_F(StoreTest, WindowQueriesGoThroughTheSpatialIndex)
{
    // A 100 x 100 grid of villages, 0.01° apart, from (106.5, 21.5).
    std::vector<Feature> grid;
    for (int i = 0; i < 100; ++i)
        for (int j = 0; j < 100; ++j)
            grid.push_back(village("G" + std::to_string(i) + "-" + std::to_string(j), "Bản lưới",
                                   106.5 + 0.01 * i + 0.001, 21.5 + 0.01 * j + 0.001));
    auto& features = project().features();
    features.insertMany(grid);
    ASSERT_EQ(features.count("villages"), 10000);

    // Columns i = 10..19, rows j = 20..24: 50 points.
    const BoundingBox window{106.6, 21.7, 106.7, 21.75};
    EXPECT_EQ(features.count("villages", window), 50);
    FeatureQuery query;
    query.layer = "villages";
    query.window = window;
    const auto inWindow = features.list(query);
    ASSERT_EQ(inWindow.size(), 50u);
    for (const auto& f : inWindow) {
        const auto [x, y] = pointOf(f.geometry);
        EXPECT_TRUE(x >= window.minX && x <= window.maxX && y >= window.minY && y <= window.maxY) << x << " " << y;
    }
    // Ordered by id, stoppable.
    int visited = 0;
    features.forEach(query, [&](const Feature&) { return ++visited < 7; });
    EXPECT_EQ(visited, 7);

    const auto extent = features.extent("villages");
    ASSERT_TRUE(extent.has_value());
    EXPECT_NEAR(extent->minX, 106.501, 1e-9);
    EXPECT_NEAR(extent->maxY, 22.491, 1e-9);

    // The query really reads the R*Tree: emptied, it finds nothing, while the table is intact.
    project().connection().execute("DELETE FROM idx_villages_geom");
    EXPECT_EQ(features.count("villages", window), 0);
    EXPECT_EQ(features.count("villages"), 10000);
}

TEST_F(StoreTest, FiltersByCommuneAndIllustrativeFlag)
{
    auto& units = project().units();
    const auto a = units.insert(commune("00010", "A", "2025"));
    const auto b = units.insert(commune("00011", "B", "2025"));
    Feature v1 = village("1", "Một", 107, 21.5);
    v1.communeId = a;
    Feature v2 = village("2", "Hai", 107, 21.5);
    v2.communeId = b;
    v2.illustrative = true;
    Feature v3 = village("3", "Ba", 107, 21.5);
    v3.communeId = a;
    v3.illustrative = true;
    project().features().insertMany(std::vector<Feature>{v1, v2, v3});
    FeatureQuery q;
    q.layer = "villages";
    q.communeId = a;
    EXPECT_EQ(project().features().list(q).size(), 2u);
    q.illustrative = true;
    q.withGeometry = false;
    q.withAttributes = false;
    const auto found = project().features().list(q);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].name, "Ba");
    EXPECT_TRUE(found[0].geometry.empty());
    EXPECT_TRUE(found[0].attributes.empty());

    // Only the fields asked for.
    FeatureQuery some;
    some.layer = "villages";
    some.fields = {"road_status", "population"};
    const auto withSome = project().features().list(some);
    ASSERT_EQ(withSome.size(), 3u);
    EXPECT_EQ(withSome[0].attributes.size(), 2u);
    EXPECT_TRUE(withSome[0].attributes.contains("population"));
    some.fields = {"no_such_field"};
    EXPECT_THROW(project().features().list(some), NotFoundError);
}

TEST_F(StoreTest, SearchAcrossLayers)
{
    auto& features = project().features();
    features.insert(village("1", "Bản Nà Lộc", 107, 21.5));
    features.insert(village("2", "Lộc", 107, 21.5));
    Feature market;
    market.layer = "markets";
    market.name = "Chợ Lộc Bình";
    market.attributes = {{"status", std::string("upgrade")}, {"approximate_location", std::int64_t{1}}};
    features.insert(market);
    features.insert(village("3", "Bản Khác", 107, 21.5));
    features.insert(village("4", "Lộc Yên", 107, 21.5));

    const auto found = features.search("LOC");
    ASSERT_EQ(found.size(), 4u);
    EXPECT_EQ(found[0].name, "Lộc");     // the exact key first,
    EXPECT_EQ(found[1].name, "Lộc Yên"); // then keys starting with it,
    EXPECT_EQ(found[2].name, "Bản Nà Lộc"); // then the others, shorter first
    EXPECT_EQ(found[3].name, "Chợ Lộc Bình");
    EXPECT_EQ(found[3].layer, "markets");
    EXPECT_EQ(features.search("loc binh").size(), 1u);
    EXPECT_EQ(features.search("loc", 1).size(), 1u);
}

TEST_F(StoreTest, UserLayersCanBeCreatedAndUsed)
{
    auto& features = project().features();
    LayerDefinition d;
    d.name = "water_sources";
    d.titleVi = "Nguồn nước";
    d.titleEn = "Water sources";
    d.geometryType = GeometryType::Point;
    d.illustrativeSummary = "Vị trí minh họa";
    FieldInfo kind;
    kind.name = "kind";
    kind.type = FieldType::Text;
    kind.titleVi = "Loại";
    kind.values = {{"well", "Giếng", "Well"}, {"spring", "Mó nước", "Spring"}};
    FieldInfo depth;
    depth.name = "depth_m";
    depth.type = FieldType::Real;
    depth.titleVi = "Độ sâu (m)";
    FieldInfo drinkable;
    drinkable.name = "drinkable";
    drinkable.type = FieldType::Boolean;
    drinkable.titleVi = "Dùng để uống";
    d.fields = {kind, depth, drinkable};
    features.createLayer(d);

    const auto& info = features.layer("water_sources");
    EXPECT_FALSE(info.builtin);
    ASSERT_EQ(info.fields.size(), 3u);
    EXPECT_EQ(info.field("kind")->values.size(), 2u);
    EXPECT_EQ(info.illustrativeSummary, "Vị trí minh họa");

    Feature w;
    w.layer = "water_sources";
    w.userKey = "W1";
    w.name = "Giếng Bản Ma";
    w.illustrative = true;
    w.geometry = wkbPoint(107.05, 21.55);
    w.attributes = {{"kind", std::string("well")}, {"depth_m", std::int64_t{8}}, {"drinkable", std::int64_t{1}}};
    const auto id = features.insert(w);
    EXPECT_EQ(features.count("water_sources", BoundingBox{107, 21.5, 107.1, 21.6}), 1);
    EXPECT_DOUBLE_EQ(std::get<double>(features.get(id)->attributes.at("depth_m")), 8.0);
    w.attributes = {{"kind", std::string("river")}};
    EXPECT_THROW(features.insert(w), InvalidDataError);
    EXPECT_EQ(features.search("gieng")[0].layer, "water_sources");

    // Names are checked; a layer cannot clash with a table or an existing layer.
    d.name = "admin_units";
    EXPECT_THROW(features.createLayer(d), InvalidDataError);
    d.name = "water_sources";
    EXPECT_THROW(features.createLayer(d), InvalidDataError);
    d.name = "Bad Name";
    EXPECT_THROW(features.createLayer(d), InvalidDataError);
    d.name = "ok_layer";
    d.fields = {kind, kind};
    EXPECT_THROW(features.createLayer(d), InvalidDataError);
    EXPECT_FALSE(features.hasLayer("ok_layer"));

    // The layer survives reopening.
    store.reset();
    store.emplace(ProjectStore::open(projectPath));
    EXPECT_TRUE(project().features().hasLayer("water_sources"));
    EXPECT_EQ(project().features().count("water_sources"), 1);
}

TEST_F(StoreTest, RemovingAFeatureDropsItsLinksButNotItsProgress)
{
    auto& features = project().features();
    const auto id = features.insert(village("R", "Bản Xóa", 107, 21.5));
    const auto other = features.insert(village("S", "Bản Giữ", 107, 21.5));
    auto& plan = project().plan();
    const auto indicator = plan.insertIndicator(indicatorNode("I1", "Số thôn có đường cứng hóa", Aggregation::Sum));
    plan.linkFeature(id, indicator);
    plan.linkFeature(other, indicator);
    features.remove(id);
    EXPECT_FALSE(features.get(id).has_value());
    EXPECT_EQ(plan.featuresOf(indicator).size(), 1u);
    EXPECT_THROW(features.remove(id), NotFoundError);

    ProgressEntry e;
    e.indicatorId = indicator;
    e.featureId = other;
    e.value = 1;
    e.asOf = makeDate(2023, 6, 30);
    project().progress().append(e);
    EXPECT_THROW(features.remove(other), ConstraintError);
    EXPECT_TRUE(features.get(other).has_value());
}
