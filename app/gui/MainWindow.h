#pragma once

#include "Language.h"
#include "MapCanvas.h"
#include "MapProject.h"
#include "ProjectData.h"

#include <QMainWindow>
#include <QPointer>
#include <QTimer>

#include <memory>

class QAction;
class QComboBox;
class QDockWidget;
class QLabel;
class QMenu;

namespace planmap::gui {

class AttributeTable;
class CoordinateFormatter;
class IdentifyPanel;
class LayerPanel;
class LegendWidget;
class SearchBox;
class StoreProjectData;

/// The main window: assembles the map canvas, the layer, legend and
/// identify docks, the toolbar with the search box, and the status bar
/// (scale, cursor coordinates in WGS 84 and VN-2000, display CRS).
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Shows a project (replacing the current one) and zooms to it.
    /// Throws what building the layer caches throws.
    void openProject(std::unique_ptr<ProjectData> data);
    const ProjectData* projectData() const { return data_.get(); }

    MapCanvas* canvas() const { return canvas_; }
    MapProject* project() const { return project_; }
    SearchBox* searchBox() const { return search_; }
    IdentifyPanel* identifyPanel() const { return identify_; }
    LayerPanel* layerPanel() const { return layerPanel_; }
    LegendWidget* legend() const { return legend_; }

    /// The menus the tool panels (plan, analyses, print, import; see
    /// WindowTools.h) add their actions to.
    enum class Menu { File, Layer, Plan, Analysis, Print };
    QMenu* menu(Menu which) const;
    /// The open project when it is a project file (the normal case), else null.
    StoreProjectData* storeData() const;
    /// Re-reads the layers of the open project (after an import or an
    /// analysis wrote to it), keeping the view, styles and selection tool.
    void reloadProject();

    /// Renders the map in the calling thread, then saves the whole window as PNG.
    bool saveScreenshot(const QString& file);

    void identify(const QString& layerKey, qint64 featureId);
    void showSearchHit(const SearchHit& hit);
    AttributeTable* showAttributeTable(int row);
    void editStyle(int row);
    /// Which administrative units the map shows (View menu).
    enum class Units {
        Communes2025,   ///< the communes of 2025 alone
        Districts2023,  ///< the districts of 2023 alone
        Both,           ///< the districts of 2023 outlined over the communes of 2025 (as printed)
    };
    void showUnits(Units units);
    /// Shows the communes of 2025 (true) or the districts of 2023 (false).
    void showUnits2025(bool communes2025) { showUnits(communes2025 ? Units::Communes2025 : Units::Districts2023); }
    /// Switches the display CRS, keeping the area in view. The layers are
    /// reprojected in the background (the map stays usable); with `wait`,
    /// returns once the switch is done (screenshots, tests).
    void setDisplayCrs(int epsg, bool wait = false);
    /// Saves the layer settings into the project and the window layout.
    void saveSettings();
    /// Shows the coordinates of a display-CRS point in the status bar.
    void showCursorCoordinates(QPointF mapPoint);

signals:
    void languageChangeRequested(planmap::gui::Language language);
    /// A project was opened or reloaded: the map layers are new.
    void projectOpened();

protected:
    void showEvent(QShowEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void createDocks();
    void createStatusBar();
    void updateHistoryActions();
    void updateScaleBox(double denominator);
    /// Saves the layer settings into the project when they changed since
    /// they were loaded or last saved.
    void saveLayerSettings();
    void updateUnitsActions();
    void onDisplayCrsChanged();
    /// Fills the map with the layers of data_ (saved settings or defaults).
    void populateLayers();
    void openProjectDialog();
    void exportMapImage();

    MapProject* project_;
    MapCanvas* canvas_;
    std::unique_ptr<ProjectData> data_;
    std::unique_ptr<CoordinateFormatter> coords_;

    LayerPanel* layerPanel_ = nullptr;
    LegendWidget* legend_ = nullptr;
    IdentifyPanel* identify_ = nullptr;
    QDockWidget* identifyDock_ = nullptr;
    SearchBox* search_ = nullptr;

    QMenu* fileMenu_ = nullptr;
    QMenu* layerMenu_ = nullptr;
    QMenu* planMenu_ = nullptr;
    QMenu* analysisMenu_ = nullptr;
    QMenu* printMenu_ = nullptr;
    QAction* back_ = nullptr;
    QAction* forward_ = nullptr;
    QAction* units2025_ = nullptr;
    QAction* units2023_ = nullptr;
    QAction* unitsBoth_ = nullptr;
    QComboBox* scaleBox_ = nullptr;
    QComboBox* crsBox_ = nullptr;
    QLabel* wgs84_ = nullptr;
    QLabel* vn2000_ = nullptr;
    QLabel* renderTime_ = nullptr;
    QLabel* readOnly_ = nullptr;
    bool layoutRestored_ = false;   ///< the window layout came from the settings
    bool docksArranged_ = false;
    /// The layer settings as loaded or last saved (nothing is written while unchanged).
    std::vector<layers::project::LayerSetting> savedSettings_;
    QTimer saveTimer_;
    std::vector<QPointer<AttributeTable>> tables_;
};

} // namespace planmap::gui
