#include "core/vocabulary.hpp"

#include "core/field_of_action.hpp"

namespace lb::core {

std::string normaliseForMatch(std::string_view text) {
    std::string folded = core::foldGerman(text);
    std::string out;
    out.reserve(folded.size());
    for (std::size_t i = 0; i < folded.size(); ++i) {
        const auto c = static_cast<unsigned char>(folded[i]);
        if (c == 0xC3 && i + 1 < folded.size()) {
            const auto d = static_cast<unsigned char>(folded[i + 1]);
            if (d == 0xA4)
                out += "ae";
            else if (d == 0xB6)
                out += "oe";
            else if (d == 0xBC)
                out += "ue";
            else if (d == 0x9F)
                out += "ss";
            else {
                out.push_back(folded[i]);
                out.push_back(folded[i + 1]);
            }
            ++i;
        } else if (c == '_' || c == '-') {
            out.push_back(' ');
        } else {
            out.push_back(static_cast<char>(c));
        }
    }
    return out;
}

}  // namespace lb::core
