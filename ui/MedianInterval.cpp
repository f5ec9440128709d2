#include "MedianInterval.h"

namespace showdown {

MedianInterval MedianInterval::of(const Summary &summary)
{
    if (!summary.hasMedianCi())
        return {};
    return {summary.medianCiLow, summary.medianCiHigh, true};
}

} // namespace showdown
