#pragma once

// Header-only helpers for tests that link lagebild_store: one value from an SQL query.

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "store/sqlite.hpp"

namespace lb::test {

inline std::int64_t sqlInt(store::Db& db, const std::string& sql) {
    store::Statement s(db, sql);
    EXPECT_TRUE(s.step()) << sql;
    return s.columnInt(0);
}

// "<no row>" when the query returns nothing.
inline std::string sqlText(store::Db& db, const std::string& sql) {
    store::Statement s(db, sql);
    return s.step() ? s.columnText(0) : std::string("<no row>");
}

}  // namespace lb::test
