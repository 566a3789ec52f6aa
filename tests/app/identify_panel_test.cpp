// The identify panel: long values (the progress map's roll-up notes) wrap
// within the dock's width and can be selected.

#include "AppTestSupport.h"
#include "IdentifyPanel.h"
#include "ProjectData.h"

#include <QApplication>
#include <QLabel>

#include <gtest/gtest.h>

using namespace planmap::gui;

namespace {

/// A roll-up note as long as the progress map writes them.
const QString kLongNote = QStringLiteral(
    "Số tự báo cáo 3 (30/06/2025) khác tổng của các đơn vị trực thuộc 5; bản đồ dùng số tự báo cáo. "
    "Xã Bính Xá (trước 01/7/2025) được chia cho nhiều xã mới nên số liệu của xã này chỉ tính một lần ở cấp tỉnh.");

FeatureDetails longNoteDetails()
{
    FeatureDetails d;
    d.layerTitle = QStringLiteral("Tiến độ DA2.CHO: % đạt theo xã (2025)");
    d.title = QStringLiteral("Xã Lộc Bình");
    d.attributes = {{QStringLiteral("Mã đơn vị"), QStringLiteral("06100")},
                    {QStringLiteral("Ghi chú"), kLongNote}};
    d.units = {{QStringLiteral("Tỉnh (từ 01/7/2025)"), QStringLiteral("Tỉnh Lạng Sơn")}};
    return d;
}

TEST(IdentifyPanelTest, LongValuesWrapWithinTheDockAndCanBeSelected)
{
    apptest::app();
    QWidget dock;
    dock.resize(320, 700);
    auto* panel = new IdentifyPanel(&dock);
    panel->resize(dock.size());
    panel->showDetails(longNoteDetails());
    dock.show();
    QApplication::processEvents();
    panel->resize(dock.size());
    QApplication::processEvents();

    EXPECT_EQ(panel->attributeCount(), 2);
    const QList<QLabel*> values = panel->valueLabels();
    ASSERT_EQ(values.size(), 3); // two attributes, one unit
    QLabel* note = values[1];
    EXPECT_EQ(note->text(), kLongNote);
    // Wrapped over several lines, all of it inside the panel.
    const int line = note->fontMetrics().height();
    EXPECT_GE(note->height(), 3 * line) << "the note is not wrapped: " << note->height() << " px";
    const QRect inPanel(note->mapTo(panel, QPoint(0, 0)), note->size());
    EXPECT_LE(inPanel.right(), panel->width()) << "the note runs out of the panel";
    EXPECT_GE(note->height(), note->heightForWidth(note->width())) << "the note is cut";
    // The panel never asks for more width than the dock gives.
    EXPECT_LE(panel->minimumSizeHint().width(), dock.width());
    // Values can be selected and copied.
    for (QLabel* v : values) EXPECT_TRUE(v->textInteractionFlags() & Qt::TextSelectableByMouse);
    apptest::keepShot(*panel, "identify_panel_long_note");

    // A second feature replaces the rows.
    FeatureDetails other;
    other.layerTitle = QStringLiteral("Chợ");
    other.attributes = {{QStringLiteral("Tên"), QStringLiteral("Chợ Lộc Bình")}};
    panel->showDetails(other);
    EXPECT_EQ(panel->attributeCount(), 1);
    EXPECT_EQ(panel->valueLabels().size(), 2); // the name and "(không có)" units
}

} // namespace
