#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ui/strings.hpp"

namespace lb::ui {

// The two help documents of the Hilfe menu; assets/help/<de|en>/<name>.md, embedded at build time.
enum class HelpPage { FirstSteps, Manual };
inline constexpr HelpPage kHelpPages[] = {HelpPage::FirstSteps, HelpPage::Manual};

// "first_steps", "manual": the file name in assets/help/<language>/ and the --open-help value (with '-').
std::string_view helpPageName(HelpPage page);

// One block of a help text. The markup is a small Markdown subset (assets/help/README.md).
struct HelpBlock {
    enum class Kind { Section, Heading, Paragraph, Bullet, Numbered, Note };
    Kind kind;
    std::string text;
    std::string id;  // sections: the anchor of "## Title {#id}", the same in every language
    int number = 0;  // numbered items: the number as written
};

struct HelpDocument {
    std::string title;  // "# Title"
    std::vector<HelpBlock> blocks;
    // Mistakes in the markup, each "line N: what is wrong"; empty for a good text.
    std::vector<std::string> problems;

    // The sections in order.
    std::vector<const HelpBlock*> sections() const;
};

// Parses help markup. Never throws: what it cannot read becomes a problem and the text stays readable.
HelpDocument parseHelp(std::string_view markup);

// The embedded markup of a page in a language; empty if the build has none.
std::string_view helpMarkup(HelpPage page, Language language);

}  // namespace lb::ui
