#pragma once
// Runs a loop over [0, n) on several threads for the analyses: blocks of
// indices are handed out from an atomic counter, the calling thread works too
// and is the only one that reports progress, cancellation is checked before
// every block, and the first exception of any thread is rethrown after all
// threads have stopped. GEOS work is safe because every thread has its own
// GEOS context (geo::geosContext()).

#include "planmap/layers/analysis/AnalysisRun.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <exception>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace planmap::layers::analysis::detail {

inline int threadCount(const RunControl& control) {
    if (control.threads > 0) return control.threads;
    const unsigned hw = std::thread::hardware_concurrency();
    return hw == 0 ? 1 : static_cast<int>(hw);
}

/// Calls body(begin, end, worker) for consecutive blocks covering [0, n);
/// `worker` is 0..threads-1 (for per-thread scratch data). Throws
/// AnalysisCancelled when cancelled, or the first exception of a block.
template <class Body>
void parallelFor(std::size_t n, const RunControl& control, const std::string& stage, Body&& body,
                 std::size_t blockSize = 128) {
    control.checkCancelled();
    control.report(stage, 0, n);
    if (n == 0) return;
    blockSize = std::max<std::size_t>(1, blockSize);
    const std::size_t blocks = (n + blockSize - 1) / blockSize;
    const int threads = static_cast<int>(std::min<std::size_t>(std::size_t(threadCount(control)), blocks));

    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> done{0};
    std::atomic<bool> stop{false};
    std::exception_ptr failure;
    std::mutex failureMutex;

    auto work = [&](int worker, bool reporter) {
        auto lastReport = std::chrono::steady_clock::now();
        while (!stop.load(std::memory_order_relaxed)) {
            if (control.cancelled()) {
                stop = true;
                break;
            }
            const std::size_t begin = next.fetch_add(blockSize);
            if (begin >= n) break;
            const std::size_t end = std::min(n, begin + blockSize);
            try {
                body(begin, end, worker);
            } catch (...) {
                std::lock_guard lock(failureMutex);
                if (!failure) failure = std::current_exception();
                stop = true;
                break;
            }
            const std::size_t total = done.fetch_add(end - begin) + (end - begin);
            if (reporter) {
                const auto now = std::chrono::steady_clock::now();
                if (now - lastReport > std::chrono::milliseconds(40)) {
                    lastReport = now;
                    try {
                        control.report(stage, total, n);
                    } catch (...) {
                        std::lock_guard lock(failureMutex);
                        if (!failure) failure = std::current_exception();
                        stop = true;
                    }
                }
            }
        }
    };

    std::vector<std::thread> pool;
    pool.reserve(std::size_t(threads - 1));
    for (int t = 1; t < threads; ++t) pool.emplace_back(work, t, false);
    work(0, true);
    for (auto& t : pool) t.join();

    if (failure) std::rethrow_exception(failure);
    control.checkCancelled();
    control.report(stage, n, n);
}

} // namespace planmap::layers::analysis::detail
