#pragma once

namespace showdown {

/// How a capacity search steps through rates: declared per suite in the manifest, or on the loadgen command
/// line. Kept apart from the search so the catalog can hold it without the load machinery.
struct CapacityPlan {
    double startRate = 1000;  ///< first step, requests (chat: messages sent) per second in total
    /// Bisection ends once the gap between the highest passing and the lowest missing rate is at most this
    /// share of the passing rate: the capacity is then known to within it.
    double precision = 0.05;
    int maxSteps = 10;        ///< steps in all (ramp and bisection); the search reports where it got to
    double stepS = 1;         ///< measured seconds of each step: long enough for a stable p99
    double warmupS = 0.3;     ///< load at the step's rate before it is measured, not counted

    /// The longest the search can take, for time estimates (each step's warm-up and measured phase).
    [[nodiscard]] double seconds() const { return maxSteps * (stepS + warmupS); }
};

} // namespace showdown
