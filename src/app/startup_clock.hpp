#pragma once

namespace lb::app {

// Milliseconds since this process started (from /proc/self/stat and CLOCK_BOOTTIME, so the dynamic loader
// and static initialisation count too); falls back to the time since the first call.
double millisecondsSinceProcessStart();

}  // namespace lb::app
