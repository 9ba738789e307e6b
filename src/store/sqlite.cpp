#include "store/sqlite.hpp"

#include <sqlite3.h>

#include <cstring>
#include <filesystem>

#include "core/error.hpp"

namespace lb::store {

Db::Db(const std::string& path, Mode mode, Threads threads) : m_path(path), m_mode(mode) {
    int flags = threads == Threads::Shared ? SQLITE_OPEN_FULLMUTEX : SQLITE_OPEN_NOMUTEX;
    switch (mode) {
        case Mode::ReadOnly:
            flags |= SQLITE_OPEN_READONLY;
            break;
        case Mode::ReadWrite:
            flags |= SQLITE_OPEN_READWRITE;
            break;
        case Mode::Create:
            flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
            break;
    }
    const int rc = sqlite3_open_v2(path.c_str(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc);
        if (const int osError = m_db ? sqlite3_system_errno(m_db) : 0; osError != 0) {
            message += ": " + std::string(std::strerror(osError));
        }
        sqlite3_close_v2(m_db);
        m_db = nullptr;
        if (rc == SQLITE_CANTOPEN) {
            throw core::InputError(path + ": cannot open the project file (" + message + ")",
                                   "check that the file exists and that you may read and write it");
        }
        throw core::InputError(path + ": cannot open the project file (" + message + ")");
    }
    sqlite3_extended_result_codes(m_db, 1);
}

Db::~Db() {
    if (m_db) sqlite3_close_v2(m_db);
}

void Db::exec(const std::string& sql) {
    char* error = nullptr;
    const int rc = sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
        const std::string message = error ? error : sqlite3_errstr(rc);
        sqlite3_free(error);
        fail(rc, message);
    }
}

void Db::fail(int code, const std::string& what) const {
    const int primary = code & 0xff;
    const std::string detail = m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(code);
    const std::string message = m_path + ": " + what + (detail != what ? " (" + detail + ")" : "");
    switch (primary) {
        case SQLITE_NOTADB:
            throw core::InputError(m_path + ": not a Lagebild project (the file is not an SQLite database)");
        case SQLITE_CORRUPT:
            throw core::InputError(m_path + ": the project file is corrupt (" + detail + ")",
                                   "restore it from a backup; Lagebild did not change it");
        case SQLITE_READONLY:
            throw core::InputError(m_path + ": the project file is read-only (" + detail + ")",
                                   "check the file's permissions");
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            throw BusyError(message, "another program holds the project; try again");
        case SQLITE_FULL:
            throw core::ProcessingError(message, "the disk is full");
        case SQLITE_CONSTRAINT:
            throw core::InputError(message);
        default:
            throw core::ProcessingError(message);
    }
}

std::int64_t Db::lastInsertRowid() const {
    return sqlite3_last_insert_rowid(m_db);
}

Statement::Statement(Db& db, const std::string& sql) : m_db(&db), m_sql(sql) {
    const int rc = sqlite3_prepare_v3(db.handle(), sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                      &m_stmt, nullptr);
    if (rc != SQLITE_OK) db.fail(rc, "cannot prepare statement: " + sql.substr(0, 120));
}

Statement::~Statement() {
    if (m_stmt) sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement&& other) noexcept
    : m_db(other.m_db), m_stmt(other.m_stmt), m_sql(std::move(other.m_sql)) {
    other.m_stmt = nullptr;
}

Statement& Statement::bind(int index, std::nullptr_t) {
    sqlite3_bind_null(m_stmt, index);
    return *this;
}
Statement& Statement::bind(int index, std::int64_t value) {
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}
Statement& Statement::bind(int index, double value) {
    sqlite3_bind_double(m_stmt, index, value);
    return *this;
}
Statement& Statement::bind(int index, std::string_view text) {
    sqlite3_bind_text(m_stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
}
Statement& Statement::bindBlob(int index, const std::vector<std::uint8_t>& blob) {
    sqlite3_bind_blob(m_stmt, index, blob.data(), static_cast<int>(blob.size()), SQLITE_TRANSIENT);
    return *this;
}
Statement& Statement::bind(int index, const core::Value& value) {
    struct Visitor {
        Statement& s;
        int i;
        void operator()(std::monostate) const { s.bind(i, nullptr); }
        void operator()(std::int64_t v) const { s.bind(i, v); }
        void operator()(double v) const { s.bind(i, v); }
        void operator()(const std::string& v) const { s.bind(i, std::string_view(v)); }
    };
    std::visit(Visitor{*this, index}, value);
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    sqlite3_reset(m_stmt);
    m_db->fail(rc, "statement failed: " + m_sql.substr(0, 120));
}

void Statement::run() {
    while (step()) {
    }
    reset();
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

bool Statement::isNull(int column) const {
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}
std::int64_t Statement::columnInt(int column) const {
    return sqlite3_column_int64(m_stmt, column);
}
double Statement::columnDouble(int column) const {
    return sqlite3_column_double(m_stmt, column);
}
std::string Statement::columnText(int column) const {
    const auto* text = sqlite3_column_text(m_stmt, column);
    return text ? std::string(reinterpret_cast<const char*>(text), sqlite3_column_bytes(m_stmt, column)) : "";
}
std::vector<std::uint8_t> Statement::columnBlob(int column) const {
    const auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(m_stmt, column));
    return data ? std::vector<std::uint8_t>(data, data + sqlite3_column_bytes(m_stmt, column))
                : std::vector<std::uint8_t>{};
}
std::span<const std::uint8_t> Statement::columnBlobView(int column) const {
    const auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(m_stmt, column));
    return data ? std::span<const std::uint8_t>(data, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column)))
                : std::span<const std::uint8_t>{};
}
std::string_view Statement::columnTextView(int column) const {
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    return data ? std::string_view(data, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column)))
                : std::string_view{};
}
std::optional<std::string> Statement::columnOptText(int column) const {
    if (isNull(column)) return std::nullopt;
    return columnText(column);
}
int Statement::columnCount() const {
    return sqlite3_column_count(m_stmt);
}
std::string Statement::columnName(int column) const {
    return sqlite3_column_name(m_stmt, column);
}

Transaction::Transaction(Db& db) : m_db(db) {
    m_db.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
    if (!m_done) sqlite3_exec(m_db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
    m_db.exec("COMMIT");
    m_done = true;
}

std::string quoteIdentifier(std::string_view identifier) {
    std::string out = "\"";
    for (char c : identifier) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
    return out;
}

}  // namespace lb::store
