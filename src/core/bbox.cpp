#include "core/bbox_parse.hpp"

#include <charconv>
#include <cmath>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/text.hpp"

namespace lb::core {

BBox parseBBox(std::string_view text, std::string_view flag) {
    auto bad = [&](const std::string& why) {
        throw UsageError(std::string(flag) + " \"" + std::string(text) + "\": " + why);
    };
    const std::vector<std::string_view> parts = splitTrimmed(text, ',');
    if (parts.size() != 4) bad("expected minx,miny,maxx,maxy in the project CRS");
    double v[4];
    for (std::size_t i = 0; i < 4; ++i) {
        const std::string_view part = parts[i];
        const auto [ptr, ec] = std::from_chars(part.data(), part.data() + part.size(), v[i]);
        if (part.empty() || ec != std::errc() || ptr != part.data() + part.size() || !std::isfinite(v[i])) {
            bad("\"" + std::string(part) + "\" is not a number (expected minx,miny,maxx,maxy in the project CRS)");
        }
    }
    if (v[0] > v[2] || v[1] > v[3]) bad("min must not exceed max (minx,miny,maxx,maxy)");
    if (v[0] == v[2] || v[1] == v[3]) bad("the box is empty (maxx must exceed minx, maxy miny)");
    BBox box;
    box.add(v[0], v[1]);
    box.add(v[2], v[3]);
    return box;
}

}  // namespace lb::core
