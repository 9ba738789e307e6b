#pragma once

#include <string>

namespace lb::test {

// A private X server (Xvfb) for the GUI tests of one test program: started on first use with -displayfd
// (Xvfb picks a free display number itself, so parallel test processes never collide) and stopped at exit.
// The GUI runs as a direct child with DISPLAY set, so its exit status reaches the test unchanged — unlike
// under xvfb-run, whose clean-up can replace it. Fails the calling test when Xvfb cannot start.
class XvfbDisplay {
public:
    static const XvfbDisplay& instance();
    const std::string& display() const { return m_display; }  // ":N"
    ~XvfbDisplay();

private:
    XvfbDisplay();
    int m_pid = -1;
    std::string m_display;
};

}  // namespace lb::test
