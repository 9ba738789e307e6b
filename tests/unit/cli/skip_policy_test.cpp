#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "support/test_support.hpp"

namespace fs = std::filesystem;

// A skip reports success without checking anything. Tests skip only through LAGEBILD_SKIP_OR_FAIL_IN_CI /
// LAGEBILD_REQUIRE_PROGRAM (a failure in CI), except the documented cases listed here: the optional real extract
// in ../shared/data and the golden image's deliberate rebaseline (which its test refuses in CI).
TEST(SkipPolicy, NoTestSkipsExceptThroughTheCiAwareMacros) {
    const fs::path tests = fs::path(LAGEBILD_FIXTURES_DIR).parent_path();
    const std::set<std::string> allowed = {
        "support/test_support.hpp:GTEST_SKIP() << reason;",
        "unit/project/real_osm_test.cpp:if (!std::filesystem::exists(realExtract())) GTEST_SKIP() << \"no \" << "
        "realExtract();",
        "unit/cli/render_cli_test.cpp:GTEST_SKIP() << \"golden image rebaselined: \" << golden;",
    };
    const std::string needle = std::string("GTEST_") + "SKIP";
    int files = 0;
    for (const auto& entry : fs::recursive_directory_iterator(tests)) {
        const auto ext = entry.path().extension();
        if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".hpp")) continue;
        if (entry.path().filename() == "skip_policy_test.cpp") continue;  // the list above names the macro
        ++files;
        std::ifstream in(entry.path());
        std::string line;
        int number = 0;
        while (std::getline(in, line)) {
            ++number;
            if (line.find(needle) == std::string::npos) continue;
            std::string code = line.substr(line.find_first_not_of(' '));
            while (!code.empty() && (code.back() == ' ' || code.back() == '\\')) code.pop_back();
            const std::string key = fs::relative(entry.path(), tests).string() + ":" + code;
            EXPECT_TRUE(allowed.count(key))
                << key << " (line " << number << "): use LAGEBILD_REQUIRE_PROGRAM or LAGEBILD_SKIP_OR_FAIL_IN_CI";
        }
    }
    EXPECT_GT(files, 40);
}
