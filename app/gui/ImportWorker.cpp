#include "ImportWorker.h"

#include "ImportNotes.h"

#include "planmap/layers/store/ProjectStore.h"

#include <QCoreApplication>
#include <QThread>
#include <QTimer>

namespace planmap::gui {

namespace imp = layers::importer;

ImportWorker::ImportWorker(QObject* parent) : QObject(parent) {}

ImportWorker::~ImportWorker()
{
    if (!thread_) return;
    cancel_ = true;
    thread_->wait();
    delete thread_;
}

bool ImportWorker::start(const std::filesystem::path& project, imp::ImportRequest request, bool readOnly)
{
    if (thread_) return false;
    cancel_ = false;
    result_.reset();
    error_.clear();
    cancelled_ = false;
    posted_ = false;
    request.progress = [this, own = std::move(request.progress)](const imp::ImportProgress& p) {
        if (own) own(p);
        report(p);
    };
    request.cancel = &cancel_;
    // The worker's results are written before the thread finishes and read
    // in end(), after QThread::finished reached the window thread.
    thread_ = QThread::create([this, project, request = std::move(request), readOnly] {
        try {
            layers::OpenOptions options;
            options.readOnly = readOnly;
            options.backupBeforeMigrating = false;
            layers::ProjectStore store = layers::ProjectStore::open(project, options);
            result_ = imp::runImport(store, request);
        } catch (const imp::ImportCancelled&) {
            cancelled_ = true;
            error_ = tr("Đã dừng việc nhập; không có gì được ghi.");
        } catch (const std::exception& e) {
            error_ = importErrorText(tr("Không nhập được; không có gì được ghi vào dự án."), e.what());
        }
    });
    connect(thread_, &QThread::finished, this, &ImportWorker::end);
    thread_->start();
    return true;
}

void ImportWorker::report(const imp::ImportProgress& progress)
{
    // Worker thread: keep the latest figures; post one delivery at a time.
    std::lock_guard lock(mutex_);
    latest_ = progress;
    if (posted_) return;
    posted_ = true;
    QMetaObject::invokeMethod(this, [this] { QTimer::singleShot(40, this, &ImportWorker::deliverProgress); },
                              Qt::QueuedConnection);
}

void ImportWorker::deliverProgress()
{
    imp::ImportProgress p;
    {
        std::lock_guard lock(mutex_);
        p = latest_;
        posted_ = false;
    }
    if (thread_) emit progressed(p);
}

void ImportWorker::wait()
{
    if (!thread_) return;
    thread_->wait();
    // Delivers the queued QThread::finished, i.e. end().
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
    end();
}

void ImportWorker::end()
{
    if (!thread_) return;
    thread_->wait();
    delete thread_;
    thread_ = nullptr;
    emit finished();
}

} // namespace planmap::gui
