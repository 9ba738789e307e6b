#include "core/progress.hpp"

#include <chrono>

#include "core/error.hpp"

namespace lb::core {
namespace {
std::int64_t nowMs() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}
}  // namespace

Progress::Progress(Sink sink) : m_sink(std::move(sink)) {}

void Progress::beginStage(std::string stage, std::uint64_t total) {
    checkCancelled();
    m_stage = std::move(stage);
    m_total = total;
    m_done = 0;
    m_lastReported = 0;
    report(true);
}

void Progress::setTotal(std::uint64_t total) {
    m_total = total;
}

void Progress::step(std::uint64_t n) {
    m_done += n;
    if ((m_done & 0x3ff) == 0 || n > 1) {
        checkCancelled();
        report(false);
    }
}

void Progress::finishStage() {
    if (m_total == 0) m_total = m_done;
    m_done = m_total;
    report(true);
}

void Progress::checkCancelled() const {
    if (cancelled()) throw CancelledError();
}

void Progress::report(bool force) {
    if (!m_sink) return;
    const std::int64_t now = nowMs();
    const bool percentStep = m_total > 0 && (m_done - m_lastReported) * 100 >= m_total;
    if (force || percentStep || now - m_lastReportMs >= 100) {
        m_lastReported = m_done;
        m_lastReportMs = now;
        m_sink(m_stage, m_done, m_total);
    }
}

Progress& Progress::none() {
    thread_local Progress silent;
    return silent;
}

}  // namespace lb::core
