#include "io/detail/csv_reader.hpp"

#include <array>

#include "core/error.hpp"

namespace lb::io::detail {
namespace {

bool isBlank(const std::string& field) {
    return field.find_first_not_of(" \t") == std::string::npos;
}

}  // namespace

CsvReader::CsvReader(const std::filesystem::path& file, char delimiter)
    : m_file(file), m_in(file, std::ios::binary), m_delimiter(delimiter) {
    if (!m_in) throw core::InputError(file.string() + ": cannot open the file for reading");
    m_buf = m_in.rdbuf();
    // Byte order marks: UTF-8 is skipped; UTF-16 is not a text encoding we read.
    const int b0 = m_buf->sgetc();
    if (b0 == 0xEF) {
        m_buf->sbumpc();
        if (m_buf->sbumpc() != 0xBB || m_buf->sbumpc() != 0xBF) {
            m_buf->pubseekpos(0, std::ios::in);  // not a BOM: read from the start
        }
    } else if (b0 == 0xFF || b0 == 0xFE) {
        m_buf->sbumpc();
        const int b1 = m_buf->sgetc();
        if ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF)) {
            throw core::InputError(file.string() + ": the file is UTF-16 text",
                                   "save it as CSV UTF-8 (or Windows-1252) and import again");
        }
        m_buf->pubseekpos(0, std::ios::in);
    }
    if (m_delimiter != '\0') return;
    // Read ahead up to the end of the first non-blank line (outside quotes) to detect the delimiter.
    bool quoted = false;
    bool content = false;
    for (int c = m_buf->sbumpc(); c != std::char_traits<char>::eof(); c = m_buf->sbumpc()) {
        m_pending.push_back(static_cast<char>(c));
        if (c == '"') quoted = !quoted;
        if (!quoted && (c == '\n' || c == '\r')) {
            if (content) break;
        } else if (c != ' ' && c != '\t') {
            content = true;
        }
    }
    m_delimiter = detectDelimiter(m_pending);
}

char CsvReader::detectDelimiter(std::string_view line) {
    constexpr std::array<char, 4> kCandidates{';', ',', '\t', '|'};
    std::array<int, 4> counts{};
    bool quoted = false;
    for (const char c : line) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        for (std::size_t i = 0; i < kCandidates.size(); ++i) {
            if (c == kCandidates[i]) ++counts[i];
        }
    }
    std::size_t best = 1;  // ',' when no candidate occurs (a single-column file)
    int bestCount = 0;
    for (std::size_t i = 0; i < kCandidates.size(); ++i) {
        if (counts[i] > bestCount) {
            best = i;
            bestCount = counts[i];
        }
    }
    return kCandidates[best];
}

int CsvReader::get() {
    if (m_pendingPos < m_pending.size()) return static_cast<unsigned char>(m_pending[m_pendingPos++]);
    return m_buf->sbumpc();
}

int CsvReader::peek() {
    if (m_pendingPos < m_pending.size()) return static_cast<unsigned char>(m_pending[m_pendingPos]);
    return m_buf->sgetc();
}

bool CsvReader::next(CsvRecord& record) {
    while (readRecord(record)) {
        bool empty = true;
        for (const auto& field : record.fields) empty = empty && isBlank(field);
        if (!empty) return true;
    }
    return false;
}

// Reads one physical record (possibly spanning lines inside quotes); false at the end of the file.
bool CsvReader::readRecord(CsvRecord& record) {
    constexpr int kEof = std::char_traits<char>::eof();
    record.fields.clear();
    record.nulField = -1;
    record.line = m_line;
    int c = get();
    if (c == kEof) return false;
    std::string field;
    enum class State { Start, Unquoted, Quoted, AfterQuote } state = State::Start;
    auto endField = [&] {
        record.fields.push_back(std::move(field));
        field.clear();
        state = State::Start;
    };
    auto endOfLine = [&](int ch) {
        if (ch == '\r' && peek() == '\n') get();
        ++m_line;
    };
    for (; c != kEof; c = get()) {
        if (c == 0 && record.nulField < 0) record.nulField = static_cast<int>(record.fields.size());
        if (state == State::Quoted) {
            if (c == '"') {
                if (peek() == '"') {
                    get();
                    field.push_back('"');
                } else {
                    state = State::AfterQuote;
                }
            } else {
                if (c == '\r' || c == '\n') {
                    endOfLine(c);
                    field.push_back('\n');  // one line break, whatever the file's convention
                } else {
                    field.push_back(static_cast<char>(c));
                }
            }
            continue;
        }
        if (c == static_cast<unsigned char>(m_delimiter)) {
            endField();
            continue;
        }
        if (c == '\r' || c == '\n') {
            endOfLine(c);
            endField();
            return true;
        }
        if (c == '"' && (state == State::Start || (state == State::Unquoted && isBlank(field)))) {
            field.clear();  // spaces before an opening quote (", "a b"") are not part of the value
            state = State::Quoted;
            continue;
        }
        if (state == State::Start) state = State::Unquoted;
        field.push_back(static_cast<char>(c));
    }
    if (state == State::Quoted) {
        throw core::InputError(m_file.string() + ": line " + std::to_string(record.line) +
                                   ": a quoted field is never closed (a \" is missing)",
                               "nothing was imported; close the quote and import again");
    }
    endField();
    return true;
}

}  // namespace lb::io::detail
