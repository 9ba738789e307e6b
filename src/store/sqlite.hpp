#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/value.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace lb::store {

// Another connection holds the lock the statement needs (SQLITE_BUSY / SQLITE_LOCKED after the busy
// timeout); callers that can retry the whole transaction catch this one.
class BusyError : public core::ProcessingError {
public:
    using core::ProcessingError::ProcessingError;
};

// RAII wrappers over the SQLite C API. Every error becomes a core::Error that names the project file and
// the statement's purpose; corrupt or foreign files become core::InputError.
class Db {
public:
    enum class Mode { ReadOnly, ReadWrite, Create };
    // One: the connection is used by one thread at a time (SQLite's multi-thread mode, no locking). Shared:
    // SQLite serializes every call on the connection (SQLITE_OPEN_FULLMUTEX), so several threads may use it,
    // each with its own statements.
    enum class Threads { One, Shared };

    Db(const std::string& path, Mode mode, Threads threads = Threads::One);
    ~Db();
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;

    sqlite3* handle() const { return m_db; }
    const std::string& path() const { return m_path; }
    bool readOnly() const { return m_mode == Mode::ReadOnly; }

    // Runs SQL without results (may contain several statements). Only for fixed SQL from our code.
    void exec(const std::string& sql);
    // Throws the right core::Error for an SQLite result code, with `what` as context.
    [[noreturn]] void fail(int code, const std::string& what) const;
    std::int64_t lastInsertRowid() const;

private:
    sqlite3* m_db = nullptr;
    std::string m_path;
    Mode m_mode;
};

class Statement {
public:
    Statement(Db& db, const std::string& sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement(Statement&& other) noexcept;

    Statement& bind(int index, std::nullptr_t);
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
    Statement& bindBlob(int index, const std::vector<std::uint8_t>& blob);
    Statement& bind(int index, const core::Value& value);

    // Steps once: true while a row is available.
    bool step();
    // Steps a statement that returns no rows, then resets it for reuse.
    void run();
    void reset();

    bool isNull(int column) const;
    std::int64_t columnInt(int column) const;
    double columnDouble(int column) const;
    std::string columnText(int column) const;
    std::vector<std::uint8_t> columnBlob(int column) const;
    // Valid until the next step()/reset(); no copy (bulk reads).
    std::span<const std::uint8_t> columnBlobView(int column) const;
    std::string_view columnTextView(int column) const;
    std::optional<std::string> columnOptText(int column) const;
    int columnCount() const;
    std::string columnName(int column) const;

private:
    Db* m_db;
    sqlite3_stmt* m_stmt = nullptr;
    std::string m_sql;
};

// BEGIN IMMEDIATE … COMMIT; rolls back in the destructor unless committed, so an exception or a cancelled
// import leaves the project as it was.
class Transaction {
public:
    explicit Transaction(Db& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Db& m_db;
    bool m_done = false;
};

// Quotes an identifier for SQL ("name"). Only call with identifiers from our allow-lists.
std::string quoteIdentifier(std::string_view identifier);

}  // namespace lb::store
