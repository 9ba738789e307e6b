#pragma once

#include <string>

namespace lb::cli {

// Checks before any work that FILE can be written (its folder exists and is writable); throws
// core::InputError naming the file otherwise.
void checkOutputFile(const std::string& path);
// Writes text to a file atomically (temporary file + rename).
void writeTextFile(const std::string& path, const std::string& text);

}  // namespace lb::cli
