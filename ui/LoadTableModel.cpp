#include "LoadTableModel.h"

#include "Format.h"

#include <QJsonDocument>

#include <cmath>

namespace showdown {
namespace {

QString latency(const LoadRow &r, qint64 ns)
{
    return r.valid() ? Format::duration(double(ns)) : QString();
}

/// " [low – high]" when the row has a CI across processes (two or more), else nothing.
QString interval(double low, double high, QString (*format)(double))
{
    return std::isfinite(low) && std::isfinite(high) ? QStringLiteral(" [%1 – %2]").arg(format(low), format(high)) : QString();
}

} // namespace

LoadTableModel::LoadTableModel(QObject *parent) : RowTableModel<LoadRow>(parent)
{
    setColumns({
        {tr("Server"), [](const LoadRow &r) { return r.server; }, {}, {}},
        {tr("Runtime"), [](const LoadRow &r) { return r.runtime; }, {}, {}},
        {tr("Endpoint"), [](const LoadRow &r) { return r.endpoint; }, {}, {}},
        {tr("Connections"), [](const LoadRow &r) { return QString::number(r.connections); }, [](const LoadRow &r) { return r.connections; }, {}},
        {tr("Workers"), [](const LoadRow &r) { return QString::number(r.workers); }, [](const LoadRow &r) { return r.workers; }, {}},
        {tr("n"), [](const LoadRow &r) { return QString::number(r.points); }, [](const LoadRow &r) { return r.points; },
         tr("Server processes that measured the point (one point each)")},
        {tr("Throughput [95% CI]"),
         [](const LoadRow &r) {
             return r.valid() ? tr("%1 /s%2").arg(Format::count(r.requestsPerSec), interval(r.throughputCiLow, r.throughputCiHigh, Format::count))
                              : QString();
         },
         [](const LoadRow &r) { return r.requestsPerSec; },
         tr("Median over processes: requests (chat: messages delivered) per second; bootstrap 95% CI across processes")},
        {tr("Offered"), [](const LoadRow &r) { return r.kind == QLatin1String("chat") && r.offeredPerSec > 0 ? tr("%1 /s").arg(Format::count(r.offeredPerSec)) : QString(); },
         [](const LoadRow &r) { return r.offeredPerSec; }, tr("Chat: every message to every client, per second (rate × clients)")},
        {tr("Lost"), [](const LoadRow &r) { return r.kind == QLatin1String("chat") ? QString::number(r.lost) : QString(); },
         [](const LoadRow &r) { return r.lost; }, tr("Chat: offered deliveries that never arrived")},
        {tr("p50 [95% CI]"), [](const LoadRow &r) { return latency(r, r.p50Ns) + interval(r.p50CiLowNs, r.p50CiHighNs, Format::duration); },
         [](const LoadRow &r) { return r.p50Ns; }, tr("From the merged raw histograms; CI of the per-process p50 across processes")},
        {tr("p99 [95% CI]"), [](const LoadRow &r) { return latency(r, r.p99Ns) + interval(r.p99CiLowNs, r.p99CiHighNs, Format::duration); },
         [](const LoadRow &r) { return r.p99Ns; }, tr("From the merged raw histograms; CI of the per-process p99 across processes")},
        {tr("p99.9"), [](const LoadRow &r) { return latency(r, r.p999Ns); }, [](const LoadRow &r) { return r.p999Ns; }, {}},
        {tr("Max"), [](const LoadRow &r) { return latency(r, r.maxNs); }, [](const LoadRow &r) { return r.maxNs; }, {}},
        {tr("Errors"), [](const LoadRow &r) { return QString::number(r.errors); }, [](const LoadRow &r) { return r.errors; }, {}},
        {tr("Server CPU"), [](const LoadRow &r) { return r.serverCpuCores >= 0 ? tr("%1 cores").arg(r.serverCpuCores, 0, 'f', 2) : tr("unknown"); },
         [](const LoadRow &r) { return r.serverCpuCores; }, {}},
        {tr("Server memory"), [](const LoadRow &r) { return r.serverPssKb >= 0 ? Format::megabytes(double(r.serverPssKb)) : tr("unknown"); },
         [](const LoadRow &r) { return r.serverPssKb; }, tr("Proportional set size summed over the server's processes")},
        {tr("Generator CPU"), [](const LoadRow &r) { return tr("%1 cores").arg(r.generatorCpuCores, 0, 'f', 2); },
         [](const LoadRow &r) { return r.generatorCpuCores; }, tr("The load generator's own CPU: near a full core it may be the bottleneck")},
        {tr("Error"), [](const LoadRow &r) {
             return r.error.isEmpty() && r.errors > 0 ? QString::fromUtf8(QJsonDocument(r.errorsByKind).toJson(QJsonDocument::Compact)) : r.error;
         }, {}, {}},
    });
    setProblem([](const LoadRow &r) { return r.valid() ? QString() : r.error; });
}

QList<int> LoadTableModel::chatColumns() const
{
    QList<int> result;
    for (int c = 0; c < columnCount(); ++c) {
        const QString title = headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
        if (title == tr("Offered") || title == tr("Lost"))
            result.append(c);
    }
    return result;
}

} // namespace showdown
