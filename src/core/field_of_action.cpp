#include "core/field_of_action.hpp"

#include <cctype>

namespace lb::core {

const FieldOfActionInfo& fieldOfActionInfo(FieldOfAction field) {
    return kFieldsOfAction[static_cast<std::size_t>(field)];
}

std::string foldGerman(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == 0xC3 && i + 1 < text.size()) {
            // Ä Ö Ü (0x84 0x96 0x9C) → ä ö ü (0xA4 0xB6 0xBC); ß and lower-case umlauts stay.
            const auto d = static_cast<unsigned char>(text[i + 1]);
            out.push_back(static_cast<char>(c));
            out.push_back(static_cast<char>((d == 0x84 || d == 0x96 || d == 0x9C) ? d + 0x20 : d));
            ++i;
        } else {
            out.push_back(static_cast<char>(std::tolower(c)));
        }
    }
    const auto first = out.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    const auto last = out.find_last_not_of(" \t\r\n");
    return out.substr(first, last - first + 1);
}

std::optional<FieldOfAction> parseFieldOfAction(std::string_view text) {
    const std::string folded = foldGerman(text);
    if (folded.empty()) return std::nullopt;
    for (const auto& info : kFieldsOfAction) {
        if (folded == info.id || folded == foldGerman(info.labelDe) || folded == foldGerman(info.labelEn)) {
            return info.field;
        }
    }
    // Words of police exports and citizen reports, matched as substrings of the folded text.
    struct Keyword {
        std::string_view word;
        FieldOfAction field;
    };
    static constexpr Keyword kKeywords[] = {
        {"graffiti", FieldOfAction::Graffiti},
        {"sachbesch", FieldOfAction::Graffiti},
        {"schmiererei", FieldOfAction::Graffiti},
        {"vandal", FieldOfAction::Graffiti},
        {"verm\xc3\xbcll", FieldOfAction::Vermuellung},
        {"vermuell", FieldOfAction::Vermuellung},
        {"m\xc3\xbcll", FieldOfAction::Vermuellung},
        {"abfall", FieldOfAction::Vermuellung},
        {"litter", FieldOfAction::Vermuellung},
        {"gewalt", FieldOfAction::Gewalt},
        {"k\xc3\xb6rperverletz", FieldOfAction::Gewalt},
        {"koerperverletz", FieldOfAction::Gewalt},
        {"raub", FieldOfAction::Gewalt},
        {"bedrohung", FieldOfAction::Gewalt},
        {"schl\xc3\xa4gerei", FieldOfAction::Gewalt},
        {"violence", FieldOfAction::Gewalt},
        {"assault", FieldOfAction::Gewalt},
        {"extrem", FieldOfAction::Extremismus},
        {"verfassungswidrig", FieldOfAction::Extremismus},
        {"volksverhetz", FieldOfAction::Extremismus},
        {"droge", FieldOfAction::Drogen},
        {"btm", FieldOfAction::Drogen},
        {"bet\xc3\xa4ubungsmittel", FieldOfAction::Drogen},
        {"spritze", FieldOfAction::Drogen},
        {"drug", FieldOfAction::Drogen},
        {"sonstig", FieldOfAction::Sonstiges},
        {"other", FieldOfAction::Sonstiges},
    };
    for (const auto& keyword : kKeywords) {
        if (folded.find(keyword.word) != std::string::npos) return keyword.field;
    }
    return std::nullopt;
}

}  // namespace lb::core
