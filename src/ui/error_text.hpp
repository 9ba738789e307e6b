#pragma once

#include <string>
#include <string_view>

#include "ui/strings.hpp"

namespace lb::ui {

// An error message of the core modules (English, written for the CLI: "FILE: line 5: cannot read the time
// '…' in column Tatzeit", hints such as "give it with --time COLUMN") as the GUI shows it: line by line,
// known messages in the UI language, CLI flag hints left out or replaced by what to do in the GUI
// (issue 18). Text it does not know stays as it is, except hints naming command-line flags.
std::string localiseError(std::string_view message, Language language);

}  // namespace lb::ui
