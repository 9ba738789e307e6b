#pragma once

#include <cstdint>
#include <optional>
#include <random>
#include <string>

namespace lb::core {

// Generates RFC 4122 version-4 UUIDs ("3f1c…-4…-8…"). Seeded generators give reproducible UUIDs, which
// the demo town uses so that the same seed yields the same project.
class UuidGenerator {
public:
    UuidGenerator();  // seeded from std::random_device
    explicit UuidGenerator(std::uint64_t seed);

    std::string next();

private:
    std::mt19937_64 m_engine;
};

bool isUuid(const std::string& text);

}  // namespace lb::core
