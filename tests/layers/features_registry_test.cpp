// The layer registry of FeatureLayers follows what other connections to the
// same project file commit (the GUI imports on a worker thread with its own
// connection), without a manual reload().

#include "store_test_support.h"

using namespace planmap::layers;
using namespace planmap::layers::testing;

namespace {

/// A point layer whose registry rows fill all three registry tables (layer, field, codes).
LayerDefinition wells()
{
    LayerDefinition d;
    d.name = "wells";
    d.titleVi = "Giếng nước";
    d.geometryType = GeometryType::Point;
    FieldInfo kind;
    kind.name = "kind";
    kind.titleVi = "Loại";
    kind.values = {{"dug", "Giếng đào", "Dug well"}, {"drilled", "Giếng khoan", "Drilled well"}};
    d.fields = {kind};
    return d;
}

Feature well(std::string key, const char* kind)
{
    Feature f;
    f.layer = "wells";
    f.userKey = std::move(key);
    f.name = "Giếng " + *f.userKey;
    f.geometry = wkbPoint(106.76, 21.85);
    f.attributes = {{"kind", std::string(kind)}};
    return f;
}

} // namespace

TEST_F(StoreTest, ALayerCreatedThroughAnotherConnectionIsSeenWithoutReload)
{
    FeatureLayers& mine = project().features();
    ASSERT_FALSE(mine.hasLayer("wells")); // the registry is now cached here

    ProjectStore other = ProjectStore::open(projectPath);
    other.features().createLayer(wells());
    other.features().insert(well("G1", "dug"));

    ASSERT_TRUE(mine.hasLayer("wells"));
    EXPECT_EQ(mine.layer("wells").titleVi, "Giếng nước");
    ASSERT_NE(mine.layer("wells").field("kind"), nullptr);
    EXPECT_EQ(mine.layer("wells").field("kind")->findValue("drilled")->labelVi, "Giếng khoan");
    EXPECT_EQ(mine.count("wells"), 1);
    mine.insert(well("G2", "drilled"));
    EXPECT_EQ(other.features().count("wells"), 2);

    // A read-only connection (an analysis on a worker thread) follows too.
    ProjectStore reader = ProjectStore::open(projectPath, OpenOptions{.readOnly = true});
    ASSERT_EQ(reader.features().layers().size(), 7u);
    other.features().setIllustrativeSummary("wells", "Vị trí giếng là minh họa");
    EXPECT_EQ(reader.features().layer("wells").illustrativeSummary, "Vị trí giếng là minh họa");
    EXPECT_EQ(mine.layer("wells").illustrativeSummary, "Vị trí giếng là minh họa");
}

TEST_F(StoreTest, ALayerDroppedThroughAnotherConnectionIsGoneWithoutReload)
{
    FeatureLayers& mine = project().features();
    mine.createLayer(wells());
    ASSERT_TRUE(mine.hasLayer("wells"));

    ProjectStore other = ProjectStore::open(projectPath);
    {
        Transaction transaction(other.connection());
        other.connection().execute("DELETE FROM layers WHERE name = 'wells'");
        other.connection().execute("DROP TABLE wells");
        transaction.commit();
    }

    EXPECT_FALSE(mine.hasLayer("wells"));
    EXPECT_THROW(mine.count("wells"), NotFoundError);
    EXPECT_EQ(mine.layers().size(), 6u);
}

TEST_F(StoreTest, ReferencesIntoTheRegistryOutliveAChangeCommittedElsewhere)
{
    FeatureLayers& mine = project().features();
    const std::vector<LayerInfo>& before = mine.layers();
    const LayerInfo& villages = mine.layer("villages");

    // Features written elsewhere leave the registry as it was: same objects.
    ProjectStore other = ProjectStore::open(projectPath);
    Feature v;
    v.layer = "villages";
    v.name = "Bản Mới";
    other.features().insert(v);
    EXPECT_EQ(&mine.layers(), &before);
    EXPECT_EQ(&mine.layer("villages"), &villages);
    EXPECT_EQ(mine.count("villages"), 1);

    // A new layer elsewhere: the answers change, what was handed out stays readable
    // (a caller looping over layers() while an import commits keeps its loop).
    other.features().createLayer(wells());
    EXPECT_EQ(mine.layers().size(), 7u);
    EXPECT_EQ(before.size(), 6u);
    EXPECT_EQ(villages.name, "villages");
    EXPECT_EQ(villages.fields.size(), mine.layer("villages").fields.size());
}
