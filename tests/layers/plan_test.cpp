// The plan catalogue: the node tree, indicators, allocations, links; and funding.

#include "store_test_support.h"

using namespace planmap::layers;
using namespace planmap::layers::testing;

namespace {

PlanNode node(std::string code, std::string name, PlanLevel level, std::optional<std::int64_t> parent = {},
              int ordinal = 0)
{
    PlanNode n;
    n.code = std::move(code);
    n.name = std::move(name);
    n.level = level;
    n.parentId = parent;
    n.ordinal = ordinal;
    return n;
}

} // namespace

TEST_F(StoreTest, PlanTreeKeepsLevelsAndOrder)
{
    auto& plan = project().plan();
    const auto program = plan.insertNode(node("CT1719", "Chương trình MTQG phát triển KT-XH vùng đồng bào DTTS và miền núi",
                                              PlanLevel::Program));
    const auto p1 = plan.insertNode(node("DA1", "Dự án 1: Giải quyết tình trạng thiếu đất ở, nhà ở",
                                         PlanLevel::Project, program, 1));
    const auto p4 = plan.insertNode(node("DA4", "Dự án 4: Đầu tư cơ sở hạ tầng thiết yếu", PlanLevel::Project,
                                         program, 4));
    const auto p4sub = plan.insertNode(node("DA4.1", "Tiểu dự án 1", PlanLevel::Subproject, p4, 1));
    Indicator ratio = indicatorNode("DA4.1.CT1", "Xã có đường ô tô đến trung tâm xã được cứng hóa",
                                    Aggregation::Ratio, p4sub);
    ratio.spec.targetNumerator = 174;
    ratio.spec.targetDenominator = 181;
    ratio.spec.unitOfMeasure = "xã";
    ratio.spec.year = 2023;
    ratio.node.responsibleAgency = "Ban Dân tộc tỉnh";
    ratio.node.planReference = "Mục II.4";
    const auto ind1 = plan.insertIndicator(ratio);
    Indicator houses = indicatorNode("DA1.CT1", "Số hộ được hỗ trợ nhà ở", Aggregation::Sum, p1);
    houses.spec.targetValue = 1238;
    houses.spec.unitOfMeasure = "hộ";
    const auto ind2 = plan.insertIndicator(houses);

    const auto tree = plan.tree();
    ASSERT_EQ(tree.size(), 1u);
    EXPECT_EQ(tree[0].node.id, program);
    ASSERT_EQ(tree[0].children.size(), 2u);
    EXPECT_EQ(tree[0].children[0].node.code, "DA1"); // ordinal 1 before 4
    EXPECT_EQ(tree[0].children[1].node.code, "DA4");
    const auto& leaf = tree[0].children[1].children[0].children[0];
    EXPECT_EQ(leaf.node.id, ind1);
    ASSERT_TRUE(leaf.indicator.has_value());
    EXPECT_EQ(leaf.indicator->aggregation, Aggregation::Ratio);
    EXPECT_EQ(leaf.indicator->targetNumerator, 174);
    EXPECT_EQ(leaf.indicator->targetDenominator, 181);
    EXPECT_FALSE(tree[0].node.level == PlanLevel::Indicator);

    const auto fetched = plan.indicatorByCode("DA4.1.CT1");
    ASSERT_TRUE(fetched.has_value());
    EXPECT_EQ(fetched->node.responsibleAgency, "Ban Dân tộc tỉnh");
    EXPECT_EQ(fetched->spec.year, 2023);
    EXPECT_FALSE(plan.indicatorByCode("DA4").has_value()); // a node, not an indicator
    EXPECT_EQ(plan.nodeByCode("DA4")->id, p4);

    const auto under4 = plan.indicatorsUnder(p4);
    ASSERT_EQ(under4.size(), 1u);
    EXPECT_EQ(under4[0].node.id, ind1);
    EXPECT_EQ(plan.indicatorsUnder().size(), 2u);
    EXPECT_EQ(plan.tree(p4).size(), 1u);
    EXPECT_EQ(plan.children(std::nullopt).size(), 1u);
    EXPECT_EQ(plan.children(program).size(), 2u);
    EXPECT_EQ(plan.search("ho tro nha o").at(0).id, ind2);

    Indicator changed = *fetched;
    changed.spec.targetNumerator = 175;
    plan.updateIndicator(changed);
    EXPECT_EQ(plan.indicator(ind1)->spec.targetNumerator, 175);
}

TEST_F(StoreTest, PlanRulesAreEnforced)
{
    auto& plan = project().plan();
    const auto project1 = plan.insertNode(node("P", "Dự án", PlanLevel::Project));
    // A program cannot sit under a project.
    EXPECT_THROW(plan.insertNode(node("X", "Chương trình", PlanLevel::Program, project1)), ConstraintError);
    // Codes are unique.
    EXPECT_THROW(plan.insertNode(node("P", "Trùng", PlanLevel::Project)), ConstraintError);
    // Indicators go through insertIndicator, and need both parts of a ratio target.
    EXPECT_THROW(plan.insertNode(node("I", "Chỉ tiêu", PlanLevel::Indicator, project1)), InvalidDataError);
    Indicator half = indicatorNode("I", "Chỉ tiêu", Aggregation::Ratio, project1);
    half.spec.targetNumerator = 3;
    EXPECT_THROW(plan.insertIndicator(half), InvalidDataError);
    const auto ind = plan.insertIndicator(indicatorNode("I", "Chỉ tiêu", Aggregation::Sum, project1));
    // Nothing sits under an indicator.
    EXPECT_THROW(plan.insertNode(node("C", "Nội dung", PlanLevel::Content, ind)), ConstraintError);
    // A node cannot be moved under its own descendant's level.
    auto moved = *plan.node(project1);
    moved.level = PlanLevel::Content;
    EXPECT_NO_THROW(plan.updateNode(moved)); // content still above indicator
    auto demoted = *plan.node(ind);
    demoted.level = PlanLevel::Content;
    EXPECT_THROW(plan.updateNode(demoted), ConstraintError); // it has indicator details
    EXPECT_FALSE(plan.indicator(project1).has_value());
}

