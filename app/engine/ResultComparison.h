#pragma once

#include "ResultAnalysis.h"
#include "ResultSetInfo.h"
#include "RuntimeInfo.h"

#include <QList>
#include <QString>

namespace showdown {

/// How one benchmark × variant × runtime × workers moved between two result sets.
struct ResultChange {
    /// Below this Holm-corrected p, with a CI that excludes 1, a change counts as real.
    static constexpr double kAlpha = 0.05;

    QString benchmark;
    QString variant;
    QString runtime;
    int workers = 0;
    qsizetype baselineN = 0;   ///< measured values in the baseline (0: absent or no valid sample)
    qsizetype candidateN = 0;
    double baselineMedianNs = 0;
    double candidateMedianNs = 0;
    RatioEstimate ratio;       ///< candidate median / baseline median: below 1 means the candidate took less time
    double pValue = 1;         ///< Mann-Whitney U, two-sided
    double pHolm = 1;          ///< Holm-corrected across every change of the comparison
    QString verdict;           ///< faster, slower, unchanged, only-baseline, only-candidate, no-valid-samples

    [[nodiscard]] bool significant() const { return verdict == QLatin1String("faster") || verdict == QLatin1String("slower"); }
};

/// A field of the recorded environment (machine, OS, runtime versions) that differs between two sets.
struct EnvironmentDifference {
    QString key;        ///< e.g. cpu_model, runtime node version
    QString baseline;   ///< empty when absent
    QString candidate;
};

/// Compares two result sets, e.g. two machines, two runtime versions or before/after a change: per row the
/// ratio of medians with a bootstrap CI and Mann-Whitney p (Holm-corrected), plus what differs in the
/// environment that could explain it.
class ResultComparison {
public:
    [[nodiscard]] static QList<ResultChange> changes(const QList<SummaryRow> &baseline, const QList<SummaryRow> &candidate);
    [[nodiscard]] static QList<EnvironmentDifference> environmentDifferences(const ResultSetInfo &baseline,
                                                                             const QList<RuntimeInfo> &baselineRuntimes,
                                                                             const ResultSetInfo &candidate,
                                                                             const QList<RuntimeInfo> &candidateRuntimes);
};

} // namespace showdown
