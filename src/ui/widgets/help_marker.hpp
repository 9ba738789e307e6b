#pragma once

namespace lb::ui {

// A "(?)" on the same line as the previous item; hovering it shows `text` as a tooltip wrapped at about
// 35 characters' width (the analysis parameters' explanations, issue 18).
void helpMarker(const char* text);

}  // namespace lb::ui
