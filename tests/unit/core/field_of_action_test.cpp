#include <gtest/gtest.h>

#include "core/field_of_action.hpp"
#include "core/uuid.hpp"

using namespace lb::core;

TEST(FieldOfAction, RecognisesIdsLabelsAndPoliceWords) {
    EXPECT_EQ(parseFieldOfAction("gewalt"), FieldOfAction::Gewalt);
    EXPECT_EQ(parseFieldOfAction("  GEWALT "), FieldOfAction::Gewalt);
    EXPECT_EQ(parseFieldOfAction("Graffiti/Sachbeschädigung"), FieldOfAction::Graffiti);
    EXPECT_EQ(parseFieldOfAction("VERMÜLLUNG"), FieldOfAction::Vermuellung);
    EXPECT_EQ(parseFieldOfAction("Vermuellung"), FieldOfAction::Vermuellung);
    EXPECT_EQ(parseFieldOfAction("Gefährliche Körperverletzung"), FieldOfAction::Gewalt);
    EXPECT_EQ(parseFieldOfAction("Verstoß BtMG"), FieldOfAction::Drogen);
    EXPECT_EQ(parseFieldOfAction("Illegale Müllablagerung"), FieldOfAction::Vermuellung);
    EXPECT_EQ(parseFieldOfAction("Violence"), FieldOfAction::Gewalt);
    EXPECT_EQ(parseFieldOfAction("Sonstiges"), FieldOfAction::Sonstiges);
    EXPECT_FALSE(parseFieldOfAction("Ladendiebstahl"));
    EXPECT_FALSE(parseFieldOfAction(""));
}

TEST(Uuid, SeededGeneratorsRepeatAndProduceVersion4) {
    UuidGenerator a(42), b(42), c(43);
    const std::string first = a.next();
    EXPECT_EQ(first, b.next());
    EXPECT_NE(first, c.next());
    EXPECT_TRUE(isUuid(first));
    EXPECT_EQ(first[14], '4');
    EXPECT_TRUE(first[19] == '8' || first[19] == '9' || first[19] == 'a' || first[19] == 'b');
    UuidGenerator random;
    EXPECT_NE(random.next(), random.next());
    EXPECT_FALSE(isUuid("not-a-uuid"));
}
