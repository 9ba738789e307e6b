#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/feature_table.hpp"

namespace lb::engine {
namespace {

// Codes are dense in first-seen order, "" is code 0, equal texts share a code across the table's growth,
// and find() knows exactly what was interned.
TEST(StringDictionary, InternsEachTextOnceAndFindsItAgainAfterGrowing) {
    StringDictionary dictionary;
    EXPECT_EQ(dictionary.size(), 1u);
    EXPECT_EQ(dictionary[0], "");
    EXPECT_EQ(dictionary.intern(""), 0u);
    std::vector<std::string> texts;
    for (int i = 0; i < 5000; ++i) texts.push_back("value-" + std::to_string(i * 7919 % 100003));
    for (std::size_t i = 0; i < texts.size(); ++i) ASSERT_EQ(dictionary.intern(texts[i]), i + 1);
    for (std::size_t i = 0; i < texts.size(); ++i) {
        ASSERT_EQ(dictionary.intern(texts[i]), i + 1) << texts[i];
        ASSERT_EQ(dictionary.find(texts[i]), std::optional<std::uint32_t>(static_cast<std::uint32_t>(i + 1)));
        ASSERT_EQ(dictionary[i + 1], texts[i]);
    }
    EXPECT_EQ(dictionary.size(), texts.size() + 1);
    EXPECT_EQ(dictionary.find("value-x"), std::nullopt);
    EXPECT_EQ(dictionary.find("value-"), std::nullopt) << "a prefix is not a value";
    EXPECT_EQ(dictionary.find(""), std::optional<std::uint32_t>(0u));
    std::size_t seen = 0;
    for (std::string_view text : dictionary) {
        if (seen > 0) EXPECT_EQ(text, texts[seen - 1]);
        ++seen;
    }
    EXPECT_EQ(seen, dictionary.size());
}

// Texts with bytes that a C string would cut (NUL) and umlauts keep their exact bytes.
TEST(StringDictionary, KeepsTextsByteExact) {
    AttributeColumn column;
    const std::string withNul("a\0b", 3);
    for (const std::string& text : {std::string("Straße"), withNul, std::string("a"), std::string("Straße")}) {
        column.append(text);
    }
    EXPECT_EQ(column.codes, (std::vector<std::uint32_t>{1, 2, 3, 1}));
    EXPECT_EQ(column.value(1), withNul);
    EXPECT_EQ(column.value(1).size(), 3u);
    EXPECT_EQ(column.value(3), "Straße");
    EXPECT_EQ(column.find("a"), std::optional<std::uint32_t>(3u));
}

}  // namespace
}  // namespace lb::engine
