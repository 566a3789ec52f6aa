#pragma once

#include "PrintDesignerModel.h"

#include "planmap/layers/print/Export.h"
#include "planmap/layers/print/PrintContext.h"

#include <QMainWindow>

#include <filesystem>
#include <memory>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace planmap::layers {
class ProjectStore;
}

namespace planmap::gui {

class PrintDesignerView;

/// The print designer (menu In ấn): a template (briefing A4, A3 wall map,
/// district sheet; portrait or landscape) or a layout saved in the project,
/// its page previewed by layers/print, the items listed, moved and resized
/// on the page, their texts and map frame settings edited in a properties
/// pane; export of the page (PDF/PNG/SVG at a chosen DPI) and of an atlas
/// (districts 2023 / communes 2025, one PDF or a file per page) with a
/// progress bar and cancel.
class PrintDesigner : public QMainWindow {
    Q_OBJECT
public:
    /// `store` (may be null) is where layouts are saved and read; it must
    /// outlive the designer.
    PrintDesigner(std::shared_ptr<const print::PrintContext> context, layers::ProjectStore* store,
                  QWidget* parent = nullptr);
    ~PrintDesigner() override;

    PrintDesignerModel* model() const { return model_; }
    PrintDesignerView* view() const { return view_; }
    const print::PrintContext& context() const { return *context_; }
    /// A new context and project (another project opened, the map's
    /// display CRS changed); keeps the layout.
    void setContext(std::shared_ptr<const print::PrintContext> context, layers::ProjectStore* store);

    /// Replaces the layout by a template in the given orientation.
    void applyTemplate(const QString& name, print::Orientation orientation);
    /// The map canvas's extent, for map frames following it.
    void setCanvasExtent(const layers::render::Extent& extent);

    /// The page previewed and printed by exportPage(): the province (null)
    /// or a district / commune.
    void setPreviewUnit(const print::PrintUnit* unit);

    /// Saves the layout under `name` in the project. Returns false (and
    /// says why in lastError()) when there is no writable project.
    bool saveLayout(const QString& name);
    /// Opens a layout saved in the project; false when there is none of that name.
    bool openLayout(const QString& name);
    /// Names of the layouts saved in the project.
    QStringList savedLayouts() const;

    /// Writes the previewed page to `file` (format from its extension).
    /// Returns false and sets lastError() on failure.
    bool exportPage(const std::filesystem::path& file, double dpi);
    /// Writes an atlas on a worker thread while a progress dialog (with
    /// Cancel) shows the pages done. False when it failed or was cancelled.
    bool exportAtlas(print::AtlasLevel level, const std::filesystem::path& file, double dpi, bool onePerFile);
    /// Cancels a running atlas export (as the dialog's Cancel button does).
    void cancelExport();
    const QString& lastError() const { return lastError_; }
    /// The files the last export wrote.
    const std::vector<std::filesystem::path>& lastFiles() const { return lastFiles_; }

private:
    void buildUi();
    void fillTemplates();
    void fillUnits();
    void refreshSavedLayouts();
    void refreshItemList();
    void showProperties();
    void applyGeometryFromPane();
    void applyTextFromPane();
    void applyMapFromPane();
    void saveLayoutDialog();
    void exportDialog();
    void atlasDialog();
    print::PageSpec previewPage() const;
    void showError(const QString& title);

    std::shared_ptr<const print::PrintContext> context_;
    layers::ProjectStore* store_;
    PrintDesignerModel* model_;
    PrintDesignerView* view_;
    const print::PrintUnit* previewUnit_ = nullptr;
    QString lastError_;
    std::vector<std::filesystem::path> lastFiles_;
    std::shared_ptr<std::atomic<bool>> cancel_;
    bool updatingPane_ = false;

    QComboBox* templateBox_ = nullptr;
    QComboBox* orientationBox_ = nullptr;
    QComboBox* unitBox_ = nullptr;
    QComboBox* savedBox_ = nullptr;
    QListWidget* itemList_ = nullptr;

    QGroupBox* geometryGroup_ = nullptr;
    QDoubleSpinBox* xBox_ = nullptr;
    QDoubleSpinBox* yBox_ = nullptr;
    QDoubleSpinBox* wBox_ = nullptr;
    QDoubleSpinBox* hBox_ = nullptr;
    QCheckBox* frameBox_ = nullptr;

    QGroupBox* textGroup_ = nullptr;
    QPlainTextEdit* textEdit_ = nullptr;
    QDoubleSpinBox* fontSizeBox_ = nullptr;
    QCheckBox* boldBox_ = nullptr;
    QComboBox* alignBox_ = nullptr;

    QGroupBox* mapGroup_ = nullptr;
    QComboBox* extentModeBox_ = nullptr;
    QPushButton* takeCanvasButton_ = nullptr;
    QDoubleSpinBox* scaleBox_ = nullptr;
    QComboBox* gridBox_ = nullptr;
    QDoubleSpinBox* gridIntervalBox_ = nullptr;
    QCheckBox* labelsBox_ = nullptr;
    QCheckBox* highlightBox_ = nullptr;
    QLabel* mapInfo_ = nullptr;
};

/// Vietnamese name of an item kind for lists ("Khung bản đồ", "Chú giải", …).
QString itemKindTitle(print::ItemKind kind);

} // namespace planmap::gui
