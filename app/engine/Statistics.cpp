#include "Statistics.h"

#include <boost/math/distributions/normal.hpp>
#include <boost/math/special_functions/beta.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <tuple>
#include <utility>

namespace showdown {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// operator< is not a strict weak order once a NaN is present, and std::sort may then read out of bounds;
// ordering NaNs last keeps bad input from becoming undefined behaviour.
// A function object, not a function: passed to nth_element and sort by type it is inlined, where a function
// pointer is called for every comparison (the bootstraps' medians spent most of their time in those calls).
constexpr auto lessNanLast = [](double x, double y) { return x < y || (std::isnan(y) && !std::isnan(x)); };

std::vector<double> sortedCopy(std::span<const double> values)
{
    std::vector<double> v(values.begin(), values.end());
    std::ranges::sort(v, lessNanLast);
    return v;
}

// Reorders v. nth_element instead of a full sort because the bootstrap calls this 20,000 times.
double medianInPlace(std::vector<double> &v)
{
    if (v.empty())
        return kNaN;
    const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
    std::nth_element(v.begin(), mid, v.end(), lessNanLast);
    if (v.size() % 2 == 1)
        return *mid;
    const double below = *std::max_element(v.begin(), mid, lessNanLast);
    return (below + *mid) / 2;
}

// R type 7 / numpy 'linear' on sorted, non-empty data.
double percentileSorted(const std::vector<double> &sorted, double p)
{
    const double h = static_cast<double>(sorted.size() - 1) * p / 100;
    const auto lo = static_cast<std::size_t>(std::floor(h));
    const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
    const double t = h - static_cast<double>(lo);
    const double a = sorted[lo], b = sorted[hi];
    // numpy's _lerp interpolates from the nearer end; doing the same makes results agree to the last bit.
    return t < 0.5 ? a + (b - a) * t : b - (b - a) * (1 - t);
}

// rng() % n alone favours small indices when 2^64 is not a multiple of n. Rejecting the lowest
// (2^64 mod n) outputs leaves a multiple of n equally likely values (OpenBSD's arc4random_uniform).
// std::uniform_int_distribution is avoided because its algorithm differs between standard libraries.
std::size_t uniformIndex(std::mt19937_64 &rng, std::uint64_t n)
{
    const std::uint64_t threshold = (0 - n) % n; // 2^64 mod n, in 64-bit arithmetic
    for (;;) {
        const std::uint64_t r = rng();
        if (r >= threshold)
            return static_cast<std::size_t>(r % n);
    }
}

// A uniform double in [0, 1) from the top 53 bits: fixed by the standard, unlike uniform_real_distribution.
double uniform01(std::mt19937_64 &rng)
{
    return static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

// Draws the median of a bootstrap resample (n draws with replacement) of a sorted sample without drawing the
// n values. With I(1) <= ... <= I(n) the resample's sorted indices and C(k) the number of draws <= k
// (Binomial(n, k/n)), the lower middle rank m (n odd: (n+1)/2, even: n/2) has
// P(I(m) <= k) = P(C(k) >= m) = I_{k/n}(m, n-m+1), inverted by a binary search over a precomputed table.
// For even n the median also needs I(m+1): given I(m) = K it equals K when C(K) >= m+1, with probability
// [P(C(K) >= m+1) - P(C(K-1) >= m) + P(C(K-1) = m, no draw of K)] / [P(C(K) >= m) - P(C(K-1) >= m)];
// otherwise exactly n-m draws exceed K, uniform on K+1..n, and I(m+1) is their minimum:
// P(min > j) = ((n-j)/(n-K))^(n-m), inverted in closed form.
class ResampledMedian {
public:
    explicit ResampledMedian(std::span<const double> values) : m_sorted(sortedCopy(values))
    {
        const std::size_t n = m_sorted.size();
        m_n = static_cast<double>(n);
        m_even = n % 2 == 0;
        m_rank = m_even ? n / 2 : (n + 1) / 2;
        const double m = static_cast<double>(m_rank);
        auto atMost = [&](std::size_t k) { return boost::math::ibeta(m, m_n - m + 1, static_cast<double>(k) / m_n); };
        auto above = [&](std::size_t k) { return boost::math::ibetac(m, m_n - m + 1, static_cast<double>(k) / m_n); };
        // The ranks outside [m_first, last] together hold under 2e-12 of the probability: with 20,000 draws
        // per comparison the chance that one is clamped is below 1e-7, and it would move to a neighbour.
        m_first = firstRank(n, [&](std::size_t k) { return atMost(k) > kTail; });
        const std::size_t last = firstRank(n, [&](std::size_t k) { return above(k) <= kTail; });
        m_cdf.reserve(last - m_first + 1);
        for (std::size_t k = m_first; k <= last; ++k)
            m_cdf.push_back(k == last ? 1.0 : atMost(k));
        if (!m_even)
            return;
        m_stay.reserve(m_cdf.size());
        const double logChoose = std::lgamma(m_n + 1) - std::lgamma(m + 1) - std::lgamma(m_n - m + 1);
        for (std::size_t k = m_first; k <= last; ++k) {
            const double kd = static_cast<double>(k);
            const double before = k == 0 ? 0 : atMost(k - 1);
            const double mass = atMost(k) - before;
            // P(C(K-1) = m and no draw equals K): the multinomial term with none of the n draws at K.
            const double none = k <= 1 || k >= n ? 0 : std::exp(logChoose + m * std::log((kd - 1) / m_n) + (m_n - m) * std::log((m_n - kd) / m_n));
            const double both = boost::math::ibeta(m + 1, m_n - m, kd / m_n) - before + none;
            m_stay.push_back(k == n || mass <= 0 ? 1.0 : std::clamp(both / mass, 0.0, 1.0));
        }
    }

    [[nodiscard]] double draw(std::mt19937_64 &rng) const
    {
        const std::size_t slot = std::min<std::size_t>(
            static_cast<std::size_t>(std::upper_bound(m_cdf.begin(), m_cdf.end(), uniform01(rng)) - m_cdf.begin()), m_cdf.size() - 1);
        const std::size_t lower = m_first + slot;  // a rank, 1-based
        if (!m_even)
            return m_sorted[lower - 1];
        std::size_t upper = lower;
        if (uniform01(rng) >= m_stay[slot]) {
            const double n = m_n, k = static_cast<double>(lower);
            const double j = std::ceil(n - (n - k) * std::pow(1 - uniform01(rng), 1 / (n - static_cast<double>(m_rank))));
            upper = static_cast<std::size_t>(std::clamp(j, k + 1, n));
        }
        return (m_sorted[lower - 1] + m_sorted[upper - 1]) / 2;
    }

private:
    static constexpr double kTail = 1e-12;

    // The smallest rank in 1..n where a monotone condition holds (n when none does before it).
    template <typename Condition>
    static std::size_t firstRank(std::size_t n, Condition holds)
    {
        std::size_t low = 1, high = n;
        while (low < high) {
            const std::size_t mid = low + (high - low) / 2;
            if (holds(mid))
                high = mid;
            else
                low = mid + 1;
        }
        return low;
    }

    std::vector<double> m_sorted;
    double m_n = 0;
    bool m_even = false;
    std::size_t m_rank = 0;
    std::size_t m_first = 1;
    std::vector<double> m_cdf;   // P(I(m) <= rank) for ranks m_first.. (the last forced to 1)
    std::vector<double> m_stay;  // even n: P(I(m+1) = rank | I(m) = rank)
};

// The order-statistic interval of the median (binomial ranks n/2 ± 1.96·√n/2) on sorted data, n >= 6.
std::pair<double, double> medianIntervalSorted(const std::vector<double> &sorted)
{
    const std::size_t n = sorted.size();
    const double half = 1.959964 * std::sqrt(static_cast<double>(n)) / 2;
    const auto lowRank = static_cast<std::size_t>(std::max(1.0, std::floor(static_cast<double>(n) / 2 - half)));
    const auto highRank = static_cast<std::size_t>(std::min(static_cast<double>(n), std::ceil(static_cast<double>(n) / 2 + half) + 1));
    return {sorted[lowRank - 1], sorted[highRank - 1]};
}

// P(U_a >= u) under H0 for sample sizes m, n without ties: every choice of which m of the N = m+n ranks
// belong to a is equally likely, so count m-subsets of {1..N} by rank sum. Exact in 64-bit integers for the
// small sizes this is used for (at most C(16, 8) = 12870 subsets).
double exactUpperTail(std::size_t m, std::size_t n, double u)
{
    const std::size_t total = m + n;
    const std::size_t maxSum = total * (total + 1) / 2;
    // ways[k][s]: number of k-subsets of the ranks seen so far whose sum is s.
    std::vector<std::vector<std::uint64_t>> ways(m + 1, std::vector<std::uint64_t>(maxSum + 1, 0));
    ways[0][0] = 1;
    for (std::size_t r = 1; r <= total; ++r)
        for (std::size_t k = std::min(r, m); k >= 1; --k)
            for (std::size_t s = maxSum; s >= r; --s)
                ways[k][s] += ways[k - 1][s - r];

    const std::size_t minSum = m * (m + 1) / 2; // U_a = rank sum - minSum
    std::uint64_t atLeast = 0, all = 0;
    for (std::size_t s = minSum; s <= maxSum; ++s) {
        all += ways[m][s];
        if (static_cast<double>(s - minSum) >= u)
            atLeast += ways[m][s];
    }
    return static_cast<double>(atLeast) / static_cast<double>(all);
}

} // namespace

Summary Statistics::summarize(std::span<const double> values)
{
    Summary s;
    s.n = values.size();
    if (s.n == 0)
        return s;
    std::vector<double> v = sortedCopy(values);
    const double n = static_cast<double>(s.n);
    s.min = v.front();
    s.max = v.back();
    s.p5 = percentileSorted(v, 5);
    s.p25 = percentileSorted(v, 25);
    s.p75 = percentileSorted(v, 75);
    s.p95 = percentileSorted(v, 95);
    if (s.hasMedianCi())
        std::tie(s.medianCiLow, s.medianCiHigh) = medianIntervalSorted(v);
    s.mean = std::accumulate(v.begin(), v.end(), 0.0) / n;
    if (s.n > 1) {
        // Two passes (mean first) rather than sum of squares: timings share a large offset, and
        // E[x^2] - E[x]^2 would cancel catastrophically.
        double squares = 0;
        for (double x : v)
            squares += (x - s.mean) * (x - s.mean);
        s.sd = std::sqrt(squares / (n - 1));
    }
    s.cv = s.mean == 0 ? 0 : s.sd / s.mean;
    s.median = medianInPlace(v);
    for (double &x : v)
        x = std::abs(x - s.median);
    s.mad = medianInPlace(v);
    return s;
}

double Statistics::median(std::span<const double> values)
{
    std::vector<double> v(values.begin(), values.end());
    return medianInPlace(v);
}

double Statistics::percentile(std::span<const double> values, double p)
{
    if (values.empty() || !(p >= 0 && p <= 100)) // also rejects NaN p
        return kNaN;
    return percentileSorted(sortedCopy(values), p);
}

RatioEstimate Statistics::bootstrapMedian(std::span<const double> values, int resamples, std::uint64_t seed, double confidence)
{
    static constexpr double kOne[] = {1.0};
    RatioEstimate estimate = bootstrapRatioOfMedians(values, kOne, resamples, seed, confidence);
    if (values.size() < 2)
        estimate.ciLow = estimate.ciHigh = std::numeric_limits<double>::quiet_NaN();
    return estimate;
}

std::vector<std::size_t> Statistics::permutation(std::size_t n, std::uint64_t seed)
{
    std::vector<std::size_t> order(n);
    for (std::size_t i = 0; i < n; ++i)
        order[i] = i;
    std::mt19937_64 rng(seed);
    for (std::size_t i = n; i > 1; --i)
        std::swap(order[i - 1], order[uniformIndex(rng, i)]);
    return order;
}

RatioEstimate Statistics::bootstrapRatioOfMedians(std::span<const double> a, std::span<const double> b,
                                                  int resamples, std::uint64_t seed, double confidence, BootstrapMethod method)
{
    if (a.empty() || b.empty())
        return {kNaN, kNaN, kNaN};
    const double medianB = median(b);
    if (medianB == 0)
        return {kNaN, kNaN, kNaN};
    RatioEstimate estimate{median(a) / medianB, kNaN, kNaN};
    if (resamples < 1 || !(confidence > 0 && confidence < 1))
        return estimate;

    std::mt19937_64 rng(seed); // its output sequence is fixed by the C++ standard
    std::vector<double> ratios;
    ratios.reserve(static_cast<std::size_t>(resamples));
    if (method == BootstrapMethod::Automatic)
        method = std::max(a.size(), b.size()) > kResamplingLimit ? BootstrapMethod::OrderStatistics : BootstrapMethod::Resampling;
    if (method == BootstrapMethod::OrderStatistics) {
        const ResampledMedian medianA(a), medianB(b);
        for (int i = 0; i < resamples; ++i) {
            const double numerator = medianA.draw(rng);
            ratios.push_back(numerator / medianB.draw(rng));
        }
    } else {
        std::vector<double> resampleA(a.size()), resampleB(b.size());
        for (int i = 0; i < resamples; ++i) {
            for (double &x : resampleA)
                x = a[uniformIndex(rng, a.size())];
            for (double &x : resampleB)
                x = b[uniformIndex(rng, b.size())];
            ratios.push_back(medianInPlace(resampleA) / medianInPlace(resampleB));
        }
    }
    std::ranges::sort(ratios, lessNanLast);
    const double tailPercent = (1 - confidence) / 2 * 100;
    estimate.ciLow = percentileSorted(ratios, tailPercent);
    estimate.ciHigh = percentileSorted(ratios, 100 - tailPercent);
    return estimate;
}

double Statistics::mannWhitneyP(std::span<const double> a, std::span<const double> b)
{
    if (a.empty() || b.empty())
        return kNaN;
    const std::size_t m = a.size(), n = b.size(), total = m + n;

    // Pool (value, from a?) and rank, giving tied values the average of the ranks they span.
    std::vector<std::pair<double, bool>> pooled;
    pooled.reserve(total);
    for (double x : a)
        pooled.emplace_back(x, true);
    for (double x : b)
        pooled.emplace_back(x, false);
    std::ranges::sort(pooled, lessNanLast, &std::pair<double, bool>::first);
    double rankSumA = 0;
    double tieTerm = 0; // sum of t^3 - t over groups of t tied values
    for (std::size_t i = 0; i < total;) {
        std::size_t j = i + 1;
        while (j < total && pooled[j].first == pooled[i].first)
            ++j;
        const double averageRank = (static_cast<double>(i + 1) + static_cast<double>(j)) / 2;
        for (std::size_t k = i; k < j; ++k)
            if (pooled[k].second)
                rankSumA += averageRank;
        const double t = static_cast<double>(j - i);
        tieTerm += t * t * t - t;
        i = j;
    }

    const double mn = static_cast<double>(m) * static_cast<double>(n);
    const double uA = rankSumA - static_cast<double>(m) * static_cast<double>(m + 1) / 2;
    const double uMax = std::max(uA, mn - uA); // two-sided: the more extreme tail, doubled

    if (m <= 8 && n <= 8 && tieTerm == 0)
        return std::min(1.0, 2 * exactUpperTail(m, n, uMax));

    const double N = static_cast<double>(total);
    const double sigma = std::sqrt(mn / 12 * ((N + 1) - tieTerm / (N * (N - 1))));
    if (sigma == 0) // every value is the same: no evidence of any difference
        return 1;
    const double z = (uMax - mn / 2 - 0.5) / sigma;
    const boost::math::normal standardNormal;
    return std::min(1.0, 2 * boost::math::cdf(boost::math::complement(standardNormal, z)));
}

std::vector<double> Statistics::holm(std::span<const double> pValues)
{
    std::vector<double> adjusted(pValues.size(), kNaN);
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < pValues.size(); ++i)
        if (!std::isnan(pValues[i]))
            order.push_back(i);
    std::ranges::stable_sort(order, [&](std::size_t i, std::size_t j) { return pValues[i] < pValues[j]; });

    const std::size_t m = order.size();
    double running = 0; // running maximum keeps adjusted p monotone in the raw p
    for (std::size_t k = 0; k < m; ++k) {
        const double scaled = static_cast<double>(m - k) * pValues[order[k]];
        running = std::max(running, std::min(1.0, scaled));
        adjusted[order[k]] = running;
    }
    return adjusted;
}

std::vector<std::size_t> Statistics::outliers(std::span<const double> values, double threshold)
{
    std::vector<std::size_t> result;
    if (values.empty())
        return result;
    const double centre = median(values);
    std::vector<double> deviations;
    deviations.reserve(values.size());
    for (double x : values)
        deviations.push_back(std::abs(x - centre));
    const double mad = medianInPlace(deviations);
    if (mad == 0) // over half the samples are identical: any spread-based score would be infinite
        return result;
    for (std::size_t i = 0; i < values.size(); ++i)
        if (std::abs(0.6745 * (values[i] - centre) / mad) > threshold)
            result.push_back(i);
    return result;
}

} // namespace showdown
