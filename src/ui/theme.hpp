#pragma once

namespace lb::ui {

// A calm, light workstation theme (neutral greys, one blue accent) scaled for the content scale.
void applyTheme(float scale);

// Accent and text colours the panels share (RGBA packed as ImGui's IM_COL32).
namespace theme {
inline constexpr unsigned kAccent = 0xFFB86A1F;         // #1f6ab8
inline constexpr unsigned kMutedText = 0xFF6E6E6E;      // #6e6e6e
inline constexpr unsigned kPanelBorder = 0xFFD4D0CB;    // #cbd0d4
inline constexpr unsigned kMapBackground = 0xFFEAF0F3;  // #f3f0ea
// The characters beyond Latin-1 the UI font is loaded with (– — “ „ … € − ▲ ▼ →): UI strings and help texts
// use no others (tests/unit/ui/help_document_test.cpp checks the help).
inline constexpr char32_t kExtraGlyphs[] = {0x2013, 0x2014, 0x201C, 0x201E, 0x2026, 0x20AC, 0x2212,
                                            0x25B2, 0x25B6, 0x25BC, 0x2192, 0x2190, 0x201D};
}  // namespace theme

}  // namespace lb::ui
