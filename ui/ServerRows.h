#pragma once

#include "ResultAnalysis.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace showdown {

/// Which server rows the Concurrency and Real-time pages and the report's server sections draw, and how they
/// are cut into charts: one chart per endpoint, at most kMaxSeries servers per chart. One place decides it,
/// so a window page and its PDF page draw the same rows (and the tables beside them list exactly those).
class ServerRows {
public:
    /// Beyond this many lines a chart's legend no longer fits whole on a page or a 1280-pixel window.
    static constexpr qsizetype kMaxSeries = 8;

    /// Each list comes in a fixed order, not the run's shuffled one: Node's servers first, then by name.
    /// HTTP rows of servers run on one worker only: servers also run at several worker counts (cluster)
    /// belong to the Scaling page, their one-worker baseline included.
    [[nodiscard]] static QList<LoadRow> concurrency(const QList<LoadRow> &rows);
    /// The chat room's rows (every client count).
    [[nodiscard]] static QList<LoadRow> realtime(const QList<LoadRow> &rows);
    /// Rows neither page draws (idle connections, cluster workers), for the report's remaining table.
    [[nodiscard]] static QList<LoadRow> others(const QList<LoadRow> &rows);
    /// HTTP throughput at N cluster workers over 1, per server, runtime and endpoint at the largest connection count
    /// measured with one worker: the Scaling page's and the report's cluster chart. Only servers also run at several
    /// workers make a line, so none at all means no server ran at several worker counts.
    [[nodiscard]] static QList<ScalingRow> clusterSpeedups(const QList<LoadRow> &rows);
    /// The HTTP rows behind clusterSpeedups(), or none when no server ran at several worker counts.
    [[nodiscard]] static QList<LoadRow> cluster(const QList<LoadRow> &rows);
    /// Capacity rows of one kind ("http" or "chat"), run on one worker.
    [[nodiscard]] static QList<CapacityRow> capacity(const QList<CapacityRow> &rows, const QString &kind);

    /// Endpoints in the order they were measured, from load rows and capacity rows alike.
    [[nodiscard]] static QStringList endpoints(const QList<LoadRow> &rows, const QList<CapacityRow> &capacity);
    [[nodiscard]] static QList<LoadRow> ofEndpoint(const QList<LoadRow> &rows, const QString &endpoint);
    [[nodiscard]] static QList<CapacityRow> ofEndpoint(const QList<CapacityRow> &rows, const QString &endpoint);

    /// A line's legend name: the whole server name with its runtime in brackets (and workers when more than one).
    [[nodiscard]] static QString seriesName(const QString &server, const QString &runtime, int workers = 1);
    /// The series names of these rows in measured order, cut into even groups of at most kMaxSeries
    /// (10 servers: 5 + 5), one group per chart. Empty rows: no group.
    [[nodiscard]] static QList<QStringList> seriesGroups(const QList<LoadRow> &rows, const QList<CapacityRow> &capacity);
    /// "p99 ≤ 10 ms", or every objective of these rows when they differ ("p99 ≤ 10 ms / 20 ms").
    [[nodiscard]] static QString objective(const QList<CapacityRow> &rows);
    /// Why a chart of these rows draws nothing, in words for the panel or the page in its place: no rows, every
    /// point failed, or (chat) a set measured before the offered rate was recorded.
    [[nodiscard]] static QString whyNoChart(const QList<LoadRow> &rows, const QString &what);
    /// "" for a single group, else " (servers 1–5 of 10)", to tell the charts of one endpoint apart.
    [[nodiscard]] static QString groupSuffix(const QList<QStringList> &groups, qsizetype index);
};

} // namespace showdown
