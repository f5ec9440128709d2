#include "ServerReport.h"

#include "ChartFactory.h"
#include "Format.h"
#include "ReportLayout.h"
#include "ServerRows.h"

#include <QChart>
#include <QCoreApplication>

#include <cmath>

namespace showdown {
namespace {

constexpr qreal kLineChartHeight = 330;

QString tr(const char *text)
{
    return QCoreApplication::translate("ServerReport", text);
}

QString withInterval(const QString &value, double low, double high, QString (*format)(double))
{
    return std::isfinite(low) && std::isfinite(high) ? QStringLiteral("%1 [%2 – %3]").arg(value, format(low), format(high)) : value;
}

QString p99Text(const LoadRow &r)
{
    return r.valid() && r.p99Ns > 0 ? withInterval(Format::duration(double(r.p99Ns)), r.p99CiLowNs, r.p99CiHighNs, Format::duration) : QString();
}

QString throughputText(const LoadRow &r)
{
    return r.valid() ? withInterval(Format::count(r.requestsPerSec), r.throughputCiLow, r.throughputCiHigh, Format::count) : QString();
}

/// Bars are one row each: the chart grows with the servers so every label keeps its line.
qreal barsHeight(const QList<CapacityRow> &rows)
{
    return std::max<qreal>(170, 90 + 34 * qreal(rows.size()));  // two lines a bar: the name and the per-core figure
}

void capacityCharts(ReportDocument &layout, const QList<CapacityRow> &capacity, const QList<QStringList> &groups, const QString &what,
                    const ChartStyle &style)
{
    if (capacity.isEmpty())
        return;
    for (qsizetype g = 0; g < std::max<qsizetype>(1, groups.size()); ++g) {
        const QStringList only = groups.isEmpty() ? QStringList() : groups.at(g);
        const QString title = tr("%1: p99 against achieved rate in the capacity search%2").arg(what, ServerRows::groupSuffix(groups, g));
        layout.chart([capacity, only, title, style] { return ReportLayout::forPaper(ChartFactory::latencyAgainstRate(capacity, title, style, only)); },
                     kLineChartHeight, tr("No capacity step of %1 reached a measured rate.").arg(what));
    }
    const QString title = tr("%1: capacity at %2 (higher is better)").arg(what, ServerRows::objective(capacity));
    layout.chart([capacity, title, style] { return ReportLayout::forPaper(ChartFactory::capacityBars(capacity, title, style)); },
                 barsHeight(capacity), tr("No capacity for %1.").arg(what));
}

void capacityTable(ReportDocument &layout, const QList<CapacityRow> &capacity, const QString &connections)
{
    if (capacity.isEmpty())
        return;
    QList<QStringList> table;
    for (const CapacityRow &r : capacity)
        table.append({ServerRows::seriesName(r.server, r.runtime, r.workers), r.endpoint, QString::number(r.connections),
                      tr("p99 ≤ %1 ms").arg(r.sloP99Ms), ChartFactory::capacityText(r), QString::number(r.rates.size()),
                      ChartFactory::perCoreText(r)});
    layout.table({tr("Server"), tr("Endpoint"), connections, tr("Objective"), tr("Capacity [95% CI]"), tr("n"), tr("Per core")}, table,
                 {0.22, 0.09, 0.08, 0.12, 0.25, 0.05, 0.19}, {2, 4, 5, 6});
}

/// What the Concurrency charts show, above them wherever they are drawn.
void concurrencyNote(ReportDocument &layout)
{
    layout.note(tr("HTTP servers on loopback, one endpoint at a time. Throughput and p99 against connections: median over server "
                   "processes, whiskers the bootstrap 95% CI across them (none with one process). Capacity: the highest constant "
                   "rate at which p99 (from the intended send time) stayed under the objective with no errors; beside each bar, "
                   "requests per second per core of server CPU."));
}

/// The Concurrency section's body: per endpoint its charts, then the load and capacity tables.
void endpoints(ReportDocument &layout, const QList<LoadRow> &rows, const QList<CapacityRow> &capacity, const QList<LoadRow> &others,
               const ChartStyle &style)
{
    for (const QString &endpoint : ServerRows::endpoints(rows, capacity)) {
        const QList<LoadRow> part = ServerRows::ofEndpoint(rows, endpoint);
        const QList<CapacityRow> searched = ServerRows::ofEndpoint(capacity, endpoint);
        const QList<QStringList> groups = ServerRows::seriesGroups(part, searched);
        layout.heading(tr("Endpoint %1").arg(endpoint), 2);
        if (!part.isEmpty()) {
            for (qsizetype g = 0; g < groups.size(); ++g) {
                const QStringList only = groups.at(g);
                const QString title = tr("%1: throughput against connections (higher is better)%2").arg(endpoint, ServerRows::groupSuffix(groups, g));
                layout.chart([part, only, title, style] { return ReportLayout::forPaper(ChartFactory::throughput(part, title, style, only)); },
                             kLineChartHeight, ServerRows::whyNoChart(part, endpoint));
            }
            for (qsizetype g = 0; g < groups.size(); ++g) {
                const QStringList only = groups.at(g);
                const QString title = tr("%1: p99 latency against connections (lower is better)%2").arg(endpoint, ServerRows::groupSuffix(groups, g));
                layout.chart([part, only, title, style] { return ReportLayout::forPaper(ChartFactory::latency(part, title, style, only)); },
                             kLineChartHeight, ServerRows::whyNoChart(part, endpoint));
            }
        }
        if (searched.isEmpty())
            layout.note(tr("No capacity search in this set for %1.").arg(endpoint));
        capacityCharts(layout, searched, groups, endpoint, style);
    }
    if (!rows.isEmpty()) {
        QList<QStringList> load;
        for (const LoadRow &r : rows)
            load.append({ServerRows::seriesName(r.server, r.runtime), r.endpoint, QString::number(r.connections), QString::number(r.points),
                         throughputText(r), r.valid() ? Format::duration(double(r.p50Ns)) : QString(), p99Text(r), Format::count(double(r.errors)), r.error});
        layout.heading(tr("Load points"), 2);
        layout.table({tr("Server"), tr("Endpoint"), tr("Conn."), tr("n"), tr("Req/s [95% CI]"), tr("p50"), tr("p99 [95% CI]"), tr("Errors"), tr("Problem")},
                     load, {0.17, 0.08, 0.06, 0.04, 0.19, 0.08, 0.24, 0.05, 0.09}, {2, 3, 4, 5, 6, 7});
    }
    if (!capacity.isEmpty()) {
        layout.heading(tr("Capacity at the latency objective"), 2);
        capacityTable(layout, capacity, tr("Conn."));
    }
    if (!others.isEmpty()) {
        QList<QStringList> load;
        for (const LoadRow &r : others)
            load.append({r.benchmark, ServerRows::seriesName(r.server, r.runtime), r.endpoint, QString::number(r.connections),
                         QString::number(r.workers), QString::number(r.points), throughputText(r), p99Text(r),
                         r.serverPssKb >= 0 ? Format::megabytes(double(r.serverPssKb)) : QString(), r.error});
        layout.heading(tr("Idle connections and cluster workers"), 2);
        layout.table({tr("Benchmark"), tr("Server"), tr("Endpoint"), tr("Conn."), tr("Workers"), tr("n"), tr("Req/s [95% CI]"), tr("p99 [95% CI]"),
                      tr("Memory"), tr("Problem")},
                     load, {0.10, 0.17, 0.08, 0.06, 0.07, 0.04, 0.17, 0.15, 0.08, 0.08}, {3, 4, 5, 6, 7, 8});
    }
}

void concurrency(ReportDocument &layout, const QList<LoadRow> &rows, const QList<CapacityRow> &capacity, const QList<LoadRow> &others,
                 const ChartStyle &style)
{
    layout.heading(tr("Concurrency"));
    concurrencyNote(layout);
    endpoints(layout, rows, capacity, others, style);
}

void realtime(ReportDocument &layout, const QList<LoadRow> &rows, const QList<CapacityRow> &capacity, const ChartStyle &style)
{
    layout.heading(tr("Real-time"));
    layout.note(tr("A WebSocket chat room: every message is broadcast to every client. Offered: messages sent × clients per second; "
                   "delivered: what arrived at the clients (never above the offered rate); on the dashed diagonal every message "
                   "arrives. Capacity: the highest broadcast rate at which every client received every message with p99 under the objective."));
    if (!rows.isEmpty()) {
        layout.chart([rows, style] {
            return ReportLayout::forPaper(ChartFactory::delivered(rows, tr("Chat room: messages delivered against offered"), style));
        }, kLineChartHeight, ServerRows::whyNoChart(rows, tr("the chat room")));
        layout.chart([rows, style] {
            return ReportLayout::forPaper(ChartFactory::deliveryLatency(rows, tr("Chat room: p99 delivery latency against offered (lower is better)"),
                                                                        style));
        }, kLineChartHeight, ServerRows::whyNoChart(rows, tr("the chat room")));
    }
    if (capacity.isEmpty())
        layout.note(tr("No capacity search in this set for the chat room."));
    capacityCharts(layout, capacity, {}, tr("Chat room"), style);
    if (!rows.isEmpty()) {
        QList<QStringList> table;
        for (const LoadRow &r : rows)
            table.append({ServerRows::seriesName(r.server, r.runtime), QString::number(r.connections), QString::number(r.points),
                          Format::count(r.offeredPerSec), throughputText(r), QString::number(r.lost), p99Text(r), r.error});
        layout.table({tr("Server"), tr("Clients"), tr("n"), tr("Offered/s"), tr("Delivered/s [95% CI]"), tr("Lost"), tr("p99 [95% CI]"), tr("Problem")},
                     table, {0.18, 0.06, 0.04, 0.10, 0.22, 0.06, 0.24, 0.10}, {1, 2, 3, 4, 5, 6});
    }
    capacityTable(layout, capacity, tr("Clients"));
}

} // namespace

QStringList ServerReport::sectionTitles(const ResultSetAnalysis &analysis)
{
    QStringList titles;
    if (!ServerRows::concurrency(analysis.loadRows).isEmpty() || !ServerRows::capacity(analysis.capacityRows, QStringLiteral("http")).isEmpty()
        || !ServerRows::others(analysis.loadRows).isEmpty())
        titles.append(tr("Concurrency"));
    if (!ServerRows::realtime(analysis.loadRows).isEmpty() || !ServerRows::capacity(analysis.capacityRows, QStringLiteral("chat")).isEmpty())
        titles.append(tr("Real-time"));
    return titles;
}

void ServerReport::write(ReportDocument &layout, const ResultSetAnalysis &analysis, const ChartStyle &style)
{
    const QStringList titles = sectionTitles(analysis);
    if (titles.contains(tr("Concurrency")))
        concurrency(layout, ServerRows::concurrency(analysis.loadRows), ServerRows::capacity(analysis.capacityRows, QStringLiteral("http")),
                    ServerRows::others(analysis.loadRows), style);
    if (titles.contains(tr("Real-time")))
        realtime(layout, ServerRows::realtime(analysis.loadRows), ServerRows::capacity(analysis.capacityRows, QStringLiteral("chat")), style);
}

void ServerReport::writeServers(ReportDocument &layout, const ResultSetAnalysis &analysis, const ChartStyle &style)
{
    const QList<LoadRow> rows = ServerRows::concurrency(analysis.loadRows);
    const QList<CapacityRow> capacity = ServerRows::capacity(analysis.capacityRows, QStringLiteral("http"));
    const QList<LoadRow> others = ServerRows::others(analysis.loadRows);
    if (rows.isEmpty() && capacity.isEmpty() && others.isEmpty())
        return;
    concurrencyNote(layout);
    endpoints(layout, rows, capacity, others, style);
}

} // namespace showdown
