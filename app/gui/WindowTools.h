#pragma once

namespace planmap::gui {

class MainWindow;

/// The tool panels of the main window, each in its own files. Each adds its
/// actions to the window's menus (MainWindow::menu), its docks and dialogs,
/// and follows MainWindow::projectOpened. Called once from the constructor.
void installPlanTools(MainWindow& window);      ///< PlanTools.cpp: plan panel, recording progress, links, thematic map
void installProgressTools(MainWindow& window);  ///< ProgressTools.cpp: progress import, dashboard, reports
void installAnalysisTools(MainWindow& window);  ///< AnalysisTools.cpp: underserved, catchments, forest
void installPrintTools(MainWindow& window);     ///< PrintTools.cpp: print designer, atlas
void installImportTools(MainWindow& window);    ///< ImportTools.cpp: import wizard, layer export

} // namespace planmap::gui
