// The Analyses menu and dock (menu Phân tích): underserved villages, market
// catchments, forest hectares; see AnalysisPanel.h.
#include "WindowTools.h"

#include "AnalysisPanel.h"
#include "MainWindow.h"

#include <QAction>
#include <QDockWidget>
#include <QMenu>

namespace planmap::gui {

void installAnalysisTools(MainWindow& window)
{
    auto* dock = new QDockWidget(AnalysisPanel::tr("Phân tích"), &window);
    dock->setObjectName(QStringLiteral("analysisDock"));
    auto* panel = new AnalysisPanel(window, dock);
    dock->setWidget(panel);
    window.addDockWidget(Qt::BottomDockWidgetArea, dock);
    dock->hide();

    QMenu* menu = window.menu(MainWindow::Menu::Analysis);
    if (!menu) return;
    const auto open = [&window, dock, panel](AnalysisPanel::Page page) {
        panel->showPage(page);
        if (dock->isHidden()) {
            // Share the bottom area with a panel already there (as tabs) rather than squeezing it.
            for (QDockWidget* other : window.findChildren<QDockWidget*>()) {
                if (other == dock || other->isHidden() || other->isFloating()) continue;
                if (window.dockWidgetArea(other) != Qt::BottomDockWidgetArea) continue;
                window.tabifyDockWidget(other, dock);
                break;
            }
        }
        dock->show();
        dock->raise();
    };
    QAction* underserved = menu->addAction(AnalysisPanel::tr("Thôn khó tiếp cận dịch vụ…"));
    underserved->setToolTip(AnalysisPanel::tr("Khoảng cách từ thôn đến chợ, trạm y tế, trường học, đường cứng hóa và điểm nhu cầu"));
    QObject::connect(underserved, &QAction::triggered, dock, [open] { open(AnalysisPanel::Page::Underserved); });
    QAction* catchment = menu->addAction(AnalysisPanel::tr("Vùng phục vụ của chợ…"));
    QObject::connect(catchment, &QAction::triggered, dock, [open] { open(AnalysisPanel::Page::Catchment); });
    QAction* forest = menu->addAction(AnalysisPanel::tr("Diện tích rừng được bảo vệ…"));
    QObject::connect(forest, &QAction::triggered, dock, [open] { open(AnalysisPanel::Page::Forest); });
    menu->addSeparator();
    menu->addAction(dock->toggleViewAction());
}

} // namespace planmap::gui
