#pragma once

#include <QWidget>

class QTabWidget;

namespace planmap::gui {

class CatchmentPage;
class ForestPage;
class MainWindow;
class ResultLayers;
class UnderservedPage;

/// The Analyses dock: one tab per analysis (underserved villages, market
/// catchments, forest hectares). Each runs in the background and puts its
/// result on the map as an in-memory layer.
class AnalysisPanel : public QWidget {
    Q_OBJECT
public:
    explicit AnalysisPanel(MainWindow& window, QWidget* parent = nullptr);

    enum class Page { Underserved = 0, Catchment = 1, Forest = 2 };
    void showPage(Page page);

    UnderservedPage* underserved() const { return underserved_; }
    CatchmentPage* catchment() const { return catchment_; }
    ForestPage* forest() const { return forest_; }
    ResultLayers* resultLayers() const { return layers_; }

private:
    ResultLayers* layers_;
    QTabWidget* tabs_;
    UnderservedPage* underserved_;
    CatchmentPage* catchment_;
    ForestPage* forest_;
};

/// The panel installAnalysisTools() put into `window`, or null.
AnalysisPanel* analysisPanel(const MainWindow& window);

} // namespace planmap::gui
