// Section index: [keys] [numbers] [split] [index] [match]
#include "geo/address_match.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <numeric>
#include <tuple>

namespace lb::geo {

namespace {

// [keys]

// The ASCII letters of a Latin-1 supplement letter (U+00C0…U+00FF), lower case; nullptr for others.
const char* latinBase(unsigned code) {
    static const char* const kTable[64] = {
        "a", "a", "a", "a", "ae", "a", "ae", "c",     "e",  "e", "e", "e", "i",  "i", "i",  "i",   // À…Ï
        "d", "n", "o", "o", "o",  "o", "oe", nullptr, "oe", "u", "u", "u", "ue", "y", "th", "ss",  // Ð…ß
        "a", "a", "a", "a", "ae", "a", "ae", "c",     "e",  "e", "e", "e", "i",  "i", "i",  "i",   // à…ï
        "d", "n", "o", "o", "o",  "o", "oe", nullptr, "oe", "u", "u", "u", "ue", "y", "th", "y"};  // ð…ÿ
    if (code < 0xC0 || code > 0xFF) return nullptr;
    return kTable[code - 0xC0];
}

// Lower-case ASCII letters and digits of the text with German letters transliterated; every other
// character becomes one space (word break).
std::string foldText(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 4);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (c >= 'A' && c <= 'Z') {
                out.push_back(static_cast<char>(c - 'A' + 'a'));
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.push_back(static_cast<char>(c));
            } else {
                out.push_back(' ');
            }
            continue;
        }
        // A two-byte UTF-8 sequence of the Latin-1 supplement (C3 xx); other characters are word breaks.
        if ((c == 0xC3 || c == 0xC2) && i + 1 < text.size()) {
            const unsigned code = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu);
            ++i;
            if (const char* base = latinBase(code)) {
                out += base;
                continue;
            }
            out.push_back(' ');
            continue;
        }
        // Skip the continuation bytes of a longer character.
        while (i + 1 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80) ++i;
        out.push_back(' ');
    }
    return out;
}

