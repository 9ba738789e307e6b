#include "ui/error_text.hpp"

#include <array>
#include <regex>
#include <vector>

namespace lb::ui {
namespace {

struct Rule {
    const char* pattern;  // ECMAScript regex over one line
    const char* german;   // std::regex_replace format ($1, $2, ...)
};

// The messages of the thematic and OSM imports and of file output that reach the GUI (project/,
// io/): phrase by phrase, so that "FILE: line 5: cannot read the time …" becomes
// "FILE: Zeile 5: Zeitangabe … nicht lesbar". These are rewrite rules over English messages (regex and
// $1 replacements), not texts with ids, so they stay here rather than in assets/i18n/.
const std::array kGermanRules{
    Rule{R"(: line (\d+): )", ": Zeile $1: "},
    Rule{R"(layer (\S+) holds personal data: public outputs show it only as aggregates, never as rows)",
         "die Ebene $1 enthält personenbezogene Daten: öffentlich nur als Zusammenfassung, nie als Zeilen"},
    Rule{R"(cannot write (.*): use a \.csv or \.gpkg file)", "$1 kann nicht geschrieben werden: bitte .csv oder .gpkg"},
    Rule{R"(deleted in the project, changed in the package)", "im Projekt gelöscht, im Feldpaket geändert"},
    Rule{R"(changed in both since the export)", "seit dem Export in beiden geändert"},
    Rule{R"(deleted in the package, changed in the project)", "im Feldpaket gelöscht, im Projekt geändert"},
    Rule{R"(: feature (\d+): )", ": Objekt $1: "},
    Rule{R"(cannot read the time '([^']*)' in column (\S+) \(expected e\.g\. (.*) or ([^)]*)\))",
         "Zeitangabe „$1“ in Spalte $2 nicht lesbar (erwartet z. B. $3 oder $4)"},
    Rule{R"(cannot read the date '([^']*)' in column (\S+))", "Datum „$1“ in Spalte $2 nicht lesbar"},
    Rule{R"(cannot read the date (\S+) in the status history)", "Datum $1 im Statusverlauf nicht lesbar"},
    Rule{R"('([^']*)' in column (\S+) is not a whole number ≥ 0)", "„$1“ in Spalte $2 ist keine ganze Zahl ≥ 0"},
    Rule{R"('([^']*)' in column (\S+) is not a number ≥ 0)", "„$1“ in Spalte $2 ist keine Zahl ≥ 0"},
    Rule{R"(unknown (graffiti|measure) status '([^']*)' in column (\S+) \(allowed: ([^)]*)\))",
         "unbekannter Status „$2“ in Spalte $3 (erlaubt: $4)"},
    Rule{R"(coordinates '([^']*)', '([^']*)' are not numbers)", "Koordinaten „$1“, „$2“ sind keine Zahlen"},
    Rule{R"(no coordinates / no geometry)", "keine Koordinaten / keine Geometrie"},
    Rule{R"(latitude (\S+) / longitude (\S+) out of range)", "Breite $1 / Länge $2 außerhalb des gültigen Bereichs"},
    Rule{R"(latitude (\S+) and longitude (\S+) look swapped \([^)]*\))", "Breite $1 und Länge $2 scheinen vertauscht"},
    Rule{R"(expected a point, got a (\S+))", "Punkt erwartet, aber $1 gefunden"},
    Rule{R"(expected a line, got a (\S+))", "Linie erwartet, aber $1 gefunden"},
    Rule{R"(expected a polygon, got a (\S+))", "Fläche erwartet, aber $1 gefunden"},
    Rule{R"(expected one line, got a MultiLineString \([^)]*\))",
         "eine einzelne Linie erwartet, aber MultiLineString gefunden (in Einzellinien aufteilen)"},
    Rule{R"(a line needs at least two points)", "eine Linie braucht mindestens zwei Punkte"},
    Rule{R"(geometry collections are not supported; use one geometry per row)",
         "Geometriesammlungen werden nicht unterstützt; eine Geometrie je Zeile"},
    Rule{R"(invalid polygon: )", "ungültige Fläche: "},
    Rule{R"(the status history is not valid JSON)", "der Statusverlauf ist kein gültiges JSON"},
    Rule{R"(the status history must be a JSON list)", "der Statusverlauf muss eine JSON-Liste sein"},
    Rule{R"(the status history is not in date order)", "der Statusverlauf ist nicht nach Datum geordnet"},
    Rule{R"(id (\S+) is already in layer (\S+) \(imported before, or twice in this file\))",
         "Kennung $1 ist schon in der Ebene $2 (früher importiert oder doppelt in der Datei)"},
    Rule{R"(the visit ends before it starts)", "der Einsatz endet, bevor er beginnt"},
    Rule{R"(: no start time$)", ": keine Startzeit"},
    Rule{R"(: no time$)", ": keine Zeitangabe"},
    Rule{R"(: no category$)", ": kein Handlungsfeld"},
    Rule{R"(: no such file$)", ": Datei nicht gefunden"},
    Rule{R"(: the file is empty$)", ": die Datei ist leer"},
    Rule{R"(: the file contains no rows$)", ": die Datei enthält keine Zeilen"},
    Rule{R"(: the file contains no layer$)", ": die Datei enthält keine Ebene"},
    Rule{R"(: cannot read the file as CSV, GeoJSON, GeoPackage, Shapefile, KML or GPX)",
         ": die Datei ist weder CSV noch GeoJSON, GeoPackage, Shapefile, KML oder GPX"},
    Rule{R"(: none of the (\d+) rows could be imported; first problem: )",
         ": keine der $1 Zeilen konnte importiert werden; erstes Problem: "},
    Rule{R"(: no coordinates found for layer (\S+))", ": keine Koordinaten für die Ebene $1 gefunden"},
    Rule{R"(: layer (\S+) needs a time column)", ": die Ebene $1 braucht eine Spalte mit der Tatzeit"},
    Rule{R"(: layer incidents needs a category column \(field of action\))",
         ": die Ebene incidents braucht eine Spalte mit dem Handlungsfeld (Delikt/Kategorie)"},
    Rule{R"(: the file's coordinate reference system has no EPSG code)",
         ": das Koordinatenbezugssystem der Datei hat keinen EPSG-Code"},
    Rule{R"(^layer (\S+) is part of the OSM base map)", "die Ebene $1 gehört zur OSM-Grundkarte"},
    Rule{R"(^cannot create (.*))", "$1 kann nicht angelegt werden"},
    Rule{R"(^cannot write (.*))", "$1 kann nicht geschrieben werden"},
    Rule{R"(^cannot close (.*))", "$1 kann nicht abgeschlossen werden"},
};

// Hints (the lines after the message) that mean something in the GUI too.
struct Hint {
    const char* pattern;
    Str text;
};

const std::array kHints{
    Hint{R"(^give it with --(time|category) COLUMN$)", Str::ErrorHintColumns},
    Hint{R"(^give --x/--y)", Str::ErrorHintColumns},
    Hint{R"(^give coordinates with)", Str::ErrorHintColumns},
    Hint{R"(^nothing was imported; check the column mapping flags$)", Str::ErrorHintColumns},
    Hint{R"(^give it with --crs)", Str::ErrorHintCrs},
    Hint{R"(^check that the folder is writable$)", Str::ErrorHintFolder},
    Hint{R"(^is the disk full\?$)", Str::ErrorHintDisk},
};

// A line written for the command line: it names a flag or a command.
bool cliOnly(const std::string& line) {
    static const std::regex flag(R"((^|[\s(`])--[a-z])");
    return std::regex_search(line, flag) || line.find("`lagebild") != std::string::npos ||
           line.find("`ogrinfo") != std::string::npos;
}

std::vector<std::string> lines(std::string_view text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = text.find('\n', start);
        out.emplace_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return out;
}

}  // namespace

std::string localiseError(std::string_view message, Language language) {
    std::string out;
    bool first = true;
    for (std::string line : lines(message)) {
        if (!first) {
            // A hint line: its GUI form, or nothing when it only makes sense on the command line.
            bool known = false;
            for (const auto& hint : kHints) {
                if (std::regex_search(line, std::regex(hint.pattern))) {
                    line = text(hint.text, language);
                    known = true;
                    break;
                }
            }
            if (!known && (cliOnly(line) || language == Language::German)) continue;
        } else if (language == Language::German) {
            for (const auto& rule : kGermanRules)
                line = std::regex_replace(line, std::regex(rule.pattern), rule.german);
        }
        if (!first) out += '\n';
        out += line;
        first = false;
    }
    return out;
}

}  // namespace lb::ui
