// The print designer: item geometry edited with the mouse (in mm, snapped,
// on the page), texts edited in the properties pane reaching the PDF,
// layouts saved in the project reopening identical, map frames following
// the main canvas, the menu action, and the atlas export with progress.

#include "AppTestSupport.h"
#include "MainWindow.h"
#include "PrintDesigner.h"
#include "PrintDesignerModel.h"
#include "PrintDesignerView.h"
#include "StoreProjectData.h"

#include "planmap/layers/print/LayoutStore.h"
#include "planmap/layers/print/Templates.h"
#include "planmap/layers/store/ProjectStore.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>

#include <gtest/gtest.h>

using namespace planmap;
using namespace planmap::gui;

namespace {

class PrintDesignerTest : public apptest::SampleProjectTest {
protected:
    static void SetUpTestSuite()
    {
        SampleProjectTest::SetUpTestSuite();
        store = new layers::ProjectStore(layers::ProjectStore::open(sampleProject->file));
        context = std::make_shared<const print::PrintContext>(print::loadPrintContext(*store));
    }
    static void TearDownTestSuite()
    {
        context.reset();
        delete store;
        SampleProjectTest::TearDownTestSuite();
    }

    std::unique_ptr<PrintDesigner> makeDesigner()
    {
        auto d = std::make_unique<PrintDesigner>(context, store);
        d->resize(1300, 850);
        return d;
    }

