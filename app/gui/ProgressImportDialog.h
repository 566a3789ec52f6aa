#pragma once

#include <QDialog>

#include <map>
#include <string>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTabWidget;

namespace planmap::layers { class ProjectStore; }

namespace planmap::gui {

class ProgressImportController;

/// "Nhập báo cáo tiến độ": a district's report (XLSX, ODS, CSV) into the
/// progress log. File and sheet, column mapping (a saved one is proposed when
/// the header fits), constants, preview of what will be written, validation
/// report in the user's language; the import runs with a progress bar and
/// can be cancelled (nothing written). All logic is in ProgressImportController.
class ProgressImportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ProgressImportDialog(layers::ProjectStore& store, QWidget* parent = nullptr);
    ~ProgressImportDialog() override;

    ProgressImportController* controller() const { return controller_; }
    /// Opens a file as the file chooser would.
    void openFile(const QString& path);

signals:
    /// Entries were written to the project (not emitted when all rows were unchanged).
    void imported();

private:
    void chooseFile();
    void updateFromController();
    void runImport();

    ProgressImportController* controller_;
    QLineEdit* file_;
    QComboBox* sheet_;
    QLabel* proposal_;
    std::map<std::string, QComboBox*> columns_;
    QLineEdit* district_;
    QLineEdit* unit_;
    QCheckBox* hasDate_;
    QDateEdit* asOf_;
    QLineEdit* source_;
    QCheckBox* illustrative_;
    QLineEdit* mappingName_;
    QTabWidget* tabs_;
    QTableView* rows_;
    QTableView* issues_;
    QLabel* summary_;
    QPushButton* import_;
    bool updating_ = false;
};

} // namespace planmap::gui
