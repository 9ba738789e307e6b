#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "ui/revision_cache.hpp"

using lb::ui::RevisionCache;

TEST(RevisionCache, LoadsOncePerKeyAndRevisionNotPerFrame) {
    RevisionCache<std::string, std::vector<int>> cache;
    int reads = 0;
    auto load = [&](const std::string& key) {
        ++reads;
        return std::vector<int>{static_cast<int>(key.size()), reads};
    };
    for (int frame = 0; frame < 100; ++frame) EXPECT_EQ(cache.get("site-a", 7, load), (std::vector<int>{6, 1}));
    EXPECT_EQ(reads, 1);
    EXPECT_EQ(cache.get("site-a", 8, load), (std::vector<int>{6, 2}));   // an edit: read again
    EXPECT_EQ(cache.get("site-bb", 8, load), (std::vector<int>{7, 3}));  // another feature
    EXPECT_EQ(cache.get("site-bb", 8, load), (std::vector<int>{7, 3}));
    EXPECT_EQ(reads, 3);
    EXPECT_EQ(cache.loads(), 3u);
}

TEST(RevisionCache, AFailedLoadKeepsItsMessageUntilTheNextRevision) {
    RevisionCache<int, std::vector<int>> cache;
    int reads = 0;
    bool fail = true;
    auto load = [&](int) -> std::vector<int> {
        ++reads;
        if (fail) throw std::runtime_error("p.sqlite: graffiti_status: the date 'x' is not a date");
        return {1, 2};
    };
    EXPECT_TRUE(cache.get(0, 1, load).empty());
    EXPECT_EQ(cache.error(), "p.sqlite: graffiti_status: the date 'x' is not a date");
    EXPECT_TRUE(cache.get(0, 1, load).empty());
    EXPECT_EQ(reads, 1) << "a failing read is not retried every frame";
    fail = false;
    EXPECT_EQ(cache.get(0, 2, load), (std::vector<int>{1, 2}));
    EXPECT_TRUE(cache.error().empty());
}
