#include "LatencyObjective.h"

#include "LatencyHistogram.h"

#include <QStringList>

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
    if (point.errorCount() > 0) {
        // By kind, so "lost 7266" (a chat room that fell behind) reads differently from "timeout 3".
        QStringList kinds;
        for (auto it = point.errors.begin(); it != point.errors.end(); ++it) {
            if (it.value().toInteger() > 0)
                kinds.append(QStringLiteral("%1 %2").arg(it.key()).arg(it.value().toInteger()));
        }
        return QStringLiteral("errors: %1").arg(kinds.join(QStringLiteral(", ")));
    }
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
