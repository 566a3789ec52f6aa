#pragma once
// The import wizard (Tệp → Nhập dữ liệu…): file → preview (small map, table,
// encoding, CRS) → target (existing layer with field mapping, or new
// reference layer) → check (geometry repairs, problems) → import with
// progress and cancel, and undo. The logic is ImportWizardController.

#include "ImportWizardController.h"
#include "ImportWorker.h"

#include <QWidget>
#include <QWizard>

#include <atomic>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QTableWidget;
class QCheckBox;

namespace planmap::gui {

/// A small map of the preview's geometries (WGS 84) over the province outline.
class ImportPreviewMap : public QWidget {
    Q_OBJECT
public:
    explicit ImportPreviewMap(QWidget* parent = nullptr);
    void setGeometries(std::vector<geo::Geometry> features, std::vector<geo::Geometry> context);
    QSize sizeHint() const override { return {260, 220}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::vector<geo::Geometry> features_;
    std::vector<geo::Geometry> context_;
};

class ImportWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId { FilePage, PreviewPage, TargetPage, CommitPage };

    explicit ImportWizard(layers::ProjectStore& store, QWidget* parent = nullptr);
    ~ImportWizard() override;

    ImportWizardController& controller() { return controller_; }
    /// Opens a file without the file dialog (tests, drag and drop).
    bool openFile(const QString& path);
    /// True once an import (or an undo) wrote to the project.
    bool projectChanged() const { return changed_; }
    /// True while the import runs on its worker thread.
    bool isImporting() const { return worker_->isRunning(); }
    /// The worker that runs the import (tests wait on it).
    ImportWorker& worker() { return *worker_; }

    bool validateCurrentPage() override;
    void initializePage(int id) override;
    /// Closing while importing cancels the import and waits for it.
    void reject() override;

signals:
    /// An import or an undo changed the project.
    void projectWritten();

private:
    QWizardPage* makeFilePage();
    QWizardPage* makePreviewPage();
    QWizardPage* makeTargetPage();
    QWizardPage* makeCommitPage();
    void browse();
    void refreshPreview();
    void showPreview();
    void fillTargetPage();
    void fillMappingTable();
    void runCheck();
    void runImport();
    void showProgress(const layers::importer::ImportProgress& p);
    void importFinished();
    void undoLast();

    ImportWizardController controller_;
    bool changed_ = false;
    ImportWorker* worker_ = nullptr;

    // file page
    QLineEdit* fileEdit_ = nullptr;
    QComboBox* sourceLayer_ = nullptr;
    QLineEdit* xColumn_ = nullptr;
    QLineEdit* yColumn_ = nullptr;
    QLineEdit* unitColumn_ = nullptr;
    // preview page
    QComboBox* encoding_ = nullptr;
    QLabel* encodingInfo_ = nullptr;
    QComboBox* crs_ = nullptr;
    QLabel* crsInfo_ = nullptr;
    QLabel* previewInfo_ = nullptr;
    QTableWidget* previewTable_ = nullptr;
    ImportPreviewMap* previewMap_ = nullptr;
    // target page
    QRadioButton* newLayer_ = nullptr;
    QRadioButton* existingLayer_ = nullptr;
    QLineEdit* newName_ = nullptr;
    QLineEdit* newTitle_ = nullptr;
    QComboBox* layers_ = nullptr;
    QComboBox* savedMapping_ = nullptr;
    QLineEdit* saveMappingAs_ = nullptr;
    QTableWidget* mapping_ = nullptr;
    QCheckBox* skipInvalid_ = nullptr;
    // commit page
    QPlainTextEdit* report_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QPushButton* importButton_ = nullptr;
    QPushButton* cancelButton_ = nullptr;
    QPushButton* undoButton_ = nullptr;
    QLabel* status_ = nullptr;
    bool imported_ = false;
};

} // namespace planmap::gui
