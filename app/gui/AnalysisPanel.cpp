#include "AnalysisPanel.h"

#include "AnalysisLayers.h"
#include "CatchmentPage.h"
#include "ForestPage.h"
#include "MainWindow.h"
#include "UnderservedPage.h"

#include <QTabWidget>
#include <QVBoxLayout>

namespace planmap::gui {

AnalysisPanel::AnalysisPanel(MainWindow& window, QWidget* parent)
    : QWidget(parent),
      layers_(new ResultLayers(window)),
      tabs_(new QTabWidget(this)),
      underserved_(new UnderservedPage(window, *layers_)),
      catchment_(new CatchmentPage(window, *layers_)),
      forest_(new ForestPage(window, *layers_))
{
    setObjectName(QStringLiteral("analysisPanel"));
    tabs_->addTab(underserved_, tr("Thôn khó tiếp cận dịch vụ"));
    tabs_->addTab(catchment_, tr("Vùng phục vụ của chợ"));
    tabs_->addTab(forest_, tr("Diện tích rừng"));
    tabs_->setDocumentMode(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(tabs_);
}

void AnalysisPanel::showPage(Page page)
{
    tabs_->setCurrentIndex(int(page));
}

AnalysisPanel* analysisPanel(const MainWindow& window)
{
    return window.findChild<AnalysisPanel*>(QStringLiteral("analysisPanel"));
}

} // namespace planmap::gui
