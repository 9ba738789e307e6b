#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "core/layer.hpp"

namespace lb::store {
class ProjectStore;
}

namespace lb::project::detail {

// The content fingerprint of a source file (its bytes), so that importing the very same file twice into a
// layer is noticed even when it has no id column. Fingerprints live in lagebild_meta under
// "import_hash.<layer>.<fingerprint>" (no schema change).
std::string contentFingerprint(const std::filesystem::path& file);

struct PreviousImport {
    std::string file;  // file name at the time
    std::string time;  // UTC, ISO 8601
    std::int64_t rows = 0;
};
std::optional<PreviousImport> findPreviousImport(store::ProjectStore& store, core::LayerId layer,
                                                 const std::string& fingerprint);
// Inside the caller's write transaction.
void recordImport(store::ProjectStore& store, core::LayerId layer, const std::string& fingerprint,
                  const PreviousImport& import);

}  // namespace lb::project::detail
