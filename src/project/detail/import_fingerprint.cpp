#include "project/detail/import_fingerprint.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <vector>

#include "core/error.hpp"
#include "store/project_store.hpp"
#include "store/sqlite.hpp"

namespace lb::project::detail {
namespace {

std::string metaKey(core::LayerId layer, const std::string& fingerprint) {
    return "import_hash." + std::string(core::layerInfo(layer).name) + "." + fingerprint;
}

}  // namespace

std::string contentFingerprint(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw core::InputError(file.string() + ": cannot read the file");
    // Two independent FNV-1a 64 streams (different offset bases) and the size: 128 bits, no crypto needed.
    std::uint64_t a = 0xcbf29ce484222325ULL, b = 0x84222325cbf29ce4ULL, size = 0;
    std::vector<char> buffer(1 << 16);
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const auto n = static_cast<std::size_t>(in.gcount());
        for (std::size_t i = 0; i < n; ++i) {
            const auto byte = static_cast<std::uint8_t>(buffer[i]);
            a = (a ^ byte) * 0x100000001b3ULL;
            b = (b ^ static_cast<std::uint8_t>(byte + 0x5b)) * 0x100000001b3ULL;
        }
        size += n;
    }
    char text[64];
    std::snprintf(text, sizeof text, "%016llx%016llx-%llu", static_cast<unsigned long long>(a),
                  static_cast<unsigned long long>(b), static_cast<unsigned long long>(size));
    return text;
}

std::optional<PreviousImport> findPreviousImport(store::ProjectStore& store, core::LayerId layer,
                                                 const std::string& fingerprint) {
    store::Statement s(store.db(), "SELECT value FROM lagebild_meta WHERE key = ?");
    s.bind(1, metaKey(layer, fingerprint));
    if (!s.step()) return std::nullopt;
    PreviousImport previous;
    try {
        const auto value = nlohmann::json::parse(s.columnText(0));
        previous.file = value.value("file", "");
        previous.time = value.value("time", "");
        previous.rows = value.value("rows", std::int64_t{0});
    } catch (const nlohmann::json::exception&) {
        // An unreadable record still says the file was imported.
    }
    return previous;
}

void recordImport(store::ProjectStore& store, core::LayerId layer, const std::string& fingerprint,
                  const PreviousImport& import) {
    const nlohmann::json value = {{"file", import.file}, {"time", import.time}, {"rows", import.rows}};
    store::Statement s(store.db(),
                       "INSERT INTO lagebild_meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = ?2");
    s.bind(1, metaKey(layer, fingerprint)).bind(2, value.dump()).run();
}

}  // namespace lb::project::detail
