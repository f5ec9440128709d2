#pragma once

#include "CapacityPlan.h"
#include "LatencyObjective.h"
#include "LoadDriver.h"

#include <QList>
#include <QString>

#include <functional>
#include <stop_token>

namespace showdown {

/// What a capacity search found: every step it measured, and the highest rate that met the objective.
struct CapacityOutcome {
    QList<LoadPoint> steps;  ///< in the order measured; each has sloP99Ms and rate set
    double capacity = 0;     ///< the highest rate whose step met the objective; 0 when none did
    double firstMiss = 0;    ///< the lowest rate whose step missed it; 0 when none did
    /// Whether the capacity is known to the plan's precision (a miss within precision above it).
    [[nodiscard]] bool converged(const CapacityPlan &plan) const
    {
        return capacity > 0 && firstMiss > 0 && firstMiss - capacity <= plan.precision * capacity * (1 + 1e-9);
    }
};

/// Finds the highest constant offered rate at which a server keeps a declared p99 objective with no errors
/// (issue 11): open-loop steps at constant rates, doubling from the plan's start rate until a step misses
/// (or halving while the first ones miss), then bisecting between the last pass and the first miss until
/// the gap is within the plan's precision or the step budget is spent. The objective decides each step
/// (LatencyObjective, the one test); the search only chooses the next rate.
class CapacitySearch {
public:
    /// Measures one step: the request carries the rate, connections, duration and warm-up to use.
    using Measure = std::function<LoadPoint(const LoadRequest &request)>;

    CapacitySearch(LatencyObjective objective, CapacityPlan plan);

    /// Runs the search. `base` gives the target, connections (chat: clients) and expected body; `kind` and
    /// `endpoint` label every step. `targetGone` (optional) ends the search early when the server is no
    /// longer there to measure, as does `stop`.
    [[nodiscard]] CapacityOutcome run(const LoadRequest &base, const QString &kind, const QString &endpoint,
                                      const Measure &measure, std::stop_token stop,
                                      const std::function<bool()> &targetGone = {}) const;
    /// The same search with each step put straight on `driver` (http or chat by `kind`): for loadgen.
    [[nodiscard]] CapacityOutcome run(LoadDriver &driver, const LoadRequest &base, const QString &kind,
                                      const QString &endpoint, std::stop_token stop) const;

    /// Called after each step with the step and whether it met the objective, so a caller can show progress.
    void setStepObserver(std::function<void(const LoadPoint &step, bool met)> observer) { m_observer = std::move(observer); }

    [[nodiscard]] const LatencyObjective &objective() const { return m_objective; }
    [[nodiscard]] const CapacityPlan &plan() const { return m_plan; }

private:
    LatencyObjective m_objective;
    CapacityPlan m_plan;
    std::function<void(const LoadPoint &, bool)> m_observer;
};

} // namespace showdown
