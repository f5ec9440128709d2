#include "ServerRows.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>
#include <tuple>

namespace showdown {
namespace {

QString serverKey(const QString &benchmark, const QString &server)
{
    return benchmark + QLatin1Char('/') + server;
}

QSet<QString> scaledServers(const QList<LoadRow> &rows)
{
    QSet<QString> scaled;
    for (const LoadRow &row : rows) {
        if (row.workers > 1)
            scaled.insert(serverKey(row.benchmark, row.server));
    }
    return scaled;
}

/// Servers run in a shuffled order (so drift hits them all); charts, legends and tables list them in a fixed one
/// instead: Node's first, then by name, each server's rows in the order they were measured.
template<typename Row>
QList<Row> byServer(QList<Row> rows)
{
    std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        const bool aNode = a.runtimeKind == QLatin1String("node"), bNode = b.runtimeKind == QLatin1String("node");
        if (aNode != bNode)
            return aNode;
        return std::tie(a.server, a.runtime) < std::tie(b.server, b.runtime);
    });
    return rows;
}

template<typename Row>
QList<Row> endpointRows(const QList<Row> &rows, const QString &endpoint)
{
    QList<Row> result;
    for (const Row &row : rows) {
        if (row.endpoint == endpoint)
            result.append(row);
    }
    return result;
}

template<typename Row>
void appendNames(const QList<Row> &rows, QStringList *names)
{
    for (const Row &row : rows) {
        const QString name = ServerRows::seriesName(row.server, row.runtime, row.workers);
        if (!names->contains(name))
            names->append(name);
    }
}

} // namespace

QList<LoadRow> ServerRows::concurrency(const QList<LoadRow> &rows)
{
    const QSet<QString> scaled = scaledServers(rows);
    QList<LoadRow> result;
    for (const LoadRow &row : rows) {
        if (row.kind == QLatin1String("http") && !scaled.contains(serverKey(row.benchmark, row.server)))
            result.append(row);
    }
    return byServer(result);
}

QList<LoadRow> ServerRows::realtime(const QList<LoadRow> &rows)
{
    QList<LoadRow> result;
    for (const LoadRow &row : rows) {
        if (row.kind == QLatin1String("chat"))
            result.append(row);
    }
    return byServer(result);
}

QList<LoadRow> ServerRows::others(const QList<LoadRow> &rows)
{
    const QSet<QString> scaled = scaledServers(rows);
    QList<LoadRow> result;
    for (const LoadRow &row : rows) {
        const bool drawn = row.kind == QLatin1String("chat")
            || (row.kind == QLatin1String("http") && !scaled.contains(serverKey(row.benchmark, row.server)));
        if (!drawn)
            result.append(row);
    }
    return result;
}

QList<CapacityRow> ServerRows::capacity(const QList<CapacityRow> &rows, const QString &kind)
{
    QList<CapacityRow> result;
    for (const CapacityRow &row : rows) {
        if (row.kind == kind && row.workers <= 1)
            result.append(row);
    }
    return byServer(result);
}

QStringList ServerRows::endpoints(const QList<LoadRow> &rows, const QList<CapacityRow> &capacity)
{
    QStringList result;
    for (const LoadRow &row : rows) {
        if (!result.contains(row.endpoint))
            result.append(row.endpoint);
    }
    for (const CapacityRow &row : capacity) {
        if (!result.contains(row.endpoint))
            result.append(row.endpoint);
    }
    return result;
}

QList<LoadRow> ServerRows::ofEndpoint(const QList<LoadRow> &rows, const QString &endpoint)
{
    return endpointRows(rows, endpoint);
}

QList<CapacityRow> ServerRows::ofEndpoint(const QList<CapacityRow> &rows, const QString &endpoint)
{
    return endpointRows(rows, endpoint);
}

QString ServerRows::seriesName(const QString &server, const QString &runtime, int workers)
{
    const QString name = QStringLiteral("%1 (%2)").arg(server, runtime);
    return workers > 1 ? QCoreApplication::translate("ServerRows", "%1, %2 workers").arg(name).arg(workers) : name;
}

QList<QStringList> ServerRows::seriesGroups(const QList<LoadRow> &rows, const QList<CapacityRow> &capacity)
{
    QStringList names;
    appendNames(rows, &names);
    appendNames(capacity, &names);
    if (names.isEmpty())
        return {};
    const qsizetype groups = (names.size() + kMaxSeries - 1) / kMaxSeries;
    QList<QStringList> result;
    qsizetype start = 0;
    for (qsizetype g = 0; g < groups; ++g) {
        // Even groups (10 → 5 + 5, not 8 + 2), so no chart is left nearly empty.
        const qsizetype size = (names.size() - start) / (groups - g);
        result.append(names.mid(start, size));
        start += size;
    }
    return result;
}

