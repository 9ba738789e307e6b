#include "core/temp_files.hpp"

#include <unistd.h>

#include <array>
#include <atomic>
#include <cstring>
#include <mutex>

namespace lb::core {
namespace {

constexpr std::size_t kSlots = 64;
constexpr std::size_t kPathBytes = 4096;

// A slot is written only while it is not in use; `used` is set after the path is complete, so the signal
// handler never reads a half-written path.
struct Slot {
    std::atomic<bool> used{false};
    char path[kPathBytes] = {};
};
std::array<Slot, kSlots> g_slots;
std::mutex g_claim;

}  // namespace

TempFileGuard::TempFileGuard(const std::filesystem::path& path) {
    const std::string& text = path.native();
    if (text.size() >= kPathBytes) return;
    std::lock_guard<std::mutex> lock(g_claim);
    for (std::size_t i = 0; i < kSlots; ++i) {
        if (g_slots[i].used.load()) continue;
        std::memcpy(g_slots[i].path, text.c_str(), text.size() + 1);
        g_slots[i].used.store(true);
        m_slot = static_cast<int>(i);
        return;
    }
}

TempFileGuard::~TempFileGuard() {
    if (m_slot >= 0) g_slots[static_cast<std::size_t>(m_slot)].used.store(false);
}

void removeTempFilesNow() noexcept {
    for (auto& slot : g_slots) {
        if (slot.used.load()) ::unlink(slot.path);
    }
}

}  // namespace lb::core
