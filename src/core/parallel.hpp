#pragma once

#include <cstddef>
#include <functional>

namespace lb::core {

// Number of worker threads the engine and the analyses use: the hardware threads, at least 1 (LAGEBILD_THREADS
// overrides).
unsigned workerCount();

// Splits [0, n) into at most workerCount() contiguous chunks and runs fn(chunk, begin, end) on each, the
// first on the calling thread. Chunks are numbered 0…chunks-1 in order, so results kept per chunk can be
// merged deterministically. Below `minPerChunk` items per chunk fewer threads are used. Rethrows the first
// exception of any chunk after all have finished.
void parallelChunks(std::size_t n, std::size_t minPerChunk,
                    const std::function<void(std::size_t chunk, std::size_t begin, std::size_t end)>& fn);
// The number of chunks parallelChunks will use for n items.
std::size_t chunkCount(std::size_t n, std::size_t minPerChunk);

}  // namespace lb::core
