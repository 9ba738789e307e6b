#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace lb::io::detail {

// One record of a CSV file: its fields as raw bytes (quotes removed, doubled quotes undone, line breaks
// inside quoted fields kept) and the physical line it starts on (1-based, every LF, CRLF or lone CR ends
// a line), so a message points at the line an editor or spreadsheet shows.
struct CsvRecord {
    long long line = 0;
    std::vector<std::string> fields;
    int nulField = -1;  // index of the first field that held a NUL byte (the byte is kept), -1 if none
};

// An RFC 4180 reader that streams a file record by record. Lenient where exports are sloppy: text after a
// closing quote is kept, a quote inside an unquoted field is an ordinary character. Blank lines and records
// whose fields are all empty (";;;;" rows of spreadsheet exports) are skipped. Throws core::InputError
// naming the file and line for a quoted field that is never closed, and for UTF-16 text.
class CsvReader {
public:
    // delimiter '\0': detect it from the first non-blank line (the most frequent of ; , tab | outside
    // quotes; ',' when none occurs).
    CsvReader(const std::filesystem::path& file, char delimiter);

    char delimiter() const { return m_delimiter; }
    // Reads the next non-blank record; false at the end of the file.
    bool next(CsvRecord& record);

    static char detectDelimiter(std::string_view line);

private:
    int get();
    int peek();
    bool readRecord(CsvRecord& record);

    std::filesystem::path m_file;
    std::ifstream m_in;
    std::streambuf* m_buf = nullptr;
    char m_delimiter = ',';
    long long m_line = 1;
    std::string m_pending;  // bytes read ahead for delimiter detection, served before the stream
    std::size_t m_pendingPos = 0;
};

}  // namespace lb::io::detail
