#pragma once

#include "ProcessTicks.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <chrono>
#include <optional>

namespace showdown {

/// The machine's CPU counters, from the first line of /proc/stat, in clock ticks (USER_HZ).
struct CpuTimes {
    qint64 user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0;

    /// Time some process (or the kernel on its behalf) ran; guest time is already inside user and nice.
    [[nodiscard]] qint64 busy() const { return user + nice + system + irq + softirq; }
    [[nodiscard]] qint64 total() const { return busy() + idle + iowait + steal; }
    /// The "cpu" line of /proc/stat; nullopt when the text has none.
    [[nodiscard]] static std::optional<CpuTimes> parse(const QByteArray &procStat);
};

/// One instant of a run: the machine's CPU counters beside Showdown's own CPU, so the difference between two
/// instants says how much CPU everything else used.
struct CpuInstant {
    CpuTimes cpu;
    bool cpuKnown = false;  ///< /proc/stat was readable
    /// This process and every descendant it (or they) reaped, from getrusage(SELF) + getrusage(CHILDREN).
    qint64 ownCpuNs = 0;
    qint64 clockNs = 0;  ///< CLOCK_MONOTONIC

    [[nodiscard]] static CpuInstant now();
};

/// CPU use between two instants, split into Showdown's and everyone else's.
struct CpuShare {
    bool known = false;        ///< false when /proc/stat was unreadable at either end
    double seconds = 0;        ///< wall time between the instants
    double otherCores = 0;     ///< CPU of everything but Showdown, in cores (1.0 = one core flat out)
    double ownCores = 0;       ///< Showdown's own CPU, in cores
    double stealFraction = 0;  ///< share of all CPU time the hypervisor gave to other guests

    /// `ticksPerSecond` is USER_HZ (sysconf(_SC_CLK_TCK)); a parameter so the arithmetic is testable.
    [[nodiscard]] static CpuShare between(const CpuInstant &from, const CpuInstant &to, double ticksPerSecond);
    [[nodiscard]] QJsonObject toJson() const;
};

/// A process outside Showdown's tree and how much CPU it used over a reading's window.
struct BusyProcess {
    qint64 pid = 0;
    QString name;
    double corePercent = 0;  ///< percent of one core
};

/// The machine at the start or end of a run: load, who else is using the CPU right now, and the frequency
/// settings that change how fast the same code runs.
struct MachineReading {
    QDateTime time;
    std::optional<double> load1, load5, load15;  ///< /proc/loadavg; absent when unreadable
    CpuShare window;                             ///< over the short sample window
    QList<BusyProcess> busiest;                  ///< top processes outside Showdown over the window
    QString governor;                            ///< scaling governor(s), or "unreadable (...)"
    QString turbo;                               ///< "on", "off", or "unreadable (...)"
    CpuInstant before, after;                    ///< the window's ends; a whole run is measured between readings

    [[nodiscard]] QJsonObject toJson() const;
};

/// Reads the machine's state around a run so a result set says whether something else competed with it:
/// load average, steal, the busiest other processes, governor and turbo. Everything comes from /proc and
/// /sys; what cannot be read is recorded as "unreadable", never guessed.
class MachineState {
public:
    /// Long enough for clock-tick CPU accounting to resolve a few percent of a core, short enough not to
    /// slow a run noticeably (it is taken twice per run).
    static constexpr std::chrono::milliseconds kWindow{500};
    /// How many of the busiest other processes a reading keeps.
    static constexpr int kBusiestCount = 5;

    /// Samples the machine over `window` (this call sleeps that long).
    [[nodiscard]] static MachineReading read(std::chrono::milliseconds window = kWindow);

    /// The run's start: read before its first benchmark; returns the JSON stored with the set.
    [[nodiscard]] QJsonObject start(std::chrono::milliseconds window = kWindow);
    /// The run's end: reads the machine again, measures the whole run between the two readings and judges
    /// it (ForeignLoad); returns the complete object stored under the environment's "machine_state".
    [[nodiscard]] QJsonObject finish(std::chrono::milliseconds window = kWindow);

    /// The processes outside `self`'s tree that used the most CPU between two scans of /proc, busiest first.
    [[nodiscard]] static QList<BusyProcess> busiest(const QList<ProcessTicks> &before, const QList<ProcessTicks> &after, qint64 self,
                                                    double seconds, double ticksPerSecond, int count);
    /// The key in a result set's environment JSON.
    static inline const QString kKey = QStringLiteral("machine_state");

private:
    std::optional<MachineReading> m_start;
};

} // namespace showdown
