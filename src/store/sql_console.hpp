#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/value.hpp"

namespace lb::store {

struct SqlResult {
    std::vector<std::string> columns;
    std::vector<std::vector<core::Value>> rows;  // blobs come back as "<blob N bytes>"
    std::size_t rowCount = 0;                    // every row the statement returned; rows keeps the first ones
};

// Bounds on one console query (all statements of one call together).
struct SqlLimits {
    std::chrono::milliseconds time = std::chrono::seconds(60);
    // Growth of SQLite's heap while the query runs (sorters, hash tables, recursive CTE queues).
    std::int64_t memoryBytes = std::int64_t{512} << 20;
    // Rows beyond this many are counted in SqlResult::rowCount but not kept (the GUI shows only the first).
    std::size_t keptRows = std::numeric_limits<std::size_t>::max();
    // Estimated size of the kept rows; a query whose result grows beyond it is cancelled.
    std::size_t resultBytes = std::size_t{256} << 20;
    // Also enforce memoryBytes with sqlite3_hard_heap_limit64 while the query runs. That limit is
    // process-wide: only for a process that does nothing else meanwhile (the CLI), never for the GUI.
    bool processHeapLimit = false;
};

// A console query ran into one of its SqlLimits and was cancelled. Nothing was changed.
class SqlLimitError : public core::ProcessingError {
public:
    enum class Limit { Time, Memory, ResultSize };
    SqlLimitError(Limit limit, const std::string& message);
    Limit limit() const { return m_limit; }

private:
    Limit m_limit;
};

// Runs expert SQL on a project through a read-only connection with SpatiaLite loaded. Every statement is
// prepared before any runs, under an sqlite3_set_authorizer that allows only reading (SELECT, reading
// columns, recursive CTEs) and calls of the functions on an allow-list (detail/sql_function_allow_list.hpp:
// SQLite's harmless built-ins and SpatiaLite's geometry functions); it refuses anything that would write —
// INSERT/UPDATE/DELETE, CREATE/DROP/ALTER (also TEMP objects), ATTACH/DETACH, PRAGMA, transactions — and
// every other function by name (load_extension, fts3_tokenizer, readfile, Export*/Import*, BlobToFile,
// ZipFile_*, SqlProc_*, XB_*, …). Only the virtual-table modules of SQLite's R*Tree and JSON and
// SpatiaLite's SpatialIndex/KNN/ElementaryGeometries stay registered, so a table in the file that would read
// another file (VirtualText, VirtualShape, …) cannot be opened. A refused statement is a core::UsageError
// naming what was refused; SQL errors are core::InputError; a query past its limits is an SqlLimitError
// ("Abfrage abgebrochen: Zeitlimit …"). The project file is not changed.
std::vector<SqlResult> runReadOnlySql(const std::filesystem::path& project, const std::string& sql,
                                      const SqlLimits& limits = {});

}  // namespace lb::store
