#pragma once

#include <chrono>
#include <stop_token>

namespace showdown {

/// The timeline of a load run: warm-up from start() to measureStart(), then the measured phase up to
/// measureEnd(). Shared by the generators so "counted" means the same thing in HTTP and chat results.
class LoadPhases {
public:
    using Clock = std::chrono::steady_clock;

    /// Starts the timeline now.
    LoadPhases(double warmupS, double durationS);

    /// When load began: open-loop schedules count their intended send times from here.
    [[nodiscard]] Clock::time_point start() const { return m_start; }
    /// End of warm-up: the generator's CPU clock is read here.
    [[nodiscard]] Clock::time_point measureStart() const { return m_measureStart; }
    /// End of the measured phase: nothing later is counted.
    [[nodiscard]] Clock::time_point measureEnd() const { return m_measureEnd; }
    /// Whether an event at `time` belongs to the measured phase (warm-up and overtime are not counted).
    [[nodiscard]] bool measured(Clock::time_point time) const { return time >= m_measureStart && time < m_measureEnd; }
    /// Seconds of the measured phase that have passed by `time` (0 during warm-up, capped at the full phase).
    [[nodiscard]] double measuredSeconds(Clock::time_point time) const;

    /// Waits until `deadline` or a stop request, whichever comes first, without polling.
    /// Returns false when stopped.
    [[nodiscard]] static bool sleepUntil(Clock::time_point deadline, const std::stop_token &stop);

private:
    Clock::time_point m_start;
    Clock::time_point m_measureStart;
    Clock::time_point m_measureEnd;
};

} // namespace showdown
