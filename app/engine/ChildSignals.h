#pragma once

#include <csignal>

namespace showdown {

/// What every program Showdown starts must find, whatever the thread that forked it had set up: no signal
/// blocked and every disposition at its default. A blocked mask and ignored signals survive fork and exec, so
/// the CLI, which blocks SIGINT/SIGTERM for its watcher thread, would otherwise hand them to every benchmark
/// and server (which then could not be stopped with SIGTERM). Header-only so that the Qt-free exec helper
/// shares it; only async-signal-safe calls, because it runs between fork and exec.
struct ChildSignals {
    /// Every catchable signal back to SIG_DFL and nothing blocked. Call in the child before exec (or at the
    /// start of a program that will fork); handlers would be reset by exec anyway, ignored signals would not.
    static void reset() noexcept
    {
        struct sigaction defaults {};
        defaults.sa_handler = SIG_DFL;
        sigemptyset(&defaults.sa_mask);
        for (int signal = 1; signal < NSIG; ++signal) {
            // SIGKILL, SIGSTOP and the C library's own real-time signals refuse; that is harmless.
            if (signal != SIGKILL && signal != SIGSTOP)
                ::sigaction(signal, &defaults, nullptr);
        }
        unblockAll();
    }

    /// Nothing blocked: what a program expects to start with.
    static void unblockAll() noexcept
    {
        sigset_t none;
        sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
    }
};

} // namespace showdown
