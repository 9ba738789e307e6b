#include "engine/query_json.hpp"

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "engine/query_parse.hpp"

namespace lb::engine {
namespace {

using nlohmann::json;

constexpr std::pair<GroupKind, const char*> kGroupNames[] = {{GroupKind::None, "none"},
                                                             {GroupKind::Zones, "zones"},
                                                             {GroupKind::Hour, "hour"},
                                                             {GroupKind::Weekday, "weekday"},
                                                             {GroupKind::Month, "month"},
                                                             {GroupKind::Category, "category"},
                                                             {GroupKind::Grid, "grid"},
                                                             {GroupKind::HourWeekday, "hour-weekday"},
                                                             {GroupKind::MonthCategory, "month-category"}};

json filterJson(const AttributeFilter& f) {
    return {{"attribute", f.attribute}, {"values", f.values}};
}

json layerRefJson(const LayerRef& ref) {
    json out{{"layer", ref.layer}};
    if (ref.filter) out["filter"] = filterJson(*ref.filter);
    return out;
}

template <typename T>
T get(const json& in, const char* key) {
    try {
        return in.at(key).get<T>();
    } catch (const json::exception&) {
        throw core::InputError(std::string("query JSON: key \"") + key + "\" is missing or has the wrong type");
    }
}

AttributeFilter filterFrom(const json& in) {
    return {get<std::string>(in, "attribute"), get<std::vector<std::string>>(in, "values")};
}

LayerRef layerRefFrom(const json& in) {
    LayerRef ref{get<std::string>(in, "layer"), std::nullopt};
    if (in.contains("filter")) ref.filter = filterFrom(in.at("filter"));
    return ref;
}

core::Timestamp timeFrom(const json& in, const char* key) {
    const auto text = get<std::string>(in, key);
    const auto t = core::parseTime(text);
    if (!t) throw core::InputError(std::string("query JSON: \"") + key + "\" is not a time: " + text);
    return *t;
}

}  // namespace

void to_json(json& out, const Query& q) {
    out = json::object();
    out["layer"] = q.layer;
    if (!q.where.empty()) {
        out["where"] = json::array();
        for (const auto& f : q.where) out["where"].push_back(filterJson(f));
    }
    if (q.from) out["from"] = core::formatBerlin(*q.from);
    if (q.to) out["to"] = core::formatBerlin(*q.to);
    if (q.hours) out["hours"] = {{"from", q.hours->from}, {"to", q.hours->to}};
    if (q.weekdays != 0) {
        out["weekdays"] = json::array();
        for (int d = 0; d < 7; ++d) {
            if (q.weekdays & (1u << d)) out["weekdays"].push_back(weekdayKey(d));
        }
    }
    if (q.inside) out["inside"] = layerRefJson(*q.inside);
    if (q.within) out["within"] = {{"metres", q.within->metres}, {"of", layerRefJson(q.within->of)}};
    if (q.bbox) out["bbox"] = {q.bbox->minX, q.bbox->minY, q.bbox->maxX, q.bbox->maxY};
    if (q.countBy.kind != GroupKind::None) {
        json group;
        for (const auto& [kind, name] : kGroupNames) {
            if (kind == q.countBy.kind) group["kind"] = name;
        }
        if (q.countBy.kind == GroupKind::Zones) group["layer"] = q.countBy.zoneLayer;
        if (q.countBy.kind == GroupKind::Grid) group["cell"] = q.countBy.cellSize;
        out["count_by"] = group;
    }
}

void from_json(const json& in, Query& q) {
    if (!in.is_object()) throw core::InputError("query JSON: expected an object");
    q = Query{};
    q.layer = get<std::string>(in, "layer");
    if (in.contains("where")) {
        if (!in.at("where").is_array()) throw core::InputError("query JSON: \"where\" must be a list of filters");
        for (const auto& f : in.at("where")) q.where.push_back(filterFrom(f));
    }
    if (in.contains("from")) q.from = timeFrom(in, "from");
    if (in.contains("to")) q.to = timeFrom(in, "to");
    if (in.contains("hours")) {
        const auto& h = in.at("hours");
        q.hours = HourRange{get<int>(h, "from"), get<int>(h, "to")};
        if (q.hours->from < 0 || q.hours->from > 23 || q.hours->to < 0 || q.hours->to > 24) {
            throw core::InputError("query JSON: \"hours\" out of range");
        }
    }
    if (in.contains("weekdays")) {
        std::string days;
        const auto& list = in.at("weekdays");
        if (!list.is_array())
            throw core::InputError("query JSON: \"weekdays\" must be a list such as [\"mo\", \"fr\"]");
        for (const auto& d : list) {
            if (!d.is_string()) throw core::InputError("query JSON: \"weekdays\" has " + d.dump() + ", not a day name");
            days += (days.empty() ? "" : ",") + d.get<std::string>();
        }
        q.weekdays = parseWeekdays(days);
    }
    if (in.contains("inside")) q.inside = layerRefFrom(in.at("inside"));
    if (in.contains("within")) {
        const auto& w = in.at("within");
        q.within = WithinDistance{get<double>(w, "metres"), layerRefFrom(get<json>(w, "of"))};
    }
    if (in.contains("bbox")) {
        const auto b = get<std::vector<double>>(in, "bbox");
        if (b.size() != 4) throw core::InputError("query JSON: \"bbox\" needs 4 numbers");
        core::BBox box;
        box.add(b[0], b[1]);
        box.add(b[2], b[3]);
        q.bbox = box;
    }
    if (in.contains("count_by")) {
        const auto& g = in.at("count_by");
        const auto kind = get<std::string>(g, "kind");
        bool known = false;
        for (const auto& [k, name] : kGroupNames) {
            if (kind == name) {
                q.countBy.kind = k;
                known = true;
            }
        }
        if (!known) throw core::InputError("query JSON: unknown count_by kind \"" + kind + "\"");
        if (q.countBy.kind == GroupKind::Zones) q.countBy.zoneLayer = get<std::string>(g, "layer");
        if (q.countBy.kind == GroupKind::Grid) q.countBy.cellSize = get<double>(g, "cell");
    }
}

json toJson(const Query& query) {
    json out;
    to_json(out, query);
    return out;
}

Query queryFromJson(const json& in) {
    Query q;
    from_json(in, q);
    return q;
}

}  // namespace lb::engine
