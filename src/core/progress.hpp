#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

namespace lb::core {

// Progress reporting and cancellation for long work. Workers call step()/setTotal() at checkpoints;
// step() throws CancelledError once cancel() was called. The sink decides how to show progress
// (a TTY line in the CLI, a bar in the GUI); it is called at most every ~1% or 100 ms.
class Progress {
public:
    using Sink = std::function<void(const std::string& stage, std::uint64_t done, std::uint64_t total)>;

    Progress() = default;
    explicit Progress(Sink sink);

    void beginStage(std::string stage, std::uint64_t total = 0);
    void setTotal(std::uint64_t total);
    void step(std::uint64_t n = 1);
    void finishStage();

    void cancel() { m_cancelled.store(true, std::memory_order_relaxed); }
    bool cancelled() const { return m_cancelled.load(std::memory_order_relaxed); }
    void checkCancelled() const;

    // A Progress that reports nothing and is never cancelled, for callers that do not care.
    static Progress& none();

private:
    void report(bool force);

    Sink m_sink;
    std::string m_stage;
    std::uint64_t m_done = 0;
    std::uint64_t m_total = 0;
    std::uint64_t m_lastReported = 0;
    std::int64_t m_lastReportMs = 0;
    std::atomic<bool> m_cancelled{false};
};

}  // namespace lb::core
