#pragma once

#include <QByteArray>
#include <QString>

namespace showdown {

/// How a child process ended, with the resource figures the kernel reported for it.
struct ProcessResult {
    enum class Outcome {
        Exited,          ///< ran to its end (exitCode tells whether it succeeded)
        Signaled,        ///< killed by a signal it did not ask for (a crash)
        TimedOut,        ///< killed by us at the timeout
        Cancelled,       ///< killed by us on request
        StdoutOverflow,  ///< killed by us for writing more than the cap
        SpawnFailed,     ///< never started: missing or non-executable program
    };

    Outcome outcome = Outcome::SpawnFailed;
    int exitCode = -1;
    int signal = 0;
    qint64 wallNs = 0;     ///< from fork to reaping, measured next to the child
    qint64 userNs = 0;
    qint64 sysNs = 0;
    qint64 peakRssKb = 0;  ///< ru_maxrss of the child alone, not inflated by our heap
    QByteArray stdoutData;
    QByteArray stderrTail;
    QString error;         ///< human-readable, set for every outcome except a clean exit 0

    [[nodiscard]] bool succeeded() const { return outcome == Outcome::Exited && exitCode == 0; }
};

} // namespace showdown
