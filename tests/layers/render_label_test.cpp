#include "planmap/layers/render/LabelEngine.h"

#include "support/qt_app.h"

#include <gtest/gtest.h>

#include <QFontInfo>
#include <QGlyphRun>
#include <QRawFont>
#include <QTextLayout>

#include <random>

using namespace planmap::layers::render;

TEST(RenderLabels, GreedyPlacementNeverOverlaps)
{
    const QRectF view(0, 0, 800, 600);
    LabelEngine engine(view, 40);
    std::mt19937 rng(3);
    std::uniform_real_distribution<double> x(-50, 800), y(-20, 600), w(10, 160), h(8, 30);
    std::uniform_int_distribution<int> prio(0, 10);
    std::vector<LabelRequest> requests;
    for (int i = 0; i < 3000; ++i) {
        LabelRequest r;
        r.text = QString::number(i);
        r.priority = prio(rng);
        r.textSize = QSizeF(w(rng), h(rng));
        for (int c = 0; c < 4; ++c) r.candidates.emplace_back(x(rng), y(rng));
        requests.push_back(r);
    }
    engine.addObstacle(QRectF(390, 290, 20, 20));
    const auto placed = engine.place(requests);
    ASSERT_GT(placed.size(), 50u);
    EXPECT_EQ(placed.size() + engine.rejectedCount(), requests.size());
    for (std::size_t i = 0; i < placed.size(); ++i) {
        EXPECT_TRUE(view.contains(placed[i].box)) << i;
        EXPECT_FALSE(placed[i].box.intersects(QRectF(390, 290, 20, 20))) << i;
        for (std::size_t j = i + 1; j < placed.size(); ++j)
            ASSERT_FALSE(placed[i].box.intersects(placed[j].box)) << i << " " << j;
    }
    // Taken by priority: the first placed label has the highest priority present.
    EXPECT_EQ(requests[placed.front().request].priority, 10);
}

TEST(RenderLabels, PriorityWinsAndCandidatesAreTriedInOrder)
{
    LabelEngine engine(QRectF(0, 0, 100, 100));
    std::vector<LabelRequest> r(2);
    r[0].text = "thấp";
    r[0].priority = 1;
    r[0].textSize = QSizeF(40, 10);
    r[0].candidates = {{10, 10}, {10, 50}};
    r[1].text = "cao";
    r[1].priority = 9;
    r[1].textSize = QSizeF(40, 10);
    r[1].candidates = {{20, 12}};
    const auto placed = engine.place(r);
    ASSERT_EQ(placed.size(), 2u);
    EXPECT_EQ(placed[0].text, QString("cao"));
    EXPECT_EQ(placed[1].box.topLeft(), QPointF(10, 50));  // its first choice was taken
    // Outside the view: rejected.
    LabelEngine small(QRectF(0, 0, 50, 50));
    std::vector<LabelRequest> out(1);
    out[0].textSize = QSizeF(30, 10);
    out[0].candidates = {{30, 10}};
    EXPECT_TRUE(small.place(out).empty());
    EXPECT_EQ(small.rejectedCount(), 1u);
}

TEST(RenderLabels, VietnameseStackedMarksShapeAsSingleGlyphs)
{
    planmap::test::ensureGuiApp();
    QFont font("Noto Sans");
    font.setPixelSize(20);
    ASSERT_EQ(QFontInfo(font).family(), QString("Noto Sans")) << "fonts-noto-core is not installed";
    for (const char* s : {"ề", "ẫ", "ợ", "Ử", "Lạng Sơn", "Đồng Đăng", "Hữu Lũng", "Bắc Sơn"}) {
        const QString text = QString::fromUtf8(s).normalized(QString::NormalizationForm_C);
        QTextLayout layout(text, font);
        layout.beginLayout();
        layout.createLine();
        layout.endLayout();
        std::size_t glyphs = 0;
        for (const QGlyphRun& run : layout.glyphRuns()) {
            EXPECT_EQ(run.rawFont().familyName(), QString("Noto Sans")) << s;
            for (quint32 g : run.glyphIndexes()) {
                EXPECT_NE(g, 0u) << s << ": a missing glyph";
                ++glyphs;
            }
        }
        EXPECT_EQ(glyphs, std::size_t(text.size())) << s;
    }
}
