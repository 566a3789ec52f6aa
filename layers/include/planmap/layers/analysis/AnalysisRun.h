#pragma once
// What every planner analysis shares: how the caller follows and stops a run,
// and the errors it throws.
//
// The analyses are plain C++ over in-memory inputs (no Qt, no store access
// while they run), so the GUI can run one on a background thread: load the
// inputs from the store on the thread that owns the connection (see
// AnalysisInputs.h), then call the analysis with a RunControl. Progress is
// reported on the calling thread only (worker threads never call back), and
// cancelling makes the analysis throw AnalysisCancelled soon after.

#include <atomic>
#include <cstddef>
#include <functional>
#include <stdexcept>
#include <string>

namespace planmap::layers::analysis {

/// Any failure of an analysis: bad settings or inputs. The message says
/// which setting, layer, feature or field is at fault.
class AnalysisError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The run was cancelled through RunControl::cancel. Nothing was written.
class AnalysisCancelled : public AnalysisError {
public:
    AnalysisCancelled() : AnalysisError("Phân tích đã bị hủy (analysis cancelled)") {}
};

/// One progress report: `done` of `total` steps of the stage named `stage`.
struct AnalysisProgress {
    std::string stage;       ///< Vietnamese, e.g. "Tính khoảng cách đến dịch vụ"
    std::size_t done = 0;
    std::size_t total = 0;
    [[nodiscard]] double fraction() const { return total == 0 ? 1.0 : double(done) / double(total); }
};

struct RunControl {
    /// Called on the calling thread, at most every few tens of milliseconds
    /// and at the end of every stage. May be empty.
    std::function<void(const AnalysisProgress&)> onProgress;
    /// Set (from any thread) to stop the run: the analysis then throws
    /// AnalysisCancelled. May be null.
    const std::atomic<bool>* cancel = nullptr;
    /// Worker threads; 0 = std::thread::hardware_concurrency().
    int threads = 0;

    [[nodiscard]] bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
    /// Throws AnalysisCancelled when cancelled.
    void checkCancelled() const {
        if (cancelled()) throw AnalysisCancelled();
    }
    void report(const std::string& stage, std::size_t done, std::size_t total) const {
        if (onProgress) onProgress(AnalysisProgress{stage, done, total});
    }
};

/// The stage the input loaders (loadAccessInputs, loadForestInputs) report
/// while they read the project.
inline constexpr const char* kReadStage = "Đọc dữ liệu từ dự án";

/// Text that goes with every result computed from illustrative (invented)
/// inputs, in the result, its exports and the CLI output.
inline constexpr const char* kIllustrativeNotice =
    "KẾT QUẢ MINH HỌA: tính từ dữ liệu minh họa, không phải số liệu thật "
    "(illustrative result computed from invented demonstration data)";

} // namespace planmap::layers::analysis
