// Graffiti lifecycle, photos and field-mode marks, through the same calls the GUI makes.

#include <cpl_vsi.h>
#include <gdal.h>
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "edit/edit_commands.hpp"
#include "edit/edit_session.hpp"
#include "edit/field_mark.hpp"
#include "edit/form_spec.hpp"
#include "edit/graffiti.hpp"
#include "edit/photos.hpp"
#include "edit/visit_calendar.hpp"
#include "geo/wkb.hpp"
#include "store/project_store.hpp"
#include "store/sqlite.hpp"
#include "support/sql_queries.hpp"
#include "support/test_support.hpp"
#include "unit/edit/gdal_image_encoder.hpp"

using namespace lb;
using core::LayerId;

namespace {

constexpr double kX = 316000, kY = 5690000;

// A real image written by GDAL (an independent encoder): a width×height RGB gradient as PNG or JPEG.
std::vector<std::uint8_t> writeImage(const char* driverName, int width, int height) {
    GDALAllRegister();
    GDALDriverH mem = GDALGetDriverByName("MEM");
    GDALDatasetH ds = GDALCreate(mem, "", width, height, 3, GDT_Byte, nullptr);
    std::vector<std::uint8_t> band(static_cast<std::size_t>(width * height));
    for (int b = 1; b <= 3; ++b) {
        for (int i = 0; i < width * height; ++i)
            band[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>((i * b) % 251);
        if (GDALRasterIO(GDALGetRasterBand(ds, b), GF_Write, 0, 0, width, height, band.data(), width, height, GDT_Byte,
                         0, 0) != CE_None) {
            throw std::runtime_error("RasterIO failed");
        }
    }
    return test::encodeWithGdal(ds, driverName, "gradient");
}

class FieldWorkTest : public ::testing::Test {
protected:
    test::TempDir dir;
    std::unique_ptr<store::ProjectStore> project = store::ProjectStore::create(dir / "p.sqlite", "EPSG:25833");
    edit::EditSession session{*project, "Streetwork Nord"};

    std::string addSite() {
        return session
            .apply(edit::addFeature(LayerId::Graffiti, geo::pointWkb(kX, kY),
                                    {{"name", std::string("Unterführung")}, {"time", std::string("03.02.2025 09:30")}}))
            .featureUuid();
    }
};

}  // namespace

TEST_F(FieldWorkTest, GraffitiLifecycleEnforcesTransitionsAndDerivesDurations) {
    const std::string site = addSite();
    EXPECT_EQ(core::toString(session.feature(LayerId::Graffiti, site)->values.at("status")), "gemeldet");
    // gemeldet → entfernt skips the assessment.
    EXPECT_THROW(session.apply(edit::setGraffitiStatus(site, {"entfernt", "2025-02-10", 200.0, {}, {}})),
                 edit::ValidationError);
    session.apply(edit::setGraffitiStatus(site, {"begutachtet", "05.02.2025", {}, 12.5, "Fläche gemessen"}));
    // Dates never go backwards.
    EXPECT_THROW(session.apply(edit::setGraffitiStatus(site, {"entfernt", "2025-02-01", 300.0, {}, {}})),
                 edit::ValidationError);
    session.apply(edit::setGraffitiStatus(site, {"entfernt", "2025-02-20", 350.0, {}, {}}));
    session.apply(edit::setGraffitiStatus(site, {"erneut besprüht", "2025-04-01", {}, {}, {}}));
    session.apply(edit::setGraffitiStatus(site, {"legal gestaltet", "2025-05-02", 1800.0, {}, {}}));
    // The status column cannot be changed around the history.
    EXPECT_THROW(session.apply(edit::updateAttributes(LayerId::Graffiti, site, {{"status", std::string("entfernt")}})),
                 edit::ValidationError);

    const auto history = edit::graffitiHistory(*project, site);
    ASSERT_EQ(history.size(), 5u);
    EXPECT_EQ(history[0].date, "2025-02-03");
    const auto derived = edit::deriveGraffiti(history);
    EXPECT_EQ(derived.currentStatus, "legal gestaltet");
    EXPECT_EQ(derived.daysToRemoval, 17);
    EXPECT_EQ(derived.recurrences, 1);
    EXPECT_EQ(derived.daysToRecurrence, 40);
    EXPECT_DOUBLE_EQ(derived.totalCostEur, 2150.0);
    const auto record = session.feature(LayerId::Graffiti, site);
    EXPECT_EQ(core::toString(record->values.at("status")), "legal gestaltet");
    EXPECT_DOUBLE_EQ(std::get<double>(record->values.at("cost_eur")), 2150.0);
    EXPECT_DOUBLE_EQ(std::get<double>(record->values.at("area_m2")), 12.5);
    EXPECT_EQ(edit::nextGraffitiStatuses("entfernt"), std::vector<std::string_view>{"erneut besprüht"});

    // Undo of a status change removes its history entry; deleting the site and undoing restores all five.
    session.undo();
    EXPECT_EQ(edit::graffitiHistory(*project, site).size(), 4u);
    EXPECT_EQ(core::toString(session.feature(LayerId::Graffiti, site)->values.at("status")), "erneut besprüht");
    session.redo();
    session.apply(edit::deleteFeature(LayerId::Graffiti, site));
    EXPECT_EQ(test::sqlInt(project->db(), "SELECT count(*) FROM graffiti_status"), 0);
    session.undo();
    EXPECT_EQ(edit::graffitiHistory(*project, site), history);
}

// A legal design (a commissioned mural) clears a site as a removal does; a re-spraying counts as a recurrence
// only after a clearing (an imported history may say "erneut besprüht" right after the report).
TEST(GraffitiDerivation, LegalDesignClearsAndOnlyACleanedSiteCanRecur) {
    using Entry = edit::GraffitiStatusEntry;
    const auto derived = edit::deriveGraffiti(
        {Entry{"gemeldet", "2025-01-01", std::nullopt, ""}, Entry{"begutachtet", "2025-01-05", std::nullopt, ""},
         Entry{"legal gestaltet", "2025-01-11", 900.0, ""}, Entry{"erneut besprüht", "2025-02-10", std::nullopt, ""},
         Entry{"entfernt", "2025-02-20", 150.0, ""}, Entry{"erneut besprüht", "2025-03-02", std::nullopt, ""}});
    EXPECT_EQ(derived.daysToRemoval, 10);
    EXPECT_EQ(derived.recurrences, 2);
    EXPECT_EQ(derived.daysToRecurrence, 10);
    EXPECT_DOUBLE_EQ(derived.totalCostEur, 1050.0);
    const auto uncleaned = edit::deriveGraffiti(
        {Entry{"gemeldet", "2025-01-01", std::nullopt, ""}, Entry{"erneut besprüht", "2025-01-20", std::nullopt, ""}});
    EXPECT_EQ(uncleaned.recurrences, 0);
    EXPECT_FALSE(uncleaned.daysToRecurrence);
    EXPECT_FALSE(uncleaned.daysToRemoval);
}

TEST_F(FieldWorkTest, ANegativeCostIsRefusedEvenBelowOneEuro) {
    const std::string site = addSite();
    session.apply(edit::setGraffitiStatus(site, {"begutachtet", "05.02.2025", {}, {}, {}}));
    EXPECT_THROW(session.apply(edit::setGraffitiStatus(site, {"entfernt", "2025-02-20", -0.5, {}, {}})),
                 edit::ValidationError);
    session.apply(edit::setGraffitiStatus(site, {"entfernt", "2025-02-20", 0.0, {}, {}}));  // free removal
    EXPECT_EQ(edit::graffitiHistory(*project, site).size(), 3u);
}

TEST_F(FieldWorkTest, NewGraffitiSitesStartAsReported) {
    EXPECT_THROW(session.apply(
                     edit::addFeature(LayerId::Graffiti, geo::pointWkb(kX, kY), {{"status", std::string("entfernt")}})),
                 edit::ValidationError);
    const auto derived = edit::deriveGraffiti(edit::graffitiHistory(*project, addSite()));
    EXPECT_EQ(derived.currentStatus, "gemeldet");
    EXPECT_FALSE(derived.daysToRemoval);
}

TEST_F(FieldWorkTest, PhotosAreCheckedByContentAndGetAThumbnail) {
    const std::string observation =
        session
            .apply(edit::addFeature(LayerId::Observations, geo::pointWkb(kX, kY),
                                    {{"time", std::string("2025-03-14 16:00")}, {"category", std::string("Müll")}}))
            .featureUuid();
    const auto png = writeImage("PNG", 640, 480);
    const auto jpeg = writeImage("JPEG", 300, 1200);
    session.apply(edit::attachPhoto(observation, png));
    session.apply(edit::attachPhoto(observation, jpeg));
    const auto photos = edit::observationPhotos(*project, observation);
    ASSERT_EQ(photos.size(), 2u);
    EXPECT_EQ(photos[0].mimeType, "image/png");
    EXPECT_EQ(photos[1].mimeType, "image/jpeg");
    EXPECT_EQ(photos[1].bytes, jpeg.size());
    EXPECT_EQ(edit::photoData(*project, photos[0].id), png);
    // Thumbnails are PNGs of at most 256 pixels on the longer side.
    for (const auto& photo : photos) {
        ASSERT_GT(photo.thumbnailPng.size(), 8u);
        EXPECT_EQ(photo.thumbnailPng[1], 'P');
        const std::string name = "/vsimem/thumb.png";
        VSIFCloseL(VSIFileFromMemBuffer(name.c_str(), const_cast<GByte*>(photo.thumbnailPng.data()),
                                        static_cast<vsi_l_offset>(photo.thumbnailPng.size()), FALSE));
        GDALDatasetH ds = GDALOpen(name.c_str(), GA_ReadOnly);
        ASSERT_NE(ds, nullptr);
        EXPECT_EQ(std::max(GDALGetRasterXSize(ds), GDALGetRasterYSize(ds)), edit::kThumbnailEdge);
        GDALClose(ds);
        VSIUnlink(name.c_str());
    }
    // A text file named .jpg, a truncated PNG, an empty file: refused at once, nothing stored.
    const std::string notImage = "this is not a photo";
    EXPECT_THROW(edit::attachPhoto(observation, {notImage.begin(), notImage.end()}), core::InputError);
    EXPECT_THROW(edit::attachPhoto(observation, std::vector<std::uint8_t>(png.begin(), png.begin() + png.size() / 2)),
                 core::InputError);
    EXPECT_THROW(edit::attachPhoto(observation, {}), core::InputError);
    EXPECT_THROW(edit::attachPhoto(observation, std::vector<std::uint8_t>(edit::kMaxPhotoBytes + 1, 0xFF)),
                 core::InputError);
    EXPECT_EQ(test::sqlInt(project->db(), "SELECT count(*) FROM observation_photos"), 2);
    // Remove and undo.
    session.apply(edit::removePhoto(observation, photos[0].id));
    EXPECT_EQ(edit::observationPhotos(*project, observation).size(), 1u);
    session.undo();
    EXPECT_EQ(edit::observationPhotos(*project, observation).size(), 2u);
}

TEST_F(FieldWorkTest, FieldMarkSavesAtOnceAndGraffitiMarksCreateASite) {
    const auto plain = edit::markField(session, edit::FieldMarkKind::SpritzenDrogenfund, kX, kY, "am Spielplatz");
    auto record = session.feature(LayerId::Observations, plain.observationUuid);
    ASSERT_TRUE(record);
    EXPECT_EQ(core::toString(record->values.at("category")), "Spritzen/Drogenfund");
    EXPECT_EQ(core::toString(record->values.at("note")), "am Spielplatz");
    EXPECT_TRUE(plain.graffitiUuid.empty());

    const auto graffiti =
        edit::markField(session, edit::FieldMarkKind::Graffiti, kX + 5, kY, "", writeImage("JPEG", 64, 48));
    EXPECT_EQ(project->count(LayerId::Graffiti), 1);
    EXPECT_EQ(edit::graffitiHistory(*project, graffiti.graffitiUuid).at(0).status, "gemeldet");
    EXPECT_EQ(edit::observationPhotos(*project, graffiti.observationUuid).size(), 1u);
    EXPECT_NE(core::toString(session.feature(LayerId::Observations, graffiti.observationUuid)->values.at("attrs"))
                  .find(graffiti.graffitiUuid),
              std::string::npos);
    // One button press is one undo step.
    EXPECT_EQ(session.nextUndo()->kind(), edit::EditKind::FieldMark);
    session.undo();
    EXPECT_EQ(project->count(LayerId::Graffiti), 0);
    EXPECT_EQ(project->count(LayerId::Observations), 1);
    EXPECT_EQ(test::sqlInt(project->db(), "SELECT count(*) FROM observation_photos"), 0);
    // A bad photo saves nothing.
    EXPECT_THROW(
        edit::markField(session, edit::FieldMarkKind::Graffiti, kX, kY, "", std::vector<std::uint8_t>{1, 2, 3}),
        core::InputError);
    EXPECT_EQ(project->count(LayerId::Graffiti), 0);
    EXPECT_EQ(project->count(LayerId::Observations), 1);
}

TEST_F(FieldWorkTest, MeasuresAndVisitCalendar) {
    const std::string measure =
        session
            .apply(edit::addFeature(LayerId::Measures,
                                    geo::polygonWkb({{{kX, kY}, {kX + 40, kY}, {kX + 40, kY + 30}, {kX, kY + 30}}}),
                                    {{"name", std::string("Marktplatz neu")},
                                     {"type", std::string("Platzgestaltung")},
                                     {"status", std::string("geplant")},
                                     {"budget_eur", 85000.0},
                                     {"start_date", std::string("2025-04-01")},
                                     {"owner", std::string("Stadtplanungsamt")}}))
            .featureUuid();
    session.apply(edit::updateAttributes(
        LayerId::Measures, measure, {{"status", std::string("umgesetzt")}, {"end_date", std::string("2025-09-30")}}));
    EXPECT_EQ(core::toString(session.feature(LayerId::Measures, measure)->values.at("status")), "umgesetzt");
    EXPECT_THROW(session.apply(edit::updateAttributes(LayerId::Measures, measure, {{"status", std::string("fertig")}})),
                 edit::ValidationError);

    const std::string north =
        session
            .apply(edit::addFeature(LayerId::Routes, geo::lineStringWkb({{kX, kY}, {kX + 500, kY}}),
                                    {{"name", std::string("Nord")}}))
            .featureUuid();
    const std::string south =
        session
            .apply(edit::addFeature(LayerId::Routes, geo::lineStringWkb({{kX, kY}, {kX, kY - 500}}),
                                    {{"name", std::string("Süd")}}))
            .featureUuid();
    auto visit = [&](const std::string& route, const char* start, const char* end, int contacts) {
        session.apply(edit::addFeature(LayerId::Visits, {},
                                       {{"route_uuid", route},
                                        {"time", std::string(start)},
                                        {"end_time", std::string(end)},
                                        {"staff", std::int64_t{2}},
                                        {"contacts", std::int64_t{contacts}}}));
    };
    visit(north, "2025-03-03 17:00", "2025-03-03 19:00", 5);
    visit(north, "2025-03-03 20:00", "2025-03-03 21:30", 3);
    visit(south, "2025-03-04 17:00", "2025-03-04 18:00", 4);
    visit(north, "2025-04-01 17:00", "2025-04-01 18:00", 9);
    // 23:30 UTC on 31 March is 1 April in Berlin: counted on the local date.
    visit(south, "2025-03-31T23:30:00Z", "2025-04-01T00:30:00Z", 1);
    const auto march = edit::visitCalendar(*project, 2025, 3);
    ASSERT_EQ(march.size(), 2u);
    EXPECT_EQ(march[0].routeName, "Nord");
    EXPECT_EQ(march[0].day, 3);
    EXPECT_EQ(march[0].visits, 2);
    EXPECT_EQ(march[0].contacts, 8);
    EXPECT_DOUBLE_EQ(march[0].staffHours, 7.0);
    EXPECT_EQ(march[1].routeName, "Süd");
    EXPECT_EQ(march[1].day, 4);
    const auto april = edit::visitCalendar(*project, 2025, 4);
    ASSERT_EQ(april.size(), 2u);
    EXPECT_EQ(april[1].routeName, "Süd");
    EXPECT_EQ(april[1].day, 1);
    EXPECT_THROW(edit::visitCalendar(*project, 2025, 13), core::UsageError);
}

TEST_F(FieldWorkTest, ADamagedHistoryDateIsNamedNotAnInternalError) {
    const std::string site = addSite();
    project->db().exec("UPDATE graffiti_status SET date = '20x5-02-03'");
    try {
        edit::graffitiHistory(*project, site);
        ADD_FAILURE() << "the damaged date was read";
    } catch (const core::InputError& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find((dir / "p.sqlite").string()), std::string::npos) << message;
        EXPECT_NE(message.find("'20x5-02-03'"), std::string::npos) << message;
    }
    for (const std::string date : {"20x5-02-03", "2025-2-3", "", "2025-13-01"}) {
        EXPECT_THROW(edit::deriveGraffiti({{"gemeldet", date, std::nullopt, ""}}), core::InputError) << date;
    }
}
