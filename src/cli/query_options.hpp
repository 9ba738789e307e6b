#pragma once

#include <string>
#include <vector>

#include "engine/query.hpp"

namespace CLI {
class App;
}

namespace lb::cli {

// The filter flags shared by `query` and `hotspots` (CLI.md): --layer, --where, --from/--to, --hours,
// --weekdays, --inside, --within/--of, --bbox. build() turns them into an engine::Query (the same struct
// the GUI and saved views build) and throws core::UsageError naming a bad flag.
class QueryOptions {
public:
    explicit QueryOptions(std::string defaultLayer = "incidents") : m_layer(std::move(defaultLayer)) {}
    void add(CLI::App& app);
    engine::Query build() const;

private:
    std::string m_layer;
    std::vector<std::string> m_where;
    std::string m_from, m_to, m_hours, m_weekdays, m_inside, m_of, m_bbox;
    double m_within = -1;
};

}  // namespace lb::cli
