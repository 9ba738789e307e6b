#include "engine/where_check.hpp"

#include <algorithm>

#include "core/field_of_action.hpp"
#include "engine/dataset.hpp"
#include "engine/feature_table.hpp"

namespace lb::engine {
namespace {

// Levenshtein distance over bytes of case-folded text.
std::size_t distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = up;
        }
    }
    return row[b.size()];
}

// "graffiti (Graffiti/Sachbeschädigung)" for a field-of-action id, else the value itself.
std::string described(const std::string& attribute, const std::string& value) {
    if (attribute == "category") {
        for (const auto& info : core::kFieldsOfAction) {
            if (info.id == value) return value + " (" + std::string(info.labelDe) + ")";
        }
    }
    return value;
}

}  // namespace

std::vector<std::string> checkWhereValues(Dataset& dataset, Query& query) {
    std::vector<std::string> notes;
    for (auto& filter : query.where) {
        std::shared_ptr<const FeatureTable> table;
        try {
            table = dataset.table(query.layer, {filter.attribute});
        } catch (const std::exception&) {
            return notes;  // unknown layer or column: runQuery says so
        }
        if (!table->hasAttribute(filter.attribute)) continue;
        const AttributeColumn& column = table->attribute(filter.attribute);
        for (auto& value : filter.values) {
            if (column.find(value)) continue;
            const std::string where = "--where " + filter.attribute + "=" + value;
            if (filter.attribute == "category") {
                if (const auto field = core::parseFieldOfAction(value)) {
                    const std::string id(core::fieldOfActionInfo(*field).id);
                    if (column.find(id)) {
                        notes.push_back("note: " + where + ": read as the field of action " +
                                        described("category", id));
                        value = id;
                        continue;
                    }
                }
            }
            // The closest values the column has (case-folded edit distance), at most three.
            const std::string folded = core::foldGerman(value);
            std::vector<std::pair<std::size_t, std::string>> ranked;
            for (const auto& candidate : column.dictionary) {
                if (!candidate.empty()) ranked.emplace_back(distance(folded, core::foldGerman(candidate)), candidate);
            }
            std::sort(ranked.begin(), ranked.end());
            std::string message = "warning: " + where + ": no " + filter.attribute + " '" + value + "' in layer " +
                                  query.layer + " (it matches nothing)";
            if (!ranked.empty()) {
                message += " — did you mean ";
                for (std::size_t i = 0; i < std::min<std::size_t>(3, ranked.size()); ++i) {
                    if (i > 0) message += i + 1 == std::min<std::size_t>(3, ranked.size()) ? " or " : ", ";
                    message += described(filter.attribute, ranked[i].second);
                }
                message += "?";
            }
            notes.push_back(message);
        }
    }
    return notes;
}

}  // namespace lb::engine
