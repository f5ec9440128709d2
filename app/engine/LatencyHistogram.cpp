#include "LatencyHistogram.h"

#include <QJsonArray>

#include <algorithm>
#include <bit>
#include <cmath>

namespace showdown {
namespace {

const QString kFormat = QStringLiteral("showdown-latency-histogram-1");

bool readInteger(const QJsonObject &json, const QString &key, qint64 *value, QString *error)
{
    const QJsonValue field = json.value(key);
    // toInteger() gives the fallback for anything that is not a whole number, so two different fallbacks
    // tell a genuine value from a refusal.
    if (!field.isDouble() || field.toInteger(-1) != field.toInteger(-2)) {
        *error = QStringLiteral("latency histogram: \"%1\" is missing or not an integer").arg(key);
        return false;
    }
    *value = field.toInteger();
    if (*value < 0) {
        *error = QStringLiteral("latency histogram: \"%1\" is negative (%2)").arg(key).arg(*value);
        return false;
    }
    return true;
}

} // namespace

int LatencyHistogram::bucketIndex(qint64 ns)
{
    if (ns < kSubBuckets)
        return int(ns);
    // Above 128 the value's top 8 bits pick the bucket: shift drops the bits below them, and the top bits
    // (128..255) continue the index where the previous power of two ended.
    const int shift = (63 - std::countl_zero(quint64(ns))) - kSubBucketBits;
    return shift * kSubBuckets + int(ns >> shift);
}

qint64 LatencyHistogram::bucketLowest(int index)
{
    if (index < kSubBuckets)
        return index;
    const int shift = index / kSubBuckets - 1;
    return qint64(index - shift * kSubBuckets) << shift;
}

qint64 LatencyHistogram::bucketHighest(int index)
{
    if (index < kSubBuckets)
        return index;
    const int shift = index / kSubBuckets - 1;
    return bucketLowest(index) + (qint64(1) << shift) - 1;
}

void LatencyHistogram::record(qint64 ns)
{
    if (ns < kLowestNs || ns > kHighestNs) {
        ++m_clamped;
        ns = std::clamp(ns, kLowestNs, kHighestNs);
    }
    ++m_buckets[std::size_t(bucketIndex(ns))];
    m_min = m_count == 0 ? ns : std::min(m_min, ns);
    m_max = m_count == 0 ? ns : std::max(m_max, ns);
    ++m_count;
    m_sum += ns;
}

void LatencyHistogram::merge(const LatencyHistogram &other)
{
    if (other.m_count == 0)
        return;
    for (std::size_t i = 0; i < m_buckets.size(); ++i)
        m_buckets[i] += other.m_buckets[i];
    m_min = m_count == 0 ? other.m_min : std::min(m_min, other.m_min);
    m_max = m_count == 0 ? other.m_max : std::max(m_max, other.m_max);
    m_count += other.m_count;
    m_clamped += other.m_clamped;
    m_sum += other.m_sum;
}

qint64 LatencyHistogram::percentile(double q) const
{
    if (m_count == 0)
        return 0;
    if (!(q > 0))
        return m_min;
    if (q >= 100)
        return m_max;
    const qint64 rank = std::max<qint64>(1, qint64(std::ceil(q / 100.0 * double(m_count))));
    qint64 seen = 0;
    for (std::size_t i = 0; i < m_buckets.size(); ++i) {
        seen += m_buckets[i];
        if (seen >= rank)
            return std::clamp(bucketHighest(int(i)), m_min, m_max);
    }
    return m_max;
}

double LatencyHistogram::mean() const
{
    return m_count > 0 ? double(m_sum) / double(m_count) : 0.0;
}

QJsonObject LatencyHistogram::toJson() const
{
    QJsonArray buckets;
    for (std::size_t i = 0; i < m_buckets.size(); ++i) {
        if (m_buckets[i] > 0)
            buckets.append(QJsonArray{qint64(i), m_buckets[i]});
    }
    return QJsonObject{{QStringLiteral("format"), kFormat},
                       {QStringLiteral("unit"), QStringLiteral("ns")},
                       {QStringLiteral("sub_bucket_bits"), kSubBucketBits},
                       {QStringLiteral("lowest_ns"), kLowestNs},
                       {QStringLiteral("highest_ns"), kHighestNs},
                       {QStringLiteral("count"), m_count},
                       {QStringLiteral("clamped"), m_clamped},
                       {QStringLiteral("sum"), m_sum},
                       {QStringLiteral("min"), min()},
                       {QStringLiteral("max"), max()},
                       {QStringLiteral("buckets"), buckets}};
}

std::optional<LatencyHistogram> LatencyHistogram::fromJson(const QJsonObject &json, QString *error)
{
    QString ignored;
    QString &why = error ? *error : ignored;
    if (json.value(QStringLiteral("format")).toString() != kFormat) {
        why = QStringLiteral("latency histogram: format is not \"%1\"").arg(kFormat);
        return std::nullopt;
    }
    qint64 subBucketBits = 0, lowest = 0, highest = 0;
    LatencyHistogram histogram;
    if (!readInteger(json, QStringLiteral("sub_bucket_bits"), &subBucketBits, &why)
        || !readInteger(json, QStringLiteral("lowest_ns"), &lowest, &why)
        || !readInteger(json, QStringLiteral("highest_ns"), &highest, &why)
        || !readInteger(json, QStringLiteral("count"), &histogram.m_count, &why)
        || !readInteger(json, QStringLiteral("clamped"), &histogram.m_clamped, &why)
        || !readInteger(json, QStringLiteral("sum"), &histogram.m_sum, &why)
        || !readInteger(json, QStringLiteral("min"), &histogram.m_min, &why)
        || !readInteger(json, QStringLiteral("max"), &histogram.m_max, &why))
        return std::nullopt;
    if (json.value(QStringLiteral("unit")).toString() != QLatin1String("ns") || subBucketBits != kSubBucketBits
        || lowest != kLowestNs || highest != kHighestNs) {
        why = QStringLiteral("latency histogram: bucket layout differs from this version's (ns, %1 sub-bucket bits, "
                             "%2..%3 ns)")
                  .arg(kSubBucketBits)
                  .arg(kLowestNs)
                  .arg(kHighestNs);
        return std::nullopt;
    }
    const QJsonValue bucketsValue = json.value(QStringLiteral("buckets"));
    if (!bucketsValue.isArray()) {
        why = QStringLiteral("latency histogram: \"buckets\" is missing or not an array");
        return std::nullopt;
    }
    qint64 total = 0;
    qint64 previous = -1;
    for (const QJsonValue &entry : bucketsValue.toArray()) {
        const QJsonArray pair = entry.toArray();
        const qint64 index = pair.size() == 2 ? pair.at(0).toInteger(-1) : -1;
        const qint64 count = pair.size() == 2 ? pair.at(1).toInteger(-1) : -1;
        if (index < 0 || index >= kBucketCount || count <= 0) {
            why = QStringLiteral("latency histogram: a bucket is not an [index, count] pair with index 0..%1 and "
                                 "count > 0")
                      .arg(kBucketCount - 1);
            return std::nullopt;
        }
        if (index <= previous) {
            why = QStringLiteral("latency histogram: bucket indices are not strictly increasing at %1").arg(index);
            return std::nullopt;
        }
        previous = index;
        if (count > histogram.m_count - total) {
            why = QStringLiteral("latency histogram: buckets hold more values than count (%1)").arg(histogram.m_count);
            return std::nullopt;
        }
        histogram.m_buckets[std::size_t(index)] = count;
        total += count;
    }
    if (total != histogram.m_count) {
        why = QStringLiteral("latency histogram: buckets hold %1 values but count says %2").arg(total).arg(histogram.m_count);
        return std::nullopt;
    }
    if (histogram.m_count > 0) {
        const auto first = std::find_if(histogram.m_buckets.begin(), histogram.m_buckets.end(), [](qint64 n) { return n > 0; });
        const auto last = std::find_if(histogram.m_buckets.rbegin(), histogram.m_buckets.rend(), [](qint64 n) { return n > 0; });
        const int firstIndex = int(first - histogram.m_buckets.begin());
        const int lastIndex = kBucketCount - 1 - int(last - histogram.m_buckets.rbegin());
        if (bucketIndex(histogram.m_min) != firstIndex || bucketIndex(histogram.m_max) != lastIndex
            || histogram.m_min < kLowestNs || histogram.m_max > kHighestNs) {
            why = QStringLiteral("latency histogram: min %1 / max %2 do not match the first and last buckets")
                      .arg(histogram.m_min)
                      .arg(histogram.m_max);
            return std::nullopt;
        }
        // The mean must lie within [min, max]; integer division keeps the check free of overflow.
        const qint64 whole = histogram.m_sum / histogram.m_count;
        const bool remainder = histogram.m_sum % histogram.m_count != 0;
        if (whole < histogram.m_min || whole > histogram.m_max || (whole == histogram.m_max && remainder)) {
            why = QStringLiteral("latency histogram: sum %1 is impossible for %2 values between min and max")
                      .arg(histogram.m_sum)
                      .arg(histogram.m_count);
            return std::nullopt;
        }
    } else if (histogram.m_min != 0 || histogram.m_max != 0 || histogram.m_sum != 0 || histogram.m_clamped != 0) {
        why = QStringLiteral("latency histogram: an empty histogram has non-zero min, max, sum or clamped");
        return std::nullopt;
    }
    if (histogram.m_clamped > histogram.m_count) {
        why = QStringLiteral("latency histogram: more clamped values (%1) than values (%2)")
                  .arg(histogram.m_clamped)
                  .arg(histogram.m_count);
        return std::nullopt;
    }
    return histogram;
}

} // namespace showdown
