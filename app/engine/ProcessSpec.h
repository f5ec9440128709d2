#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>

namespace showdown {

/// What to start: an argument vector (never a shell line) and the limits it runs under.
struct ProcessSpec {
    QString program;             ///< absolute path of the executable; no PATH search
    QStringList arguments;
    QString workingDirectory;    ///< empty: inherit
    QMap<QString, QString> environment; ///< set on top of the inherited environment (e.g. BLAS threads pinned)
    std::chrono::milliseconds timeout{60000};
    /// On a stop request: SIGTERM to the program, then this long to end before its process group is killed
    /// (servers, which PROTOCOL.md promises a graceful stop). Zero kills the group at once: a measured
    /// program has nothing to save. Timeouts and floods always kill at once.
    std::chrono::milliseconds stopGrace{0};
    /// Unmeasured starts of the same program right before the measured one (hyperfine's --warmup): a
    /// start-up time then finds the caches as its own previous start left them, not as the other runtime
    /// of an interleaved run did. Their output is discarded and their outcome ignored.
    int warmupStarts = 0;
    /// The program's stdout is a memory file handed over when it ends, not a pipe read as it runs: what a
    /// start-up time is measured with (hyperfine gives /dev/null; Node.js builds a costlier stream for a
    /// pipe). Writes beyond stdoutCapBytes fail. No use for servers, whose ready line must stream.
    bool stdoutToFile = false;
    qint64 stdoutCapBytes = 16 * 1024 * 1024; ///< beyond this the child is killed: a flood must not eat memory
    int stderrTailBytes = 8192;               ///< only the end of stderr is kept, for error messages
    /// Called with each chunk of stdout as it arrives, on the runner's thread: servers announce readiness
    /// long before they exit.
    std::function<void(const QByteArray &chunk)> onStdout;
    /// Called once the child runs, on the runner's thread, with its process group (the exec helper leads it):
    /// a user's server reports no pid of its own, yet its CPU and memory are read from that group.
    std::function<void(qint64 processGroup)> onStarted;
};

} // namespace showdown
