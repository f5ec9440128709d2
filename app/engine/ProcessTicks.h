#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace showdown {

/// One process's line of /proc/[pid]/stat, parsed in one place for everything that asks the kernel about a
/// process: whose child it is, which group it is in, the CPU it used and when it started.
struct ProcessTicks {
    qint64 pid = 0;
    qint64 parent = 0;
    QString name;
    qint64 cpuTicks = 0;    ///< utime + stime
    qint64 startTicks = 0;  ///< starttime, so a reused pid is not mistaken for the same process
    qint64 group = 0;       ///< process group id (a server and the workers it forked share one)

    [[nodiscard]] static std::optional<ProcessTicks> parse(const QByteArray &procPidStat);
    /// The live process `pid`; nullopt once it has gone (or /proc cannot be read).
    [[nodiscard]] static std::optional<ProcessTicks> read(qint64 pid);
};

} // namespace showdown
