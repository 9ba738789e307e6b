#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/bbox.hpp"
#include "core/time.hpp"
#include "engine/query.hpp"

namespace lb::engine {

// Parsers for the text forms of query parts as the command line writes them (CLI.md). Each throws
// core::UsageError naming the flag and the bad text.

// "category=gewalt,drogen"
AttributeFilter parseAttributeFilter(std::string_view text, std::string_view flag = "--where");
// "districts" or "districts:name=Altstadt" or "pois:amenity=school,kindergarten"
LayerRef parseLayerRef(std::string_view text, std::string_view flag);
// "20-4"
HourRange parseHours(std::string_view text);
// The same from values (the GUI's spinners): from 0–23, to 0–24 (24 = midnight), from != to; 0-24 is the
// whole day. Throws core::UsageError naming --hours otherwise.
HourRange hourRange(int from, int to);
// "mo,di,sa" (German) or "mo,tu,sa" (English) → bit mask, bit 0 = Monday
std::uint8_t parseWeekdays(std::string_view text);
// Boxes ("minx,miny,maxx,maxy") are read by core::parseBBox, the one rule for every command.
// A date or date-time as --from takes it: the instant it begins.
core::Timestamp parseFromTime(std::string_view text, std::string_view flag = "--from");
// A date as --to takes it: a bare date includes that whole day (the instant the next day begins); a
// date-time is taken as given, exclusive.
core::Timestamp parseToTime(std::string_view text, std::string_view flag = "--to");
// "districts", "hour", "weekday", "month", "category", "grid:250", "hour-weekday", "month-category"
GroupBy parseGroupBy(std::string_view text);

// "mo" … "so" for weekday 0 … 6.
std::string_view weekdayKey(int weekday);

}  // namespace lb::engine
