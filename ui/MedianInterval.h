#pragma once

#include "Statistics.h"

namespace showdown {

/// A distribution-free 95% confidence interval for a median, from order statistics (the binomial
/// ranks n/2 ± 1.96·√n/2): the whiskers on the median bars, valid without assuming normal timings.
/// Computed with the row's Summary (Statistics::summarize), so a stored analysis carries it.
struct MedianInterval {
    double low = 0;
    double high = 0;
    bool valid = false;  ///< false when there are too few values (under 6) for a 95% interval

    [[nodiscard]] static MedianInterval of(const Summary &summary);
};

} // namespace showdown
