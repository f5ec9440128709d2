#pragma once

#include "LoadPoint.h"

#include <QString>

namespace showdown {

/// A declared latency objective ("p99 under 10 ms, no errors"): the one test of whether a load step kept a
/// server fast enough. The capacity search decides with it while it runs, and the analysis re-decides with it
/// from the stored raw histograms, so the capacity a page shows is always re-derivable from the samples.
struct LatencyObjective {
    double p99Ms = 0;  ///< the p99 bound in milliseconds; > 0
    /// A step's completed work may fall short of what was offered by this fraction (requests in flight at the
    /// end of the measured phase); more than that means the server did not keep up with the rate.
    static constexpr double kMinDeliveredShare = 0.99;

    /// Whether `point` met the objective: valid, no error of any kind, p99 (from its raw histogram) at or under
    /// p99Ms, and at least kMinDeliveredShare of the offered work completed. For chat, offered work is every
    /// message to every client (rate × connections × duration).
    [[nodiscard]] bool metBy(const LoadPoint &point) const;
    /// Why `point` missed the objective in words ("p99 14.2 ms over 10 ms"), empty when it met it.
    [[nodiscard]] QString missReason(const LoadPoint &point) const;
};

} // namespace showdown
