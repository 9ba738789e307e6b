#pragma once

#include <string_view>

#include "render/style.hpp"
#include "ui/strings.hpp"

namespace lb::ui {

// The colour the map gives a field of action (the incidents layer's class for that category value, its
// "*" class otherwise), opaque, packed for ImGui.
unsigned int categoryColor(const render::Style& style, std::string_view category);

// The label of a count-by choice (kCountByChoices).
Str countByLabel(std::string_view countBy);

// A horizontal bar filling `fraction` of the cell's width (group counts).
void drawBar(float fraction, unsigned int color);

}  // namespace lb::ui
