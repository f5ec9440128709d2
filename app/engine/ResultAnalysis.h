#pragma once

#include "RuntimeBaselines.h"
#include "RuntimeInfo.h"
#include "Sample.h"
#include "Statistics.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QtNumeric>

#include <optional>

namespace showdown {

/// The derived summary of one benchmark × runtime (× variant), computed from the raw samples; stored with the
/// set (ResultSetAnalysis) without `values`, which only an in-memory analysis carries.
struct SummaryRow {
    QString benchmark;
    QString variant;
    QString runtime;
    QString runtimeKind;
    int workers = 0;                     ///< --workers given to the processes; 0 when not applicable
    Summary stats;                       ///< over every measured iteration of every valid process (ns)
    std::optional<double> firstIterationNs;  ///< median first iteration per process: the cold, JIT-warming one
    std::optional<double> warmupMedianNs;    ///< median of in-process warm-up iterations
    qint64 peakRssKb = 0;                ///< largest peak RSS of any process
    double cpuNs = 0;                    ///< median user+system CPU per process
    int processes = 0;
    int invalidProcesses = 0;
    QString error;                       ///< the first failure, with how many processes failed
    QStringList warnings;                ///< noisy, too short, outliers
    QList<double> values;                ///< the raw measured values: empty when read from a stored analysis

    [[nodiscard]] bool valid() const { return stats.n > 0 && invalidProcesses == 0; }
};

/// Node against one Python runtime on one benchmark: the ratio of median times with its uncertainty.
struct Comparison {
    QString benchmark;
    QString variant;       ///< "node variant / python variant" when the two sides differ, else the shared one
    int workers = 0;
    QString nodeRuntime;
    QString pythonRuntime;
    RatioEstimate ratio;   ///< node median / python median: below 1 means Node took less time
    double pValue = 1;     ///< Mann-Whitney U, two-sided
    double pHolm = 1;      ///< Holm-corrected across the comparisons of the result set
    bool valid = false;
};

/// A runtime against its family's baseline on one benchmark at one worker count (Bun against Node 22, PyPy
/// against CPython): the "should we switch?" figure, with the same statistics as Comparison.
struct RuntimeComparison {
    RuntimeFamily family = RuntimeFamily::JavaScript;
    QString benchmark;
    QString variant;
    int workers = 0;
    QString runtime;       ///< the runtime compared
    QString baseline;      ///< its family's baseline (RuntimeBaselines)
    RatioEstimate ratio;   ///< runtime median / baseline median: below 1 means the runtime took less time
    double pValue = 1;     ///< Mann-Whitney U, two-sided
    double pHolm = 1;      ///< Holm-corrected across the runtime comparisons of the result set
    bool valid = false;
};

/// One server × endpoint × connection count × worker count, over every process that measured it.
struct LoadRow {
    QString benchmark;
    QString server;        ///< the server variant, e.g. node-http, asyncio, uvloop
    QString runtime;
    QString runtimeKind;
    QString kind;          ///< http, idle, chat
    QString endpoint;
    int connections = 0;
    int workers = 1;
    double rate = 0;
    int points = 0;                  ///< load points merged into this row (one per process)
    double requestsPerSec = 0;       ///< median over points; chat: messages delivered per second
    QList<double> throughputs;       ///< each point's value, for CIs and tests
    QList<double> p99sNs;            ///< each process's own p99 (from its point's histogram), for CIs of p99 ratios
    qint64 p50Ns = 0, p90Ns = 0, p99Ns = 0, p999Ns = 0, maxNs = 0;  ///< from the merged raw histograms
    qint64 completed = 0;
    qint64 errors = 0;
    QJsonObject errorsByKind;
    double serverCpuCores = -1;      ///< median server CPU seconds per second of load; -1 unknown
    qint64 serverPssKb = -1;         ///< median server memory at the end of the point
    double generatorCpuCores = 0;    ///< median generator CPU seconds per second
    QString error;                   ///< why the row has no valid point
    /// Across processes (one point each): bootstrap 95% CI of the median throughput and of the median of the
    /// per-process p50 and p99; NaN when fewer than two processes measured the point.
    double throughputCiLow = qQNaN(), throughputCiHigh = qQNaN();
    double p50CiLowNs = qQNaN(), p50CiHighNs = qQNaN();
    double p99CiLowNs = qQNaN(), p99CiHighNs = qQNaN();
    /// Chat: every message to every client offered per second (rate × clients), and what arrived of it
    /// (requestsPerSec is the delivered rate, never above this); lost = offered deliveries that never arrived.
    double offeredPerSec = 0;
    qint64 lost = 0;