bool endsWith(const std::string& s, std::string_view tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// Optimal string alignment distance of a and b, or limit + 1 once it exceeds limit.
int editDistance(const std::string& a, const std::string& b, int limit) {
    const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
    if (std::abs(n - m) > limit) return limit + 1;
    std::vector<int> prev2(m + 1), prev(m + 1), row(m + 1);
    std::iota(prev.begin(), prev.end(), 0);
    for (int i = 1; i <= n; ++i) {
        row[0] = i;
        int best = row[0];
        for (int j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int v = std::min({prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = std::min(v, prev2[j - 2] + 1);
            row[j] = v;
            best = std::min(best, v);
        }
        if (best > limit) return limit + 1;
        std::swap(prev2, prev);
        std::swap(prev, row);
    }
    return prev[m];
}

// The city as a key (case, umlauts, spaces and hyphens as streetKey folds them).
std::string placeKey(std::string_view city) {
    std::string out;
    for (char c : foldText(city)) {
        if (c != ' ') out.push_back(c);
    }
    return out;
}

// [numbers]

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Whether a word of an address text belongs to its house number: "12", "12a", "a", "-", "/", "-14", "12-14",
// "12/1".
bool numberWord(std::string_view w) {
    if (w.empty()) return false;
    if (w == "-" || w == "/") return true;
    if (w.size() == 1 && isLetter(w[0])) return true;
    std::size_t i = 0;
    if (w[0] == '-' || w[0] == '/') i = 1;
    const std::size_t digitsFrom = i;
    while (i < w.size() && isDigit(w[i])) ++i;
    if (i == digitsFrom) return false;
    if (i < w.size() && isLetter(w[i])) ++i;
    if (i == w.size()) return true;
    if (w[i] != '-' && w[i] != '/') return false;
    ++i;
    const std::size_t second = i;
    while (i < w.size() && isDigit(w[i])) ++i;
    if (i == second) return false;
    if (i < w.size() && isLetter(w[i])) ++i;
    return i == w.size();
}

std::string trim(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(first, last - first + 1));
}

}  // namespace

std::string streetKey(std::string_view street) {
    const std::string folded = foldText(street);
    std::string key;
    key.reserve(folded.size() + 8);
    std::size_t i = 0;
    while (i < folded.size()) {
        if (folded[i] == ' ') {
            ++i;
            continue;
        }
        std::size_t end = folded.find(' ', i);
        if (end == std::string::npos) end = folded.size();
        std::string word = folded.substr(i, end - i);
        i = end;
        // Abbreviations of the generic parts, written out: Str./str/Strasse → strasse, Pl. → platz.
        if (word == "str" || word == "strase" || word == "strasze") {
            word = "strasse";
        } else if (endsWith(word, "str") && word.size() > 3) {
            word += "asse";
        } else if (word == "pl") {
            word = "platz";
        } else if (endsWith(word, "pl") && word.size() > 4) {
            word += "atz";
        }
        key += word;
    }
    return key;
}

std::optional<HouseNumber> parseHouseNumber(std::string_view text) {
    std::size_t i = 0;
    const auto skipSpaces = [&] {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    };
    skipSpaces();
    if (i >= text.size() || !isDigit(text[i])) return std::nullopt;
    HouseNumber out;
    long value = 0;
    while (i < text.size() && isDigit(text[i])) {
        value = value * 10 + (text[i] - '0');
        if (value > 1'000'000) return std::nullopt;
        ++i;
    }
    out.number = static_cast<int>(value);
    skipSpaces();
    if (i < text.size() && isLetter(text[i]) && (i + 1 == text.size() || !isLetter(text[i + 1]))) {
        out.suffix.push_back(static_cast<char>(text[i] | 0x20));
        ++i;
        skipSpaces();
    }
    if (i < text.size() && text[i] == '-') {
        ++i;
        skipSpaces();
        long end = 0;
        std::size_t digits = 0;
        while (i < text.size() && isDigit(text[i]) && end < 1'000'000) {
            end = end * 10 + (text[i] - '0');
            ++i;
            ++digits;
        }
        if (digits > 0 && end > out.number) out.rangeEnd = static_cast<int>(end);
    } else if (i < text.size() && text[i] == '/') {
        ++i;
        skipSpaces();
        std::string part = "/";
        while (i < text.size() && isDigit(text[i])) part.push_back(text[i++]);
        if (part.size() > 1) out.suffix += part;
    }
    return out;
}

// [split]

AddressText splitAddress(std::string_view text) {
    AddressText out;
    std::string_view head = text;
    if (const auto comma = text.find(','); comma != std::string_view::npos) {
        head = text.substr(0, comma);
        const std::string tail = trim(text.substr(comma + 1));
        // "08371 Glauchau": a five-digit postcode, then the city.
        std::size_t p = 0;
        while (p < tail.size() && !isDigit(tail[p])) ++p;
        std::size_t q = p;
        while (q < tail.size() && isDigit(tail[q])) ++q;
        if (q - p == 5) {
            out.postcode = tail.substr(p, 5);
            out.city = trim(std::string_view(tail).substr(q));
        } else {
            out.city = tail;
        }
    }
    // A letter or dot glued to the number ("Hauptstr.12") is a word break.
    std::string spaced;
    spaced.reserve(head.size() + 4);
    for (std::size_t i = 0; i < head.size(); ++i) {
        if (i > 0 && isDigit(head[i]) && (isLetter(head[i - 1]) || head[i - 1] == '.')) spaced.push_back(' ');
        spaced.push_back(head[i]);
    }
    std::vector<std::string_view> words;
    const std::string_view s(spaced);
    for (std::size_t i = 0; i < s.size();) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
        std::size_t end = i;
        while (end < s.size() && s[end] != ' ' && s[end] != '\t') ++end;
        if (end > i) words.push_back(s.substr(i, end - i));
        i = end;
    }
    std::size_t first = words.size();
    while (first > 0 && numberWord(words[first - 1])) --first;
    // The number starts at its first word that starts with a digit; "a 5" keeps "a" in the street.
    while (first < words.size() && !isDigit(words[first][0])) ++first;
    // A street is never only a number ("12" alone is a number without street).
    for (std::size_t w = 0; w < words.size(); ++w) {
        std::string& part = w < first ? out.street : out.number;
        if (!part.empty()) part.push_back(' ');
        part += words[w];
    }
    return out;
}

std::string_view matchQualityName(MatchQuality quality) {
    switch (quality) {
        case MatchQuality::Exact:
            return "exact";
        case MatchQuality::Fuzzy:
            return "fuzzy";
        case MatchQuality::StreetOnly:
            return "street_only";
        case MatchQuality::Ambiguous:
            return "ambiguous";
        case MatchQuality::None:
            break;
    }
    return "none";
}

// [index]

