#include "store/sql_console.hpp"

#include <sqlite3.h>

#include <cctype>
#include <cmath>
#include <memory>
#include <optional>

#include "core/error.hpp"
#include "store/detail/sql_function_allow_list.hpp"
#include "store/project_store.hpp"

namespace lb::store {
namespace {

// What the authorizer refused first, for the message.
struct Refusal {
    std::string what;
};

std::string lower(const char* text) {
    std::string out = text ? text : "";
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// The virtual-table modules a console query may open; sqlite3_drop_modules removes every other one from the
// console's connection (VirtualText, VirtualShape, VirtualDbf, VirtualXL, VirtualGeoJSON read other files;
// fts3/fts4/fts5 take tokenizers; VirtualNetwork/VirtualRouting and the rest have no use here).
const char* const kKeptModules[] = {"rtree",      "rtree_i32",           "json_each",         "json_tree",
                                    "VirtualKNN", "VirtualSpatialIndex", "VirtualElementary", nullptr};

const char* actionName(int action) {
    switch (action) {
        case SQLITE_INSERT:
            return "INSERT";
        case SQLITE_UPDATE:
            return "UPDATE";
        case SQLITE_DELETE:
            return "DELETE";
        case SQLITE_CREATE_TABLE:
        case SQLITE_CREATE_TEMP_TABLE:
            return "CREATE TABLE";
        case SQLITE_CREATE_INDEX:
        case SQLITE_CREATE_TEMP_INDEX:
            return "CREATE INDEX";
        case SQLITE_CREATE_VIEW:
        case SQLITE_CREATE_TEMP_VIEW:
            return "CREATE VIEW";
        case SQLITE_CREATE_TRIGGER:
        case SQLITE_CREATE_TEMP_TRIGGER:
            return "CREATE TRIGGER";
        case SQLITE_CREATE_VTABLE:
            return "CREATE VIRTUAL TABLE";
        case SQLITE_DROP_TABLE:
        case SQLITE_DROP_TEMP_TABLE:
        case SQLITE_DROP_INDEX:
        case SQLITE_DROP_TEMP_INDEX:
        case SQLITE_DROP_VIEW:
        case SQLITE_DROP_TEMP_VIEW:
        case SQLITE_DROP_TRIGGER:
        case SQLITE_DROP_TEMP_TRIGGER:
        case SQLITE_DROP_VTABLE:
            return "DROP";
        case SQLITE_ALTER_TABLE:
            return "ALTER TABLE";
        case SQLITE_ATTACH:
            return "ATTACH";
        case SQLITE_DETACH:
            return "DETACH";
        case SQLITE_PRAGMA:
            return "PRAGMA";
        case SQLITE_TRANSACTION:
        case SQLITE_SAVEPOINT:
            return "a transaction";
        case SQLITE_REINDEX:
            return "REINDEX";
        case SQLITE_ANALYZE:
            return "ANALYZE";
        default:
            return "a statement that may write";
    }
}

int authorize(void* data, int action, const char* a, const char* b, const char*, const char*) {
    auto* refusal = static_cast<Refusal*>(data);
    switch (action) {
        case SQLITE_SELECT:
        case SQLITE_READ:
        case SQLITE_RECURSIVE:
            return SQLITE_OK;
        case SQLITE_INSERT:
        case SQLITE_UPDATE:
        case SQLITE_DELETE:
            // SQLite reports a schema-table write for DDL (which also reports, and is refused as, its own
            // CREATE/DROP/ALTER action) and when it connects a virtual table such as SpatiaLite's
            // SpatialIndex. A statement that really writes the schema table is still refused: every
            // statement must also be sqlite3_stmt_readonly().
            if (lower(a) == "sqlite_master" || lower(a) == "sqlite_temp_master") return SQLITE_OK;
            if (refusal->what.empty()) refusal->what = actionName(action);
            return SQLITE_DENY;
        case SQLITE_FUNCTION: {
            // For SQLITE_FUNCTION the function name is the second argument (a is unused).
            const std::string name = lower(b ? b : a);
            if (detail::sqlFunctionAllowed(name)) return SQLITE_OK;
            if (refusal->what.empty()) {
                refusal->what = "the function " + name +
                                "() (not on the list of functions lagebild sql allows: it may read or write files, "
                                "change the project or load code)";
            }
            return SQLITE_DENY;
        }
        default:
            if (refusal->what.empty()) refusal->what = actionName(action);
            return SQLITE_DENY;
    }
}

// SQLite checks a function's name and argument count before it asks the authorizer, so a file function this
// build does not register (SpatiaLite's Import*/Export* without SPATIALITE_SECURITY=relaxed) or one called
// with the wrong number of arguments comes back as an SQL error; its name (lower case) lets the caller
// report it as refused like the registered ones.
std::optional<std::string> unresolvedFunction(const std::string& message) {
    for (const std::string prefix : {"no such function: ", "wrong number of arguments to function "}) {
        if (!message.starts_with(prefix)) continue;
        std::string name = lower(message.c_str() + prefix.size());
        if (name.ends_with("()")) name.resize(name.size() - 2);
        return name;
    }
    return std::nullopt;
}

// Watches the deadline and SQLite's heap while a statement runs (sqlite3_progress_handler).
struct Guard {
    std::chrono::steady_clock::time_point deadline;
    std::int64_t memoryCeiling = 0;
    std::optional<SqlLimitError::Limit> tripped;
};

constexpr int kProgressOps = 1000;  // VM instructions between checks: well under a millisecond

int checkLimits(void* data) {
    auto* guard = static_cast<Guard*>(data);
    if (std::chrono::steady_clock::now() >= guard->deadline) {
        guard->tripped = SqlLimitError::Limit::Time;
        return 1;
    }
    if (sqlite3_memory_used() > guard->memoryCeiling) {
        guard->tripped = SqlLimitError::Limit::Memory;
        return 1;
    }
    return 0;
}

std::string seconds(std::chrono::milliseconds time) {
    const double s = static_cast<double>(time.count()) / 1000.0;
    char text[32];
    std::snprintf(text, sizeof text, s == std::floor(s) ? "%.0f" : "%.1f", s);
    return text;
}

std::string megabytes(std::int64_t bytes) {
    return std::to_string((bytes + (1 << 20) - 1) >> 20);
}

[[noreturn]] void throwLimit(SqlLimitError::Limit limit, const SqlLimits& limits) {
    switch (limit) {
        case SqlLimitError::Limit::Time:
            throw SqlLimitError(limit, "Abfrage abgebrochen: Zeitlimit von " + seconds(limits.time) +
                                           " s erreicht (query cancelled: time limit of " + seconds(limits.time) +
                                           " s reached)");
        case SqlLimitError::Limit::Memory:
            throw SqlLimitError(limit, "Abfrage abgebrochen: Speicherlimit von " + megabytes(limits.memoryBytes) +
                                           " MB erreicht (query cancelled: memory limit of " +
                                           megabytes(limits.memoryBytes) + " MB reached)");
        case SqlLimitError::Limit::ResultSize:
            throw SqlLimitError(limit, "Abfrage abgebrochen: Ergebnis größer als " +
                                           megabytes(static_cast<std::int64_t>(limits.resultBytes)) +
                                           " MB (query cancelled: result larger than " +
                                           megabytes(static_cast<std::int64_t>(limits.resultBytes)) + " MB)");
    }
    throw SqlLimitError(limit, "Abfrage abgebrochen (query cancelled)");
}

// Applies sqlite3_hard_heap_limit64 for the query's lifetime and restores the previous limit.
class HeapLimit {
public:
    explicit HeapLimit(std::int64_t limit) : m_previous(sqlite3_hard_heap_limit64(-1)) {
        sqlite3_hard_heap_limit64(limit);
    }
    ~HeapLimit() { sqlite3_hard_heap_limit64(m_previous); }
    HeapLimit(const HeapLimit&) = delete;
    HeapLimit& operator=(const HeapLimit&) = delete;

private:
    std::int64_t m_previous;
};

std::size_t valueBytes(const core::Value& value) {
    const auto* text = std::get_if<std::string>(&value);
    return sizeof(core::Value) + (text ? text->capacity() : 0);
}

// Tight SQLite limits for hand-written queries: no ATTACH, 1 MB of SQL, 128 MB per string/blob/row.
void limitConnection(sqlite3* db) {
    sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 0);
    sqlite3_limit(db, SQLITE_LIMIT_SQL_LENGTH, 1 << 20);
    sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 128 << 20);
    sqlite3_limit(db, SQLITE_LIMIT_VDBE_OP, 1'000'000);
    sqlite3_limit(db, SQLITE_LIMIT_WORKER_THREADS, 0);
    int off = 0;
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_FTS3_TOKENIZER, 0, &off);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, &off);
    sqlite3_drop_modules(db, const_cast<const char**>(kKeptModules));
}

