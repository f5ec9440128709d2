#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <functional>
#include <thread>
#include <vector>

namespace showdown {

/// Runs `work(i)` for every i in [0, n) on up to one thread per core. For independent, deterministic pieces of an
/// analysis (each bootstrap seeds its own generator), so the results are the same in any order. Never called while a
/// benchmark is being timed: analyses run after a run, or on a stored set.
/// @param maxThreads 0: one per core; more for pieces that mostly wait (runtime probes wait on children).
inline void parallelFor(std::size_t n, const std::function<void(std::size_t)> &work, std::size_t maxThreads = 0)
{
    const std::size_t limit = maxThreads > 0 ? maxThreads : std::max(1u, std::thread::hardware_concurrency());
    const std::size_t threads = std::min<std::size_t>(n, limit);
    if (threads <= 1) {
        for (std::size_t i = 0; i < n; ++i)
            work(i);
        return;
    }
    std::atomic<std::size_t> next{0};
    const auto drain = [&] {
        for (std::size_t i = next++; i < n; i = next++)
            work(i);
    };
    std::vector<std::jthread> helpers;
    for (std::size_t t = 1; t < threads; ++t)
        helpers.emplace_back(drain);
    drain();
}

} // namespace showdown
