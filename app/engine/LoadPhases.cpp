#include "LoadPhases.h"

#include <algorithm>
#include <condition_variable>
#include <mutex>

namespace showdown {

LoadPhases::LoadPhases(double warmupS, double durationS)
    : m_start(Clock::now()),
      m_measureStart(m_start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(warmupS))),
      m_measureEnd(m_measureStart + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(durationS)))
{
}

double LoadPhases::measuredSeconds(Clock::time_point time) const
{
    const Clock::time_point clamped = std::clamp(time, m_measureStart, m_measureEnd);
    return std::chrono::duration<double>(clamped - m_measureStart).count();
}

bool LoadPhases::sleepUntil(Clock::time_point deadline, const std::stop_token &stop)
{
    // Nothing ever notifies this variable: the wait ends at the deadline or when the stop token fires.
    std::mutex mutex;
    std::condition_variable_any wakeUp;
    std::unique_lock lock(mutex);
    wakeUp.wait_until(lock, stop, deadline, [] { return false; });
    return !stop.stop_requested();
}

} // namespace showdown
