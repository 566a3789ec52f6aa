#pragma once

#include "MapLayer.h"

#include "planmap/layers/analysis/AccessInputs.h"
#include "planmap/layers/analysis/ResultExport.h"

#include <QString>
#include <QWidget>

#include <filesystem>
#include <functional>
#include <optional>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace planmap::gui {

class AnalysisRunBar;
class AnalysisRunner;
class IllustrativeBanner;
class MainWindow;
class ResultLayers;
namespace analysis = layers::analysis;

/// What the pages of the Analyses panel share: the background runner and its
/// run bar, the illustrative banner, the summary line and the export button,
/// the page layout (settings on the left, results on the right), and the
/// handling of the result layer. A page builds its own settings and result
/// views, and says how to run, show and clear its analysis.
class AnalysisPage : public QWidget {
    Q_OBJECT
public:
    AnalysisRunner* runner() const { return runner_; }
    AnalysisRunBar* runBar() const { return runBar_; }

    /// Starts the analysis in the background, which reads its inputs from
    /// the project file on a connection of its own (readProject). Returns
    /// false (with a message on the page) when there is no project, an
    /// analysis is running or the settings are not valid.
    virtual bool run() = 0;
    /// What the export writes (the result as shown; empty without one).
    virtual analysis::ResultTables exportTables() const = 0;

protected:
    /// `exportName` is the file name the export suggests (no extension).
    AnalysisPage(MainWindow& window, ResultLayers& layers, const QString& exportName, QWidget* parent = nullptr);

    /// The runner reported a result: move it from the pending one and show it.
    virtual void onFinished() = 0;
    /// The run was cancelled or failed: drop the pending result.
    virtual void dropPending() = 0;
    /// Forgets the result and empties the views (a new run, another project).
    virtual void clearResult() = 0;

    /// The project file a run reads, or none (with the message on the run
    /// bar) when no project is open or an analysis is running.
    std::optional<std::filesystem::path> projectFileForRun();
    /// Runs `validate` (checks of the settings); on an exception says so on
    /// the run bar and returns false.
    bool settingsValid(const std::function<void()>& validate);
    /// For the work of the access analyses (underserved villages, market
    /// catchments): their inputs read from `file` through readProject().
    static analysis::AccessInputs readAccessInputs(const std::filesystem::path& file,
                                                   const analysis::RunControl& control);
    /// Puts the result layer `make` returns on the map; says on the run bar
    /// when it cannot be drawn.
    void showResultLayer(const std::function<MapLayer()>& make);
    /// The common part of clearing: removes the result layer `layerKey`,
    /// hides the banner, "no result" in the summary line, export off.
    void clearCommon(const char* layerKey);
    /// Lays the page out: `form` (settings, run bar) scrolls on the left,
    /// `results` fills the right.
    void setContent(QWidget* form, QWidget* results);
    /// The layout of `form` (the settings column, a little room for the scroll bar).
    static QVBoxLayout* formLayout(QWidget* form);
    /// A margin-less layout for `results` that starts with the banner.
    QVBoxLayout* resultsLayout(QWidget* results);

    MainWindow& window_;
    ResultLayers& layers_;
    AnalysisRunner* runner_;
    AnalysisRunBar* runBar_;
    IllustrativeBanner* banner_;
    QLabel* summaryLine_;
    QPushButton* export_;
};

} // namespace planmap::gui
