#pragma once

#include <string>

namespace lb::ui::widgets {

// A small calendar button beside a date field: a popup with a month grid (Monday first); picking a day
// writes "YYYY-MM-DD" into `date` and returns true. The month starts at the field's date, else today's.
bool datePickerButton(const char* id, std::string& date, const char* weekdays);

}  // namespace lb::ui::widgets
