#include "cli/progress_display.hpp"

#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>

namespace lb::cli {
namespace {

std::atomic<core::Progress*> g_active{nullptr};

extern "C" void onSignal(int) {
    if (core::Progress* progress = g_active.load()) progress->cancel();
}

}  // namespace

ProgressDisplay::ProgressDisplay()
    : m_tty(::isatty(STDERR_FILENO) == 1), m_progress(m_tty ? core::Progress::Sink(drawer(m_drawn)) : nullptr) {
    g_active.store(&m_progress);
    m_previousInt = std::signal(SIGINT, onSignal);
    m_previousTerm = std::signal(SIGTERM, onSignal);
}

core::Progress::Sink ProgressDisplay::drawer(bool& drawn) {
    return [&drawn](const std::string& stage, std::uint64_t done, std::uint64_t total) {
        if (total > 0) {
            std::fprintf(stderr, "\r\033[K%s: %3.0f %%", stage.c_str(), 100.0 * double(done) / double(total));
        } else {
            std::fprintf(stderr, "\r\033[K%s: %llu", stage.c_str(), static_cast<unsigned long long>(done));
        }
        std::fflush(stderr);
        drawn = true;
    };
}

ProgressDisplay::~ProgressDisplay() {
    g_active.store(nullptr);
    std::signal(SIGINT, m_previousInt == SIG_ERR ? SIG_DFL : m_previousInt);
    std::signal(SIGTERM, m_previousTerm == SIG_ERR ? SIG_DFL : m_previousTerm);
    if (m_drawn) std::fprintf(stderr, "\r\033[K");
}

}  // namespace lb::cli
