#include "LatencyObjective.h"

#include "LatencyHistogram.h"

namespace showdown {
namespace {

/// Work the step offered: requests, or for a chat room every message to every member.
double offered(const LoadPoint &point)
{
    const double perSecond = point.kind == QLatin1String("chat") ? point.rate * point.connections : point.rate;
    return perSecond * point.durationS;
}

} // namespace

bool LatencyObjective::metBy(const LoadPoint &point) const
{
    return missReason(point).isEmpty();
}

QString LatencyObjective::missReason(const LoadPoint &point) const
{
    if (!point.error.isEmpty())
        return point.error;
    if (point.completed <= 0)
        return QStringLiteral("nothing completed");
    if (const qint64 errors = point.errorCount(); errors > 0)
        return QStringLiteral("%1 errors").arg(errors);
    QString histogramError;
    const std::optional<LatencyHistogram> latency = LatencyHistogram::fromJson(point.latency, &histogramError);
    if (!latency)
        return QStringLiteral("latency histogram unreadable: %1").arg(histogramError);
    const double p99Ms = double(latency->percentile(99)) / 1e6;
    if (p99Ms > this->p99Ms)
        return QStringLiteral("p99 %1 ms over %2 ms").arg(p99Ms, 0, 'f', 1).arg(this->p99Ms, 0, 'g', 4);
    const double want = offered(point);
    if (want > 0 && double(point.completed) < kMinDeliveredShare * want)
        return QStringLiteral("%1 of %2 offered completed").arg(point.completed).arg(qint64(want));
    return {};
}

} // namespace showdown
