// The print menu (In ấn): the print designer window over the open project,
// its map frames able to follow the main map canvas; see PrintDesigner.h.
#include "WindowTools.h"

#include "MainWindow.h"
#include "PrintDesigner.h"
#include "StoreProjectData.h"

#include "planmap/layers/print/PrintContext.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>

namespace planmap::gui {

namespace {

/// Reads the open project for printing, in the map's display CRS (so that
/// the canvas extent means the same in the designer). Null without a project file.
std::shared_ptr<const print::PrintContext> loadContext(MainWindow& window, QString* error)
{
    StoreProjectData* data = window.storeData();
    if (!data) {
        *error = PrintDesigner::tr("Chỉ in được dự án lưu trong tệp .planmap.");
        return nullptr;
    }
    print::LoadOptions options;
    if (const auto id = window.project()->displayCrs().authorityId()) options.crs = QString::fromStdString(*id);
    try {
        QApplication::setOverrideCursor(Qt::WaitCursor);
        auto context = std::make_shared<const print::PrintContext>(print::loadPrintContext(data->store(), options));
        QApplication::restoreOverrideCursor();
        return context;
    } catch (const std::exception& e) {
        QApplication::restoreOverrideCursor();
        *error = QString::fromUtf8(e.what());
        return nullptr;
    }
}

class PrintTools : public QObject {
public:
    explicit PrintTools(MainWindow& window) : QObject(&window), window_(window)
    {
        QObject::connect(&window, &MainWindow::projectOpened, this, [this] {
            // A new or reloaded project: the designer reads it afresh.
            refreshContext();
        });
        QObject::connect(window.project(), &MapProject::displayCrsChanged, this, [this] {
            refreshContext();
            followCanvas();
        });
        QObject::connect(window.canvas()->controller(), &ViewController::viewportChanged, this, [this] { followCanvas(); });
    }

    PrintDesigner* open()
    {
        if (!designer_) {
            QString error;
            auto context = loadContext(window_, &error);
            if (!context) {
                QMessageBox::warning(&window_, PrintDesigner::tr("In ấn"), error);
                return nullptr;
            }
            designer_ = new PrintDesigner(std::move(context), &window_.storeData()->store(), &window_);
            designer_->setWindowFlag(Qt::Window, true);
            designer_->setAttribute(Qt::WA_DeleteOnClose, true);
            followCanvas();
        }
        designer_->show();
        designer_->raise();
        designer_->activateWindow();
        return designer_;
    }

private:
    void refreshContext()
    {
        if (!designer_) return;
        QString error;
        auto context = loadContext(window_, &error);
        // Without a project file the designer cannot go on.
        if (!context) designer_->close();
        else designer_->setContext(std::move(context), &window_.storeData()->store());
    }

    void followCanvas()
    {
        if (designer_) designer_->setCanvasExtent(window_.canvas()->controller()->viewport().extent());
    }

    MainWindow& window_;
    QPointer<PrintDesigner> designer_;
};

} // namespace

void installPrintTools(MainWindow& window)
{
    auto* tools = new PrintTools(window);
    QMenu* menu = window.menu(MainWindow::Menu::Print);
    if (!menu) return;
    QAction* design = menu->addAction(PrintDesigner::tr("Thiết kế trang in…"));
    design->setObjectName(QStringLiteral("printDesignerAction"));
    design->setShortcut(QKeySequence::Print);
    design->setToolTip(PrintDesigner::tr("Trang báo cáo A4, bản đồ treo tường A3, trang huyện/xã; xuất PDF, PNG, SVG và tập bản đồ"));
    QObject::connect(design, &QAction::triggered, tools, [tools] { tools->open(); });
}

} // namespace planmap::gui
