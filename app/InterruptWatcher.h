#pragma once

#include <signal.h>

#include <stop_token>
#include <thread>

namespace showdown {

/// Turns Ctrl-C and SIGTERM into a stop request, so a run ends cleanly: children killed, what was measured
/// kept. The signals are taken by a thread of its own with sigwait(), so nothing unsafe runs inside a
/// signal handler; the mask is set before any worker thread starts, and they inherit it.
class InterruptWatcher {
public:
    explicit InterruptWatcher(std::stop_source source = std::stop_source());
    ~InterruptWatcher();
    InterruptWatcher(const InterruptWatcher &) = delete;
    InterruptWatcher &operator=(const InterruptWatcher &) = delete;

    /// Requested once a signal arrives.
    [[nodiscard]] std::stop_token token() const { return m_source.get_token(); }

private:
    std::stop_source m_source;
    sigset_t m_signals{};
    sigset_t m_previous{};
    std::thread m_thread;
};

} // namespace showdown
