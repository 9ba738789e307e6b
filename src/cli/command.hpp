#pragma once

#include <string>

namespace CLI {
class App;
}

namespace lb::cli {

// One `lagebild` subcommand. addOptions() declares its flags; setup() checks the parsed arguments and
// touches no file; run() does the work and returns the exit status. Errors are thrown (core::Error) and
// mapped to exit codes in main.
class Command {
public:
    virtual ~Command() = default;
    virtual const char* name() const = 0;
    virtual const char* description() const = 0;
    virtual void addOptions(CLI::App& app) = 0;
    virtual void setup() {}
    virtual int run() = 0;
};

}  // namespace lb::cli
