#pragma once

#include <functional>
#include <initializer_list>
#include <string_view>

#include "render/style.hpp"
#include "ui/strings.hpp"

namespace lb::ui {

// The colour the map gives a field of action (the incidents layer's class for that category value, its
// "*" class otherwise), opaque, packed for ImGui.
unsigned int categoryColor(const render::Style& style, std::string_view category);

// The label of a count-by choice (kCountByChoices).
Str countByLabel(std::string_view countBy);

// Begins an analysis window (title plus its stable "###id"). Returns false, with the window already
// ended, when it is collapsed, or when no project is ready (the window then says `noProject`).
bool beginAnalysisWindow(const char* title, const char* id, bool* open, bool ready, const char* noProject,
                         int flags = 0);

// The width of a label column that holds every one of `labels` uncut (plus item spacing).
float labelColumnWidth(std::initializer_list<const char*> labels);

// A label, then from `labelWidth` a full-width control drawn by `draw` (the heatmap's and hot spots'
// sliders); `help`, when given, adds a "(?)" tooltip after the label.
void labelledRow(const char* label, float labelWidth, const char* id, const char* help,
                 const std::function<void()>& draw);

// SameLine() for an item `width` wide, or a new line when it would not fit (no cut buttons in a narrow dock).
void sameLineOrWrap(float width);
// The width of a button with this label.
float buttonWidth(const char* label);

// A horizontal bar filling `fraction` of the cell's width (group counts).
void drawBar(float fraction, unsigned int color);

}  // namespace lb::ui
