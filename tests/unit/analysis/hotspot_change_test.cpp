#include <gtest/gtest.h>

#include "analysis/hotspot_change.hpp"
#include "core/error.hpp"

using namespace lb::analysis;

TEST(HotspotChange, EveryTransitionOfTheBins) {
    EXPECT_EQ(classifyHotspotChange(0, 2), HotspotChange::New);
    EXPECT_EQ(classifyHotspotChange(-3, 1), HotspotChange::New);
    EXPECT_EQ(classifyHotspotChange(2, 0), HotspotChange::Ceased);
    EXPECT_EQ(classifyHotspotChange(1, -2), HotspotChange::Ceased);
    EXPECT_EQ(classifyHotspotChange(1, 3), HotspotChange::Increased);
    EXPECT_EQ(classifyHotspotChange(3, 2), HotspotChange::Decreased);
    EXPECT_EQ(classifyHotspotChange(2, 2), HotspotChange::Persistent);
    EXPECT_EQ(classifyHotspotChange(-3, -1), HotspotChange::None);
    EXPECT_EQ(classifyHotspotChange(0, 0), HotspotChange::None);
    const std::vector<int> before{0, 3, 1}, now{3, 3, 0};
    const auto changes = classifyHotspotChange(before, now);
    EXPECT_EQ(changes,
              (std::vector<HotspotChange>{HotspotChange::New, HotspotChange::Persistent, HotspotChange::Ceased}));
    EXPECT_EQ(hotspotChangeName(HotspotChange::Increased), "increased");
    EXPECT_THROW(classifyHotspotChange(std::vector<int>{1}, std::vector<int>{1, 2}), lb::core::UsageError);
}
