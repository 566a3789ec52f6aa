#pragma once
// Runs one import of the engine (runImport) on a worker thread, so that the
// window stays responsive: the worker opens its own connection to the
// project file (SQLite/SpatiaLite connections and GEOS contexts belong to one
// thread), reports progress to the window thread and stops on cancel(), in
// which case nothing is written (the engine writes in one transaction).

#include "planmap/layers/importer/ImportEngine.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>

class QThread;

namespace planmap::gui {

class ImportWorker : public QObject {
    Q_OBJECT
public:
    explicit ImportWorker(QObject* parent = nullptr);
    /// Cancels a running import and waits for its thread.
    ~ImportWorker() override;

    /// Starts importing `request` into the project file `project` (opened
    /// read-only when `readOnly`). The cancel flag is the worker's own; a
    /// progress callback of the request is still called, on the worker
    /// thread. Refused (returns false) while an import runs.
    bool start(const std::filesystem::path& project, layers::importer::ImportRequest request, bool readOnly = false);
    /// Asks the running import to stop (it then writes nothing).
    void cancel() { cancel_ = true; }
    bool isRunning() const { return thread_ != nullptr; }
    /// Blocks until the running import has ended and finished() was emitted.
    void wait();

    /// After finished(): the result, or the error (ImportCancelled: cancelled()).
    const std::optional<layers::importer::ImportResult>& result() const { return result_; }
    const QString& error() const { return error_; }
    bool cancelled() const { return cancelled_; }

signals:
    /// In the window thread; progress reports come at most every 40 ms.
    void progressed(const layers::importer::ImportProgress& progress);
    /// In the window thread, once the import has ended.
    void finished();

private:
    void report(const layers::importer::ImportProgress& progress);
    void deliverProgress();
    void end();

    QThread* thread_ = nullptr;
    std::atomic<bool> cancel_{false};
    std::mutex mutex_;  // guards latest_ and posted_
    layers::importer::ImportProgress latest_;
    bool posted_ = false;
    std::optional<layers::importer::ImportResult> result_;
    QString error_;
    bool cancelled_ = false;
};

} // namespace planmap::gui
