#include "render/classified_overlay.hpp"

#include <array>

namespace lb::render {

LayerStyle giStarOverlayStyle() {
    struct Bin {
        const char* value;
        const char* fill;  // nullptr: not drawn
        // Legend labels in both languages: `lagebild render --hotspots` draws this legend without ui/'s
        // catalogue (assets/i18n/).
        const char* de;
        const char* en;
    };
    static constexpr std::array<Bin, 7> kBins{{
        {"3", "#d62f27", "Hotspot (99 % Konfidenz)", "Hot Spot - 99% Confidence"},
        {"2", "#ed7551", "Hotspot (95 % Konfidenz)", "Hot Spot - 95% Confidence"},
        {"1", "#fab984", "Hotspot (90 % Konfidenz)", "Hot Spot - 90% Confidence"},
        {"0", nullptr, "", ""},
        {"-1", "#9fc3dc", "Coldspot (90 % Konfidenz)", "Cold Spot - 90% Confidence"},
        {"-2", "#5b8dc4", "Coldspot (95 % Konfidenz)", "Cold Spot - 95% Confidence"},
        {"-3", "#4575b5", "Coldspot (99 % Konfidenz)", "Cold Spot - 99% Confidence"},
    }};
    LayerStyle style;
    style.layer = "gistar";
    for (const Bin& bin : kBins) {
        ClassStyle cls;
        cls.value = bin.value;
        cls.legend = bin.de;
        cls.legendEn = bin.en;
        if (bin.fill) cls.fill = Color::parse(bin.fill);
        style.classes.push_back(std::move(cls));
    }
    return style;
}

}  // namespace lb::render
