#pragma once
// Pieces the three analysis pages share: the run bar (Run, Cancel, progress),
// the illustrative-result banner, small read-only tables and the export.

#include "planmap/layers/analysis/ResultExport.h"

#include <QLabel>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <optional>

class QProgressBar;
class QPushButton;
class QTableView;
class QTableWidget;

namespace planmap::gui {

class AnalysisRunner;

/// Run and Cancel buttons, a progress bar and the stage being computed,
/// following an AnalysisRunner.
class AnalysisRunBar : public QWidget {
    Q_OBJECT
public:
    AnalysisRunBar(AnalysisRunner* runner, QWidget* parent = nullptr);

    QPushButton* runButton() const { return run_; }
    QPushButton* cancelButton() const { return cancel_; }
    QProgressBar* progressBar() const { return progress_; }
    QLabel* statusLabel() const { return status_; }
    /// A message under the bar (errors in red).
    void setMessage(const QString& text, bool error = false);

signals:
    void runRequested();

private:
    void setRunning(bool running);

    QPushButton* run_;
    QPushButton* cancel_;
    QProgressBar* progress_;
    QLabel* status_;
};

/// A red notice shown above results computed from illustrative data.
class IllustrativeBanner : public QLabel {
    Q_OBJECT
public:
    explicit IllustrativeBanner(QWidget* parent = nullptr);
    /// Shows the notice with the illustrative sources, or hides it.
    void showFor(bool illustrative, const std::vector<std::string>& sources);
};

/// The look of the result tables: whole rows selected one at a time,
/// alternating rows, compact row height, no row numbers, no wrapping.
void setUpResultView(QTableView* view);
/// A read-only, sortable-by-nothing table with the given headers.
QTableWidget* makeResultTable(const QStringList& headers, QWidget* parent = nullptr);
/// Replaces the rows of `table` (cells as texts; numbers right-aligned when
/// `numeric` has their column).
void fillTable(QTableWidget* table, const std::vector<QStringList>& rows, const std::vector<int>& numericColumns = {});

/// Asks where to save `tables` (.xlsx, .gpkg or .csv) and writes them; shows
/// what went wrong in a message box. `baseName` is the suggested file name.
void exportResultTables(QWidget* parent, const layers::analysis::ResultTables& tables, const QString& baseName);

/// "7,2" (km from metres, one decimal, Vietnamese format); "—" when none.
QString kmText(const std::optional<double>& metres);
/// "1.234,56" hectares.
QString haText(double ha);

} // namespace planmap::gui
