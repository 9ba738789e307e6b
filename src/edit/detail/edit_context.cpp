#include "edit/detail/edit_context.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <optional>

#include "core/error.hpp"
#include "core/time.hpp"
#include "geo/geos_context.hpp"
#include "store/project_store.hpp"

namespace lb::edit::detail {

namespace {
std::string key(core::LayerId layer, const std::string& uuid) {
    return std::string(core::layerInfo(layer).name) + "/" + uuid;
}
}  // namespace

EditContext::EditContext(store::ProjectStore& store, std::string author, std::string timestamp,
                         std::string actionPrefix, const Written& lastWritten)
    : m_store(store),
      m_author(std::move(author)),
      m_timestamp(std::move(timestamp)),
      m_prefix(std::move(actionPrefix)),
      m_lastWritten(lastWritten) {}

EditContext::~EditContext() = default;

geo::GeosContext& EditContext::geos() {
    if (!m_geos) m_geos = std::make_unique<geo::GeosContext>();
    return *m_geos;
}

void EditContext::audit(EditKind kind, core::LayerId layer, const std::string& uuid,
                        const std::optional<FeatureSnapshot>& before, const std::optional<FeatureSnapshot>& after) {
    nlohmann::json oldValues = before ? snapshotJson(*before) : nlohmann::json();
    nlohmann::json newValues = after ? snapshotJson(*after) : nlohmann::json();
    if (before && after) {
        for (auto it = oldValues.begin(); it != oldValues.end();) {
            if (newValues.contains(it.key()) && newValues[it.key()] == it.value()) {
                newValues.erase(it.key());
                it = oldValues.erase(it);
            } else {
                ++it;
            }
        }
    }
    m_store.audit(m_prefix + std::string(editKindId(kind)), layer, uuid, before ? oldValues.dump() : "",
                  after ? newValues.dump() : "", "", m_author);
}

void EditContext::checkUnchanged(core::LayerId layer, const std::string& uuid,
                                 const std::optional<FeatureSnapshot>& current) const {
    const std::string k = key(layer, uuid);
    auto it = m_written.find(k);
    if (it == m_written.end()) {
        it = m_lastWritten.find(k);
        if (it == m_lastWritten.end()) return;
    }
    const std::string now = current ? current->record.modified : std::string();
    if (now != it->second) {
        throw core::InputError("layer " + std::string(core::layerInfo(layer).name) + ", feature " + uuid +
                                   ": changed by someone else since this session's last edit (" +
                                   (current ? "modified " + now : std::string("deleted")) + ")",
                               "undo and redo act only on features nobody else changed; nothing was changed");
    }
}

void EditContext::recordWrite(core::LayerId layer, const std::string& uuid, const std::string& modified) {
    m_written[key(layer, uuid)] = modified;
}

namespace {

// "YYYY-MM-DDTHH:MM:SS.mmmZ" for milliseconds since the epoch.
std::string formatMillis(std::int64_t ms) {
    std::string text = core::formatUtc(core::Timestamp{ms / 1000});  // "...:SSZ"
    char fraction[8];
    std::snprintf(fraction, sizeof fraction, ".%03d", static_cast<int>(ms % 1000));
    text.insert(text.size() - 1, fraction);
    return text;
}

// The inverse of formatMillis; nothing for any other text.
std::optional<std::int64_t> parseMillis(const std::string& text) {
    if (text.size() != 24 || text[19] != '.' || text[23] != 'Z') return std::nullopt;
    const auto seconds = core::parseTime(text.substr(0, 19) + "Z");
    if (!seconds) return std::nullopt;
    int fraction = 0;
    for (int k = 20; k < 23; ++k) {
        if (text[static_cast<std::size_t>(k)] < '0' || text[static_cast<std::size_t>(k)] > '9') return std::nullopt;
        fraction = fraction * 10 + (text[static_cast<std::size_t>(k)] - '0');
    }
    return seconds->unixSeconds * 1000 + fraction;
}

}  // namespace

std::string timestampMillis() {
    return formatMillis(
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count());
}

std::string laterModified(const std::string& now, const std::string& previous) {
    if (previous < now) return now;
    const auto ms = parseMillis(previous);
    return ms ? formatMillis(*ms + 1) : now;
}

}  // namespace lb::edit::detail
