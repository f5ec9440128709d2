// Tests for showdown::Statistics. Every expected number is either worked by hand (shown in the comment) or
// was computed once with an independent tool and pasted as a literal; the comment names the tool:
//   numpy 1.24.2, scipy 1.10.1, statsmodels 0.13.5 (Debian bookworm python3-* packages), and boot_ref.py,
//   a Python re-implementation of the bootstrap described in the comment of bootstrapMatchesIndependentReimplementation.
#include "Statistics.h"

#include <QElapsedTimer>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

using showdown::BootstrapMethod;
using showdown::RatioEstimate;
using showdown::Statistics;

namespace {

bool near(double actual, double expected, double relTol)
{
    return std::abs(actual - expected) <= relTol * std::max(1.0, std::abs(expected));
}

} // namespace

// QCOMPARE on doubles uses qFuzzyCompare, which fails whenever the expected value is 0.
#define CHECK_NEAR(actual, expected, relTol)                                                                  \
    do {                                                                                                      \
        const double a_ = (actual), e_ = (expected);                                                          \
        QVERIFY2(near(a_, e_, relTol),                                                                        \
                 qPrintable(QStringLiteral("%1 = %2, expected %3").arg(#actual).arg(a_, 0, 'g', 17).arg(e_, 0, 'g', 17))); \
    } while (false)

class StatisticsTest : public QObject {
    Q_OBJECT

private slots:
    void permutationIsAFixedShuffle()
    {
        const std::vector<std::size_t> order = Statistics::permutation(40, 7);
        std::vector<std::size_t> sorted = order;
        std::sort(sorted.begin(), sorted.end());
        for (std::size_t i = 0; i < sorted.size(); ++i)
            QCOMPARE(sorted[i], i);  // every index exactly once
        QCOMPARE(Statistics::permutation(40, 7), order);  // the same seed, the same order
        QVERIFY(Statistics::permutation(40, 8) != order);
        QVERIFY(!std::is_sorted(order.begin(), order.end()));
        QVERIFY(Statistics::permutation(0, 7).empty());
        QCOMPARE(Statistics::permutation(1, 7), std::vector<std::size_t>{0});
    }

    void bootstrapMedianOfOneSample()
    {
        const std::vector<double> values{10, 12, 11, 30, 9};
        const RatioEstimate estimate = Statistics::bootstrapMedian(values);
        QCOMPARE(estimate.ratio, Statistics::median(values));
        QVERIFY(estimate.ciLow >= 9 && estimate.ciLow <= estimate.ratio);
        QVERIFY(estimate.ciHigh <= 30 && estimate.ciHigh >= estimate.ratio);
        QVERIFY(estimate.ciLow < estimate.ciHigh);
        const RatioEstimate again = Statistics::bootstrapMedian(values);
        QCOMPARE(again.ciLow, estimate.ciLow);
        const std::vector<double> one{42};
        const RatioEstimate single = Statistics::bootstrapMedian(one);
        QCOMPARE(single.ratio, 42.0);
        QVERIFY(std::isnan(single.ciLow) && std::isnan(single.ciHigh));
        QVERIFY(std::isnan(Statistics::bootstrapMedian(std::vector<double>{}).ratio));
    }

    void summarizeEvenN()
    {
        // Classic textbook set (population sd exactly 2). numpy: median 4.5, mean 5.0, std(ddof=1)
        // 2.138089935299395, percentile 5 -> 2.7, 95 -> 8.299999999999999;
        // scipy.stats.median_abs_deviation -> 0.5 (by hand: |x-4.5| = 2.5,.5,.5,.5,.5,.5,2.5,4.5).
        const std::vector<double> v{2, 4, 4, 4, 5, 5, 7, 9};
        const auto s = Statistics::summarize(v);
        QCOMPARE(s.n, std::size_t(8));
        CHECK_NEAR(s.median, 4.5, 1e-15);
        CHECK_NEAR(s.mean, 5.0, 1e-15);
        CHECK_NEAR(s.sd, 2.138089935299395, 1e-14); // = sqrt(32/7)
        CHECK_NEAR(s.mad, 0.5, 1e-15);
        CHECK_NEAR(s.min, 2.0, 0);
        CHECK_NEAR(s.max, 9.0, 0);
        CHECK_NEAR(s.p5, 2.7, 1e-14);
        CHECK_NEAR(s.p95, 8.299999999999999, 1e-14);
        CHECK_NEAR(s.cv, 0.427617987059879, 1e-14); // numpy std(ddof=1)/mean
    }

    void summarizeOddNUnsorted()
    {
        // numpy / scipy.stats.median_abs_deviation on the same list.
        const std::vector<double> v{12.5, 3.0, 7.25, 9.0, 1.5, 30.0, 8.0};
        const auto s = Statistics::summarize(v);
        QCOMPARE(s.n, std::size_t(7));
        CHECK_NEAR(s.median, 8.0, 1e-15);
        CHECK_NEAR(s.mean, 10.178571428571429, 1e-14);
        CHECK_NEAR(s.sd, 9.485421144351697, 1e-14);
        CHECK_NEAR(s.mad, 4.5, 1e-15);
        CHECK_NEAR(s.min, 1.5, 0);
        CHECK_NEAR(s.max, 30.0, 0);
        CHECK_NEAR(s.p5, 1.9500000000000002, 1e-14);
        CHECK_NEAR(s.p95, 24.749999999999986, 1e-14);
        CHECK_NEAR(s.cv, 0.9319010247082369, 1e-14);
    }

    void summarizeSingleAndEmpty()
    {
        const std::vector<double> one{42.5};
        const auto s = Statistics::summarize(one);
        QCOMPARE(s.n, std::size_t(1));
        for (double x : {s.median, s.mean, s.min, s.max, s.p5, s.p95})
            QCOMPARE(x, 42.5);
        QCOMPARE(s.sd, 0.0);
        QCOMPARE(s.mad, 0.0);
        QCOMPARE(s.cv, 0.0);

        const auto e = Statistics::summarize({});
        QCOMPARE(e.n, std::size_t(0));
        for (double x : {e.median, e.mean, e.sd, e.mad, e.min, e.max, e.p5, e.p95, e.cv})
            QCOMPARE(x, 0.0);
    }

    void summarizeZeroMeanHasZeroCv()
    {
        const std::vector<double> v{-1, 1}; // by hand: mean 0, sd sqrt(2)
        const auto s = Statistics::summarize(v);
        CHECK_NEAR(s.sd, std::sqrt(2.0), 1e-15);
        QCOMPARE(s.cv, 0.0);
    }

    void percentileMatchesNumpy_data()
    {
        QTest::addColumn<std::vector<double>>("values");
        QTest::addColumn<double>("p");
        QTest::addColumn<double>("expected");
        // numpy.percentile(x, p) with the default method='linear'.
        const std::vector<double> x{15, 20, 35, 40, 50};
        QTest::newRow("x p0") << x << 0.0 << 15.0;
        QTest::newRow("x p5") << x << 5.0 << 16.0;
        QTest::newRow("x p25") << x << 25.0 << 20.0;
        QTest::newRow("x p33.3") << x << 33.3 << 24.979999999999997;
        QTest::newRow("x p40") << x << 40.0 << 29.0;
        QTest::newRow("x p50") << x << 50.0 << 35.0;
        QTest::newRow("x p95") << x << 95.0 << 48.0;
        QTest::newRow("x p100") << x << 100.0 << 50.0;
        const std::vector<double> y{3.5, -1.0, 8.0, 2.25, 10.0, 4.0}; // unsorted, negative, even n
        QTest::newRow("y p10") << y << 10.0 << 0.625;
        QTest::newRow("y p50") << y << 50.0 << 3.75;
        QTest::newRow("y p62.5") << y << 62.5 << 4.5;
        QTest::newRow("y p90") << y << 90.0 << 9.0;
        QTest::newRow("single") << std::vector<double>{7.0} << 37.0 << 7.0;
    }

    void percentileMatchesNumpy()
    {
        QFETCH(std::vector<double>, values);
        QFETCH(double, p);
        QFETCH(double, expected);
        CHECK_NEAR(Statistics::percentile(values, p), expected, 1e-14);
    }

    void percentileRejectsBadInput()
    {
        const std::vector<double> x{1, 2, 3};
        QVERIFY(std::isnan(Statistics::percentile({}, 50)));
        QVERIFY(std::isnan(Statistics::percentile(x, -0.1)));
        QVERIFY(std::isnan(Statistics::percentile(x, 100.1)));
        QVERIFY(std::isnan(Statistics::percentile(x, std::numeric_limits<double>::quiet_NaN())));
    }

    void medianBasics()
    {
        QCOMPARE(Statistics::median(std::vector<double>{3, 1, 2}), 2.0);
        QCOMPARE(Statistics::median(std::vector<double>{4, 1, 3, 2}), 2.5);
        QVERIFY(std::isnan(Statistics::median({})));
    }

    void mannWhitneyTextbookExact()
    {
        // scipy.stats.mannwhitneyu docs example, from Ludbrook & Dudley (1998), "Why permutation tests are
        // superior to t and F tests in biomedical research", Am. Stat. 52(2): ages at diagnosis.
        // Published: U1 = 17, exact two-sided p = 0.1111 (= 1/9: 7 of the C(9,4) = 126 rank arrangements
        // give U >= 17, doubled). scipy 1.10.1 method='exact' -> 0.1111111111111111.
        const std::vector<double> males{19, 22, 16, 29, 24};
        const std::vector<double> females{20, 11, 17, 12};
        CHECK_NEAR(Statistics::mannWhitneyP(males, females), 1.0 / 9.0, 1e-14);
        CHECK_NEAR(Statistics::mannWhitneyP(females, males), 1.0 / 9.0, 1e-14);
    }

    void mannWhitneyExactSmall()
    {
        // By hand: complete separation of 3 vs 3 -> only 1 of C(6,3) = 20 arrangements is that extreme
        // in each direction, p = 2/20 = 0.1. scipy method='exact' agrees (0.1).
        QCOMPARE(Statistics::mannWhitneyP(std::vector<double>{1, 2, 3}, std::vector<double>{4, 5, 6}), 0.1);
        QCOMPARE(Statistics::mannWhitneyP(std::vector<double>{4, 5, 6}, std::vector<double>{1, 2, 3}), 0.1);
        // 8 vs 8, no ties: scipy.stats.mannwhitneyu(..., method='exact').pvalue = 0.06495726495726495.
        const std::vector<double> a{1.1, 2.2, 3.3, 4.4, 5.5, 6.6, 7.7, 8.8};
        const std::vector<double> b{2.5, 4.5, 6.5, 8.5, 10.5, 12.5, 14.5, 16.5};
        CHECK_NEAR(Statistics::mannWhitneyP(a, b), 0.06495726495726495, 1e-13);
    }

    void mannWhitneyAsymptoticWithTies()
    {
        // Ties force the normal approximation even though both samples are small.
        // scipy.stats.mannwhitneyu(a, b, method='asymptotic', use_continuity=True).pvalue = 0.26377283443441935.
        const std::vector<double> a{3, 4, 4, 5, 6, 6, 6, 8};
        const std::vector<double> b{1, 2, 4, 4, 5, 5, 7};
        CHECK_NEAR(Statistics::mannWhitneyP(a, b), 0.26377283443441935, 1e-12);
        CHECK_NEAR(Statistics::mannWhitneyP(b, a), 0.26377283443441935, 1e-12);

        // n > 8 with ties across the samples (7, 13, 19, 25 in both): same scipy call -> 0.043688278659850664.
        std::vector<double> c, d;
        for (int v = 1; v < 31; v += 2)
            c.push_back(v);
        c.push_back(0.5);
        for (int v = 4; v < 44; v += 3)
            d.push_back(v);
        CHECK_NEAR(Statistics::mannWhitneyP(c, d), 0.043688278659850664, 1e-12);
    }

    void mannWhitneyAsymptoticLargeNoTies()
    {
        // 12 vs 10, no ties: scipy method='asymptotic', use_continuity=True (also what 'auto' picks)
        // -> 0.04431379228316605.
        const std::vector<double> a{0.8, 1.9, 2.7, 3.1, 4.6, 5.2, 6.05, 7.3, 8.8, 9.15, 10.4, 11.9};
        const std::vector<double> b{3.35, 4.25, 6.5, 7.75, 9.6, 10.1, 12.2, 13.45, 14.7, 15.05};
        CHECK_NEAR(Statistics::mannWhitneyP(a, b), 0.04431379228316605, 1e-12);
    }

    void mannWhitneyIdenticalAndEmpty()
    {
        // scipy gives 1.0 for both cases.
        const std::vector<double> same{1, 2, 3, 4};
        QCOMPARE(Statistics::mannWhitneyP(same, same), 1.0);
        const std::vector<double> fives{5, 5, 5};
        QCOMPARE(Statistics::mannWhitneyP(fives, fives), 1.0);
        QVERIFY(std::isnan(Statistics::mannWhitneyP({}, same)));
        QVERIFY(std::isnan(Statistics::mannWhitneyP(same, {})));
    }

    void holmHandWorked()
    {
        // By hand: sorted 0.005*4 = 0.02, 0.01*3 = 0.03, 0.03*2 = 0.06, 0.04*1 = 0.04 -> raised to 0.06 by the
        // running max. statsmodels multipletests(method='holm') agrees: [0.03, 0.06, 0.06, 0.02].
        const auto adj = Statistics::holm(std::vector<double>{0.01, 0.04, 0.03, 0.005});
        QCOMPARE(adj.size(), std::size_t(4));
        CHECK_NEAR(adj[0], 0.03, 1e-15);
        CHECK_NEAR(adj[1], 0.06, 1e-15);
        CHECK_NEAR(adj[2], 0.06, 1e-15);
        CHECK_NEAR(adj[3], 0.02, 1e-15);
    }

    void holmMatchesStatsmodels()
    {
        // statsmodels 0.13.5 multipletests([...], method='holm')[1] -> [0.08, 0.005, 0.2, 0.09, 0.09].
        const auto adj = Statistics::holm(std::vector<double>{0.02, 0.001, 0.2, 0.04, 0.03});
        const std::vector<double> expected{0.08, 0.005, 0.2, 0.09, 0.09};
        QCOMPARE(adj.size(), expected.size());
        for (std::size_t i = 0; i < adj.size(); ++i)
            CHECK_NEAR(adj[i], expected[i], 1e-15);
        // Capped at 1: statsmodels -> [1.0, 1.0].
        const auto capped = Statistics::holm(std::vector<double>{0.5, 0.6});
        QCOMPARE(capped, (std::vector<double>{1.0, 1.0}));
    }

    void holmEdgeCases()
    {
        QVERIFY(Statistics::holm({}).empty());
        // NaN stays NaN and is not counted: the family is {0.01, 0.04}, so by hand 0.02 and 0.04.
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const auto adj = Statistics::holm(std::vector<double>{0.04, nan, 0.01});
        QCOMPARE(adj.size(), std::size_t(3));
        CHECK_NEAR(adj[0], 0.04, 1e-15);
        QVERIFY(std::isnan(adj[1]));
        CHECK_NEAR(adj[2], 0.02, 1e-15);
    }

    void outliersFindsObviousOne()
    {
        // numpy: median 10, MAD 0.1, modified z = 0.6745*(x-10)/0.1 -> only 50 exceeds 3.5 (z = 269.8;
        // next largest |z| = 1.349).
        const std::vector<double> v{10, 10.1, 9.9, 10.2, 9.8, 10.0, 50};
        QCOMPARE(Statistics::outliers(v), (std::vector<std::size_t>{6}));
        // numpy: median 1.025, MAD 0.1; |z| = 26.81 (5.0), 27.15 (-3.0), 2.53 (1.4), the rest < 1.2.
        const std::vector<double> w{1.0, 1.2, 0.9, 1.1, 1.0, 1.05, 0.95, 5.0, -3.0, 1.4};
        QCOMPARE(Statistics::outliers(w), (std::vector<std::size_t>{7, 8}));
        QCOMPARE(Statistics::outliers(w, 2.5), (std::vector<std::size_t>{7, 8, 9}));
    }

    void outliersNoneWhenMadZero()
    {
        // By hand: median 5, deviations 0,0,0,0,4 -> MAD 0.
        QVERIFY(Statistics::outliers(std::vector<double>{5, 5, 5, 5, 9}).empty());
        QVERIFY(Statistics::outliers({}).empty());
    }

    void bootstrapMatchesIndependentReimplementation()
    {
        // boot_ref.py: MT19937-64 written in Python from the published algorithm (checked against the
        // C++ standard's required 10000th output 9981545732273789042 for the default seed), indices drawn
        // by the same rejection rule (reject r < 2^64 mod n, then r % n), a's draws then b's per resample,
        // numpy.median per resample and numpy.percentile (linear) for the CI. A mismatch here means results
        // differ from what the documentation promises on this platform.
        const std::vector<double> a{105.0, 98.5, 110.25, 101.0, 99.75, 130.0, 102.5, 97.0, 104.0, 100.5, 108.0, 96.25};
        const std::vector<double> b{52.0, 49.5, 55.25, 50.0, 61.0, 48.75, 51.5, 53.0, 50.25};
        const auto r = Statistics::bootstrapRatioOfMedians(a, b, 2000, 42, 0.9);
        CHECK_NEAR(r.ratio, 1.9757281553398058, 1e-15);
        CHECK_NEAR(r.ciLow, 1.8914027149321266, 1e-14);
        CHECK_NEAR(r.ciHigh, 2.080808080808081, 1e-14);
        const auto d = Statistics::bootstrapRatioOfMedians(a, b); // defaults: 10000, seed 20261125, 0.95
        CHECK_NEAR(d.ratio, 1.9757281553398058, 1e-15);
        CHECK_NEAR(d.ciLow, 1.8687782805429864, 1e-14);
        CHECK_NEAR(d.ciHigh, 2.1, 1e-14);
    }

    void bootstrapDeterministicAndContainsRatio()
    {
        const auto a = sample(40, 100, 30, 1);
        const auto b = sample(40, 60, 20, 2);
        const auto first = Statistics::bootstrapRatioOfMedians(a, b, 3000, 7);
        const auto again = Statistics::bootstrapRatioOfMedians(a, b, 3000, 7);
        QCOMPARE(again.ratio, first.ratio);
        QCOMPARE(again.ciLow, first.ciLow);
        QCOMPARE(again.ciHigh, first.ciHigh);
        const auto otherSeed = Statistics::bootstrapRatioOfMedians(a, b, 3000, 8);
        QVERIFY(otherSeed.ciLow != first.ciLow || otherSeed.ciHigh != first.ciHigh);

        QCOMPARE(first.ratio, Statistics::median(a) / Statistics::median(b));
        QVERIFY(first.ciLow < first.ratio);
        QVERIFY(first.ratio < first.ciHigh);
    }

    void bootstrapNarrowsWithMoreData()
    {
        const auto small = Statistics::bootstrapRatioOfMedians(sample(15, 100, 30, 3), sample(15, 60, 20, 4), 3000);
        const auto large = Statistics::bootstrapRatioOfMedians(sample(1500, 100, 30, 3), sample(1500, 60, 20, 4), 3000);
        // 100x the data should shrink the width about 10x; demand at least 3x.
        QVERIFY2((large.ciHigh - large.ciLow) * 3 < small.ciHigh - small.ciLow,
                 qPrintable(QStringLiteral("widths %1 vs %2").arg(large.ciHigh - large.ciLow).arg(small.ciHigh - small.ciLow)));
    }

    void bootstrapKnownRatioAndDegenerate()
    {
        // By hand: median(a) = 30, median(b) = 12 (sorted 8 10 12 14 16) -> 2.5.
        const auto r = Statistics::bootstrapRatioOfMedians(std::vector<double>{10, 30, 50, 20, 40},
                                                           std::vector<double>{8, 16, 12, 14, 10}, 500);
        QCOMPARE(r.ratio, 2.5);
        // All values equal: every resample gives 10/4, so the CI collapses onto the ratio.
        const auto d = Statistics::bootstrapRatioOfMedians(std::vector<double>(20, 10.0), std::vector<double>(9, 4.0));
        QCOMPARE(d.ratio, 2.5);
        QCOMPARE(d.ciLow, 2.5);
        QCOMPARE(d.ciHigh, 2.5);
    }

    void bootstrapInvalidInput()
    {
        const std::vector<double> x{1, 2, 3};
        for (const auto &e : {Statistics::bootstrapRatioOfMedians({}, x), Statistics::bootstrapRatioOfMedians(x, {}),
                              Statistics::bootstrapRatioOfMedians(x, std::vector<double>{0, 0, 5})}) {
            QVERIFY(std::isnan(e.ratio));
            QVERIFY(std::isnan(e.ciLow));
            QVERIFY(std::isnan(e.ciHigh));
        }
        const auto noResamples = Statistics::bootstrapRatioOfMedians(x, x, 0);
        QCOMPARE(noResamples.ratio, 1.0);
        QVERIFY(std::isnan(noResamples.ciLow) && std::isnan(noResamples.ciHigh));
        const auto badConfidence = Statistics::bootstrapRatioOfMedians(x, x, 100, 1, 1.0);
        QVERIFY(std::isnan(badConfidence.ciLow) && std::isnan(badConfidence.ciHigh));
    }

    void summarizeQuartilesAndMedianInterval()
    {
        // numpy.percentile(range(1, 11), [25, 75]) = 3.25, 7.75. Order-statistic ranks for n = 10:
        // half = 1.959964*sqrt(10)/2 = 3.099, ranks floor(5 - 3.099) = 1 and ceil(5 + 3.099) + 1 = 10.
        std::vector<double> v{7, 1, 9, 3, 5, 2, 10, 4, 8, 6};
        auto s = Statistics::summarize(v);
        QCOMPARE(s.p25, 3.25);
        QCOMPARE(s.p75, 7.75);
        QVERIFY(s.hasMedianCi());
        QCOMPARE(s.medianCiLow, 1.0);
        QCOMPARE(s.medianCiHigh, 10.0);
        // n = 100, values 1..100: half = 9.7998, ranks floor(40.2) = 40 and ceil(59.8) + 1 = 61.
        v.clear();
        for (int i = 100; i >= 1; --i)
            v.push_back(i);
        s = Statistics::summarize(v);
        QCOMPARE(s.medianCiLow, 40.0);
        QCOMPARE(s.medianCiHigh, 61.0);
        // Under 6 values no order statistic covers the median with 95%: no interval.
        s = Statistics::summarize(std::vector<double>{1, 2, 3, 4, 5});
        QVERIFY(!s.hasMedianCi());
        QCOMPARE(s.medianCiLow, 0.0);
    }

    void orderStatisticMediansHaveTheExactBootstrapDistribution_data()
    {
        QTest::addColumn<QList<double>>("list");
        QTest::newRow("n=4, even: the upper middle value's conditional draw") << QList<double>{1, 2, 4, 8};
        QTest::newRow("n=5, odd") << QList<double>{3, 1, 9, 27, 81};
        QTest::newRow("n=6 with a tie") << QList<double>{5, 1, 5, 2, 13, 8};
    }

    void orderStatisticMediansHaveTheExactBootstrapDistribution()
    {
        // Every one of the n^n equally likely resamples is enumerated, giving the bootstrap distribution of the
        // median exactly. With b = {1} the bootstrap ratio IS the resample's median, so its percentiles over
        // 100,000 draws must land on the exact quantiles wherever the exact CDF jumps clearly across the tail
        // probability (margin 0.01, over six standard errors of an empirical CDF from 100,000 draws).
        QFETCH(QList<double>, list);
        const std::vector<double> values(list.begin(), list.end());
        const std::size_t n = values.size();
        std::vector<double> medians;
        std::vector<std::size_t> index(n, 0);
        for (;;) {
            std::vector<double> resample;
            for (std::size_t i : index)
                resample.push_back(values[i]);
            medians.push_back(Statistics::median(resample));
            std::size_t digit = 0;
            while (digit < n && ++index[digit] == n)
                index[digit++] = 0;
            if (digit == n)
                break;
        }
        std::sort(medians.begin(), medians.end());
        const double total = static_cast<double>(medians.size());
        int checked = 0;
        for (double tail : {0.05, 0.1, 0.2, 0.3, 0.4}) {
            // The exact lower-tail quantile: the smallest median whose CDF exceeds `tail`.
            const std::size_t at = static_cast<std::size_t>(std::ceil(tail * total));
            const double quantile = medians[std::min(at, medians.size() - 1)];
            const double below = static_cast<double>(std::lower_bound(medians.begin(), medians.end(), quantile) - medians.begin()) / total;
            const double upTo = static_cast<double>(std::upper_bound(medians.begin(), medians.end(), quantile) - medians.begin()) / total;
            if (below > tail - 0.01 || upTo < tail + 0.01)
                continue;  // too close to a jump for 100,000 draws to decide
            const auto r = Statistics::bootstrapRatioOfMedians(values, std::vector<double>{1}, 100000, 99, 1 - 2 * tail,
                                                               BootstrapMethod::OrderStatistics);
            QCOMPARE(r.ciLow, quantile);
            ++checked;
        }
        QVERIFY2(checked >= 2, "too few tail probabilities away from a jump to test anything");
    }

    void orderStatisticsAgreesWithResampling_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("resamples");
        QTest::addColumn<bool>("integers");
        QTest::newRow("n=2000") << 2000 << 10000 << false;
        QTest::newRow("n=2001, odd") << 2001 << 10000 << false;
        QTest::newRow("n=2000, integer timings with ties") << 2000 << 10000 << true;
        QTest::newRow("n=20000") << 20000 << 4000 << false;
    }

    void orderStatisticsAgreesWithResampling()
    {
        // The two methods draw from the same bootstrap distribution with different random streams, so their
        // CI endpoints differ only by Monte Carlo error: for a 95% endpoint from R resamples about
        // 0.7% (R = 10,000) to 1.1% (R = 4,000) of the CI's width each, so about 1-1.6% for the difference.
        // Tolerance: 8% of the width (over five standard errors), and the endpoints must still differ from
        // the ratio by far more than that.
        QFETCH(int, n);
        QFETCH(int, resamples);
        QFETCH(bool, integers);
        std::vector<double> a = sample(n, 100, 30, 11), b = sample(n + 1, 60, 20, 12);
        if (integers) {
            for (double &x : a)
                x = std::round(x / 2);  // about 15 distinct values: heavy ties
            for (double &x : b)
                x = std::round(x / 2);
        }
        for (double confidence : {0.95, 0.8}) {
            const auto full = Statistics::bootstrapRatioOfMedians(a, b, resamples, 5, confidence, BootstrapMethod::Resampling);
            const auto fast = Statistics::bootstrapRatioOfMedians(a, b, resamples, 5, confidence, BootstrapMethod::OrderStatistics);
            QCOMPARE(fast.ratio, full.ratio);
            const double width = full.ciHigh - full.ciLow;
            QVERIFY(width > 0);
            QVERIFY2(std::abs(fast.ciLow - full.ciLow) <= 0.08 * width && std::abs(fast.ciHigh - full.ciHigh) <= 0.08 * width,
                     qPrintable(QStringLiteral("confidence %1: resampling [%2, %3], order statistics [%4, %5]")
                                    .arg(confidence)
                                    .arg(full.ciLow, 0, 'g', 8)
                                    .arg(full.ciHigh, 0, 'g', 8)
                                    .arg(fast.ciLow, 0, 'g', 8)
                                    .arg(fast.ciHigh, 0, 'g', 8)));
        }
    }

    void automaticSwitchesAboveTheLimitAndKeepsSmallSetsUnchanged()
    {
        // Up to the limit, Automatic is the resampling bootstrap bit for bit (results of earlier versions hold).
        const auto a = sample(int(Statistics::kResamplingLimit), 100, 30, 21), b = sample(300, 60, 20, 22);
        const auto automatic = Statistics::bootstrapRatioOfMedians(a, b, 2000, 3);
        const auto resampled = Statistics::bootstrapRatioOfMedians(a, b, 2000, 3, 0.95, BootstrapMethod::Resampling);
        QCOMPARE(automatic.ciLow, resampled.ciLow);
        QCOMPARE(automatic.ciHigh, resampled.ciHigh);
        // One value more on one side and it draws medians from their distribution: same seed, same result.
        const auto c = sample(int(Statistics::kResamplingLimit) + 1, 100, 30, 21);
        const auto above = Statistics::bootstrapRatioOfMedians(c, b, 2000, 3);
        const auto ordered = Statistics::bootstrapRatioOfMedians(c, b, 2000, 3, 0.95, BootstrapMethod::OrderStatistics);
        QCOMPARE(above.ciLow, ordered.ciLow);
        QCOMPARE(above.ciHigh, ordered.ciHigh);
        QCOMPARE(Statistics::bootstrapRatioOfMedians(c, b, 2000, 3).ciLow, above.ciLow);  // fixed seed: reproducible
    }

    void millionValuesStayBounded()
    {
        // 10,000 resamples of 1,000,000 values a side would mean 2e10 draws by resampling; by order statistics
        // it is two sorts and a table. The interval must still contain the ratio and be about as wide as
        // theory says: the median's standard error shrinks as 1/sqrt(n), so n = 1e6 gives a CI about
        // 1/sqrt(1e6/2000) = 1/22 as wide as n = 2000.
        const auto a = sample(1000000, 100, 30, 31), b = sample(1000000, 60, 20, 32);
        QElapsedTimer timer;
        timer.start();
        const auto big = Statistics::bootstrapRatioOfMedians(a, b);
        const qint64 elapsed = timer.elapsed();
        QVERIFY(big.ciLow < big.ratio && big.ratio < big.ciHigh);
        const auto moderate = Statistics::bootstrapRatioOfMedians(sample(2000, 100, 30, 31), sample(2000, 60, 20, 32));
        const double shrink = (moderate.ciHigh - moderate.ciLow) / (big.ciHigh - big.ciLow);
        QVERIFY2(shrink > 15 && shrink < 32, qPrintable(QStringLiteral("CI shrank %1x").arg(shrink)));
        qInfo("1,000,000 values a side, 10,000 resamples: %lld ms", elapsed);
        // Mann-Whitney ranks by one sort: a shift of 1% of the median is found on a million values.
        std::vector<double> shifted = a;
        for (double &x : shifted)
            x *= 1.01;
        timer.restart();
        QVERIFY(Statistics::mannWhitneyP(a, shifted) < 1e-10);
        qInfo("Mann-Whitney on 1,000,000 a side: %lld ms", timer.elapsed());
    }

private:
    // Deterministic positive right-skewed "timings": offset + spread * u^2, u uniform in [0,1) from the top
    // 53 bits of mt19937_64 (whose output the standard fixes), so the data is the same everywhere.
    static std::vector<double> sample(int n, double offset, double spread, std::uint64_t seed)
    {
        std::mt19937_64 rng(seed);
        std::vector<double> v;
        for (int i = 0; i < n; ++i) {
            const double u = static_cast<double>(rng() >> 11) * 0x1.0p-53;
            v.push_back(offset + spread * u * u);
        }
        return v;
    }
};

QTEST_APPLESS_MAIN(StatisticsTest)
#include "StatisticsTest.moc"
