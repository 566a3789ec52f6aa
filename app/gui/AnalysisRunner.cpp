#include "AnalysisRunner.h"

#include "planmap/layers/store/ProjectStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMetaObject>

#include <optional>

namespace planmap::gui {

namespace {
enum Outcome { Finished = 0, Cancelled = 1, Failed = 2 };
}

AnalysisRunner::AnalysisRunner(QObject* parent) : QObject(parent) {}

AnalysisRunner::~AnalysisRunner()
{
    if (cancel_) cancel_->store(true);
    join();
}

void AnalysisRunner::join()
{
    if (thread_.joinable()) thread_.join();
}

bool AnalysisRunner::start(std::function<void(const analysis::RunControl&)> work)
{
    if (running_) return false;
    join();  // the previous thread has reported its end; only its exit is left
    running_ = true;
    cancel_ = std::make_shared<std::atomic<bool>>(false);
    std::shared_ptr<std::atomic<bool>> cancelFlag = cancel_;
    thread_ = std::thread([this, cancelFlag, work = std::move(work)] {
        analysis::RunControl control;
        control.cancel = cancelFlag.get();
        control.onProgress = [this](const analysis::AnalysisProgress& p) {
            const QString stage = QString::fromStdString(p.stage);
            const double fraction = p.fraction();
            QMetaObject::invokeMethod(this, [this, stage, fraction] { emit progressed(stage, fraction); },
                                      Qt::QueuedConnection);
        };
        int outcome = Finished;
        QString message;
        try {
            work(control);
            if (cancelFlag->load()) outcome = Cancelled;
        } catch (const analysis::AnalysisCancelled&) {
            outcome = Cancelled;
        } catch (const std::exception& e) {
            outcome = Failed;
            message = QString::fromUtf8(e.what());
        } catch (...) {
            outcome = Failed;
            message = QStringLiteral("unknown error");
        }
        QMetaObject::invokeMethod(this, [this, outcome, message] { onThreadDone(outcome, message); },
                                  Qt::QueuedConnection);
    });
    emit started();
    return true;
}

void AnalysisRunner::cancel()
{
    if (running_ && cancel_) cancel_->store(true);
}

void AnalysisRunner::onThreadDone(int outcome, const QString& message)
{
    join();
    running_ = false;
    // Cancel pressed after the work ended but before its result was shown: the user asked for no result.
    if (outcome == Finished && cancel_ && cancel_->load()) outcome = Cancelled;
    switch (outcome) {
    case Finished: emit finished(); break;
    case Cancelled: emit cancelled(); break;
    default: emit failed(message); break;
    }
}

void AnalysisRunner::waitForFinished()
{
    while (running_) QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
}

void readProject(const std::filesystem::path& file, const analysis::RunControl& control,
                 std::string_view requiredLayer, const std::function<void(layers::ProjectStore&)>& read)
{
    control.checkCancelled();
    control.report(analysis::kReadStage, 0, 1);  // opening the file
    const QString fileName = QString::fromStdString(file.string());
    auto fail = [](const QString& message) { throw analysis::AnalysisError(message.toStdString()); };
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec))
        fail(AnalysisRunner::tr("Không còn tệp dự án %1 (tệp đã bị xóa hoặc chuyển đi).").arg(fileName));
    std::optional<layers::ProjectStore> store;
    try {
        layers::OpenOptions options;
        options.readOnly = true;  // the run only reads, also when the window may write
        store.emplace(layers::ProjectStore::open(file, options));
    } catch (const std::exception& e) {
        fail(AnalysisRunner::tr("Không mở được tệp dự án %1 để đọc: %2").arg(fileName, QString::fromUtf8(e.what())));
    }
    auto readFailed = [&fail](const std::exception& e) {
        fail(AnalysisRunner::tr("Không đọc được dữ liệu của dự án: %1").arg(QString::fromUtf8(e.what())));
    };
    bool hasLayer = false;
    try {
        hasLayer = store->features().hasLayer(requiredLayer);
    } catch (const std::exception& e) {
        readFailed(e);
    }
    if (!hasLayer)
        fail(AnalysisRunner::tr("Dự án không có lớp dữ liệu «%1».")
                 .arg(QString::fromUtf8(requiredLayer.data(), qsizetype(requiredLayer.size()))));
    try {
        read(*store);
    } catch (const analysis::AnalysisCancelled&) {
        throw;
    } catch (const std::exception& e) {
        readFailed(e);
    }
}

} // namespace planmap::gui
