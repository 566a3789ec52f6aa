// The import tools of the map window: Tệp → Nhập dữ liệu… (the import
// wizard), Tệp → Hoàn tác lần nhập gần nhất, Lớp → Xuất lớp….

#include "WindowTools.h"

#include "ImportWizard.h"
#include "LayerExportDialog.h"
#include "MainWindow.h"
#include "StoreProjectData.h"

#include "planmap/layers/importer/ImportEngine.h"

#include <QAction>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>

namespace planmap::gui {

namespace {

void showImportWizard(MainWindow& window)
{
    StoreProjectData* data = window.storeData();
    if (!data) return;
    ImportWizard wizard(data->store(), &window);
    QObject::connect(&wizard, &ImportWizard::projectWritten, &window, [&window] { window.reloadProject(); });
    wizard.exec();
}

void undoLastImport(MainWindow& window)
{
    StoreProjectData* data = window.storeData();
    if (!data) return;
    ImportWizardController controller(data->store());
    try {
        const auto last = controller.lastUndoable();
        if (!last) {
            QMessageBox::information(&window, QObject::tr("Hoàn tác lần nhập"), QObject::tr("Không có lần nhập nào để hoàn tác."));
            return;
        }
        const QString what = QObject::tr("Hoàn tác lần nhập %1 (%2, vào %3)?")
                                 .arg(last->batch.id)
                                 .arg(QString::fromStdString(last->batch.filePath), QString::fromStdString(last->batch.target.value_or("")));
        if (QMessageBox::question(&window, QObject::tr("Hoàn tác lần nhập"), what) != QMessageBox::Yes) return;
        const auto undone = controller.undo(last->batch.id);
        window.reloadProject();
        window.statusBar()->showMessage(QObject::tr("Đã hoàn tác lần nhập %1.").arg(undone.batchId), 8000);
    } catch (const std::exception& e) {
        QMessageBox::warning(&window, QObject::tr("Hoàn tác lần nhập"), QString::fromStdString(e.what()));
    }
}

void showExportDialog(MainWindow& window)
{
    StoreProjectData* data = window.storeData();
    if (!data) return;
    LayerExportDialog dialog(data->store(), QString(), &window);
    if (dialog.exec() == QDialog::Accepted) window.statusBar()->showMessage(dialog.lastMessage(), 10000);
}

} // namespace

void installImportTools(MainWindow& window)
{
    QMenu* file = window.menu(MainWindow::Menu::File);
    QMenu* layer = window.menu(MainWindow::Menu::Layer);
    auto* import = new QAction(QObject::tr("Nhập dữ liệu…"), &window);
    import->setObjectName(QStringLiteral("actionImportData"));
    auto* undo = new QAction(QObject::tr("Hoàn tác lần nhập gần nhất"), &window);
    undo->setObjectName(QStringLiteral("actionUndoImport"));
    auto* exportLayer = new QAction(QObject::tr("Xuất lớp…"), &window);
    exportLayer->setObjectName(QStringLiteral("actionExportLayer"));
    // Tools insert their actions above "Thoát" (the separator before it).
    const QList<QAction*> fileActions = file->actions();
    QAction* before = fileActions.size() >= 2 ? fileActions.at(fileActions.size() - 2) : nullptr;
    file->insertSeparator(before);
    file->insertAction(before, import);
    file->insertAction(before, undo);
    layer->addSeparator();
    layer->addAction(exportLayer);
    const auto update = [&window, import, undo, exportLayer] {
        const bool writable = window.storeData() != nullptr;
        import->setEnabled(writable);
        undo->setEnabled(writable);
        exportLayer->setEnabled(writable);
    };
    QObject::connect(&window, &MainWindow::projectOpened, &window, update);
    update();
    QObject::connect(import, &QAction::triggered, &window, [&window] { showImportWizard(window); });
    QObject::connect(undo, &QAction::triggered, &window, [&window] { undoLastImport(window); });
    QObject::connect(exportLayer, &QAction::triggered, &window, [&window] { showExportDialog(window); });
}

} // namespace planmap::gui
