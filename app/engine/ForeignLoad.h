#pragma once

#include "MachineState.h"

#include <QJsonObject>
#include <QStringList>

namespace showdown {

/// Whether a result set was measured while something else used the machine, and why it was judged so.
/// Decided once at the end of a run (judge()), stored in the set's environment JSON under
/// machine_state.foreign_load, and read back by every view (CLI, window, report) through fromEnvironment().
struct ForeignLoad {
    /// The declared rule. A run is flagged when ANY of these holds:
    struct Rule {
        /// Other processes used more than this many cores on average over the whole run (busy CPU from
        /// /proc/stat minus Showdown's own CPU from getrusage, per second of run).
        static constexpr double kRunOtherCores = 0.25;
        /// Other processes used more than this many cores in the short window read at the start or the end.
        static constexpr double kWindowOtherCores = 0.5;
        /// The hypervisor took more than this share of the CPU time (steal), over the run or either window.
        static constexpr double kStealFraction = 0.02;
        /// The 1-minute load average at the start exceeded this many runnable tasks per core.
        static constexpr double kStartLoadPerCore = 1.0;
    };
    enum class Verdict {
        Unknown,  ///< not judged: an older set, a run still going, or /proc unreadable
        Quiet,    ///< no rule fired
        Flagged,  ///< at least one rule fired; `reasons` says which, with the figures
    };

    Verdict verdict = Verdict::Unknown;
    QStringList reasons;

    [[nodiscard]] bool flagged() const { return verdict == Verdict::Flagged; }
    /// One line for people: "measured under foreign load: …", "no foreign load", or "foreign load not recorded".
    [[nodiscard]] QString summary() const;
    /// {"flagged": true|false|null, "reasons": [...], "rule": "..."}: stored with the set and shown by `show --json`.
    [[nodiscard]] QJsonObject toJson() const;
    /// The rule in words, stored beside every verdict so a reader knows what "flagged" meant when it was made.
    [[nodiscard]] static QString ruleText();

    /// The stored verdict of a result set; Unknown when absent or malformed.
    [[nodiscard]] static ForeignLoad fromEnvironment(const QJsonObject &environment);
    /// Applies the rule to a run's two readings and the whole run between them; `cores` is the machine's
    /// CPU count (for the load-average test).
    [[nodiscard]] static ForeignLoad judge(const MachineReading &start, const MachineReading &end, const CpuShare &run, int cores);
};

} // namespace showdown