    /// The text pdftotext extracts from a PDF (empty when the tool is missing).
    static QString pdfText(const std::filesystem::path& pdf)
    {
        QProcess p;
        p.start(QStringLiteral("pdftotext"), {QStringLiteral("-enc"), QStringLiteral("UTF-8"),
                                             QString::fromStdString(pdf.string()), QStringLiteral("-")});
        if (!p.waitForFinished(30000)) return {};
        return QString::fromUtf8(p.readAllStandardOutput()).normalized(QString::NormalizationForm_C);
    }
    static int pdfPages(const std::filesystem::path& pdf)
    {
        QProcess p;
        p.start(QStringLiteral("pdfinfo"), {QString::fromStdString(pdf.string())});
        if (!p.waitForFinished(30000)) return -1;
        for (const QString& line : QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n')))
            if (line.startsWith(QLatin1String("Pages:"))) return line.mid(6).trimmed().toInt();
        return -1;
    }
    static bool havePoppler()
    {
        return !QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty() &&
               !QStandardPaths::findExecutable(QStringLiteral("pdfinfo")).isEmpty();
    }
    /// A left-button press, move or release.
    static void sendMouse(QWidget& w, QEvent::Type type, QPointF at, Qt::MouseButtons buttons)
    {
        apptest::sendMouse(w, type, at, type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton, buttons);
    }

    static inline layers::ProjectStore* store = nullptr;
    static inline std::shared_ptr<const print::PrintContext> context;
};

TEST(PrintDesignerModelTest, MovesAndResizesInSnappedMillimetresOnThePage)
{
    PrintDesignerModel model;
    model.setLayout(print::makeTemplate(QStringLiteral("briefing-a4"), print::Orientation::Landscape));
    const QRectF legend = model.layout().item(QStringLiteral("legend"))->rectMm;

    // A drag of -10.3 × -4.6 mm lands the corner on the 1 mm grid, the size unchanged.
    ASSERT_TRUE(model.moveItem(QStringLiteral("legend"), QPointF(-10.3, -4.6)));
    QRectF r = model.layout().item(QStringLiteral("legend"))->rectMm;
    EXPECT_DOUBLE_EQ(r.left(), std::round(legend.left() - 10.3));
    EXPECT_DOUBLE_EQ(r.top(), std::round(legend.top() - 4.6));
    EXPECT_DOUBLE_EQ(r.width(), legend.width());
    EXPECT_DOUBLE_EQ(r.height(), legend.height());

    // The bottom-right handle moves only the right and bottom edges.
    const QRectF before = r;
    ASSERT_TRUE(model.resizeItem(QStringLiteral("legend"), LayoutHandle::BottomRight, QPointF(-20.2, 7.8)));
    r = model.layout().item(QStringLiteral("legend"))->rectMm;
    EXPECT_DOUBLE_EQ(r.left(), before.left());
    EXPECT_DOUBLE_EQ(r.top(), before.top());
    EXPECT_DOUBLE_EQ(r.right(), std::round(before.right() - 20.2));
    EXPECT_DOUBLE_EQ(r.bottom(), std::round(before.bottom() + 7.8));

    // The left handle cannot pass the right edge; items stay on the page.
    ASSERT_TRUE(model.resizeItem(QStringLiteral("legend"), LayoutHandle::Left, QPointF(500, 0)));
    r = model.layout().item(QStringLiteral("legend"))->rectMm;
    EXPECT_DOUBLE_EQ(r.width(), PrintDesignerModel::kMinSizeMm);
    ASSERT_TRUE(model.moveItem(QStringLiteral("title"), QPointF(-1000, 1000)));
    r = model.layout().item(QStringLiteral("title"))->rectMm;
    EXPECT_DOUBLE_EQ(r.left(), 0.0);
    EXPECT_DOUBLE_EQ(r.bottom(), 210.0);
    EXPECT_NO_THROW(model.layout().validate());

    // Without snapping the rectangle moves by exactly the drag.
    model.setSnapMm(0);
    const QRectF t = model.layout().item(QStringLiteral("title"))->rectMm;
    ASSERT_TRUE(model.moveItem(QStringLiteral("title"), QPointF(2.25, -3.5)));
    EXPECT_DOUBLE_EQ(model.layout().item(QStringLiteral("title"))->rectMm.left(), t.left() + 2.25);
    EXPECT_DOUBLE_EQ(model.layout().item(QStringLiteral("title"))->rectMm.top(), t.top() - 3.5);
    EXPECT_FALSE(model.moveItem(QStringLiteral("no-such-item"), QPointF(1, 1)));
}

TEST(PrintDesignerModelTest, AddsAndRemovesItems)
{
    PrintDesignerModel model;
    model.setLayout(print::makeTemplate(QStringLiteral("briefing-a4"), print::Orientation::Landscape));
    const std::size_t n = model.layout().items.size();
    const QString id = model.addTextItem(QStringLiteral("Ghi chú {date}"));
    EXPECT_EQ(id, QStringLiteral("text"));
    EXPECT_EQ(model.selectedId(), id);
    EXPECT_EQ(model.layout().items.size(), n + 1);
    EXPECT_EQ(model.addTextItem(QStringLiteral("Thêm")), QStringLiteral("text2"));
    EXPECT_NO_THROW(model.layout().validate());
    EXPECT_TRUE(model.layout().page.sizeMm().width() >= model.layout().item(id)->rectMm.right());
    // The map frame has a legend, scale bar, … : it stays.
    EXPECT_FALSE(model.removeItem(QStringLiteral("map")));
    model.select(id);
    EXPECT_TRUE(model.removeItem(id));
    EXPECT_TRUE(model.selectedId().isEmpty());
    EXPECT_EQ(model.layout().item(id), nullptr);
    EXPECT_FALSE(model.removeItem(id));
    EXPECT_NO_THROW(model.layout().validate());
}

TEST(PrintDesignerModelTest, PicksTheTopmostItemAndItsHandles)
{
    PrintDesignerModel model;
    model.setLayout(print::makeTemplate(QStringLiteral("briefing-a4"), print::Orientation::Landscape));
    const print::LayoutItem& map = *model.layout().item(QStringLiteral("map"));
    const print::LayoutItem& title = *model.layout().item(QStringLiteral("title"));
    EXPECT_EQ(model.itemAt(map.rectMm.center()), QStringLiteral("map"));
    EXPECT_EQ(model.itemAt(title.rectMm.center()), QStringLiteral("title"));
    EXPECT_EQ(model.itemAt(QPointF(-5, -5)), QString());
    EXPECT_EQ(model.handleAt(QStringLiteral("map"), map.rectMm.bottomRight() + QPointF(0.5, 0.5), 1.0),
              LayoutHandle::BottomRight);
    EXPECT_EQ(model.handleAt(QStringLiteral("map"), QPointF(map.rectMm.left(), map.rectMm.center().y()), 1.0),
              LayoutHandle::Left);
    EXPECT_EQ(model.handleAt(QStringLiteral("map"), map.rectMm.center(), 1.0), LayoutHandle::Move);
    EXPECT_EQ(model.handleAt(QStringLiteral("map"), map.rectMm.topLeft() - QPointF(5, 5), 1.0), LayoutHandle::None);
}

TEST_F(PrintDesignerTest, MouseDragsMoveAndResizeTheItemInMillimetres)
{
    auto designer = makeDesigner();
    designer->show();
    QApplication::processEvents();
    PrintDesignerView& view = *designer->view();
    PrintDesignerModel& model = *designer->model();
    const QRectF start = model.layout().item(QStringLiteral("legend"))->rectMm;

    // Press in the legend (by the right edge of the page), drag 20 mm left and 10 mm down, release.
    const QPointF from = view.toWidget(start.center());
    const QPointF to = view.toWidget(start.center() + QPointF(-20, 10));
    sendMouse(view, QEvent::MouseButtonPress, from, Qt::LeftButton);
    EXPECT_EQ(model.selectedId(), QStringLiteral("legend"));
    sendMouse(view, QEvent::MouseMove, (from + to) / 2, Qt::LeftButton);
    sendMouse(view, QEvent::MouseMove, to, Qt::LeftButton);
    sendMouse(view, QEvent::MouseButtonRelease, to, Qt::NoButton);
    QRectF r = model.layout().item(QStringLiteral("legend"))->rectMm;
    EXPECT_NEAR(r.left(), start.left() - 20, 1.0);
    EXPECT_NEAR(r.top(), start.top() + 10, 1.0);
    EXPECT_DOUBLE_EQ(r.left(), std::round(r.left()));  // on the 1 mm grid
    EXPECT_DOUBLE_EQ(r.width(), start.width());

    // Drag the bottom-right handle of the selected legend 15 mm left.
    const QRectF moved = r;
    const QPointF corner = view.toWidget(moved.bottomRight());
    sendMouse(view, QEvent::MouseButtonPress, corner, Qt::LeftButton);
    sendMouse(view, QEvent::MouseMove, view.toWidget(moved.bottomRight() + QPointF(-15, 0)), Qt::LeftButton);
    sendMouse(view, QEvent::MouseButtonRelease, view.toWidget(moved.bottomRight() + QPointF(-15, 0)), Qt::NoButton);
    r = model.layout().item(QStringLiteral("legend"))->rectMm;
    EXPECT_DOUBLE_EQ(r.left(), moved.left());
    EXPECT_DOUBLE_EQ(r.top(), moved.top());
    EXPECT_NEAR(r.width(), moved.width() - 15, 1.0);
    EXPECT_NEAR(r.height(), moved.height(), 1.0);

    // The properties pane shows the new geometry.
    auto* width = designer->findChild<QDoubleSpinBox*>(QStringLiteral("widthBox"));
    ASSERT_NE(width, nullptr);
    EXPECT_NEAR(width->value(), r.width(), 0.051);  // shown to 0,1 mm
    designer->view()->renderPreview();
    EXPECT_TRUE(designer->view()->previewError().isEmpty()) << designer->view()->previewError().toStdString();
    EXPECT_FALSE(designer->view()->preview().isNull());
    apptest::keepShot(*designer, "print_designer");
}

TEST_F(PrintDesignerTest, EditedTitleAppearsInTheExportedPdf)
{
    if (!havePoppler()) GTEST_SKIP() << "pdftotext/pdfinfo (poppler-utils) not installed";
    auto designer = makeDesigner();
    designer->show();
    designer->model()->select(QStringLiteral("title"));
    QApplication::processEvents();
    auto* text = designer->findChild<QPlainTextEdit*>(QStringLiteral("textEdit"));
    ASSERT_NE(text, nullptr);
    ASSERT_TRUE(text->isVisibleTo(designer.get()));
    const QString title = QStringLiteral("Bản đồ thử nghiệm xã Đồng Đăng – {province}");
    text->setPlainText(title);
    EXPECT_EQ(designer->model()->layout().item(QStringLiteral("title"))->text.text, title);

    const auto pdf = dir->file("title.pdf");
    ASSERT_TRUE(designer->exportPage(pdf, 150)) << designer->lastError().toStdString();
    const QString extracted = pdfText(pdf);
    EXPECT_TRUE(extracted.contains(QStringLiteral("Bản đồ thử nghiệm xã Đồng Đăng")))
        << extracted.left(400).toStdString();
    EXPECT_FALSE(extracted.contains(QStringLiteral("{province}")));
    EXPECT_EQ(pdfPages(pdf), 1);
}

TEST_F(PrintDesignerTest, SavedLayoutReopensIdentical)
{
    auto designer = makeDesigner();
    designer->applyTemplate(QStringLiteral("wall-a3"), print::Orientation::Portrait);
    PrintDesignerModel& model = *designer->model();
    ASSERT_TRUE(model.moveItem(QStringLiteral("legend"), QPointF(-12, 6)));
    ASSERT_TRUE(model.setText(QStringLiteral("subtitle"), QStringLiteral("Bản đồ treo tường – {unit}")));
    print::MapSettings m = model.layout().item(QStringLiteral("map"))->map;
    m.grid = print::GridKind::Graticule;
    m.gridInterval = 5;
    m.extentMode = print::ExtentMode::Fixed;
    m.extent = layers::render::Extent(400000, 2370000, 460000, 2430000);
    m.scaleDenominator = 250000;
    ASSERT_TRUE(model.setMapSettings(QStringLiteral("map"), m));

    ASSERT_TRUE(designer->saveLayout(QStringLiteral("Bản đồ treo tường thử"))) << designer->lastError().toStdString();
    const print::Layout saved = model.layout();
    EXPECT_EQ(saved.name, QStringLiteral("Bản đồ treo tường thử"));
    EXPECT_TRUE(designer->savedLayouts().contains(QStringLiteral("Bản đồ treo tường thử")));

    // Something else in between, then the saved one again.
    designer->applyTemplate(QStringLiteral("district-a4"), print::Orientation::Portrait);
    ASSERT_NE(model.layout(), saved);
    ASSERT_TRUE(designer->openLayout(QStringLiteral("Bản đồ treo tường thử"))) << designer->lastError().toStdString();
    EXPECT_EQ(model.layout(), saved);
    EXPECT_EQ(model.layout().page.paper, print::PaperSize::A3);
    EXPECT_EQ(model.layout().page.orientation, print::Orientation::Portrait);

    // Another designer on the same project (as after restarting) reads the same.
    auto other = makeDesigner();
    ASSERT_TRUE(other->openLayout(QStringLiteral("Bản đồ treo tường thử")));
    EXPECT_EQ(other->model()->layout(), saved);
    EXPECT_FALSE(other->openLayout(QStringLiteral("không có")));
}

TEST_F(PrintDesignerTest, MapFrameFollowingTheCanvasTakesTheCanvasExtent)
{
    auto designer = makeDesigner();
    PrintDesignerModel& model = *designer->model();
    const print::PageSpec page{};
    const print::LayoutRenderer renderer(*context);
    const layers::render::Extent province = renderer.frameExtent(*model.layout().mainMap(), page);

    const layers::render::Extent canvas(430000, 2400000, 445000, 2410000);
    designer->setCanvasExtent(canvas);
    // A frame following the unit of the page ignores the canvas.
    EXPECT_EQ(renderer.frameExtent(*model.layout().mainMap(), page), province);

    print::MapSettings m = model.layout().mainMap()->map;
    m.extentMode = print::ExtentMode::Canvas;
    ASSERT_TRUE(model.setMapSettings(QStringLiteral("map"), m));
    EXPECT_EQ(model.layout().mainMap()->map.extent, canvas);
    layers::render::Extent e = renderer.frameExtent(*model.layout().mainMap(), page);
    EXPECT_TRUE(e.contains(canvas));
    EXPECT_NEAR((e.minx + e.maxx) / 2, (canvas.minx + canvas.maxx) / 2, 1.0);
    EXPECT_NEAR((e.miny + e.maxy) / 2, (canvas.miny + canvas.maxy) / 2, 1.0);
    // Fitted (with its small margin) on one side at least.
    EXPECT_TRUE(e.width() < canvas.width() * 1.1 || e.height() < canvas.height() * 1.1);

    // The canvas moves: the frame follows.
    const layers::render::Extent next(450000, 2380000, 470000, 2395000);
    designer->setCanvasExtent(next);
    EXPECT_EQ(model.layout().mainMap()->map.extent, next);
    e = renderer.frameExtent(*model.layout().mainMap(), page);
    EXPECT_TRUE(e.contains(next));
}

TEST_F(PrintDesignerTest, PrintMenuOpensTheDesignerFollowingTheMainCanvas)
{
    QSettings().clear();
    MainWindow window;
    window.resize(1200, 800);
    window.openProject(std::make_unique<StoreProjectData>(sampleProject->file));
    window.show();
    QApplication::processEvents();
    QMenu* menu = window.menu(MainWindow::Menu::Print);
    ASSERT_NE(menu, nullptr);
    QAction* action = menu->findChild<QAction*>(QStringLiteral("printDesignerAction"));
    if (!action)
        for (QAction* a : menu->actions())
            if (a->objectName() == QLatin1String("printDesignerAction")) action = a;
    ASSERT_NE(action, nullptr);
    action->trigger();
    QApplication::processEvents();
    auto* designer = window.findChild<PrintDesigner*>();
    ASSERT_NE(designer, nullptr);
    EXPECT_TRUE(designer->isVisible());
    const layers::render::Extent canvas = window.canvas()->controller()->viewport().extent();
    EXPECT_EQ(designer->model()->canvasExtent(), canvas);
    window.canvas()->controller()->zoomIn();
    EXPECT_EQ(designer->model()->canvasExtent(), window.canvas()->controller()->viewport().extent());
    EXPECT_NE(designer->model()->canvasExtent(), canvas);
    designer->close();
    QApplication::processEvents();
    QSettings().clear();
}

TEST_F(PrintDesignerTest, AtlasGoesToOnePdfOrOneFilePerPage)
{
    if (!havePoppler()) GTEST_SKIP() << "pdfinfo (poppler-utils) not installed";
    auto designer = makeDesigner();
    designer->applyTemplate(QStringLiteral("district-a4"), print::Orientation::Portrait);
    const std::size_t districts = context->districts.size();
    ASSERT_GE(districts, 2u);

    const auto atlas = dir->file("districts.pdf");
    ASSERT_TRUE(designer->exportAtlas(print::AtlasLevel::District, atlas, 72, false)) << designer->lastError().toStdString();
    ASSERT_EQ(designer->lastFiles().size(), 1u);
    EXPECT_EQ(pdfPages(atlas), int(districts));

    const auto perPage = dir->file("district.pdf");
    ASSERT_TRUE(designer->exportAtlas(print::AtlasLevel::District, perPage, 72, true));
    ASSERT_EQ(designer->lastFiles().size(), districts);
    for (const auto& f : designer->lastFiles()) EXPECT_EQ(pdfPages(f), 1) << f;
}

} // namespace

// A picture of the designer on the bundled Lạng Sơn project, for a person to
// look at: run with --gtest_also_run_disabled_tests and PLANMAP_TEST_SHOTS=<dir>.
TEST(PrintDesignerShot, DISABLED_BundledProject)
{
    apptest::app();
    const std::filesystem::path bundled = PLANMAP_BUNDLED_PROJECT;
    if (!std::filesystem::exists(bundled)) GTEST_SKIP() << "no bundled project at " << bundled;
    layers::OpenOptions open;
    open.readOnly = true;
    layers::ProjectStore store = layers::ProjectStore::open(bundled, open);
    auto context = std::make_shared<const print::PrintContext>(print::loadPrintContext(store));
    for (const char* name : {"briefing-a4", "wall-a3", "district-a4"}) {
        PrintDesigner designer(context, &store);
        designer.resize(1400, 900);
        designer.applyTemplate(QString::fromLatin1(name), print::findTemplate(QString::fromLatin1(name))->defaultPage.orientation);
        if (QLatin1String(name) == QLatin1String("district-a4")) designer.setPreviewUnit(context->findUnit(QStringLiteral("Đồng Đăng")));
        designer.model()->select(QStringLiteral("legend"));
        designer.show();
        designer.view()->renderPreview();
        QApplication::processEvents();
        ASSERT_TRUE(designer.view()->previewError().isEmpty()) << designer.view()->previewError().toStdString();
        const QString dir = qEnvironmentVariable("PLANMAP_TEST_SHOTS");
        if (!dir.isEmpty())
            designer.grab().save(dir + QStringLiteral("/print_designer_") + QString::fromLatin1(name) + QStringLiteral(".png"));
    }
}
