#pragma once

#include <csignal>

#include "core/progress.hpp"

namespace lb::cli {

// A core::Progress that draws a one-line progress display on stderr when stderr is a terminal (and
// nothing otherwise), and that SIGINT/SIGTERM cancel while it is alive (the handlers before it are restored
// afterwards).
class ProgressDisplay {
public:
    ProgressDisplay();
    ~ProgressDisplay();
    ProgressDisplay(const ProgressDisplay&) = delete;
    ProgressDisplay& operator=(const ProgressDisplay&) = delete;

    core::Progress& progress() { return m_progress; }

private:
    static core::Progress::Sink drawer(bool& drawn);

    bool m_tty;
    bool m_drawn = false;
    core::Progress m_progress;
    void (*m_previousInt)(int) = SIG_DFL;
    void (*m_previousTerm)(int) = SIG_DFL;
};

}  // namespace lb::cli
