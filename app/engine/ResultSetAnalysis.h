#pragma once

#include "ResultAnalysis.h"
#include "RuntimeInfo.h"
#include "Sample.h"

#include <QJsonObject>
#include <QList>
#include <QSet>

#include <optional>

namespace showdown {

/// What the processes table shows of one process, so it needs no timings: how many iterations it measured
/// and their median.
struct ProcessSummary {
    qint64 iterations = 0;
    std::optional<double> medianIterationNs;  ///< absent without measured iterations

    [[nodiscard]] static ProcessSummary of(const Sample &sample);
};

/// Everything derived from one result set's raw samples: summaries, JavaScript/Python comparisons and each
/// runtime against its family's baseline (bootstraps),
/// load rows and scaling rows, plus one line per process. Computed once when a run ends or a set is imported
/// and stored with the set, so readers (show, the window, reports) never re-read every sample or rerun a
/// bootstrap. Readers of a set without a current stored analysis compute one in memory.
struct ResultSetAnalysis {
    /// Bump whenever ResultAnalysis, Statistics or ResultJson change any figure, field or warning this holds:
    /// a stored analysis of another version is stale, recomputed by the next write path and ignored by readers.
    static constexpr int kVersion = 3;

    QList<SummaryRow> rows;
    QList<Comparison> comparisons;
    QList<RuntimeComparison> runtimeComparisons;  ///< each runtime against its family's default baseline
    QList<LoadRow> loadRows;
    QList<ScalingRow> scalingRows;
    QList<CapacityRow> capacityRows;
    QList<ProcessSummary> processes;  ///< one per process, in the order the store lists them (by id)

    /// @param baselines each family's baseline; empty: RuntimeBaselines::defaults(runtimes), as stored.
    [[nodiscard]] static ResultSetAnalysis compute(const QList<Sample> &samples, const QList<RuntimeInfo> &runtimes,
                                                   const std::optional<RuntimeBaselines> &baselines = std::nullopt);

    /// The rows, comparisons and server rows of these benchmarks only, in this analysis's order (`processes` is left
    /// empty: it is keyed by position in the store, not by name). What the window's page and the report's section of
    /// a user's own benchmarks show.
    [[nodiscard]] ResultSetAnalysis ofBenchmarks(const QSet<QString> &benchmarks) const;

    /// The stored form: the row, comparison, load-row, scaling-row and capacity objects of `showdown show --json`.
    [[nodiscard]] QJsonObject toJson() const;
    /// toJson()'s inverse; a document that is not one (damaged, or hand-edited) gives nullopt and the reason.
    [[nodiscard]] static std::optional<ResultSetAnalysis> fromJson(const QJsonObject &object, QString *error);
};

} // namespace showdown
