#include "AnalysisRunner.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMetaObject>

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

} // namespace planmap::gui