core::Value columnValue(sqlite3_stmt* stmt, int column) {
    switch (sqlite3_column_type(stmt, column)) {
        case SQLITE_INTEGER:
            return static_cast<std::int64_t>(sqlite3_column_int64(stmt, column));
        case SQLITE_FLOAT:
            return sqlite3_column_double(stmt, column);
        case SQLITE_TEXT:
            return std::string(reinterpret_cast<const char*>(sqlite3_column_text(stmt, column)),
                               static_cast<std::size_t>(sqlite3_column_bytes(stmt, column)));
        case SQLITE_BLOB:
            return "<blob " + std::to_string(sqlite3_column_bytes(stmt, column)) + " bytes>";
        default:
            return {};
    }
}

}  // namespace

SqlLimitError::SqlLimitError(Limit limit, const std::string& message)
    : core::ProcessingError(message, "narrow the query with WHERE or LIMIT"), m_limit(limit) {}

std::vector<SqlResult> runReadOnlySql(const std::filesystem::path& project, const std::string& sql,
                                      const SqlLimits& limits) {
    auto store = ProjectStore::open(project, ProjectStore::Access::ReadOnly);
    sqlite3* db = store->db().handle();
    limitConnection(db);
    Guard guard{std::chrono::steady_clock::now() + limits.time, sqlite3_memory_used() + limits.memoryBytes, {}};
    std::optional<HeapLimit> heapLimit;
    if (limits.processHeapLimit) heapLimit.emplace(guard.memoryCeiling);
    sqlite3_progress_handler(db, kProgressOps, checkLimits, &guard);
    Refusal refusal;
    sqlite3_set_authorizer(db, authorize, &refusal);
    struct Finalize {
        void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
    };
    // Statements go before the authorizer and the progress handler are taken off again (at scope exit, in
    // reverse order of declaration).
    struct Detach {
        sqlite3* db;
        ~Detach() {
            sqlite3_set_authorizer(db, nullptr, nullptr);
            sqlite3_progress_handler(db, 0, nullptr, nullptr);
        }
    } detach{db};
    std::vector<std::unique_ptr<sqlite3_stmt, Finalize>> statements;
    const char* tail = sql.c_str();
    const char* end = sql.c_str() + sql.size();
    // Prepare every statement first: one refused statement means none runs.
    while (tail < end) {
        sqlite3_stmt* stmt = nullptr;
        const int rc = sqlite3_prepare_v2(db, tail, static_cast<int>(end - tail), &stmt, &tail);
        if (rc == SQLITE_AUTH || !refusal.what.empty()) {
            sqlite3_finalize(stmt);
            throw core::UsageError("refused: " + refusal.what + " — lagebild sql is read-only",
                                   "use SELECT (with SpatiaLite functions such as ST_Within, ST_Distance, AsText)");
        }
        if (guard.tripped) {
            sqlite3_finalize(stmt);
            throwLimit(*guard.tripped, limits);
        }
        if (rc != SQLITE_OK) {
            sqlite3_finalize(stmt);
            if ((rc & 0xff) == SQLITE_NOMEM) throwLimit(SqlLimitError::Limit::Memory, limits);
            const std::string message = sqlite3_errmsg(db);
            if (const auto name = unresolvedFunction(message); name && !detail::sqlFunctionAllowed(*name)) {
                throw core::UsageError(
                    "refused: the function " + *name + "() (not on the list of functions lagebild sql allows)",
                    "use SELECT (with SpatiaLite functions such as ST_Within, ST_Distance, AsText)");
            }
            throw core::InputError("SQL error: " + message);
        }
        if (stmt) statements.emplace_back(stmt);  // null for whitespace or comments
    }
    if (statements.empty()) throw core::UsageError("no SQL statement given");
    std::vector<SqlResult> results;
    std::size_t keptBytes = 0;
    for (auto& stmt : statements) {
        if (!sqlite3_stmt_readonly(stmt.get())) {
            throw core::UsageError("refused: a statement that writes — lagebild sql is read-only");
        }
        SqlResult result;
        const int columns = sqlite3_column_count(stmt.get());
        for (int c = 0; c < columns; ++c) result.columns.emplace_back(sqlite3_column_name(stmt.get(), c));
        int rc;
        while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
            ++result.rowCount;
            if (result.rows.size() >= limits.keptRows) continue;
            std::vector<core::Value> row;
            row.reserve(static_cast<std::size_t>(columns));
            for (int c = 0; c < columns; ++c) {
                row.push_back(columnValue(stmt.get(), c));
                keptBytes += valueBytes(row.back());
            }
            if (keptBytes > limits.resultBytes) throwLimit(SqlLimitError::Limit::ResultSize, limits);
            result.rows.push_back(std::move(row));
        }
        // A function (e.g. SpatiaLite's InitSpatialMetadata) may have tried to write from inside.
        if (!refusal.what.empty()) throw core::UsageError("refused: " + refusal.what + " — lagebild sql is read-only");
        if (guard.tripped) throwLimit(*guard.tripped, limits);
        if ((rc & 0xff) == SQLITE_NOMEM) throwLimit(SqlLimitError::Limit::Memory, limits);
        if (rc != SQLITE_DONE) throw core::InputError(std::string("SQL error: ") + sqlite3_errmsg(db));
        results.push_back(std::move(result));
    }
    return results;
}

}  // namespace lb::store
