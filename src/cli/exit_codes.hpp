#pragma once

namespace lb::cli {

// Every exit status of `lagebild`, in one place (CLI.md).
enum ExitCode : int {
    kExitOk = 0,          // success
    kExitFailure = 1,     // a failure while doing the work (disk full, library error on valid input; an SQL
                          // query cancelled at its time, memory or result limit: "Abfrage abgebrochen: …")
    kExitBadInput = 2,    // bad usage or bad input: unknown flag, missing or wrong file, invalid value
    kExitCancelled = 130  // interrupted by Ctrl+C / SIGTERM; the project is unchanged
};

}  // namespace lb::cli
