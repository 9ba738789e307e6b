#include "store/sql_console.hpp"

#include <sqlite3.h>

#include <cctype>
#include <memory>

#include "core/error.hpp"
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

bool fileFunction(const std::string& name) {
    return name.starts_with("export") || name.starts_with("import") || name == "blobtofile" ||
           name == "blobfromfile" || name == "xb_loadxml" || name == "xb_storexml" || name == "load_extension";
}

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
            if (!fileFunction(name)) return SQLITE_OK;
            if (refusal->what.empty()) refusal->what = "the function " + name + "() (it reads or writes other files)";
            return SQLITE_DENY;
        }
        default:
            if (refusal->what.empty()) refusal->what = actionName(action);
            return SQLITE_DENY;
    }
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

std::vector<SqlResult> runReadOnlySql(const std::filesystem::path& project, const std::string& sql) {
    auto store = ProjectStore::open(project, ProjectStore::Access::ReadOnly);
    sqlite3* db = store->db().handle();
    Refusal refusal;
    sqlite3_set_authorizer(db, authorize, &refusal);
    struct Finalize {
        void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
    };
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
        if (rc != SQLITE_OK) {
            sqlite3_finalize(stmt);
            throw core::InputError(std::string("SQL error: ") + sqlite3_errmsg(db));
        }
        if (stmt) statements.emplace_back(stmt);  // null for whitespace or comments
    }
    if (statements.empty()) throw core::UsageError("no SQL statement given");
    std::vector<SqlResult> results;
    for (auto& stmt : statements) {
        if (!sqlite3_stmt_readonly(stmt.get())) {
            throw core::UsageError("refused: a statement that writes — lagebild sql is read-only");
        }
        SqlResult result;
        const int columns = sqlite3_column_count(stmt.get());
        for (int c = 0; c < columns; ++c) result.columns.emplace_back(sqlite3_column_name(stmt.get(), c));
        int rc;
        while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
            std::vector<core::Value> row;
            for (int c = 0; c < columns; ++c) row.push_back(columnValue(stmt.get(), c));
            result.rows.push_back(std::move(row));
        }
        // A function (e.g. SpatiaLite's InitSpatialMetadata) may have tried to write from inside.
        if (!refusal.what.empty()) throw core::UsageError("refused: " + refusal.what + " — lagebild sql is read-only");
        if (rc != SQLITE_DONE) throw core::InputError(std::string("SQL error: ") + sqlite3_errmsg(db));
        results.push_back(std::move(result));
    }
    return results;
}

}  // namespace lb::store
