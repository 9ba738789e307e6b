#include <gtest/gtest.h>

#include <string>

#include "ui/error_text.hpp"

namespace lb::ui {
namespace {

TEST(ErrorText, ImportProblemsReadGermanWithoutCliHints) {
    // What project::importThematic throws (message + "\n" + hint, as Workspace joins them).
    const std::string missingCategory =
        "/daten/vorfaelle.csv: layer incidents needs a category column (field of action)\ngive it with --category "
        "COLUMN";
    const std::string german = localiseError(missingCategory, Language::German);
    EXPECT_EQ(german.find("--"), std::string::npos) << german;
    EXPECT_NE(german.find("/daten/vorfaelle.csv: die Ebene incidents braucht eine Spalte mit dem Handlungsfeld"),
              std::string::npos)
        << german;
    EXPECT_NE(german.find("Spaltennamen"), std::string::npos) << german;  // the GUI's own hint

    const std::string english = localiseError(missingCategory, Language::English);
    EXPECT_EQ(english.find("--category"), std::string::npos) << english;
    EXPECT_NE(english.find("needs a category column"), std::string::npos) << english;
}

TEST(ErrorText, RejectedRowsNameFileLineAndProblem) {
    const std::string row =
        "/d/v.csv: line 5: cannot read the time '31.02.2025' in column Tatzeit (expected e.g. "
        "14.03.2025 22:15 or 2025-03-14T22:15:00)";
    EXPECT_EQ(localiseError(row, Language::German),
              "/d/v.csv: Zeile 5: Zeitangabe „31.02.2025“ in Spalte Tatzeit nicht lesbar (erwartet z. B. "
              "14.03.2025 22:15 oder 2025-03-14T22:15:00)");
    EXPECT_EQ(localiseError("/d/r.geojson: feature 2: expected a line, got a Point", Language::German),
              "/d/r.geojson: Objekt 2: Linie erwartet, aber Point gefunden");
    EXPECT_EQ(localiseError("/d/r.csv: no such file", Language::German), "/d/r.csv: Datei nicht gefunden");
}

TEST(ErrorText, FlagHintsNeverReachTheGui) {
    for (const char* hint :
         {"give coordinates with --x/--y or --lat/--lon",
          "give --x/--y (with --crs) or --lat/--lon; the file's columns are listed by `ogrinfo -al -so`",
          "nothing was imported (--strict); fix the row and import again",
          "import OSM data with `lagebild import-osm`"}) {
        for (auto language : {Language::German, Language::English}) {
            const std::string text = localiseError(std::string("something failed\n") + hint, language);
            EXPECT_EQ(text.find("--"), std::string::npos) << text;
            EXPECT_EQ(text.find("`"), std::string::npos) << text;
        }
    }
    // Hints that help in the GUI too are kept, in the language.
    EXPECT_EQ(localiseError("cannot write /x.png\nis the disk full?", Language::German),
              "/x.png kann nicht geschrieben werden\nIst der Datenträger voll?");
    EXPECT_EQ(localiseError("cannot write /x.png\nis the disk full?", Language::English),
              "cannot write /x.png\nIs the disk full?");
}

}  // namespace
}  // namespace lb::ui
