#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "store/sql_console.hpp"

namespace lb::project {

// The SQL console as front ends use it. Its results and limits are plain values of store/; the console runs
// on a connection of its own, opened for the statement and closed after it: that connection carries the
// console's sandbox (an authorizer that allows reading only, a deadline, limits on memory and result size),
// which the workstation's shared reader must not have.
using SqlResult = store::SqlResult;
using SqlLimits = store::SqlLimits;
using SqlLimitError = store::SqlLimitError;

inline std::vector<SqlResult> runConsoleSql(const std::filesystem::path& project, const std::string& sql,
                                            const SqlLimits& limits) {
    return store::runReadOnlySql(project, sql, limits);
}

}  // namespace lb::project
