#pragma once

#include <deque>
#include <string>
#include <vector>

#include "ui/strings.hpp"

namespace lb::ui {

// Something the user should read: an import report, an error. Shown one at a time.
struct Notice {
    bool error = false;
    std::string text;
    std::vector<std::string> details;
};

// The notices waiting to be read, oldest first. The core's messages are written for the CLI; a notice is
// shown in the UI language, without flag hints (error_text.hpp), and also written to stderr for the log.
class Notices {
public:
    void setLanguage(Language language) { m_language = language; }
    void push(Notice notice);
    void dismiss();
    const std::deque<Notice>& all() const { return m_notices; }

private:
    Language m_language = Language::German;
    std::deque<Notice> m_notices;
};

}  // namespace lb::ui
