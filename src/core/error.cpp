#include "core/error.hpp"

namespace lb::core {

Error::Error(const std::string& message, std::string hint) : std::runtime_error(message), m_hint(std::move(hint)) {}

CancelledError::CancelledError() : Error("cancelled by the user") {}

std::string rowContext(const std::string& file, long long row, const std::string& message) {
    return file + ": row " + std::to_string(row) + ": " + message;
}

}  // namespace lb::core
