#include "core/value.hpp"

#include <cstdio>

namespace lb::core {

std::string toString(const Value& v) {
    struct Visitor {
        std::string operator()(std::monostate) const { return {}; }
        std::string operator()(std::int64_t i) const { return std::to_string(i); }
        std::string operator()(double d) const {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.15g", d);
            return buf;
        }
        std::string operator()(const std::string& s) const { return s; }
    };
    return std::visit(Visitor{}, v);
}

const Value* Feature::find(const std::string& name) const {
    for (const auto& attribute : attributes) {
        if (attribute.name == name) return &attribute.value;
    }
    return nullptr;
}

}  // namespace lb::core
