#include "app/startup_clock.hpp"

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>

#include <time.h>
#include <unistd.h>

namespace lb::app {
namespace {

// Process start in seconds since boot, or a negative value when /proc is not there.
double processStartSeconds() {
    std::ifstream in("/proc/self/stat");
    std::string line;
    if (!std::getline(in, line)) return -1;
    const auto close = line.rfind(')');  // the command name may contain spaces
    if (close == std::string::npos) return -1;
    std::istringstream fields(line.substr(close + 2));
    std::string field;
    // Field 3 (state) is the first after the name; starttime is field 22.
    for (int i = 3; i <= 22; ++i) {
        if (!(fields >> field)) return -1;
    }
    return std::stod(field) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

}  // namespace

double millisecondsSinceProcessStart() {
    const double start = processStartSeconds();
    timespec now{};
    if (start >= 0 && clock_gettime(CLOCK_BOOTTIME, &now) == 0) {
        return (static_cast<double>(now.tv_sec) + now.tv_nsec / 1e9 - start) * 1000.0;
    }
    return -1;
}

}  // namespace lb::app
