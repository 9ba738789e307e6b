#pragma once

#include <cstdint>
#include <exception>
#include <limits>
#include <optional>
#include <string>
#include <utility>

namespace lb::ui {

// What a panel reads from the project (a graffiti site's status history, the route names) kept between frames:
// loaded again only when the key (the feature) or the edit revision differs from the last load, so draw()
// never touches the disk on an ordinary frame. A failed load keeps its message and an empty value until the
// key or revision changes. No ImGui, no GL: unit-testable.
template <class Key, class Value>
class RevisionCache {
public:
    template <class Load>
    const Value& get(const Key& key, std::uint64_t revision, Load&& load) {
        if (m_key && *m_key == key && m_revision == revision) return m_value;
        m_key = key;
        m_revision = revision;
        m_error.clear();
        ++m_loads;
        try {
            m_value = std::forward<Load>(load)(key);
        } catch (const std::exception& e) {
            m_value = Value{};
            m_error = e.what();
        }
        return m_value;
    }
    // The message of the last load when it failed, else "".
    const std::string& error() const { return m_error; }
    // How often get() loaded (for tests).
    std::uint64_t loads() const { return m_loads; }

private:
    std::optional<Key> m_key;
    std::uint64_t m_revision = std::numeric_limits<std::uint64_t>::max();
    Value m_value{};
    std::string m_error;
    std::uint64_t m_loads = 0;
};

}  // namespace lb::ui
