#pragma once

#include "DatasetCatalog.h"
#include "ResultAnalysis.h"
#include "RuntimeInfo.h"
#include "SourceSizeProxy.h"

#include <QList>

namespace showdown {

/// Everything a verdict may read, gathered by the caller so ClaimEvaluator stays a pure function.
struct ClaimInputs {
    QList<RuntimeInfo> runtimes;   ///< the result set's; the first node and first python are compared
    QList<SummaryRow> rows;
    QList<LoadRow> loadRows;
    QList<ScalingRow> scalingRows;
    DatasetCatalog datasets;
    QList<SourceSize> sourceSizes;

    /// Derives every input from a result set's raw samples, with the datasets in use (shipped or imported)
    /// and the shipped programs' source sizes; the CLI and the UI call this so both show the same verdicts.
    [[nodiscard]] static ClaimInputs fromResultSet(const QList<Sample> &samples, const QList<RuntimeInfo> &runtimes);
};

} // namespace showdown
