// Progress tools of the main window (menu Kế hoạch): import a district's
// progress report, the dashboard, and the progress report export.
#include "WindowTools.h"

#include "DashboardWidget.h"
#include "MainWindow.h"
#include "ProgressImportDialog.h"
#include "ReportExportDialog.h"
#include "StoreProjectData.h"

#include <QAction>
#include <QCoreApplication>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>

namespace planmap::gui {

namespace {

/// The context of this file's strings.
struct ProgressTools {
    Q_DECLARE_TR_FUNCTIONS(ProgressTools)
};

/// The dashboard window, one per main window, following the open project.
class DashboardHolder : public QObject {
public:
    explicit DashboardHolder(MainWindow& window) : QObject(&window), window_(window) {}

    void show()
    {
        StoreProjectData* data = window_.storeData();
        if (!data) return;
        if (!dashboard_ || store_ != &data->store()) {
            delete dashboard_;
            store_ = &data->store();
            dashboard_ = new DashboardWidget(data->store(), &window_);
            dashboard_->setWindowFlag(Qt::Window);
            dashboard_->setAttribute(Qt::WA_DeleteOnClose, false);
            dashboard_->resize(1280, 800);
        }
        dashboard_->show();
        dashboard_->raise();
        dashboard_->activateWindow();
    }
    /// After a project was opened or its progress changed.
    void update()
    {
        if (!dashboard_) return;
        StoreProjectData* data = window_.storeData();
        if (!data || store_ != &data->store()) {
            const bool visible = dashboard_->isVisible();
            delete dashboard_;
            dashboard_ = nullptr;
            store_ = nullptr;
            if (visible && data) show();
            return;
        }
        dashboard_->refresh();
    }

private:
    MainWindow& window_;
    QPointer<DashboardWidget> dashboard_;
    const layers::ProjectStore* store_ = nullptr;
};

} // namespace

void installProgressTools(MainWindow& window)
{
    QMenu* menu = window.menu(MainWindow::Menu::Plan);
    if (!menu) return;
    auto* holder = new DashboardHolder(window);
    menu->addSeparator();
    QAction* importAction = menu->addAction(ProgressTools::tr("Nhập báo cáo tiến độ…"));
    importAction->setObjectName(QStringLiteral("progressImport"));
    importAction->setStatusTip(ProgressTools::tr("Nhập số liệu tiến độ từ báo cáo của huyện (XLSX, ODS, CSV)"));
    QAction* dashboardAction = menu->addAction(ProgressTools::tr("Bảng tổng hợp"));
    dashboardAction->setObjectName(QStringLiteral("progressDashboard"));
    dashboardAction->setStatusTip(ProgressTools::tr("Biểu đồ tỷ lệ đạt theo dự án, theo huyện và vốn theo nguồn"));
    QAction* reportAction = menu->addAction(ProgressTools::tr("Xuất báo cáo tiến độ…"));
    reportAction->setObjectName(QStringLiteral("progressReport"));
    reportAction->setStatusTip(ProgressTools::tr("Báo cáo tiến độ của tỉnh hoặc một huyện (XLSX, CSV)"));

    auto updateEnabled = [&window, importAction, dashboardAction, reportAction] {
        const bool store = window.storeData() != nullptr;
        importAction->setEnabled(store);
        dashboardAction->setEnabled(store);
        reportAction->setEnabled(store);
    };
    updateEnabled();
    QObject::connect(&window, &MainWindow::projectOpened, holder, [holder, updateEnabled] {
        updateEnabled();
        holder->update();
    });

    QObject::connect(importAction, &QAction::triggered, &window, [&window] {
        StoreProjectData* data = window.storeData();
        if (!data) return;
        ProgressImportDialog dialog(data->store(), &window);
        // New figures: the map's progress layers and the dashboard follow
        // (reloadProject keeps the view and emits projectOpened).
        QObject::connect(&dialog, &ProgressImportDialog::imported, &window, [&window] { window.reloadProject(); });
        dialog.exec();
    });
    QObject::connect(dashboardAction, &QAction::triggered, holder, [holder] { holder->show(); });
    QObject::connect(reportAction, &QAction::triggered, &window, [&window] {
        StoreProjectData* data = window.storeData();
        if (!data) return;
        ReportExportDialog dialog(data->store(), &window);
        dialog.exec();
    });
}

} // namespace planmap::gui
