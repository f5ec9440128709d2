#include "MedianInterval.h"

#include <algorithm>
#include <cmath>

namespace showdown {

MedianInterval MedianInterval::of(QList<double> values)
{
    MedianInterval interval;
    const qsizetype n = values.size();
    // With n < 6 even the extreme order statistics cover the median with less than 95% probability.
    if (n < 6)
        return interval;
    std::sort(values.begin(), values.end());
    const double half = 1.959964 * std::sqrt(double(n)) / 2;
    const qsizetype lowRank = std::max<qsizetype>(1, qsizetype(std::floor(double(n) / 2 - half)));
    const qsizetype highRank = std::min<qsizetype>(n, qsizetype(std::ceil(double(n) / 2 + half)) + 1);
    interval.low = values.at(lowRank - 1);
    interval.high = values.at(highRank - 1);
    interval.valid = true;
    return interval;
}

} // namespace showdown
