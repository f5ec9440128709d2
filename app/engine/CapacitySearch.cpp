#include "CapacitySearch.h"

#include <algorithm>

namespace showdown {

CapacitySearch::CapacitySearch(LatencyObjective objective, CapacityPlan plan) : m_objective(objective), m_plan(plan)
{
}

CapacityOutcome CapacitySearch::run(const LoadRequest &base, const QString &kind, const QString &endpoint, const Measure &measure,
                                    std::stop_token stop, const std::function<bool()> &targetGone) const
{
    CapacityOutcome outcome;
    const auto canStep = [&] {
        return outcome.steps.size() < m_plan.maxSteps && !stop.stop_requested() && !(targetGone && targetGone());
    };
    // Measures one constant-rate step and returns whether it met the objective.
    const auto step = [&](double rate) {
        LoadRequest request = base;
        request.rate = rate;
        request.durationS = m_plan.stepS;
        request.warmupS = m_plan.warmupS;
        LoadPoint point = measure(request);
        point.kind = kind;
        point.endpoint = endpoint;
        point.connections = base.connections;
        point.rate = rate;
        point.sloP99Ms = m_objective.p99Ms;
        const bool met = m_objective.metBy(point);
        outcome.steps.append(point);
        if (m_observer)
            m_observer(point, met);
        // A step cut short by a stop says nothing about the server: it neither passes nor misses.
        if (stop.stop_requested())
            return false;
        if (met)
            outcome.capacity = std::max(outcome.capacity, rate);
        else
            outcome.firstMiss = outcome.firstMiss > 0 ? std::min(outcome.firstMiss, rate) : rate;
        return met;
    };

    // Ramp: double while every step passes, halve while every step misses, until one of each brackets it.
    double rate = m_plan.startRate;
    while (canStep()) {
        const bool met = step(rate);
        if (outcome.capacity > 0 && outcome.firstMiss > 0)
            break;
        rate = met ? rate * 2 : rate / 2;
    }
    // Bisect between the highest pass and the lowest miss until the gap is within the precision.
    while (outcome.capacity > 0 && outcome.firstMiss > 0 && !outcome.converged(m_plan) && canStep())
        step((outcome.capacity + outcome.firstMiss) / 2);
    return outcome;
}

CapacityOutcome CapacitySearch::run(LoadDriver &driver, const LoadRequest &base, const QString &kind, const QString &endpoint,
                                    std::stop_token stop) const
{
    const bool chat = kind == QLatin1String("chat");
    return run(
        base, kind, endpoint,
        [&](const LoadRequest &request) { return chat ? driver.chat(request, stop) : driver.http(request, stop); }, stop);
}

} // namespace showdown
