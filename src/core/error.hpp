#pragma once

#include <stdexcept>
#include <string>

namespace lb::core {

// All failures in core, geo, store, io, analysis and project derive from Error. The message carries the
// context a user needs (file, layer, row/feature) and, where useful, a hint how to fix it.
class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message, std::string hint = {});
    const std::string& hint() const { return m_hint; }

private:
    std::string m_hint;
};

// Bad input: a file that is missing, of the wrong kind, corrupt, or a value that does not parse.
// The CLI maps it to exit status 2 (CLI.md: "bad usage or bad input").
class InputError : public Error {
public:
    using Error::Error;
};

// Wrong use of a command or function (unknown layer name, contradictory flags). Exit status 2.
class UsageError : public Error {
public:
    using Error::Error;
};

// A failure while doing the work (disk full, a library error on valid input). Exit status 1.
class ProcessingError : public Error {
public:
    using Error::Error;
};

// Thrown at checkpoints of long work when the user cancelled it.
class CancelledError : public Error {
public:
    CancelledError();
};

// Formats "file:row N: message" consistently for per-row problems.
std::string rowContext(const std::string& file, long long row, const std::string& message);

}  // namespace lb::core
