#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace showdown {

/// Descriptive summary of one benchmark×runtime's samples (values in any unit, e.g. ns).
/// sd is the sample standard deviation (n-1 denominator); cv = sd/mean (0 when mean == 0);
/// mad is the UNSCALED median absolute deviation, median(|x - median|), not multiplied by 1.4826;
/// p5/p25/p75/p95 use the same interpolation as Statistics::percentile (p25/p75 are the box plots' quartiles).
/// medianCiLow/medianCiHigh: a distribution-free 95% CI of the median from order statistics (the binomial
/// ranks n/2 ± 1.96·√n/2), the whiskers on median bars; both 0 when n < 6, where even the extreme order
/// statistics cover the median with less than 95% probability.
/// Everything a reader shows about one row's distribution is here, so a stored summary replaces the raw values.
/// n == 0: every field is 0. n == 1: sd, mad and cv are 0, the rest equal the single value.
struct Summary {
    std::size_t n = 0;
    double median = 0, mean = 0, sd = 0, mad = 0, min = 0, max = 0, p5 = 0, p95 = 0, cv = 0;
    double p25 = 0, p75 = 0;
    double medianCiLow = 0, medianCiHigh = 0;

    /// The order-statistic interval needs at least 6 values.
    [[nodiscard]] bool hasMedianCi() const { return n >= 6; }
};

/// How Statistics::bootstrapRatioOfMedians draws each resample's median.
enum class BootstrapMethod {
    /// Resampling up to Statistics::kResamplingLimit values a side (as every earlier version did, so results
    /// on such sets are unchanged), OrderStatistics above it.
    Automatic,
    /// Draws n indices with replacement and takes their median: O(n) per resample.
    Resampling,
    /// Draws the resample's median directly from its exact distribution: O(log n) per resample after an
    /// O(n log n) sort and an O(√n) table. The same bootstrap distribution, so CIs agree with Resampling
    /// within Monte Carlo error (StatisticsTest checks it on n = 2,000 and 20,000).
    OrderStatistics,
};

/// Ratio of medians a/b with a percentile-bootstrap confidence interval.
struct RatioEstimate {
    double ratio = 0, ciLow = 0, ciHigh = 0;
};

/// Pure functions over samples; no state, so results are reproducible and trivially testable.
/// Inputs are expected to be finite (timings are); a NaN in the input gives meaningless numbers but
/// never undefined behaviour.
class Statistics {
public:
    /// One pass over a run's samples so the table and report show the same numbers everywhere.
    [[nodiscard]] static Summary summarize(std::span<const double> values);

    /// The robust centre used for every comparison: timings have long right tails, so the mean misleads.
    /// Empty input -> NaN.
    [[nodiscard]] static double median(std::span<const double> values);

    /// Percentile p in [0,100] with linear interpolation between closest ranks (numpy's default 'linear',
    /// R type 7), so values match what users get from numpy. Empty input or p outside [0,100] -> NaN.
    [[nodiscard]] static double percentile(std::span<const double> values, double p);

    /// Above this many values on either side, BootstrapMethod::Automatic draws medians from their exact
    /// distribution instead of resampling every value: 10,000 resamples of 1,000,000 values would take minutes.
    static constexpr std::size_t kResamplingLimit = 1000;

    /// "Node is 1.8x faster" needs an uncertainty: median(a)/median(b) with a percentile-bootstrap CI.
    /// a and b are resampled independently with replacement (per resample: a's median, then b's), from
    /// std::mt19937_64, so the same seed gives bit-identical results on every platform and standard library.
    /// Resampling draws indices by rejection sampling. OrderStatistics uses that, in a resample of the sorted
    /// sample x(1..n), the count of values <= x(k) is Binomial(n, k/n): the resample's median rank m has
    /// P(rank <= k) = P(Binomial(n, k/n) >= m) = I_{k/n}(m, n-m+1) (regularised incomplete beta), which is
    /// inverted with one uniform per resample (a table over the ranks holding all but 1e-12 of the mass);
    /// an even n's upper middle value is drawn from its exact conditional distribution (see Statistics.cpp).
    /// Empty a or b, or median(b) == 0 -> ratio, ciLow, ciHigh all NaN.
    /// resamples < 1 or confidence outside (0,1) -> ratio computed, ciLow/ciHigh NaN.
    [[nodiscard]] static RatioEstimate bootstrapRatioOfMedians(std::span<const double> a, std::span<const double> b,
                                                               int resamples = 10000, std::uint64_t seed = 20261125,
                                                               double confidence = 0.95,
                                                               BootstrapMethod method = BootstrapMethod::Automatic);

    /// The median of one sample with its percentile-bootstrap CI (e.g. a server's throughput across processes):
    /// bootstrapRatioOfMedians against the constant 1, so the same resampling, seed and method. `ratio` holds
    /// the median. Empty input -> all NaN; fewer than two values -> median computed, ciLow/ciHigh NaN (one
    /// value has no spread to resample).
    [[nodiscard]] static RatioEstimate bootstrapMedian(std::span<const double> values, int resamples = 10000,
                                                       std::uint64_t seed = 20261125, double confidence = 0.95);

    /// Two-sided Mann-Whitney U test p-value: are the two runtimes' timings distributed differently,
    /// without assuming normality. Method (same results as scipy.stats.mannwhitneyu):
    ///  - both samples have <= 8 values and no value occurs twice in the pooled data: EXACT p from the
    ///    permutation distribution of U (scipy method='exact');
    ///  - otherwise: normal approximation with tie correction and continuity correction 0.5
    ///    (scipy method='asymptotic', use_continuity=True). All values equal -> 1.
    /// Note scipy's method='auto' also goes exact when only ONE sample is <= 8; here both must be.
    /// Ranks come from one sort of the pooled values: O((m+n) log(m+n)), a second or so for millions.
    /// Empty a or b -> NaN.
    [[nodiscard]] static double mannWhitneyP(std::span<const double> a, std::span<const double> b);

    /// Many benchmarks are tested at once, so p-values must be corrected for multiple comparisons.
    /// Holm-Bonferroni adjusted p-values, in the input order, capped at 1 and monotone in the raw p.
    /// NaN entries stay NaN and are not counted in the family size (as R's p.adjust does).
    [[nodiscard]] static std::vector<double> holm(std::span<const double> pValues);

    /// A fixed-seed shuffle of 0..n-1 (Fisher-Yates over std::mt19937_64 with the same unbiased index draw as
    /// the bootstrap), so an interleaved run order is the same on every plan, platform and standard library
    /// (std::shuffle's algorithm is left to the library).
    [[nodiscard]] static std::vector<std::size_t> permutation(std::size_t n, std::uint64_t seed);

    /// Flags samples disturbed by e.g. a GC pause or a context switch, robustly (one huge outlier cannot
    /// hide itself by inflating the spread as it would with a mean/sd z-score).
    /// Indices (ascending) with |modified z| > threshold, modified z = 0.6745*(x - median)/MAD
    /// (Iglewicz & Hoaglin, unscaled MAD). None when MAD == 0 or the input is empty.
    [[nodiscard]] static std::vector<std::size_t> outliers(std::span<const double> values, double threshold = 3.5);
};

} // namespace showdown
