#include <gtest/gtest.h>

#include "core/bbox_parse.hpp"
#include "core/error.hpp"

using namespace lb;

namespace {
std::string usage(const std::string& text, const std::string& flag = "--bbox") {
    try {
        (void)core::parseBBox(text, flag);
    } catch (const core::UsageError& e) {
        return e.what();
    }
    return "";
}
}  // namespace

TEST(BBoxParse, FourNumbersInOrder) {
    const core::BBox box = core::parseBBox(" 326000 , 5631000,329000.5,5634000 ");
    EXPECT_EQ(box.minX, 326000);
    EXPECT_EQ(box.minY, 5631000);
    EXPECT_EQ(box.maxX, 329000.5);
    EXPECT_EQ(box.maxY, 5634000);
    EXPECT_EQ(core::parseBBox("-1e3,-2,3,4").minX, -1000);
}

// One rule for every command: malformed, inverted and empty boxes are usage errors naming the flag and the text.
TEST(BBoxParse, MalformedInvertedAndEmptyBoxesAreRefusedWithTheFlagNamed) {
    EXPECT_NE(usage("1,2,3").find("--bbox \"1,2,3\": expected minx,miny,maxx,maxy"), std::string::npos);
    EXPECT_NE(usage("1,2,3,4,5").find("expected minx,miny,maxx,maxy"), std::string::npos);
    EXPECT_NE(usage("1,2,x,4").find("\"x\" is not a number"), std::string::npos);
    EXPECT_NE(usage("1,2,,4").find("\"\" is not a number"), std::string::npos);
    EXPECT_NE(usage("1,2,inf,4").find("is not a number"), std::string::npos);
    EXPECT_NE(usage("1,2,3abc,4").find("is not a number"), std::string::npos);
    EXPECT_NE(usage("3,2,1,4").find("min must not exceed max"), std::string::npos);
    EXPECT_NE(usage("1,4,3,2").find("min must not exceed max"), std::string::npos);
    EXPECT_NE(usage("1,1,1,1").find("the box is empty"), std::string::npos);
    EXPECT_NE(usage("1,2,5,2").find("the box is empty"), std::string::npos);
    EXPECT_NE(usage("5,5,1,1", "--extent").find("--extent \"5,5,1,1\""), std::string::npos);
}