QString ServerRows::objective(const QList<CapacityRow> &rows)
{
    QStringList objectives;
    for (const CapacityRow &row : rows) {
        const QString ms = QCoreApplication::translate("ServerRows", "%1 ms").arg(row.sloP99Ms);
        if (!objectives.contains(ms))
            objectives.append(ms);
    }
    return QCoreApplication::translate("ServerRows", "p99 ≤ %1").arg(objectives.join(QStringLiteral(" / ")));
}

QString ServerRows::whyNoChart(const QList<LoadRow> &rows, const QString &what)
{
    const bool anyValid = std::any_of(rows.begin(), rows.end(), [](const LoadRow &row) { return row.valid(); });
    const bool chat = std::any_of(rows.begin(), rows.end(), [](const LoadRow &row) { return row.kind == QLatin1String("chat"); });
    const bool anyOffered = std::any_of(rows.begin(), rows.end(), [](const LoadRow &row) { return row.offeredPerSec > 0; });
    if (rows.isEmpty())
        return QCoreApplication::translate("ServerRows", "No load points of %1 in this set.").arg(what);
    if (!anyValid)
        return QCoreApplication::translate("ServerRows", "Every load point of %1 failed; the table lists each error.").arg(what);
    if (chat && !anyOffered)
        return QCoreApplication::translate("ServerRows", "These chat rows record no offered rate (measured before deliveries were counted at "
                                                         "the clients), so nothing can be drawn against it; the table lists what was measured.");
    return QCoreApplication::translate("ServerRows", "No load point of %1 has a figure to draw; the table lists what was measured.").arg(what);
}

QString ServerRows::groupSuffix(const QList<QStringList> &groups, qsizetype index)
{
    if (groups.size() <= 1)
        return {};
    qsizetype first = 1, total = 0;
    for (qsizetype g = 0; g < groups.size(); ++g) {
        if (g < index)
            first += groups.at(g).size();
        total += groups.at(g).size();
    }
    return QCoreApplication::translate("ServerRows", " (servers %1–%2 of %3)").arg(first).arg(first + groups.at(index).size() - 1).arg(total);
}

QList<LoadRow> ServerRows::cluster(const QList<LoadRow> &rows)
{
    if (clusterSpeedups(rows).isEmpty())
        return {};
    QList<LoadRow> http;
    for (const LoadRow &row : rows) {
        if (row.kind == QLatin1String("http"))
            http.append(row);
    }
    return http;
}

QList<ScalingRow> ServerRows::clusterSpeedups(const QList<LoadRow> &rows)
{
    // Compare like with like: same server, runtime and endpoint, at the largest connection count measured with 1 worker.
    QList<ScalingRow> result;
    for (const LoadRow &base : rows) {
        if (base.kind != QLatin1String("http") || base.workers != 1 || !base.valid())
            continue;
        bool largest = true;
        for (const LoadRow &other : rows) {
            if (other.kind == base.kind && other.server == base.server && other.runtime == base.runtime && other.endpoint == base.endpoint
                && other.workers == 1 && other.connections > base.connections && other.valid())
                largest = false;
        }
        // Only servers also run at several workers make a line; the rest would be a single point at 1×.
        const auto same = [&base](const LoadRow &row) {
            return row.server == base.server && row.runtime == base.runtime && row.endpoint == base.endpoint
                   && row.connections == base.connections && row.kind == base.kind;
        };
        const bool severalWorkers = std::any_of(rows.begin(), rows.end(), [&](const LoadRow &row) { return same(row) && row.workers > 1; });
        if (!largest || !severalWorkers)
            continue;
        for (const LoadRow &row : rows) {
            if (!same(row))
                continue;
            ScalingRow scaled;
            scaled.benchmark = row.benchmark;
            scaled.variant = QStringLiteral("%1 %2").arg(row.server, row.endpoint);
            scaled.runtime = row.runtime;
            scaled.workers = row.workers;
            scaled.speedup = row.valid() && base.requestsPerSec > 0 ? row.requestsPerSec / base.requestsPerSec : 0;
            scaled.efficiency = scaled.speedup / row.workers;
            scaled.ci = RatioEstimate{scaled.speedup, NAN, NAN};  // one median per side: no interval to give
            result.append(scaled);
        }
    }
    return result;
}

} // namespace showdown
