#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace lb::geo {

// Offline geocoding of German addresses against the project's own address points (issue 12): a police export
// names its places as "Markt 5" or "Hauptstr. 12 a", not as coordinates. Matching is by canonical keys, so
// the usual ways of writing the same street meet: case, ß/ss, umlauts and their transliteration (ä/ae),
// "Straße"/"Str."/"strasse", spaces and hyphens between the words. A match says how sure it is; a street
// that exists in two places is reported as ambiguous, never guessed.

// A house number as written: "12", "12a", "12 a", "12-14", "12/1" (the part after '/' kept as suffix).
struct HouseNumber {
    int number = 0;
    std::string suffix;  // lower case, no spaces: "a", "/1"
    int rangeEnd = 0;    // "12-14": 14; 0 when not a range
    bool operator==(const HouseNumber&) const = default;
};

// Reads a house number; nothing for text without a leading number ("", "o. Nr.", "bei 5" is nothing).
std::optional<HouseNumber> parseHouseNumber(std::string_view text);

// The canonical key of a street name: lower case, ß → ss, ä/ö/ü → ae/oe/ue (and é… → e), every abbreviation
// of "Straße" and "Platz" written out, everything but letters and digits dropped. "Lange Straße",
// "lange-str.", "Langestrasse" all give "langestrasse".
std::string streetKey(std::string_view street);

// One address text split into street and house number: "Markt 5" → ("Markt", "5"); "Straße des 17. Juni 5"
// → ("Straße des 17. Juni", "5"); "Hauptstr.12-14" → ("Hauptstr.", "12-14"); "Am Markt" → ("Am Markt", "").
// A tail after a comma ("Markt 5, 08371 Glauchau") gives the postcode and the city.
struct AddressText {
    std::string street;
    std::string number;
    std::string postcode;
    std::string city;
};
AddressText splitAddress(std::string_view text);

// An address point (the project's `addresses` layer): street, house number, postcode, city, the district it
// lies in where known, and its location in the project CRS.
struct AddressPoint {
    std::string street;
    std::string housenumber;
    std::string postcode;
    std::string city;
    std::string district;
    double x = 0;
    double y = 0;
};

enum class MatchQuality {
    Exact,       // street and house number as written (up to spelling conventions)
    Fuzzy,       // a close street name (one typo), or the house number without its suffix or range
    StreetOnly,  // the street, but no (known) house number: the street's middle, less precise
    Ambiguous,   // the street exists in more than one place and nothing in the row says which
    None,        // no such street
};

// "exact", "fuzzy", "street_only", "ambiguous", "none" (the match report's column).
std::string_view matchQualityName(MatchQuality quality);

struct AddressMatch {
    MatchQuality quality = MatchQuality::None;
    double x = 0;
    double y = 0;
    std::size_t address = 0;  // index of the address point used (Exact, Fuzzy, StreetOnly)
    std::string reason;       // German, for the match report ("Hausnummer 12a nicht gefunden, 12 verwendet")
    bool located() const {
        return quality == MatchQuality::Exact || quality == MatchQuality::Fuzzy || quality == MatchQuality::StreetOnly;
    }
};

// The address points indexed for matching. Building groups every street by postcode and city and splits a
// group into places when its points lie more than kPlaceGap apart (the same street name in two villages of
// one municipality). Matching is read-only and thread-safe except for the cache of close street names,
// which each thread keeps in its own MatchCache.
class AddressIndex {
public:
    static constexpr double kPlaceGap = 800;  // metres between two places of one street name

    explicit AddressIndex(std::vector<AddressPoint> points);

    std::size_t size() const { return m_points.size(); }
    const AddressPoint& point(std::size_t i) const { return m_points[i]; }

    // Remembers which street key a misspelt one resolved to (a monthly export repeats its typos).
    struct MatchCache {
        std::unordered_map<std::string, std::vector<std::string>> close;
    };

    // Street and number from separate columns (postcode and city, when the row has them, pick the place).
    AddressMatch match(std::string_view street, std::string_view number, std::string_view postcode,
                       std::string_view city, MatchCache& cache) const;
    // One column ("Markt 5", "Hauptstr. 12a, 08371 Glauchau").
    AddressMatch match(std::string_view address, MatchCache& cache) const;

private:
    struct Place {
        std::string label;  // "Hauptstraße (Altstadt)" for ambiguity reports
        std::string postcode;
        std::string city;
        std::vector<std::uint32_t> points;  // sorted by house number
        std::uint32_t middle = 0;           // the point nearest the place's centre
    };
    struct Street {
        std::string name;  // as first seen
        std::vector<Place> places;
    };

    AddressMatch matchInPlace(const Street& street, const Place& place, const std::optional<HouseNumber>& number,
                              std::string_view numberText, bool fuzzyStreet) const;
    // The keys within one edit (two for long names) of `key`; cached.
    const std::vector<std::string>& closeKeys(const std::string& key, MatchCache& cache) const;

    std::vector<AddressPoint> m_points;
    std::vector<HouseNumber> m_numbers;  // parsed, per point (number 0 when unparsable)
    std::unordered_map<std::string, Street> m_streets;
};

}  // namespace lb::geo
