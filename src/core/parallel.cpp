#include "core/parallel.hpp"

#include <cstdlib>
#include <exception>
#include <string>
#include <thread>
#include <vector>

namespace lb::core {

unsigned workerCount() {
    if (const char* env = std::getenv("LAGEBILD_THREADS")) {
        const int n = std::atoi(env);
        if (n > 0) return static_cast<unsigned>(n);
    }
    const unsigned hw = std::thread::hardware_concurrency();
    return hw == 0 ? 1 : hw;
}

std::size_t chunkCount(std::size_t n, std::size_t minPerChunk) {
    if (n == 0) return 0;
    const std::size_t byWork = minPerChunk == 0 ? n : (n + minPerChunk - 1) / minPerChunk;
    return std::max<std::size_t>(1, std::min<std::size_t>(workerCount(), byWork));
}

void parallelChunks(std::size_t n, std::size_t minPerChunk,
                    const std::function<void(std::size_t, std::size_t, std::size_t)>& fn) {
    const std::size_t chunks = chunkCount(n, minPerChunk);
    if (chunks == 0) return;
    std::vector<std::exception_ptr> errors(chunks);
    auto runChunk = [&](std::size_t c) {
        try {
            fn(c, n * c / chunks, n * (c + 1) / chunks);
        } catch (...) {
            errors[c] = std::current_exception();
        }
    };
    std::vector<std::thread> threads;
    threads.reserve(chunks - 1);
    for (std::size_t c = 1; c < chunks; ++c) threads.emplace_back(runChunk, c);
    runChunk(0);
    for (auto& t : threads) t.join();
    for (auto& e : errors) {
        if (e) std::rethrow_exception(e);
    }
}

}  // namespace lb::core