AddressIndex::AddressIndex(std::vector<AddressPoint> points) : m_points(std::move(points)) {
    m_numbers.reserve(m_points.size());
    for (const auto& p : m_points) m_numbers.push_back(parseHouseNumber(p.housenumber).value_or(HouseNumber{}));
    // Street key → (postcode, city) → points.
    std::unordered_map<std::string, std::vector<std::uint32_t>> byKey;
    for (std::uint32_t i = 0; i < m_points.size(); ++i) {
        const std::string key = streetKey(m_points[i].street);
        if (key.empty()) continue;
        byKey[key].push_back(i);
    }
    for (auto& [key, members] : byKey) {
        Street street;
        street.name = m_points[members.front()].street;
        std::stable_sort(members.begin(), members.end(), [&](std::uint32_t a, std::uint32_t b) {
            const auto& pa = m_points[a];
            const auto& pb = m_points[b];
            return std::tie(pa.postcode, pa.city) < std::tie(pb.postcode, pb.city);
        });
        for (std::size_t from = 0; from < members.size();) {
            std::size_t to = from;
            while (to < members.size() && m_points[members[to]].postcode == m_points[members[from]].postcode &&
                   placeKey(m_points[members[to]].city) == placeKey(m_points[members[from]].city)) {
                ++to;
            }
            // Single-linkage clusters of the group's points: a gap of more than kPlaceGap makes two places.
            const std::size_t n = to - from;
            std::vector<std::uint32_t> parent(n);
            std::iota(parent.begin(), parent.end(), 0u);
            const auto find = [&](std::uint32_t a) {
                while (parent[a] != a) a = parent[a] = parent[parent[a]];
                return a;
            };
            for (std::size_t a = 0; a < n; ++a) {
                const auto& pa = m_points[members[from + a]];
                for (std::size_t b = a + 1; b < n; ++b) {
                    const auto& pb = m_points[members[from + b]];
                    if (std::hypot(pa.x - pb.x, pa.y - pb.y) <= kPlaceGap) {
                        parent[find(static_cast<std::uint32_t>(a))] = find(static_cast<std::uint32_t>(b));
                    }
                }
            }
            std::unordered_map<std::uint32_t, std::size_t> placeOf;
            const std::size_t firstPlace = street.places.size();
            for (std::size_t a = 0; a < n; ++a) {
                const std::uint32_t root = find(static_cast<std::uint32_t>(a));
                auto [it, fresh] = placeOf.emplace(root, street.places.size());
                if (fresh) {
                    Place place;
                    place.postcode = m_points[members[from]].postcode;
                    place.city = m_points[members[from]].city;
                    street.places.push_back(std::move(place));
                }
                street.places[it->second].points.push_back(members[from + a]);
            }
            for (std::size_t p = firstPlace; p < street.places.size(); ++p) {
                Place& place = street.places[p];
                std::sort(place.points.begin(), place.points.end(), [&](std::uint32_t a, std::uint32_t b) {
                    return std::tie(m_numbers[a].number, m_numbers[a].suffix, a) <
                           std::tie(m_numbers[b].number, m_numbers[b].suffix, b);
                });
                double cx = 0, cy = 0;
                for (auto i : place.points) {
                    cx += m_points[i].x;
                    cy += m_points[i].y;
                }
                cx /= static_cast<double>(place.points.size());
                cy /= static_cast<double>(place.points.size());
                double best = std::numeric_limits<double>::infinity();
                for (auto i : place.points) {
                    const double d = std::hypot(m_points[i].x - cx, m_points[i].y - cy);
                    if (d < best) {
                        best = d;
                        place.middle = i;
                    }
                }
                // The label of the place for reports: its district, else postcode and city.
                const AddressPoint& mid = m_points[place.middle];
                place.label = !mid.district.empty() ? mid.district : trim(mid.postcode + " " + mid.city);
                if (place.label.empty()) {
                    place.label =
                        "bei " + std::to_string(std::lround(mid.x)) + " / " + std::to_string(std::lround(mid.y));
                }
            }
            from = to;
        }
        m_streets.emplace(key, std::move(street));
    }
}

const std::vector<std::string>& AddressIndex::closeKeys(const std::string& key, MatchCache& cache) const {
    if (const auto it = cache.close.find(key); it != cache.close.end()) return it->second;
    std::vector<std::string> found;
    // One typo in a name of 5 letters or more, two in one of 12 or more; shorter names are never guessed.
    const int limit = key.size() >= 12 ? 2 : key.size() >= 5 ? 1 : 0;
    if (limit > 0) {
        int best = limit + 1;
        for (const auto& [candidate, street] : m_streets) {
            const int d = editDistance(key, candidate, std::min(limit, best));
            if (d > limit || d > best) continue;
            if (d < best) {
                best = d;
                found.clear();
            }
            found.push_back(candidate);
        }
        std::sort(found.begin(), found.end());
    }
    return cache.close.emplace(key, std::move(found)).first->second;
}

// [match]

AddressMatch AddressIndex::match(std::string_view address, MatchCache& cache) const {
    const AddressText parts = splitAddress(address);
    return match(parts.street, parts.number, parts.postcode, parts.city, cache);
}