    [[nodiscard]] bool valid() const { return error.isEmpty() && points > 0; }
};

/// One step of a capacity search as the latency-against-rate chart draws it (the "hockey stick").
struct CapacityStep {
    int runIndex = 0;        ///< which server process made the step
    double offered = 0;      ///< the constant rate asked for (chat: messages sent per second)
    double achieved = 0;     ///< completed per second (chat: deliveries per second)
    qint64 p99Ns = 0;        ///< from the step's raw histogram
    bool met = false;        ///< LatencyObjective::metBy
};

/// The highest constant rate a server sustained under a declared p99 objective with no errors, per server ×
/// endpoint (× chat clients × workers), over every server process that searched it.
struct CapacityRow {
    QString benchmark;
    QString server;
    QString runtime;
    QString runtimeKind;
    QString kind;             ///< http or chat
    QString endpoint;
    int connections = 0;      ///< connections the generator used (chat: clients in the room)
    int workers = 1;
    double sloP99Ms = 0;      ///< the objective searched against
    QList<double> rates;      ///< each process's capacity (0 when no step met the objective)
    double rate = 0;          ///< median of `rates`
    double ciLow = qQNaN(), ciHigh = qQNaN();  ///< bootstrap 95% CI of the median; NaN with one process
    /// Requests (chat: messages delivered) per second per core of server CPU at the highest passing step,
    /// median over processes; -1 when the server's CPU was not known.
    double perCore = -1;
    QList<CapacityStep> steps;
    QString error;            ///< why no process gave a capacity

    [[nodiscard]] bool valid() const { return error.isEmpty() && !rates.isEmpty(); }
};

/// Speed-up of one variant on one runtime as workers are added: time at 1 worker / time at N.
struct ScalingRow {
    QString benchmark;
    QString variant;
    QString runtime;
    int workers = 1;
    double medianNs = 0;
    double speedup = 0;      ///< median(1 worker) / median(N workers); 0 when either is missing
    double efficiency = 0;   ///< speedup / workers
    RatioEstimate ci;        ///< bootstrap CI of the speed-up
};

/// Computes rows and comparisons from the raw samples of a result set.
class ResultAnalysis {
public:
    /// Server processes carry load points instead of timings; they are summarised by loadRows().
    [[nodiscard]] static bool isServerSample(const Sample &sample);
    [[nodiscard]] static QList<SummaryRow> rows(const QList<Sample> &samples, const QList<RuntimeInfo> &runtimes);
    /// Every node runtime against every python runtime, per benchmark and variant present in `rows`.
    [[nodiscard]] static QList<Comparison> comparisons(const QList<SummaryRow> &rows);
    /// Every runtime against its family's baseline, per benchmark, variant and worker count both measured.
    [[nodiscard]] static QList<RuntimeComparison> runtimeComparisons(const QList<SummaryRow> &rows, const RuntimeBaselines &baselines);
    /// Server benchmarks: one row per server × endpoint × connections × workers (capacity-search steps left out).
    /// p50Ns..maxNs are pooled: percentiles of every process's histograms merged. The CIs are across processes:
    /// the median throughput, and the median of each process's own p50 and p99, each with a fixed-seed
    /// bootstrap 95% CI (NaN with one process).
    [[nodiscard]] static QList<LoadRow> loadRows(const QList<Sample> &samples, const QList<RuntimeInfo> &runtimes);
    /// Capacity at a latency objective from the capacity-search steps (LoadPoint::sloP99Ms > 0): per server
    /// process the highest step rate LatencyObjective::metBy passed (0 when none did), then the median across
    /// processes with a fixed-seed bootstrap 95% CI, and completed per second per server core at that step.
    [[nodiscard]] static QList<CapacityRow> capacityRows(const QList<Sample> &samples, const QList<RuntimeInfo> &runtimes);
    /// Rows of benchmarks run at several worker counts, with speed-up against the same variant at 1 worker.
    [[nodiscard]] static QList<ScalingRow> scalingRows(const QList<SummaryRow> &rows);
};

} // namespace showdown