TEST_F(StoreTest, AllocationsAndFeatureLinks)
{
    auto& plan = project().plan();
    auto& units = project().units();
    const auto a = units.insert(commune("00010", "A", "2025"));
    const auto b = units.insert(commune("00011", "B", "2025"));
    const auto ind = plan.insertIndicator(indicatorNode("I", "Km đường được cứng hóa", Aggregation::Sum));
    Allocation toA;
    toA.indicatorId = ind;
    toA.unitId = a;
    toA.targetValue = 12.5;
    toA.illustrative = true;
    Allocation toB = toA;
    toB.unitId = b;
    toB.targetValue = 3;
    plan.insertAllocations(std::vector<Allocation>{toA, toB});
    const auto allocations = plan.allocations(ind);
    ASSERT_EQ(allocations.size(), 2u);
    EXPECT_DOUBLE_EQ(*allocations[0].targetValue + *allocations[1].targetValue, 15.5);
    EXPECT_TRUE(allocations[0].illustrative);
    EXPECT_EQ(plan.allocationsForUnit(b).size(), 1u);
    EXPECT_THROW(plan.insertAllocation(toA), ConstraintError); // once per unit

    Feature road;
    road.layer = "roads";
    road.name = "Đường Bản Ma";
    road.geometry = wkbLineString({{107.0, 21.5}, {107.02, 21.51}});
    road.attributes = {{"surface", std::string("hardened")}};
    const auto roadId = project().features().insert(road);
    plan.linkFeature(roadId, ind, "đoạn Km0-Km2");
    const auto links = plan.featuresOf(ind);
    ASSERT_EQ(links.size(), 1u);
    EXPECT_EQ(links[0].layer, "roads");
    EXPECT_EQ(links[0].note, "đoạn Km0-Km2");
    EXPECT_EQ(plan.indicatorsOfFeature(roadId).size(), 1u);
    EXPECT_THROW(plan.linkFeature(123456, ind), ConstraintError);
    plan.unlinkFeature(roadId, ind);
    EXPECT_TRUE(plan.featuresOf(ind).empty());
}

TEST_F(StoreTest, FundingLinesAndAppendOnlyDisbursements)
{
    auto& funding = project().funding();
    FundingLine total;
    total.code = "II";
    total.label = "Tổng vốn";
    total.source = FundingSource::All;
    total.kind = FundingKind::Total;
    total.amountMillionVnd = 1238075;
    total.year = 2023;
    const auto totalId = funding.insertLine(total);
    FundingLine central = total;
    central.code = "II.1";
    central.label = "Ngân sách trung ương";
    central.source = FundingSource::Central;
    central.kind = FundingKind::Investment;
    central.amountMillionVnd = 900000;
    central.parentId = totalId;
    central.ordinal = 1;
    const auto centralId = funding.insertLine(central);
    EXPECT_EQ(funding.lines().size(), 1u);
    ASSERT_EQ(funding.lines(totalId).size(), 1u);
    EXPECT_EQ(funding.lineByCode("II.1")->source, FundingSource::Central);
    EXPECT_DOUBLE_EQ(funding.line(totalId)->amountMillionVnd, 1238075);

    Disbursement d;
    d.fundingLineId = centralId;
    d.amountMillionVnd = 1000;
    d.asOf = makeDate(2023, 6, 30);
    d.illustrative = true;
    const auto first = funding.appendDisbursement(d);
    d.amountMillionVnd = 2500;
    d.asOf = makeDate(2023, 9, 30);
    const auto second = funding.appendDisbursement(d);
    Disbursement fix;
    fix.amountMillionVnd = 2400;
    const auto fixed = funding.supersedeDisbursement(second, fix);
    EXPECT_THROW(funding.supersedeDisbursement(second, fix), InvalidDataError);

    EXPECT_EQ(funding.history(centralId).size(), 3u);
    const auto current = funding.current(centralId);
    ASSERT_EQ(current.size(), 2u);
    EXPECT_EQ(current[0].id, first);
    EXPECT_EQ(current[1].id, fixed);
    EXPECT_EQ(current[1].asOf, makeDate(2023, 9, 30));
    const auto latest = funding.latest(centralId);
    ASSERT_EQ(latest.size(), 1u);
    EXPECT_DOUBLE_EQ(*latest[0].amountMillionVnd, 2400);
    EXPECT_DOUBLE_EQ(*funding.latest(centralId, makeDate(2023, 7, 1))[0].amountMillionVnd, 1000);

    funding.retractDisbursement(first, std::string("kế toán"), std::string("nhập nhầm"));
    EXPECT_EQ(funding.current(centralId).size(), 1u);

    auto& c = project().connection();
    EXPECT_THROW(c.execute("UPDATE disbursements SET amount_million_vnd = 0"), ConstraintError);
    EXPECT_THROW(c.execute("DELETE FROM disbursements"), ConstraintError);
    EXPECT_EQ(funding.history(centralId).size(), 4u);
}