AddressMatch AddressIndex::match(std::string_view streetText, std::string_view numberText, std::string_view postcode,
                                 std::string_view city, MatchCache& cache) const {
    AddressMatch out;
    const std::string key = streetKey(streetText);
    if (key.empty()) {
        out.reason = "keine Straße angegeben";
        return out;
    }
    bool fuzzyStreet = false;
    auto it = m_streets.find(key);
    if (it == m_streets.end()) {
        const auto& close = closeKeys(key, cache);
        if (close.empty()) {
            out.reason = "Straße \"" + trim(streetText) + "\" nicht gefunden";
            return out;
        }
        if (close.size() > 1) {
            out.quality = MatchQuality::Ambiguous;
            out.reason = "mehrere ähnliche Straßen:";
            for (std::size_t i = 0; i < close.size() && i < 4; ++i) {
                out.reason += (i ? ", " : " ") + m_streets.at(close[i]).name;
            }
            return out;
        }
        it = m_streets.find(close.front());
        fuzzyStreet = true;
    }
    const Street& street = it->second;
    // The places the row's postcode and city allow (all when the row names none or none fits).
    std::vector<const Place*> places;
    const std::string cityKey = placeKey(city);
    const std::string code = trim(postcode);
    for (const auto& place : street.places) {
        if (!code.empty() && place.postcode != code) continue;
        if (!cityKey.empty() && placeKey(place.city) != cityKey) continue;
        places.push_back(&place);
    }
    std::string placeNote;
    if (places.empty()) {
        for (const auto& place : street.places) places.push_back(&place);
        if (!code.empty() || !cityKey.empty()) placeNote = "PLZ/Ort passt nicht zur Straße";
    }
    if (places.size() > 1) {
        out.quality = MatchQuality::Ambiguous;
        out.reason = street.name + " gibt es " + std::to_string(places.size()) + "-mal:";
        for (std::size_t i = 0; i < places.size() && i < 4; ++i) {
            out.reason += (i ? ", " : " ") + (places[i]->label.empty() ? "?" : places[i]->label);
        }
        return out;
    }
    const auto number = parseHouseNumber(numberText);
    out = matchInPlace(street, *places.front(), number, numberText, fuzzyStreet);
    if (!placeNote.empty()) {
        if (out.quality == MatchQuality::Exact) out.quality = MatchQuality::Fuzzy;
        out.reason = out.reason.empty() ? placeNote : out.reason + "; " + placeNote;
    }
    return out;
}

AddressMatch AddressIndex::matchInPlace(const Street& street, const Place& place,
                                        const std::optional<HouseNumber>& number, std::string_view numberText,
                                        bool fuzzyStreet) const {
    AddressMatch out;
    const auto at = [&](std::uint32_t i, MatchQuality quality, std::string reason) {
        out.quality = quality;
        out.address = i;
        out.x = m_points[i].x;
        out.y = m_points[i].y;
        out.reason = std::move(reason);
        if (fuzzyStreet) {
            if (out.quality == MatchQuality::Exact) out.quality = MatchQuality::Fuzzy;
            const std::string note = "Straßenname ähnlich: " + street.name;
            out.reason = out.reason.empty() ? note : note + "; " + out.reason;
        }
        return out;
    };
    if (!number) {
        const std::string written = trim(numberText);
        return at(place.middle, MatchQuality::StreetOnly,
                  written.empty() ? "ohne Hausnummer: Straßenmitte"
                                  : "Hausnummer \"" + written + "\" nicht lesbar: Straßenmitte");
    }
    const auto lower = std::lower_bound(place.points.begin(), place.points.end(), number->number,
                                        [&](std::uint32_t i, int n) { return m_numbers[i].number < n; });
    auto upper = lower;
    while (upper != place.points.end() && m_numbers[*upper].number == number->number) ++upper;
    if (lower == upper) {
        return at(place.middle, MatchQuality::StreetOnly,
                  "Hausnummer " + trim(numberText) + " nicht gefunden: Straßenmitte");
    }
    for (auto i = lower; i != upper; ++i) {
        if (m_numbers[*i] == *number) return at(*i, MatchQuality::Exact, {});
    }
    // The same number with another suffix or range: prefer the plain number.
    auto chosen = lower;
    for (auto i = lower; i != upper; ++i) {
        if (m_numbers[*i].suffix.empty()) {
            chosen = i;
            break;
        }
    }
    return at(*chosen, MatchQuality::Fuzzy,
              "Hausnummer " + trim(numberText) + " nicht gefunden, " + m_points[*chosen].housenumber + " verwendet");
}

}  // namespace lb::geo
