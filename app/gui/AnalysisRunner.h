#pragma once

#include "planmap/layers/analysis/AnalysisRun.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <string_view>
#include <thread>

namespace planmap::layers {
class ProjectStore;
}

namespace planmap::gui {

namespace analysis = layers::analysis;

/// Runs one analysis at a time on a background thread and reports back on
/// the UI thread: progress (stage and fraction), then exactly one of
/// finished, cancelled or failed. The work gets a RunControl whose progress
/// callback forwards to progressed() and whose cancel flag cancel() sets.
///
/// The work must not touch widgets nor the window's project store (its
/// connection belongs to the UI thread): it reads its inputs through
/// readProject(), on a connection of its own, and gets its settings by value.
class AnalysisRunner : public QObject {
    Q_OBJECT
public:
    explicit AnalysisRunner(QObject* parent = nullptr);
    /// Cancels a running analysis and waits for its thread.
    ~AnalysisRunner() override;

    /// Starts `work` on a new thread. Returns false (and does nothing) if an
    /// analysis is already running.
    bool start(std::function<void(const analysis::RunControl&)> work);
    /// Asks the running analysis to stop (it throws AnalysisCancelled soon
    /// after). Until finished() is emitted, cancelling always wins: a result
    /// that was ready but not yet reported is dropped.
    void cancel();
    bool isRunning() const { return running_; }
    /// Blocks until the running analysis (if any) has reported its end
    /// (tests; processes queued events while waiting).
    void waitForFinished();

signals:
    /// Emitted by start() once the work's thread runs.
    void started();
    void progressed(const QString& stage, double fraction);
    void finished();
    void cancelled();
    void failed(const QString& message);

private:
    void onThreadDone(int outcome, const QString& message);
    void join();

    std::thread thread_;
    std::shared_ptr<std::atomic<bool>> cancel_;
    bool running_ = false;
};

/// For the work of a run, on its thread: opens the project `file` read-only
/// (a connection of the run's own), reports the stage analysis::kReadStage,
/// checks that the project has the layer `requiredLayer` and calls `read`
/// with the store, which is closed when `read` returns. Cancelling passes
/// through (AnalysisCancelled); every other failure (the file gone or not
/// readable, the layer missing, `read` failing) is thrown again as an
/// AnalysisError whose message says in Vietnamese what went wrong.
void readProject(const std::filesystem::path& file, const analysis::RunControl& control,
                 std::string_view requiredLayer, const std::function<void(layers::ProjectStore&)>& read);

} // namespace planmap::gui
