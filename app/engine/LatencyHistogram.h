#pragma once

#include <QJsonObject>
#include <QString>

#include <array>
#include <optional>

namespace showdown {

/// Latency distribution of a load run in constant memory: wrk-style percentiles over millions of requests
/// cannot keep every value, yet the database must hold data every percentile can be re-derived from.
/// HdrHistogram-style log-linear buckets: values below 128 ns are exact, above that every power of two is
/// split into 128 equal buckets, so a bucket is at most 1/128 (0.78%) of its values wide, better than
/// two significant decimal digits. The range is 1 us .. 100 s; values outside are clamped and counted.
class LatencyHistogram {
public:
    /// Loopback latencies below 1 us are not physical; anything there is a clock glitch, clamped.
    static constexpr qint64 kLowestNs = 1'000;
    /// Far beyond any request timeout: 100 s bounds the bucket array at under 4000 counters.
    static constexpr qint64 kHighestNs = 100'000'000'000;

    /// Counts one latency in O(1) on the generator's hot path; clamps into [kLowestNs, kHighestNs].
    void record(qint64 ns);
    /// Per-thread histograms are combined after a run, without loss.
    void merge(const LatencyHistogram &other);

    /// Number of recorded values (clamped ones included).
    [[nodiscard]] qint64 count() const { return m_count; }
    /// Values that fell outside the range and were clamped, so a report can warn that the tail is cut.
    [[nodiscard]] qint64 clamped() const { return m_clamped; }
    /// The value at or below which q% of the records lie (nearest rank), reported as the highest value of
    /// its bucket and kept within [min, max]; q is clamped into [0, 100]. 0 when nothing was recorded.
    [[nodiscard]] qint64 percentile(double q) const;
    /// Exact largest recorded value (after clamping); 0 when empty.
    [[nodiscard]] qint64 max() const { return m_count > 0 ? m_max : 0; }
    /// Exact smallest recorded value (after clamping); 0 when empty.
    [[nodiscard]] qint64 min() const { return m_count > 0 ? m_min : 0; }
    /// Exact arithmetic mean of the recorded values (after clamping); 0 when empty.
    [[nodiscard]] double mean() const;

    /// The raw data stored in the database: only non-empty buckets as [index, count] pairs, plus the exact
    /// count, min, max, sum and clamped count, and the bucket layout so a reader can refuse a different one.
    [[nodiscard]] QJsonObject toJson() const;
    /// Reads toJson()'s output back exactly; anything malformed or inconsistent is refused with a reason.
    [[nodiscard]] static std::optional<LatencyHistogram> fromJson(const QJsonObject &json, QString *error);

    /// Equal when every bucket and every exact statistic is: a JSON round trip must preserve all of them.
    [[nodiscard]] bool operator==(const LatencyHistogram &other) const = default;

private:
    static constexpr int kSubBucketBits = 7;
    static constexpr int kSubBuckets = 1 << kSubBucketBits;
    // 2^36 < kHighestNs < 2^37: the highest value's top bit is bit 36, i.e. shift 29 in bucketIndex().
    static constexpr int kBucketCount = kSubBuckets + (36 - kSubBucketBits + 1) * kSubBuckets;

    [[nodiscard]] static int bucketIndex(qint64 ns);
    [[nodiscard]] static qint64 bucketLowest(int index);
    [[nodiscard]] static qint64 bucketHighest(int index);

    std::array<qint64, kBucketCount> m_buckets{};
    qint64 m_count = 0;
    qint64 m_clamped = 0;
    qint64 m_sum = 0;
    qint64 m_min = 0;
    qint64 m_max = 0;
};

} // namespace showdown
