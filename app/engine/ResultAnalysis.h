#pragma once

#include "RuntimeInfo.h"
#include "Sample.h"
#include "Statistics.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace showdown {

/// The derived summary of one benchmark × runtime (× variant); recomputed from raw samples, never stored.
struct SummaryRow {
    QString benchmark;
    QString variant;
    QString runtime;
    QString runtimeKind;
    Summary stats;                       ///< over every measured iteration of every valid process (ns)
    std::optional<double> firstIterationNs;  ///< median first iteration per process: the cold, JIT-warming one
    std::optional<double> warmupMedianNs;    ///< median of in-process warm-up iterations
    qint64 peakRssKb = 0;                ///< largest peak RSS of any process
    double cpuNs = 0;                    ///< median user+system CPU per process
    int processes = 0;
    int invalidProcesses = 0;
    QString error;                       ///< the first failure, with how many processes failed
    QStringList warnings;                ///< noisy, too short, outliers
    QList<double> values;                ///< the raw measured values, for distributions and tests

    [[nodiscard]] bool valid() const { return stats.n > 0 && invalidProcesses == 0; }
};

/// Node against one Python runtime on one benchmark: the ratio of median times with its uncertainty.
struct Comparison {
    QString benchmark;
    QString variant;
    QString nodeRuntime;
    QString pythonRuntime;
    RatioEstimate ratio;   ///< node median / python median: below 1 means Node took less time
    double pValue = 1;     ///< Mann-Whitney U, two-sided
    double pHolm = 1;      ///< Holm-corrected across the comparisons of the result set
    bool valid = false;
};

/// Computes rows and comparisons from the raw samples of a result set.
class ResultAnalysis {
public:
    [[nodiscard]] static QList<SummaryRow> rows(const QList<Sample> &samples, const QList<RuntimeInfo> &runtimes);
    /// Every node runtime against every python runtime, per benchmark and variant present in `rows`.
    [[nodiscard]] static QList<Comparison> comparisons(const QList<SummaryRow> &rows);
};

} // namespace showdown
