#include "ui/notices.hpp"

#include <cstdio>

#include "ui/error_text.hpp"

namespace lb::ui {

void Notices::push(Notice notice) {
    std::fprintf(stderr, "%s: %s\n", notice.error ? "error" : "info", notice.text.c_str());
    if (notice.error) notice.text = localiseError(notice.text, m_language);
    for (auto& line : notice.details) line = localiseError(line, m_language);
    m_notices.push_back(std::move(notice));
}

void Notices::dismiss() {
    if (!m_notices.empty()) m_notices.pop_front();
}

}  // namespace lb::ui
