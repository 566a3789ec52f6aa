#include "AnalysisPage.h"

#include "AnalysisLayers.h"
#include "AnalysisRunner.h"
#include "AnalysisWidgets.h"
#include "MainWindow.h"
#include "StoreProjectData.h"

#include "planmap/layers/features/FeatureLayers.h"
#include "planmap/layers/store/ProjectStore.h"

#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

namespace planmap::gui {

AnalysisPage::AnalysisPage(MainWindow& window, ResultLayers& layers, const QString& exportName, QWidget* parent)
    : QWidget(parent),
      window_(window),
      layers_(layers),
      runner_(new AnalysisRunner(this)),
      runBar_(new AnalysisRunBar(runner_, this)),
      banner_(new IllustrativeBanner(this)),
      summaryLine_(new QLabel(tr("Chưa có kết quả."), this)),
      export_(new QPushButton(tr("Xuất…"), this))
{
    summaryLine_->setWordWrap(true);
    export_->setToolTip(tr("Ghi kết quả ra tệp Excel (.xlsx), GeoPackage (.gpkg) hoặc CSV"));
    export_->setEnabled(false);

    // The run bar follows the runner first (it was connected first), then the page.
    connect(runBar_, &AnalysisRunBar::runRequested, this, [this] { run(); });
    connect(runner_, &AnalysisRunner::finished, this, [this] { onFinished(); });
    connect(runner_, &AnalysisRunner::cancelled, this, [this] { dropPending(); });
    connect(runner_, &AnalysisRunner::failed, this, [this] { dropPending(); });
    connect(export_, &QPushButton::clicked, this,
            [this, exportName] { exportResultTables(this, exportTables(), exportName); });
    connect(&layers_, &ResultLayers::projectChanged, this, [this] {
        runner_->cancel();
        clearResult();
    });
}

std::optional<std::filesystem::path> AnalysisPage::projectFileForRun()
{
    if (runner_->isRunning()) return std::nullopt;
    StoreProjectData* data = window_.storeData();
    if (!data) {
        runBar_->setMessage(tr("Chưa mở dự án."), true);
        return std::nullopt;
    }
    return data->store().path();
}

bool AnalysisPage::settingsValid(const std::function<void()>& validate)
{
    try {
        validate();
        return true;
    } catch (const std::exception& e) {
        runBar_->setMessage(tr("Thiết lập không hợp lệ: %1").arg(QString::fromUtf8(e.what())), true);
        return false;
    }
}

analysis::AccessInputs AnalysisPage::readAccessInputs(const std::filesystem::path& file,
                                                      const analysis::RunControl& control)
{
    analysis::AccessInputs inputs;
    readProject(file, control, layers::builtin_layers::kVillages,
                [&](layers::ProjectStore& store) { inputs = analysis::loadAccessInputs(store, control); });
    return inputs;
}

void AnalysisPage::showResultLayer(const std::function<MapLayer()>& make)
{
    try {
        layers_.set(make());
    } catch (const std::exception& e) {
        runBar_->setMessage(tr("Không vẽ được lớp kết quả: %1").arg(QString::fromUtf8(e.what())), true);
    }
}

void AnalysisPage::clearCommon(const char* layerKey)
{
    layers_.remove(QString::fromLatin1(layerKey));
    banner_->hide();
    summaryLine_->setText(tr("Chưa có kết quả."));
    export_->setEnabled(false);
}

void AnalysisPage::setContent(QWidget* form, QWidget* results)
{
    auto* scroll = new QScrollArea;
    scroll->setWidget(form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumWidth(form->sizeHint().width() + 20);

    auto* split = new QSplitter(Qt::Horizontal);
    split->addWidget(scroll);
    split->addWidget(results);
    split->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(split);
}

QVBoxLayout* AnalysisPage::formLayout(QWidget* form)
{
    auto* layout = new QVBoxLayout(form);
    layout->setContentsMargins(0, 0, 4, 0);
    return layout;
}

QVBoxLayout* AnalysisPage::resultsLayout(QWidget* results)
{
    auto* layout = new QVBoxLayout(results);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(banner_);
    return layout;
}

} // namespace planmap::gui
