#include "ui/notices.hpp"

#include <gtest/gtest.h>

namespace lb::ui {
namespace {

// Notices wait oldest first; errors are shown in the UI language without the CLI's flag hints.
TEST(Notices, WaitInOrderAndErrorsSpeakTheUiLanguage) {
    Notices notices;
    notices.push({false, "erste", {}});
    notices.push({true, "/tmp/x.csv: no such file", {"/tmp/x.csv: no such file"}});
    ASSERT_EQ(notices.all().size(), 2u);
    EXPECT_EQ(notices.all().front().text, "erste");
    const std::string german = notices.all().back().text;
    notices.setLanguage(Language::English);
    notices.push({true, "/tmp/x.csv: no such file", {}});
    EXPECT_EQ(notices.all().back().text, "/tmp/x.csv: no such file");
    EXPECT_NE(german, "/tmp/x.csv: no such file") << "German UI: the message is translated";
    EXPECT_EQ(notices.all()[1].details.front(), german);
    notices.dismiss();
    EXPECT_EQ(notices.all().size(), 2u);
    EXPECT_TRUE(notices.all().front().error);
    notices.dismiss();
    notices.dismiss();
    notices.dismiss();  // nothing left: no harm
    EXPECT_TRUE(notices.all().empty());
}

}  // namespace
}  // namespace lb::ui
