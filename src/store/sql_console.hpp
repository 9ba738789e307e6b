#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/value.hpp"

namespace lb::store {

struct SqlResult {
    std::vector<std::string> columns;
    std::vector<std::vector<core::Value>> rows;  // blobs come back as "<blob N bytes>"
};

// Runs expert SQL on a project through a read-only connection with SpatiaLite loaded. Every statement is
// prepared before any runs, under an sqlite3_set_authorizer that allows only reading (SELECT, reading
// columns, recursive CTEs, functions) and refuses anything that would write — INSERT/UPDATE/DELETE,
// CREATE/DROP/ALTER (also TEMP objects), ATTACH/DETACH, PRAGMA, transactions — and SpatiaLite functions
// that touch other files (Export*/Import*, BlobToFile, BlobFromFile, XB_LoadXML/XB_StoreXML) and
// load_extension. A refused statement is a core::UsageError naming what was refused; SQL errors are
// core::InputError. The project file is not changed.
std::vector<SqlResult> runReadOnlySql(const std::filesystem::path& project, const std::string& sql);

}  // namespace lb::store
