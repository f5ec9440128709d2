#pragma once

#include "Benchmark.h"
#include "DatasetCatalog.h"
#include "ResultAnalysis.h"
#include "RuntimeBaselines.h"
#include "RuntimeInfo.h"
#include "RuntimePairing.h"
#include "SourceSizeProxy.h"

#include <QList>

#include <optional>

namespace showdown {

/// Everything a verdict may read, gathered by the caller so ClaimEvaluator stays a pure function.
struct ClaimInputs {
    QList<RuntimeInfo> runtimes;   ///< the result set's
    /// The pairing a single verdict judges (ClaimEvaluator::evaluate); empty: the baselines' pairing.
    std::optional<RuntimePairing> pairing;
    /// Each family's baseline, when the user chose one (RuntimeBaselines::choose over pairedRuntimes());
    /// empty: the defaults.
    std::optional<RuntimeBaselines> baselines;
    QList<SummaryRow> rows;
    QList<LoadRow> loadRows;
    QList<ScalingRow> scalingRows;
    QList<CapacityRow> capacityRows;
    /// The set's Node/Python comparisons (ResultAnalysis::comparisons), whose Holm-corrected p the ratio
    /// figures report: one family for the Performance page and the claims. Empty: derived from `rows`.
    QList<Comparison> comparisons;
    DatasetCatalog datasets;
    QList<SourceSize> sourceSizes;
    QList<Benchmark> benchmarks;  ///< the shipped manifest's entries: each kernel's bound and notes
    QString benchmarksError;      ///< why `benchmarks` is empty: the manifest could not be read

    /// The runtimes whose pairings are judged: the set's, then any runtime the rows name without a record
    /// (an old or partial set), made up from its name and family word.
    [[nodiscard]] QList<RuntimeInfo> pairedRuntimes() const;
    /// `baselines`, or the defaults over pairedRuntimes().
    [[nodiscard]] RuntimeBaselines runtimeBaselines() const;

    /// Reads the shipped manifest into `benchmarks` (or its problem into `benchmarksError`); rules that
    /// filter by bound need it.
    void loadShippedBenchmarks();

    /// Derives every input from a result set's raw samples, with the datasets in use (shipped or imported)
    /// and the shipped programs' source sizes; the CLI and the UI call this so both show the same verdicts.
    [[nodiscard]] static ClaimInputs fromResultSet(const QList<Sample> &samples, const QList<RuntimeInfo> &runtimes);
    /// The same from rows a caller has already derived (a report), so they are not computed twice.
    [[nodiscard]] static ClaimInputs fromRows(const QList<RuntimeInfo> &runtimes, const QList<SummaryRow> &rows,
                                              const QList<LoadRow> &loadRows, const QList<ScalingRow> &scalingRows,
                                              const QList<CapacityRow> &capacityRows);
};

} // namespace showdown
