#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace lb::core {

// An attribute value as it comes from a file or goes into the store.
using Value = std::variant<std::monostate, std::int64_t, double, std::string>;

inline bool isNull(const Value& v) {
    return std::holds_alternative<std::monostate>(v);
}
std::string toString(const Value& v);  // "" for null

// A named attribute of a feature, in the order of the source file.
struct Attribute {
    std::string name;
    Value value;
};

// Geometry as ISO WKB (little-endian), in the CRS stated by whoever hands it over.
using Wkb = std::vector<std::uint8_t>;

// A feature read from a file: its geometry, attributes in source order, and the 1-based row (or feature
// index) in the source for error messages.
struct Feature {
    long long sourceRow = 0;
    std::string problem;  // set by a reader when it could not read the row faithfully; the row is rejected
    Wkb geometry;
    std::vector<Attribute> attributes;

    const Value* find(const std::string& name) const;
};

}  // namespace lb::core
